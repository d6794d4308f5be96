"""Replacing a file so that a reader sees the old one or the new one, never half. Qt-free.

Used for everything kiosk writes that something else reads while it runs: the user's configuration,
the status file, the last good programme, a fetched programme and its cache entry.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from pathlib import Path


def write_atomically(path: str | Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, rename it over ``path``.

    The file takes ``mode``, else keeps its permissions (0644 for a new one); the folder is created
    if needed. The temporary file is readable by its owner alone until it is complete.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _remove_leftovers(path)
    # The rename itself is on disk only once the folder is.
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


# A temporary file this old is no write in progress: its writer was killed (kill -9, power cut).
LEFTOVER_AGE = 60.0


def _remove_leftovers(path: Path) -> None:
    """Remove the temporary files earlier writes of ``path`` left behind when they were killed."""
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - leftover.lstat().st_mtime > LEFTOVER_AGE:
                    leftover.unlink()
