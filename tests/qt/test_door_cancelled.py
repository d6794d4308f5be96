"""The door with a cancelled session that would have been on now or next (issue 14.4), read back
from the scene: struck through with its word, in every screen language, at every size."""

from __future__ import annotations

import pytest

from kiosk.notices import parse_notices
from kiosk.programme import load_programme
from kiosk.qt.door import DoorScreen

from .conftest import ROOT, SIZES, at
from .scene import scene_rect, visible_texts_fit


@pytest.fixture(scope="module")
def afternoon():
    return load_programme(ROOT / "tests" / "data" / "good" / "side_by_side.yaml")


def door(programme, room, when, lang="fr", notices=""):
    screen = DoorScreen(programme, room, ("fr", "en", "ar"))
    if notices:
        screen.notices = parse_notices(f"format: 1\nnotices:\n{notices}", "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


def named(page, name):
    return next(i for i in page.findChildren(object) if getattr(i, "objectName", lambda: "")() == name)


def built(page, name) -> bool:
    return any(getattr(i, "objectName", lambda: "")() == name for i in page.findChildren(object))


def test_the_cancelled_keynote_is_struck_above_the_free_room(afternoon, show):
    shown = show(door(afternoon, "salle-ix", "17:35"))
    assert shown.text("cancelledText") == "17:30 – 18:00 · Conférence de clôture"
    page = shown.visible_page()
    text = named(page, "cancelledText")
    assert text.isVisible() and text.property("font").strikeOut()
    assert named(page, "cancelledLabel").property("text") == "Annulé"
    assert shown.text("headline") == "Salle libre jusqu’à 18:00"
    assert shown.text("nextTitle") == "Rencontre du soir"
    # Above the body, below the header: it takes its room from the panels, covers nothing.
    assert scene_rect(text).bottom() <= scene_rect(named(page, "headline")).top()


def test_a_cancellation_notice_looks_the_same_and_is_not_in_the_band(afternoon, show):
    shown = show(door(afternoon, "assembly", "16:40", "en", "  - {id: c, kind: cancelled, session: talk}\n"))
    page = shown.visible_page()
    assert shown.text("cancelledText") == "17:00 – 17:40 · A talk on fermentation"
    assert named(page, "cancelledText").isVisible()
    assert not built(page, "notice")  # no band: a band is built only for a notice it shows
    assert shown.text("nowTitle") == "Cooking together"


def test_no_cancelled_session_no_line(afternoon, show):
    shown = show(door(afternoon, "salle-viii", "16:30"))
    page = shown.visible_page()
    assert not built(page, "cancelled") and not built(page, "notice")  # neither is built for nothing


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
@pytest.mark.parametrize("when", ["17:10", "17:35"])
def test_the_door_with_a_cancelled_session_fits(afternoon, show, size, lang, when):
    shown = show(door(afternoon, "salle-ix", when, lang), size)
    checked = visible_texts_fit(shown.visible_page(), size, shown.keep)
    assert any(item.objectName() == "cancelledText" for item in checked)
