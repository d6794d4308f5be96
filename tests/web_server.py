"""A real web server on a free loopback port, serving one file with an ETag: a programme or a notices file
fetched from a URL, exactly as a screen fetches it. It can be stopped and started again on the same
port, and held (``gate``) so that a test sees what happens while a download is under way."""

from __future__ import annotations

import hashlib
import http.server
import threading
from pathlib import Path

PROGRAMME = Path(__file__).resolve().parents[1] / "programme.yaml"


class Server:
    """Serves ``body`` (the bundled programme unless given) at ``/NAME`` with an ETag (304 when unchanged)."""

    def __init__(self, body: bytes | None = None, name: str = "programme.yaml"):
        self.body = PROGRAMME.read_bytes() if body is None else body
        self.name = name
        self.port = 0
        self.httpd: http.server.ThreadingHTTPServer | None = None
        self.gate = threading.Event()  # cleared: every answer waits until it is set again
        self.gate.set()
        self.requests = 0

    def start(self) -> None:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests += 1
                server.gate.wait(timeout=30)
                body = server.body
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.name}"
