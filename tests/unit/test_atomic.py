"""The one atomic write: a reader sees the old file or the new one, and a killed writer's leftovers go."""

from __future__ import annotations

import os
import stat
import time

from kiosk.atomic import LEFTOVER_AGE, write_atomically
from kiosk.status import write_status


def test_a_killed_writers_temporary_files_are_cleaned_up(tmp_path):
    """Issue 13.18: `.status.json.*.tmp` files left by kill -9 were never removed."""
    status = tmp_path / "status.json"
    old = [tmp_path / f".status.json.{n}abcd.tmp" for n in range(3)]
    for leftover in old:
        leftover.write_text("{half")
        then = time.time() - LEFTOVER_AGE - 5
        os.utime(leftover, (then, then))
    in_progress = tmp_path / ".status.json.writing.tmp"  # another writer, this very moment
    in_progress.write_text("{")
    others = [tmp_path / ".other.json.x.tmp", tmp_path / "status.json.tmp"]
    for other in others:
        other.write_text("not ours")
        os.utime(other, (0, 0))
    write_status(status, {"view": "door"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["status.json", in_progress.name, *(o.name for o in others)]
    )


def test_a_mode_can_be_asked_for(tmp_path):
    target = tmp_path / "secret.yaml"
    write_atomically(target, b"x: 1\n", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    write_atomically(target, b"x: 2\n")  # kept
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
