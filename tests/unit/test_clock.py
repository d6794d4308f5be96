"""Clocks: reading --at, rehearsals at any speed, and how long a screen waits for the next change."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FakeClock, RehearsalClock, SystemClock, next_minute, parse_when, seconds_until

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


class RealSeconds:
    """The real (monotonic) clock a rehearsal runs on, moved by hand."""

    def __init__(self, start: float = 1000.0):
        self.value = start

    def __call__(self) -> float:
        return self.value


# -- parse_when ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("when", "instant"),
    [
        ("2023-03-28T10:02", utc(2023, 3, 28, 8, 2)),  # no offset: Paris wall-clock time, CEST
        ("2023-03-28 10:02", utc(2023, 3, 28, 8, 2)),
        ("2023-03-28T10:02:30", utc(2023, 3, 28, 8, 2, 30)),
        ("2023-03-28T08:02:00Z", utc(2023, 3, 28, 8, 2)),
        ("2023-03-28T10:02+02:00", utc(2023, 3, 28, 8, 2)),
        ("2023-03-28T09:02+01:00", utc(2023, 3, 28, 8, 2)),
        ("2023-03-25T10:00", utc(2023, 3, 25, 9, 0)),  # still winter time (CET) in Paris
        ("  2023-03-28T10:02  ", utc(2023, 3, 28, 8, 2)),
    ],
)
def test_parse_when_gives_the_instant(when: str, instant: dt.datetime) -> None:
    parsed = parse_when(when, PARIS)
    assert parsed.tzinfo is not None
    assert parsed == instant


def test_parse_when_without_offset_is_read_in_the_programme_zone() -> None:
    parsed = parse_when("2023-03-28T10:02", PARIS)
    assert parsed.isoformat() == "2023-03-28T10:02:00+02:00"
    assert parse_when("2023-03-28T10:02", ZoneInfo("America/New_York")) == utc(2023, 3, 28, 14, 2)


def test_parse_when_keeps_the_offset_it_was_given() -> None:
    assert parse_when("2023-03-28T08:02:00Z", PARIS).utcoffset() == dt.timedelta(0)
    assert parse_when("2023-03-28T08:02:00Z", PARIS).isoformat() == "2023-03-28T08:02:00+00:00"


@pytest.mark.parametrize("when", ["", "tomorrow", "10:02", "2023-13-01T10:00", "28/03/2023 10:00"])
def test_parse_when_refuses_what_is_not_an_instant(when: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_when(when, PARIS)
    message = str(caught.value)
    assert message.startswith(f"{when!r} is not an ISO 8601 date and time")
    assert "2023-03-28T10:30" in message  # an example of what works
    assert "\n" not in message


# -- clocks --------------------------------------------------------------------------------------
def test_system_clock_tells_an_aware_time_now() -> None:
    before = dt.datetime.now(UTC)
    now = SystemClock().now()
    after = dt.datetime.now(UTC)
    assert now.tzinfo is not None
    assert before <= now <= after
    assert SystemClock.speed == 1.0


def test_rehearsal_clock_starts_at_the_chosen_instant_and_follows_the_real_clock() -> None:
    real = RealSeconds()
    clock = RehearsalClock(utc(2023, 3, 28, 8, 0), real=real)
    assert clock.now() == utc(2023, 3, 28, 8, 0)
    real.value += 90
    assert clock.now() == utc(2023, 3, 28, 8, 1, 30)


def test_rehearsal_clock_at_speed_sixty_runs_a_minute_per_real_second() -> None:
    real = RealSeconds()
    clock = RehearsalClock(parse_when("2023-03-28T09:59", PARIS), speed=60, real=real)
    real.value += 1
    assert clock.now() == parse_when("2023-03-28T10:00", PARIS)
    real.value += 2.5
    assert clock.now() == parse_when("2023-03-28T10:02:30", PARIS)


@pytest.mark.parametrize("speed", [0, -1, float("nan")])
def test_rehearsal_clock_refuses_a_speed_that_is_not_positive(speed: float) -> None:
    with pytest.raises(ValueError, match="is not a rehearsal speed"):
        RehearsalClock(utc(2023, 3, 28, 8, 0), speed=speed, real=RealSeconds())


def test_rehearsal_clock_refuses_a_naive_start() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        RehearsalClock(dt.datetime(2023, 3, 28, 10, 0), real=RealSeconds())


def test_rehearsal_clock_runs_through_the_autumn_change_in_real_hours() -> None:
    # 29 October 2023: Paris goes from 03:00 CEST back to 02:00 CET. Two real hours after
    # 01:30 CEST (23:30 UTC) it is 01:30 UTC, which Paris calls 02:30 CET.
    real = RealSeconds()
    clock = RehearsalClock(parse_when("2023-10-29T01:30", PARIS), real=real)
    real.value += 2 * 3600
    # (compared in UTC: Python never finds a time in the repeated hour equal to one in another zone)
    assert clock.now().astimezone(UTC) == utc(2023, 10, 29, 1, 30)
    assert clock.now().astimezone(PARIS).strftime("%H:%M %Z") == "02:30 CET"


def test_rehearsal_clock_runs_through_the_spring_change_in_real_hours() -> None:
    real = RealSeconds()
    clock = RehearsalClock(parse_when("2023-03-26T01:30", PARIS), speed=2, real=real)
    real.value += 1800  # an hour of rehearsal
    assert clock.now() == utc(2023, 3, 26, 1, 30)
    assert clock.now().astimezone(PARIS).strftime("%H:%M %Z") == "03:30 CEST"


def test_fake_clock_stands_still_until_moved() -> None:
    clock = FakeClock(utc(2023, 3, 28, 8, 0))
    assert clock.now() == clock.now() == utc(2023, 3, 28, 8, 0)
    clock.advance(minutes=2)
    assert clock.now() == utc(2023, 3, 28, 8, 2)
    clock.set(utc(2023, 3, 28, 16, 0))
    assert clock.now() == utc(2023, 3, 28, 16, 0)


def test_fake_clock_advances_in_real_time_across_the_autumn_change() -> None:
    clock = FakeClock(parse_when("2023-10-29T01:30", PARIS))
    clock.advance(hours=2)
    assert clock.now().astimezone(UTC) == utc(2023, 10, 29, 1, 30)


# -- waiting -------------------------------------------------------------------------------------
def test_seconds_until_a_later_instant() -> None:
    clock = FakeClock(utc(2023, 3, 28, 8, 0))
    assert seconds_until(clock, utc(2023, 3, 28, 8, 5)) == 300


def test_seconds_until_is_divided_by_the_rehearsal_speed() -> None:
    clock = FakeClock(utc(2023, 3, 28, 8, 0), speed=60)
    assert seconds_until(clock, utc(2023, 3, 28, 8, 5)) == 5
    real = RealSeconds()
    rehearsal = RehearsalClock(utc(2023, 3, 28, 8, 0), speed=10, real=real)
    real.value += 6  # one minute of rehearsal gone
    assert seconds_until(rehearsal, utc(2023, 3, 28, 8, 2)) == pytest.approx(6)


def test_seconds_until_a_past_instant_is_zero() -> None:
    clock = FakeClock(utc(2023, 3, 28, 8, 0))
    assert seconds_until(clock, utc(2023, 3, 28, 7, 59)) == 0


def test_seconds_until_compares_instants_not_wall_clocks() -> None:
    # Now 01:59 CET on 26 March; 03:00 CEST is one real minute later, not 61.
    clock = FakeClock(dt.datetime(2023, 3, 26, 1, 59, tzinfo=PARIS))
    assert seconds_until(clock, dt.datetime(2023, 3, 26, 3, 0, tzinfo=PARIS)) == 60
    # Now 02:59 CEST on 29 October; the second 02:00 (CET) is one real minute later.
    clock = FakeClock(dt.datetime(2023, 10, 29, 2, 59, tzinfo=PARIS))
    assert seconds_until(clock, dt.datetime(2023, 10, 29, 2, 0, fold=1, tzinfo=PARIS)) == 60


def test_seconds_until_with_a_target_in_another_zone() -> None:
    clock = FakeClock(parse_when("2023-03-28T10:00", PARIS))
    assert seconds_until(clock, utc(2023, 3, 28, 8, 1)) == 60


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (utc(2023, 3, 28, 8, 2, 30), utc(2023, 3, 28, 8, 3)),
        (utc(2023, 3, 28, 8, 2, 0), utc(2023, 3, 28, 8, 3)),  # strictly after
        (utc(2023, 3, 28, 8, 2, 59, 999_999), utc(2023, 3, 28, 8, 3)),
        (utc(2023, 3, 28, 23, 59, 1), utc(2023, 3, 29, 0, 0)),
        (dt.datetime(2023, 3, 28, 10, 2, 30, tzinfo=PARIS), utc(2023, 3, 28, 8, 3)),
    ],
)
def test_next_minute(at: dt.datetime, expected: dt.datetime) -> None:
    assert next_minute(at) == expected


def test_next_minute_keeps_the_zone_it_was_given() -> None:
    at = parse_when("2023-03-28T10:02:30", PARIS)
    assert next_minute(at).isoformat() == "2023-03-28T10:03:00+02:00"


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(2023, 3, 26, 1, 59, 30, tzinfo=PARIS),  # the minute before the spring change
        dt.datetime(2023, 10, 29, 2, 59, 30, tzinfo=PARIS),  # 02:59 CEST, before the autumn change
        dt.datetime(2023, 10, 29, 2, 30, 15, fold=1, tzinfo=PARIS),  # 02:30 CET, the second time
    ],
)
def test_next_minute_is_always_less_than_a_minute_later_across_daylight_saving(at: dt.datetime) -> None:
    wait = next_minute(at).astimezone(UTC) - at.astimezone(UTC)
    assert dt.timedelta(0) < wait <= dt.timedelta(minutes=1)


# -- the instants people give (issue 13.7, 13.18) ------------------------------------------------
def test_a_time_of_day_alone_is_on_the_programmes_first_day() -> None:
    assert parse_when("10:30", PARIS, dt.date(2023, 3, 28)).isoformat() == "2023-03-28T10:30:00+02:00"
    assert parse_when(" 9:05:30 ", PARIS, dt.date(2023, 3, 25)).isoformat() == "2023-03-25T09:05:30+01:00"


def test_now_is_now_in_the_programmes_zone() -> None:
    at = parse_when("now", PARIS, now=lambda: utc(2023, 3, 28, 8, 2))
    assert at.isoformat() == "2023-03-28T10:02:00+02:00"
    assert parse_when("NOW", PARIS, dt.date(2023, 3, 28), now=lambda: utc(2023, 3, 28, 8, 2)) == at


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("25:00", "'25:00' is not a time of day (00:00 to 23:59)"),
        ("10:60", "'10:60' is not a time of day (00:00 to 23:59)"),
        ("2023-02-29", "'2023-02-29' is not a date and time that exists: day is out of range for month"),
        ("2023-02-29T10:00", "'2023-02-29T10:00' is not a date and time that exists: day is out of range"),
    ],
)
def test_a_date_or_time_that_does_not_exist_says_so(when: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_when(when, PARIS, dt.date(2023, 3, 28))
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("start", ["9999-12-31T23:59", "1969-12-31T23:00", "3000-01-01T00:00"])
def test_a_rehearsal_starts_in_a_year_it_can_run_from(start: str) -> None:
    with pytest.raises(ValueError, match="a rehearsal starts between the years 1970 and 2999"):
        RehearsalClock(parse_when(start, PARIS))


@pytest.mark.parametrize("speed", [float("inf"), 1e300, 100_001])
def test_a_rehearsal_speed_has_a_ceiling(speed: float) -> None:
    with pytest.raises(ValueError, match="at most 100000"):
        RehearsalClock(parse_when("2023-03-28T10:00", PARIS), speed=speed)


def test_the_fastest_rehearsal_never_leaves_the_calendar() -> None:
    """A rehearsal left running for ever stops at a thousand years rather than overflow (year 9999)."""
    readings = iter([0.0])
    real = lambda: next(readings, 1e12)  # noqa: E731 (started, then a very long time later)
    clock = RehearsalClock(parse_when("2999-12-31T10:00", PARIS), speed=100_000, real=real)
    assert clock.now().year == 3999
    assert next_minute(clock.now()).year == 3999
