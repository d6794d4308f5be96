"""A running screen on a real Mosquitto: status out, notices and the three commands in, never in the way.

The technician's side (kiosk.fleet.operator) blocks while it waits for the screen, so it runs on a
thread of its own here, as it runs on another machine in real life; every check waits on a condition.
"""

from __future__ import annotations

import hashlib
import shutil
import threading

import pytest
import shiboken6
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk import __version__
from kiosk.clock import FakeClock, parse_when
from kiosk.fleet.operator import Session
from kiosk.qt.door import DoorScreen
from kiosk.qt.fleet import HEARTBEAT_MS, IDENTIFY_MS, NO_NOTICES, FleetScreen
from kiosk.qt.live import LiveProgramme
from kiosk.qt.remote import live_notices
from kiosk.qt.running import RunningKiosk
from tests.broker import password_file

from .conftest import ROOT


class Operator(threading.Thread):
    """One call on the technician's session, on its own thread; ``result`` once done."""

    def __init__(self, settings, call):
        super().__init__(daemon=True)
        self.settings, self.call = settings, call
        self.result = self.error = None
        self.done = threading.Event()

    def run(self):
        try:
            with Session(self.settings) as s:
                self.result = self.call(s)
        except Exception as err:
            self.error = err
        self.done.set()


def operator(qtbot, settings, call, timeout=10_000):
    job = Operator(settings, call)
    job.start()
    qtbot.waitUntil(job.done.is_set, timeout=timeout)
    if job.error:
        raise job.error
    return job.result


class Running:
    def __init__(self, tmp_path, show, qtbot, settings):
        folder = tmp_path / "programmes"
        folder.mkdir()
        self.path = folder / "programme.yaml"
        shutil.copy(ROOT / "programme.yaml", self.path)
        self.live = LiveProgramme(str(self.path))
        programme = self.live.start()
        self.clock = FakeClock(parse_when("2023-03-28T10:02", programme.event.zone))
        screen = DoorScreen(programme, "salle-i")
        self.kiosk = RunningKiosk(self.live, screen, self.clock, realtime=lambda: 0.0)
        self.kiosk.start()
        self.shown = show(screen, (1280, 720))
        self.frames = 0
        self.shown.view.frameSwapped.connect(self._frame)
        cache = tmp_path / "state" / "fleet-notices.yaml"
        cache.parent.mkdir(parents=True, exist_ok=True)
        # As `kiosk run` does on the bus: the notices followed are the ones the bus leaves in the cache.
        self.notices = live_notices(str(cache), programme)
        self.notices.start()
        self.kiosk.follow_notices(self.notices)
        self.fleet = FleetScreen(settings, self.kiosk, self.shown.view, cache)

    def _frame(self):
        self.frames += 1

    def start(self, qtbot, connected=True):
        if connected:
            with qtbot.waitSignal(self.fleet.connection_changed, timeout=10_000):
                self.fleet.start()
        else:
            self.fleet.start()


