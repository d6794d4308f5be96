"""The venue's signs: the way from where a screen hangs to every room, read and checked."""

from pathlib import Path

import pytest

from kiosk.programme import ARROWS, Text, check_programme, load, load_programme, parse_programme
from kiosk.programme import cache as cache_module

ROOT = Path(__file__).resolve().parents[3]
SMALL = (ROOT / "tests" / "data" / "good" / "small.yaml").read_text(encoding="utf-8")

SIGNS = """
signs:
  - id: hall
    name: {fr: Hall, en: Hall}
    ways:
      salle-i: ahead-left
      salle-ix:
        arrow: down
        words: {fr: Escalier à droite, en: Stairs on your right}
  - id: salle-i-door
    ways: {salle-i: here, salle-ix: back}
"""


def test_a_sign_gives_an_arrow_and_words_for_each_room() -> None:
    programme = parse_programme(SMALL + SIGNS)
    assert [s.id for s in programme.signs] == ["hall", "salle-i-door"]
    hall = programme.sign("hall")
    assert hall.name.get("en") == "Hall"
    assert hall.way("salle-i").arrow == "ahead-left" and hall.way("salle-i").words == Text()
    assert hall.way("salle-ix").arrow == "down"
    assert hall.way("salle-ix").words.get("en") == "Stairs on your right"
    assert programme.sign("salle-i-door").way("salle-i").arrow == "here"
    assert programme.sign("nowhere") is None and hall.way("restaurant") is None
    assert programme.warnings == ()


def test_without_signs_a_programme_has_none() -> None:
    assert parse_programme(SMALL).signs == ()


def test_the_arrows_are_eight_directions_stairs_and_here() -> None:
    assert len(ARROWS) == 11 and {"ahead", "back", "left", "right", "up", "down", "here"} <= set(ARROWS)


def test_a_sign_missing_rooms_with_sessions_is_a_warning_naming_them() -> None:
    text = SMALL + "signs:\n  - id: hall\n    ways: {salle-i: left}\n"
    programme, problems = check_programme(text, "p.yaml")
    assert programme is not None  # usable: those pointers just show no arrow
    assert [str(p) for p in problems] == [
        "p.yaml:38:11: warning: signs[0].ways: no way from 'hall' to salle-ix (rooms with sessions): "
        "their pointers on this sign show no arrow"
    ]


def test_a_room_without_sessions_need_not_be_pointed_to() -> None:
    text = (
        SMALL.replace("rooms:\n", "rooms:\n  - id: store\n    name: {fr: Réserve, en: Store}\n", 1)
        + "signs:\n  - id: hall\n    ways: {salle-i: left, salle-ix: right}\n"
    )
    assert check_programme(text, "p.yaml")[1] == []


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("{salle-i: left, salle-ix: sideways}", "'sideways' is not an arrow"),
        ("{salle-i: left, salle-ix: upstairs}", "did you mean 'up'?"),
        ("{salle-i: left, salle-ix: {arrow: left, colour: red}}", "unknown field 'colour'"),
        ("{salle-i: left, salle-ix: {words: {en: here}}}", "signs[0].ways.salle-ix.arrow: missing"),
        ("{salle-i: left, salle-i: right, salle-ix: up}", "'salle-i' is given twice"),
        ("[salle-i, salle-ix]", "expected a mapping of room id → arrow, found a list"),
    ],
)
def test_a_bad_way_is_an_error_at_its_place(written: str, message: str) -> None:
    programme, problems = check_programme(SMALL + f"signs:\n  - id: hall\n    ways: {written}\n", "p.yaml")
    assert programme is None
    assert any(message in str(p) and str(p).startswith("p.yaml:38:") for p in problems), problems


def test_the_unesco_day_has_a_sign_for_each_screen_pointing_everywhere() -> None:
    day = load_programme(ROOT / "programme.yaml")
    assert day.warnings == ()
    assert [s.id for s in day.signs] == [
        "entrance-hall",
        "salle-i-door",
        "salle-i-foyer",
        "salle-vii-door",
        "salle-viii-door",
        "salle-ix-door",
        "restaurant-door",
    ]
    for sign in day.signs:
        assert {room for room, _ in sign.ways} == {r.id for r in day.rooms}, sign.id
    assert day.sign("salle-ix-door").way("restaurant").words.get("en") == "Lifts on your left, 7th floor"
    assert set(day.sign("salle-ix-door").way("restaurant").words.by_lang) == {
        "fr",
        "en",
        "ar",
        "zh",
        "ru",
        "es",
    }


def test_signs_come_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    data = (SMALL + SIGNS).encode() + b"#" * load.CACHE_FROM_BYTES
    first = parse_programme(data, "p.yaml")
    assert cache_module.lookup(data, "p.yaml") == first
    assert cache_module.lookup(data, "p.yaml").sign("hall").way("salle-ix").arrow == "down"
