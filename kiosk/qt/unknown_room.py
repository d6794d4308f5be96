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

from ..present.words import label, right_to_left
from ..programme import Programme
from .bridge import WaitingSign
from .waiting import NoticeOnlyScreen, screen_languages, watchdog_pinger

log = logging.getLogger("kiosk")


class UnknownRoomScreen(NoticeOnlyScreen):
    view = "unknown_room"

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
        self.languages = screen_languages(languages or programme.event.screens)
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

    def write_status(self) -> None:
        self.write_status_with(programme_error=self.problem)
