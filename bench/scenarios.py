"""The measurements, each on fresh processes: start, memory, the 60 s window, reloads, the soak."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import os
import random
import shutil
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from .process import Frame, Launched, python

ROOM = "salle-ix"
# Salle IX in the middle of a session (14:00-15:30): a title, a progress line and the next session.
AT = "2023-03-28T14:40:00"
# A line of that session's English title. Each save adds a marker to it and to the French line before
# it: the door shows one language for the whole run (an hour's period) and builds only that page, so
# the page on screen changes, and the status file shows the marker, whichever language the hour gives.
TITLE_LINE = 'en: "Global Skills Academy and Gender Flagship"'
TRANSITION_SECONDS = 0.5  # a frame this soon after a change belongs to that change
SETTLE_AFTER_START = 2.0  # start-up frames and lazy loading are over by then


@dataclass
class Setup:
    workdir: Path
    size: tuple[int, int] = (1280, 720)
    source_programme: Path = field(default_factory=lambda: Path("programme.yaml"))

    @property
    def size_text(self) -> str:
        return f"{self.size[0]}x{self.size[1]}"


def kiosk(
    setup: Setup,
    name: str,
    *,
    language_period: float,
    at: str = AT,
    speed: float = 1.0,
    programme: Path | None = None,
    overview: bool = False,
    quit_after: float = 600,
    env: dict[str, str] | None = None,
    room: str = ROOM,
) -> Launched:
    status = setup.workdir / f"{name}.status.json"
    status.unlink(missing_ok=True)
    command = [python(), "-m", "kiosk", "run", *(["--overview"] if overview else ["--room", room])]
    command += ["--at", at, "--speed", str(speed), "--language-period", str(language_period)]
    command += ["--windowed", "--size", setup.size_text, "--status-file", str(status)]
    command += ["--quit-after", str(quit_after), "--programme", str(programme or setup.source_programme)]
    return Launched(name, command, setup.workdir, env)


def bare(
    setup: Setup,
    name: str,
    *,
    crossfade_period: float = 0,
    crossfade_offset: float = 0,
    quit_after: float = 600,
) -> Launched:
    command = [
        python(),
        "-m",
        "bench.bare_window",
        "--size",
        setup.size_text,
        "--quit-after",
        str(quit_after),
    ]
    if crossfade_period:
        command += ["--crossfade-period", str(crossfade_period), "--crossfade-offset", str(crossfade_offset)]
    return Launched(name, command, setup.workdir)


def status_path(process: Launched) -> Path:
    return process.log_path.with_suffix(".status.json")


def sleep_until(instant: float) -> None:
    time.sleep(max(0.0, instant - time.time()))


class Failed(Exception):
    """A measurement could not be taken (the process died, nothing was drawn)."""


def started(process: Launched) -> Frame:
    first = process.wait_first_frame()
    if first is None:
        process.stop()
        raise Failed(f"{process.name} drew no frame: {process.last_words()}")
    return first


# -- start-up and memory -----------------------------------------------------------------------------
def start_and_memory(setup: Setup, runs: int) -> dict:
    """Time to the first frame and resident memory once started, kiosk and bare window taking turns."""
    figures: dict[str, dict[str, list[float]]] = {
        "kiosk": {"first_frame_s": [], "cpu_s": [], "rss_kib": []},
        "bare": {"first_frame_s": [], "cpu_s": [], "rss_kib": []},
    }
    # Run -1 warms up, as a device's first start does once: bytecode and QML compiled and cached,
    # files in the page cache.
    for run in range(-1, runs):
        for kind in ("bare", "kiosk") if run % 2 == 0 else ("kiosk", "bare"):
            # An hour-long language period: no switch, so every run shows the same first page.
            process = (
                kiosk(setup, f"start-{kind}-{run}", language_period=3600)
                if kind == "kiosk"
                else bare(setup, f"start-{kind}-{run}")
            )
            first = started(process)
            # Read as soon as the first frame is seen: the process is idle then, so this is (to the
            # 10 ms tick of /proc) the CPU time it took to get there, whatever else the machine runs.
            cpu = process.cpu_seconds()
            sleep_until(first.at + SETTLE_AFTER_START)
            if run < 0:
                process.stop()
                continue
            figures[kind]["first_frame_s"].append(first.at - process.started)
            figures[kind]["cpu_s"].append(cpu)
            figures[kind]["rss_kib"].append(process.rss_kib())
            process.stop()
    return {
        kind: {
            "first_frame_s": statistics.median(values["first_frame_s"]),
            "first_frame_all_s": values["first_frame_s"],
            "cpu_to_first_frame_s": statistics.median(values["cpu_s"]),
            "rss_kib": statistics.median(values["rss_kib"]),
            "rss_all_kib": values["rss_kib"],
        }
        for kind, values in figures.items()
    }


def overview_memory(setup: Setup) -> dict:
    """The overview's resident memory once started, or why it could not be measured."""
    process = kiosk(setup, "overview", language_period=3600, overview=True)
    first = process.wait_first_frame()
    if first is None:
        process.stop()
        return {"available": False, "reason": process.last_words(1)}
    sleep_until(first.at + SETTLE_AFTER_START)
    rss = process.rss_kib()
    process.stop()
    return {"available": True, "first_frame_s": first.at - process.started, "rss_kib": rss}


