"""A running kiosk: the live programme, the screen, its ticker, and what it tells the outside world.

It follows the programme file (last good wins), keeps the status file true, tells systemd when the
first frame is up and, from the GUI thread, that the interface is alive.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from .. import systemd
from ..clock import Clock
from ..status import status, write_status
from .live import LiveProgramme
from .ticker import Ticker

log = logging.getLogger("kiosk")


class RunningKiosk(QObject):
    def __init__(
        self,
        live: LiveProgramme,
        screen,
        clock: Clock,
        language_period: float = 10.0,
        status_file: str | None = None,
        realtime=None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.live = live
        self.screen = screen
        self.status_file = status_file
        extra = {"realtime": realtime} if realtime else {}
        self.ticker = Ticker(clock, screen, language_period, parent=self, **extra)
        self.ticker.ticked.connect(self.write_status)
        live.accept = screen.problem_with
        live.replaced.connect(self._programme_replaced)
        live.problem_changed.connect(self._problem_changed)
        screen.programme_error = live.error
        self.watchdog = QTimer(self)
        self.watchdog.timeout.connect(lambda: systemd.notify("WATCHDOG=1"))

    def start(self) -> None:
        self.ticker.start()
        interval = systemd.watchdog_interval()
        if interval:
            self.watchdog.start(max(1, int(interval * 1000)))

    def first_frame_shown(self) -> None:
        if systemd.notify("READY=1"):
            log.info("told systemd the kiosk is ready")

    def _programme_replaced(self) -> None:
        self.screen.replace_programme(self.live.programme)
        self._problem_changed()

    def _problem_changed(self) -> None:
        self.screen.programme_error = self.live.error
        self.ticker.tick()

    def write_status(self) -> None:
        if not self.status_file:
            return
        screen = self.screen
        # What is on screen, at the instant it was worked out for (the overview's rooms are already known).
        state = getattr(screen, "state", None)
        overview = getattr(screen, "overview", None)
        at = (state or overview).at if (state or overview) else self.ticker.clock.now()
        lang = screen.languages[screen.bridge.languageIndex]
        rooms = overview.rooms if overview else ()
        data = status(screen.view, lang, at, state, screen.programme_error, rooms)
        try:
            write_status(self.status_file, data)
        except OSError as err:
            log.error("cannot write the status file %s: %s", self.status_file, err.strerror)
