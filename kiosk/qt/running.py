"""A running kiosk: the live programme, the screen, its ticker, and what it tells the outside world.

It follows the programme file (last good wins), keeps the status file true, tells systemd when the
first frame is up and, from the GUI thread, that the screen is alive: only while its ticks really
happen, so systemd restarts a screen whose clock stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtQuick import QQuickView

from .. import systemd
from ..clock import Clock
from ..errors import ScreenError
from ..notices import Notices
from ..schedule import dropped_sessions
from ..schedule_json import session_json
from ..status import keep_status
from .clockwatch import ClockWatch
from .live import LiveProgramme, LiveSource
from .remote import notices_parse
from .screen import Screen
from .ticker import Ticker
from .window import show_screen

log = logging.getLogger("kiosk")


class RunningKiosk(QObject):
    switched = Signal()  # another screen is on the window

    def __init__(
        self,
        live: LiveProgramme,
        screen: Screen,
        clock: Clock,
        language_period: float = 10.0,
        status_file: str | None = None,
        realtime=None,
        monotonic=None,
        clock_check: Callable[[], bool | None] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.live = live
        self.status_file = status_file
        self.window: QQuickView | None = None
        # Tests give the real and monotonic clocks; a kiosk uses time.time and time.monotonic.
        extra = {k: v for k, v in {"realtime": realtime, "monotonic": monotonic}.items() if v}
        self.ticker = Ticker(clock, screen, language_period, parent=self, **extra)
        self.ticker.ticked.connect(self.write_status)
        live.replaced.connect(self._programme_replaced)
        live.problem_changed.connect(self._problem_changed)
        # Whether the system clock is synchronised, asked now and then (None: not asked, a rehearsal).
        self.clock_watch = ClockWatch(clock_check, self) if clock_check else None
        if self.clock_watch is not None:
            self.clock_watch.changed.connect(self._clock_changed)
        self.screen = screen
        self.dropped: tuple = ()  # sessions on now or next that the last new programme no longer has
        self._bind(screen)
        self.notices: LiveSource | None = None
        self.watchdog = QTimer(self)
        self.watchdog.timeout.connect(self._watchdog)
        self._silent = False
        self.ticker.failed.connect(self._tick_failed)

    def follow_notices(self, notices: LiveSource) -> None:
        """Show ``notices`` (kiosk.qt.remote.live_notices) on every screen this kiosk puts up."""
        self.notices = notices
        notices.replaced.connect(self._notices_changed)
        notices.problem_changed.connect(self._notices_changed)
        self.live.replaced.connect(self._check_notices_again)
        self._bind_notices(self.screen)

    def _check_notices_again(self) -> None:
        """The same notices may not fit a new programme (a session gone, a room renamed)."""
        if self.notices is not None and self.live.programme is not None:
            self.notices.reparse(notices_parse(self.live.programme))

    def _bind_notices(self, screen: Screen) -> None:
        if self.notices is not None:
            value = self.notices.value
            screen.notices = value if value is not None else Notices((), self.notices.name)
            screen.notices_error = self.notices.error

    def _notices_changed(self) -> None:
        self._bind_notices(self.screen)
        self.ticker.tick()

    def start(self) -> None:
        if self.clock_watch is not None:
            self.clock_watch.start()
        self.ticker.start()
        interval = systemd.watchdog_interval()
        if interval:
            self.watchdog.start(max(1, int(interval * 1000)))

    def stop(self) -> None:
        self.ticker.stop()
        self.watchdog.stop()
        if self.clock_watch is not None:
            self.clock_watch.stop()

    def show_in(self, window: QQuickView | None = None, size: tuple[int, int] | None = None) -> QQuickView:
        """Show the screen on ``window`` (a new one if None); later screens go on the same window."""
        self.window = show_screen(self.screen, window, size)
        return self.window

    def put(self, screen: Screen) -> Screen:
        """Show ``screen`` instead of the current one; returns the one it replaces.

        The one place a screen is swapped: the ticker, the live programme's acceptance check, the
        programme error and the status file follow the new screen, and the window shows it.
        """
        old, self.screen = self.screen, screen
        self._bind(screen)
        # Filled before the QML binds to it: the first frame already shows the right room.
        self.ticker.tick()
        if self.window is not None:
            try:
                show_screen(screen, self.window)
            except ScreenError as err:
                log.error("%s", err)
        self.switched.emit()
        return old

    def _bind(self, screen: Screen) -> None:
        self.ticker.screen = screen
        if hasattr(self, "notices"):
            self._bind_notices(screen)
        # A new programme is taken only if this screen can show it (a door needs its room).
        self.live.accept = screen.problem_with
        latest = self.live.programme
        problem = None
        if latest is not None and latest is not screen.programme:
            # Built on an older programme (the screen the setup covered): brought up to date if it can be.
            problem = screen.problem_with(latest)
            if problem is None:
                screen.replace_programme(latest)
            else:
                log.error("%s; still showing the programme it was built on", problem)
        screen.programme_error = problem or self.live.error
        screen.clock_unsynced = self.clock_synchronised is False

    def first_frame_shown(self) -> None:
        if systemd.notify("READY=1"):
            log.info("told systemd the kiosk is ready")

    def _watchdog(self) -> None:
        if self.ticker.alive():
            self._silent = False
            systemd.notify("WATCHDOG=1")
        else:
            self._fall_silent()

    def _tick_failed(self) -> None:
        # Said at the failed tick too, not only at the watchdog's next round: on a starved machine that
        # round can come after systemd has already restarted the screen, and the log would not say why.
        if self.watchdog.isActive() and not self.ticker.alive():
            self._fall_silent()

    def _fall_silent(self) -> None:
        if not self._silent:
            self._silent = True
            log.error(
                "the screen has stopped: no tick since one was due; systemd's watchdog is no longer told"
            )

    @property
    def clock_synchronised(self) -> bool | None:
        return self.clock_watch.synchronised if self.clock_watch is not None else None

    def _clock_changed(self) -> None:
        self.screen.clock_unsynced = self.clock_synchronised is False
        self.ticker.tick()

    def _programme_replaced(self) -> None:
        old, new = self.screen.programme, self.live.programme
        self.dropped = dropped_sessions(old, new, self.ticker.clock.now()) if old is not None else ()
        if self.dropped:
            lang = new.event.languages[0]
            log.warning(
                "the new programme %s drops sessions that were on now or next: %s",
                self.live.name,
                "; ".join(
                    f"{s.title.get(lang)} ({s.room}, {s.start.astimezone(new.event.zone):%H:%M})"
                    for s in self.dropped
                ),
            )
        sign_id = getattr(self.screen, "sign_id", None)
        if sign_id and old is not None and old.sign(sign_id) is not None and new.sign(sign_id) is None:
            log.warning("the new programme %s has no sign %r: no arrows", self.live.name, sign_id)
        self.screen.replace_programme(new)
        self._problem_changed()

    def _problem_changed(self) -> None:
        self.screen.programme_error = self.live.error
        self.ticker.tick()

    def status_document(self) -> dict:
        """What the screen shows, as the status file says it."""
        screen = self.screen
        data = screen.status(screen.languages[screen.bridge.languageIndex], self.ticker.clock.now())
        data["clock_synchronised"] = self.clock_synchronised
        # Sessions on now or next that the last new programme dropped: a truncated copy shows here.
        data["programme_dropped"] = [session_json(s) for s in self.dropped]
        # Where the screen hangs (`sign:`), and whether the programme shown has that sign (else no arrows).
        sign_id, shown = getattr(screen, "sign_id", None), getattr(screen, "programme", None)
        data["sign"] = sign_id
        data["sign_missing"] = bool(sign_id and shown is not None and shown.sign(sign_id) is None)
        data.update(self.live.health())
        if self.notices is not None:
            data.update(self.notices.health())
        return data

    def write_status(self) -> None:
        if not self.status_file:
            return
        keep_status(self.status_file, self.status_document())
