"""The label catalogues of the screen languages, and dates and durations in each."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from babel import dates as babel_dates

from kiosk.languages import catalogue_file
from kiosk.notices import words as notice_words
from kiosk.present import words as i18n

SIX = ("ar", "en", "es", "fr", "ru", "zh")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_six_official_languages_of_unesco_and_german_have_catalogues() -> None:
    assert set(SIX) | {"de"} <= set(i18n.languages())


@pytest.mark.parametrize("lang", i18n.languages())
def test_every_catalogue_has_every_label_with_the_same_placeholders(lang: str) -> None:
    english = i18n.catalogue("en")
    labels = i18n.catalogue(lang)
    assert labels.keys() == english.keys()
    for key, text in labels.items():
        assert text.strip(), f"{lang}: {key} is empty"
        assert fields(text) - {"nnbsp"} == fields(english[key]), f"{lang}: {key} has other placeholders"


@pytest.mark.parametrize("lang", i18n.languages())
def test_every_catalogue_has_every_notice_word_with_the_same_placeholders(lang: str) -> None:
    """Issue 16: a notice's generated words (Salle complète, the delay, the evacuation…) in every
    screen language, never English on an Arabic page."""
    english = notice_words.words("en")
    own = notice_words.words(lang)
    assert own.keys() == english.keys()
    for key, text in own.items():
        assert text.strip() or key == "separator", f"{lang}: {key} is empty"
        assert fields(text) - {"nnbsp"} == fields(english[key]), f"{lang}: {key} has other placeholders"
        if lang != "en" and key not in ("in_rooms", "separator", "message"):
            assert text != english[key], f"{lang}: {key} is the English words"


def test_a_language_without_a_catalogue_is_not_english_in_disguise() -> None:
    assert not i18n.has_catalogue("it")
    with pytest.raises(KeyError, match="no catalogue for the language 'it'"):
        i18n.label("it", "now")


def test_a_regional_tag_uses_its_language_catalogue() -> None:
    assert i18n.label("fr-CA", "now") == "En cours"
    assert i18n.label("zh-Hans", "next") == "接下来"


def test_only_arabic_is_written_right_to_left() -> None:
    assert [lang for lang in i18n.languages() if i18n.right_to_left(lang)] == ["ar"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "mardi 28 mars 2023"),
        ("en", "Tuesday, 28 March 2023"),
        ("de", "Dienstag, 28. März 2023"),
        ("es", "martes, 28 de marzo de 2023"),
        ("ru", "вторник, 28 марта 2023\u202fг."),
        ("zh", "2023年3月28日星期二"),
        ("ar", "الثلاثاء، 28 مارس 2023"),
    ],
)
def test_long_dates_are_cldr_dates(lang: str, expected: str) -> None:
    assert i18n.long_date(dt.date(2023, 3, 28), lang) == expected


def test_short_dates_never_break_inside() -> None:
    assert i18n.short_date(dt.date(2024, 12, 29), "en") == "29\u00a0December"
    assert i18n.short_date(dt.date(2024, 12, 29), "de") == "29.\u00a0Dezember"
    assert " " not in i18n.short_date(dt.date(2024, 12, 29), "es")


@pytest.mark.parametrize(
    ("lang", "minutes", "expected"),
    [
        ("fr", 23, "23\u00a0min"),
        ("fr", 65, "1\u00a0h\u00a005"),
        ("en", 120, "2\u00a0h"),
        ("de", 75, "1\u00a0Std.\u00a015"),
        ("ru", 90, "1\u00a0ч\u00a030\u00a0мин"),
        ("zh", 5, "5\u00a0分钟"),
        ("ar", 45, "45\u00a0دقيقة"),
        ("en", -3, "0\u00a0min"),
    ],
)
def test_durations_in_each_language(lang: str, minutes: int, expected: str) -> None:
    assert i18n.duration(minutes, lang) == expected


def test_autonyms_name_each_language_in_itself() -> None:
    assert [i18n.autonym(lang) for lang in SIX] == [
        "العربية",
        "English",
        "Español",
        "Français",
        "Русский",
        "中文",
    ]


@pytest.mark.parametrize("lang", i18n.languages())
def test_dates_are_exactly_babels_on_every_day_of_four_years(lang: str) -> None:
    """The catalogues carry a copy of CLDR's date patterns and names (a screen does not load Babel):
    the copy gives Babel's own answer on every day of 2023-2026, leap day included."""
    cldr = catalogue_file(i18n.base(lang))["language"]["cldr"]
    day = dt.date(2023, 1, 1)
    while day.year < 2027:
        assert i18n.long_date(day, lang) == babel_dates.format_date(day, "full", locale=cldr)
        short = babel_dates.format_skeleton("MMMMd", day, locale=cldr).replace(" ", "\u00a0")
        assert i18n.short_date(day, lang) == short
        day += dt.timedelta(days=1)
