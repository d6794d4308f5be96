"""The fleet bus against a real Mosquitto on loopback: a device's link and the technician's session."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from kiosk.fleet.client import DeviceLink, close_client
from kiosk.fleet.messages import NOTICES_MAX, Topics
from kiosk.fleet.operator import FleetError, Session
from kiosk.fleet.report import status_lines
from tests.broker import OPERATOR_PASSWORD, PASSWORD, password_file

ROOT = Path(__file__).resolve().parents[2]


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


class Received:
    """What a device's link handed over, with events to wait on."""

    def __init__(self):
        self.notices: list[bytes] = []
        self.commands: list[str] = []
        self.connections: list[bool] = []
        self.changed = threading.Condition()

    def add(self, kind: list, value) -> None:
        with self.changed:
            kind.append(value)
            self.changed.notify_all()

    def wait(self, condition, timeout: float = 10.0) -> None:
        with self.changed:
            assert self.changed.wait_for(condition, timeout), "not received in time"


@pytest.fixture
def device(broker):
    links = []

    def make(device_id: str = "door-1", settings=None) -> tuple[DeviceLink, Received]:
        got = Received()
        link = DeviceLink(
            settings or broker.settings(device_id),
            on_notices=lambda data: got.add(got.notices, data),
            on_command=lambda word: got.add(got.commands, word),
            on_connection=lambda up, why: got.add(got.connections, up),
        )
        link.start()
        links.append(link)
        return link, got

    yield make
    for link in links:
        link.stop()


def raw_client(settings, client_id="test-publisher"):
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id)
    client.connect(settings.host, settings.port)
    client.loop_start()
    return client


def test_status_is_retained_and_the_last_will_says_offline_when_the_process_dies(broker):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.fleet.device_process", "127.0.0.1", str(broker.port), "door-9"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, env=env, cwd=ROOT) as process:
        try:
            assert process.stdout.readline().strip() == b"connected"
            with Session(broker.settings()) as s:
                devices = s.devices()
            assert devices["door-9"].online is True
            assert devices["door-9"].status["room"] == "ix"
        finally:
            process.kill()
    with Session(broker.settings()) as s:
        wait_until(lambda: s.devices()["door-9"].online is False)
        devices = s.devices()
    assert devices["door-9"].status["room"] == "ix"  # the last status stays, retained
    (line,) = status_lines(devices)
    assert "OFFLINE, last heard" in line


def test_a_clean_stop_says_offline_and_since_when(broker, device):
    link, got = device("door-2")
    got.wait(lambda: got.connections == [True])
    link.publish_status({"device": "door-2", "published": "2026-12-06T12:00:00+00:00"})
    link.stop()
    with Session(broker.settings()) as s:
        d = s.devices()["door-2"]
    assert d.online is False and d.since is not None
    assert "OFFLINE since" in status_lines({"door-2": d})[0]


def test_notices_and_each_command_reach_the_device(broker, device):
    _, got = device("door-1")
    got.wait(lambda: got.connections == [True])
    with Session(broker.settings()) as s:
        s.publish_notices(b"notices: []\n")
        got.wait(lambda: got.notices == [b"notices: []\n"])
        for word in ("screenshot", "identify", "reload"):
            s.command("door-1", word)
        s.command(None, "reload")  # to all
        s.command("door-2", "identify")  # someone else's
        got.wait(lambda: len(got.commands) == 4)
    assert got.commands == ["screenshot", "identify", "reload", "reload"]


def test_notices_are_retained_for_a_device_that_starts_later(broker, device):
    with Session(broker.settings()) as s:
        s.publish_notices(b"emergency\n")
    _, got = device("door-1")
    got.wait(lambda: got.notices == [b"emergency\n"])


def test_junk_on_every_topic_is_logged_and_ignored(broker, device, caplog):
    caplog.set_level(logging.WARNING, logger="kiosk")
    link, got = device("door-1")
    got.wait(lambda: got.connections == [True])
    t = Topics("kiosk")
    junk = [b"", b"\xff\xfe\x00", b"rm -rf /", b"{]", b"[1,2]", b"<b>reload</b>", b"x" * 100_000, b"null"]
    publisher = raw_client(broker.settings())
    topics = [t.command("door-1"), t.all_command, t.status("door-1"), t.online("door-1"), t.status("ghost")]
    topics += [
        t.online("ghost"),
        t.screenshot("door-1"),
        "kiosk/devices/door-1/status/extra",
        "kiosk/devices",
    ]
    for topic in topics:
        for payload in junk:
            publisher.publish(topic, payload, qos=1, retain=True).wait_for_publish(5)
    publisher.publish(t.notices, b"n" * (NOTICES_MAX + 1), qos=1).wait_for_publish(5)
    publisher.publish(t.command("door-1"), b"identify", qos=1).wait_for_publish(5)
    got.wait(lambda: got.commands == ["identify"])  # only the one real command, after all the junk
    close_client(publisher)
    assert got.notices == []
    assert link.connected
    ignored = [r.getMessage() for r in caplog.records if "ignored a message" in r.getMessage()]
    assert len(ignored) == 2 * len(junk) + 1
    with Session(broker.settings()) as s:
        devices = s.devices()
    lines = status_lines(devices)  # junk statuses are reported, never a crash
    assert {"door-1", "ghost"} <= devices.keys()
    assert any("bad message" in line for line in lines)


