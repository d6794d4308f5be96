"""Asks the system, now and then, whether its clock is synchronised; off the GUI thread.

The answer (kiosk.timesync) may take a D-Bus round trip through timedatectl, so it is asked on a
worker thread and arrives on the GUI thread as a signal; the running kiosk shows a discreet mark
while the clock is not synchronised and says so in the status file.
"""

from __future__ import annotations

import functools
import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .worker import Worker, _Parcel, courier

log = logging.getLogger("kiosk")

CHECK_EVERY_MS = 60_000


class ClockWatch(QObject):
    """Holds the last answer in ``synchronised`` (None: not known); ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, check: Callable[[], bool | None], parent: QObject | None = None):
        super().__init__(parent)
        self.check = check
        self.synchronised: bool | None = None
        self.asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.ask)
        self.worker = Worker("kiosk-clock-check")

    def start(self) -> None:
        self.ask()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def ask(self) -> None:
        if self.asking:
            return
        self.asking = True
        # The answer comes back by the live sources' courier, which delivers nothing to a watch taken
        # down meanwhile (a screen closing while timedatectl answers): emitted on the watch itself, it
        # raised in the worker thread.
        parcel = functools.partial(_Parcel, weakref.ref(self), "_answer")
        mail, check = courier(), self.check
        self.worker.submit(lambda: mail.arrived.emit(parcel(_asked(check))))

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


def _asked(check: Callable[[], bool | None]) -> bool | None:
    try:
        return check()
    except Exception:  # a check that breaks must not take the screen with it
        log.exception("could not ask whether the clock is synchronised")
        return None
