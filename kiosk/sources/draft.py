"""What an importer reads from an event tool's export, and how that draft becomes a kiosk Programme.

Every importer (frab XML, schedule JSON, iCalendar) fills a Draft with the sessions it could read, each
with its place in the source; ``finish`` then applies the rules of the kiosk format (ids, rooms,
overlaps, languages) so that an imported programme is one ``kiosk validate`` accepts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..programme import Event, Person, Problem, Programme, Room, Session, Text, Venue
from ..programme.model import VENUE_WIDE_KINDS

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.:-]+")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_DURATION = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_MARKUP = re.compile(
    r"</?(?:p|br|div|span|ul|ol|li|a|em|strong|b|i|h[1-6]|blockquote|code|pre)\b[^>]*>", re.I
)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
MAX_ID_LENGTH = 80

# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLITERATION = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th"})

# Event tools name their session types freely; these words map onto the kiosk's kinds.
_KIND_WORDS = {
    "lecture": "talk",
    "talk": "talk",
    "lightning talk": "talk",
    "lightningtalk": "talk",
    "presentation": "talk",
    "contribution": "talk",
    "keynote": "plenary",
    "plenary": "plenary",
    "opening": "plenary",
    "closing": "plenary",
    "ceremony": "plenary",
    "panel": "panel",
    "podium": "panel",
    "discussion": "panel",
    "debate": "panel",
    "roundtable": "panel",
    "round table": "panel",
    "workshop": "workshop",
    "hands on": "workshop",
    "tutorial": "workshop",
    "training": "workshop",
    "meeting": "meeting",
    "bof": "meeting",
    "meetup": "meeting",
    "activity": "activity",
    "performance": "activity",
    "concert": "activity",
    "game": "activity",
    "show": "activity",
    "video": "video",
    "film": "video",
    "movie": "video",
    "screening": "video",
    "info": "info",
    "information": "info",
    "announcement": "info",
    "break": "break",
    "coffee": "break",
    "coffee break": "break",
    "pause": "break",
    "meal": "meal",
    "lunch": "meal",
    "dinner": "meal",
    "breakfast": "meal",
    "social": "social",
    "party": "social",
    "reception": "social",
    "cocktail": "social",
    "networking": "social",
    "other": "other",
}


@dataclass(frozen=True)
class Place:
    """Where something is in the source: a line and column when known, else a path to it."""

    line: int = 0
    column: int = 0
    path: str = ""


@dataclass(frozen=True)
class DraftPerson:
    name: str
    role: str = "speaker"
    affiliation: str = ""


@dataclass
class DraftSession:
    place: Place
    label: str  # how a person finds it in the source: event 6561 "31C3 Opening Event"
    ids: tuple[str, ...]  # candidate ids, best first (guid, id, code…)
    title: str
    start: dt.datetime  # timezone-aware
    end: dt.datetime  # timezone-aware
    room: str  # the room's name as the source writes it
    kind: str = "other"
    description: str = ""
    people: tuple[DraftPerson, ...] = ()
    language: str | None = None
    url: str | None = None


@dataclass
class Draft:
    """A programme as read from a source, before the kiosk's rules are applied."""

    source: str  # the file name used in problems
    title: str = ""
    acronym: str = ""
    timezone: str = "UTC"
    venue: str = ""
    address: str = ""
    rooms: dict[str, str | None] = field(default_factory=dict)  # room name → guid, in source order
    sessions: list[DraftSession] = field(default_factory=list)
    days: set[dt.date] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def warn(self, place: Place, message: str) -> None:
        self.problems.append(Problem(self.source, place.line, place.column, place.path, message, True))

    def error(self, place: Place, message: str) -> None:
        self.problems.append(Problem(self.source, place.line, place.column, place.path, message))

    def room(self, name: str, guid: str | None = None) -> str:
        name = one_line(name)
        if name not in self.rooms or (guid and not self.rooms[name]):
            self.rooms[name] = guid or None
        return name


# -- reading values ------------------------------------------------------------------------------
def one_line(text: object) -> str:
    """A title or name: whitespace (line ends, tabs, doubled spaces) collapsed, as kiosk reads it."""
    return " ".join(text.split()) if isinstance(text, str) else ""


def paragraphs(text: object) -> str:
    """A description: LF line ends, lines right-trimmed, a one-line text collapsed as kiosk reads it."""
    if not isinstance(text, str):
        return ""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text if "\n" in text else one_line(text)


def plain(text: object) -> str:
    """A description that may be HTML (FOSDEM abstracts, Indico): its text, in paragraphs; screens
    show plain text only, so markup would appear as characters."""
    if not isinstance(text, str):
        return ""
    if not _MARKUP.search(text):
        return paragraphs(text)
    reader = _TextOfHtml()
    reader.feed(text)
    reader.close()
    return paragraphs(reader.text())


