"""The technician's PIN as typed on a screen: checked against what the configuration stores (its
salted hash, kiosk.config.pin) and throttled, so that the 10 000 four-digit PINs cannot be typed
through, not even by pulling the plug after each wait: the count of wrong PINs and the end of the
wait are kept in the state folder. Qt-free.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import folders
from .atomic import write_atomically
from .config.pin import pin_matches
from .file_bytes import Unreadable, read_bytes

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


def throttle_file() -> Path | None:
    """Where the count of wrong PINs is kept across restarts: the state folder (None: no home)."""
    folder = folders.state_dir()
    return folder / "pin-throttle.json" if folder is not None else None


class PinGate:
    """The device's PIN and its throttle, for every PIN prompt of a running kiosk (the setup, the
    exit chord): one count of wrong PINs, so closing and opening a prompt again does not reset it,
    nor does a restart or a reboot when ``store`` keeps it (mode 0600). Every try is logged."""

    def __init__(
        self,
        config: Any,
        store: Path | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        realtime: Callable[[], float] = time.time,
    ):
        self.config = config
        self.store = store
        self.monotonic = monotonic
        # The wait runs on the monotonic clock, which starts again at a reboot: its end is stored as
        # a wall-clock time.
        self.realtime = realtime
        self.throttle = Throttle()
        if store is not None:
            self._restore(store)

    def _restore(self, store: Path) -> None:
        try:
            data = json.loads(read_bytes(store, limit=4096))
            failures, until = data["failures"], data["until"]
            if not (isinstance(failures, int) and failures >= 0 and isinstance(until, int | float)):
                raise ValueError(data)
            if not math.isfinite(until):
                raise ValueError(until)
        except Unreadable as err:
            if not err.missing:
                log.warning(
                    "the count of wrong PINs in %s cannot be read (%s): counting from 0", store, err.reason
                )
            return
        except (ValueError, TypeError, KeyError):
            log.warning("the count of wrong PINs in %s is not one kiosk wrote: counting from 0", store)
            return
        # Never longer than the longest wait: a clock without a battery may boot years early.
        left = min(max(0.0, until - self.realtime()), self.throttle.longest)
        self.throttle.failures = failures
        self.throttle.not_before = self.monotonic() + left
        if failures:
            log.warning(
                "PIN: %d wrong in a row before this start; the next try in %.0f s", failures, math.ceil(left)
            )

    def _save(self) -> None:
        if self.store is None:
            return
        until = self.realtime() + self.throttle.wait(self.monotonic())
        data = json.dumps({"failures": self.throttle.failures, "until": until}).encode()
        try:
            write_atomically(self.store, data, mode=0o600)
        except OSError as err:
            log.error("cannot keep the count of wrong PINs in %s: %s", self.store, err.strerror or err)

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
            if self.throttle.failures:
                self.throttle.succeeded()
                self._save()
            return True
        delay = self.throttle.failed(now)
        self._save()
        log.warning(
            "PIN for %s: wrong (%d in a row)%s",
            purpose,
            self.throttle.failures,
            f"; the next try in {delay:.0f} s" if delay else "",
        )
        return False
