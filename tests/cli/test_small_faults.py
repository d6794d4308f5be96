"""The command's small faults of issue 13.7 and 13.18, as a technician meets them in a terminal."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "data" / "good" / "small.yaml"


def kiosk(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=60, **kwargs
    )


def usage_error(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("usage: kiosk "), result.stderr  # argparse's usage, then one line
    return result.stderr.splitlines()[-1]


@pytest.mark.parametrize("command", [["rooms"], ["rooms", "--json"], ["state", "--at", "10:00"]])
def test_a_reader_that_goes_away_is_no_error(device, command):
    """`kiosk rooms | head -1`: the pipe is closed before kiosk writes; nothing on stderr."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert err.decode() == ""
    assert proc.returncode == 141  # a shell's status for a writer stopped by SIGPIPE


def test_at_takes_a_time_of_day_on_the_programmes_first_day_and_now(device):
    lines = kiosk("state", "--programme", str(SMALL), "--room", "salle-i", "--at", "10:30", "--at", "now")
    assert lines.returncode == 0, lines.stderr
    first, now = (json.loads(line) for line in lines.stdout.splitlines())
    assert first["at"] == "2023-03-28T10:30:00+02:00"
    assert first["current"][0]["id"] == "panel"
    at = dt.datetime.fromisoformat(now["at"])
    assert abs(at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_state_without_at_is_now(device):
    result = kiosk("state", "--programme", str(SMALL))
    assert result.returncode == 0, result.stderr
    rooms = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["room"] for r in rooms] == ["salle-i", "salle-ix"]
    at = dt.datetime.fromisoformat(rooms[0]["at"])
    assert abs(at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("command", "when", "says"),
    [
        ("render", "garbage", "'garbage' is not an ISO 8601 date and time"),
        ("render", "2023-02-29", "'2023-02-29' is not a date and time that exists: day is out of range"),
        ("render", "25:00", "'25:00' is not a time of day (00:00 to 23:59)"),
        ("state", "2023-02-29T10:00", "is not a date and time that exists"),
        ("run", "garbage", "'garbage' is not an ISO 8601 date and time"),
        ("run", "9999-12-31T23:59", "9999-12-31: a rehearsal starts between the years 1970 and 2999"),
    ],
)
def test_a_bad_instant_is_a_usage_error(device, command, when, says):
    extra = ["-o", str(device.root / "x.png")] if command == "render" else []
    message = usage_error(kiosk(command, "--at", when, *extra))
    assert message.startswith(f"kiosk {command}: error: argument --at: ")
    assert says in message


@pytest.mark.parametrize("speed", ["-1", "nan", "inf", "1e300", "0", "fast"])
def test_a_bad_speed_is_a_usage_error(device, speed):
    message = usage_error(kiosk("run", "--room", "salle-i", "--at", "10:00", f"--speed={speed}"))
    assert message.startswith("kiosk run: error: argument --speed: ")
    assert ("is not a rehearsal speed: more than 0 and at most 100000" in message) or speed == "fast"


def test_version():
    from kiosk import __version__

    result = kiosk("--version")
    assert (result.returncode, result.stdout) == (0, f"kiosk {__version__}\n")


def test_rooms_has_a_column_per_language_of_the_event(device, tmp_path):
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace("languages: [fr, en]", "languages: [de, fr, en]")
    text = text.replace("{fr: Salle I, en: Room I}", "{de: Saal I, fr: Salle I, en: Room I}")
    programme = device.write(tmp_path / "three.yaml", text)
    result = kiosk("rooms", "--programme", str(programme))
    assert result.returncode == 0, result.stderr
    # A name missing in a language falls back as on screen (Salle IX has no German name).
    assert result.stdout == "salle-i\tSaal I\tSalle I\tRoom I\nsalle-ix\tSalle IX\tSalle IX\tRoom IX\n"


def test_render_help_says_folders_are_created_and_a_name_needs_png(device):
    text = " ".join(kiosk("render", "--help").stdout.split())
    assert "missing folders are created" in text
    assert ".png" in text


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("preview", "the name has no extension to say the format (e.g. .png; the formats: "),
        ("preview.xyz", ".xyz is not a picture format kiosk writes ("),
    ],
)
def test_render_says_why_it_could_not_write(device, name, says):
    out = device.root / name
    result = kiosk("render", "--room", "salle-i", "--at", "10:00", "-o", str(out))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert result.stderr.startswith(f"kiosk render: could not write {out}: {says}")
    assert not out.exists()


def run_env(device) -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_a_configuration_warning_is_logged_once(device):
    result = kiosk(
        "run",
        "--room",
        "salle-i",
        "--windowed",
        "--quit-after",
        "0.5",
        env={**run_env(device), "KIOSK_ROTATION": "45"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("env KIOSK_ROTATION: rotation: '45' is not one of") == 1, result.stderr


@pytest.mark.parametrize(("signal_name", "code"), [("SIGINT", 130), ("SIGTERM", 0)])
def test_ctrl_c_or_systemctl_stop_ends_a_windowed_run(device, signal_name, code):
    import signal
    import time

    status = device.root / "status.json"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "run",
            "--room",
            "salle-i",
            "--windowed",
            "--status-file",
            str(status),
        ],
        env=run_env(device),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not status.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # a process of its own: its status file says it is up
        assert status.exists(), proc.stderr.read().decode() if proc.poll() is not None else "not up"
        proc.send_signal(getattr(signal, signal_name))  # Ctrl+C; systemctl stop
        assert proc.wait(timeout=20) == code
        assert b"Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
