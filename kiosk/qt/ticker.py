"""The one timer of a screen: wakes up only when what is shown changes.

At each tick it asks the clock for the time, pushes the screen's state, picks the language (and, for
a screen with a ``beat`` attribute such as the overview, the page of rows), and sleeps until the next
instant that matters: the next minute, the next session start or end, the next language switch.
The wait is recomputed from the clock at every tick, so NTP steps, suspend and daylight-saving
changes are followed at once. Tests call ``tick()`` by hand with a FakeClock.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..clock import Clock, next_minute, seconds_until
from ..schedule import next_change

# The longest sleep, in case the wall clock jumps while we sleep (suspend, NTP step).
MAX_SLEEP_SECONDS = 30.0


class Ticker(QObject):
    ticked = Signal()

    def __init__(
        self,
        clock: Clock,
        screen,
        language_period: float = 10.0,
        realtime: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.clock = clock
        self.screen = screen
        self.language_period = language_period
        # Languages follow real time (not rehearsal time), on shared boundaries of the wall clock,
        # so that every screen in a hall switches at the same moment.
        self.realtime = realtime
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self.next_wake_seconds = 0.0

    def beat(self) -> int:
        """Language periods since the epoch, in real time: languages and pages of rows turn on it."""
        return int(self.realtime() // self.language_period) if self.language_period > 0 else 0

    def language_index(self) -> int:
        count = len(self.screen.languages)
        if count <= 1 or self.language_period <= 0:
            return 0
        return self.beat() % count

    def tick(self) -> None:
        at = self.clock.now()
        # A screen with more rows than fit (the overview) turns its pages on the same beat.
        pages_turn = hasattr(self.screen, "beat")
        if pages_turn:
            self.screen.beat = self.beat()
        self.screen.show(at)
        self.screen.bridge.languageIndex = self.language_index()
        self.ticked.emit()

        waits = [seconds_until(self.clock, next_minute(at)), MAX_SLEEP_SECONDS]
        change = next_change(self.screen.programme, at)
        if change is not None:
            waits.append(seconds_until(self.clock, change))
        if (len(self.screen.languages) > 1 or pages_turn) and self.language_period > 0:
            now = self.realtime()
            waits.append((math.floor(now / self.language_period) + 1) * self.language_period - now)
        self.next_wake_seconds = min(waits)
        # A few ms late rather than early: waking just before a boundary would show the old minute.
        self.timer.start(max(1, math.ceil(self.next_wake_seconds * 1000) + 5))

    def start(self) -> None:
        self.tick()

    def stop(self) -> None:
        self.timer.stop()
