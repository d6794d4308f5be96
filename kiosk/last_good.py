"""The last programme that loaded cleanly, kept on disk so a restart with a broken file still shows it.

Qt-free. Kept in $XDG_STATE_HOME/kiosk (default ~/.local/state/kiosk), one copy per programme source.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .atomic import write_atomically

# Python's own SHA-256, not hashlib's: importing hashlib loads OpenSSL's libcrypto (~3.5 MB resident
# in every kiosk) for this one digest of a file name. Same digest, so existing copies are still found.
try:
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256


def state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_STATE_HOME") or str(
        Path(environ.get("HOME", "~")).expanduser() / ".local" / "state"
    )
    return Path(base) / "kiosk"


def copy_path(source: str, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the last good copy of ``source`` lives (keeping the source's suffix)."""
    digest = sha256(str(source).encode()).hexdigest()[:16]
    suffix = Path(str(source)).suffix or ".yaml"
    return state_dir(environ) / f"last-good-{digest}{suffix}"


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
