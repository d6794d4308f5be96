"""`kiosk config` as a technician runs it: the effective value of each key and where it comes from."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# The real entry point, with /etc/kiosk pointed into the test's folder: the machine's own
# configuration is never read.
RUN = (
    "import sys, kiosk.folders as f\n"
    "f.ETC_DIR = f.Path(sys.argv.pop(1))\n"
    "from kiosk.cli import main\n"
    "sys.exit(main())\n"
)


class Technician:
    def __init__(self, root: Path):
        self.root = root
        self.etc = root / "etc"
        self.user_file = root / "xdg" / "kiosk" / "kiosk.yaml"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
        self.env.update({"HOME": str(root / "home"), "XDG_CONFIG_HOME": str(root / "xdg")})

    def write(self, path: Path, text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def kiosk(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", RUN, str(self.etc), "config", *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            cwd=self.root,
            timeout=60,
        )


@pytest.fixture
def tech(tmp_path: Path) -> Technician:
    return Technician(tmp_path)


def test_json_names_each_keys_value_and_origin(tech):
    tech.write(tech.etc / "kiosk.yaml", "view: door\nrotation: 90\n")
    tech.write(tech.user_file, "# chosen on screen\nroom: Room VII\n")
    result = tech.kiosk("--json", "--language-period", "6", KIOSK_REDUCED_MOTION="yes")
    assert (result.returncode, result.stderr) == (0, "")
    out = json.loads(result.stdout)
    assert list(out) == [
        "view",
        "room",
        "sign",
        "languages",
        "language_period",
        "reduced_motion",
        "screen",
        "rotation",
        "panel_inches",
        "programme",
        "notices",
        "timezone",
        "programme_refresh",
        "redirect_hosts",
        "exit_chord",
        "setup_chord",
        "setup_pin",
        "fleet",
        "fleet_ca",
        "fleet_user",
        "fleet_password_file",
        "fleet_cert",
        "fleet_key",
        "fleet_prefix",
        "device",
    ]
    assert out["room"] == {"value": "salle-vii", "origin": f"{tech.user_file}:2"}  # checked, kept as its id
    assert out["rotation"] == {"value": 90, "origin": f"{tech.etc}/kiosk.yaml:2"}
    assert out["reduced_motion"] == {"value": True, "origin": "env KIOSK_REDUCED_MOTION"}
    assert out["language_period"] == {"value": 6, "origin": "flag --language-period"}
    assert out["languages"] == {"value": None, "origin": "default"}


def test_the_table_and_the_problems_on_stderr(tech):
    tech.write(tech.user_file, "rom: salle-i\nsetup_pin: '2468'\n")
    result = tech.kiosk("--room", "sale-ix", KIOSK_ROTATION="45")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["key", "value", "origin"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert rows["view"].split() == ["view", "door", "flag", "--room"]
    assert rows["room"].split() == ["room", "null", "default"]
    assert rows["setup_pin"].split() == ["setup_pin", "****", f"{tech.user_file}:2"]  # never printed
    assert "2468" not in result.stdout + result.stderr
    assert "(the event's: fr, en)" in rows["languages"]
    assert result.stderr.splitlines() == [
        f"{tech.user_file}:1:1: unknown key 'rom'; did you mean 'room'?",
        f"{tech.user_file}:2:12: setup_pin: the PIN is written in clear; keep its hash instead"
        " (kiosk config --set-pin)",
        "env KIOSK_ROTATION: rotation: '45' is not one of top, left, right, bottom (where the panel's"
        " top edge is), nor 0, 90, 180, 270 (the picture's turn, clockwise)"
        " — using 0 (default)",
        "flag --room: room: unknown room 'sale-ix'; did you mean 'salle-ix'? — using null (default)",
    ]


def test_check_exits_1_when_there_is_a_problem(tech):
    assert tech.kiosk("--check").returncode == 0
    tech.write(tech.user_file, "view: overveiw\n")
    result = tech.kiosk("--check", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["view"] == {"value": "door", "origin": "default"}


def test_an_unreadable_config_file_is_reported_and_the_rest_still_printed(tech):
    folder = tech.root / "folder.yaml"
    folder.mkdir()
    result = tech.kiosk("--config", str(folder), "--json", KIOSK_ROOM="salle-i")
    assert result.returncode == 0
    assert result.stderr == (
        f"{folder}: cannot read the file: it is a folder, not a file; the configuration is ignored\n"
    )
    assert json.loads(result.stdout)["room"] == {"value": "salle-i", "origin": "env KIOSK_ROOM"}


def test_the_programme_of_the_configuration_checks_the_room(tech):
    tech.write(tech.root / "event" / "programme.yaml", (REPO / "programme.yaml").read_text(encoding="utf-8"))
    tech.write(tech.user_file, "programme: ../../event/programme.yaml\nroom: Salle IX\n")
    out = json.loads(tech.kiosk("--json").stdout)
    assert out["programme"] == {
        "value": str(tech.user_file.parent / "../../event/programme.yaml"),
        "origin": f"{tech.user_file}:1",
    }
    assert out["room"]["value"] == "salle-ix"
    result = tech.kiosk("--json", "--programme", str(tech.root / "missing.yaml"))
    assert json.loads(result.stdout)["programme"]["origin"] == "flag --programme"
    assert "the programme cannot be used; the room is not checked" in result.stderr
    assert json.loads(result.stdout)["room"]["value"] == "Salle IX"


def test_kiosk_programme_keeps_its_meaning(tech):
    path = tech.write(tech.root / "p.yaml", (REPO / "programme.yaml").read_text(encoding="utf-8"))
    out = json.loads(tech.kiosk("--json", KIOSK_PROGRAMME=str(path)).stdout)
    assert out["programme"] == {"value": str(path), "origin": "env KIOSK_PROGRAMME"}


def test_kiosk_config_runs_without_qt(tech):
    code = "import sys; sys.modules['PySide6'] = None\n" + RUN
    result = subprocess.run(
        [sys.executable, "-c", code, str(tech.etc), "config", "--json"],
        env=tech.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.skipif(
    Path("/etc/kiosk/kiosk.yaml").exists(), reason="this machine has a real /etc/kiosk/kiosk.yaml"
)
def test_the_installed_command(tech):
    tech.write(tech.user_file, "view: overview\n")
    kiosk = Path(sys.executable).with_name("kiosk")
    command = [str(kiosk)] if kiosk.exists() else [sys.executable, "-m", "kiosk"]
    result = subprocess.run(
        [*command, "config", "--json"], env=tech.env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["view"] == {"value": "overview", "origin": f"{tech.user_file}:1"}
