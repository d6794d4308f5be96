"""Files that travel with kiosk (QML, fonts, the bundled programme), found through importlib.resources."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_dir(package: str) -> Path:
    # Wheels are installed as directories, so the resource is a real path that Qt can open.
    return Path(str(files(package)))


def ui_dir() -> Path:
    return _package_dir("kiosk.ui")


def assets_dir() -> Path:
    return _package_dir("kiosk.assets")


def bundled_programme() -> Path:
    return _package_dir("kiosk.bundled") / "programme.yaml"
