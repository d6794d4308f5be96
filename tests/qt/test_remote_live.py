"""A programme from a web address under a running kiosk: a local server on the loopback address goes
away and comes back; the screen keeps its programme throughout and follows changes."""

from __future__ import annotations

import http.server
import logging
import threading

import pytest

from kiosk.clock import FakeClock, parse_when
from kiosk.programme import load_programme
from kiosk.qt.door import DoorScreen
from kiosk.qt.remote import RETRY_SECONDS, RemoteProgramme, live_notices, live_programme, live_source
from kiosk.qt.running import RunningKiosk

from ..web_server import Server
from .conftest import ROOT


@pytest.fixture
def server():
    s = Server()
    s.start()
    yield s
    if s.httpd:
        s.stop()


def panel_title(live) -> str:
    return live.programme.session("panel-past-present-future").title.get("en")


def test_a_programme_from_a_url_survives_the_server_going_away_and_follows_it_when_back(
    server, tmp_path, monkeypatch, qtbot
):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    live = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    with qtbot.waitSignal(live.replaced, timeout=5000):
        assert live.start() is None  # nothing cached: fetched in the background
    assert panel_title(live) == "Panel on the Coalition: past, present, future"

    server.body = server.body.replace(b"Panel on the Coalition", b"Panel, moved")
    with qtbot.waitSignal(live.replaced, timeout=5000):
        live.fetch_in_background()
    assert panel_title(live).startswith("Panel, moved")

    server.stop()
    live.fetch_in_background()
    qtbot.waitUntil(lambda: live.network_error is not None and not live.fetching, timeout=5000)
    assert panel_title(live).startswith("Panel, moved")  # still on screen
    assert live.error is None  # the programme itself is fine: no error mark

    server.body = server.body.replace(b"Panel, moved", b"Panel, back")
    server.start()  # same port
    with qtbot.waitSignal(live.replaced, timeout=5000):
        live.fetch_in_background()
    assert panel_title(live).startswith("Panel, back")
    assert live.network_error is None


