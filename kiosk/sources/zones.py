"""The time zone of an imported event, and its times placed in it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local(naive: dt.datetime, zone: str) -> dt.datetime:
    return naive.replace(tzinfo=ZoneInfo(zone))


def fixed(instant: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """``instant`` at the event's wall-clock time with the offset then in force, fixed, as kiosk loads
    times: two datetimes sharing a ZoneInfo compare on the wall clock, an hour off across DST."""
    wall = instant.astimezone(zone)
    return wall.replace(tzinfo=dt.timezone(wall.utcoffset()), fold=0)


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
    given: str | None, declared: str | None, stamped: list[dt.datetime]
) -> tuple[str, str | None]:
    """The event's time zone: the one given by the user, else the source's when its times agree, else
    one that matches the offsets the times carry, else UTC; with the warning that reports a guess."""
    if given:
        return given, None
    offsets = Counter(t.utcoffset() for t in stamped if t.utcoffset() is not None)
    why = "the source names no time zone"
    if declared:
        zone = valid_zone(declared)
        disagree = [t for t in stamped if zone and t.astimezone(ZoneInfo(zone)).utcoffset() != t.utcoffset()]
        if zone and not disagree:
            return zone, None
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
            return zone, (
                f"{why}: screens show times at {_offset(offset)}{mixed} ({zone}); "
                "give --timezone (e.g. Europe/Berlin) to name the venue's zone"
            )
    return "UTC", f"{why}: screens show times in UTC; give --timezone (e.g. Europe/Berlin) to name the zone"


def _offset(offset: dt.timedelta | None) -> str:
    seconds = int(offset.total_seconds()) if offset is not None else 0
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}:{minutes:02d}"
