"""`python -m bench`: measure kiosk against a bare Qt Quick window, print the table, check the budgets.

Exit status 0 when every budget is met, 1 when one is missed, 2 when a measurement could not be taken.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from . import commands, congress, fleet, report, scenarios, soak, steps

ROOT = Path(__file__).resolve().parent.parent


def size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure `kiosk run` side by side with a bare Qt Quick window and check the budgets "
        "of docs/performance.md. Takes about six minutes with the defaults.",
    )
    p.add_argument("--size", type=size, default=(1280, 720), metavar="WxH", help="window size (1280x720)")
    p.add_argument("--start-runs", type=int, default=7, metavar="N", help="start-ups of each (7)")
    p.add_argument("--window", type=float, default=60.0, metavar="S", help="CPU and frames window (60)")
    p.add_argument("--language-period", type=float, default=10.0, metavar="S", help="in the window (10)")
    p.add_argument(
        "--saves", type=int, default=50, metavar="N", help="saves timed for the reload latency (50)"
    )
    p.add_argument(
        "--congress-saves",
        type=int,
        default=20,
        metavar="N",
        help="saves of the 1 500-session programme (20)",
    )
    p.add_argument("--soak-reloads", type=int, default=1000, metavar="N", help="reloads measured (1000)")
    p.add_argument("--soak-warm-up", type=int, default=100, metavar="N", help="reloads before (100)")
    p.add_argument("--soak-speed", type=float, default=20000.0, metavar="F", help="rehearsal speed (20000)")
    p.add_argument(
        "--soak-pace",
        type=float,
        default=0.2,
        metavar="S",
        help="seconds between saves in the soak; above the settle time (0.2)",
    )
    p.add_argument("--soak-language-period", type=float, default=3.0, metavar="S", help="(3, the least)")
    p.add_argument(
        "--command-runs", type=int, default=5, metavar="N", help="runs of each command on 36c3 (5)"
    )
    p.add_argument(
        "--only",
        choices=["start", "window", "reload", "congress", "soak", "commands", "fleet"],
        action="append",
        help="run only these parts (repeatable); budgets of the others are not checked",
    )
    p.add_argument(
        "--fleet-runs", type=int, default=3, metavar="N", help="fleet: memory runs, status runs (3)"
    )
    p.add_argument(
        "--fleet-window", type=float, default=65.0, metavar="S", help="fleet: a heartbeat's window (65)"
    )
    p.add_argument("--fleet-notices", type=int, default=30, metavar="N", help="fleet: notices timed (30)")
    p.add_argument("--programme", type=Path, default=ROOT / "programme.yaml", help="the programme shown")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write every figure as JSON")
    p.add_argument("--keep", action="store_true", help="keep the working folder (logs, status files)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    parts = args.only or ["start", "window", "reload", "congress", "soak", "commands", "fleet"]
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    setup = scenarios.Setup(workdir, args.size, args.programme.resolve())
    platform_name = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(
        f"kiosk bench: {platform_name}, {args.size[0]}x{args.size[1]}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; working in {workdir}",
        file=sys.stderr,
    )
    results: dict = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform_name,
        "size": f"{args.size[0]}x{args.size[1]}",
        "cores": os.cpu_count(),
    }
    try:
        for part in parts:
            began = time.time()
            print(f"  {part}…", file=sys.stderr, flush=True)
            if part == "start":
                results["start"] = scenarios.start_and_memory(setup, args.start_runs)
                results["overview"] = scenarios.overview_memory(setup)
                results["overview_congress"] = congress.overview_memory(setup)
                results["steps"] = steps.measure(setup, args.start_runs)
            elif part == "window":
                results["window"] = scenarios.window(setup, args.window, args.language_period)
                results["window"]["period"] = args.language_period
            elif part == "reload":
                results["reload"] = scenarios.reload_latency(setup, args.saves)
            elif part == "congress":
                results["congress"] = congress.reload_latency(setup, args.congress_saves)
            elif part == "soak":
                results["soak"] = soak.soak(
                    setup,
                    args.soak_reloads,
                    args.soak_warm_up,
                    args.soak_speed,
                    args.soak_pace,
                    args.soak_language_period,
                )
            elif part == "commands":
                try:
                    results["commands"] = commands.commands(
                        workdir, setup.source_programme, args.command_runs
                    )
                    results["door_36c3"] = commands.door(setup, workdir / "36c3.yaml")
                except commands.Unavailable as err:
                    results["commands"] = {"available": False, "reason": str(err)}
            elif part == "fleet":
                results["fleet"] = fleet.measure(
                    setup, args.fleet_runs, args.fleet_window, args.fleet_notices
                )
            print(f"  {part}: {time.time() - began:.0f} s", file=sys.stderr, flush=True)
    except scenarios.Failed as err:
        print(f"kiosk bench: {err}", file=sys.stderr)
        return 2
    finally:
        if args.json:
            args.json.write_text(json.dumps(results, indent=1, default=str) + "\n")
        if not args.keep:
            remove(workdir)
    rows, budgets = report.rows_and_budgets(results)
    print(f"\n{results['date']} — {platform_name}, {results['size']}, {results['cores']} cores\n")
    print(report.table(rows))
    print()
    print(report.budget_table(budgets))
    missed = [b.rule for b in budgets if not b.met]
    if missed:
        print(f"\nmissed: {'; '.join(missed)}")
        return 1
    print("\nevery budget met")
    return 0


def remove(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    folder.rmdir()


if __name__ == "__main__":
    sys.exit(main())
