"""The door screen's controller: programme + room + instant → the DoorSign bridge's properties."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from .. import schedule
from ..present import door_text
from ..programme import Programme
from .bridge import DoorPage, DoorSign, fill_page


class DoorScreen:
    """Keeps a Door bridge showing one room of a programme at the instants it is given."""

    view = "door"
    qml = "Door.qml"

    def __init__(
        self,
        programme: Programme,
        room_id: str,
        languages: tuple[str, ...] | None = None,
        parent: QObject | None = None,
    ):
        self.bridge = DoorSign(parent)
        self.room_id = room_id
        self.programme = programme
        self.wanted_languages = languages
        self.programme_error: str | None = None
        self.state: schedule.RoomState | None = None
        self._pages: dict[str, QObject] = {}
        self._set_languages()

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.wanted_languages or self.programme.event.languages)

    def initial_properties(self) -> dict[str, QObject]:
        return {"door": self.bridge}

    def problem_with(self, programme: Programme) -> str | None:
        """Why ``programme`` cannot be shown on this screen, if it cannot."""
        if not any(room.id == self.room_id for room in programme.rooms):
            return f"{programme.source}: the room {self.room_id!r} is no longer in the programme"
        return None

    def replace_programme(self, programme: Programme) -> None:
        self.programme = programme
        self._set_languages()

    def _set_languages(self) -> None:
        if tuple(self._pages) == self.languages:
            return
        self._pages = {lang: DoorPage(self.bridge) for lang in self.languages}
        self.bridge.set(
            pages=list(self._pages.values()), languageLabels=[lang.upper() for lang in self.languages]
        )

    def show(self, at: dt.datetime) -> None:
        """Push what the room shows at ``at`` into the bridge (only changed values emit)."""
        state = schedule.room_state(self.programme, self.room_id, at)
        self.state = state
        rehearsal = self.bridge.rehearsal
        for lang, page in self._pages.items():
            fill_page(
                page,
                door_text(
                    self.programme,
                    state,
                    lang,
                    programme_error=self.programme_error is not None,
                    rehearsal=rehearsal,
                ),
            )
        self.bridge.set(phase=state.phase, programmeOk=self.programme_error is None)
