"""Where kiosk keeps its files on a device: /etc/kiosk, and the user's folders (XDG, through platformdirs).

Qt-free. Read at call time, so a test (or a unit with another $HOME) sees its own folders.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "kiosk"
# The venue's configuration, the same on every device; tests point it elsewhere.
ETC_DIR = Path("/etc/kiosk")


def _user_dir(found: str, fallback: str) -> Path | None:
    # The XDG specification: a relative $XDG_*_HOME is invalid and to be ignored (platformdirs keeps it).
    path = Path(found)
    if path.is_absolute():
        return path
    try:
        return Path.home() / fallback / APP
    except RuntimeError:  # no home at all
        return None


def config_dir() -> Path | None:
    """$XDG_CONFIG_HOME/kiosk, else ~/.config/kiosk; None when there is no home."""
    return _user_dir(platformdirs.user_config_dir(APP), ".config")


def state_dir() -> Path | None:
    """$XDG_STATE_HOME/kiosk, else ~/.local/state/kiosk: kept across restarts (the last good programme)."""
    return _user_dir(platformdirs.user_state_dir(APP), ".local/state")


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/kiosk, else ~/.cache/kiosk: what can be fetched again (a programme's download)."""
    return _user_dir(platformdirs.user_cache_dir(APP), ".cache")
