"""`kiosk prime` compiles the screens' QML into the disk cache that `kiosk run` and `render` then use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.qt.app import qml_files

ROOT = Path(__file__).resolve().parents[2]


def kiosk(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CACHE", "CONFIG", "STATE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    env.pop("QML_DISK_CACHE_PATH", None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def cached(tmp_path: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache" / "kiosk" / "qmlcache").glob("*.qmlc")}


def test_prime_compiles_every_qml_file_where_the_screens_find_them(tmp_path):
    primed = kiosk(tmp_path, "prime")
    assert primed.returncode == 0, primed.stderr
    assert primed.stderr == ""
    files = cached(tmp_path)
    assert len(files) == len(qml_files()) > 20

    shown = kiosk(
        tmp_path, "render", "--room", "salle-ix", "--at", "2023-03-28T14:40", "-o", str(tmp_path / "d.png")
    )
    assert shown.returncode == 0, shown.stderr
    # Every file the door needed was in the cache: none compiled again, none added.
    assert cached(tmp_path) == files


def test_without_it_the_first_start_compiles(tmp_path):
    shown = kiosk(
        tmp_path, "render", "--room", "salle-ix", "--at", "2023-03-28T14:40", "-o", str(tmp_path / "d.png")
    )
    assert shown.returncode == 0, shown.stderr
    assert 0 < len(cached(tmp_path)) < len(qml_files())
