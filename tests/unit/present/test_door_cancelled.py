"""Cancelled is not running, and the door says so (issue 14.4): a cancelled session that would have been
on now or next is struck through with the "cancelled" word in every screen language, while the real
now and next stay right; a cancellation notice without words of its own is said the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.notices import apply, parse_notices
from kiosk.present.door import door_text
from kiosk.present.notices import band, unless_struck
from kiosk.present.words import languages
from kiosk.programme import Programme, load_programme
from kiosk.sources import read_any
from tests.shared_testdata import real_export

AFTERNOON = Path(__file__).resolve().parents[2] / "data" / "good" / "side_by_side.yaml"


@pytest.fixture(scope="module")
def afternoon() -> Programme:
    return load_programme(AFTERNOON)


def door(programme: Programme, room: str, when: str, lang: str = "fr"):
    at = parse_when(when, programme.event.zone)
    return door_text(programme, schedule.room_state(programme, room, at), lang)


def test_a_cancelled_session_that_would_be_next_is_struck_and_the_real_next_stays(afternoon):
    text = door(afternoon, "salle-ix", "2023-03-28T17:10")
    assert (text.cancelledLabel, text.cancelledText) == ("Annulé", "17:30 – 18:00 · Conférence de clôture")
    assert (text.nowTitle, text.nextTitle, text.nextTime) == (
        "Dialogue sur les données ouvertes",
        "Rencontre du soir",
        "18:00 – 19:00",
    )


def test_a_cancelled_session_that_would_be_on_now_is_struck_and_the_room_is_free(afternoon):
    text = door(afternoon, "salle-ix", "2023-03-28T17:35", "en")
    assert (text.cancelledLabel, text.cancelledText) == ("Cancelled", "17:30 – 18:00 · Closing keynote")
    assert not text.ongoing and text.headline == "Room free until 18:00"
    assert text.nextTitle == "Evening meeting"


def test_once_it_is_over_or_past_the_next_session_it_is_not_said(afternoon):
    assert door(afternoon, "salle-ix", "2023-03-28T18:05").cancelledText == ""
    # Before the dialogue, the next session is the dialogue: the keynote comes after it.
    assert door(afternoon, "salle-ix", "2023-03-28T16:10").cancelledText == ""


@pytest.mark.parametrize("lang", languages())
def test_the_word_is_in_every_screen_language(afternoon, lang):
    text = door(afternoon, "salle-ix", "2023-03-28T17:35", lang)
    assert text.cancelledLabel and text.cancelledText.startswith("17:30 – 18:00 · ")


def test_several_cancelled_each_with_its_start(afternoon):
    programme = afternoon
    notices = parse_notices(
        "format: 1\nnotices:\n  - {id: c, kind: cancelled, session: evening}\n", "n", programme
    )
    at = parse_when("2023-03-28T17:10", programme.event.zone)
    shown = apply(programme, notices, at).programme
    text = door_text(shown, schedule.room_state(shown, "salle-ix", at), "fr")
    assert text.cancelledText == "17:30 Conférence de clôture · 18:00 Rencontre du soir"
    assert text.nextTitle == ""


def test_a_cancellation_notice_is_struck_on_the_door_not_said_again_in_the_band(afternoon):
    yaml = "format: 1\nnotices:\n  - {id: c, kind: cancelled, session: talk}\n"
    at = parse_when("2023-03-28T16:40", afternoon.event.zone)
    applied = apply(afternoon, parse_notices(yaml, "n", afternoon), at)
    state = schedule.room_state(applied.programme, "assembly", at)
    text = door_text(applied.programme, state, "fr")
    assert text.cancelledText == "17:00 – 17:40 · Conférence sur les fermentations"
    assert unless_struck(applied.for_room("assembly"), state.cancelled) == ()
    # With the organisers' own words, the band still says them.
    yaml = yaml.replace("talk}", "talk, text: {fr: Intervenant malade, en: Speaker ill}}")
    applied = apply(afternoon, parse_notices(yaml, "n", afternoon), at)
    kept = unless_struck(applied.for_room("assembly"), state.cancelled)
    assert band(applied, kept, "fr", "assembly")["noticeText"] == "Intervenant malade"


def test_fosdem_cancelled_talk_on_its_door():
    programme = read_any(real_export("real/fosdem-2020.xml"), "Europe/Brussels")
    cancelled = [s for s in programme.sessions if s.cancelled]
    assert cancelled, "fosdem-2020 has a CANCELLED talk"
    talk = cancelled[0]
    at = talk.start
    state = schedule.room_state(programme, talk.room, at)
    text = door_text(programme, state, "en")
    assert talk.title.get("en", programme.event.languages) in text.cancelledText
    assert text.cancelledLabel == "Cancelled"
    assert talk not in state.current and state.next is not talk
