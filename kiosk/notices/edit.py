"""Adding and clearing notices as `kiosk notice` does: checked like a hand-edited file. Qt-free.

A new notice is written among the others and the whole document is read back against the programme,
so the command and a hand edit meet exactly the same rules. Notices that have ended are dropped when
the file is written again.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable

from .. import schedule
from ..clock import parse_when
from ..programme import Programme, Session
from ..programme.times import fixed_offset
from . import words
from .apply import apply
from .load import NoticesError, parse_notices
from .model import Notice, Notices
from .write import dump_fields, notice_fields

_TIME_ALONE = re.compile(r"^(\d{1,2})[:hH](\d{2})(?::(\d{2}))?$")
_ROOM_AND_TIME = re.compile(r"^(.+?)[\s@]+(\d{1,2}[:hH]\d{2})$")


class NoticeRefused(Exception):
    """A notice that cannot be written; the message is one line, ready to print."""


def programme_day(programme: Programme, now: dt.datetime) -> dt.date:
    """The day a time alone means: today during the event, else its first day (a rehearsal the day before)."""
    event = programme.event
    today = now.astimezone(event.zone).date()
    return today if event.first_day <= today <= event.last_day else event.first_day


def when(text: str, programme: Programme, now: dt.datetime) -> dt.datetime:
    """``14:05`` (the programme's day), ``14:05:30``, ``now``, or an ISO 8601 date and time."""
    text = text.strip()
    zone = programme.event.zone
    if text.lower() == "now":
        return now
    match = _TIME_ALONE.match(text)
    try:
        if match:
            hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
            naive = dt.datetime.combine(programme_day(programme, now), dt.time(hour, minute, second))
            return fixed_offset(naive.replace(tzinfo=zone), zone)
        return fixed_offset(parse_when(text, zone), zone)
    except ValueError:
        raise NoticeRefused(
            f"{text!r} is not a time: write 14:05 (the programme's day) or 2023-03-28T14:05"
        ) from None


def find_session(programme: Programme, text: str, now: dt.datetime) -> Session:
    """A session by its id, or by its room and printed start time (``"Salle IX 15:45"``)."""
    try:
        return programme.session(text.strip())
    except KeyError:
        pass
    match = _ROOM_AND_TIME.match(text.strip())
    if match:
        room = programme.find_room(match[1])
        if room is not None:
            start = when(match[2], programme, now)
            for session in programme.in_room(room.id):
                if session.start == start:
                    return session
            starts = ", ".join(f"{s.start:%H:%M}" for s in programme.in_room(room.id)) or "none"
            raise NoticeRefused(f"no session starts at {start:%H:%M} in {room.id} (starts: {starts})")
    hint = difflib.get_close_matches(text, [s.id for s in programme.sessions], n=1)
    raise NoticeRefused(
        f"unknown session {text!r}: give its id"
        + (f" (did you mean {hint[0]!r}?)" if hint else "")
        + ' or its room and start time, e.g. "Salle IX 15:45" (`kiosk state` lists them)'
    )


def on_now(programme: Programme, room_id: str, at: dt.datetime) -> Session | None:
    current = schedule.on_now(programme, room_id, at)
    return current[0] if current else None


def new_id(notices: Iterable[Notice], kind: str, subject: str, start: dt.datetime) -> str:
    """full-salle-ix-1405, then full-salle-ix-1405-2…: readable, and unique in the file."""
    taken = {n.id for n in notices}
    base = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{kind}-{subject}-{start:%H%M}").strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def add(current: Notices, fields: dict, programme: Programme, now: dt.datetime) -> tuple[Notices, Notice]:
    """``current`` with the notice ``fields`` added (ended notices dropped), checked like a file."""
    kept = [n for n in current if n.end > now]
    data = dump_fields([*(notice_fields(n) for n in kept), fields])
    try:
        notices = parse_notices(data, current.source, programme)
    except NoticesError as err:
        raise NoticeRefused(
            "; ".join(
                f"{p.path.rsplit('.', 1)[-1]}: {p.message}" if p.path else p.message for p in err.problems
            )
        ) from None
    return notices, notices.notices[-1]


def clear(current: Notices, ids: Iterable[str], everything: bool = False) -> tuple[Notices, list[Notice]]:
    """``current`` without the notices ``ids`` (or without any); NoticeRefused for an unknown id."""
    ids = list(ids)
    if everything:
        return Notices((), current.source), list(current)
    unknown = [i for i in ids if current.get(i) is None]
    if unknown:
        known = ", ".join(n.id for n in current) or "none"
        raise NoticeRefused(f"no notice {', '.join(map(repr, unknown))} (notices: {known})")
    return (
        Notices(tuple(n for n in current if n.id not in ids), current.source),
        [n for n in current if n.id in ids],
    )


def screens(programme: Programme, notices: Notices, notice: Notice, at: dt.datetime) -> list[str]:
    """What each screen the notice concerns shows once it is in force: one line per screen."""
    at = max(at, notice.start) if notice.start else at
    applied = apply(programme, notices, at)
    languages = programme.event.languages

    def said(room_id: str | None, others: bool = True) -> str:
        parts = []
        for lang in languages:
            line = f"{words.label(notice, lang)} — {words.text(notice, programme, lang, room_id)}"
            extra = words.same_kind_now(applied, notice, lang) if others else ""
            parts.append(f"{line} ({extra})" if extra else line)
        return " | ".join(dict.fromkeys(parts))

    def name(room_id: str) -> str:
        return words.room_name(programme, room_id, languages[0])

    if notice.venue_wide:
        return [f"every screen, doors and overview: {said(None)}"]
    lines = [f"door {name(r)}: {said(r)}" for r in notice.rooms]
    if notice.overflow:
        lines.append(f"door {name(notice.overflow)}: {said(notice.overflow, others=False)}")
    lines.append(f"overview, {name(notice.rooms[0])}: {said(notice.rooms[0])}")
    return lines
