"""A long agenda pages instead of ending in "+ N more later" (issue 14.8): the pages, their order, the
page label and the count of what no page shows, on the real 36c3 export and on the UNESCO day."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.present.overview import AGENDA_PAGES, agenda_pages, agenda_window, overview_text
from kiosk.programme import Programme, load_programme
from kiosk.sources import read_any
from tests.shared_testdata import real_export

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def congress() -> Programme:
    return read_any(real_export("real/36c3-everything.schedule.json"))


def busy(programme: Programme) -> schedule.OverviewState:
    return schedule.overview_state(programme, parse_when("2019-12-27T16:30+01:00", programme.event.zone))


def test_the_first_page_is_the_window_the_next_ones_go_on_in_order(congress):
    agenda = busy(congress).agenda
    pages = agenda_pages(agenda, 9)
    assert len(pages) == AGENDA_PAGES
    assert pages[0] == agenda_window(agenda, 9)
    flat = [i for page in pages for i in page]
    assert flat == sorted(set(flat)), "every item once, in the day's order"
    assert all(len(page) == 9 for page in pages)
    assert all(agenda[i].phase == "future" for page in pages[1:] for i in page)
    assert pages[1][0] == max(pages[0]) + 1  # nothing skipped between pages


def test_each_page_says_which_and_only_the_last_says_how_many_more(congress):
    state = busy(congress)
    later_than_all = sum(
        1
        for i, item in enumerate(state.agenda)
        if item.phase == "future" and i > max(agenda_pages(state.agenda, 9)[-1])
    )
    assert later_than_all > 100  # 36c3 at 16:30: a long afternoon and night to come
    texts = [overview_text(congress, state, "en", agenda_capacity=9, agenda_page=n) for n in range(5)]
    assert [t.agendaPage for t in texts] == ["Page 1/4", "Page 2/4", "Page 3/4", "Page 4/4", "Page 1/4"]
    assert [t.agendaMore for t in texts] == ["", "", "", f"+\u00a0{later_than_all} more later", ""]
    assert [len(t.agenda) for t in texts] == [9] * 5
    assert texts[1].agenda[0].title != texts[0].agenda[0].title
    german = overview_text(congress, state, "de", agenda_capacity=9, agenda_page=2)
    assert german.agendaPage == "Seite 3/4"


def test_an_agenda_that_fits_has_one_page_and_no_label():
    day = load_programme(ROOT / "programme.yaml")
    state = schedule.overview_state(day, parse_when("2023-03-28T10:30", day.event.zone))
    assert agenda_pages(state.agenda, 30) == (tuple(range(len(state.agenda))),)
    text = overview_text(day, state, "fr", agenda_capacity=30, agenda_page=3)
    assert (text.agendaPage, text.agendaMore) == ("", "")


def test_pages_end_with_the_day(congress):
    def pages_at(hhmm: str) -> list[int]:
        state = schedule.overview_state(congress, parse_when(f"2019-12-27T{hhmm}+01:00", congress.event.zone))
        return [len(page) for page in agenda_pages(state.agenda, 9)]

    assert pages_at("22:00") == [9, 9, 5]  # the last page holds what is left
    assert pages_at("23:50") == [9]  # nothing more to come: one page, filled with earlier items


def test_no_capacity_known_yet_one_page(congress):
    assert len(agenda_pages(busy(congress).agenda, 0)) == 1
