"""Where kiosk keeps its files on a device: /etc/kiosk, and the user's folders (the XDG base directories).

Qt-free. Read at call time, so a test (or a unit with another $HOME) sees its own folders. The XDG
rules are read here directly, not through platformdirs: a kiosk runs on Linux, and platformdirs (with the
tempfile and random it imports) cost 11 ms of every start.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "kiosk"
# The venue's configuration, the same on every device; tests point it elsewhere.
ETC_DIR = Path("/etc/kiosk")


def _user_dir(variable: str, fallback: str) -> Path | None:
    # The XDG specification: an unset, empty or relative $XDG_*_HOME is invalid and to be ignored.
    path = Path(os.environ.get(variable) or ".")
    if path.is_absolute():
        return path / APP
    try:
        return Path.home() / fallback / APP
    except RuntimeError:  # no home at all
        return None


def config_dir() -> Path | None:
    """$XDG_CONFIG_HOME/kiosk, else ~/.config/kiosk; None when there is no home."""
    return _user_dir("XDG_CONFIG_HOME", ".config")


def state_dir() -> Path | None:
    """$XDG_STATE_HOME/kiosk, else ~/.local/state/kiosk: kept across restarts (the last good programme)."""
    return _user_dir("XDG_STATE_HOME", ".local/state")


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/kiosk, else ~/.cache/kiosk: what can be fetched again (a programme's download)."""
    return _user_dir("XDG_CACHE_HOME", ".cache")
