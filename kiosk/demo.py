"""`make demo`: the event day in rehearsal time — in a window when there is a display, else as PNGs.

python -m kiosk.demo                      # a window: Salle I from 10:30, one minute a second
python -m kiosk.demo --png out/demo       # no display needed: every room and the overview
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

DAY = "2023-03-28"
START = f"{DAY}T10:30"
MOMENTS = ["10:30", "14:30", "17:20"]
SIZES = {"portrait": "1080x1920", "landscape": "1920x1080"}


def has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and platform not in ("xcb", "wayland", "eglfs", "linuxfb"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True)


def render_all(folder: Path) -> list[Path]:
    """Every room's door at a few moments of the day, and the overview, in each language."""
    from .config import load_config
    from .sources import read_any

    programme = read_any(load_config().programme_source)
    made = []
    screens = [(["--room", r.id], r.id, SIZES["portrait"]) for r in programme.rooms]
    screens.append((["--overview"], "overview", SIZES["landscape"]))
    for what, name, size in screens:
        for moment in MOMENTS:
            for lang in programme.event.languages:
                out = folder / f"{name}-{moment.replace(':', '')}-{lang}.png"
                done = kiosk(
                    "render", *what, "--at", f"{DAY}T{moment}", "--lang", lang, "--size", size, "-o", str(out)
                )
                if done.returncode != 0:
                    print(done.stderr.strip(), file=sys.stderr, flush=True)
                    continue
                made.append(out)
    return made


def say(message: str) -> None:
    print(f"kiosk demo: {message}", flush=True)  # flushed: make shows it before the long part


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.demo", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--png", metavar="FOLDER", help="render PNGs into FOLDER instead of opening a window")
    args = parser.parse_args(argv)
    if args.png is None and has_display():
        say(f"Salle I from {START}, one minute of the day a second (close the window to stop)")
        window = [
            "run",
            "--room",
            "Salle I",
            "--at",
            START,
            "--speed",
            "60",
            "--windowed",
            "--size",
            "1280x720",
        ]
        if subprocess.call([sys.executable, "-m", "kiosk", *window]) == 0:
            return 0
        # A display Qt cannot open (on Debian, xcb libraries such as libxcb-cursor0 missing): pictures.
        say("no window could be opened (see Qt's message above); rendering pictures instead")
    folder = Path(args.png or "out/demo")
    folder.mkdir(parents=True, exist_ok=True)
    say(f"the event day rendered as pictures into {folder}/ …")
    made = render_all(folder)
    say(f"{len(made)} screens rendered; open them, e.g. {made[0] if made else folder}")
    return 0 if made else 1


if __name__ == "__main__":
    sys.exit(main())
