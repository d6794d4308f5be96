"""A screen on a plain mqtt:// bus does not load what paho-mqtt imports only for TLS, proxies and
websockets (OpenSSL, urllib.request with http.client and email, uuid): each fresh process."""

from __future__ import annotations

import json
import select
import subprocess
import sys
from pathlib import Path

from kiosk.fleet.operator import Session
from tests.broker import PASSWORD, password_file

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_paho_is_imported_without_openssl_urllib_email_or_uuid_and_still_has_them():
    out = run_python(
        "import sys\n"
        "from kiosk.fleet.mqtt import paho_client\n"
        "mqtt = paho_client()\n"
        "heavy = ('ssl', 'hashlib', '_hashlib', 'urllib.request', 'http.client', 'email', 'uuid')\n"
        "print([m for m in heavy if m in sys.modules])\n"
        # paho's names stand for the real modules, and they load the moment paho uses one
        "import ssl, urllib.request\n"
        "assert type(ssl) is type(sys) and mqtt.ssl.SSLWantReadError is ssl.SSLWantReadError\n"
        "assert mqtt.urllib.request.getproxies is urllib.request.getproxies\n"
        "assert mqtt.uuid.uuid4().version == 4 and mqtt.hashlib.sha1(b'').hexdigest()[:4] == 'da39'\n"
        "print('ok')\n"
    )
    assert out.splitlines() == ["[]", "ok"]


class Device:
    """tests/fleet/what_loads.py, talked to through its input and output."""

    def __init__(self, *args: str):
        command = [sys.executable, "-m", "tests.fleet.what_loads", *args]
        pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL}
        # Unbuffered: a line read takes no more than the line, so select() sees what is left.
        self.process = subprocess.Popen(command, cwd=ROOT, bufsize=0, **pipes)

    def line(self, timeout: float = 30.0) -> str:
        """Its next line; a device that says nothing in ``timeout`` seconds fails the test."""
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        assert ready, f"nothing from the device in {timeout:g} s"
        return self.process.stdout.readline().decode().strip()  # the device prints whole lines

    def expect(self, word: str) -> None:
        line = self.line()
        assert line == word, f"expected {word!r}, got {line!r}"

    def ask(self, word: str) -> str:
        self.process.stdin.write(f"{word}\n".encode())
        return self.line()

    def stop(self) -> int:
        self.process.stdin.write(b"stop\n")
        self.process.stdin.close()
        code = self.process.wait(30)
        self.process.stdout.close()
        return code


def test_a_plain_link_never_loads_them_even_when_the_broker_goes_and_comes_back(broker):
    device = Device("127.0.0.1", str(broker.port), "door-1")
    try:
        device.expect("connected")
        assert device.ask("screenshot") == "sent"
        with Session(broker.settings()) as session:  # the frame got through
            assert session.devices()["door-1"].online
        broker.kill()
        device.expect("lost")
        broker.start()
        device.expect("connected")
        assert json.loads(device.ask("modules")) == []
    finally:
        assert device.stop() == 0


def test_a_tls_link_loads_openssl_and_works(tls_broker, tmp_path):
    secret = password_file(tmp_path, PASSWORD)
    device = Device("localhost", str(tls_broker.port), "door-1", str(tls_broker.tls.ca), str(secret))
    try:
        device.expect("connected")
        assert {"ssl", "_ssl"} <= set(json.loads(device.ask("modules")))
    finally:
        assert device.stop() == 0


def test_kiosk_fleet_status_loads_neither_qt_nor_openssl_nor_the_programme(broker, tmp_path):
    from tests.unit.test_core_is_qt_free import run_without_qt

    with Session(broker.settings()) as session:  # one screen's status on the bus
        info = session.client.publish("kiosk/devices/door-1/status", b'{"room": "ix"}', qos=1, retain=True)
        info.wait_for_publish(5)
    report = run_without_qt(
        f"""
        import contextlib, io, os
        os.environ.update(KIOSK_FLEET="mqtt://127.0.0.1:{broker.port}", XDG_CONFIG_HOME="{tmp_path}")
        from kiosk.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            report["code"] = main(["fleet", "status"])
        report["out"] = out.getvalue()
        heavy = ("ssl", "hashlib", "email", "http.client", "urllib.request")
        heavy += ("kiosk.programme", "kiosk.notices", "kiosk.sources")
        report["heavy"] = [m for m in heavy if m in sys.modules]
        """
    )
    assert report["code"] == 0 and report["out"].startswith("door-1")
    assert report["attempts"] == [] and report["qt_loaded"] == []
    assert report["heavy"] == []
