"""The YAML that `kiosk import` writes: valid, and read back to the very same programme."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from kiosk.programme import check_programme, parse_programme
from kiosk.resources import bundled_programme
from kiosk.sources import check_any, read_any, write
from kiosk.sources.write import programme_yaml


@pytest.fixture(autouse=True, params=["libyaml", "pyyaml"])
def emitter(request, monkeypatch):
    """Every test here writes through libyaml's emitter and again through PyYAML's own (its fallback)."""
    assert write._FastDumper is not None, "PyYAML without libyaml (pip builds it with libyaml-dev installed)"
    if request.param == "pyyaml":
        monkeypatch.setattr(write, "_FastDumper", None)
    return request.param


AWKWARD_TITLES = [
    "yes",
    "no",
    "10:00",
    "- a dash",
    "key: value",
    "# not a comment",
    "'quoted' and \"double\"",
    "@at & *star !bang %percent",
    "Überwachung — „Agenda“ « guillemets » 🎉",
    "<b>not markup</b>",
    "x" * 300,
]


def ics_with_titles(titles: list[str]) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "X-WR-CALNAME:Awkward: a calendar",
        "X-WR-TIMEZONE:Europe/Paris",
    ]
    for n, title in enumerate(titles):
        escaped = title.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{n}",
            f"SUMMARY:{escaped}",
            f"DTSTART:202405{2 + n // 10:02d}T{8 + n % 10:02d}0000",
            f"DTEND:202405{2 + n // 10:02d}T{8 + n % 10:02d}3000",
            "LOCATION:Salle: I",
            f"DESCRIPTION:First line\\n  indented second line  \\n\\n{escaped}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode()


def facts(programme):
    return [
        (
            s.id,
            s.room,
            s.start,
            s.end,
            s.kind,
            s.title,
            s.description,
            s.people,
            s.language,
            s.url,
            s.parent,
            s.parts,
        )
        for s in programme.sessions
    ]


def test_awkward_texts_round_trip_exactly():
    imported, problems = check_any(ics_with_titles(AWKWARD_TITLES), "awkward.ics")
    assert problems == []
    text = programme_yaml(imported, "awkward.ics")
    reread = parse_programme(text, "out.yaml")
    assert reread.warnings == ()
    assert facts(reread) == facts(imported)
    assert [s.title.get("en") for s in reread.sessions] == AWKWARD_TITLES
    assert reread.event == imported.event
    assert reread.rooms == imported.rooms


def test_times_are_quoted_local_wall_clock_strings():
    imported, _ = check_any(ics_with_titles(["A"]), "a.ics")
    text = programme_yaml(imported)
    assert '  start: "2024-05-02 08:00"\n  end: "2024-05-02 08:30"\n' in text
    assert "languages: [en]" in text
    document = yaml.safe_load(text)
    assert document["format"] == 1 and document["event"]["timezone"] == "Europe/Paris"


def test_the_second_hour_of_the_autumn_night_keeps_its_offset():
    # 29 October 2023 in Paris: 02:30 happens twice. Two rooms, one session in each 02:30.
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "X-WR-TIMEZONE:Europe/Paris"]
    for n, (start, room) in enumerate([("20231029T003000Z", "A"), ("20231029T013000Z", "B")]):
        lines += ["BEGIN:VEVENT", f"UID:{n}", "SUMMARY:Night", f"DTSTART:{start}", "DURATION:PT20M"]
        lines += [f"LOCATION:{room}", "END:VEVENT"]
    imported, _ = check_any(("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode(), "n.ics")
    text = programme_yaml(imported)
    assert 'start: "2023-10-29 02:30"' in text  # the first 02:30 is the one a wall-clock time means
    assert 'start: "2023-10-29T02:30+01:00"' in text  # the second needs its offset
    reread = parse_programme(text)
    assert [s.start for s in reread.sessions] == [s.start for s in imported.sessions]
    assert reread.sessions[1].start - reread.sessions[0].start == dt.timedelta(hours=1)


def test_a_kiosk_programme_with_blocks_and_parts_round_trips():
    original = read_any(bundled_programme())
    text = programme_yaml(original)
    programme, problems = check_programme(text, "again.yaml")
    assert programme is not None, [str(p) for p in problems]
    assert facts(programme) == facts(original)
    assert programme.event == original.event


def test_characters_past_the_basic_plane_are_written_as_they_are():
    # libyaml alone would write 🎉 as "\\U0001F389" and the description's lines as one quoted line.
    titles = ["Fête 🎉", "\ue000 an icon font's own character, then 💻"]
    imported, _ = check_any(ics_with_titles(titles), "emoji.ics")
    text = programme_yaml(imported)
    assert "\\U" not in text and text.count("🎉") == 2 and text.count("\ue000") == 2
    assert "  description:\n    en: |-\n      First line indented second line\n\n      Fête 🎉\n" in text
    reread = parse_programme(text)
    assert [s.title.get("en") for s in reread.sessions] == titles
    assert facts(reread) == facts(imported)


def test_both_emitters_write_the_same_text():
    imported, _ = check_any(ics_with_titles([*AWKWARD_TITLES, "Fête 🎉"]), "awkward.ics")
    document = yaml.safe_load(programme_yaml(imported))
    assert write._dump(document, libyaml=True) == write._dump(document, libyaml=False)


def test_more_characters_past_the_basic_plane_than_stand_ins_are_written_by_pyyaml():
    many = "".join(chr(0x20000 + n) for n in range(0xF900 - 0xE000 + 1))  # one more than there are
    text = write._dump({"title": many})
    assert yaml.safe_load(text) == {"title": many}
    assert "\\U" not in text
