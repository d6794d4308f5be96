"""What notices put on a screen in each screen language: the band and the emergency screen (Qt-free)."""

from __future__ import annotations

from pathlib import Path

from kiosk.clock import parse_when
from kiosk.notices import apply, parse_notices
from kiosk.present.notices import EmergencyPart, band, emergency_parts, overview_band
from kiosk.programme import load_programme

ROOT = Path(__file__).resolve().parents[3]
DAY = load_programme(ROOT / "programme.yaml")
EVACUATE = "Évacuez par l’escalier B, rassemblement place de Fontenoy"
EXIT_B = "Leave by staircase B, gather on Place de Fontenoy"


def applied(body: str, when: str = "16:31"):
    notices = parse_notices(f"format: 1\nnotices:\n{body}", "notices.yaml", DAY)
    return apply(DAY, notices, parse_when(f"2023-03-28T{when}", DAY.event.zone))


def test_an_emergency_is_in_every_screen_language_with_the_organisers_text_where_they_gave_it() -> None:
    now = applied(f'  - {{id: fire, kind: emergency, text: {{fr: "{EVACUATE}", en: "{EXIT_B}"}}}}\n')
    parts = emergency_parts(now, ("fr", "en", "ar", "zh"))
    assert parts == [
        EmergencyPart("Évacuation", EVACUATE, False),
        EmergencyPart("Evacuation", EXIT_B, False),
        # None given in Arabic nor Chinese: their own evacuation words, never the French text.
        EmergencyPart("إخلاء", "غادروا المبنى من أقرب مخرج. لا تستخدموا المصاعد.", True),
        EmergencyPart("紧急疏散", "请从最近的出口离开大楼。请勿乘坐电梯。", False),
    ]


def test_the_organisers_text_in_a_language_the_screen_does_not_show_is_there_tagged() -> None:
    now = applied(f'  - {{id: fire, kind: emergency, text: {{fr: "{EVACUATE}", en: "{EXIT_B}"}}}}\n')
    parts = emergency_parts(now, ("ar",))
    assert parts == [
        EmergencyPart("إخلاء", "غادروا المبنى من أقرب مخرج. لا تستخدموا المصاعد.", True),
        EmergencyPart("", f"FR · {EVACUATE}", False),
        EmergencyPart("", f"EN · {EXIT_B}", False),
    ]


def test_no_emergency_no_parts() -> None:
    assert emergency_parts(applied("  - {id: full, kind: full, room: salle-ix}\n"), ("fr",)) == []


def test_a_full_room_and_a_move_on_an_arabic_door_are_arabic() -> None:
    now = applied(
        "  - {id: full, kind: full, room: salle-ix, overflow: salle-viii}\n"
        "  - {id: move, kind: moved, session: closing-remarks, to: salle-vii}\n",
        "14:10",
    )
    shown = band(now, now.for_room("salle-ix"), "ar", "salle-ix")
    assert shown["noticeLabel"] == "القاعة ممتلئة"
    assert shown["noticeText"] == "تابعوا الجلسة في القاعة VIII"
    also, moved = shown["noticeMore"].split(" · ")
    assert also == "جارٍ أيضاً: القاعة VII"  # the other part of the same block, from the umbrella
    # The session's title is the programme's (it has none in Arabic); the words around it are Arabic.
    assert moved == "تغيير القاعة — تُعقد الآن في القاعة VII\u200f: «Remarques finales et prochaines étapes»"


def test_the_overview_names_the_rooms_in_the_pages_language() -> None:
    now = applied("  - {id: full, kind: full, room: salle-ix, overflow: salle-viii}\n", "14:10")
    assert overview_band(now, "zh")["noticeText"] == "IX 号会议室：请前往VIII 号会议室观看本场会议"
    assert overview_band(now, "fr")["noticeText"] == "Salle IX\u202f: Suivez la session en Salle VIII"
