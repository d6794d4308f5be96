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
