"""The reference window: the barest Qt Quick window, started the way `kiosk run` is.

Same interpreter, same platform, same size, shown with ``show()`` as `kiosk run --windowed` does.
With ``--crossfade-period`` it also crossfades two plain rectangles on boundaries of the wall clock,
as the door switches languages, so the 60 s figures compare like with like.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickView

QML = Path(__file__).parent / "qml"


def size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.bare_window", description=__doc__)
    p.add_argument("--size", type=size, default=(1280, 720), metavar="WxH")
    p.add_argument("--quit-after", type=float, metavar="SECONDS")
    p.add_argument("--crossfade-period", type=float, default=0.0, metavar="SECONDS")
    p.add_argument("--crossfade-offset", type=float, default=0.0, metavar="SECONDS")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    app = QGuiApplication(sys.argv[:1])
    view = QQuickView()
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.setColor("#0a2240")
    view.resize(*args.size)
    view.setSource(QUrl.fromLocalFile(str(QML / ("Crossfade.qml" if args.crossfade_period else "Bare.qml"))))
    if view.status() != QQuickView.Status.Ready:
        print("; ".join(e.toString() for e in view.errors()), file=sys.stderr)
        return 1
    if args.crossfade_period:
        switch = Switcher(view, args.crossfade_period, args.crossfade_offset)
        view.rootObject().setProperty("shown", switch.index())
        switch.arm()
    view.show()
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    return app.exec()


class Switcher:
    """Flips the shown rectangle at each boundary of the wall clock, with the ticker's arithmetic."""

    def __init__(self, view: QQuickView, period: float, offset: float):
        self.view = view
        self.period = period
        self.offset = offset
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.switch)

    def index(self) -> int:
        return int((time.time() - self.offset) // self.period) % 2

    def switch(self) -> None:
        self.view.rootObject().setProperty("shown", self.index())
        self.arm()

    def arm(self) -> None:
        now = time.time() - self.offset
        wait = (math.floor(now / self.period) + 1) * self.period - now
        self.timer.start(max(1, math.ceil(wait * 1000) + 5))


if __name__ == "__main__":
    sys.exit(main())
