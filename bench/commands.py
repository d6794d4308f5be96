"""The commands on a congress-sized programme: `kiosk state` and `kiosk validate` on the real 36c3 file.

The 36c3 schedule export (1 256 sessions, 92 rooms once imported) is imported to kiosk's YAML once,
then the commands run as a technician runs them, each a fresh process, taking turns with the same
command on the UNESCO day (19 sessions). The first run of each finds no cache (a device's first start
after a new programme); the figures are the medians of the runs after it.

Then a door of that congress (``door``): what a real event's sessions bring that the UNESCO day's do
not, a link (a QR code), long descriptions, people.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from . import scenarios
from .process import environment, python

TESTDATA = Path(os.environ.get("KIOSK_TESTDATA", Path(__file__).resolve().parents[2] / "shared" / "testdata"))
REAL_36C3 = TESTDATA / "real" / "36c3-everything.schedule.json"
ROOM_36C3, AT_36C3 = "ada", "2019-12-28T12:00"
ROOM_UNESCO, AT_UNESCO = "salle-ix", "2023-03-28T14:40"


class Unavailable(Exception):
    """The 36c3 export is not beside the clone (../shared/testdata, or KIOSK_TESTDATA)."""


def timed(command: list[str], workdir: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``, which must succeed."""
    errors = workdir / "commands.stderr"
    with open(errors, "wb") as stderr:  # a file, not a pipe: nothing waits on a full pipe
        began = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=workdir, env=environment(workdir), stdout=subprocess.DEVNULL, stderr=stderr
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        said = errors.read_text(errors="replace")[-500:]
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {said}")
    return wall, usage.ru_utime + usage.ru_stime


def commands(workdir: Path, unesco: Path, runs: int) -> dict:
    if not REAL_36C3.is_file():
        raise Unavailable(f"{REAL_36C3} is not here")
    kiosk = [python(), "-m", "kiosk"]
    big = workdir / "36c3.yaml"
    timed([*kiosk, "import", str(REAL_36C3), "-o", str(big)], workdir)
    jobs = {
        "state_unesco": [
            *kiosk,
            "state",
            "--programme",
            str(unesco),
            "--room",
            ROOM_UNESCO,
            "--at",
            AT_UNESCO,
        ],
        "state_36c3": [*kiosk, "state", "--programme", str(big), "--room", ROOM_36C3, "--at", AT_36C3],
        "validate_36c3": [*kiosk, "validate", str(big)],
        # The export itself, as a screen following it reads it (no budget: the same as its YAML, since
        # exports are cached too).
        "state_36c3_json": [
            *kiosk,
            "state",
            "--programme",
            str(REAL_36C3),
            "--room",
            ROOM_36C3,
            "--at",
            AT_36C3,
        ],
    }
    figures: dict[str, dict] = {name: {"wall_s": [], "cpu_s": []} for name in jobs}
    for run in range(-1, runs):
        for name, command in jobs.items():
            if run < 0:  # each first run finds no cache, as after a new programme
                shutil.rmtree(workdir / "cache", ignore_errors=True)
            wall, cpu = timed(command, workdir)
            if run < 0:
                figures[name]["first_wall_s"], figures[name]["first_cpu_s"] = wall, cpu
            else:
                figures[name]["wall_s"].append(wall)
                figures[name]["cpu_s"].append(cpu)
    for values in figures.values():
        values["wall_median_s"] = statistics.median(values["wall_s"])
        values["cpu_median_s"] = statistics.median(values["cpu_s"])
    return {"runs": runs, "bytes_36c3": big.stat().st_size, **figures}


def door(setup: scenarios.Setup, big: Path) -> dict:
    """A door of the real 36c3 (Ada at noon), from the programme ``commands`` imported: started twice,
    measured on the second start (the programme from the cache), as the congress overview is."""
    figures: dict = {"room": ROOM_36C3, "at": AT_36C3}
    for run in range(2):
        process = scenarios.kiosk(
            setup, f"door-36c3-{run}", language_period=3600, at=AT_36C3, programme=big, room=ROOM_36C3
        )
        first = scenarios.started(process)
        figures["first_frame_s"] = first.at - process.started
        scenarios.sleep_until(first.at + scenarios.SETTLE_AFTER_START)
        figures["rss_kib"] = process.rss_kib()
        process.stop()
    return figures
