"""Qt fixtures: screens built exactly as `kiosk run`/`render` build them, offscreen, with injected time."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtQuick import QQuickItem

from kiosk.clock import FakeClock, parse_when
from kiosk.programme import Programme, load_programme, parse_programme
from kiosk.qt.app import load_fonts
from kiosk.qt.window import show_screen

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1080, 1920), (1920, 1080), (1280, 720), (3840, 2160)]


@pytest.fixture(scope="session")
def programme() -> Programme:
    return load_programme(ROOT / "programme.yaml")


@pytest.fixture(autouse=True)
def fonts(qapp):
    load_fonts(QFontDatabase)


def at(programme: Programme, when: str) -> dt.datetime:
    return parse_when(when if "-" in when else f"2023-03-28T{when}", programme.event.zone)


def small_programme(sessions: str, rooms: str = "", languages: str = "[fr, en]") -> Programme:
    """A programme of a few sessions, written as a technician would, for one test."""
    rooms = (
        rooms or "  - {id: a, name: {fr: Salle A, en: Room A}}\n  - {id: b, name: {fr: Salle B, en: Room B}}"
    )
    text = textwrap.dedent("""\
        format: 1
        event:
          id: test
          title: {fr: Essai, en: Test}
          languages: LANGS
          timezone: Europe/Paris
          dates: {first: 2023-03-28, last: 2023-03-29}
        rooms:
        ROOMS
        sessions:
        """).replace("LANGS", languages).replace("ROOMS", rooms) + textwrap.indent(
        textwrap.dedent(sessions), "  "
    )
    return parse_programme(text, "test.yaml")


class Shown:
    """A screen on an offscreen window, and ways to read back what it shows."""

    def __init__(self, qtbot, screen, size):
        self.screen = screen
        self.view = show_screen(screen, size=size)
        # Positioners (Row, Column) lay out at the first frame's polish: read geometry after it.
        with qtbot.waitSignal(self.view.frameSwapped, timeout=5000):
            self.view.show()
        self.qtbot = qtbot
        self.keep: list[QQuickItem] = []

    @property
    def root(self) -> QQuickItem:
        return self.view.rootObject()

    def visible_page(self) -> QQuickItem:
        pages = [p for p in self.pages() if p.isVisible() and p.opacity() > 0.99]
        assert len(pages) == 1, f"{len(pages)} pages fully visible"
        return pages[0]

    def pages(self) -> list[QQuickItem]:
        stage = self.root.childItems()[0]
        pages = [c for c in stage.childItems() if c.objectName() == "page"]
        # PySide drops the wrappers of an item's children with the item's wrapper: keep them all.
        self.keep.extend(pages)
        return pages

    def next_frame(self) -> None:
        """A frame drawn: a page built by a change of language is laid out (positioners lay out at the
        frame that first shows it), and the page it replaced is gone."""
        with self.qtbot.waitSignal(self.view.frameSwapped, timeout=5000):
            self.view.update()

    def show_language(self, index: int) -> QQuickItem:
        """The page of language ``index``, shown (without a fade) and laid out: a door builds a language's
        page when it first shows, the overview only the page on screen."""
        if self.screen.bridge.languageIndex != index:
            self.screen.bridge.languageIndex = index
        self.next_frame()
        return self.visible_page()

    def each_page(self) -> Iterator[QQuickItem]:
        """Every language's page in turn, each shown as :meth:`show_language` shows it; read what is
        needed of one before asking for the next, which may replace it (the overview's does)."""
        for index in range(len(self.pages())):
            yield self.show_language(index)

    def text(self, name: str, page: QQuickItem | None = None) -> str:
        return self.item(name, page).property("text")

    def item(self, name: str, page: QQuickItem | None = None) -> QQuickItem:
        item = (page or self.visible_page()).findChild(QQuickItem, name)
        assert item is not None, f"no item {name!r}"
        return item

    def close(self):
        self.view.close()
        self.view.deleteLater()


@pytest.fixture
def show(qtbot):
    shown: list[Shown] = []

    def make(screen, size=(1920, 1080)) -> Shown:
        s = Shown(qtbot, screen, size)
        shown.append(s)
        return s

    yield make
    for s in shown:
        s.close()


__all__ = ["SIZES", "FakeClock", "at", "small_programme"]
