"""A programme URL cannot hold a fetch for ever nor send it elsewhere (issue 13.15): a total deadline
per download, and redirects followed only to http(s) on the same host. Real loopback servers."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from kiosk.sources.remote import fetch

from .test_remote import PROGRAMME


class _Server:
    def __init__(self, handler):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.stop = threading.Event()
        self.httpd.stop = self.stop
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()

    def url(self, path: str = "/programme.yaml") -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Headers at once, then one byte of the body every 0.3 s (each read is within any timeout)."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(PROGRAMME)))
        self.end_headers()
        for byte in PROGRAMME:
            if self.server.stop.wait(0.3):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return

    def log_message(self, *args) -> None:
        pass


def _redirecting(target: str):
    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/programme.yaml":
                self.send_response(302)
                self.send_header("Location", target.replace("PORT", str(self.server.server_address[1])))
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(PROGRAMME)))
            self.end_headers()
            self.wfile.write(PROGRAMME)

        def log_message(self, *args) -> None:
            pass

    return Redirect


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_a_server_sending_a_byte_every_so_often_does_not_block_past_the_deadline(tmp_path):
    server = _Server(_Trickle)
    try:
        began = time.monotonic()
        result = fetch(server.url(), tmp_path, timeout=5, deadline=1.0)
        took = time.monotonic() - began
    finally:
        server.close()
    assert result.path is None and "took longer than 1 s" in result.error
    assert took < 3.0  # the deadline and at most one read's wait, not the whole trickle (~90 s)


@pytest.mark.parametrize(
    "target, followed",
    [
        ("http://127.0.0.1:PORT/elsewhere.yaml", True),
        ("ftp://127.0.0.1/programme.yaml", False),
        ("http://localhost:PORT/elsewhere.yaml", False),  # another host name
    ],
)
def test_redirects_only_to_http_on_the_same_host(tmp_path, target, followed):
    server = _Server(_redirecting(target))
    try:
        result = fetch(server.url(), tmp_path, timeout=5)
        allowed = fetch(server.url(), tmp_path / "b", timeout=5, redirect_hosts=("localhost",))
    finally:
        server.close()
    if followed:
        assert result.error is None and result.path.read_bytes() == PROGRAMME
    else:
        assert result.path is None and "not http(s) on the same host: not followed" in result.error
    # A host named in the configuration is followed (http only: ftp never is).
    assert (allowed.error is None) == target.startswith("http")