def test_a_restart_with_the_network_down_shows_the_cached_programme(server, tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    first = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    with qtbot.waitSignal(first.replaced, timeout=5000):
        first.start()
    server.stop()
    again = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    assert again.start() is not None  # from the cache, without waiting for the network
    qtbot.waitUntil(lambda: again.network_error is not None, timeout=5000)
    assert again.programme.event.id == "gec-2023"


def test_a_broken_download_never_replaces_the_programme(server, tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    live = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    with qtbot.waitSignal(live.replaced, timeout=5000):
        live.start()
    server.body = b"format: 1\nevent: [broken\n"
    live.fetch_in_background()
    qtbot.waitUntil(lambda: not live.fetching and live.network_error is not None, timeout=5000)
    assert live.programme.event.id == "gec-2023"


def test_a_restart_from_the_cache_says_so_in_the_log(server, tmp_path, monkeypatch, qtbot, caplog):
    caplog.set_level(logging.INFO, logger="kiosk")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    first = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    with qtbot.waitSignal(first.replaced, timeout=5000):
        first.start()
    assert f"programme loaded from {server.url}" in caplog.text
    server.stop()
    caplog.clear()
    again = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    again.start()
    assert f"programme loaded from the cache of {server.url}: " in caplog.text  # issue 13.7
    assert f"programme loaded: {server.url}" not in caplog.text
    assert again.health()["programme_from"] == "cache"
    qtbot.waitUntil(lambda: not again.fetching, timeout=5000)


def test_a_first_start_without_network_waits_off_the_gui_thread_and_retries_with_backoff(
    tmp_path, monkeypatch, qtbot
):
    """Issue 13.3 / 13.15: nothing cached, the server unreachable: start() returns at once, the tries
    go on with a growing wait, and the programme is there as soon as the server answers."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    server = Server()
    server.start()
    server.stop()  # a port that nobody listens on (yet)
    live = RemoteProgramme(server.url, refresh_seconds=300, cache_dir=tmp_path / "cache")
    assert live.start() is None
    waits = []
    for _ in range(len(RETRY_SECONDS) + 1):
        qtbot.waitUntil(lambda: not live.fetching and live.refresh.isActive(), timeout=5000)
        waits.append(live.refresh.interval() / 1000)
        live.refresh.stop()
        live.fetch_in_background()  # as the retry timer would, without waiting for it
    assert waits == [*RETRY_SECONDS, RETRY_SECONDS[-1]]
    assert live.programme is None and live.error.startswith(server.url)
    qtbot.waitUntil(lambda: not live.fetching, timeout=5000)
    server.start()
    with qtbot.waitSignal(live.replaced, timeout=5000):
        live.fetch_in_background()
    assert live.programme.event.id == "gec-2023" and live.error is None
    qtbot.waitUntil(lambda: not live.fetching and live.refresh.isActive(), timeout=5000)
    assert live.refresh.interval() == 300_000  # back to the configured refresh
    server.stop()


def test_any_parsed_file_is_fetched_exactly_like_the_programme(server, tmp_path, monkeypatch, qtbot):
    """Issue 16.2: the notices file (here: a number) from a URL, with its own parse function; a download
    the parser refuses is never cached nor shown."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def parse(data: bytes, name: str) -> int:
        if not data.strip().isdigit():
            raise ValueError(f"{name}: not a number")
        return int(data)

    server.body = b"41\n"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = live_source(server.url, parse, "notices", refresh_seconds=3600)
    with qtbot.waitSignal(source.replaced, timeout=5000):
        assert source.start() is None
    assert source.value == 41 and source.health()["notices_from"] == "download"
    server.body = b"forty-two\n"
    with qtbot.waitSignal(source.fetched, timeout=5000):
        source.fetch_in_background()
    assert source.value == 41
    refused = f"the downloaded notices cannot be used: {server.url}: not a number"
    assert source.network_error.startswith(refused)
    server.body = b"42\n"
    with qtbot.waitSignal(source.replaced, timeout=5000):
        source.fetch_in_background()
    assert source.value == 42


@pytest.fixture
def moved(server):
    """A server that sends every request on to ``server`` under another name of the same machine."""

    class Moved(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{server.port}/{server.name}")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/programme.yaml"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("hosts", [(), ("localhost",)])
def test_a_redirect_to_another_host_is_followed_only_when_configured(
    moved, tmp_path, monkeypatch, qtbot, hosts
):
    """Issue 13.15: redirect_hosts (the configuration) reaches the programme's fetch."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    live = live_programme(moved, 3600, redirect_hosts=hosts)
    with qtbot.waitSignal(live.fetched, timeout=5000) as fetched:
        live.start()
    error = fetched.args[0].error
    if hosts:
        assert error is None
        qtbot.waitUntil(lambda: live.programme is not None, timeout=5000)
    else:
        assert "redirects to http://localhost:" in error and "not followed" in error, error
        assert live.programme is None
    # The notices at a URL are fetched with the same hosts.
    notices = live_notices(moved, load_programme(ROOT / "programme.yaml"), 3600, hosts)
    assert notices.redirect_hosts == hosts


def test_a_running_screen_says_in_its_status_when_its_url_fails(server, tmp_path, monkeypatch, qtbot):
    """Issue 13.15: before, a programme URL that stopped answering (or was cut at its deadline) left the
    status file saying all was well; now the failure is there while the cached programme is shown."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    live = RemoteProgramme(server.url, refresh_seconds=3600, cache_dir=tmp_path / "cache")
    with qtbot.waitSignal(live.replaced, timeout=5000):
        live.start()
    programme = live.programme
    clock = FakeClock(parse_when("2023-03-28T10:30", programme.event.zone))
    kiosk = RunningKiosk(live, DoorScreen(programme, "salle-i"), clock, realtime=lambda: 0.0)
    assert kiosk.status_document()["programme_network_error"] is None
    server.stop()
    with qtbot.waitSignal(live.fetched, timeout=5000):
        live.fetch_in_background()
    shown = kiosk.status_document()
    assert shown["programme_network_error"].startswith("cannot reach the server: ")
    assert shown["programme_ok"] is True and shown["programme_from"] == "download"
    server.start()
    with qtbot.waitSignal(live.fetched, timeout=5000):
        live.fetch_in_background()
    assert kiosk.status_document()["programme_network_error"] is None
    kiosk.stop()
