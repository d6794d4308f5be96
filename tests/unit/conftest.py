"""What the unit tests share."""

from pathlib import Path

import pytest


@pytest.fixture
def programme_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The checked-programme cache's folder (kiosk/programme/cache.py), kept in tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "kiosk" / "programmes"
