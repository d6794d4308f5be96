"""Clocks: what time it is, for the screens. Qt-free.

A screen asks its clock for the time and for how long to wait until a wall-clock instant. Each wait
is computed afresh from the clock, so NTP steps, suspend/resume and daylight-saving changes are
followed at the next wake-up.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections.abc import Callable
from typing import Protocol

UTC = dt.UTC


class Clock(Protocol):
    """Anything that tells the time. ``speed`` is simulated seconds per real second."""

    speed: float

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The device's own clock."""

    speed = 1.0

    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)


# A rehearsal replays an event: it starts in these years and runs at most this fast (an hour of the
# day in 36 ms), so that no clock arithmetic ever leaves Python's datetime range (year 9999).
REHEARSAL_YEARS = (1970, 2999)
MAX_SPEED = 100_000
_LONGEST_REHEARSAL = 1000 * 365 * 86_400.0  # seconds


def check_rehearsal(start: dt.datetime, speed: float) -> None:
    """ValueError, in one line, when a rehearsal cannot start at ``start`` or run at ``speed``."""
    check_speed(speed)
    first, last = REHEARSAL_YEARS
    if not first <= start.year <= last:
        raise ValueError(f"{start:%Y-%m-%d}: a rehearsal starts between the years {first} and {last}")


def check_speed(speed: float) -> None:
    if not (math.isfinite(speed) and 0 < speed <= MAX_SPEED):
        raise ValueError(
            f"{speed:g} is not a rehearsal speed: more than 0 and at most {MAX_SPEED} (60: a minute a second)"
        )


class RehearsalClock:
    """A clock that starts at a chosen instant and runs ``speed`` times faster than real time."""

    def __init__(self, start: dt.datetime, speed: float = 1.0, real: Callable[[], float] = time.monotonic):
        if start.tzinfo is None:
            raise ValueError("a rehearsal starts at a timezone-aware instant")
        check_rehearsal(start, speed)
        self.start = start
        self.speed = float(speed)
        self._real = real
        self._origin = real()

    def now(self) -> dt.datetime:
        elapsed = min((self._real() - self._origin) * self.speed, _LONGEST_REHEARSAL)
        return _later(self.start, dt.timedelta(seconds=elapsed))


class FakeClock:
    """A clock for tests: it stands still until told to move, and can jump anywhere."""

    def __init__(self, at: dt.datetime, speed: float = 1.0):
        self.at = at
        self.speed = speed

    def now(self) -> dt.datetime:
        return self.at

    def set(self, at: dt.datetime) -> None:
        self.at = at

    def advance(self, **delta: float) -> None:
        self.at = _later(self.at, dt.timedelta(**delta))


def parse_iso(text: str) -> dt.datetime:
    """ISO 8601 date and time, as dateutil's isoparse reads it.

    Python's own parser first: it reads the usual forms to the same instant, and dateutil's parser
    costs every start ~13 ms and ~1.7 MB resident (bench/, docs/performance.md). dateutil still reads
    the rest (24:00, a year and month alone…), as before.
    """
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        from dateutil import parser as dateparser

        return dateparser.isoparse(text)


WHEN_EXAMPLES = "e.g. 2023-03-28T10:30, 2023-03-28T08:30:00Z, 10:30 on the programme's first day, or now"
_TIME_OF_DAY = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_when(
    text: str,
    zone: dt.tzinfo,
    first_day: dt.date | None = None,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(UTC),
) -> dt.datetime:
    """An instant as people give one: ``now``; ISO 8601, without an offset a wall-clock time in ``zone``
    (the programme's); a time of day alone (10:30) on ``first_day`` (the programme's first day).

    ValueError says what was expected, in one line.
    """
    text = text.strip()
    if text.casefold() == "now":
        return now().astimezone(zone)
    clock = _TIME_OF_DAY.fullmatch(text)
    if clock and first_day is not None:
        hour, minute, second = (int(part or 0) for part in clock.groups())
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError(f"{text!r} is not a time of day (00:00 to 23:59)")
        return dt.datetime.combine(first_day, dt.time(hour, minute, second), tzinfo=zone)
    try:
        value = parse_iso(text)
    except (ValueError, OverflowError) as err:
        if "range" in str(err):  # 2023-02-29: "day is out of range for month"
            raise ValueError(f"{text!r} is not a date and time that exists: {err}") from None
        raise ValueError(f"{text!r} is not an ISO 8601 date and time ({WHEN_EXAMPLES})") from None
    return value if value.tzinfo else value.replace(tzinfo=zone)


def next_minute(at: dt.datetime) -> dt.datetime:
    """The start of the next wall-clock minute after ``at``, in the zone of ``at``."""
    # Counted in UTC: on the night the clocks go back, 02:30 CET + 1 minute in wall-clock arithmetic
    # would be 02:31 CEST, an hour in the past.
    minute = at.astimezone(UTC).replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return minute.astimezone(at.tzinfo)


def seconds_until(clock: Clock, target: dt.datetime) -> float:
    """Real seconds to wait until ``clock`` shows ``target`` (0 when it is already past)."""
    ahead = target.astimezone(UTC) - clock.now().astimezone(UTC)
    return max(0.0, ahead.total_seconds() / clock.speed)


def _later(at: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    # Python adds a timedelta to a zoned datetime on the wall clock, which is off by an hour across
    # a daylight-saving change; real time passes in UTC.
    return (at.astimezone(UTC) + delta).astimezone(at.tzinfo)
