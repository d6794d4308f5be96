"""A programme from a URL: conditional requests, the on-disk cache, the server going away and coming back.

A real HTTP server on the loopback address, in a thread, on a port the system picks.
"""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

from kiosk.sources import read_any
from kiosk.sources.remote import cache_files, fetch, is_url

PROGRAMME = b"""format: 1
event:
  id: test
  title: Test
  languages: [en]
  timezone: Europe/Paris
  dates: {first: 2024-05-02}
rooms:
  - {id: hall, name: Hall}
sessions:
  - {id: opening, start: "10:00", end: "10:30", room: hall, title: Opening}
"""
CHANGED = PROGRAMME.replace(b"title: Opening", b"title: Opening (moved)")
LAST_MODIFIED = "Thu, 02 May 2024 08:00:00 GMT"


class Venue:
    """What the server publishes, and the requests it has seen."""

    def __init__(self, body: bytes, etag: str | None = '"v1"', last_modified: str | None = LAST_MODIFIED):
        self.body = body
        self.etag = etag
        self.last_modified = last_modified
        self.status = 200
        self.requests: list[dict[str, str]] = []


def handler_for(venue: Venue):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            venue.requests.append(dict(self.headers))
            if venue.status != 200:
                self.send_error(venue.status)
                return
            if venue.etag and self.headers.get("If-None-Match") == venue.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/yaml")
            self.send_header("Content-Length", str(len(venue.body)))
            if venue.etag:
                self.send_header("ETag", venue.etag)
            if venue.last_modified:
                self.send_header("Last-Modified", venue.last_modified)
            self.end_headers()
            self.wfile.write(venue.body)

        def log_message(self, *args) -> None:  # the test output stays quiet
            pass

    return Handler


class Server:
    """An HTTP server on 127.0.0.1 that can be stopped and started again on the same port."""

    def __init__(self, venue: Venue):
        self.venue = venue
        self.port = 0
        self.httpd: http.server.ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        # Listening starts in the constructor: a request made right after start() is queued, not refused.
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler_for(self.venue))
        self.port = self.httpd.server_address[1]
        # A short poll interval only makes shutdown() return quickly; requests are served as they come.
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)
            self.httpd = None

    def url(self, path: str = "/programme.yaml") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # A proxy from the developer's environment must not stand between the test and its own server.
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server():
    running = Server(Venue(PROGRAMME))
    running.start()
    yield running
    running.stop()


def test_first_fetch_downloads_and_caches(server, tmp_path):
    result = fetch(server.url(), tmp_path)
    assert (result.changed, result.from_cache, result.error) == (True, False, None)
    assert result.path.read_bytes() == PROGRAMME
    assert read_any(result.path).session("opening").title.get("en") == "Opening"
    _, meta = cache_files(server.url(), tmp_path)
    stored = json.loads(meta.read_text())
    assert (stored["etag"], stored["last_modified"]) == ('"v1"', LAST_MODIFIED)
    assert "If-None-Match" not in server.venue.requests[0]


