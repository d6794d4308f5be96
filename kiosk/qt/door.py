"""The door screen's controller: programme + room + instant → the DoorSign bridge's properties."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QObject

from .. import schedule
from ..notices import Applied
from ..present.door import cancelled_line, door_link, door_text
from ..present.notices import band, emergency_parts, printed_clock, printed_times, unless_struck
from ..programme import Programme
from ..status import status
from . import qrcode  # noqa: F401  (QrCode, for Door.qml)
from .bridge import DoorPage, DoorSign, fill_page
from .screen import SignScreen, emergency_properties


class DoorScreen(SignScreen):
    """Keeps a DoorSign bridge showing one room of a programme at the instants it is given."""

    view = "door"
    qml = "Door.qml"
    bridge_name = "door"

    def __init__(
        self,
        programme: Programme,
        room_id: str,
        languages: tuple[str, ...] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(DoorSign(parent), programme, languages)
        self.room_id = room_id
        self.state: schedule.RoomState | None = None
        self.shown: Applied | None = None  # the notices applied at the last show
        self._set_languages()

    def new_page(self) -> QObject:
        return DoorPage(self.bridge)

    def problem_with(self, programme: Programme) -> str | None:
        if not any(room.id == self.room_id for room in programme.rooms):
            return f"{programme.source}: the room {self.room_id!r} is no longer in the programme"
        return None

    def show(self, at: dt.datetime, beat: int | None = None) -> None:
        """Push what the room shows at ``at`` into the bridge (only changed values emit)."""
        applied = self.applied(at)
        self.shown = applied
        state = schedule.room_state(applied.programme, self.room_id, at)
        self.state = state
        self.bridge.qrUrl = door_link(state)
        rehearsal = self.bridge.rehearsal
        here = unless_struck(applied.for_room(self.room_id), state.cancelled)
        sign = self.sign
        # A cancelled session at the time people have on paper, a delay or not.
        struck = tuple(applied.printed_session(s.id) for s in state.cancelled)
        for lang, page in self._pages.items():
            text = door_text(
                applied.programme,
                state,
                lang,
                programme_error=self.problem is not None,
                clock_unsynced=self.clock_unsynced,
                rehearsal=rehearsal,
                sign=sign,
            )
            now = state.current[0] if state.current else None
            extra = band(applied, here, lang, self.room_id, sign) | {
                "nowTimePrinted": printed_times(applied, now),
                "nextTimePrinted": printed_times(applied, state.next),
                "nowStartPrinted": printed_clock(applied, now),
                "nextStartPrinted": printed_clock(applied, state.next),
            }
            if struck:
                extra |= cancelled_line(applied.printed, struck, lang)
            fill_page(page, dataclasses.replace(text, **extra))
        self.bridge.set(**emergency_properties(emergency_parts(applied, self.languages)))

    def status(self, lang: str, now: dt.datetime) -> dict:
        if self.state is None:
            return super().status(lang, now)
        return status(
            self.view,
            lang,
            self.state.at,
            self.state,
            self.programme_error,
            applied=self.shown,
            notices_error=self.notices_error,
        )
