"""`kiosk render`, `run` and `prime`: start Qt, build a screen, show it in a window or on a PNG."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from ..clock import RehearsalClock, SystemClock, parse_when
from ..errors import ScreenError, UsageError
from ..languages import has_catalogue, with_catalogue
from ..resources import assets_dir, ui_dir
from ..sources import read_any
from .heap import return_large_blocks
from .qrcode import PANEL_INCHES
from .switcher import ScreenSwitcher, make_screen
from .window import show_screen

log = logging.getLogger("kiosk")


def _application(argv0: str = "kiosk", panel_inches: float | None = None):
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([argv0])
    load_fonts(QFontDatabase)
    # The panel's size, where the device's configuration says it: the QR codes read it (qrcode.py).
    app.setProperty(PANEL_INCHES, panel_inches)
    return app


def load_fonts(database) -> None:
    for font in sorted((assets_dir() / "fonts").glob("*.otf")):
        if database.addApplicationFont(str(font)) < 0:
            log.warning("could not load the font %s", font)


def render(args: argparse.Namespace) -> int:
    # Rendering never needs (nor uses) a display: the technician's remote preview runs over ssh.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ..config import config_from_args
    from ..notices import load_notices

    # The device's own configuration, as `kiosk run` reads it (flags win): over ssh, a technician
    # sees what this device shows, turned as its panel hangs.
    config = config_from_args(args)
    programme = read_any(config.programme_source, config.timezone, config.redirect_hosts)
    config = config.with_programme(programme)
    for problem in config.problems:
        print(f"kiosk render: {problem}", file=sys.stderr)
    notices = load_notices(config.notices_source, programme)
    at = (
        parse_when(args.at, programme.event.zone, programme.event.first_day)
        if args.at
        else SystemClock().now()
    )
    screens = config.languages or programme.event.screens
    lang = args.lang or screens[0]
    if not has_catalogue(lang):
        raise UsageError(f"--lang {lang!r}: the screens have words in {', '.join(with_catalogue())}")
    _application(panel_inches=config.panel_inches)
    # Any screen language can be previewed, even one this programme's screens do not take turns in.
    view = "setup" if args.setup else config.view
    if view == "door" and not config.room:
        raise UsageError("say which screen: --room ROOM or --overview (the configuration names no room)")
    screen = make_screen(programme, view, config.room, screens if lang in screens else (lang,))
    screen.sign_id = config.sign
    screen.bridge.set(reducedMotion=True, rotation=config.rotation)
    screen.notices = notices
    screen.show(at)
    screen.bridge.languageIndex = screen.languages.index(lang)
    image = grab(show_screen(screen, size=args.size))
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise ScreenError(f"could not write {out}: {_why_not_saved(out)}")
    print(out)
    return 0


def _why_not_saved(out: Path) -> str:
    from PySide6.QtGui import QImageWriter

    formats = sorted(bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats())
    suffix = out.suffix.lower().lstrip(".")
    if not suffix:
        return f"the name has no extension to say the format (e.g. .png; the formats: {', '.join(formats)})"
    if suffix not in formats:
        return f".{suffix} is not a picture format kiosk writes ({', '.join(formats)})"
    if not os.access(out.parent, os.W_OK):
        return f"the folder {out.parent} is not writable"
    return "the file system refused it"


def qml_files() -> list[Path]:
    return sorted(ui_dir().rglob("*.qml"))


def prime(args: argparse.Namespace) -> int:
    """Every QML file of the screens compiled into Qt's disk cache, ahead of the first start.

    Qt compiles a QML file to byte code the first time it loads it and keeps the result in its disk
    cache (CacheLocation/qmlcache: ~/.cache/kiosk/qmlcache), used while the file and Qt stay the same.
    A Python program cannot link compiled QML into its binary as a C++ one does, and the cache is keyed
    by each file's path on the device, so it cannot travel in the wheel: it is made on the device, once
    after installing or upgrading, as the user the kiosk runs as (docs/deployment.md). Without it the
    first start compiles its screen's QML before its first frame.
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # compiling needs no display
    from PySide6.QtCore import QStandardPaths, QUrl
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    _application()
    # Every module that registers `Kiosk` types for the screens (@QmlElement: bridge, qrcode…).
    for source in sorted(Path(__file__).parent.glob("*.py")):
        if "QML_IMPORT_NAME" in source.read_text(encoding="utf-8"):
            importlib.import_module(f"{__package__}.{source.stem}")
    engine = QQmlEngine()
    files = qml_files()
    for path in files:
        # Loading a component compiles it and writes the cache; nothing is created.
        component = QQmlComponent(engine, QUrl.fromLocalFile(str(path)))
        if component.isError():
            raise ScreenError("; ".join(error.toString() for error in component.errors()))
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    print(f"{len(files)} QML files compiled into {cache}/qmlcache")
    return 0


