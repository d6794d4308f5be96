"""`kiosk render`, `rooms` and `state` read the device's configuration as `kiosk run` does (issue 13.6):
a technician previewing a device over ssh sees what that device shows; flags still win."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "data" / "good" / "small.yaml"


def kiosk(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    return result


def render(device, name: str, *args: str) -> bytes:
    out = device.root / f"{name}.png"
    kiosk("render", "--at", "2023-03-28T10:00", "--size", "640x360", "-o", str(out), *args)
    return out.read_bytes()


def test_render_without_a_room_draws_the_devices_own_screen_turned_as_it_hangs(device):
    device.write(device.user_file, "room: salle-vii\nrotation: left\n")
    own = render(device, "own")
    assert own == render(device, "asked", "--room", "salle-vii", "--rotation", "left")
    assert own != render(device, "upright", "--room", "salle-vii", "--rotation", "top")


def test_flags_win_over_the_devices_configuration(device):
    device.write(device.user_file, "room: salle-vii\nrotation: left\n")
    flagged = render(device, "flagged", "--room", "salle-ix", "--rotation", "top")
    device.user_file.unlink()
    assert flagged == render(device, "plain", "--room", "salle-ix")


def test_rooms_and_state_read_the_configured_programme(device):
    device.write(device.user_file, f"programme: {SMALL}\n")
    rooms = kiosk("rooms").stdout.decode().splitlines()
    assert [line.split("\t")[0] for line in rooms] == ["salle-i", "salle-ix"]
    states = [json.loads(line) for line in kiosk("state", "--at", "10:30").stdout.decode().splitlines()]
    assert [(s["room"], s["current"][0]["id"] if s["current"] else None) for s in states] == [
        ("salle-i", "panel"),
        ("salle-ix", None),
    ]
    # --programme still wins: the bundled programme has six rooms.
    assert len(kiosk("rooms", "--programme", str(ROOT / "programme.yaml")).stdout.splitlines()) == 6
