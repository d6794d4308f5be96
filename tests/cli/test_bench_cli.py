"""The benchmark's command answers --help (its figures are not tested: they take minutes, and depend
on the machine; `make bench` checks the budgets)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_python_m_bench_help():
    out = subprocess.run(
        [sys.executable, "-m", "bench", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "bare Qt Quick window" in out.stdout


def commands_figures(state_36c3: float, state_unesco: float, validate: float) -> dict:
    def figure(wall: float) -> dict:
        return {"wall_median_s": wall, "cpu_median_s": wall, "first_wall_s": wall, "first_cpu_s": wall}

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
    _, budgets = report.rows_and_budgets({"commands": commands_figures(0.7, 0.3, 1.2)})
    assert [(b.rule, b.measured, b.met) for b in budgets] == [
        ("kiosk state on 36c3 ≤ 2× on the UNESCO day", "2.33×", False),
        ("kiosk validate on 36c3 ≤ 1 s", "1200 ms", False),
    ]
    _, budgets = report.rows_and_budgets({"commands": {"available": False, "reason": "no file"}})
    assert [b.met for b in budgets] == [False]