def grab(view):
    """The view's next frame as an image (offscreen: rendered on demand)."""
    view.show()
    return view.grabWindow()


def stop_on_interrupt(app) -> None:
    """Ctrl+C (SIGINT) ends the run with status 130, as it ends any command in a terminal; SIGTERM
    (`systemctl stop`, a shutdown) with status 0. Either way the event loop returns and run() stops
    what runs in order: the fleet link says offline to the broker and disconnects, then the kiosk.

    Python runs a signal handler only when it gets control back, and Qt's event loop keeps it; the
    signal's wake-up byte on a pipe makes the loop hand control over at once (no polling timer). A
    pipe, not a socket pair: the socket module is 5 ms of every start (docs/performance.md).
    """
    import signal

    from PySide6.QtCore import QSocketNotifier

    inside, outside = os.pipe()
    for end in (inside, outside):
        os.set_blocking(end, False)
    signal.set_wakeup_fd(outside, warn_on_full_buffer=False)

    # Through the event loop: a Ctrl+C before the loop runs still ends it as soon as it does.
    def stop(code: int, why: str) -> None:
        log.info("%s: stopping", why)
        QTimer.singleShot(0, lambda: app.exit(code))

    signal.signal(signal.SIGINT, lambda *_: stop(130, "interrupted (SIGINT)"))
    signal.signal(signal.SIGTERM, lambda *_: stop(0, "asked to stop (SIGTERM)"))
    notifier = QSocketNotifier(inside, QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: os.read(inside, 64))  # back in Python: the handler runs
    app._interrupt = (inside, outside, notifier)  # kept as long as the application


def run(args: argparse.Namespace) -> int:
    from ..config import config_from_args
    from .lockdown import Lockdown, show_kiosk
    from .remote import live_programme

    logging.basicConfig(level=logging.INFO, format="kiosk: %(levelname)s: %(message)s", stream=sys.stderr)
    return_large_blocks()  # a kiosk runs for days: what a crossfade frees must leave (kiosk/qt/heap.py)
    config = config_from_args(args)
    if args.speed and not args.at:
        raise UsageError("--speed goes with --at (a rehearsal)")
    app = _application(panel_inches=config.panel_inches)
    stop_on_interrupt(app)
    live = live_programme(
        config.programme_source, config.programme_refresh, config.timezone, config.redirect_hosts
    )
    programme = live.start()
    size = args.size or _first_size(config.screen, args.windowed)
    running: list = []  # the running kiosk, once there is a programme; then its fleet link, if any
    # Until the device's own screen can be shown: waiting for a first programme, or a room it lacks.
    pending = None
    if programme is not None and _unknown_room(config, programme):
        pending = _unknown_room_screen(live, config, args)
        view = show_screen(pending, None, size)
        view.frameSwapped.connect(_ready, type=Qt.ConnectionType.SingleShotConnection)
    elif programme is not None:
        running.append(_running(live, config, args))
        view = running[0].show_in(size=size)
    elif hasattr(live, "fetched"):
        # A first start with a URL and no network: the waiting screen until the programme arrives,
        # never another event's (the bundled) programme.
        _log_problems(config)
        pending = _waiting(live, config, args)
        view = show_screen(pending, None, size)
        view.frameSwapped.connect(_ready, type=Qt.ConnectionType.SingleShotConnection)
    else:
        _log_problems(config)
        raise ScreenError(f"{live.error}; and no earlier good copy of it is kept")
    # The cyclic collector, off for the start since kiosk.cli's main(), works again from the first frame.
    view.frameSwapped.connect(gc.enable, type=Qt.ConnectionType.SingleShotConnection)
    lockdown = Lockdown(view, config.exit_chord, config.setup_chord, locked=not args.windowed)
    lockdown.exit_requested.connect(app.quit)

    def arrived() -> None:
        """A programme (a first one, or a new one): the device's screen if it has the room."""
        nonlocal pending
        pending.close()
        if _unknown_room(config, live.programme):
            # Said on screen, never another room; a later programme may have it.
            pending = _unknown_room_screen(live, config, args)
            show_screen(pending, view)
            return
        live.replaced.disconnect(arrived)
        pending = None
        running.append(_running(live, config, args))
        running[0].show_in(view)
        running.extend(_attach(running[0], view, lockdown))

    if running:
        running.extend(_attach(running[0], view, lockdown))
    else:
        live.replaced.connect(arrived)
    show_kiosk(view, config.screen, windowed=args.windowed)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), lockdown.quit)  # app.quit, past the lock
    code = app.exec()
    for part in reversed(running):  # the fleet link, then the kiosk
        part.stop()
    return code


