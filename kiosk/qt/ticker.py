"""The one timer of a screen: wakes up only when what is shown changes.

At each tick it asks the clock for the time, pushes the screen's state, picks the language (and, for
a screen that turns pages such as the overview, the page of rows), and sleeps until the next
instant that matters: the next minute, the next session start or end, the next language switch.
The wait is recomputed from the clock at every tick, so NTP steps, suspend and daylight-saving
changes are followed at once. A tick that fails is logged and tried again; ``alive()`` says whether
ticks really happen, for the watchdog. Tests call ``tick()`` by hand with a FakeClock.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..clock import Clock, next_minute, seconds_until

log = logging.getLogger("kiosk")

# The longest sleep, in case the wall clock jumps while we sleep (suspend, NTP step).
MAX_SLEEP_SECONDS = 30.0
# After a tick that failed: try again this soon (the screen may have been swapped, the programme fixed).
RETRY_SECONDS = 5.0
# How late a tick may be before the screen counts as stopped (a busy machine, a slow first frame).
LATE_SECONDS = 5.0


class Ticker(QObject):
    ticked = Signal()
    failed = Signal()  # a tick raised; the next is tried RETRY_SECONDS later

    def __init__(
        self,
        clock: Clock,
        screen,
        language_period: float = 10.0,
        realtime: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.clock = clock
        self.screen = screen
        self.language_period = language_period
        # Languages follow real time (not rehearsal time), on shared boundaries of the wall clock,
        # so that every screen in a hall switches at the same moment.
        self.realtime = realtime
        self.monotonic = monotonic
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self.next_wake_seconds = 0.0
        self.due: float | None = None  # monotonic seconds by which the next good tick is due
        self.failures = 0  # ticks that failed in a row

    def beat(self) -> int:
        """Language periods since the epoch, in real time: languages and pages of rows turn on it."""
        return int(self.realtime() // self.language_period) if self.language_period > 0 else 0

    def language_index(self) -> int:
        count = len(self.screen.languages)
        if count <= 1 or self.language_period <= 0:
            return 0
        return self.beat() % count

    def tick(self) -> None:
        try:
            wait = self._tick()
        except Exception:
            # Whatever went wrong, the clock must not stop: log it and try again soon. The watchdog
            # goes quiet meanwhile (``due`` is not moved on), so a screen that never recovers restarts.
            self.failures += 1
            log.exception("the screen could not be updated (%d in a row); trying again", self.failures)
            wait = RETRY_SECONDS
            self.failed.emit()
        else:
            if self.failures:
                log.info("the screen is updated again after %d failed ticks", self.failures)
            self.failures = 0
            self.due = self.monotonic() + wait
        self.next_wake_seconds = wait
        # A few ms late rather than early: waking just before a boundary would show the old minute.
        self.timer.start(max(1, math.ceil(wait * 1000) + 5))

    def _tick(self) -> float:
        """Show the screen now; the seconds until the next tick."""
        at = self.clock.now()
        screen = self.screen
        screen.show(at, self.beat())
        screen.bridge.languageIndex = self.language_index()
        self.ticked.emit()

        waits = [seconds_until(self.clock, next_minute(at)), MAX_SLEEP_SECONDS]
        change = screen.next_change(at)
        if change is not None:
            waits.append(seconds_until(self.clock, change))
        if (len(screen.languages) > 1 or screen.turns_pages) and self.language_period > 0:
            now = self.realtime()
            waits.append((math.floor(now / self.language_period) + 1) * self.language_period - now)
        return min(waits)

    def alive(self) -> bool:
        """Whether the screen is kept up to date: the last tick worked and the next is not overdue."""
        return self.due is not None and self.monotonic() <= self.due + LATE_SECONDS

    def start(self) -> None:
        self.tick()

    def stop(self) -> None:
        self.timer.stop()