def test_second_fetch_is_conditional_and_304_keeps_the_cache(server, tmp_path):
    first = fetch(server.url(), tmp_path)
    stamp = first.path.stat().st_mtime_ns
    second = fetch(server.url(), tmp_path)
    assert (second.path, second.changed, second.from_cache, second.error) == (first.path, False, True, None)
    sent = server.venue.requests[-1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == LAST_MODIFIED
    assert first.path.stat().st_mtime_ns == stamp  # not rewritten


def test_new_content_with_a_new_etag_replaces_the_cache(server, tmp_path):
    fetch(server.url(), tmp_path)
    server.venue.body, server.venue.etag = CHANGED, '"v2"'
    result = fetch(server.url(), tmp_path)
    assert (result.changed, result.from_cache, result.error) == (True, False, None)
    assert read_any(result.path).session("opening").title.get("en") == "Opening (moved)"
    assert fetch(server.url(), tmp_path).changed is False
    assert server.venue.requests[-1]["If-None-Match"] == '"v2"'


def test_same_content_without_validators_is_not_a_change(tmp_path):
    plain = Server(Venue(PROGRAMME, etag=None, last_modified=None))
    plain.start()
    try:
        assert fetch(plain.url(), tmp_path).changed is True
        again = fetch(plain.url(), tmp_path)
        assert (again.changed, again.from_cache, again.error) == (False, False, None)
        assert "If-None-Match" not in plain.venue.requests[-1]
    finally:
        plain.stop()


def test_server_going_away_serves_the_cache_with_an_error_then_coming_back(server, tmp_path):
    good = fetch(server.url(), tmp_path)
    server.stop()
    down = fetch(server.url(), tmp_path, timeout=5)
    assert down.path == good.path and down.from_cache and not down.changed
    assert down.error and "cannot reach the server" in down.error
    assert down.path.read_bytes() == PROGRAMME

    server.venue.body, server.venue.etag = CHANGED, '"v2"'
    server.start()  # same port
    back = fetch(server.url(), tmp_path)
    assert (back.changed, back.from_cache, back.error) == (True, False, None)
    assert back.path.read_bytes() == CHANGED


def test_first_fetch_failing_has_no_programme_and_says_why(server, tmp_path):
    url = server.url()
    server.stop()
    result = fetch(url, tmp_path / "cache", timeout=5)
    assert (result.path, result.changed, result.from_cache) == (None, False, True)
    assert "cannot reach the server" in result.error


def test_an_http_error_keeps_the_cache(server, tmp_path):
    good = fetch(server.url(), tmp_path)
    server.venue.status = 503
    result = fetch(server.url(), tmp_path)
    assert result.path == good.path and result.from_cache
    assert result.error.startswith("the server answered 503")


def test_a_broken_download_never_replaces_the_last_good_programme(server, tmp_path):
    good = fetch(server.url(), tmp_path)
    server.venue.body, server.venue.etag = b"format: 1\nevent: [oops\n", '"broken"'
    result = fetch(server.url(), tmp_path)
    assert result.path == good.path and result.from_cache and not result.changed
    assert "cannot be used" in result.error and "the last good copy is kept" in result.error
    assert good.path.read_bytes() == PROGRAMME
    # The broken version's ETag was not stored: the next request asks for a full copy again.
    fetch(server.url(), tmp_path)
    assert server.venue.requests[-1]["If-None-Match"] == '"v1"'


def test_a_schedule_export_is_fetched_and_read_by_content(server, tmp_path):
    server.venue.body = b"""<?xml version='1.0'?><schedule><conference><title>Remote</title>
<time_zone_name>Europe/Paris</time_zone_name></conference><day date='2024-05-02' index='1'>
<room name='Hall'><event id='1'><start>10:00</start><duration>00:30</duration><title>Opening</title></event>
</room></day></schedule>"""
    result = fetch(server.url("/export"), tmp_path)
    assert result.error is None
    assert read_any(result.path).sessions[0].title.get("en") == "Opening"


def test_not_a_url_and_each_url_its_own_cache(tmp_path):
    result = fetch("ftp://example.org/p.yaml", tmp_path)
    assert result.path is None and "not an http" in result.error
    assert (
        is_url("https://example.org/p.yaml") and is_url("  HTTP://x/") and not is_url("/srv/programme.yaml")
    )
    a, _ = cache_files("https://a.example/programme.yaml", tmp_path)
    b, _ = cache_files("https://b.example/programme.yaml", tmp_path)
    assert a != b and a.parent == b.parent == Path(tmp_path)
    assert a.name.endswith("-programme.yaml")


def test_a_broken_first_download_leaves_no_cache(server, tmp_path):
    server.venue.body = b"<schedule><day>"
    result = fetch(server.url(), tmp_path)
    assert (result.path, result.changed, result.from_cache) == (None, False, True)
    assert result.error.startswith("the downloaded programme cannot be used: ")
    assert "not well-formed XML" in result.error and "last good" not in result.error
    assert list(tmp_path.iterdir()) == []


def test_an_oversized_download_is_refused(server, tmp_path, monkeypatch):
    import kiosk.sources.remote as remote

    good = fetch(server.url(), tmp_path)
    monkeypatch.setattr(remote, "MAX_BYTES", 100)
    server.venue.body, server.venue.etag = CHANGED, '"v2"'
    result = fetch(server.url(), tmp_path)
    assert result.path == good.path and "larger than" in result.error
    assert good.path.read_bytes() == PROGRAMME
