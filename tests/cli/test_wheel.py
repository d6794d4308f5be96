"""The wheel: built from the project's files, it carries every QML file, the fonts with their licence and
the programme, and once installed elsewhere `kiosk render` works from any directory.

The wheel is built offline from a copy of the tree (`pip wheel --no-deps --no-build-isolation`, with the
test environment's setuptools), so the tree's own build/ never leaks stale files into it. It is
installed with `pip install --no-deps --target` into a folder that becomes the only place `kiosk` can
come from; PySide6 and the other dependencies are the running environment's.
A full `pip install .` into a fresh virtual environment downloads PySide6 and is left to the deployment
guide (docs/deployment.md); this is the same wheel that pip builds there.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a build reads: the project's metadata, its packages, and the data that travels with them.
BUILD_INPUTS = ("pyproject.toml", "README.md", "kiosk", "ui", "assets", "bundled", "programme.yaml")
DATA_DIRS = {"ui": "kiosk/ui", "assets": "kiosk/assets"}  # tree folder -> place in the wheel
LIMIT = 60  # seconds, for any one step


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=LIMIT, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A copy of the build's inputs as they are in the tree, symlinks kept as symlinks."""
    src = tmp_path_factory.mktemp("src")
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    return src


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    run([*pip_wheel, "--quiet", "-w", str(out), str(source)])
    wheels = list(out.glob("kiosk-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    pip_install = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index"]
    run([*pip_install, "--quiet", "--target", str(target), str(wheel)])
    return target


def data_files(source: Path, folder: str) -> set[str]:
    """Every file of a data folder as the wheel should name it (Python files and caches aside)."""
    base = source / folder
    return {
        f"{DATA_DIRS[folder]}/{path.relative_to(base).as_posix()}"
        for path in base.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    }


def test_the_wheel_holds_every_qml_file_font_and_licence(source: Path, wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for folder in DATA_DIRS:
            expected = data_files(source, folder)
            assert expected, folder
            assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
            extra = {n for n in names if n.startswith(DATA_DIRS[folder] + "/") and not n.endswith(".py")}
            assert extra == expected, f"in the wheel but not in {folder}/: {sorted(extra - expected)}"
            for name in expected:  # the very bytes of the tree
                tree_file = source / folder / name.removeprefix(DATA_DIRS[folder] + "/")
                assert archive.read(name) == tree_file.read_bytes(), name
    # The ones the screens cannot do without, named, so that an empty folder cannot pass.
    for name in (
        "kiosk/ui/Door.qml",
        "kiosk/ui/components/qmldir",
        "kiosk/ui/components/Theme.qml",
        "kiosk/assets/fonts/Inter-Regular.otf",
        "kiosk/assets/fonts/Inter-Bold.otf",
        "kiosk/assets/fonts/LICENSE-Inter.txt",
    ):
        assert name in names, name
    assert {n for n in names if n.startswith("kiosk/ui/") and n.endswith(".qml")} >= {
        f"kiosk/ui/{p.relative_to(source / 'ui').as_posix()}" for p in (source / "ui").rglob("*.qml")
    }


def test_the_programme_travels_as_a_real_file(source: Path, wheel: Path) -> None:
    assert (source / "bundled" / "programme.yaml").is_symlink()  # in the tree: a link to ../programme.yaml
    with zipfile.ZipFile(wheel) as archive:
        info = archive.getinfo("kiosk/bundled/programme.yaml")
        assert not stat.S_ISLNK(info.external_attr >> 16), "stored as a symlink"
        assert archive.read(info) == (source / "programme.yaml").read_bytes()


def test_the_wheel_holds_the_package_and_nothing_else(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        tops = {name.split("/", 1)[0] for name in names}
        version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
        assert tops == {"kiosk", f"kiosk-{version}.dist-info"}
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        for package in ("kiosk/qt/app.py", "kiosk/programme/__init__.py", "kiosk/sources/__init__.py"):
            assert package in names, package
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt")))
        assert "kiosk = kiosk.cli:main" in entry_points.decode()


def clean_env(home: Path, site: Path | None = None) -> dict[str, str]:
    """The environment of a device user: no KIOSK_* settings, an empty home, offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "PYTHON"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".state"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    if site:
        env["PYTHONPATH"] = str(site)
    return env


PROBE = """
import json, sys
import kiosk.cli, kiosk.qt.app
from kiosk import resources
files = {name: getattr(module, "__file__", None) for name, module in sys.modules.items()
         if name == "kiosk" or name.startswith("kiosk.")}
print(json.dumps({"modules": files, "ui": str(resources.ui_dir()), "assets": str(resources.assets_dir()),
                  "programme": str(resources.bundled_programme())}))
"""


def test_the_installed_kiosk_comes_from_the_install_not_the_tree(installed: Path, tmp_path: Path) -> None:
    found = json.loads(
        run([sys.executable, "-c", PROBE], cwd=tmp_path, env=clean_env(tmp_path, installed)).stdout
    )
    assert found["modules"]["kiosk"] == str(installed / "kiosk" / "__init__.py")
    outside = {n: f for n, f in found["modules"].items() if f and not f.startswith(str(installed) + os.sep)}
    assert not outside, outside
    assert found["ui"] == str(installed / "kiosk" / "ui")
    assert found["assets"] == str(installed / "kiosk" / "assets")
    programme = Path(found["programme"])
    assert programme == installed / "kiosk" / "bundled" / "programme.yaml"
    assert programme.is_file() and not programme.is_symlink()


def test_the_installed_kiosk_renders_from_another_directory(
    installed: Path, source: Path, tmp_path: Path
) -> None:
    """The installed command, run from an empty folder, draws the same picture as the source tree."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    args = ["render", "--room", "Salle IX", "--at", "2023-03-28T14:30", "--lang", "fr", "--size", "540x960"]
    script = installed / "bin" / "kiosk"
    assert script.is_file()
    result = run([str(script), *args, "-o", "door.png"], cwd=elsewhere, env=clean_env(tmp_path, installed))
    assert result.stdout.strip() == "door.png"
    assert "Traceback" not in result.stderr and "could not" not in result.stderr, result.stderr
    picture = (elsewhere / "door.png").read_bytes()
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(picture[16:20], "big"), int.from_bytes(picture[20:24], "big")
    assert (width, height) == (540, 960)
    assert len(picture) > 20_000  # text and panels; one flat colour would be a few hundred bytes
    # The sources the wheel was built from draw the same frame: the install found its QML, its fonts and
    # its programme (a missing font would fall back on another and change the picture).
    reference = tmp_path / "reference.png"
    run(
        [sys.executable, "-m", "kiosk", *args, "-o", str(reference)],
        cwd=source,
        env=clean_env(tmp_path, source),
    )
    assert picture == reference.read_bytes()


def test_the_installed_kiosk_lists_the_bundled_rooms(installed: Path, tmp_path: Path) -> None:
    result = run(
        [str(installed / "bin" / "kiosk"), "rooms"], cwd=tmp_path, env=clean_env(tmp_path, installed)
    )
    assert result.stdout.splitlines()[0] == "salle-i\tSalle I\tRoom I"
    assert len(result.stdout.splitlines()) == 6
