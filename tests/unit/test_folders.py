"""The device's folders: /etc/kiosk, and the user's XDG folders from one place."""

from __future__ import annotations

from kiosk import folders


def test_the_users_folders_follow_xdg_and_fall_back_to_home(device, monkeypatch):
    assert folders.config_dir() == device.root / "config" / "kiosk"
    assert folders.state_dir() == device.root / "state" / "kiosk"
    assert folders.cache_dir() == device.root / "cache" / "kiosk"
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var)
    assert folders.config_dir() == device.home / ".config" / "kiosk"
    assert folders.state_dir() == device.home / ".local" / "state" / "kiosk"
    assert folders.cache_dir() == device.home / ".cache" / "kiosk"


def test_a_relative_xdg_folder_is_ignored_as_the_specification_says(device, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", "state")
    assert folders.state_dir() == device.home / ".local" / "state" / "kiosk"
