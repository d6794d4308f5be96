"""Asks the system, now and then, whether its clock is synchronised; off the GUI thread.

The answer (kiosk.timesync) may take a D-Bus round trip through timedatectl, so it is asked on a
worker thread and arrives on the GUI thread as a signal; the running kiosk shows a discreet mark
while the clock is not synchronised and says so in the status file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("kiosk")

CHECK_EVERY_MS = 60_000


class ClockWatch(QObject):
    """Holds the last answer in ``synchronised`` (None: not known); ``changed`` when it changes."""

    changed = Signal()
    _answered = Signal(object)  # from the worker thread

    def __init__(self, check: Callable[[], bool | None], parent: QObject | None = None):
        super().__init__(parent)
        self.check = check
        self.synchronised: bool | None = None
        self.asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.ask)
        self._answered.connect(self._answer)

    def start(self) -> None:
        self.ask()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def ask(self) -> None:
        if self.asking:
            return
        self.asking = True
        threading.Thread(target=self._ask, name="kiosk-clock-check", daemon=True).start()

    def _ask(self) -> None:
        try:
            answer = self.check()
        except Exception:  # a check that breaks must not take the screen with it
            log.exception("could not ask whether the clock is synchronised")
            answer = None
        self._answered.emit(answer)

    def _answer(self, answer: bool | None) -> None:
        self.asking = False
        if answer == self.synchronised:
            return
        self.synchronised = answer
        if answer is False:
            log.warning("the system clock is not synchronised: the time shown may be wrong")
        elif answer:
            log.info("the system clock is synchronised")
        self.changed.emit()
