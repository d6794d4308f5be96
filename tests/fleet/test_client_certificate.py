"""Logging in with a client certificate instead of a password, against a real Mosquitto that requires
one (`require_certificate true`, the certificate's common name as the user name the ACL knows)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.fleet.client import DeviceLink
from kiosk.fleet.messages import Topics
from kiosk.fleet.operator import FleetError, Session

ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


class Link:
    """A device's link with what it received, to wait on."""

    def __init__(self, settings):
        self.commands: list[str] = []
        self.up = threading.Event()
        self.got = threading.Event()
        self.link = DeviceLink(settings, lambda data: None, self._command, self._connection)

    def _command(self, word: str) -> None:
        self.commands.append(word)
        self.got.set()

    def _connection(self, up: bool, why: str) -> None:
        if up:
            self.up.set()

    def __enter__(self) -> DeviceLink:
        self.link.start()
        return self.link

    def __exit__(self, *exc) -> None:
        self.link.stop()


def test_a_device_and_the_operator_log_in_with_certificates_and_the_acl_follows_their_names(
    cert_broker, tmp_path
):
    door_cert, door_key = cert_broker.tls.client("door-1", tmp_path)
    op_cert, op_key = cert_broker.tls.client("operator", tmp_path)
    door = Link(cert_broker.settings("door-1", cert=door_cert, key=door_key))
    with door as link:
        assert door.up.wait(10), "the device never got on the bus"
        link.publish_status({"device": "door-1", "room": "ix"})
        # door-1 passing itself off as door-2: the ACL (by the certificate's name) drops it.
        link.client.publish(Topics("kiosk").status("door-2"), b'{"room": "x"}', qos=1).wait_for_publish(5)
        with Session(cert_broker.settings("x", cert=op_cert, key=op_key)) as operator:
            devices = operator.devices()
            operator.command("door-1", "identify")
            assert door.got.wait(10) and door.commands == ["identify"]
    assert devices["door-1"].status == {"device": "door-1", "room": "ix"} and devices["door-1"].online
    assert "door-2" not in devices


def test_without_a_certificate_or_with_a_stranger_s_the_broker_refuses(cert_broker, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="kiosk")
    # Said at once, not after the timeout (TLS 1.3 refuses after the handshake: the reason is the
    # broker's alert, "certificate required", or an end of file when the client was writing then).
    with (
        pytest.raises(FleetError, match=r"closed the connection: .*client certificate"),
        Session(cert_broker.settings("x"), timeout=30),
    ):
        pass
    # A certificate of the right name, signed by another CA.
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", "stranger.key", "-out", "stranger.crt", "-days", "2", "-subj", "/CN=door-1"],
        cwd=tmp_path, check=True, capture_output=True,
    )  # fmt: skip
    stranger = Link(
        cert_broker.settings("door-1", cert=tmp_path / "stranger.crt", key=tmp_path / "stranger.key")
    )
    with stranger as link:
        wait_for(lambda: cert_broker.log.read_text().count("certificate verify failed") >= 2)  # a retry
        assert not stranger.up.is_set() and not link.connected
    problems = [r.getMessage() for r in caplog.records if "fleet broker" in r.getMessage()]
    assert len(problems) == 1, problems  # retried, logged once, with the reason


def test_kiosk_fleet_status_with_a_certificate_from_the_configuration(cert_broker, tmp_path):
    door_cert, door_key = cert_broker.tls.client("door-1", tmp_path)
    op_cert, op_key = cert_broker.tls.client("operator", tmp_path)
    door = Link(cert_broker.settings("door-1", cert=door_cert, key=door_key))
    with door as link:
        assert door.up.wait(10)
        link.publish_status({"device": "door-1", "view": "door", "room": "salle-ix"})
        config = tmp_path / "kiosk.yaml"
        config.write_text(
            f"fleet: mqtts://localhost:{cert_broker.port}\n"
            f"fleet_ca: {cert_broker.tls.ca}\nfleet_cert: {op_cert}\nfleet_key: {op_key}\n"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
        env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "fleet", "status", "--config", str(config)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    assert line.startswith("door-1") and "online since" in line and "salle-ix" in line
