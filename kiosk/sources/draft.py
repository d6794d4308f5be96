"""What an importer reads from an event tool's export, and how that draft becomes a kiosk Programme.

Every importer (frab XML, schedule JSON, iCalendar) fills a Draft with the sessions it could read, each
with its place in the source; ``finish`` then applies the rules of the kiosk format (ids, rooms,
overlaps, languages) so that an imported programme is one ``kiosk validate`` accepts. Reading single
fields is in ``fields``, type words in ``kinds``, ids in ``ids`` and time zones in ``zones``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from ..languages import has_catalogue
from ..programme import Event, Person, Problem, Programme, Room, Session, Text, Venue
from ..programme.times import fixed_offset
from .fields import one_line
from .ids import identifier, slug, unique
from .zones import choose_zone, device_zone, odd_offset, offset_text, written_offset


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
    cancelled: bool = False


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

    def settle_zone(
        self, given: str | None, declared: str | None, stamped: list[dt.datetime], place: Place
    ) -> None:
        """Take the event's time zone (``zones.choose_zone``), reporting a guess as a warning."""
        self.timezone, guessed = choose_zone(given, declared, stamped, device_zone())
        if guessed:
            self.warn(place, guessed)

    def room(self, name: str, guid: str | None = None) -> str:
        name = one_line(name)
        if name not in self.rooms or (guid and not self.rooms[name]):
            self.rooms[name] = guid or None
        return name


def finish(draft: Draft) -> tuple[Programme | None, list[Problem]]:
    """The draft as a Programme that follows the kiosk's rules, with every skipped item reported."""
    if any(not p.warning for p in draft.problems):
        return None, draft.problems
    zone = ZoneInfo(draft.timezone)
    usable: list[DraftSession] = []
    written = [s for s in draft.sessions if written_offset(s.start)]
    odd = [s for s in written if odd_offset(s.start, zone)]
    # One odd event among many is named; when most disagree the zone itself was the choice reported.
    named_odd = {id(s) for s in odd} if len(odd) * 2 < len(written) else set()
    for session in draft.sessions:
        title = one_line(session.title)
        # The kiosk counts in minutes: a session is widened to whole minutes, never shortened.
        start = fixed_offset(session.start, zone).replace(second=0, microsecond=0)
        end = fixed_offset(session.end, zone)
        if end.second or end.microsecond:
            end = end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
        if id(session) in named_odd:
            draft.warn(
                session.place,
                f"{session.label} is written at {offset_text(session.start.utcoffset())}, not in the "
                f"event's zone {draft.timezone}: the instant is kept and shown at {start:%H:%M} "
                f"{draft.timezone} time",
            )
        if not title:
            draft.warn(session.place, f"{session.label} has no title; skipped")
        elif end <= start:
            draft.warn(session.place, f"{session.label} lasts no time; skipped")
        else:
            usable.append(replace(session, title=title, start=start, end=end))
    usable = _overlaps(draft, usable)
    if not usable:
        draft.error(Place(), "no session could be imported from this file")
        return None, draft.problems

    ordered = [s for _, s in sorted(enumerate(usable), key=lambda p: (p[1].start, p[0]))]
    langs = _event_languages(draft, ordered)
    for session in ordered:
        draft.room(session.room)
    taken: set[str] = set()
    room_ids = {
        name: unique([slug(name), identifier(guid)], taken, "room") for name, guid in draft.rooms.items()
    }
    rooms = tuple(Room(room_ids[name], Text.same(name, langs)) for name in draft.rooms)

    taken = set()
    sessions = []
    for n, s in enumerate(ordered, 1):
        session_id = unique([identifier(c) for c in s.ids], taken, f"session-{n}")
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
                cancelled=s.cancelled,
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


def _overlaps(draft: Draft, sessions: list[DraftSession]) -> list[DraftSession]:
    """Every session kept, each overlap in a room reported with both places (the door shows sessions
    on at once together); only the event's own entry spanning its sessions (Indico writes the whole
    event as one, titled as the calendar) is left out, and reported."""
    event_title = one_line(draft.title).casefold()
    by_room: dict[str, list[DraftSession]] = {}
    for session in sessions:
        by_room.setdefault(one_line(session.room), []).append(session)
    dropped: set[int] = set()
    for entries in by_room.values():
        entries.sort(key=lambda s: (s.start, -s.end.timestamp()))
        for n, session in enumerate(entries):
            inside = [o for o in entries[n + 1 :] if session.start <= o.start and o.end <= session.end]
            if event_title and session.title.casefold() == event_title and inside:
                draft.warn(
                    session.place,
                    f"{session.label} is the event itself, spanning {len(inside)} sessions in room "
                    f"{session.room!r}; skipped",
                )
                dropped.add(id(session))
        shown = [s for s in entries if id(s) not in dropped and not s.cancelled]
        latest: DraftSession | None = None  # the session ending last so far
        for session in shown:
            if latest is not None and session.start < latest.end:
                draft.warn(
                    session.place,
                    f"{session.label} overlaps {latest.label} ({_where(latest.place)}) in room "
                    f"{session.room!r}: both are shown",
                )
            if latest is None or session.end > latest.end:
                latest = session
    return [s for s in sessions if id(s) not in dropped]


def _where(place: Place) -> str:
    return f"line {place.line}" if place.line else place.path


def _event_languages(draft: Draft, sessions: list[DraftSession]) -> tuple[str, ...]:
    """The screen languages of an imported event: the talks' languages that at least a fifth of the
    sessions use, most used first (ties alphabetical), among those the screens have words in; English
    when none. One talk in Abkhazian does not make the screens cycle through Abkhazian (36c3)."""
    counts = Counter(s.language.casefold() for s in sessions if s.language)
    common = [
        lang
        for lang in sorted(counts, key=lambda lang: (-counts[lang], lang))
        if counts[lang] * 5 >= len(sessions)
    ]
    shown = [lang for lang in common if has_catalogue(lang)]
    for lang in common:
        if lang not in shown:
            draft.warn(
                Place(),
                f"{counts[lang]} sessions are in {lang!r}, but the screens have no words in it yet; "
                f"they show in {', '.join(shown or ['en'])}",
            )
    return tuple(shown) or ("en",)
