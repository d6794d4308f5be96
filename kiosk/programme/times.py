"""Instants as a programme holds them: the event's wall clock with a fixed UTC offset. Qt-free."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def fixed_offset(instant: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """``instant`` in ``zone``'s wall-clock time, carrying the UTC offset in force then as a fixed offset.

    Python compares and subtracts two datetimes sharing one ZoneInfo on the wall clock, which is an
    hour off across a daylight-saving change; fixed offsets make every comparison and duration exact
    while isoformat() and strftime() still give the local time (10:00+02:00). The loader and every
    importer (kiosk/sources/) give a programme its times through this one function.
    """
    local = instant.astimezone(zone)
    return local.replace(tzinfo=dt.timezone(local.utcoffset()), fold=0)


def clock(instant: dt.datetime, zone: ZoneInfo | None) -> str:
    """HH:MM of ``instant`` in ``zone`` (its own offset without one), as messages show it."""
    return f"{instant.astimezone(zone):%H:%M}" if zone else f"{instant:%H:%M}"
