"""A programme URL cannot hold a fetch for ever nor send it elsewhere (issue 13.15): a total deadline
per download, and redirects followed only to http(s) on the same host. Real loopback servers."""

from __future__ import annotations

import contextlib
import http.server
import itertools
import socket
import ssl
import threading
import time

import pytest

from kiosk.sources.remote import _Deadline, _Refused, fetch

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


class _StalledServer:
    """A raw loopback server that accepts, then sends ``head`` one byte every ``every`` seconds and
    never finishes it (each byte arrives well within any per-read timeout)."""

    def __init__(self, head: bytes, every: float = 0.05, tls: ssl.SSLContext | None = None):
        self.head, self.every, self.tls = head, every, tls
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.listener.getsockname()[1]}/programme.yaml"

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while not self.stop.is_set():
                conn, _ = self.listener.accept()
                threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)  # the handshake, at once
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)  # the request
            for index in itertools.count():
                if self.stop.wait(self.every):
                    return
                conn.sendall(self.head[index % len(self.head) : index % len(self.head) + 1])

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


# The status line, then one header that never ends: the headers never finish.
_ENDLESS_HEADERS = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 60


def _timed_fetch(url: str, tmp_path, **kwargs):
    began = time.monotonic()
    result = fetch(url, tmp_path, **kwargs)
    return result, time.monotonic() - began


def test_a_server_trickling_its_headers_is_cut_at_the_deadline(tmp_path):
    """Before: each read waited up to the timeout, so headers a byte every 50 ms held the fetch for ever."""
    server = _StalledServer(_ENDLESS_HEADERS)
    try:
        result, took = _timed_fetch(server.url(), tmp_path, timeout=5, deadline=0.5)
    finally:
        server.close()
    assert result.path is None and "took longer than 0.5 s" in result.error, result.error
    assert took < 1.5, took  # the deadline, not the timeout (5 s) nor the header's end (never)


def test_a_server_that_accepts_and_says_nothing_is_cut_at_the_deadline(tmp_path):
    server = _StalledServer(b"H", every=3600)
    try:
        result, took = _timed_fetch(server.url(), tmp_path, timeout=5, deadline=0.5)
    finally:
        server.close()
    assert result.path is None and result.error
    assert took < 1.5, took


def test_one_deadline_covers_every_redirect(tmp_path):
    """Each hop within the deadline on its own, the chain not: the deadline is the whole download's."""
    hops = {"n": 0}

    class SlowRedirects(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hops["n"] += 1
            self.server.stop.wait(0.2)
            self.send_response(302)
            self.send_header("Location", f"/hop{hops['n']}.yaml")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = _Server(SlowRedirects)
    try:
        result, took = _timed_fetch(server.url(), tmp_path, timeout=5, deadline=0.5)
    finally:
        server.close()
    assert result.path is None and "took longer than 0.5 s" in result.error, result.error
    assert 2 <= hops["n"] <= 4 and took < 1.5, (hops, took)


def test_the_deadline_reads_the_injected_clock():
    now = [100.0]
    deadline = _Deadline(10.0, per_wait=4.0, monotonic=lambda: now[0])
    assert deadline.left() == 4.0  # the per-read timeout while there is more than that left
    now[0] = 107.5
    assert deadline.left() == pytest.approx(2.5)
    now[0] = 110.0
    with pytest.raises(_Refused, match="took longer than 10 s"):
        deadline.left()


@pytest.fixture
def tls(certificates, monkeypatch) -> ssl.SSLContext:
    """A server context with a certificate for 127.0.0.1, and its CA trusted by the fetch."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates.ca))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificates.cert, certificates.key)
    return context


def test_over_https_a_server_trickling_its_headers_is_cut_at_the_deadline(tmp_path, tls):
    server = _StalledServer(_ENDLESS_HEADERS, tls=tls)
    try:
        result, took = _timed_fetch(server.url(), tmp_path, timeout=5, deadline=0.5)
    finally:
        server.close()
    assert result.path is None and "took longer than 0.5 s" in result.error, result.error
    assert took < 1.5, took


def test_over_https_a_server_that_never_answers_the_handshake_is_cut_at_the_deadline(tmp_path, tls):
    server = _StalledServer(b"H", every=3600)  # a plain TCP server: the TLS hello is never answered
    try:
        result, took = _timed_fetch(
            server.url().replace("http:", "https:"), tmp_path, timeout=5, deadline=0.5
        )
    finally:
        server.close()
    assert result.path is None and "timed out" in result.error, result.error
    assert took < 1.5, took
