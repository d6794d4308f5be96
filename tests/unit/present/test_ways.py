"""The way from where a screen hangs to the rooms its pointers name, without a screen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.notices import Notice, apply
from kiosk.present.door import door_text
from kiosk.present.notices import band, overview_band
from kiosk.present.overview import overview_text
from kiosk.present.ways import ANGLES, WayText, way_to, ways_to
from kiosk.programme import Programme, load_programme

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def day() -> Programme:
    return load_programme(ROOT / "programme.yaml")


def at(day: Programme, hhmm: str) -> dt.datetime:
    return parse_when(f"2023-03-28T{hhmm}", day.event.zone)


def test_the_eight_directions_turn_by_eighths_clockwise_from_ahead() -> None:
    assert ANGLES == {
        "ahead": 0,
        "ahead-right": 45,
        "right": 90,
        "back-right": 135,
        "back": 180,
        "back-left": 225,
        "left": 270,
        "ahead-left": 315,
    }


def test_the_way_to_a_room_in_each_language(day: Programme) -> None:
    sign = day.sign("salle-ix-door")
    assert way_to(day, sign, "restaurant", "fr") == WayText(
        "back-left", 225.0, "Restaurant 7ème étage", "Ascenseurs à gauche, 7e étage"
    )
    assert way_to(day, sign, "restaurant", "en").words == "Lifts on your left, 7th floor"
    assert way_to(day, sign, "salle-viii", "en") == WayText("left", 270.0, "Room VIII", "")
    assert way_to(day, None, "restaurant", "fr") == WayText()


def test_an_arabic_page_points_the_same_way_as_a_french_one(day: Programme) -> None:
    """The arrow is the corridor's: a screen taking turns in French and Arabic never flips it."""
    sign = day.sign("salle-ix-door")
    for room in ("restaurant", "salle-viii", "salle-i"):
        fr, ar = way_to(day, sign, room, "fr"), way_to(day, sign, room, "ar")
        assert (ar.arrow, ar.angle) == (fr.arrow, fr.angle)
    assert way_to(day, sign, "restaurant", "ar").words == "المصاعد على يسارك، الطابق السابع"


def test_rooms_reached_the_same_way_share_a_line(day: Programme) -> None:
    parts = ["salle-ix", "salle-viii", "salle-vii"]
    (down,) = ways_to(day, day.sign("restaurant-door"), parts, "en")
    assert (down.arrow, down.place, down.words) == (
        "down",
        "Room IX · Room VIII · Room VII",
        "Lifts to level −1",
    )
    assert [(w.arrow, w.place) for w in ways_to(day, day.sign("salle-viii-door"), parts, "en")] == [
        ("right", "Room IX"),
        ("here", "Room VIII"),
        ("left", "Room VII"),
    ]


def test_a_room_the_sign_does_not_list_is_named_without_an_arrow(day: Programme) -> None:
    sign = day.sign("salle-ix-door")
    partial = dataclasses.replace(sign, ways=tuple((r, w) for r, w in sign.ways if r != "salle-vii"))
    ways = ways_to(day, partial, ["salle-viii", "salle-vii"], "en")
    assert [(w.arrow, w.place) for w in ways] == [("left", "Room VIII"), ("", "Room VII")]
    assert ways_to(day, dataclasses.replace(sign, ways=()), ["salle-viii"], "en") == ()


def test_the_door_points_the_way_the_day_goes_on(day: Programme) -> None:
    state = schedule.room_state(day, "salle-ix", at(day, "12:00"))
    plain = door_text(day, state, "fr")
    pointed = door_text(day, state, "fr", sign=day.sign("salle-ix-door"))
    assert plain.elsewhereWays == ()
    assert pointed.elsewhereWays == (
        WayText("back-left", 225.0, "Restaurant 7ème étage", "Ascenseurs à gauche, 7e étage"),
    )
    # Nothing else changes: the same words, the room's name as before.
    assert dataclasses.replace(pointed, elsewhereWays=()) == plain
    # From the restaurant's door, the mission members' meetings are one way down, in three rooms.
    state = schedule.room_state(day, "restaurant", at(day, "14:30"))
    text = door_text(day, state, "en", sign=day.sign("restaurant-door"))
    assert [(w.arrow, w.place) for w in text.elsewhereWays] == [("down", "Room IX · Room VIII · Room VII")]


