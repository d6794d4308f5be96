"""The overview's controller: programme + instant → the OverviewSign bridge's properties.

Every room, the venue-wide moment and the day's agenda, one page per language like the door. The
screen tells the bridge how many board rows and agenda items it has room for (a layout fact only
QML knows); the board is then cut into pages here, and each language's page turns to the next page
of rows on the ticker's beat, as it comes on screen, so no text changes on a page while it fades out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QObject

from .. import schedule
from ..notices import Applied
from ..present.board import board_pages, board_plan
from ..present.notices import emergency_parts, overview_band
from ..present.overview import (
    AGENDA_ROW_FIELDS,
    BOARD_ROW_FIELDS,
    OVERVIEW_TEXT_FIELDS,
    agenda_pages,
    overview_text,
)
from ..programme import Programme
from ..status import status
from . import qrcode  # noqa: F401  (QrCode, for Overview.qml)
from .bridge import AgendaRow, BoardRow, OverviewPage, OverviewSign
from .screen import SignScreen, emergency_properties


class _Filled:
    """One language's page and the row objects it reuses from tick to tick."""

    def __init__(self, page: OverviewPage):
        self.page = page
        self.board: list[BoardRow] = []
        self.agenda: list[AgendaRow] = []

    def fill(self, text) -> None:
        self.page.set(**{name: getattr(text, name) for name in OVERVIEW_TEXT_FIELDS})
        self.page.board = _reuse(self.board, BoardRow, self.page, text.board, BOARD_ROW_FIELDS)
        self.page.agenda = _reuse(self.agenda, AgendaRow, self.page, text.agenda, AGENDA_ROW_FIELDS)


def _reuse(pool: list, kind: type, parent: QObject, texts, spec: dict[str, type]) -> list:
    """The pool's objects showing ``texts``: existing ones are refilled (only what changed emits), so a
    tick that moves no row rebuilds no row in QML."""
    while len(pool) < len(texts):
        pool.append(kind(parent))
    for obj, text in zip(pool, texts, strict=False):
        obj.set(**{name: getattr(text, name) for name in spec})
    return pool[: len(texts)]


class OverviewScreen(SignScreen):
    """Keeps a OverviewSign bridge showing the whole venue at the instants it is given."""

    view = "overview"
    qml = "Overview.qml"
    bridge_name = "overview"
    turns_pages = True

    def __init__(
        self,
        programme: Programme,
        languages: tuple[str, ...] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(OverviewSign(parent), programme, languages)
        # The ticker's beat at the last show: language periods since the epoch, in real time. None (a
        # still render) shows the first page of the board in every language.
        self.beat: int | None = None
        self.overview: schedule.OverviewState | None = None
        self.shown: Applied | None = None  # the notices applied at the last show
        self._filling = False
        self._again = False
        # No rows until the page says how many fit: a congress's 92 rooms and 370 agenda items of the
        # day would otherwise each be built in QML once, then cut to a page, their memory kept (+50 MiB).
        self._measured = False  # the board's rows, once QML said how many fit
        # While its QML is built, the page says what fits on the way to its size too (a row measured
        # before its type size is known: 17 rows where 8 fit, each size built in turn and the memory
        # kept, +18 MiB at 92 rooms): the rows wait for the page to be built.
        self._built = True
        self._reported = False  # QML said how many board rows fit while being built
        self._set_languages()
        # The screen says how much fits once it is laid out, and again whenever its size changes.
        self.bridge.boardRowsChanged.connect(self._measured_fill)
        self.bridge.agendaRowsChanged.connect(self._fill)

    def new_page(self) -> _Filled:
        return _Filled(OverviewPage(self.bridge))

    def page_object(self, page: _Filled) -> QObject:
        return page.page

    def show(self, at: dt.datetime, beat: int | None = None) -> None:
        """Push what the venue shows at ``at`` into the bridge (only changed values emit)."""
        self.beat = beat
        self.shown = self.applied(at)
        self.overview = schedule.overview_state(self.shown.programme, at)
        self.bridge.qrUrl = self.programme.event.url or ""
        self._fill()
        self.bridge.set(**emergency_properties(emergency_parts(self.shown, self.languages)))

    def status(self, lang: str, now: dt.datetime) -> dict:
        # The overview's rooms as the screen already worked them out, at their instant.
        if self.overview is None:
            return super().status(lang, now)
        return status(
            self.view,
            lang,
            self.overview.at,
            None,
            self.programme_error,
            self.overview.rooms,
            applied=self.shown,
            notices_error=self.notices_error,
        )

    def board_page(self, language: int, pages: int) -> int:
        """Which page of the board (or of the agenda) a language's page shows now.

        Each language moves on to the next page as it comes on screen (FR 1, EN 1, FR 2, EN 2…), so
        every page of rows is read in every language, and none changes while it fades out.
        """
        if self.beat is None or pages <= 1:
            return 0
        return ((self.beat - language) // max(1, len(self.languages))) % pages

    def building(self, built: bool) -> None:
        self._built = built
        if built:
            self._measured = self._measured or self._reported
            self._fill()

    def _measured_fill(self) -> None:
        self._reported = True
        if self._built:
            self._measured = True
            self._fill()

    def _fill(self) -> None:
        if not self._built:
            return
        # Filling can change what fits (the venue banner comes or goes, a portrait board grows), and
        # QML says so at once, from inside this call: fill again, from the top, until it holds.
        if self._filling:
            self._again = True
            return
        self._filling = True
        try:
            for _ in range(4):
                self._again = False
                self._fill_once()
                if not self._again:
                    break
        finally:
            self._filling = False

    def _fill_once(self) -> None:
        state = self.overview
        if state is None:
            return
        programme = self.shown.programme if self.shown else self.programme
        plan = board_plan(programme, state)
        sign = self.sign
        self.bridge.boardRowsWanted = sum(entry.rows for entry in plan)
        pages = board_pages(plan, self.bridge.boardRows)
        agenda_count = len(agenda_pages(state.agenda, self.bridge.agendaRows))
        bands = {lang: overview_band(self.shown, lang, sign) if self.shown else {} for lang in self._pages}
        self.bridge.noticeTexts = [band.get("noticeText", "") for band in bands.values()]
        for i, (lang, filled) in enumerate(self._pages.items()):
            number = self.board_page(i, len(pages))
            text = overview_text(
                programme,
                state,
                lang,
                board=pages[number],
                page=(number + 1, len(pages)),
                agenda_capacity=self.bridge.agendaRows,
                agenda_page=self.board_page(i, agenda_count),
                programme_error=self.problem is not None,
                clock_unsynced=self.clock_unsynced,
                rehearsal=self.bridge.rehearsal,
                sign=sign,
                applied=self.shown,
            )
            notices = dict(bands[lang])
            if not self._measured:
                notices |= {"board": ()}
            if self.bridge.agendaRows <= 0:  # not measured yet (or no room for it)
                notices |= {"agenda": ()}
            filled.fill(dataclasses.replace(text, **notices))
        self.bridge.boardPages = len(pages)
