"""`kiosk run` with a `fleet:` key, as a device runs it: on the bus, answering, and missed when killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.fleet.operator import Session

REPO = Path(__file__).resolve().parents[2]
RUN = (
    "import sys, kiosk.folders as f\n"
    "f.ETC_DIR = f.Path(sys.argv.pop(1))\n"
    "from kiosk.cli import main\n"
    "sys.exit(main())\n"
)


def devices_when(settings, condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        with Session(settings) as s:
            devices = s.devices()
        if condition(devices):
            return devices
        assert time.monotonic() < deadline, f"not seen in {timeout} s: {devices}"
        time.sleep(0.1)


def start_kiosk(broker, tmp_path) -> subprocess.Popen:
    """`kiosk run` as a device on the bus, door-salle-i."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        QT_QPA_PLATFORM="offscreen",
        KIOSK_FLEET=f"mqtt://127.0.0.1:{broker.port}",
        KIOSK_DEVICE="door-salle-i",
    )
    command = [sys.executable, "-c", RUN, str(tmp_path / "etc"), "run", "--room", "Salle I", "--windowed"]
    return subprocess.Popen(command, env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True)


def test_a_running_screen_reports_answers_and_is_missed(broker, tmp_path):
    settings = broker.settings()
    with start_kiosk(broker, tmp_path) as kiosk:
        try:
            devices = devices_when(settings, lambda d: "door-salle-i" in d and d["door-salle-i"].online)
            status = devices["door-salle-i"].status
            assert (status["room"], status["screen"]["width"], status["screen"]["height"]) == (
                "salle-i",
                1280,
                720,
            )
            with Session(settings) as s:
                shots = s.screenshots({"door-salle-i"}, timeout=20)
            assert shots["door-salle-i"].startswith(b"\x89PNG")
        finally:
            kiosk.kill()
    devices_when(settings, lambda d: d["door-salle-i"].online is False)


def test_sigterm_says_offline_at_once_disconnects_and_exits_0(broker, tmp_path):
    """What `systemctl stop` sends: the screen says goodbye (offline since now, not the last will,
    which has no time) before it leaves the bus, and ends with status 0."""
    settings = broker.settings()
    with start_kiosk(broker, tmp_path) as kiosk:
        try:
            devices_when(settings, lambda d: "door-salle-i" in d and d["door-salle-i"].online)
            kiosk.send_signal(signal.SIGTERM)
            assert kiosk.wait(30) == 0
            errors = kiosk.stderr.read()
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
    with Session(settings) as s:  # at once: no waiting for the broker to miss it
        device = s.devices()["door-salle-i"]
    assert device.online is False and device.since is not None
    assert "asked to stop (SIGTERM): stopping" in errors and "Traceback" not in errors
