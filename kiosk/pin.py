"""The technician's PIN as typed on a screen: checked against what the configuration stores (its
salted hash, kiosk.config.pin) and throttled, so that the 10 000 four-digit PINs cannot be typed
through. Qt-free.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .config.pin import pin_matches

log = logging.getLogger("kiosk")


def check_pin(config: Any, typed: str) -> bool:
    """Whether ``typed`` is the device's setup PIN (``config.setup_pin``); True when none is set."""
    stored = config.setup_pin
    return stored is None or pin_matches(stored, typed)


@dataclass
class Throttle:
    """Wrong PINs in a row and when the next try is allowed: after three failures a wait that doubles
    with each further one (5 s, 10 s, 20 s… up to 5 min), so that typing through every four-digit PIN
    takes weeks instead of half a minute."""

    free_tries: int = 3
    first: float = 5.0
    longest: float = 300.0
    failures: int = 0
    not_before: float = field(default=0.0)

    def wait(self, now: float) -> float:
        """Seconds before the next try is taken (0: now)."""
        return max(0.0, self.not_before - now)

    def failed(self, now: float) -> float:
        """One more wrong PIN at ``now``: the wait it earns."""
        self.failures += 1
        extra = self.failures - self.free_tries
        delay = min(self.longest, self.first * 2.0 ** min(extra, 32)) if extra >= 0 else 0.0
        self.not_before = now + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self.not_before = 0.0


class PinGate:
    """The device's PIN and its throttle, for every PIN prompt of a running kiosk (the setup, the
    exit chord): one count of wrong PINs, so closing and opening a prompt again does not reset it.
    Every try is logged."""

    def __init__(self, config: Any, monotonic: Callable[[], float] = time.monotonic):
        self.config = config
        self.monotonic = monotonic
        self.throttle = Throttle()

    @property
    def needed(self) -> bool:
        return self.config.setup_pin is not None

    def wait(self) -> float:
        """Seconds before a PIN is taken again (0: now)."""
        return self.throttle.wait(self.monotonic())

    def try_pin(self, typed: str, purpose: str) -> bool:
        """Whether ``typed`` opens ``purpose`` ("the setup", "quitting"); a try during a wait is refused."""
        now = self.monotonic()
        waiting = self.throttle.wait(now)
        if waiting > 0:
            log.warning("PIN for %s: typed %.0f s too early, not checked", purpose, math.ceil(waiting))
            return False
        if check_pin(self.config, typed):
            log.info("PIN for %s: right, unlocked after %d wrong", purpose, self.throttle.failures)
            self.throttle.succeeded()
            return True
        delay = self.throttle.failed(now)
        log.warning(
            "PIN for %s: wrong (%d in a row)%s",
            purpose,
            self.throttle.failures,
            f"; the next try in {delay:.0f} s" if delay else "",
        )
        return False
