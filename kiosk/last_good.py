"""The last programme that loaded cleanly, kept on disk so a restart with a broken file still shows it.

Qt-free. Kept in $XDG_STATE_HOME/kiosk (default ~/.local/state/kiosk), one copy per programme source.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from .atomic import write_atomically

_LONGEST = 200


def state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_STATE_HOME") or str(
        Path(environ.get("HOME", "~")).expanduser() / ".local" / "state"
    )
    return Path(base) / "kiosk"


def copy_path(source: str, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the last good copy of ``source`` lives: its name says whose copy it is, with its suffix.

    The source itself, escaped (one source, one name; no digest, so no crypto library is loaded);
    a very long one is cut and told apart by its checksum, within the file system's 255 bytes.
    """
    source = str(source)
    name = quote(source, safe="")
    if len(name) > _LONGEST:
        name = f"{name[: _LONGEST - 9]}-{zlib.crc32(source.encode()):08x}"
    suffix = Path(source).suffix or ".yaml"
    return state_dir(environ) / f"last-good-{name}{'' if name.endswith(suffix) else suffix}"


def keep(source: str, data: bytes, environ: Mapping[str, str] = os.environ) -> Path | None:
    """Save ``data`` as the last good copy of ``source``, atomically; None if the disk refuses."""
    target = copy_path(source, environ)
    try:
        if target.exists() and target.read_bytes() == data:
            return target
        write_atomically(target, data)
        return target
    except OSError:
        return None


def find(source: str, environ: Mapping[str, str] = os.environ) -> Path | None:
    path = copy_path(source, environ)
    return path if path.is_file() else None
