"""Checks across a programme's sessions: an id given twice, overlaps in a room, days out of the event."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import yaml

from .model import Session
from .nodes import NodeChecker, field
from .times import PLAUSIBLE_YEARS, clock, far_year

Read = list[tuple[Session, yaml.Node, str]]  # each session, its node and its path, in file order


def check_ids(checker: NodeChecker, read: Read) -> None:
    seen: dict[str, yaml.Node] = {}
    for session, node, path in read:
        if session.id in seen:
            checker.problem(
                field(node, "id"),
                f"{path}.id",
                f"duplicate session id {session.id!r} (first at line {seen[session.id].start_mark.line + 1})",
            )
        else:
            seen[session.id] = node


def check_overlaps(checker: NodeChecker, read: Read, zone: ZoneInfo | None) -> None:
    """Sessions at once in one room (but a block and its parts): both are shown, with a warning."""
    by_room: dict[str, Read] = {}
    for entry in read:
        if entry[0].room and not entry[0].cancelled:
            by_room.setdefault(entry[0].room, []).append(entry)
    for entries in by_room.values():
        entries.sort(key=lambda e: e[0].start)
        latest = None  # the entry ending last so far
        for entry in entries:
            session, node, path = entry
            if latest and session.start < latest[0].end and not _related(session, latest[0]):
                other = latest[0]
                checker.problem(
                    field(node, "start"),
                    f"{path}.start",
                    f"{session.id!r} overlaps {other.id!r} ({clock(other.start, zone)}–"
                    f"{clock(other.end, zone)}, line {latest[1].start_mark.line + 1}) "
                    f"in room {session.room!r}: both are shown",
                    warning=True,
                )
            if latest is None or session.end > latest[0].end:
                latest = entry


def check_dates(
    checker: NodeChecker, read: Read, zone: ZoneInfo | None, first: dt.date | None, last: dt.date | None
) -> None:
    """Sessions on a day the event does not have, or in a year no event is in: warned about."""
    if zone is None:
        return
    for session, node, path in read:
        day = session.start.astimezone(zone).date()
        if day.year not in PLAUSIBLE_YEARS:
            message = far_year(day)
        elif first is not None and day < first:
            message = f"{day} is before the event's first day {first}"
        elif last is not None and day > last:
            message = f"{day} is after the event's last day {last}"
        else:
            continue
        checker.problem(field(node, "start"), f"{path}.start", message, warning=True)


def _related(a: Session, b: Session) -> bool:
    return a.parent == b.id or b.parent == a.id
