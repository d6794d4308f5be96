"""iCalendar (.ics): calendar and Indico exports, read with the icalendar library.

Times may be given with a TZID, in UTC (``…Z``) or floating (no zone at all); floating times are read
in the zone given with --timezone, else the calendar's X-WR-TIMEZONE, else the zone most of its times
name. LOCATION is the room. Indico writes the speakers as the first paragraph of DESCRIPTION
("Speakers: Jane Doe (CERN), …") and the contribution's address as its last: both are taken apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import icalendar

from ..programme import Problem, Programme
from .draft import Draft, DraftPerson, DraftSession, Place, finish
from .fields import cancelled_title, language, one_line, paragraphs, plain, plausible
from .kinds import kind
from .zones import choose_zone, device_zone, local, valid_zone

try:
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
except ImportError:  # older icalendar releases keep no such table
    WINDOWS_TO_OLSON = {}

_SPEAKERS = re.compile(
    r"^(?:Speakers?|Speaker\(s\)|Conveners?|Chairs?)\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL
)
_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "GMT", "Etc/GMT", "Universal", "Etc/Universal", "Zulu"}
)
_DECLARING = ("X-WR-TIMEZONE", "VTIMEZONE", "TZID", "X-LIC-LOCATION")
_AFFILIATION = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def read_icalendar(
    data: bytes, name: str, timezone: str | None = None
) -> tuple[Programme | None, list[Problem]]:
    """The programme in an iCalendar file; events that cannot be used are reported and skipped."""
    draft = Draft(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        draft.error(Place(data[: err.start].count(b"\n") + 1), "not UTF-8 text: save the file as UTF-8")
        return None, draft.problems
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as err:  # the library raises TypeError, ValueError… on odd input: all mean broken
        # A TZID naming a folder of tzdata ("Europe") makes the library fail reading a directory.
        bad = _unknown_tzid(text)
        if bad is not None:
            line, name = bad
            draft.error(Place(line, 1, "TZID"), f"{name!r} is not an IANA time zone (e.g. Europe/Paris)")
        else:
            draft.error(Place(), f"not a valid iCalendar file: {err}")
        return None, draft.problems
    draft.title = _text(calendar.get("X-WR-CALNAME"))
    events = calendar.walk("VEVENT")
    # icalendar keeps no line numbers; the n-th BEGIN:VEVENT line is the n-th event it walks.
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().upper() == "BEGIN:VEVENT"]
    places = [
        Place(lines[i] if i < len(lines) else 0, 1 if i < len(lines) else 0, f"VEVENT[{i + 1}]")
        for i in range(len(events))
    ]
    draft.timezone = _zone(calendar, events, timezone, draft, text)
    default_room = draft.title or "Room"
    without_location = 0
    # A name organising most of the calendar's events is its owner (the event's team), not a speaker.
    organisers = Counter(_organiser(e) for e in events if _organiser(e))
    owners = {name for name, n in organisers.items() if n > 3 and n * 2 > len(events)}
    for event, place, repeats in _occurrences(calendar, events, places, draft):
        session = _session(event, place, draft, default_room, owners, repeats)
        if session is not None:
            without_location += not one_line(_text(event.get("LOCATION")))
            draft.sessions.append(session)
    if without_location:
        draft.warn(
            Place(),
            f"{without_location} event{'s' if without_location != 1 else ''} without LOCATION "
            f"put in the room {default_room!r}",
        )
    return finish(draft)


def _occurrences(calendar: icalendar.Calendar, events: list, places: list[Place], draft: Draft):
    """(event, place, repeats) for every occurrence: repeating events (RRULE, RDATE) expanded with
    ``recurring-ical-events``, honouring EXDATE and the occurrences moved by a RECURRENCE-ID."""
    repeating = {
        _text(e.get("UID")) for e in events if e.get("RRULE") or e.get("RDATE") or e.get("RECURRENCE-ID")
    }
    if not repeating:
        yield from ((e, p, False) for e, p in zip(events, places, strict=True))
        return
    import recurring_ical_events

    by_key = {}
    for event, place in zip(events, places, strict=True):
        by_key.setdefault((_text(event.get("UID")), _text(event.get("RECURRENCE-ID"))), place)
        if _text(event.get("UID")) not in repeating:
            yield event, place, False
    starts = [_start_of(e) for e in events]
    starts = [s for s in starts if s is not None]
    if not starts:
        return
    # A rule without an end repeats forever: the window is the programme's own span (a month at least).
    first = min(starts)
    finite = [
        s
        for e, s in zip(events, map(_start_of, events), strict=True)
        if s and _text(e.get("UID")) not in repeating
    ]
    last = max([first + dt.timedelta(days=31), *(s + dt.timedelta(days=1) for s in finite)])
    try:
        found = recurring_ical_events.of(calendar).between(first, last)
    except Exception as err:  # the library raises many kinds on odd rules: report, keep the rest
        draft.warn(
            Place(), f"the repeating events could not be expanded ({type(err).__name__}: {err}); skipped"
        )
        return
    for count, occurrence in enumerate(found):
        uid = _text(occurrence.get("UID"))
        if uid not in repeating:
            continue
        if count > 5000:
            draft.warn(Place(), "more than 5000 occurrences of repeating events: the rest are left out")
            return
        place = by_key.get((uid, _text(occurrence.get("RECURRENCE-ID")))) or by_key.get((uid, ""), Place())
        yield occurrence, place, True


def _start_of(event: icalendar.Event) -> dt.datetime | None:
    """The start of an event as a naive datetime, for choosing the window to expand repeats in."""
    try:
        value = event.decoded("DTSTART")
    except Exception:  # a broken DTSTART is reported when the event itself is read
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time()) if isinstance(value, dt.date) else None


def _zone(calendar: icalendar.Calendar, events: list, given: str | None, draft: Draft, text: str) -> str:
    if given:
        return given
    # X-WR-TIMEZONE, or the zone a hand-made calendar names as a property of its own (VTIMEZONE: …).
    for prop in _DECLARING:
        declared = _text(calendar.get(prop)).strip()
        if not declared:
            continue
        if valid_zone(declared):
            return valid_zone(declared)
        line = _line_of(text, prop)
        draft.warn(Place(line, 1 if line else 0, prop), f"{declared!r} is not an IANA time zone; ignored")
    # UTC is how calendar programs write instants, rarely the venue's own zone: it does not count.
    named = Counter(z for z in (_event_zone(e) for e in events) if z and z not in _UTC_NAMES)
    if named:
        return named.most_common(1)[0][0]
    zone, why = choose_zone(None, None, [], device_zone())
    draft.warn(Place(), why.replace("the source names", "the calendar names"))
    return zone


def _unknown_tzid(text: str) -> tuple[int, str] | None:
    """The first line whose TZID parameter names neither an IANA zone nor one the calendar defines."""
    defined = set(re.findall(r"^TZID:(.+)$", text, re.M))
    for n, line in enumerate(text.splitlines(), 1):
        match = re.search(r";TZID=(\"[^\"]*\"|[^;:]*)", line)
        if match:
            name = match[1].strip('"')
            if name not in defined and _iana(name) is None:
                return n, name
    return None


def _line_of(text: str, name: str) -> int:
    """The line where the calendar property ``name`` is written (0 when it is not)."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.upper().startswith((name + ":", name + ";")):
            return n
    return 0


