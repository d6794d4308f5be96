"""A first start with a programme URL and no network (issue 13.3, 13.15): a designed waiting screen,
tries with a growing wait, the real screen as soon as the programme arrives; never another event's."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.qt.remote import RemoteProgramme
from kiosk.qt.waiting import WaitingScreen

from ..web_server import Server
from .conftest import ROOT, SIZES
from .scene import plain, qml, walk


@pytest.fixture
def offline(tmp_path, monkeypatch, qtbot):
    """A programme URL on a loopback port nobody answers yet, and the live programme for it."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    server = Server()
    server.start()
    server.stop()
    live = RemoteProgramme(server.url, refresh_seconds=300, cache_dir=tmp_path / "cache")
    yield server, live
    qtbot.waitUntil(lambda: not live.fetching, timeout=5000)


NAMES = ("title", "screen", "source", "attempt")


def texts(view, keep: list) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    items = [i for i in walk(view.rootObject()) if i.objectName() in NAMES]
    keep.extend(items)
    for item in items:
        found.setdefault(item.objectName(), []).append(item.property("text"))
        assert plain(item)
        assert not item.property("truncated"), f"{item.property('text')!r} is cut"
    return found


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_waiting_screen_names_the_room_and_the_host_in_each_language(offline, show, qtbot, size):
    _server, live = offline
    assert live.start() is None
    screen = WaitingScreen(live, "salle-ix", languages=("fr", "en"))
    shown = show(screen, size)
    keep: list = []
    found = texts(shown.view, keep)
    assert found["title"] == ["En attente du programme", "Waiting for the programme"]
    assert found["screen"] == ["Écran de la salle salle-ix", "Screen for room salle-ix"]
    assert found["source"] == ["Programme demandé à 127.0.0.1", "Programme requested from 127.0.0.1"]
    qtbot.waitUntil(lambda: live.refresh.isActive() and not live.fetching, timeout=5000)
    attempts = texts(shown.view, keep)["attempt"]
    assert attempts[0].startswith("Nouvel essai à ") and attempts[1].startswith("Next try at ")
    screen.close()


# -- `kiosk run`, whole, in a process of its own ---------------------------------------------------
RUN = (
    "import sys, kiosk.folders as f\n"
    "f.ETC_DIR = f.Path(sys.argv.pop(1))\n"
    "from kiosk.cli import main\n"
    "sys.exit(main())\n"
)


def run_salle_ix(tmp_path: Path, url: str, status_file: Path, **env: str) -> subprocess.Popen:
    """`kiosk run --room salle-ix` on the programme at ``url``, in a process of its own with a home and
    folders of its own (and ``env``), for at most 60 s; its journal on stderr."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
    environment |= {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-c", RUN, str(tmp_path / "etc"), "run", "--room", "salle-ix"]
    command += ["--programme", url, "--status-file", str(status_file), "--quit-after", "60"]
    return subprocess.Popen(command, env=environment | env, stderr=subprocess.PIPE, text=True)


def wait_for(status_file: Path, condition, process, timeout: float = 30.0) -> dict:
    """The status file once ``condition`` holds (polled: another process writes it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            data = json.loads(status_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if data is not None and condition(data):
            return data
        time.sleep(0.05)
    raise AssertionError(f"the status file never said it: {status_file.read_text(encoding='utf-8')}")


def test_kiosk_run_waits_for_its_programme_then_shows_the_room(tmp_path):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = Server()
    server.port = port
    status_file = tmp_path / "status.json"
    process = run_salle_ix(tmp_path, server.url, status_file)
    try:
        waiting = wait_for(status_file, lambda s: s["view"] == "waiting" and s["network_error"], process)
        assert waiting["room"] == "salle-ix" and waiting["programme_ok"] is False
        assert waiting["programme_error"].startswith(server.url)
        server.start()  # the network comes up: the next try brings the programme
        door = wait_for(status_file, lambda s: s["view"] == "door", process)
        assert door["room"] == "salle-ix" and door["programme_ok"] is True
        assert door["programme_from"] == "download"
    finally:
        process.terminate()
        _, log = process.communicate(timeout=30)
        if server.httpd:
            server.stop()
    assert f"programme loaded from {server.url} (19 sessions)" in log
    assert "Traceback" not in log


def test_a_right_to_left_language_reads_from_the_right(offline, show, qtbot):
    _server, live = offline
    live.start()
    screen = WaitingScreen(live, "salle-ix", languages=("fr", "ar"))
    assert screen.bridge.rightToLeft == [False, True]
    shown = show(screen, (1920, 1080))
    keep: list = []
    titles = [i for i in walk(shown.view.rootObject()) if i.objectName() == "title"]
    keep.extend(titles)
    assert [qml(t, "LayoutMirroring.enabled") for t in titles] == [False, True]
    assert titles[1].property("text") == "في انتظار البرنامج"
    screen.close()
