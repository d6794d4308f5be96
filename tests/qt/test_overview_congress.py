"""The overview at congress size (issue 15.3): rows are built for a page, not for the whole day."""

from __future__ import annotations

from kiosk.qt.overview import OverviewScreen

from ..large_programme import large_programme
from .conftest import at


def test_no_row_is_made_before_the_page_says_how_many_fit(show):
    """Every room and every agenda item of the day would otherwise each be built once in QML, then cut
    to a page, their memory kept: 92 rooms and 370 items of a congress's day cost 70 MiB."""
    programme = large_programme(rooms=16, sessions=120)
    screen = OverviewScreen(programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "10:30"))
    pools = list(screen._pages.values())  # the row objects each page made (reused from tick to tick)
    assert [(len(p.board), len(p.agenda)) for p in pools] == [(0, 0)] * len(pools)
    show(screen, size=(1280, 720))
    day = len(screen.overview.agenda)
    assert 0 < screen.bridge.agendaRows < day
    for page in pools:
        assert 0 < len(page.agenda) < day
        assert len(page.page.agenda) == screen.bridge.agendaRows
        assert 0 < len(page.page.board) <= screen.bridge.boardRows


def test_the_first_page_makes_only_the_rows_it_shows(show):
    """While its QML is built, the page says what fits on the way to its size too (a row measured
    before its type size is known: 17 rows where 8 fit); the rows made for those would be kept."""
    programme = large_programme(rooms=16, sessions=120)
    screen = OverviewScreen(programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "10:30"))
    show(screen, size=(1280, 720))
    assert screen.bridge.boardPages > 1
    for page in screen._pages.values():
        assert len(page.board) == len(page.page.board) > 0
        assert len(page.agenda) == len(page.page.agenda) > 0
