"""A room the command line names (a unit's instance: kiosk@salle-9) that the programme does not have.

It is an error, never another room: the screen says so in its languages with the programme's rooms,
drawn by the waiting screen's layout (a device that cannot show its room yet), and the journal and
the status file say it. The programme is still followed (a file edited, a URL's next download): one
that has the room brings the room's screen (kiosk.qt.app).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from ..present.words import has_catalogue, label, right_to_left
from ..programme import Programme
from ..status import keep_status
from .bridge import WaitingSign
from .waiting import watchdog_pinger

log = logging.getLogger("kiosk")

DEFAULT_LANGUAGES = ("fr", "en")


class UnknownRoomScreen:
    view = "unknown_room"
    qml = "Waiting.qml"
    bridge_name = "sign"

    def __init__(
        self,
        programme: Programme,
        room: str,
        languages: tuple[str, ...] | None = None,
        status_file: str | None = None,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
    ):
        self.room = room
        self.status_file = status_file
        self.now = now
        wanted = languages or programme.event.screens
        self.languages = tuple(lang for lang in wanted if has_catalogue(lang)) or DEFAULT_LANGUAGES
        rooms = ", ".join(r.id for r in programme.rooms)
        self.bridge = WaitingSign()
        langs = self.languages
        self.bridge.set(
            titles=[label(lang, "unknown_room_title", room=room) for lang in langs],
            screens=[label(lang, "unknown_room_rooms", rooms=rooms) for lang in langs],
            sources=[label(lang, "unknown_room_fix") for lang in langs],
            attempts=[label(lang, "unknown_room_follow") for lang in langs],  # the programme is followed
            rightToLeft=[right_to_left(lang) for lang in langs],
        )
        self.problem = f"--room {room!r}: the programme has no such room; its rooms: {rooms}"
        log.error("%s", self.problem)
        # systemd hears the GUI thread is alive: restarting would only show the same mistake again.
        self.watchdog = watchdog_pinger()

        self.write_status()

    def initial_properties(self) -> dict[str, QObject]:
        return {self.bridge_name: self.bridge}

    def building(self, built: bool) -> None:
        """Nothing waits for the QML to be built (kiosk.qt.screen.Screen.building)."""

    def write_status(self) -> None:
        if not self.status_file:
            return
        data = {
            "view": self.view,
            "room": self.room,
            "at": self.now().isoformat(),
            "programme_ok": False,
            "programme_error": self.problem,
        }
        keep_status(self.status_file, data)

    def close(self) -> None:
        self.watchdog.stop()
