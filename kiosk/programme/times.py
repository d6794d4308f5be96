"""Instants as a programme holds them: the event's wall clock with a fixed UTC offset. Qt-free."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

# Years a programme can be in: 9999 is a typo (and adding a duration to it overflows).
PLAUSIBLE_YEARS = range(1970, 2201)


def iana_zone(name: object) -> ZoneInfo | None:
    """The zone of the tz database named ``name`` ("Europe/Paris"), or None for anything else.

    The one check of a zone name, for the programme and for every importer. ZoneInfo refuses a name in
    more ways than ZoneInfoNotFoundError: IsADirectoryError for a folder of the tzdata package
    ("Europe"), ValueError for a file that holds no zone ("zone.tab") or a name that is not a relative
    path, other OSErrors for a file it cannot read. Each means the same here: not a zone kiosk can use.
    """
    if not isinstance(name, str) or not name:
        return None
    try:
        return ZoneInfo(name)
    except Exception:  # see above: whatever ZoneInfo raises, the name is not a usable zone
        return None


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


def far_year(day: dt.date) -> str:
    """What is said of a date outside PLAUSIBLE_YEARS."""
    return f"the year {day.year} is not one an event is in ({day}): a typo?"
