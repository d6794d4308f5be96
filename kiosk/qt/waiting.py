"""Waiting for the programme: what a device shows before its first programme arrives from the network.

A first start with a programme URL and no network (nothing cached, no last good copy) shows which
screen this device is (its room, or the overview) and where the programme should come from, in
every screen language at once, and when the next try is; the real screen replaces it as soon as the
programme arrives. The bundled programme is never shown instead: it is another event's.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from .. import systemd
from ..present.words import has_catalogue, label, right_to_left
from ..status import keep_status
from .bridge import WaitingSign

log = logging.getLogger("kiosk")

# The languages of the catalogue, when the device's configuration names none (the event's are not
# known before its programme is).
DEFAULT_LANGUAGES = ("fr", "en")


def watchdog_pinger() -> QTimer:
    """A timer telling systemd's watchdog the GUI thread is alive (started only under a watchdog), for a
    screen with no ticker of its own: waiting for the programme, or saying the room is unknown."""
    timer = QTimer()
    timer.timeout.connect(lambda: systemd.notify("WATCHDOG=1"))
    interval = systemd.watchdog_interval()
    if interval:
        timer.start(max(1, int(interval * 1000)))
    return timer


def screen_languages(wanted) -> tuple[str, ...]:
    """The languages among ``wanted`` that have a catalogue, else the default ones."""
    return tuple(lang for lang in wanted or () if has_catalogue(lang)) or DEFAULT_LANGUAGES


class NoticeOnlyScreen:
    """A screen of Waiting.qml that only says something, with no ticker of its own (waiting for the
    programme, a room the programme lacks): its bridge, systemd's watchdog and the status file."""

    view: str
    qml = "Waiting.qml"
    bridge_name = "sign"
    room: str | None
    status_file: str | None
    now: Callable[[], dt.datetime]
    bridge: WaitingSign
    watchdog: QTimer

    def initial_properties(self) -> dict[str, QObject]:
        return {self.bridge_name: self.bridge}

    def building(self, built: bool) -> None:
        """Nothing waits for the QML to be built (kiosk.qt.screen.Screen.building)."""

    def write_status_with(self, **fields) -> None:
        """The status file: this screen, its room, the time, no programme shown, and ``fields``."""
        if not self.status_file:
            return
        data = {"view": self.view, "room": self.room, "at": self.now().isoformat(), "programme_ok": False}
        keep_status(self.status_file, data | fields)

    def close(self) -> None:
        self.watchdog.stop()


class WaitingScreen(NoticeOnlyScreen):
    """The "waiting for the programme" screen of a device: its bridge, its QML, its words."""

    view = "waiting"

    def __init__(
        self,
        live,
        room: str | None,
        overview: bool = False,
        languages: tuple[str, ...] | None = None,
        status_file: str | None = None,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
    ):
        self.live = live
        self.room = room
        self.overview = overview
        self.languages = screen_languages(languages)
        self.status_file = status_file
        self.now = now
        self.bridge = WaitingSign()
        langs = self.languages
        self.bridge.set(
            titles=[label(lang, "waiting_title") for lang in langs],
            screens=[
                label(lang, "waiting_overview") if overview else label(lang, "waiting_room", room=room or "?")
                for lang in langs
            ],
            sources=[label(lang, "waiting_from", host=live.host) for lang in langs],
            rightToLeft=[right_to_left(lang) for lang in langs],
        )
        live.fetched.connect(self.show)
        live.problem_changed.connect(self.show)
        # systemd hears the GUI thread is alive while it waits (the running kiosk's ticker takes over).
        self.watchdog = watchdog_pinger()
        self.show()

    def show(self, _result=None) -> None:
        """The next try's time (or "connecting" while a try is on), and the status file."""
        timer = self.live.refresh
        if self.live.fetching or not timer.isActive():
            attempts = [label(lang, "waiting_trying") for lang in self.languages]
        else:
            at = self.now() + dt.timedelta(milliseconds=timer.remainingTime())
            attempts = [label(lang, "waiting_retry", time=f"{at:%H:%M:%S}") for lang in self.languages]
        self.bridge.attempts = attempts
        self.write_status()

    def write_status(self) -> None:
        self.write_status_with(
            programme_error=self.live.error,
            programme_source=self.live.url,
            network_error=self.live.network_error,
        )

    def close(self) -> None:
        super().close()
        self.live.fetched.disconnect(self.show)
        self.live.problem_changed.disconnect(self.show)
