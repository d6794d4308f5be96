"""The time zone of an imported event, and its times placed in it.

The zone comes, in this order, from the person (``--timezone``, or the device configuration's
``timezone:``), the programme's own declaration (frab ``<time_zone_name>``, schedule JSON
``time_zone_name``, ``X-WR-TIMEZONE``, ``TZID``), and last the device's own zone (``TZ``,
``/etc/localtime``). A source's times keep the instant they were written with; screens show them in
the event's zone.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from ..programme.times import iana_zone

GIVE_ZONE = "give --timezone (e.g. Europe/Berlin) or timezone: in the device configuration"


def local(naive: dt.datetime, zone: str) -> dt.datetime:
    return naive.replace(tzinfo=ZoneInfo(zone))


def valid_zone(name: object) -> str | None:
    """The IANA zone ``name`` (``Europe/Paris``), or None when it is not one (``Europe`` is a folder)."""
    zone = iana_zone(name.strip()) if isinstance(name, str) else None  # the one check of a zone name
    return zone.key if zone is not None else None


def device_zone(root: Path = Path("/")) -> str | None:
    """The zone this device keeps its clock in: ``TZ``, else ``/etc/localtime``, else ``/etc/timezone``."""
    named = os.environ.get("TZ", "").strip().removeprefix(":")
    if valid_zone(named):
        return valid_zone(named)
    link = root / "etc" / "localtime"
    try:
        target = str(link.resolve(strict=True))
    except (OSError, RuntimeError):
        target = ""
    if "zoneinfo/" in target:
        found = valid_zone(target.split("zoneinfo/", 1)[1])
        if found:
            return found
    try:
        return valid_zone((root / "etc" / "timezone").read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return None


def fixed_zone(offset: dt.timedelta) -> str | None:
    """The IANA name of a whole-hour offset: +01:00 → Etc/GMT-1 (Etc names count the other way)."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 14:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def agrees(zone: str, stamped: list[dt.datetime]) -> bool:
    """Whether most of the offsets the source wrote are those of ``zone`` (one odd event does not count)."""
    if not stamped:
        return True
    key = ZoneInfo(zone)
    same = sum(t.astimezone(key).utcoffset() == t.utcoffset() for t in stamped)
    return same * 2 >= len(stamped)


def written_offset(time: dt.datetime) -> bool:
    """Whether the source wrote this time with an offset of its own (``+01:00``; UTC is how tools
    write instants, not a place)."""
    offset = time.utcoffset()
    return isinstance(time.tzinfo, dt.timezone) and offset is not None and offset != dt.timedelta(0)


def odd_offset(time: dt.datetime, zone: ZoneInfo) -> bool:
    """Whether a time written with its own offset is at another offset than the event's zone then:
    the jev22 case, one event at −05:00 among hundreds in Amsterdam."""
    return written_offset(time) and time.astimezone(zone).utcoffset() != time.utcoffset()


def choose_zone(
    given: str | None, declared: str | None, stamped: list[dt.datetime], device: str | None = None
) -> tuple[str, str | None]:
    """The event's time zone (see the module's order), with the warning that reports a guess.

    ``stamped`` are the times the source wrote with an offset: a declared zone most of them agree with
    is the event's; ``device`` is the device's own zone (``device_zone()``), the last resort.
    """
    if given:
        return given, None
    why = "the source names no time zone"
    if declared:
        zone = valid_zone(declared)
        if zone and agrees(zone, stamped):
            return zone, None
        if zone is None:
            why = f"the source's time zone {declared!r} is not an IANA time zone"
        else:
            common = Counter(t.utcoffset() for t in stamped).most_common(1)[0][0]
            why = (
                f"the source says its time zone is {zone}, but most of its times carry the offset "
                f"{offset_text(common)} (the times are taken as written)"
            )
    if device and agrees(device, stamped):
        return device, f"{why}: its times are read and shown in this device's zone, {device}; {GIVE_ZONE}"
    offsets = Counter(t.utcoffset() for t in stamped if t.utcoffset() is not None)
    if offsets:
        offset, _ = offsets.most_common(1)[0]
        zone = fixed_zone(offset)
        if zone is not None:
            mixed = ", the most common of several" if len(offsets) > 1 else ""
            return zone, f"{why}: screens show times at {offset_text(offset)}{mixed} ({zone}); {GIVE_ZONE}"
    return "UTC", f"{why} and this device has none: screens show times in UTC; {GIVE_ZONE}"


def offset_text(offset: dt.timedelta | None) -> str:
    seconds = int(offset.total_seconds()) if offset is not None else 0
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}:{minutes:02d}"
