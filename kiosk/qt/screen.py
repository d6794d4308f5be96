"""What the running kiosk, its ticker and its status file need of a screen, whichever it is.

``Screen`` is that interface: the door, the overview and the technician's setup implement it, so
nothing outside a screen asks what kind of screen it holds. ``SignScreen`` adds what the two public
screens share: one page per language, rebuilt when the programme's languages change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QObject

from .. import notices as notices_core
from ..notices import Applied, Notices
from ..present.notices import EmergencyPart
from ..programme import Programme, Sign
from ..status import status


class Screen:
    """A screen: ``bridge`` is pushed into the QML file ``qml`` as its required property ``bridge_name``.

    Every bridge has ``languageIndex`` (the language showing, set by the ticker) and ``rotation``.
    """

    view: ClassVar[str] = ""  # "door", "overview", "setup": as the status file names it
    qml: ClassVar[str] = ""
    bridge_name: ClassVar[str] = ""
    # Whether the screen has pages of its own (the overview's board) that turn on the ticker's beat,
    # so the ticker wakes at each beat even with a single language.
    turns_pages: ClassVar[bool] = False

    def __init__(self, bridge: QObject, programme: Programme):
        self.bridge = bridge
        self.programme = programme
        self.programme_error: str | None = None  # why the shown programme is not the file's latest
        self.clock_unsynced = False  # the system says its clock is not synchronised: the time may be wrong
        self.notices = Notices()  # the last good notices (kiosk.qt.remote.live_notices)
        self.notices_error: str | None = None  # why the notices shown are not the file's latest
        self.sign_id: str | None = None  # where the screen hangs (`sign:`): its pointers show the way

    @property
    def sign(self) -> Sign | None:
        """The programme's sign this screen hangs at, if any (a programme without it: no arrows)."""
        return self.programme.sign(self.sign_id) if self.sign_id else None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.programme.event.screens)

    def initial_properties(self) -> dict[str, QObject]:
        return {self.bridge_name: self.bridge}

    def problem_with(self, programme: Programme) -> str | None:
        """Why ``programme`` cannot be shown on this screen, if it cannot (a door needs its room)."""
        return None

    def replace_programme(self, programme: Programme) -> None:
        self.programme = programme

    @property
    def problem(self) -> str | None:
        """What the screen's mark stands for: the programme's or the notices' problem."""
        return self.programme_error or self.notices_error

    def applied(self, at: dt.datetime) -> Applied:
        """The programme as it stands at ``at``, the notices in force applied (kiosk.notices.apply)."""
        return notices_core.apply(self.programme, self.notices, at)

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """When what the screen shows next changes: a session or a notice begins or ends."""
        return notices_core.next_change(self.programme, self.notices, at)

    def show(self, at: dt.datetime, beat: int | None = None) -> None:
        """Push what the screen shows at ``at`` into the bridge; ``beat`` turns pages (None: the first)."""

    def building(self, built: bool) -> None:
        """Called as its QML starts being built (False), and once it is (True)."""

    def status(self, lang: str, now: dt.datetime) -> dict:
        """What the screen shows, for the status file (``now``: when nothing was worked out yet)."""
        return status(self.view, lang, now, None, self.programme_error)


class SignScreen(Screen):
    """A screen for the public (door, overview): one page per language, crossfading in turn."""

    def __init__(self, bridge: QObject, programme: Programme, languages: tuple[str, ...] | None):
        super().__init__(bridge, programme)
        self.wanted_languages = languages
        self._pages: dict[str, Any] = {}

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.wanted_languages or self.programme.event.screens)

    def replace_programme(self, programme: Programme) -> None:
        self.programme = programme
        self._set_languages()

    def _set_languages(self) -> None:
        if tuple(self._pages) == self.languages:
            return
        self._pages = {lang: self.new_page() for lang in self.languages}
        self.bridge.set(
            pages=[self.page_object(p) for p in self._pages.values()],
            languageLabels=[lang.upper() for lang in self.languages],
        )

    def new_page(self) -> Any:
        raise NotImplementedError

    def page_object(self, page: Any) -> QObject:
        """The QObject of a page, as QML sees it."""
        return page


def emergency_properties(parts: list[EmergencyPart]) -> dict[str, Any]:
    """The emergency screen's bridge properties (the door's and the overview's alike); none: no emergency."""
    return {
        "emergency": bool(parts),
        "emergencyHeadings": [p.heading for p in parts],
        "emergencyTexts": [p.text for p in parts],
        "emergencyRightToLeft": [p.right_to_left for p in parts],
    }
