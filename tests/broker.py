"""A real Mosquitto broker on a free loopback port, for the fleet tests (a pytest plugin: conftest.py).

`broker` is anonymous; `tls_broker` wants TLS (a CA made here with the openssl command), a password
and follows an ACL like the one docs/fleet.md documents; `cert_broker` wants a client certificate
signed by that CA instead of a password (its common name is the user name the ACL knows). Without
Mosquitto the tests skip and say how to install it (CI installs it, and fails on a skip).
"""

from __future__ import annotations

import gc
import getpass
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.fleet.settings import FleetSettings

MOSQUITTO = shutil.which("mosquitto") or shutil.which("mosquitto", path="/usr/sbin:/usr/local/sbin")
MOSQUITTO_PASSWD = shutil.which("mosquitto_passwd")
INSTALL = "Mosquitto is not installed: apt-get install mosquitto (Debian/Ubuntu)"
READY_SECONDS = 10.0
PASSWORD = "s3cret-device"
OPERATOR_PASSWORD = "s3cret-operator"

# The ACL of docs/fleet.md, for prefix "kiosk": devices log in with their device id as user name.
ACL = """\
user operator
topic write kiosk/notices
topic write kiosk/all/command
topic write kiosk/devices/+/command
topic read kiosk/devices/#
topic readwrite kiosk/operators/#

pattern write kiosk/devices/%u/status
pattern write kiosk/devices/%u/online
pattern write kiosk/devices/%u/screenshot
pattern read kiosk/devices/%u/command
pattern read kiosk/all/command
pattern read kiosk/notices
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Certificates:
    ca: Path
    cert: Path
    key: Path

    def client(self, name: str, folder: Path) -> tuple[Path, Path]:
        """A client certificate for ``name`` (its common name) signed by this CA, and its key."""
        cert, key = folder / f"{name}.crt", folder / f"{name}.key"
        _openssl("req", *EC, "-keyout", str(key), "-out", f"{name}.csr", "-subj", f"/CN={name}", cwd=folder)
        _openssl(
            "x509", "-req", "-in", f"{name}.csr", "-CA", str(self.ca),
            "-CAkey", str(self.ca.with_suffix(".key")), "-CAcreateserial", "-out", str(cert), "-days", "2",
            cwd=folder,
        )  # fmt: skip
        return cert, key


class Broker:
    """One Mosquitto process; ``kill()`` and ``start()`` again keep the port (a broker restart)."""

    def __init__(self, folder: Path, tls: Certificates | None = None, client_certificates: bool = False):
        self.folder = folder
        self.tls = tls
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log = folder / "mosquitto.log"
        # `user`: as root, mosquitto would become the mosquitto user, who cannot read the test's files.
        conf = [
            f"listener {self.port} 127.0.0.1",
            "persistence false",
            "log_type all",
            f"user {getpass.getuser()}",
        ]
        if tls and client_certificates:
            (folder / "acl").write_text(ACL)
            conf += [
                f"cafile {tls.ca}",
                f"certfile {tls.cert}",
                f"keyfile {tls.key}",
                "require_certificate true",
                "use_identity_as_username true",  # the certificate's common name: door-1, operator
                "allow_anonymous false",
                f"acl_file {folder / 'acl'}",
            ]
        elif tls:
            passwords = folder / "passwd"
            passwords.write_text("")
            for user, password in (
                ("door-1", PASSWORD),
                ("door-2", PASSWORD),
                ("operator", OPERATOR_PASSWORD),
            ):
                subprocess.run([MOSQUITTO_PASSWD, "-b", str(passwords), user, password], check=True)
            (folder / "acl").write_text(ACL)
            conf += [
                f"cafile {tls.ca}",
                f"certfile {tls.cert}",
                f"keyfile {tls.key}",
                "allow_anonymous false",
                f"password_file {passwords}",
                f"acl_file {folder / 'acl'}",
            ]
        else:
            conf.append("allow_anonymous true")
        self.conf = folder / "mosquitto.conf"
        self.conf.write_text("\n".join(conf) + "\n")

    def settings(self, device: str = "door-1", **more) -> FleetSettings:
        return FleetSettings(
            host="localhost" if self.tls else "127.0.0.1",
            port=self.port,
            tls=bool(self.tls),
            device=device,
            ca=self.tls.ca if self.tls else None,
            **more,
        )

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([MOSQUITTO, "-c", str(self.conf)], stdout=log, stderr=log)
        deadline = time.monotonic() + READY_SECONDS
        while True:  # ready when it accepts a connection; a broker that exited says why
            if self.process.poll() is not None:
                raise RuntimeError(f"mosquitto exited: {self.log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"mosquitto not listening in {READY_SECONDS} s") from None
                time.sleep(0.02)

    def kill(self) -> None:
        """The broker vanishes (SIGKILL: no goodbye to anyone)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()


def _need_mosquitto() -> None:
    if not MOSQUITTO:
        pytest.skip(INSTALL)
    # Earlier tests' unreachable Qt objects are collected now, on the main thread: left to Python's
    # collector, they could be destroyed on paho's thread, and a file watcher's notifier must not be.
    gc.collect()


@pytest.fixture
def broker(tmp_path):
    _need_mosquitto()
    b = Broker(tmp_path)
    b.start()
    yield b
    b.stop()


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]  # EC keys: fast


@pytest.fixture(scope="session")
def certificates(tmp_path_factory) -> Certificates:
    """A throw-away CA and a server certificate for localhost and 127.0.0.1 (EC keys: fast)."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is not installed: apt-get install openssl")
    d = tmp_path_factory.mktemp("pki")
    _openssl(
        "req", "-x509", *EC, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=CA", cwd=d
    )
    _openssl("req", *EC, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", cwd=d)
    (d / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.crt", "-days", "2", "-extfile", "san.ext", cwd=d,
    )  # fmt: skip
    os.chmod(d / "server.key", 0o644)  # mosquitto may drop to another user
    return Certificates(d / "ca.crt", d / "server.crt", d / "server.key")


@pytest.fixture
def tls_broker(tmp_path, certificates):
    _need_mosquitto()
    b = Broker(tmp_path, certificates)
    b.start()
    yield b
    b.stop()


@pytest.fixture
def cert_broker(tmp_path, certificates):
    _need_mosquitto()
    b = Broker(tmp_path, certificates, client_certificates=True)
    b.start()
    yield b
    b.stop()


def password_file(folder: Path, password: str, name: str = "password") -> Path:
    path = folder / name
    path.write_text(password + "\n")
    return path