def _running(live, config, args: argparse.Namespace):
    """The device's screen for the programme ``live`` holds, with its ticker and status file."""
    from ..timesync import clock_synchronised
    from .remote import live_notices
    from .running import RunningKiosk

    programme = live.programme
    config = config.with_programme(programme)
    _log_problems(config)
    if programme is None:
        raise ScreenError(f"{live.error}; and no earlier good copy of it is kept")
    if args.at:
        at = parse_when(args.at, programme.event.zone, programme.event.first_day)
        clock = RehearsalClock(at, args.speed or 1.0)
    else:
        clock = SystemClock()
    # The on-screen setup first when no room is configured; later, the setup chord swaps screens in place.
    switcher = ScreenSwitcher(config, rehearsal=bool(args.at))
    screen = switcher.first_screen(programme)
    # A rehearsal shows its own time: whether the system clock is right does not matter to it.
    check = None if args.at else clock_synchronised
    kiosk = RunningKiosk(live, screen, clock, config.language_period, args.status_file, clock_check=check)
    kiosk.switcher, kiosk.config = switcher, config
    notices = live_notices(
        _notices_source(config), programme, config.programme_refresh, config.redirect_hosts
    )
    notices.start()
    kiosk.follow_notices(notices)
    kiosk.start()
    return kiosk


def _notices_source(config) -> str:
    """The notices file; on the fleet bus, the file where the bus's notices are kept, in its place."""
    if not config.fleet:
        return config.notices_source
    from .fleet import notices_cache

    try:
        return str(notices_cache())
    except (ValueError, OSError) as err:
        log.error("fleet: %s; following %s instead", err, config.notices_source)
        return config.notices_source


_LOGGED: set[str] = set()


def _log_problems(config) -> None:
    """The configuration's problems, each logged once (checked against the programme, some come again)."""
    for problem in config.problems:
        if problem not in _LOGGED:
            _LOGGED.add(problem)
            log.warning("%s", problem)


def _attach(kiosk, view, lockdown) -> list:
    """The kiosk's screen takes the window's first frame, the setup chord and the fleet (if any)."""
    view.frameSwapped.connect(kiosk.first_frame_shown, type=Qt.ConnectionType.SingleShotConnection)
    kiosk.switcher.attach(kiosk, lockdown)
    if not kiosk.config.fleet:  # no fleet key: no network code is even imported
        return []
    from .fleet import start_fleet

    return [start_fleet(kiosk.config, kiosk, view)]


def _unknown_room(config, programme) -> str | None:
    """A room named on the command line (kiosk@salle-9) that ``programme`` does not have."""
    return config.with_programme(programme).unknown_room


def _unknown_room_screen(live, config, args: argparse.Namespace):
    """A misspelt --room, or a programme without it: an error on screen and in the journal."""
    from .unknown_room import UnknownRoomScreen

    _log_problems(config.with_programme(live.programme))
    room = _unknown_room(config, live.programme)
    screen = UnknownRoomScreen(live.programme, room, config.languages, args.status_file)
    screen.bridge.rotation = config.rotation
    return screen


def _waiting(live, config, args: argparse.Namespace):
    from .waiting import WaitingScreen

    screen = WaitingScreen(live, config.room, config.view == "overview", config.languages, args.status_file)
    screen.bridge.rotation = config.rotation
    return screen


def _first_size(wanted: int | str | None, windowed: bool) -> tuple[int, int]:
    """The size the screen's QML is first built at: full screen, the output's own (as show_kiosk then
    sets it), so the page is laid out once, at the size it is seen at, not at 1280×720 and again."""
    from PySide6.QtGui import QGuiApplication

    from .lockdown import pick_output

    if windowed:
        return (1280, 720)
    output, _ = pick_output(wanted, QGuiApplication.screens(), QGuiApplication.primaryScreen())
    geometry = output.geometry()
    if geometry.width() <= 0 or geometry.height() <= 0:  # an output that has not said its size yet
        return (1280, 720)
    return (geometry.width(), geometry.height())


def _ready() -> None:
    from .. import systemd

    if systemd.notify("READY=1"):
        log.info("told systemd the kiosk is ready")
