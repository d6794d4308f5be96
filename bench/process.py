"""Starting kiosk and the bare window the same way, and reading their frames, memory and CPU time.

Frames are counted without touching the app: Qt's own scene-graph timing log
(``qt.scenegraph.time.renderloop``) writes one line per rendered frame, and QT_MESSAGE_PATTERN stamps
each line with the wall-clock time, so frames can be set against language switches and saves.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

FRAME_LOG_RULES = "qt.scenegraph.time.renderloop=true"
MESSAGE_PATTERN = "%{time yyyy-MM-ddTHH:mm:ss.zzz} %{category}: %{message}"
FRAME_LINE = re.compile(
    r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}) \S+: Frame rendered with '[^']*' renderloop in (\d+)ms"
)
# Both are started from the repository's root, where `python -m bench.bare_window` is found.
ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Frame:
    at: float  # wall-clock seconds (the log's stamp has millisecond resolution)
    render_ms: int  # as Qt reports it: whole milliseconds


def parse_frames(text: str) -> list[Frame]:
    frames = []
    for line in text.splitlines():
        match = FRAME_LINE.match(line)
        if match:
            # Qt stamps local time; the harness and the child share the same TZ.
            at = dt.datetime.strptime(match[1], "%Y-%m-%dT%H:%M:%S.%f").timestamp()
            frames.append(Frame(at, int(match[2])))
    return frames


def environment(workdir: Path) -> dict[str, str]:
    """The same environment for both processes: offscreen unless asked otherwise, nothing of the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Neither the user's configuration, last-good copies nor QML cache are read or written.
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    env["XDG_STATE_HOME"] = str(workdir / "state")
    env["XDG_CACHE_HOME"] = str(workdir / "cache")
    # A deployed kiosk runs from compiled bytecode (pip compiles it at install; an editable install
    # writes it on the first run). Where bytecode writing is turned off, every start would compile
    # kiosk from source, so both processes cache theirs in the working folder instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    env["QT_LOGGING_RULES"] = FRAME_LOG_RULES
    env["QT_MESSAGE_PATTERN"] = MESSAGE_PATTERN
    return env


class Launched:
    """A process started by the benchmark, its output going to a log file."""

    def __init__(self, name: str, command: list[str], workdir: Path, env: dict[str, str] | None = None):
        self.name = name
        self.log_path = workdir / f"{name}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.started = time.time()
        self.popen = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**environment(workdir), **(env or {})},
            cwd=ROOT,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError(f"no VmRSS for {self.name}")

    def cpu_seconds(self) -> float:
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        # The command name (field 2) may hold spaces: the fields we want come after its closing ')'.
        fields = stat[stat.rindex(")") + 2 :].split()
        user, system = int(fields[11]), int(fields[12])
        return (user + system) / CLOCK_TICKS

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def frames(self) -> list[Frame]:
        return parse_frames(self.log_text())

    def wait_first_frame(self, timeout: float = 30.0) -> Frame | None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            frames = self.frames()
            if frames:
                return frames[0]
            if not self.alive():
                return None
            time.sleep(0.005)
        return None

    def last_words(self, lines: int = 3) -> str:
        text = [line for line in self.log_text().splitlines() if not FRAME_LINE.match(line)]
        return " | ".join(text[-lines:]) or f"exit status {self.popen.returncode}"

    def stop(self) -> int | None:
        """End the process if it still runs (SIGTERM: kiosk has no other way to be told); its exit status."""
        if self.alive():
            self.popen.send_signal(signal.SIGTERM)
        try:
            code = self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            code = self.popen.wait()
        self._log.close()
        return code


def python() -> str:
    return sys.executable
