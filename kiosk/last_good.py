"""The last programme that loaded cleanly, kept on disk so a restart with a broken file still shows it.

Qt-free. Kept in the user's state folder (kiosk.folders: $XDG_STATE_HOME/kiosk, else
~/.local/state/kiosk), one copy per programme source.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from urllib.parse import quote

from . import folders
from .atomic import write_atomically

_LONGEST = 200


def copy_path(source: str) -> Path:
    """Where the last good copy of ``source`` lives: its name says whose copy it is, with its suffix.

    The source itself, escaped (one source, one name; no digest, so no crypto library is loaded);
    a very long one is cut and told apart by its checksum, within the file system's 255 bytes.
    """
    source = str(source)
    name = quote(source, safe="")
    if len(name) > _LONGEST:
        name = f"{name[: _LONGEST - 9]}-{zlib.crc32(source.encode()):08x}"
    suffix = Path(source).suffix or ".yaml"
    folder = folders.state_dir()
    if folder is None:
        raise OSError(2, "no folder to keep it in: the user has no home")
    return folder / f"last-good-{name}{'' if name.endswith(suffix) else suffix}"


def keep(source: str, data: bytes) -> Path:
    """Save ``data`` as the last good copy of ``source``, atomically; OSError when the disk refuses."""
    target = copy_path(source)
    if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
        os.utime(target)  # still the good one: its age counts from now
        return target
    write_atomically(target, data)
    return target


def find(source: str) -> Path | None:
    try:
        path = copy_path(source)
    except OSError:
        return None
    return path if path.is_file() else None