def test_a_door_free_while_its_block_goes_on_elsewhere_does_not_point_at_itself(day: Programme) -> None:
    # A 15-minute delay frees Salle IX until 14:15 while the mission members' meetings go on in
    # Salles VIII and VII: its door points there, not at itself with a "here" ring.
    delay = Notice("d", "delay", at(day, "23:59"), rooms=("salle-ix",), minutes=15, start=at(day, "14:00"))
    applied = apply(day, [delay], at(day, "14:05"))
    state = schedule.room_state(applied.programme, "salle-ix", at(day, "14:05"))
    assert state.elsewhere is not None and not state.current
    text = door_text(applied.programme, state, "en", sign=day.sign("salle-ix-door"))
    assert [(w.arrow, w.place) for w in text.elsewhereWays] == [("left", "Room VIII"), ("left", "Room VII")]
    assert text.elsewhereRoom == "Room VIII · Room VII"
    assert door_text(applied.programme, state, "en").elsewhereRoom == "Room VIII · Room VII"


def test_a_full_rooms_band_points_to_its_overflow(day: Programme) -> None:
    full = Notice("f", "full", at(day, "15:30"), rooms=("salle-ix",), overflow="salle-i")
    applied = apply(day, [full], at(day, "14:30"))
    here = applied.for_room("salle-ix")
    assert band(applied, here, "fr", "salle-ix") == band(applied, here, "fr", "salle-ix", None)
    assert "noticeArrow" not in band(applied, here, "fr", "salle-ix")
    shown = band(applied, here, "fr", "salle-ix", day.sign("salle-ix-door"))
    assert (shown["noticeArrow"], shown["noticeAngle"], shown["noticeWords"]) == (
        "up",
        0.0,
        "Escalier, rez-de-chaussée",
    )
    # The overflow room's own door is where people go: no arrow there.
    overflow = band(applied, applied.for_room("salle-i"), "fr", "salle-i", day.sign("salle-i-door"))
    assert "noticeArrow" not in overflow
    # The overview's band, from the entrance hall.
    assert overview_band(applied, "en", day.sign("entrance-hall"))["noticeArrow"] == "ahead-left"


def test_a_moved_sessions_band_points_to_its_new_room(day: Programme) -> None:
    moved = Notice(
        "m", "moved", at(day, "18:30"), rooms=("salle-ix",), session="closing-remarks", to="salle-vii"
    )
    applied = apply(day, [moved], at(day, "16:00"))
    here = applied.for_room("salle-ix")
    assert band(applied, here, "en", "salle-ix")["noticeLabel"] == "Room change →"  # no sign: as before
    shown = band(applied, here, "en", "salle-ix", day.sign("salle-ix-door"))
    assert shown["noticeLabel"] == "Room change"  # the drawn arrow says where
    assert (shown["noticeArrow"], shown["noticeAngle"]) == ("left", 270.0)
    at_new_room = band(applied, applied.for_room("salle-vii"), "en", "salle-vii", day.sign("salle-vii-door"))
    assert "noticeArrow" not in at_new_room


def test_every_room_of_the_board_shows_the_way_from_the_hall(day: Programme) -> None:
    state = schedule.overview_state(day, at(day, "14:30"))
    plain = overview_text(day, state, "en")
    pointed = overview_text(day, state, "en", sign=day.sign("entrance-hall"))
    assert not plain.boardWays and all(row.arrow == "" for row in plain.board)
    assert pointed.boardWays
    rooms = {row.roomName: (row.arrow, row.wayWords) for row in pointed.board if row.kind == "room"}
    assert rooms["Room I"] == ("ahead-left", "")
    assert rooms["Room IX"] == ("down", "Stairs on your right, level −1")
    assert rooms["Restaurant (7th floor)"] == ("up", "Lifts on your left, 7th floor")
    assert [dataclasses.replace(r, arrow="", angle=0.0, wayWords="") for r in pointed.board] == list(
        plain.board
    )