class _TextOfHtml(HTMLParser):
    _BREAKS = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n" if tag in ("br", "li") else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS and tag not in ("br", "li"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(" ".join(data.split("\n")))

    def text(self) -> str:
        joined = "".join(self.parts)
        return "\n".join(" ".join(line.split()) for line in joined.split("\n"))


def language(code: object) -> str | None:
    """A talk's language as a BCP 47 code (``en``, ``pt-BR``), or None when the source's is not one."""
    if not isinstance(code, str) or not _LANGUAGE.match(code.strip()):
        return None
    head, *rest = code.strip().split("-")
    return "-".join([head.lower(), *rest])


def kind(source_type: object, default: str) -> str:
    """The kiosk kind for a source's session type (lecture → talk, podium → panel, lunch → meal)."""
    words = re.sub(r"[\s_-]+", " ", source_type.casefold()).strip() if isinstance(source_type, str) else ""
    if not words:
        return default
    if words in _KIND_WORDS:
        return _KIND_WORDS[words]
    found = [_KIND_WORDS[word] for word in words.split() if word in _KIND_WORDS]
    # "Lunch talk" is a talk: a venue-wide kind (shown to every room) only when nothing else fits.
    return next((k for k in found if k not in VENUE_WIDE_KINDS), found[0] if found else default)


def duration(text: object) -> dt.timedelta | None:
    """A frab duration: ``00:30``, ``1:30``, ``01:30:00``."""
    match = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if not match:
        return None
    return dt.timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def clock(text: object) -> dt.time | None:
    """A wall-clock time ``HH:MM`` or ``HH:MM:SS``."""
    match = _CLOCK.match(text.strip()) if isinstance(text, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
        return None
    return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))


def instant(text: object) -> dt.datetime | None:
    """An ISO 8601 date and time, with or without an offset; None when it is not one."""
    if not isinstance(text, str):
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if plausible(value) else None


def plausible(value: dt.datetime) -> bool:
    """A year a programme can be in: the year 9999 is a typo, and adding a duration to it overflows."""
    return 1970 <= value.year <= 2200


def local(naive: dt.datetime, zone: str) -> dt.datetime:
    return naive.replace(tzinfo=ZoneInfo(zone))


def fixed(instant: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """``instant`` at the event's wall-clock time with the offset then in force, fixed, as kiosk loads
    times: two datetimes sharing a ZoneInfo compare on the wall clock, an hour off across DST."""
    wall = instant.astimezone(zone)
    return wall.replace(tzinfo=dt.timezone(wall.utcoffset()), fold=0)


# -- ids -----------------------------------------------------------------------------------------
def identifier(text: object) -> str:
    """``text`` made into a kiosk id (letters, digits, _ . : -, starting with a letter or digit)."""
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        return ""
    cleaned = _ID_CHARS.sub("-", text.strip())
    cleaned = re.sub(r"^[^A-Za-z0-9]+", "", cleaned)[:MAX_ID_LENGTH]
    return cleaned.rstrip("-_.:")


def slug(text: str) -> str:
    """A short lower-case id from a name: "Saal 1" → saal-1, "Großer Saal" → grosser-saal."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATION))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:MAX_ID_LENGTH].strip("-")


def _unique(candidates: list[str], taken: set[str], fallback: str) -> str:
    usable = [c for c in candidates if c] or [fallback]
    for candidate in usable:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    base = usable[0]
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    taken.add(f"{base}-{n}")
    return f"{base}-{n}"


# -- time zones ----------------------------------------------------------------------------------
def valid_zone(name: object) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip()).key
    except (ZoneInfoNotFoundError, ValueError):
        return None


def fixed_zone(offset: dt.timedelta) -> str | None:
    """The IANA name of a whole-hour offset: +01:00 → Etc/GMT-1 (Etc names count the other way)."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 14:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def choose_zone(
    draft: Draft, given: str | None, declared: str | None, stamped: list[dt.datetime], place: Place
) -> str:
    """The event's time zone: the one given by the user, else the source's when its times agree, else
    one that matches the offsets the times carry, else UTC; every guess is reported as a warning."""
    if given:
        return given
    offsets = Counter(t.utcoffset() for t in stamped if t.utcoffset() is not None)
    why = "the source names no time zone"
    if declared:
        zone = valid_zone(declared)
        disagree = [t for t in stamped if zone and t.astimezone(ZoneInfo(zone)).utcoffset() != t.utcoffset()]
        if zone and not disagree:
            return zone
        if zone is None:
            why = f"the source's time zone {declared!r} is not an IANA zone"
        else:
            why = (
                f"the source says its time zone is {zone}, but its times carry the offset "
                f"{_offset(disagree[0].utcoffset())} (the times are taken as written)"
            )
    if offsets:
        offset, _ = offsets.most_common(1)[0]
        zone = fixed_zone(offset)
        if zone is not None:
            mixed = ", the most common of several" if len(offsets) > 1 else ""
            draft.warn(
                place,
                f"{why}: screens show times at {_offset(offset)}{mixed} ({zone}); "
                "give --timezone (e.g. Europe/Berlin) to name the venue's zone",
            )
            return zone
    draft.warn(
        place, f"{why}: screens show times in UTC; give --timezone (e.g. Europe/Berlin) to name the zone"
    )
    return "UTC"


