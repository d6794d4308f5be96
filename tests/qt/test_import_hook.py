"""Importing the Qt layer puts back Python's own import, so that PySide6 no longer reads (and keeps,
in linecache) the source of every module imported after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Imports the Qt layer, then a module of its own; prints whether that module's source was read, and
# that PySide6 still makes its objects and their signals.
PROGRAM = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "kiosk":
    import kiosk.qt
else:
    import PySide6
import PySide6.QtCore, PySide6.QtQml, PySide6.QtQuick
import fresh_module
from PySide6.QtCore import QObject, Signal
class Sender(QObject):
    changed = Signal(str)
heard = []
sender = Sender()
sender.changed.connect(heard.append)
sender.changed.emit("ok")
read = any(name.endswith("fresh_module.py") for name in linecache.cache)
print("read" if read else "not read", heard[0])
"""


def after_importing(first: str, folder: Path) -> str:
    (folder / "fresh_module.py").write_text("VALUE = 1\n")
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(folder), first], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_qt_layer_stops_pyside6_reading_the_source_of_later_imports(tmp_path):
    assert after_importing("kiosk", tmp_path) == "not read ok"


def test_pyside6_alone_reads_it(tmp_path):
    """What the change is for: without it, PySide6 reads every later module's source."""
    assert after_importing("PySide6", tmp_path) == "read ok"
