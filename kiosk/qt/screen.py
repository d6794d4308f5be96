"""What every screen controller shares: a programme that can be replaced, and one page per language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ..programme import Programme


class Screen:
    """Base of DoorScreen and OverviewScreen: ``bridge`` is pushed into ``qml`` as ``bridge_name``."""

    view = ""
    qml = ""
    bridge_name = ""

    def __init__(self, bridge: QObject, programme: Programme, languages: tuple[str, ...] | None):
        self.bridge = bridge
        self.programme = programme
        self.wanted_languages = languages
        self.programme_error: str | None = None
        self._pages: dict[str, Any] = {}

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.wanted_languages or self.programme.event.languages)

    def initial_properties(self) -> dict[str, QObject]:
        return {self.bridge_name: self.bridge}

    def problem_with(self, programme: Programme) -> str | None:
        """Why ``programme`` cannot be shown on this screen, if it cannot."""
        return None

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
