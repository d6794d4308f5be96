"""`kiosk render` and `kiosk run`: start Qt, build a screen, show it in a window or on a PNG."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from ..clock import RehearsalClock, SystemClock, parse_when
from ..errors import ScreenError, UsageError
from ..programme import Programme
from ..resources import assets_dir, ui_dir
from ..schedule import resolve_room
from ..sources import read_any

log = logging.getLogger("kiosk")


def _application(argv0: str = "kiosk"):
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([argv0])
    load_fonts(QFontDatabase)
    return app


def load_fonts(database) -> None:
    for font in sorted((assets_dir() / "fonts").glob("*.otf")):
        if database.addApplicationFont(str(font)) < 0:
            log.warning("could not load the font %s", font)


def make_screen(programme: Programme, args: argparse.Namespace, languages: tuple[str, ...] | None = None):
    """The screen the arguments ask for: a room's door, or the overview (or `render --setup`'s setup)."""
    if getattr(args, "setup", False):
        from .setup import SetupScreen

        return SetupScreen(programme)  # as on a first start
    if getattr(args, "overview", False):
        from .overview import OverviewScreen

        return OverviewScreen(programme, languages)
    if not args.room:
        raise UsageError("say which screen: --room ROOM or --overview")
    from .door import DoorScreen

    return DoorScreen(programme, resolve_room(programme, args.room), languages)


def make_view(screen, size: tuple[int, int] | None = None):
    """A QQuickView showing ``screen``'s QML with its bridge pushed in as required properties."""
    from PySide6.QtCore import QUrl
    from PySide6.QtQuick import QQuickView

    view = QQuickView()
    # The view owns the bridge, so the QML goes before the objects it binds to (no null bindings at exit).
    screen.bridge.setParent(view)
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.setColor("#0a2240")
    view.setInitialProperties(screen.initial_properties())
    if size:
        view.resize(*size)
    view.setSource(QUrl.fromLocalFile(str(ui_dir() / screen.qml)))
    if view.status() != QQuickView.Status.Ready:
        errors = "; ".join(e.toString() for e in view.errors())
        raise ScreenError(f"the screen could not be built: {errors}")
    return view


def render(args: argparse.Namespace) -> int:
    # Rendering never needs (nor uses) a display: the technician's remote preview runs over ssh.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ..config import config_from_args

    programme = read_any(config_from_args(args).programme_source)
    at = parse_when(args.at, programme.event.zone) if args.at else SystemClock().now()
    lang = args.lang or programme.event.languages[0]
    if lang not in programme.event.languages:
        raise UsageError(
            f"--lang {lang!r}: the programme's languages are {', '.join(programme.event.languages)}"
        )
    _application()
    screen = make_screen(programme, args)
    screen.bridge.reducedMotion = True
    screen.show(at)
    screen.bridge.languageIndex = screen.languages.index(lang)
    view = make_view(screen, args.size)
    image = grab(view)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        print(f"kiosk render: could not write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0


def grab(view):
    """The view's next frame as an image (offscreen: rendered on demand)."""
    view.show()
    return view.grabWindow()


def run(args: argparse.Namespace) -> int:
    from ..config import config_from_args
    from .live import live_programme
    from .lockdown import Lockdown, show_kiosk
    from .running import RunningKiosk
    from .setup import ScreenSwitcher

    logging.basicConfig(level=logging.INFO, format="kiosk: %(levelname)s: %(message)s", stream=sys.stderr)
    config = config_from_args(args)
    for problem in config.problems:
        log.warning("%s", problem)
    app = _application()
    live = live_programme(config.programme_source, config.programme_refresh)
    programme = live.start()
    if programme is None:
        raise ScreenError(f"{live.error}; and no earlier good copy of it is kept")
    config = config.with_programme(programme)
    for problem in config.problems:
        log.warning("%s", problem)
    if args.at:
        clock = RehearsalClock(parse_when(args.at, programme.event.zone), args.speed or 1.0)
    elif args.speed:
        raise UsageError("--speed goes with --at (a rehearsal)")
    else:
        clock = SystemClock()
    # The on-screen setup first when no room is configured; later, the setup chord swaps screens in place.
    switcher = ScreenSwitcher(config, rehearsal=bool(args.at))
    screen = switcher.first_screen(programme)
    kiosk = RunningKiosk(live, screen, clock, config.language_period, args.status_file)
    kiosk.start()
    view = make_view(screen, args.size or (1280, 720))
    view.frameSwapped.connect(kiosk.first_frame_shown, type=Qt.ConnectionType.SingleShotConnection)
    lockdown = Lockdown(view, config.exit_chord, config.setup_chord, locked=not args.windowed)
    lockdown.exit_requested.connect(app.quit)
    switcher.attach(view, kiosk, lockdown)
    show_kiosk(view, config.screen, windowed=args.windowed)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), lockdown.quit)  # app.quit, past the lock
    code = app.exec()
    kiosk.ticker.stop()
    return code
