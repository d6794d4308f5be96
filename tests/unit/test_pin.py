"""The PIN: a salted scrypt hash or plain digits, compared in constant time, throttled (issue 13.8)."""

from __future__ import annotations

import json
import logging
import os
from types import SimpleNamespace

import pytest

from kiosk.config.pin import hash_pin
from kiosk.pin import PinGate, Throttle, check_pin, throttle_file


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


class Clocks:
    """A device's two clocks: the monotonic one starts again at every boot, the wall clock does not."""

    def __init__(self, wall: float):
        self.mono, self.wall = 50.0, wall

    def reboot(self, after: float) -> None:
        self.mono, self.wall = 7.0, self.wall + after

    def gate(self, store, pin: str = "2468") -> PinGate:
        config = SimpleNamespace(setup_pin=pin)
        return PinGate(config, store, monotonic=lambda: self.mono, realtime=lambda: self.wall)


def test_the_count_of_wrong_pins_survives_a_reboot(tmp_path):
    """Issue 13.8: before, pulling the plug gave three free tries again and no wait."""
    store = tmp_path / "state" / "pin-throttle.json"
    clocks = Clocks(wall=1_700_000_000.0)
    gate = clocks.gate(store)
    for wrong in ("1111", "2222", "3333", "4444"):
        clocks.mono += gate.wait()
        assert not gate.try_pin(wrong, "the setup")
    assert gate.wait() == 10  # 5 s, then 10 s
    assert store.stat().st_mode & 0o777 == 0o600
    assert json.loads(store.read_text()) == {"failures": 4, "until": 1_700_000_010.0}

    clocks.reboot(after=4.0)
    again = clocks.gate(store)
    assert again.throttle.failures == 4 and again.wait() == 6  # what was left of the 10 s
    assert not again.try_pin("2468", "the setup")  # still too early, even the right one
    clocks.mono += 6
    assert not again.try_pin("5555", "the setup")
    assert again.wait() == 20  # the fifth wrong PIN in a row, across the reboot

    clocks.reboot(after=25.0)
    third = clocks.gate(store)
    assert third.wait() == 0 and third.try_pin("2468", "the setup")
    assert json.loads(store.read_text())["failures"] == 0
    assert clocks.gate(store).throttle.failures == 0  # and a later start begins from none


def test_a_wall_clock_that_boots_early_never_waits_longer_than_the_longest_wait(tmp_path):
    """A Raspberry Pi without its battery boots at the last shutdown's time, or 1970: the stored end
    of a wait would be far ahead. The wait is capped at five minutes, as a running one is."""
    store = tmp_path / "pin-throttle.json"
    store.write_text(json.dumps({"failures": 6, "until": 1_700_000_040.0}))
    clocks = Clocks(wall=0.0)
    gate = clocks.gate(store)
    assert gate.throttle.failures == 6 and gate.wait() == 300


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", '{"failures": -1, "until": 0}', '{"failures": 3}', '{"failures": 2, "until": NaN}'],
)
def test_a_count_kiosk_did_not_write_is_logged_and_counted_from_zero(tmp_path, caplog, content):
    store = tmp_path / "pin-throttle.json"
    store.write_text(content)
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        gate = Clocks(wall=1_700_000_000.0).gate(store)
    assert gate.throttle.failures == 0 and gate.wait() == 0
    assert f"the count of wrong PINs in {store} is not one kiosk wrote: counting from 0" in caplog.text


def test_a_fifo_in_place_of_the_count_blocks_nothing(tmp_path, caplog):
    store = tmp_path / "pin-throttle.json"
    os.mkfifo(store)
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        gate = Clocks(wall=1_700_000_000.0).gate(store)
    assert gate.wait() == 0 and "cannot be read (it is a named pipe (FIFO), not a file)" in caplog.text


def test_no_count_yet_is_no_count(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        gate = Clocks(wall=1.0).gate(tmp_path / "none.json")
    assert gate.throttle.failures == 0 and not caplog.records


def test_the_count_lives_in_the_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert throttle_file() == tmp_path / "state" / "kiosk" / "pin-throttle.json"


def test_a_count_that_cannot_be_kept_is_logged(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    gate = Clocks(wall=1.0).gate(blocker / "pin-throttle.json")  # its folder is a file
    with caplog.at_level(logging.ERROR, logger="kiosk"):
        gate.try_pin("1111", "the setup")
    assert f"cannot keep the count of wrong PINs in {blocker / 'pin-throttle.json'}" in caplog.text
