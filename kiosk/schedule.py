"""What is on, where, at an instant: pure functions of (programme, room, instant). Qt-free.

Sessions are half-open intervals [start, end); instants are timezone-aware and compared as such
(Python compares aware datetimes in UTC).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import UsageError
from .programme import Programme, Room, Session

# status, as in `kiosk state`
ONGOING, UPCOMING, FINISHED = "ongoing", "upcoming", "finished"

# phase: which designed door screen applies
BEFORE_EVENT = "before_event"  # the event has not begun (an earlier day)
BEFORE_FIRST = "before_first"  # the room's first session of the day is still to come
ON_NOW = "ongoing"
BETWEEN = "between"  # a gap: the room is free until its next session today
AFTER_LAST = "after_last"  # nothing more today in this room
AFTER_EVENT = "after_event"  # the event is over
NO_SESSIONS = "no_sessions"  # this room has nothing in the whole programme


@dataclass(frozen=True)
class RoomState:
    room: Room
    at: dt.datetime
    status: str
    phase: str
    current: tuple[Session, ...]  # on now, earliest first (several when sessions run side by side)
    next: Session | None  # the next session to start in this room, after those on now
    blocks: dict[str, Session]  # umbrella block of each part shown (by the part's id)
    elsewhere: Session | None  # where the day goes on, when this room is not busy
    # Cancelled sessions of this room, today, not over yet and before its next session: listed
    # struck through, never what is on.
    cancelled: tuple[Session, ...] = ()


@dataclass(frozen=True)
class AgendaItem:
    session: Session
    parts: tuple[Session, ...]
    phase: str  # "past", "current" or "future"


@dataclass(frozen=True)
class OverviewState:
    at: dt.datetime
    day: dt.date  # the event day shown in the agenda
    rooms: tuple[RoomState, ...]
    agenda: tuple[AgendaItem, ...]


def on_now(programme: Programme, room_id: str, at: dt.datetime) -> tuple[Session, ...]:
    return tuple(s for s in programme.in_room(room_id) if s.is_on(at))


def next_session(programme: Programme, room_id: str, at: dt.datetime) -> Session | None:
    """The next session to take place in the room (a cancelled one does not)."""
    later = [s for s in programme.in_room(room_id) if s.start > at and not s.cancelled]
    return min(later, key=lambda s: s.start, default=None)


def local_day(programme: Programme, at: dt.datetime) -> dt.date:
    return at.astimezone(programme.event.zone).date()


def room_state(programme: Programme, room_id: str, at: dt.datetime) -> RoomState:
    room = programme.room(room_id)
    everything = programme.in_room(room_id)
    sessions = tuple(s for s in everything if not s.cancelled)
    current = on_now(programme, room_id, at)
    upcoming = next_session(programme, room_id, at)
    status = ONGOING if current else UPCOMING if upcoming else FINISHED
    today = local_day(programme, at)
    event = programme.event

    if not everything:
        phase = NO_SESSIONS
    elif current:
        phase = ON_NOW
    elif today < event.first_day and upcoming is not None:
        phase = BEFORE_EVENT
    elif today > event.last_day and upcoming is None:
        phase = AFTER_EVENT
    elif upcoming is not None and local_day(programme, upcoming.start) == today:
        earlier_today = any(s.end <= at and local_day(programme, s.end) == today for s in sessions)
        phase = BETWEEN if earlier_today else BEFORE_FIRST
    elif upcoming is not None and not any(local_day(programme, s.start) == today for s in sessions):
        phase = BEFORE_FIRST  # nothing here today; the next day's first session is still to come
    else:
        phase = AFTER_LAST

    shown = [*current, upcoming] if upcoming else list(current)
    blocks = {s.id: programme.session(s.parent) for s in shown if s.parent}
    until = upcoming.start if upcoming else None
    elsewhere = None if current else where_the_day_goes_on(programme, room_id, at, until)
    cancelled = tuple(
        s
        for s in everything
        if s.cancelled
        and s.end > at
        and local_day(programme, s.start) == today
        and (until is None or s.start < until)
    )
    return RoomState(room, at, status, phase, current, upcoming, blocks, elsewhere, cancelled)


# A session on elsewhere is worth walking to only with this much of it left; one starting within
# SOON is worth waiting for.
JOINABLE = dt.timedelta(minutes=15)
SOON = dt.timedelta(minutes=30)


def where_the_day_goes_on(
    programme: Programme, room_id: str, at: dt.datetime, until: dt.datetime | None = None
) -> Session | None:
    """The session elsewhere that a person leaving this room should head for, later today.

    With ``until`` (the room's own next session), only what is on now or starts before it: a
    "meanwhile" after which the room's session is still to come. What is on now, with time left to
    join it, wins (from the restaurant at 14:00, the meetings under way, not the 15:30 coffee); then
    what starts soon; then the rest. Within each, a venue-wide moment (lunch, coffee, cocktail) wins
    over another room's session (Salle IX at 12:00: lunch at 12:15, not a dialogue ending at 12:10).
    """
    today = local_day(programme, at)
    candidates = [
        s
        for s in programme.sessions
        if s.room
        and not s.cancelled
        and s.room != room_id
        and s.end > at
        and (s.start <= at or local_day(programme, s.start) == today)
        and (until is None or s.start < until)
    ]
    if not candidates:
        return None

    def rank(s: Session) -> tuple:
        on_with_time_left = s.start <= at and s.end - at >= JOINABLE
        soon = s.start <= at + SOON  # starting soon, or on but ending soon
        tier = 0 if on_with_time_left else 1 if soon else 2
        return (tier, not s.venue_wide, s.end - at < JOINABLE, s.start)

    return min(candidates, key=rank)


def overview_state(programme: Programme, at: dt.datetime) -> OverviewState:
    rooms = tuple(room_state(programme, r.id, at) for r in programme.rooms)
    day = min(max(local_day(programme, at), programme.event.first_day), programme.event.last_day)
    agenda = []
    for s in programme.sessions:
        if s.parent is None and local_day(programme, s.start) == day:
            parts = tuple(programme.session(p) for p in s.parts)
            phase = "past" if s.end <= at else "current" if s.start <= at else "future"
            agenda.append(AgendaItem(s, parts, phase))
    return OverviewState(at, day, rooms, tuple(agenda))


def next_change(programme: Programme, at: dt.datetime) -> dt.datetime | None:
    """The next instant after ``at`` when any session starts or ends (what a screen shows changes)."""
    later = [t for s in programme.sessions for t in (s.start, s.end) if t > at]
    return min(later, default=None)


def resolve_room(programme: Programme, query: str) -> str:
    """The id of the room ``query`` names (its id, or its name in any language); UsageError listing them."""
    room = programme.find_room(query)
    if room is None:
        known = "; ".join(
            f"{r.id} ({' / '.join(dict.fromkeys(r.name.by_lang.values()))})" for r in programme.rooms
        )
        raise UsageError(f"unknown room {query!r}; known rooms: {known}")
    return room.id


def dropped_sessions(old: Programme, new: Programme, at: dt.datetime) -> tuple[Session, ...]:
    """Sessions on now or next in some room of ``old`` at ``at`` that ``new`` no longer has.

    A programme copied half-way (cut at a session's end) is still a valid programme: what it drops
    from the screens' now and next is how a technician notices.
    """
    kept = {s.id for s in new.sessions}
    now: list[Session] = []
    following: dict[str | None, Session] = {}
    for session in old.sessions:  # sorted by start
        if session.is_on(at):
            now.append(session)
        elif session.start > at and session.room not in following:
            following[session.room] = session
    shown = {s.id: s for s in [*now, *following.values()] if s.room is not None}
    return tuple(s for s in shown.values() if s.id not in kept)