def _event_zone(event: icalendar.Event) -> str | None:
    """The IANA zone an event's start names, if any (UTC times and floating times name none)."""
    prop = event.get("DTSTART")
    tzid = prop.params.get("TZID") if prop is not None and hasattr(prop, "params") else None
    if not tzid:
        return None
    return _iana(tzid)


def _iana(tzid: str) -> str | None:
    tzid = tzid.strip().strip('"')
    if tzid in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[tzid]
    # Some writers prefix the zone with a path of their own: /mozilla.org/20050126_1/Europe/Paris
    for candidate in (tzid, "/".join(tzid.split("/")[-2:]), "/".join(tzid.split("/")[-3:])):
        zone = valid_zone(candidate)
        if zone:
            return zone
    return None


def _session(
    event: icalendar.Event, place: Place, draft: Draft, default_room: str, owners: set[str], repeats: bool
) -> DraftSession | None:
    uid = _text(event.get("UID"))
    title = _text(event.get("SUMMARY"))
    label = f"event {uid or '(no UID)'} {one_line(title)!r}"
    broken = {prop for prop, _ in getattr(event, "errors", [])}
    if "DTSTART" in broken or event.get("DTSTART") is None:
        draft.warn(place, f"{label} has no usable DTSTART; skipped")
        return None
    start = event.decoded("DTSTART")
    if not isinstance(start, dt.datetime):
        draft.warn(place, f"{label} is an all-day entry; skipped (a screen shows sessions with times)")
        return None
    if not plausible(start):
        draft.warn(place, f"{label} starts in the year {start.year}; skipped")
        return None
    start = _aware(start, event.get("DTSTART"), draft, place, label)
    end = _end(event, start, broken, draft, place, label)
    if end is None:
        return None

    description = plain(_text(event.get("DESCRIPTION")))
    url = _text(event.get("URL")).strip()
    people, description = _indico_speakers(description, url)
    organiser = _organiser(event)
    if organiser and organiser not in owners and organiser not in {p.name for p in people}:
        people.append(DraftPerson(organiser))
    people += _chairs(event)
    return DraftSession(
        place=place,
        label=label,
        # Each occurrence of a repeating event is a session of its own: its id says which.
        ids=(f"{uid}-{start:%Y%m%dT%H%M}",) if repeats else (uid,),
        title=cancelled_title(title)[0],
        start=start,
        end=end,
        room=one_line(_text(event.get("LOCATION"))) or default_room,
        kind=_kind(event),
        description=description,
        people=tuple(people),
        language=_language(event),
        url=url if url.startswith(("http://", "https://")) else None,
        cancelled=_text(event.get("STATUS")).strip().upper() == "CANCELLED" or cancelled_title(title)[1],
    )


