"""A running kiosk on the fleet bus: its status out, notices and the three commands in.

The network is paho-mqtt's own thread (kiosk.fleet.client). What arrives is handed to the GUI
thread by queued signals; notices never even come here: paho's thread writes them to the notices
cache file, which the running kiosk follows exactly like a notices file (so a restart with the
broker away keeps them). Publishing the status only reads the screen: no frame is drawn for it.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, QUrl, Signal
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from .. import __version__
from ..atomic import write_atomically
from ..fleet.client import DeviceLink
from ..fleet.report import device_status
from ..fleet.settings import FleetSettings, settings_from_config
from ..folders import state_dir
from ..resources import ui_dir
from ..timesync import kernel_synchronised
from .bridge import IdentifySign

log = logging.getLogger("kiosk")

HEARTBEAT_MS = 60_000
IDENTIFY_MS = 15_000
# What a cleared notices topic (an empty retained message) leaves in the cache: no notices.
NO_NOTICES = b"format: 1\nnotices: []\n"
NOTICES_CACHE = "fleet-notices.yaml"  # in the kiosk's state folder, beside the last good programme


class FleetScreen(QObject):
    """The bus side of a RunningKiosk shown in ``window``."""

    command_arrived = Signal(str)  # from paho's thread, queued to the GUI thread
    connection_changed = Signal(bool)

    def __init__(
        self,
        settings: FleetSettings,
        kiosk,
        window: QQuickWindow,
        notices_cache: Path,
        rotation: int = 0,
        # The kernel's answer, a system call: asked on every status, on the GUI thread (timedatectl is
        # asked on a worker thread by the running kiosk, kiosk/qt/clockwatch.py).
        synchronised: Callable[[], bool | None] = kernel_synchronised,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.settings, self.kiosk, self.window = settings, kiosk, window
        self.notices_cache = notices_cache
        self.rotation = rotation
        self.synchronised = synchronised
        self.started = dt.datetime.now(dt.UTC)
        self._monotonic_start = time.monotonic()
        self.loaded_at: dt.datetime | None = dt.datetime.now(dt.UTC) if kiosk.live.programme else None
        self.address = ""
        self.link = DeviceLink(settings, self._notices, self.command_arrived.emit, self._connection)
        self.command_arrived.connect(self.run_command)
        self.connection_changed.connect(self._back_on_the_bus)  # a method: queued to the GUI thread
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.publish_status)
        kiosk.ticker.ticked.connect(self.publish_status)
        kiosk.live.replaced.connect(self._programme_loaded)
        kiosk.live.want_digests()  # the status says which programme by its SHA-256
        kiosk.live.problem_changed.connect(self.publish_status)
        # The window owns the sign, so the overlay's QML goes before the object it binds to.
        self.identify_sign = IdentifySign(window)
        self.overlay: QQuickItem | None = None
        self.identify_timer = QTimer(self)
        self.identify_timer.setSingleShot(True)
        self.identify_timer.setInterval(IDENTIFY_MS)
        self.identify_timer.timeout.connect(self._identified)

    def start(self) -> None:
        self.publish_status()
        self.link.start()
        self.heartbeat.start()

    def stop(self) -> None:
        self.heartbeat.stop()
        self.link.stop()
        if self.overlay is not None:
            self.overlay.setParentItem(None)
            self.overlay.deleteLater()
            self.overlay = None

    # -- status ----------------------------------------------------------------------------------
    def status(self) -> dict:
        kiosk, live = self.kiosk, self.kiosk.live
        now = dt.datetime.now(dt.UTC)
        uptime = time.monotonic() - self._monotonic_start
        return device_status(
            kiosk.status_document(),
            device=self.settings.device,
            version=__version__,
            programme_source=getattr(live, "url", None) or getattr(live, "name", None),
            programme_hash=getattr(live, "digest", None),
            loaded_at=self.loaded_at,
            clock_synchronised=self.synchronised(),
            size=(self.window.width(), self.window.height()),
            rotation=self.rotation,
            started=now - dt.timedelta(seconds=uptime),
            now=now,
            last_error=live.error,
        )

    def publish_status(self) -> None:
        try:
            self.link.publish_status(self.status())
        except Exception:  # the bus never takes the screen down
            log.exception("fleet: the status could not be made")

    def _back_on_the_bus(self, up: bool) -> None:
        # A fresh status (the link has sent the last one again as it was, with its old time).
        if up:
            self.publish_status()

    def _programme_loaded(self) -> None:
        self.loaded_at = dt.datetime.now(dt.UTC)
        self.publish_status()

    # -- paho's thread ---------------------------------------------------------------------------
    def _notices(self, data: bytes) -> None:
        """Keep the bus's notices document in the cache the kiosk follows (paho's thread, never GUI)."""
        data = data or NO_NOTICES
        try:
            if self.notices_cache.exists() and self.notices_cache.read_bytes() == data:
                return
            write_atomically(self.notices_cache, data)
            log.info("fleet: notices received (%d bytes), kept in %s", len(data), self.notices_cache)
        except OSError as err:
            log.error("fleet: cannot keep the notices in %s: %s", self.notices_cache, err.strerror)

    def _connection(self, up: bool, why: str) -> None:
        if up:
            try:
                self.address = self.link.client.socket().getsockname()[0]
            except (AttributeError, OSError):
                self.address = ""
        self.connection_changed.emit(up)

    # -- commands (GUI thread) -------------------------------------------------------------------
    def run_command(self, command: str) -> None:
        log.info("fleet: command %s", command)
        if command == "screenshot":
            self.link.publish_screenshot(self.screenshot())
        elif command == "identify":
            self.identify()
        elif command == "reload":
            self.kiosk.live.reload()
            notices = getattr(self.kiosk, "notices", None)  # the notices the kiosk follows, if any
            if notices is not None:
                notices.reload()

    def screenshot(self) -> bytes:
        """The frame on screen, as PNG."""
        image = self.window.grabWindow()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def identify(self) -> None:
        """The device id, room, address and version, large, over the screen for IDENTIFY_MS."""
        screen = self.kiosk.screen
        programme = screen.programme
        shown_room = getattr(getattr(screen, "state", None), "room", None)
        room = ""
        if shown_room is not None:
            room = shown_room.name.get(screen.languages[0], programme.event.languages)
        elif screen.view == "overview":
            room = programme.event.title.get(screen.languages[0], programme.event.languages)
        self.identify_sign.set(
            device=self.settings.device,
            room=room,
            address=self.address or "no address",
            version=f"kiosk {__version__}",
            rotation=self.rotation,
        )
        if self.overlay is None:
            self.overlay = self._make_overlay()
        if self.overlay is not None:
            self.overlay.setVisible(True)
        self.identify_timer.start()

    def _make_overlay(self) -> QQuickItem | None:
        engine = self.window.engine()
        component = QQmlComponent(engine, QUrl.fromLocalFile(str(ui_dir() / "Identify.qml")))
        item = component.createWithInitialProperties({"sign": self.identify_sign})
        if item is None:
            log.error("fleet: the identify overlay could not be built: %s", component.errorString())
            return None
        item.setParent(self.window.contentItem())
        item.setParentItem(self.window.contentItem())
        return item

    def _identified(self) -> None:
        if self.overlay is not None:
            self.overlay.setVisible(False)


def notices_cache() -> Path:
    """Where a screen on the bus keeps the bus's notices: the notices file it follows instead of its own.

    The folder is made now, so that the notices' file watch can watch it before the first notices come.
    """
    folder = state_dir()
    if folder is None:
        raise ValueError("no home folder to keep the fleet's notices in")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / NOTICES_CACHE


def start_fleet(config, kiosk, window: QQuickWindow) -> FleetScreen | None:
    """Put the running kiosk on the bus its configuration names; None (and no network) without `fleet:`."""
    try:
        settings = settings_from_config(config)
        if settings is None:
            return None
        fleet = FleetScreen(settings, kiosk, window, notices_cache(), rotation=config.rotation, parent=window)
    except (ValueError, OSError) as err:  # a bad key or an unreadable password file: standalone, said why
        log.error("fleet: %s; the screen runs standalone", err)
        return None
    fleet.start()
    return fleet