# -- the 60 s window ---------------------------------------------------------------------------------
def boundaries(start: float, end: float, period: float, offset: float = 0.0) -> list[float]:
    """Instants offset + k·period inside [start, end]."""
    first = math.ceil((start - offset) / period)
    last = math.floor((end - offset) / period)
    return [offset + k * period for k in range(first, last + 1)]


def minute_changes(status_file: Path, speed: float, start: float, end: float) -> list[float]:
    """Wall-clock instants in [start, end] when the rehearsal clock reaches a new minute.

    Anchored on the status file: its "at" is the rehearsal time of the last tick, and its modification
    time is the wall-clock time of that same tick.
    """
    written = status_file.stat().st_mtime
    at = dt.datetime.fromisoformat(json.loads(status_file.read_text())["at"]).timestamp()
    # Rehearsal r happens at wall time written + (r - at) / speed.
    first_minute = math.floor((at - (written - start) * speed) / 60) * 60
    changes = []
    minute = first_minute
    while True:
        wall = written + (minute - at) / speed
        if wall > end:
            return changes
        if wall >= start:
            changes.append(wall)
        minute += 60


def near(instant: float, changes: list[float]) -> bool:
    return any(0.0 <= instant - change <= TRANSITION_SECONDS for change in changes)


def frame_figures(frames: list[Frame], switches: list[float], changes: list[float]) -> dict:
    outside = [f for f in frames if not near(f.at, changes)]
    fades = [[f for f in frames if 0.0 <= f.at - s <= TRANSITION_SECONDS] for s in switches]
    render = [f.render_ms for fade in fades for f in fade]
    gaps = [(b.at - a.at) * 1000 for fade in fades for a, b in itertools.pairwise(fade)]
    return {
        "frames": len(frames),
        "frames_outside_changes": len(outside),
        "outside_at": [round(f.at, 3) for f in outside],
        "crossfades": len(fades),
        "frames_per_crossfade": statistics.mean(len(fade) for fade in fades) if fades else 0,
        "crossfade_render_ms_p50": percentile(render, 50),
        "crossfade_render_ms_max": max(render, default=None),
        "crossfade_interval_ms_p50": percentile(gaps, 50),
        "crossfade_interval_ms_p95": percentile(gaps, 95),
        "crossfade_interval_ms_max": max(gaps, default=None),
    }


