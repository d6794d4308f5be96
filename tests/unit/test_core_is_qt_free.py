"""The core never imports Qt: with PySide6 unimportable, it loads and `kiosk state/rooms/validate` work."""

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT = textwrap.dedent(
    """
    import importlib.abc
    import sys

    QT = {"PySide6", "shiboken6"}
    attempts = []


    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in QT:
                attempts.append(name)
                raise ImportError(f"{name} is blocked: the core must not import Qt")
            return None


    sys.meta_path.insert(0, NoQt())
    for name in [m for m in sys.modules if m.split(".")[0] in QT]:
        del sys.modules[name]
    """
)


def run_without_qt(body: str) -> dict:
    """Run ``body`` in a fresh Python where Qt cannot be imported; it leaves its findings in ``report``."""
    script = (
        BLOCK_QT
        + "report = {}\n"
        + textwrap.dedent(body)
        + textwrap.dedent(
            """
        report["attempts"] = attempts
        report["qt_loaded"] = sorted(m for m in sys.modules if m.split(".")[0] in QT)
        import json as _json
        print("REPORT " + _json.dumps(report))
        """
        )
    )
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_PROGRAMME"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    return json.loads(line.removeprefix("REPORT "))


def test_the_blocker_really_blocks_qt() -> None:
    report = run_without_qt(
        """
        try:
            import PySide6.QtCore  # noqa: F401
        except ImportError:
            report["blocked"] = True
        """
    )
    assert report["blocked"] is True
    assert report["attempts"] == ["PySide6"]
    assert report["qt_loaded"] == []


def test_the_core_imports_no_qt() -> None:
    modules = ["kiosk.programme", "kiosk.schedule", "kiosk.clock", "kiosk.cli", "kiosk.notices"]
    if importlib.util.find_spec("kiosk.config") is not None:  # the device configuration came later
        modules.append("kiosk.config")
    report = run_without_qt(
        f"""
        import importlib
        for name in {modules!r}:
            importlib.import_module(name)
        report["imported"] = sorted(m for m in sys.modules if m.startswith("kiosk"))
        """
    )
    assert report["attempts"] == [], f"the core tried to import {report['attempts']}"
    assert report["qt_loaded"] == []
    assert set(modules) <= set(report["imported"])


def test_rooms_state_and_validate_run_without_qt() -> None:
    report = run_without_qt(
        """
        import contextlib
        import io
        from kiosk.cli import main

        for argv in (
            ["rooms"],
            ["rooms", "--json"],
            ["state", "--at", "2023-03-28T10:02", "--room", "Salle I"],
            ["state", "--at", "2023-03-28T08:02:00Z"],
            ["validate"],
        ):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = main(argv)
            report[" ".join(argv)] = [code, out.getvalue()]
        """
    )
    assert report["attempts"] == [], f"kiosk tried to import {report['attempts']}"
    assert report["qt_loaded"] == []
    assert report["rooms"] == [0, report["rooms"][1]] and report["rooms"][1].startswith(
        "salle-i\tSalle I\tRoom I\n"
    )
    assert report["rooms --json"][0] == 0
    code, out = report["state --at 2023-03-28T10:02 --room Salle I"]
    assert code == 0
    assert json.loads(out)["current"][0]["id"] == "welcome"
    code, out = report["state --at 2023-03-28T08:02:00Z"]
    assert code == 0 and len(out.splitlines()) == 6
    code, out = report["validate"]
    assert code == 0 and "valid — 6 rooms, 19 sessions" in out


def test_the_import_contract_names_every_module_of_the_core() -> None:
    """pyproject.toml's contract keeps Qt and the CLI out of the core: a new core module joins it."""
    import pkgutil
    import tomllib

    import kiosk

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if c["name"].startswith("The core imports neither"))
    modules = {f"kiosk.{m.name}" for m in pkgutil.iter_modules(kiosk.__path__)}
    outside = {"kiosk.qt", "kiosk.cli", "kiosk.demo", "kiosk.__main__", "kiosk.ui", "kiosk.assets"}
    assert sorted(modules - outside) == sorted(core["source_modules"])
