"""Files that travel with kiosk (QML, fonts, the bundled programme): the folders of the packages
kiosk.ui, kiosk.assets and kiosk.bundled, wherever the install put them (pyproject.toml)."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def _package_dir(package: str) -> Path:
    # Wheels are installed as directories, so the resource is a real path that Qt can open. The
    # package's spec says where without importlib.resources, which costs every start 5 ms of imports
    # (tempfile, shutil, zipfile: docs/performance.md); an editable install's spec points into the tree.
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"kiosk is installed without its package {package}")
    return Path(next(iter(spec.submodule_search_locations)))


def ui_dir() -> Path:
    return _package_dir("kiosk.ui")


def assets_dir() -> Path:
    return _package_dir("kiosk.assets")


def bundled_programme() -> Path:
    return _package_dir("kiosk.bundled") / "programme.yaml"