def window(setup: Setup, seconds: float, period: float) -> dict:
    """CPU time and frames over ``seconds`` with the languages switching every ``period`` seconds.

    The bare window crossfades on boundaries half a period later than the door's languages, so both run
    at once and their crossfades never compete for the two cores.
    """
    door = kiosk(setup, "window-kiosk", language_period=period)
    reference = bare(setup, "window-bare", crossfade_period=period, crossfade_offset=period / 2)
    for process in (door, reference):
        started(process)
    sleep_until(max(door.started, reference.started) + SETTLE_AFTER_START + 1.0)
    start = time.time()
    cpu = {p: p.cpu_seconds() for p in (door, reference)}
    sleep_until(start + seconds)
    end = time.time()
    cpu = {p: p.cpu_seconds() - cpu[p] for p in (door, reference)}
    rss = {p: p.rss_kib() for p in (door, reference)}
    alive = {p: p.alive() for p in (door, reference)}
    time.sleep(0.2)  # the last frames reach the log
    switches = boundaries(start - TRANSITION_SECONDS, end, period)
    minutes = minute_changes(status_path(door), 1.0, start - TRANSITION_SECONDS, end)
    bare_switches = boundaries(start - TRANSITION_SECONDS, end, period, period / 2)
    result = {}
    for process, kind, fades, changes in (
        (door, "kiosk", switches, switches + minutes),
        (reference, "bare", bare_switches, bare_switches),
    ):
        frames = [f for f in process.frames() if start <= f.at <= end]
        result[kind] = {
            "seconds": end - start,
            "cpu_s": cpu[process],
            "rss_kib": rss[process],
            "alive": alive[process],
            "changes": len(changes),
            **frame_figures(frames, fades, changes),
        }
        process.stop()
    return result


# -- reloads ------------------------------------------------------------------------------------------
class Programme:
    """A copy of the programme that the benchmark saves as an editor would: a new file renamed over."""

    def __init__(self, setup: Setup, name: str, source: Path | None = None):
        source = source or setup.source_programme
        self.path = setup.workdir / name / "programme.yaml"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, self.path)
        self.text = self.path.read_text(encoding="utf-8")
        lines = self.text.splitlines()
        at = next((i for i, line in enumerate(lines) if line.strip() == TITLE_LINE), None)
        if at is None or not lines[at - 1].strip().startswith('fr: "'):
            raise Failed(f"{source} no longer holds the lines the bench edits: {TITLE_LINE!r}, French first")
        self.titles = (lines[at - 1].strip(), TITLE_LINE)
        self.saves = 0

    def save(self) -> tuple[str, float]:
        """Save a new version atomically; its marker (shown in the status file) and when it was saved."""
        self.saves += 1
        marker = f"(save {self.saves})"
        text = self.text
        for title in self.titles:
            text = text.replace(title, f'{title[:-1]} {marker}"', 1)
        temporary = self.path.with_name(f".{self.path.name}.{self.saves}")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.path)
        return marker, time.time()


def wait_for_status(status_file: Path, marker: str, timeout: float) -> float | None:
    """The wall-clock time the status file first said ``marker``: the moment kiosk showed the save."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if marker in status_file.read_text(encoding="utf-8"):
                return status_file.stat().st_mtime
        except OSError:
            pass  # between two atomic replacements
        time.sleep(0.002)
    return None


def reload_latency(setup: Setup, saves: int, source: Path | None = None, name: str = "reload") -> dict:
    """From an atomic save of the programme to the status file and to the frame showing it."""
    programme = Programme(setup, name, source)
    door = kiosk(setup, f"{name}-kiosk", language_period=3600, programme=programme.path)
    first = started(door)
    sleep_until(first.at + SETTLE_AFTER_START)
    shown: list[tuple[float, float]] = []  # (saved, status written)
    missed = 0
    for _ in range(saves):
        marker, saved = programme.save()
        written = wait_for_status(status_path(door), marker, timeout=10.0)
        if written is None:
            missed += 1
        else:
            shown.append((saved, written))
        time.sleep(0.3 + random.uniform(0, 0.1))  # let the app go quiet; no rhythm to lock onto
    time.sleep(0.3)
    frames = door.frames()
    door.stop()
    to_status = [(written - saved) * 1000 for saved, written in shown]
    # The frame showing a save is the first one drawn after the status file said it (the tick that
    # writes the status file sets the properties; the frame follows). Stamps are whole milliseconds.
    to_frame = []
    for saved, written in shown:
        frame = next((f for f in frames if f.at >= written - 0.001), None)
        if frame is not None:
            to_frame.append((frame.at + 0.0005 - saved) * 1000)
    return {
        "saves": saves,
        "missed": missed,
        "status_ms_p50": percentile(to_status, 50),
        "status_ms_p95": percentile(to_status, 95),
        "frame_ms_p50": percentile(to_frame, 50),
        "frame_ms_p95": percentile(to_frame, 95),
        "frame_ms_max": max(to_frame, default=None),
        "frames_found": len(to_frame),
    }


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile: a value that was measured, never an interpolation."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]
