"""The benchmark's command answers --help (its figures are not tested: they take minutes, and depend
on the machine; `make bench` checks the budgets)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_python_m_bench_help():
    out = subprocess.run(
        [sys.executable, "-m", "bench", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "bare Qt Quick window" in out.stdout


def commands_figures(state_36c3: float, state_unesco: float, validate: float) -> dict:
    def figure(wall: float) -> dict:
        return {"wall_median_s": wall, "cpu_median_s": wall / 2, "first_wall_s": wall, "first_cpu_s": wall}

    return {
        "runs": 5,
        "state_unesco": figure(state_unesco),
        "state_36c3": figure(state_36c3),
        "validate_36c3": figure(validate),
    }


def test_the_big_programme_budgets_are_checked():
    from bench import report

    _, budgets = report.rows_and_budgets({"commands": commands_figures(0.5, 0.3, 0.6)})
    assert [b.met for b in budgets] == [True, True]
    _, budgets = report.rows_and_budgets({"commands": commands_figures(0.7, 0.3, 2.4)})
    assert [(b.rule, b.measured, b.met) for b in budgets] == [
        ("kiosk state on 36c3 ≤ 2× on the UNESCO day", "2.33×", False),
        ("kiosk validate on 36c3 ≤ 1 s of CPU", "1200 ms", False),
    ]
    _, budgets = report.rows_and_budgets({"commands": {"available": False, "reason": "no file"}})
    assert [b.met for b in budgets] == [False]


def test_state_from_the_36c3_export_is_set_beside_the_unesco_day_without_a_budget():
    from bench import report

    figures = commands_figures(0.5, 0.3, 0.6)
    without, budgets = report.rows_and_budgets({"commands": figures})
    figures["state_36c3_json"] = {"wall_median_s": 0.45, "first_wall_s": 0.9, "first_cpu_s": 0.8}
    rows, again = report.rows_and_budgets({"commands": figures})
    added = [r for r in rows if r not in without]
    assert [(r.figure, r.kiosk, r.ratio) for r in added] == [
        ("kiosk state, one room, from the 36c3 JSON export vs UNESCO", "450 ms", "1.50×"),
        ("  the same, first run (no cache): wall / CPU", "900 ms / 800 ms", "—"),
    ]
    assert again == budgets


def test_a_door_of_the_real_congress_is_set_beside_the_bare_window_without_a_budget():
    from bench import commands, report

    door = {"room": "ada", "at": "2019-12-28T12:00", "rss_kib": 90 * 1024, "first_frame_s": 0.6}
    start = {"bare": {"rss_kib": 60 * 1024, "first_frame_s": 0.3}}
    rows, budgets = report.rows_and_budgets({"door_36c3": door, "start": None})
    assert [(r.figure, r.kiosk) for r in rows] == [
        ("resident memory, door of 36c3 (ada, 12-28 12:00)", "90.0 MiB"),
        ("  start → first frame, the same (one start)", "600 ms"),
    ]
    rows = []
    commands.door_rows(door, start, rows)
    assert [r.ratio for r in rows] == ["1.50×", "2.00×"]
    assert budgets == []


def fleet_figures(fleet_kib: float, frames: int, notice_p95: float, status_s: float) -> dict:
    return {
        "available": True,
        "memory": {
            "bare": {"rss_kib": 60_000, "rss_all_kib": [60_000]},
            "door": {"rss_kib": 75_000, "rss_all_kib": [75_000]},
            "fleet": {"rss_kib": fleet_kib, "rss_all_kib": [fleet_kib]},
        },
        "heartbeats": {"seconds": 65, "statuses_published": 3, "minute_changes": 1, "frames": frames,
                       "frames_outside_minutes": frames},
        "notices": {"published": 30, "missed": 0, "status_ms_p50": 150, "status_ms_p95": 200,
                    "frame_ms_p50": 160, "frame_ms_p95": notice_p95, "frames_found": 30},
        "status": {"devices": 500, "lines": 500, "runs": 3, "s_p50": status_s, "s_max": status_s},
    }  # fmt: skip


def test_the_fleet_budgets_are_checked():
    from bench import report

    _, budgets = report.rows_and_budgets({"fleet": fleet_figures(82_000, 0, 300, 0.8)})
    assert [b.met for b in budgets] == [True, True, True, True]
    _, budgets = report.rows_and_budgets({"fleet": fleet_figures(83_000, 2, 600, 1.2)})
    assert [b.met for b in budgets] == [False, False, False, False]  # 1.3 × 60 000 KiB + 5 MB = 82 883 KiB


def steps_of(kind_and_args: list[str], tmp_path) -> dict:
    import json
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    out = subprocess.run(
        [sys.executable, "-m", "bench.steps", *kind_and_args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    (line,) = [ln for ln in out.stdout.splitlines() if ln.startswith("steps: ")]
    return json.loads(line.removeprefix("steps: "))


def test_a_real_start_is_timed_step_by_step(tmp_path):
    """bench/steps.py wraps kiosk's own functions from outside: a renamed one must fail here, not
    quietly measure nothing."""
    from bench import steps

    kiosk = steps_of(
        ["kiosk", "--room", "salle-ix", "--at", "2023-03-28T14:40:00", "--windowed", "--size", "640x360",
         "--programme", str(ROOT / "programme.yaml")],
        tmp_path,
    )  # fmt: skip
    own = steps.increments(kiosk)
    for *_, name in steps.KIOSK_STEPS:  # each wrapped step ran and took its time
        assert kiosk[name] > 0, name
    assert all(value > 0 for value in own.values()), own
    assert sum(own.values()) == pytest.approx(kiosk["first frame"])
    bare = steps.increments(steps_of(["bare", "640x360"], tmp_path))
    assert list(bare) == ["python started", "PySide6 imported", "application, window", "QML built",
                          "first frame"]  # fmt: skip
    assert all(value > 0 for value in bare.values()), bare


def test_the_floor_sets_the_doors_qml_in_the_bare_windows_place():
    from bench import report

    kiosk = {
        "python started": 30,
        "PySide6 imported": 100,
        "kiosk imported": 90,
        "QML built": 60,
        "first frame": 10,
        "total": 330,
    }
    bare = {"python started": 30, "PySide6 imported": 100, "application, window": 5, "QML built": 5,
            "first frame": 5, "total": 145}  # fmt: skip
    rows, budgets = report.rows_and_budgets({"steps": {"kiosk": kiosk, "bare": bare}, "start": None})
    assert budgets == []
    rows = []
    report.step_rows({"kiosk": kiosk, "bare": bare}, rows)
    (floor,) = [row for row in rows if "floor" in row.figure]
    assert (floor.kiosk, floor.bare, floor.ratio) == ("205 ms", "145 ms", "1.41×")  # 145 - 10 + 70