def _aware(value: dt.datetime, prop, draft: Draft, place: Place, label: str) -> dt.datetime:
    if value.tzinfo is not None:
        return value
    tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
    zone = _iana(tzid) if tzid else None
    if tzid and zone is None:
        draft.warn(
            place, f"{label}: the time zone {tzid!r} is not known; its time is read in {draft.timezone}"
        )
    # A floating time is a wall-clock time wherever the calendar is read: here, the event's zone.
    return local(value, zone or draft.timezone)


def _end(
    event: icalendar.Event, start: dt.datetime, broken: set[str], draft: Draft, place: Place, label: str
) -> dt.datetime | None:
    if event.get("DTEND") is not None and "DTEND" not in broken:
        end = event.decoded("DTEND")
        if isinstance(end, dt.datetime) and plausible(end):
            return _aware(end, event.get("DTEND"), draft, place, label)
    if event.get("DURATION") is not None and "DURATION" not in broken:
        length = event.decoded("DURATION")
        if isinstance(length, dt.timedelta) and length <= dt.timedelta(days=366):
            return start + length
    draft.warn(place, f"{label} has no usable DTEND or DURATION; skipped")
    return None


def _kind(event: icalendar.Event) -> str:
    for category in _categories(event):
        found = kind(category, "")
        if found:
            return found
    return "other"


def _categories(event: icalendar.Event) -> list[str]:
    value = event.get("CATEGORIES")
    values = value if isinstance(value, list) else [value] if value is not None else []
    out = []
    for item in values:
        cats = getattr(item, "cats", None)
        out += [_text(c) for c in cats] if cats is not None else _text(item).split(",")
    return [c.strip() for c in out if c.strip()]


def _language(event: icalendar.Event) -> str | None:
    summary = event.get("SUMMARY")
    param = summary.params.get("LANGUAGE") if summary is not None and hasattr(summary, "params") else None
    return language(_text(event.get("LANGUAGE"))) or language(param)


def _organiser(event: icalendar.Event) -> str:
    """The name (CN) of an event's ORGANIZER: hand-made programmes put the speaker there."""
    value = event.get("ORGANIZER")
    value = value[0] if isinstance(value, list) and value else value
    return one_line(value.params.get("CN")) if hasattr(value, "params") else ""


def _chairs(event: icalendar.Event) -> list[DraftPerson]:
    """Chairs named among the attendees: the session's moderators (other attendees are the audience)."""
    value = event.get("ATTENDEE")
    attendees = value if isinstance(value, list) else [value] if value is not None else []
    return [
        DraftPerson(one_line(a.params.get("CN")), "moderator")
        for a in attendees
        if hasattr(a, "params")
        and str(a.params.get("ROLE", "")).upper() == "CHAIR"
        and one_line(a.params.get("CN"))
    ]


def _indico_speakers(description: str, url: str) -> tuple[list[DraftPerson], str]:
    """Indico's "Speakers: Name (Affiliation), …" paragraph as people; the trailing address dropped."""
    blocks = description.split("\n\n") if description else []
    people: list[DraftPerson] = []
    if blocks and (match := _SPEAKERS.match(blocks[0])):
        for who in _split_names(" ".join(match[1].split())):
            named = _AFFILIATION.match(who)
            name, affiliation = (named[1], named[2]) if named else (who, "")
            if one_line(name):
                people.append(DraftPerson(one_line(name), "speaker", one_line(affiliation)))
        blocks = blocks[1:]
    if url and blocks and blocks[-1].strip() == url:
        blocks = blocks[:-1]
    return people, paragraphs("\n\n".join(blocks))


def _split_names(text: str) -> list[str]:
    """Split on commas outside parentheses: "A (CERN, Geneva), B" → ["A (CERN, Geneva)", "B"]."""
    names, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            names.append(current.strip())
            current = ""
        else:
            current += char
    names.append(current.strip())
    return [n for n in names if n]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
