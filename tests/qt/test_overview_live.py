"""The overview's board on a day that does not go as printed, read back from the scene: sessions side
by side in one room (issue 14.3)."""

from __future__ import annotations

import pytest

from kiosk.programme import load_programme

from .conftest import ROOT, SIZES
from .scene import scene_rect
from .test_overview import Board, check_every_text, overview


@pytest.fixture(scope="module")
def afternoon():
    return load_programme(ROOT / "tests" / "data" / "good" / "side_by_side.yaml")


def test_both_sessions_on_in_one_room_are_on_its_row(afternoon, show):
    board = Board(show(overview(afternoon, "17:10", "en")))
    row = next(r for r in board.lines() if board.text("roomName", r) == "Assembly")
    now = board.named("now", row)
    assert board.shows("slotTitle", now) == "Cooking together"
    assert board.shows("slotAlso", now) == "Also on now: A talk on fermentation"
    # The title gives the also line its place: both inside the row, one above the other.
    title, also = scene_rect(board.named("slotTitle", now)), scene_rect(board.named("slotAlso", now))
    assert title.bottom() <= also.top() + 1 and scene_rect(row).contains(also)
    other = next(r for r in board.lines() if board.text("roomName", r) == "Room IX")
    assert board.shows("slotAlso", board.named("now", other)) == ""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_the_afternoon_fits_at_every_size(afternoon, show, size, lang):
    assert check_every_text(show(overview(afternoon, "17:10", lang, ("fr", "en", "ar")), size), size) > 10
