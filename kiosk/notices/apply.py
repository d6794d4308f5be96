"""The programme as it stands at an instant, once the notices in force are applied. Pure, Qt-free.

``apply(programme, notices, at)`` is the one place where notices change what is on: schedule
queries, `kiosk state`, the status file and every screen ask it, so they all agree. Delays move a
room's sessions later, a moved session changes room, a cancelled one (with its parts) is marked so;
the printed programme stays beside it, so screens can show the printed time struck through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import schedule
from ..programme import Programme, Session
from .model import CANCELLED, DELAY, EMERGENCY, MOVED, Notice


@dataclass(frozen=True)
class Change:
    """What notices did to one printed session: new times, another room, cancelled."""

    printed: Session
    shown: Session
    notices: tuple[str, ...]  # the ids of the notices that made the change

    @property
    def delay_minutes(self) -> int:
        return int((self.shown.start - self.printed.start).total_seconds() // 60)

    @property
    def moved(self) -> bool:
        return self.shown.room != self.printed.room

    @property
    def cancelled(self) -> bool:
        return self.shown.cancelled and not self.printed.cancelled


@dataclass(frozen=True)
class Applied:
    at: dt.datetime
    printed: Programme
    programme: Programme  # what is on, as the screens show it at ``at``
    notices: tuple[Notice, ...]  # in force at ``at``, in file order
    changes: dict[str, Change] = field(default_factory=dict)  # by session id
    ignored: tuple[Notice, ...] = ()  # in force but naming what the programme no longer has

    @property
    def emergency(self) -> Notice | None:
        return next((n for n in self.notices if n.kind == EMERGENCY), None)

    def for_room(self, room_id: str) -> tuple[Notice, ...]:
        """The notices a room's door shows: its own and the venue's."""
        return tuple(n for n in self.notices if n.concerns(room_id))

    def venue_wide(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.venue_wide)

    def printed_session(self, session_id: str) -> Session:
        change = self.changes.get(session_id)
        return change.printed if change else self.programme.session(session_id)


def apply(programme: Programme, notices: Iterable[Notice], at: dt.datetime) -> Applied:
    """The programme as it is at ``at`` with every notice in force there."""
    room_ids = {r.id for r in programme.rooms}
    session_ids = {s.id for s in programme.sessions}
    in_force, ignored = [], []
    for notice in notices:
        if not notice.in_force(at):
            continue
        names_known = all(r in room_ids for r in (*notice.rooms, notice.overflow, notice.to) if r)
        if names_known and (notice.session is None or notice.session in session_ids):
            in_force.append(notice)
        else:
            ignored.append(notice)
    if not any(n.kind in (DELAY, MOVED, CANCELLED) for n in in_force):
        return Applied(at, programme, programme, tuple(in_force), {}, tuple(ignored))

    by_id = {s.id: s for s in programme.sessions}
    made_by: dict[str, list[str]] = {}
    # Delays first, on the printed rooms; a later delay of the same room takes over from its start.
    for notice in sorted((n for n in in_force if n.kind == DELAY), key=_start_key):
        for printed, shifted in delayed(programme, notice):
            by_id[printed.id] = shifted
            made_by[printed.id] = [notice.id]
    for notice in in_force:
        if notice.kind == MOVED and notice.session:
            by_id[notice.session] = dataclasses.replace(by_id[notice.session], room=notice.to)
            made_by.setdefault(notice.session, []).append(notice.id)
    for notice in in_force:
        if notice.kind == CANCELLED and notice.session:
            # Still listed (struck through, as a session the programme itself cancels), never on.
            for session_id in (notice.session, *programme.session(notice.session).parts):
                by_id[session_id] = dataclasses.replace(by_id[session_id], cancelled=True)
                made_by.setdefault(session_id, []).append(notice.id)

    order = {s.id: i for i, s in enumerate(programme.sessions)}
    shown = sorted(by_id.values(), key=lambda s: (s.start, order[s.id]))
    changes = {
        session_id: Change(programme.session(session_id), by_id[session_id], tuple(ids))
        for session_id, ids in made_by.items()
    }
    adjusted = dataclasses.replace(programme, sessions=tuple(shown))
    return Applied(at, programme, adjusted, tuple(in_force), changes, tuple(ignored))


def delayed(programme: Programme, notice: Notice) -> list[tuple[Session, Session]]:
    """The sessions a delay moves (printed, shifted): its room's, not yet over at its start, that day."""
    if notice.kind != DELAY or notice.start is None:
        return []
    zone = programme.event.zone
    day = notice.start.astimezone(zone).date()
    shift = dt.timedelta(minutes=notice.minutes)
    return [
        (s, dataclasses.replace(s, start=_later(s.start, shift), end=_later(s.end, shift)))
        for s in programme.sessions
        if s.room in notice.rooms and s.end > notice.start and s.start.astimezone(zone).date() == day
    ]


def next_change(programme: Programme, notices: Iterable[Notice], at: dt.datetime) -> dt.datetime | None:
    """The next instant after ``at`` when a session or a notice begins or ends (what is shown changes)."""
    notices = tuple(notices)
    shown = apply(programme, notices, at).programme
    later = [t for n in notices for t in (n.start, n.end) if t is not None and t > at]
    change = schedule.next_change(shown, at)
    if change is not None:
        later.append(change)
    return min(later, default=None)


def _start_key(notice: Notice) -> dt.datetime:
    return notice.start or dt.datetime.min.replace(tzinfo=dt.UTC)


def _later(instant: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    # Real time passes in UTC; the result keeps the fixed offset the programme gives its times.
    return (instant.astimezone(dt.UTC) + delta).astimezone(instant.tzinfo)