def _offset(offset: dt.timedelta | None) -> str:
    seconds = int(offset.total_seconds()) if offset is not None else 0
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


# -- from draft to programme ---------------------------------------------------------------------
def finish(draft: Draft) -> tuple[Programme | None, list[Problem]]:
    """The draft as a Programme that follows the kiosk's rules, with every skipped item reported."""
    if any(not p.warning for p in draft.problems):
        return None, draft.problems
    zone = ZoneInfo(draft.timezone)
    usable: list[DraftSession] = []
    for session in draft.sessions:
        title = one_line(session.title)
        # The kiosk counts in minutes: a session is widened to whole minutes, never shortened.
        start = fixed(session.start, zone).replace(second=0, microsecond=0)
        end = fixed(session.end, zone)
        if end.second or end.microsecond:
            end = end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
        if not title:
            draft.warn(session.place, f"{session.label} has no title; skipped")
        elif end <= start:
            draft.warn(session.place, f"{session.label} lasts no time; skipped")
        else:
            usable.append(replace(session, title=title, start=start, end=end))
    usable = _without_overlaps(draft, usable)
    if not usable:
        draft.error(Place(), "no session could be imported from this file")
        return None, draft.problems

    ordered = [s for _, s in sorted(enumerate(usable), key=lambda p: (p[1].start, p[0]))]
    langs = _event_languages(ordered)
    for session in ordered:
        draft.room(session.room)
    taken: set[str] = set()
    room_ids = {
        name: _unique([slug(name), identifier(guid)], taken, "room") for name, guid in draft.rooms.items()
    }
    rooms = tuple(Room(room_ids[name], Text.same(name, langs)) for name in draft.rooms)

    taken = set()
    sessions = []
    for n, s in enumerate(ordered, 1):
        session_id = _unique([identifier(c) for c in s.ids], taken, f"session-{n}")
        sessions.append(
            Session(
                id=session_id,
                title=Text.same(s.title, langs),
                start=s.start,
                end=s.end,
                room=room_ids[one_line(s.room)],
                kind=s.kind,
                description=Text.same(s.description, langs) if s.description else Text(),
                people=tuple(
                    Person(p.name, p.role, Text.same(p.affiliation, langs) if p.affiliation else Text())
                    for p in s.people
                ),
                language=s.language,
                url=s.url or None,
            )
        )
    days = {s.start.astimezone(zone).date() for s in sessions} | draft.days
    title = one_line(draft.title) or one_line(draft.acronym) or "Programme"
    event = Event(
        id=slug(draft.acronym) or slug(title) or "event",
        title=Text.same(title, langs),
        languages=langs,
        timezone=draft.timezone,
        first_day=min(days),
        last_day=max(days),
        short_title=Text.same(one_line(draft.acronym), langs) if one_line(draft.acronym) else Text(),
        venue=Venue(
            Text.same(one_line(draft.venue), langs) if one_line(draft.venue) else Text(),
            Text.same(one_line(draft.address), langs) if one_line(draft.address) else Text(),
        ),
    )
    programme = Programme(event, rooms, tuple(sessions), draft.source, tuple(draft.problems))
    return programme, draft.problems


def _without_overlaps(draft: Draft, sessions: list[DraftSession]) -> list[DraftSession]:
    """Keep, in each room, the most sessions that do not overlap (the kiosk format forbids overlaps);
    a long item spanning many talks (a whole-day entry) is the one dropped, and reported."""
    by_room: dict[str, list[tuple[int, DraftSession]]] = {}
    for index, session in enumerate(sessions):
        by_room.setdefault(one_line(session.room), []).append((index, session))
    dropped: set[int] = set()
    for entries in by_room.values():
        kept: list[DraftSession] = []
        # Earliest end first keeps the largest number of sessions (interval scheduling).
        for index, session in sorted(entries, key=lambda e: (e[1].end, e[1].start, e[0])):
            if kept and session.start < kept[-1].end:
                other = next(k for k in kept if k.start < session.end and session.start < k.end)
                draft.warn(
                    session.place,
                    f"{session.label} overlaps {other.label} in room {session.room!r}; skipped "
                    "(a room shows one session at a time)",
                )
                dropped.add(index)
            else:
                kept.append(session)
    return [s for i, s in enumerate(sessions) if i not in dropped]


def _event_languages(sessions: list[DraftSession]) -> tuple[str, ...]:
    """The talks' languages, most used first (ties alphabetical); English when the source says none."""
    counts = Counter(s.language for s in sessions if s.language)
    ordered = sorted(counts, key=lambda lang: (-counts[lang], lang))
    return tuple(ordered) or ("en",)