def test_the_device_reconnects_when_the_broker_comes_back(broker, device):
    link, got = device("door-1")
    got.wait(lambda: got.connections == [True])
    link.publish_status({"device": "door-1", "room": "ix"})
    broker.kill()
    got.wait(lambda: got.connections == [True, False])
    broker.start()  # no persistence: the broker forgot every retained message
    got.wait(lambda: got.connections == [True, False, True], timeout=20)
    with Session(broker.settings()) as s:
        devices = s.devices()
        assert devices["door-1"].status["room"] == "ix"  # sent again on reconnection
        assert devices["door-1"].online is True
        s.publish_notices(b"after\n")
        got.wait(lambda: got.notices == [b"after\n"])


def test_no_broker_is_a_clear_error_for_the_technician(broker):
    broker.stop()
    with pytest.raises(FleetError, match="broker"), Session(broker.settings(), timeout=2):
        pass


def test_tls_and_password_and_the_acl(tls_broker, tmp_path, device):
    good = password_file(tmp_path, PASSWORD)
    link, got = device("door-1", tls_broker.settings("door-1", user="door-1", password_file=good))
    got.wait(lambda: got.connections == [True])
    link.publish_status({"device": "door-1", "room": "ix"})
    # door-1 tries to pass itself off as door-2: the ACL drops it.
    link.client.publish(Topics("kiosk").status("door-2"), b'{"room": "fake"}', qos=1).wait_for_publish(5)
    operator = tls_broker.settings(
        "x", user="operator", password_file=password_file(tmp_path, OPERATOR_PASSWORD, "op")
    )
    with Session(operator) as s:
        wait_until(lambda: s.devices().get("door-1") and s.devices()["door-1"].status)
        devices = s.devices()
        s.command("door-1", "identify")
        got.wait(lambda: got.commands == ["identify"])
    assert "door-2" not in devices
    assert devices["door-1"].status == {"device": "door-1", "room": "ix"}


def test_a_wrong_password_is_refused_and_logged_once_while_retrying(tls_broker, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="kiosk")
    wrong = tls_broker.settings("door-1", user="door-1", password_file=password_file(tmp_path, "nope"))
    with pytest.raises(FleetError, match="refused"), Session(wrong):
        pass
    got = Received()
    link = DeviceLink(
        wrong, got.notices.append, got.commands.append, lambda up, why: got.add(got.connections, up)
    )
    link.start()
    try:
        wait_until(lambda: any("refused" in r.getMessage() for r in caplog.records))
        assert not link.connected and got.connections == []
    finally:
        link.stop()
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1


def test_two_hundred_devices_in_the_status(broker):
    publisher = raw_client(broker.settings())
    t = Topics("kiosk")
    for i in range(200):
        status = {
            "device": f"d{i:03}",
            "view": "door",
            "room": f"room-{i}",
            "status": "ongoing",
            "programme": {"hash": "b" * 64 if i == 7 else "a" * 64},
            "clock_synchronised": i != 9,
            "published": "2026-12-06T12:00:00+00:00",
        }
        publisher.publish(t.status(f"d{i:03}"), json.dumps(status), qos=1, retain=True)
        info = publisher.publish(t.online(f"d{i:03}"), json.dumps({"online": i != 3, "since": None}), 1, True)
    info.wait_for_publish(5)
    close_client(publisher)
    with Session(broker.settings()) as s:
        devices = s.devices()
    lines = status_lines(devices)
    assert len(lines) == 200
    assert [line.split()[0] for line in lines if "DIFFERS" in line] == ["d007"]
    assert [line.split()[0] for line in lines if "NOT SYNCHRONISED" in line] == ["d009"]
    assert [line.split()[0] for line in lines if "OFFLINE" in line] == ["d003"]


def test_notices_for_kiosk_notice_fleet(broker, device):
    from types import SimpleNamespace

    from kiosk.fleet.operator import fleet_notices, publish_notices

    config = SimpleNamespace(values={"fleet": f"mqtt://127.0.0.1:{broker.port}"})
    assert fleet_notices(config) == b""  # nothing published yet
    _, got = device("door-1")
    got.wait(lambda: got.connections == [True])
    where = publish_notices(config, b"format: 1\nnotices: []\n")
    assert where == f"mqtt://127.0.0.1:{broker.port}, topic kiosk/notices"
    got.wait(lambda: got.notices == [b"format: 1\nnotices: []\n"])
    assert fleet_notices(config) == b"format: 1\nnotices: []\n"
    publish_notices(config, b"")  # cleared
    got.wait(lambda: got.notices[-1:] == [b""])
    assert fleet_notices(config) == b""
    with pytest.raises(FleetError, match="no fleet: key"):
        publish_notices(SimpleNamespace(values={}), b"")
