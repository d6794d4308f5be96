"""`kiosk run` with a `fleet:` key, as a device runs it: on the bus, answering, and missed when killed."""

from __future__ import annotations

import os
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


def test_a_running_screen_reports_answers_and_is_missed(broker, tmp_path):
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
    settings = broker.settings()
    with subprocess.Popen(command, env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True) as kiosk:
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
