"""Where a start's CPU time goes, step by step, kiosk's door beside the bare window (issue 15.5).

`python -m bench.steps kiosk ARGS…` runs `kiosk run ARGS…` in this process with a clock on each step
(the process's CPU time, `time.process_time`, which counts from the process's own start), and
`python -m bench.steps bare WxH` the bare window the same way; each prints one line,
``steps: {json}``, at its first frame and quits. Nothing in kiosk is changed: its functions are wrapped
from outside, so a renamed one fails here loudly instead of measuring nothing.

The figure it makes possible: the **floor** of a door's start, the bare window with the door's QML built
and drawn in place of its own rectangle, as if every line of kiosk's Python cost nothing.
"""

from __future__ import annotations

import time

START = time.process_time()  # the interpreter's start, before any import of this module's own

import importlib  # noqa: E402
import importlib.abc  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

BARE_QML = Path(__file__).parent / "qml" / "Bare.qml"
# Kiosk's steps, in order: what each wrapped function does in `kiosk run`.
KIOSK_STEPS = (
    ("kiosk.qt.app", "_application", "application, fonts"),
    ("kiosk.qt.live", "LiveSource.start", "programme read and checked"),
    ("kiosk.qt.app", "_running", "screen made (strings, ticker, notices)"),
)


class Steps:
    def __init__(self) -> None:
        self.marks: dict[str, float] = {"python started": START * 1000}

    def mark(self, name: str) -> None:
        self.marks[name] = time.process_time() * 1000

    def wrap(self, module_name: str, attribute: str, name: str) -> None:
        """Time ``module.attribute`` (a function, or a class's method) as the step ``name``."""
        owner = importlib.import_module(module_name)
        *path, last = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, last)

        def timed(*args, **kwargs):
            before = time.process_time() * 1000
            try:
                return original(*args, **kwargs)
            finally:
                self.marks[name] = self.marks.get(name, 0.0) + time.process_time() * 1000 - before

        setattr(owner, last, timed)

    def at_first_frame(self, window, quit_: Callable[[], None]) -> None:
        def done() -> None:
            self.mark("first frame")
            print("steps: " + json.dumps(self.marks), flush=True)
            quit_()

        window.frameSwapped.connect(done)


def import_qt(steps: Steps) -> None:
    """What the bare window imports and uses first, in both: PySide6 and Qt's enums made."""
    from PySide6.QtCore import Qt  # noqa: F401
    from PySide6.QtGui import QGuiApplication  # noqa: F401
    from PySide6.QtQuick import QQuickView  # noqa: F401

    steps.mark("PySide6 imported")


def run_kiosk(argv: list[str]) -> int:
    steps = Steps()
    import_qt(steps)
    # Kiosk's functions are wrapped as soon as kiosk.qt.app is imported, where `kiosk run` imports it
    # (inside the command, with what it does around that import), not before.
    sys.meta_path.insert(0, _AfterImport("kiosk.qt.app", lambda: wrap_kiosk(steps)))
    from kiosk.cli import parser

    return parser.main(["run", *argv])


def wrap_kiosk(steps: Steps) -> None:
    from PySide6.QtGui import QGuiApplication

    from kiosk.qt import app, running, window

    steps.mark("kiosk imported")
    for module_name, attribute, name in KIOSK_STEPS:
        steps.wrap(module_name, attribute, name)
    shown = window.show_screen

    def show_then_watch(*args, **kwargs):
        before = time.process_time() * 1000
        view = shown(*args, **kwargs)
        steps.mark("QML built, end")
        steps.marks["QML built"] = steps.marks["QML built, end"] - before
        steps.at_first_frame(view, lambda: QGuiApplication.instance().exit(0))
        return view

    # running.py and app.py hold show_screen by name: theirs is the one called.
    running.show_screen = app.show_screen = show_then_watch


class _AfterImport(importlib.abc.MetaPathFinder):
    """Calls ``then`` once the module ``name`` has been imported (its code run), the first time only."""

    def __init__(self, name: str, then: Callable[[], None]):
        self.name, self.then = name, then

    def find_spec(self, name, path, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run_code = spec.loader.exec_module

        def exec_module(module) -> None:
            run_code(module)
            self.then()

        spec.loader.exec_module = exec_module
        return spec


def run_bare(size: str) -> int:
    steps = Steps()
    import_qt(steps)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickView

    app = QGuiApplication(sys.argv[:1])
    view = QQuickView()
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.setColor("#0a2240")
    view.resize(*(int(n) for n in size.lower().split("x")))
    steps.mark("application, window")
    view.setSource(QUrl.fromLocalFile(str(BARE_QML)))
    steps.mark("QML built")
    steps.at_first_frame(view, lambda: app.exit(0))
    view.show()
    return app.exec()


# -- the harness ---------------------------------------------------------------------------------------
def increments(marks: dict[str, float]) -> dict[str, float]:
    """Each step's own CPU time, in the order of a start."""
    if "kiosk imported" not in marks:  # the bare window: marks in order, each the end of its step
        order = ["python started", "PySide6 imported", "application, window", "QML built", "first frame"]
        return {name: marks[name] - (marks[order[i - 1]] if i else 0.0) for i, name in enumerate(order)}
    own = {
        "python started": marks["python started"],
        "PySide6 imported": marks["PySide6 imported"] - marks["python started"],
        "kiosk imported": marks["kiosk imported"] - marks["PySide6 imported"],
    }
    for *_, name in KIOSK_STEPS:
        own[name] = marks.get(name, 0.0)
    own["QML built"] = marks["QML built"]
    own["first frame"] = marks["first frame"] - marks["QML built, end"]
    # Between the steps: the configuration, the lock-down, what `run` imports on its way.
    own["the rest of `kiosk run`"] = marks["first frame"] - sum(own.values())
    return own


def measure(setup, runs: int) -> dict:
    """Median CPU time of each step over ``runs`` starts of each, taking turns (after one of each)."""
    from .process import Launched

    command = [sys.executable, "-m", "bench.steps"]
    kiosk_args = ["--room", "salle-ix", "--at", "2023-03-28T14:40:00", "--language-period", "3600"]
    kiosk_args += ["--windowed", "--size", setup.size_text, "--programme", str(setup.source_programme)]
    found: dict[str, list[dict[str, float]]] = {"kiosk": [], "bare": []}
    for run in range(-1, runs):
        for kind in ("bare", "kiosk") if run % 2 == 0 else ("kiosk", "bare"):
            args = ["kiosk", *kiosk_args] if kind == "kiosk" else ["bare", setup.size_text]
            process = Launched(f"steps-{kind}-{run}", [*command, *args], setup.workdir)
            try:
                process.popen.wait(timeout=60)
            finally:
                process.stop()
            line = next((ln for ln in process.log_text().splitlines() if ln.startswith("steps: ")), None)
            if line is None:
                raise RuntimeError(f"bench.steps {kind} printed no steps: {process.last_words()}")
            if run >= 0:
                found[kind].append(json.loads(line.removeprefix("steps: ")))
    result: dict = {}
    for kind, all_marks in found.items():
        own = [increments(marks) for marks in all_marks]
        result[kind] = {name: statistics.median(o[name] for o in own) for name in own[0]}
        result[kind]["total"] = statistics.median(m["first frame"] for m in all_marks)
    return result


def main(argv: list[str]) -> int:
    if argv[:1] == ["kiosk"]:
        return run_kiosk(argv[1:])
    if argv[:1] == ["bare"] and len(argv) == 2:
        return run_bare(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
