"""Clocks: what time it is, for the screens. Qt-free.

A screen asks its clock for the time and for how long to wait until a wall-clock instant. Each wait
is computed afresh from the clock, so NTP steps, suspend/resume and daylight-saving changes are
followed at the next wake-up.
"""

from __future__ import annotations

import datetime as dt
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


class RehearsalClock:
    """A clock that starts at a chosen instant and runs ``speed`` times faster than real time."""

    def __init__(self, start: dt.datetime, speed: float = 1.0, real: Callable[[], float] = time.monotonic):
        if start.tzinfo is None:
            raise ValueError("a rehearsal starts at a timezone-aware instant")
        if not speed > 0:
            raise ValueError("speed must be positive")
        self.start = start
        self.speed = float(speed)
        self._real = real
        self._origin = real()

    def now(self) -> dt.datetime:
        return _later(self.start, dt.timedelta(seconds=(self._real() - self._origin) * self.speed))


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


def parse_when(text: str, zone: dt.tzinfo) -> dt.datetime:
    """An ISO 8601 instant; without an offset it is a wall-clock time in ``zone`` (the programme's)."""
    try:
        value = parse_iso(text.strip())
    except (ValueError, OverflowError):
        raise ValueError(
            f"{text!r} is not an ISO 8601 date and time (e.g. 2023-03-28T10:30 or 2023-03-28T08:30:00Z)"
        ) from None
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