@pytest.fixture
def running(tmp_path, show, qtbot, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    made = []

    def make(settings, connected=True) -> Running:
        r = Running(tmp_path, show, qtbot, settings)
        made.append(r)
        r.start(qtbot, connected)
        return r

    yield make
    for r in made:
        r.fleet.stop()
        r.kiosk.ticker.stop()
        # Deleted here, on the GUI thread: left to Python's collector they could go on any thread
        # (paho's, in a later test), and a file watcher's socket notifier must not.
        for obj in (r.fleet, r.notices, r.kiosk, r.live):
            shiboken6.delete(obj)


def test_the_status_tells_who_and_what(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    devices = operator(qtbot, broker.settings(), lambda s: s.devices())
    status = devices["door-1"].status
    assert devices["door-1"].online is True
    assert status["device"] == "door-1" and status["version"] == __version__
    assert status["room"] == "salle-i" and status["view"] == "door" and status["status"] == "ongoing"
    assert status["programme"]["hash"] == hashlib.sha256(r.path.read_bytes()).hexdigest()
    assert status["programme"]["source"] == str(r.path) and status["programme"]["loaded_at"]
    assert status["screen"] == {"width": 1280, "height": 720, "rotation": 0}
    assert status["clock_synchronised"] in (True, False) and status["uptime"] >= 0
    assert status["last_error"] is None


def test_heartbeats_draw_no_frame(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    assert r.fleet.heartbeat.interval() == HEARTBEAT_MS and r.fleet.heartbeat.isActive()
    r.frames = 0
    for _ in range(5):
        r.fleet.heartbeat.timeout.emit()
    first = operator(qtbot, broker.settings(), lambda s: s.devices()["door-1"].status["published"])
    assert first
    assert r.frames == 0


def test_screenshot_is_the_frame_on_screen(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    shots = operator(qtbot, broker.settings(), lambda s: s.screenshots({"door-1"}))
    image = QImage.fromData(shots["door-1"], "PNG")
    assert (image.width(), image.height()) == (1280, 720)
    assert image == r.shown.view.grabWindow().convertToFormat(image.format())


def test_identify_shows_who_this_box_is_for_fifteen_seconds(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    operator(qtbot, broker.settings(), lambda s: s.command("door-1", "identify"))
    qtbot.waitUntil(lambda: r.fleet.overlay is not None and r.fleet.overlay.isVisible())
    texts = {
        name: r.fleet.overlay.findChild(QQuickItem, name).property("text")
        for name in ("device", "room", "address", "version")
    }
    assert texts == {"device": "door-1", "room": "Salle I", "address": "127.0.0.1", "version": "kiosk 0.1.0"}
    assert r.shown.view.grabWindow().pixelColor(5, 5).name() == "#ffd166"  # on screen, over the door
    assert r.fleet.identify_timer.interval() == IDENTIFY_MS and r.fleet.identify_timer.isActive()
    r.fleet.identify_timer.timeout.emit()
    assert not r.fleet.overlay.isVisible()
    assert r.shown.view.grabWindow().pixelColor(5, 5).name() != "#ffd166"


def test_reload_reads_the_programme_now(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    r.live.watcher.removePaths(r.live.watcher.files() + r.live.watcher.directories())  # no watching
    text = r.path.read_text(encoding="utf-8")
    r.path.write_text(text + "\n# edited\n", encoding="utf-8")
    with qtbot.waitSignal(r.live.replaced, timeout=10_000):
        operator(qtbot, broker.settings(), lambda s: s.command(None, "reload"))


def test_notices_are_kept_in_the_cache_the_kiosk_follows(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    cache = r.fleet.notices_cache
    operator(qtbot, broker.settings(), lambda s: s.publish_notices(b"format: 1\nnotices: [x]\n"))
    qtbot.waitUntil(lambda: cache.exists() and cache.read_bytes() == b"format: 1\nnotices: [x]\n")
    operator(qtbot, broker.settings(), lambda s: s.publish_notices(b""))  # cleared
    qtbot.waitUntil(lambda: cache.read_bytes() == NO_NOTICES)


def test_a_broker_killed_and_restarted_changes_nothing_on_screen(broker, running, qtbot):
    r = running(broker.settings("door-1"))

    def published() -> str:
        return operator(qtbot, broker.settings(), lambda s: s.devices()["door-1"].status["published"])

    first = published()
    before = r.shown.view.grabWindow()
    r.frames = 0
    with qtbot.waitSignal(r.fleet.connection_changed, timeout=10_000) as lost:
        broker.kill()
    assert lost.args == [False]
    r.fleet.heartbeat.timeout.emit()  # a heartbeat while the broker is away: nothing happens
    with qtbot.waitSignal(r.fleet.connection_changed, timeout=20_000) as back:
        broker.start()
    assert back.args == [True]
    # A fresh status once back: "last heard" is never older than the reconnection.
    qtbot.waitUntil(lambda: published() > first)
    devices = operator(qtbot, broker.settings(), lambda s: s.devices())
    assert devices["door-1"].online and devices["door-1"].status["room"] == "salle-i"
    assert r.frames == 0
    assert r.shown.view.grabWindow() == before


def test_a_refused_password_leaves_the_screen_as_it_was(tls_broker, running, qtbot, tmp_path):
    wrong = tls_broker.settings("door-1", user="door-1", password_file=password_file(tmp_path, "wrong"))
    r = running(wrong, connected=False)

    def refusals() -> int:
        return tls_broker.log.read_text().count("not authorised")

    qtbot.waitUntil(lambda: refusals() >= 1)
    before, r.frames = r.shown.view.grabWindow(), 0
    r.fleet.heartbeat.timeout.emit()
    qtbot.waitUntil(lambda: refusals() >= 2, timeout=10_000)  # tried again, after a pause
    assert not r.fleet.link.connected
    assert r.frames == 0
    assert r.shown.view.grabWindow() == before


EMERGENCY = b"""format: 1
notices:
  - id: evacuate
    kind: emergency
    text: {fr: "Evacuez le batiment", en: "Leave the building"}
"""


def test_an_emergency_pushed_on_the_bus_is_on_screen_and_kept_for_a_restart(broker, running, qtbot):
    r = running(broker.settings("door-1"))
    sign = r.kiosk.screen.bridge
    operator(qtbot, broker.settings(), lambda s: s.publish_notices(EMERGENCY))
    qtbot.waitUntil(lambda: sign.emergency, timeout=1000)  # on screen within a second
    assert any("Leave the building" in text for text in sign.emergencyTexts)
    status = operator(qtbot, broker.settings(), lambda s: s.devices()["door-1"].status)
    assert [n["id"] for n in status["notices"]] == ["evacuate"]
    assert r.fleet.notices_cache.read_bytes() == EMERGENCY  # what a restart with the broker away shows
    operator(qtbot, broker.settings(), lambda s: s.publish_notices(b""))  # cleared
    qtbot.waitUntil(lambda: not sign.emergency, timeout=1000)
