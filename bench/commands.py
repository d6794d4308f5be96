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
from .report import STATE_RATIO, VALIDATE_S, Budget, Row, memory_row, mib, ms, ratio

TESTDATA = Path(os.environ.get("KIOSK_TESTDATA", Path(__file__).resolve().parents[2] / "shared" / "testdata"))
REAL_36C3 = TESTDATA / "real" / "36c3-everything.schedule.json"
ROOM_36C3, AT_36C3 = "ada", "2019-12-28T12:00"
ROOM_UNESCO, AT_UNESCO = "salle-ix", "2023-03-28T14:40"


class Unavailable(Exception):
    """The 36c3 export is not beside the clone (../shared/testdata, or KIOSK_TESTDATA)."""


def timed(command: list[str], workdir: Path, cache: Path | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``, which must succeed;
    ``cache``: its own cache folder (XDG_CACHE_HOME) in place of the working folder's."""
    errors = workdir / "commands.stderr"
    env = environment(workdir) | ({"XDG_CACHE_HOME": str(cache)} if cache else {})
    with open(errors, "wb") as stderr:  # a file, not a pipe: nothing waits on a full pipe
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
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
            # Each command its own cache, so that emptying one for its first run leaves the others'.
            cache = workdir / "commands-cache" / name
            if run < 0:  # each first run finds no cache, as after a new programme
                shutil.rmtree(cache, ignore_errors=True)
            wall, cpu = timed(command, workdir, cache)
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


# -- the rows of the table, and the budgets --------------------------------------------------------
def door_rows(figures: dict | None, start: dict | None, rows: list[Row]) -> None:
    """A door of the real 36c3, beside the UNESCO door of the same run where there is one. No budget:
    what a real event's sessions bring (a link and its QR code, long descriptions) shows here."""
    if not figures:
        return
    where = f"{figures['room']}, {figures['at'][5:10]} {figures['at'][11:16]}"
    if start:
        rows.append(
            memory_row(
                f"resident memory, door of 36c3 ({where})", figures["rss_kib"], start["bare"]["rss_kib"]
            )
        )
        rows.append(
            Row(
                "  start → first frame, the same (one start)",
                ms(figures["first_frame_s"] * 1000),
                ms(start["bare"]["first_frame_s"] * 1000),
                ratio(figures["first_frame_s"], start["bare"]["first_frame_s"]),
            )
        )
    else:
        rows.append(Row(f"resident memory, door of 36c3 ({where})", mib(figures["rss_kib"])))
        rows.append(Row("  start → first frame, the same (one start)", ms(figures["first_frame_s"] * 1000)))


def rows_and_budgets(figures: dict | None, rows: list[Row], budgets: list[Budget]) -> None:
    """`kiosk state` and `validate` on the 36c3 programme, against `kiosk state` on the UNESCO day."""
    if not figures:
        return
    if figures.get("available") is False:
        rows.append(Row("kiosk state / validate, 36c3 programme", "not available: " + figures["reason"]))
        budgets.append(Budget("kiosk state / validate, 36c3 programme", "not measured", False))
        return
    unesco, state, validate = figures["state_unesco"], figures["state_36c3"], figures["validate_36c3"]

    def seconds(values: dict, key: str = "wall_median_s") -> str:
        return ms(values[key] * 1000)

    runs = figures["runs"]
    rows += [
        Row(
            f"kiosk state, one room: 36c3 vs UNESCO (median of {runs})",
            seconds(state),
            "—",
            ratio(state["wall_median_s"], unesco["wall_median_s"]),
        ),
        Row("  the same, CPU time", seconds(state, "cpu_median_s"), "—", "—"),
        Row(
            "  the same, first run (no cache): wall / CPU",
            f"{seconds(state, 'first_wall_s')} / {seconds(state, 'first_cpu_s')}",
        ),
        Row("  UNESCO day: wall / CPU", f"{seconds(unesco)} / {seconds(unesco, 'cpu_median_s')}"),
        *_export_rows(figures.get("state_36c3_json"), unesco, seconds),
        Row(f"kiosk validate, 36c3 (median of {runs})", seconds(validate)),
        Row("  the same, CPU time", seconds(validate, "cpu_median_s")),
        Row(
            "  the same, first run (no cache): wall / CPU",
            f"{seconds(validate, 'first_wall_s')} / {seconds(validate, 'first_cpu_s')}",
        ),
    ]
    measured = state["wall_median_s"] / unesco["wall_median_s"]
    budgets.append(
        Budget(
            f"kiosk state on 36c3 ≤ {STATE_RATIO:g}× on the UNESCO day",
            f"{measured:.2f}×",
            measured <= STATE_RATIO,
        )
    )
    budgets.append(
        Budget(
            f"kiosk validate on 36c3 ≤ {VALIDATE_S:g} s of CPU",
            seconds(validate, "cpu_median_s"),
            validate["cpu_median_s"] <= VALIDATE_S,
        )
    )


def _export_rows(export: dict | None, unesco: dict, seconds) -> list[Row]:
    """`kiosk state` on the 36c3 JSON export itself, as a screen following it reads it; no budget."""
    if export is None:
        return []
    return [
        Row(
            "kiosk state, one room, from the 36c3 JSON export vs UNESCO",
            seconds(export),
            "—",
            ratio(export["wall_median_s"], unesco["wall_median_s"]),
        ),
        Row(
            "  the same, first run (no cache): wall / CPU",
            f"{seconds(export, 'first_wall_s')} / {seconds(export, 'first_cpu_s')}",
        ),
    ]
