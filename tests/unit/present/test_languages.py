"""Screen languages beyond the event's: six at UNESCO, right-to-left Arabic, titles tagged when borrowed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.present.door import door_text
from kiosk.present.overview import overview_text
from kiosk.programme import ProgrammeError, load_programme, parse_programme

DATA = Path(__file__).resolve().parents[2] / "data" / "good"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def six():
    return load_programme(DATA / "six-languages.yaml")


def door(programme, when: str, lang: str):
    at = parse_when(f"2023-03-28T{when}", programme.event.zone)
    return door_text(programme, schedule.room_state(programme, programme.rooms[0].id, at), lang)


def test_the_screens_take_turns_in_the_declared_screen_languages(six) -> None:
    assert six.event.languages == ("fr", "en")
    assert six.event.screens == ("fr", "en", "ar", "zh", "ru", "es")
    assert six.event.url == "https://example.org/programme"


def test_without_screen_languages_the_screens_show_the_event_languages() -> None:
    unesco = load_programme(ROOT / "programme.yaml")
    assert unesco.event.screens == unesco.event.languages == ("fr", "en")


def test_a_title_given_in_a_screen_language_is_shown_in_it(six) -> None:
    for lang, title in {"ar": "افتتاح الاجتماع", "zh": "会议开幕", "ru": "Открытие совещания"}.items():
        text = door(six, "10:30", lang)
        assert (text.nowTitle, text.nowTitleLang) == (title, "")
        assert text.roomName != "Salle IX"


def test_a_title_missing_in_a_language_shows_the_event_languages_with_its_tag(six) -> None:
    text = door(six, "11:30", "zh")
    assert text.nowTitle == "Table ronde sur l’apprentissage numérique"
    assert text.nowTitleLang == "FR"
    assert door(six, "11:30", "en").nowTitleLang == ""
    assert door(six, "10:30", "ru").nextTitleLang == "FR"


def test_arabic_pages_are_right_to_left_and_no_other(six) -> None:
    at = parse_when("2023-03-28T10:30", six.event.zone)
    state = schedule.overview_state(six, at)
    for lang in six.event.screens:
        assert door(six, "10:30", lang).rightToLeft == (lang == "ar")
        assert overview_text(six, state, lang).rightToLeft == (lang == "ar")


def test_every_word_of_a_page_is_in_its_language(six) -> None:
    text = door(six, "10:30", "ar")
    assert text.nowLabel == "جارٍ الآن"
    assert text.date == "الثلاثاء، 28 مارس 2023"
    assert door(six, "10:30", "zh").nowLeft == "还剩 30\u00a0分钟"


def programme_with(event_lines: str) -> str:
    return textwrap.dedent("""\
        format: 1
        event:
          id: t
          title: {fr: Essai, en: Test}
        EVENT
          timezone: Europe/Paris
          dates: {first: 2023-03-28}
        rooms:
          - {id: a, name: {fr: Salle A, en: Room A}}
        sessions: []
        """).replace("EVENT", textwrap.indent(textwrap.dedent(event_lines), "  "))


def test_a_screen_language_without_a_catalogue_is_a_located_error() -> None:
    with pytest.raises(ProgrammeError) as error:
        parse_programme(programme_with("languages: [fr, en]\nscreen_languages: [fr, it]\n"), "t.yaml")
    message = str(error.value)
    assert "t.yaml:6:" in message and "event.screen_languages" in message
    assert "no words in 'it'" in message and "ar, de, en, es, fr, ru, zh" in message


def test_event_languages_without_a_catalogue_need_screen_languages() -> None:
    with pytest.raises(ProgrammeError, match=r"event\.languages: the screens have no words in 'it'"):
        parse_programme(programme_with("languages: [it]\n"), "t.yaml")
    ok = parse_programme(programme_with("languages: [it]\nscreen_languages: [en]\n"), "t.yaml")
    assert ok.event.screens == ("en",)


def test_a_text_in_a_language_with_no_catalogue_nor_declared_is_still_refused() -> None:
    text = programme_with("languages: [fr, en]\n").replace(
        "title: {fr: Essai, en: Test}", "title: {fr: Essai, xx: T}"
    )
    with pytest.raises(ProgrammeError, match="'xx' is not one of the event's languages"):
        parse_programme(text, "t.yaml")
