"""The frab / pretalx / c3voc schedule JSON (``schedule.conference.days[].rooms{name: [event…]}``).

Each event's ``date`` carries its offset and is trusted over ``time_zone_name``: pretalx writes
``time_zone_name: UTC`` for events whose times are at +01:00.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json

from ..programme import Problem, Programme
from .draft import Draft, DraftPerson, DraftSession, Place, finish
from .fields import cancelled_state, cancelled_title, clock, duration, instant, language, one_line, plain
from .kinds import kind
from .zones import local

# Version 2's participant roles shown on a screen (contributors and the like are not).
_ROLES = {"SPEAKER": "speaker", "MODERATOR": "moderator", "HOST": "host", "PANELIST": "panellist"}


def read_schedule_json(
    data: bytes, name: str, timezone: str | None = None
) -> tuple[Programme | None, list[Problem]]:
    """The programme in a schedule JSON file; sessions that cannot be used are reported and skipped."""
    draft = Draft(name)
    document = _load(data, draft)
    if document is None:
        return None, draft.problems
    if isinstance(document.get("schedule"), dict):
        schedule, base = document["schedule"], "schedule"
    else:
        schedule, base = document, ""
    conference = schedule.get("conference")
    path = f"{base}.conference" if base else "conference"
    if not isinstance(conference, dict):
        draft.error(Place(path=path), "missing: a schedule JSON has a conference object")
        return None, draft.problems
    draft.title = _str(conference.get("title"))
    draft.acronym = _str(conference.get("acronym"))
    declared = conference.get("rooms")
    for room in declared if isinstance(declared, list) else []:
        if isinstance(room, dict) and one_line(room.get("name")):
            draft.room(room["name"], _str(room.get("guid")) or None)

    if isinstance(schedule.get("events"), list):
        found = list(
            _flat_events(schedule["events"], f"{base}.events" if base else "events", conference, draft)
        )
    elif isinstance(conference.get("days"), list) and not any(
        isinstance(d, dict) and isinstance(d.get("rooms"), dict) for d in conference["days"]
    ):
        draft.error(
            Place(path=f"{path}.days"),
            "a schedule JSON in a layout kiosk does not read: neither rooms in its days (version 1) nor "
            "a list of events beside the conference (version 2)",
        )
        return None, draft.problems
    else:
        found = list(_events(conference, path, draft))
    stamped = [t for t in (instant(e.get("date") or e.get("start")) for e, *_ in found) if t and t.tzinfo]
    draft.settle_zone(
        timezone, _str(conference.get("time_zone_name")), stamped, Place(path=f"{path}.time_zone_name")
    )
    for event, place, room, day in found:
        session = _session(event, place, room, day, draft)
        if session is not None:
            draft.sessions.append(session)
    return finish(draft)


def _load(data: bytes, draft: Draft) -> dict | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        draft.error(Place(data[: err.start].count(b"\n") + 1), "not UTF-8 text: save the file as UTF-8")
        return None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        draft.error(Place(err.lineno, err.colno), f"not valid JSON: {err.msg}")
        return None
    except RecursionError:
        draft.error(Place(), "the JSON is nested too deeply to be a schedule")
        return None
    if not isinstance(document, dict):
        draft.error(Place(), "expected a JSON object with a schedule")
        return None
    return document


def _events(conference: dict, path: str, draft: Draft):
    days = conference.get("days")
    if not isinstance(days, list):
        draft.warn(Place(path=f"{path}.days"), "no list of days: no session to import")
        return
    for d, day in enumerate(days):
        day_path = f"{path}.days[{d}]"
        if not isinstance(day, dict) or not isinstance(day.get("rooms"), dict):
            draft.warn(Place(path=day_path), "a day without its rooms; skipped")
            continue
        try:
            date = dt.date.fromisoformat(_str(day.get("date")).strip())
        except ValueError:
            start = instant(day.get("day_start"))
            date = start.date() if start else None
        if date is not None:
            draft.days.add(date)
        for room_name, events in day["rooms"].items():
            room_path = f"{day_path}.rooms[{json.dumps(room_name, ensure_ascii=False)}]"
            if not isinstance(events, list):
                draft.warn(Place(path=room_path), "expected a list of events; skipped")
                continue
            for k, event in enumerate(events):
                place = Place(path=f"{room_path}[{k}]")
                if not isinstance(event, dict):
                    draft.warn(place, "expected an event object; skipped")
                    continue
                room = one_line(room_name) or one_line(event.get("room"))
                if not room:
                    draft.warn(place, f"{_label(event)} has no room; skipped")
                    continue
                draft.room(room)
                yield event, place, room, (date, instant(day.get("day_start")))


def _flat_events(events: list, path: str, conference: dict, draft: Draft):
    """Schedule JSON version 2 (the CCC hub): one list of events, each with its own room and times."""
    for day in conference.get("days") or []:
        if isinstance(day, dict):
            with contextlib.suppress(ValueError):
                draft.days.add(dt.date.fromisoformat(_str(day.get("date")).strip()))
    for k, event in enumerate(events):
        place = Place(path=f"{path}[{k}]")
        if not isinstance(event, dict):
            draft.warn(place, "expected an event object; skipped")
            continue
        room = event.get("room")
        room, guid = (room.get("name"), room.get("guid")) if isinstance(room, dict) else (room, None)
        if not one_line(room):
            draft.warn(place, f"{_label(event)} has no room; skipped")
            continue
        yield event, place, draft.room(room, _str(guid) or None), (None, None)


def _session(
    event: dict, place: Place, room: str, day: tuple[dt.date | None, dt.datetime | None], draft: Draft
) -> DraftSession | None:
    label = _label(event)
    start = _start(event, day, draft.timezone)
    if start is None:
        draft.warn(place, f"{label}: no usable date ({event.get('date')!r}) or start; skipped")
        return None
    end = instant(event.get("end"))
    if end is not None:
        end = end if end.tzinfo else local(end, draft.timezone)
    else:
        length = duration(event.get("duration"))
        if length is None:
            draft.warn(place, f"{label}: no usable end or duration ({event.get('duration')!r}); skipped")
            return None
        end = start + length
    subtitle = one_line(event.get("subtitle"))
    summary = plain(event.get("abstract")) or plain(event.get("description"))
    people = []
    persons = event.get("persons")
    for person in persons if isinstance(persons, list) else []:
        if isinstance(person, dict):
            who = one_line(person.get("public_name")) or one_line(person.get("name"))
        else:
            who = one_line(person)
        if who:
            people.append(DraftPerson(who))
    participants = event.get("participants")
    for person in participants if isinstance(participants, list) and not people else []:
        role = _ROLES.get(_str(person.get("role")).upper() or "SPEAKER") if isinstance(person, dict) else None
        if role and one_line(person.get("name")):
            people.append(DraftPerson(one_line(person.get("name")), role))
    url = _str(event.get("url")).strip()
    title, marked = cancelled_title(_str(event.get("title")))
    cancelled = marked or cancelled_state(event.get("state")) or cancelled_state(event.get("status"))
    return DraftSession(
        place=place,
        label=label,
        ids=(_str(event.get("guid")), _str(event.get("id")), _str(event.get("code"))),
        title=title,
        start=start,
        end=end,
        room=room,
        kind=kind(event.get("type"), "talk"),
        description="\n\n".join(p for p in (subtitle, summary) if p),
        people=tuple(people),
        language=language(event.get("language")),
        url=url if url.startswith(("http://", "https://")) else None,
        cancelled=cancelled,
    )


def _start(event: dict, day: tuple[dt.date | None, dt.datetime | None], zone: str) -> dt.datetime | None:
    stamped = instant(event.get("date")) or instant(event.get("start"))  # version 2: start in full
    if stamped is not None:
        return stamped if stamped.tzinfo else local(stamped, zone)
    date, day_start = day
    at = clock(event.get("start"))
    if at is None or date is None:
        return None
    # A day running past midnight: a start before the day's own start is in the small hours after it.
    if day_start is not None and at < day_start.time():
        date += dt.timedelta(days=1)
    return local(dt.datetime.combine(date, at), zone)


def _label(event: dict) -> str:
    ident = _str(event.get("guid")) or _str(event.get("id")) or "?"
    return f"event {ident} {one_line(event.get('title'))!r}"


def _str(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value) if isinstance(value, (str, int)) else ""
