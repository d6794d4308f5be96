"""The PIN: a salted scrypt hash or plain digits, compared in constant time, throttled (issue 13.8)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from kiosk.config.pin import hash_pin
from kiosk.pin import PinGate, Throttle, check_pin


def test_check_pin_reads_the_configuration():
    assert check_pin(SimpleNamespace(setup_pin=None), "")  # no PIN: nothing to check
    assert check_pin(SimpleNamespace(setup_pin=hash_pin("975310")), "975310")
    assert not check_pin(SimpleNamespace(setup_pin="975310"), "975311")


def test_the_wait_doubles_after_three_failures_up_to_five_minutes():
    throttle = Throttle()
    assert [throttle.failed(0.0) for _ in range(10)] == [0, 0, 5, 10, 20, 40, 80, 160, 300, 300]
    assert throttle.wait(100.0) == 200.0
    throttle.succeeded()
    assert throttle.wait(0.0) == 0 and throttle.failures == 0


def test_typing_through_every_four_digit_pin_takes_weeks():
    throttle, now = Throttle(), 0.0
    for _ in range(10_000):
        now += throttle.wait(now) + 1.0  # one second to type each
        throttle.failed(now)
    assert now > 30 * 24 * 3600


def test_the_gate_refuses_a_try_during_the_wait_and_logs_every_try(caplog):
    clock = SimpleNamespace(now=0.0)
    gate = PinGate(SimpleNamespace(setup_pin="2468"), monotonic=lambda: clock.now)
    with caplog.at_level(logging.INFO, logger="kiosk"):
        assert [gate.try_pin(pin, "the setup") for pin in ("1", "2", "3")] == [False] * 3
        assert gate.wait() == 5
        assert not gate.try_pin("2468", "the setup")  # the right one, but too early
        clock.now = 5.0
        assert gate.try_pin("2468", "the setup")
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "PIN for the setup: wrong (1 in a row)",
        "PIN for the setup: wrong (2 in a row)",
        "PIN for the setup: wrong (3 in a row); the next try in 5 s",
        "PIN for the setup: typed 5 s too early, not checked",
        "PIN for the setup: right, unlocked after 3 wrong",
    ]


def test_no_pin_means_no_gate():
    assert not PinGate(SimpleNamespace(setup_pin=None)).needed
