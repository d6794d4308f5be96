"""The venue's signs from the command line: validate names the rooms a sign misses; state says the way."""

import json
from pathlib import Path

from .test_rooms_state_validate import ROOT, SMALL, kiosk, ok


def test_validate_names_the_rooms_a_sign_does_not_point_to(tmp_path: Path) -> None:
    programme = tmp_path / "p.yaml"
    programme.write_text(
        SMALL.read_text(encoding="utf-8") + "signs:\n  - id: hall\n    ways: {salle-i: left}\n",
        encoding="utf-8",
    )
    result = kiosk("validate", str(programme))
    assert result.returncode == 0  # usable: that pointer shows no arrow
    assert (
        f"{programme}:38:11: warning: signs[0].ways: no way from 'hall' to salle-ix (rooms with sessions)"
        in result.stderr
    )
    assert "valid — 2 rooms, 4 sessions, 1 warning" in result.stdout


def test_the_unesco_day_points_everywhere_from_every_sign() -> None:
    result = kiosk("validate", str(ROOT / "programme.yaml"))
    assert (result.returncode, result.stderr) == (0, "")


def test_state_says_the_way_from_the_sign(tmp_path: Path) -> None:
    plain = json.loads(ok(kiosk("state", "--room", "salle-ix", "--at", "2023-03-28T12:00")))
    assert "way" not in plain
    line = json.loads(
        ok(kiosk("state", "--room", "salle-ix", "--at", "2023-03-28T12:00", "--sign", "Room IX door"))
    )
    assert line["way"] == {
        "sign": "salle-ix-door",
        "elsewhere": [
            {
                "room": "restaurant",
                "arrow": "back-left",
                "words": {"fr": "Ascenseurs à gauche, 7e étage", "en": "Lifts on your left, 7th floor"},
            }
        ],
        "notices": [],
    }
    assert {k: v for k, v in line.items() if k != "way"} == plain
    notices = tmp_path / "notices.yaml"
    notices.write_text(
        "format: 1\nnotices:\n  - {id: f, kind: full, room: salle-ix, overflow: salle-viii,"
        " from: '2023-03-28T14:00', until: '2023-03-28T15:30'}\n",
        encoding="utf-8",
    )
    line = json.loads(
        ok(
            kiosk(
                "state",
                "--room",
                "salle-ix",
                "--at",
                "2023-03-28T14:30",
                "--notices",
                str(notices),
                env={"KIOSK_SIGN": "salle-ix-door"},
            )
        )
    )
    assert line["way"]["notices"] == [{"notice": "f", "room": "salle-viii", "arrow": "left", "words": {}}]


def test_an_unknown_sign_is_said_with_a_suggestion() -> None:
    result = kiosk("state", "--room", "salle-ix", "--sign", "salle-ix-dor")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--sign: unknown sign 'salle-ix-dor'; did you mean 'salle-ix-door'?" in result.stderr


def test_render_with_a_misspelt_sign_says_so_and_draws_no_arrows(tmp_path: Path) -> None:
    out = tmp_path / "door.png"
    result = kiosk(
        "render",
        "--room",
        "salle-ix",
        "--at",
        "2023-03-28T12:00",
        "--sign",
        "salle-ix-dor",
        "-o",
        str(out),
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0 and out.stat().st_size > 0, result.stderr
    assert (
        "kiosk render: flag --sign: sign: unknown sign 'salle-ix-dor'; did you mean 'salle-ix-door'?"
        " — using null (default)" in result.stderr
    )
