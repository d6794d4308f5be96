"""The fleet bus's Qt-free parts: broker addresses, ids, commands, size limits, the status report."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.fleet.messages import (
    COMMAND_MAX,
    STATUS_MAX,
    BadMessage,
    Topics,
    encode,
    parse_command,
    parse_online,
    parse_status,
    screenshot_payload,
)
from kiosk.fleet.operator import Device
from kiosk.fleet.report import device_status, showing, status_json, status_lines
from kiosk.fleet.settings import broker_url, device_id, fleet_settings, topic_prefix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mqtt://broker", (False, "broker", 1883)),
        ("mqtts://broker.venue.example:8884", (True, "broker.venue.example", 8884)),
        ("MQTTS://10.0.0.5", (True, "10.0.0.5", 8883)),
    ],
)
def test_broker_addresses(text, expected):
    assert broker_url(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("http://broker", "expected mqtt://"),
        ("mqtt://user:pw@broker", "no credentials"),
        ("mqtt://broker/kiosk", "only a host and a port"),
        ("mqtt://broker:99999", "port"),
        ("mqtt://:1883", "no host"),
    ],
)
def test_bad_broker_addresses_say_what_was_expected(text, message):
    with pytest.raises(ValueError, match=message):
        broker_url(text)


@pytest.mark.parametrize("bad", ["", "a/b", "+", "#", "-x", "x" * 65, "salle ix"])
def test_device_ids_fit_in_a_topic(bad):
    with pytest.raises(ValueError, match="not a device id"):
        device_id(bad)


@pytest.mark.parametrize("bad", ["", "/kiosk", "kiosk/", "a/+/b", "a#", "a//b"])
def test_topic_prefixes(bad):
    with pytest.raises(ValueError, match="not a topic prefix"):
        topic_prefix(bad)


def test_settings_from_configuration_values(tmp_path):
    assert fleet_settings({"fleet": None}) is None  # no fleet key: nothing at all
    s = fleet_settings({"fleet": "mqtts://b", "fleet_ca": "/etc/ca.crt", "device": "door-ix"})
    assert (s.tls, s.port, s.device, s.prefix, str(s.ca)) == (True, 8883, "door-ix", "kiosk", "/etc/ca.crt")
    assert fleet_settings({"fleet": "mqtt://b"}).device  # the host name by default
    with pytest.raises(ValueError, match="mqtts://"):
        fleet_settings({"fleet": "mqtt://b", "fleet_ca": "/etc/ca.crt"})
    with pytest.raises(ValueError, match="go together"):
        fleet_settings({"fleet": "mqtts://b", "fleet_cert": "/c.crt"})
    secret = tmp_path / "pw"
    secret.write_text("hunter2\n")
    assert fleet_settings({"fleet": "mqtt://b", "fleet_password_file": str(secret)}).password() == "hunter2"


def test_topics():
    t = Topics("venue/kiosk")
    assert t.status("door-1") == "venue/kiosk/devices/door-1/status"
    assert t.device_of("venue/kiosk/devices/door-1/screenshot") == "door-1"
    assert t.device_of("venue/kiosk/devices/door-1/status/x") is None
    assert t.device_of("other/devices/door-1/status") is None


def test_only_the_three_commands_in_plain_text():
    assert [parse_command(w) for w in (b"screenshot", b" identify\n", b"reload")] == [
        "screenshot",
        "identify",
        "reload",
    ]
    for junk in (b"Reload", b"reload now", b"\xff", b"x" * (COMMAND_MAX + 1), b'{"command":"reload"}'):
        with pytest.raises(BadMessage):
            parse_command(junk)


def test_payload_shapes_and_limits():
    with pytest.raises(BadMessage, match="not a JSON object"):
        parse_status(b"[1]")
    with pytest.raises(BadMessage, match="more than"):
        parse_status(b" " * (STATUS_MAX + 1))
    with pytest.raises(BadMessage, match="not JSON"):
        parse_status(b"[" * 60_000)
    with pytest.raises(BadMessage):
        parse_online(b'{"online": "yes"}')
    with pytest.raises(BadMessage, match="not a PNG"):
        screenshot_payload(b"GIF89a")
    huge = encode({"device": "d", "rooms": ["x" * 1000] * 100})
    assert len(huge) <= STATUS_MAX and b'"truncated":true' in huge


def test_a_status_document_and_its_line():
    start = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
    doc = device_status(
        {"view": "door", "room": "ix", "lang": "en", "status": "ongoing",
         "current": [{"title": {"fr": "Ouverture", "en": "Opening"}}], "programme_error": None},
        device="door-ix", version="0.1.0", programme_source="/p.yaml", programme_hash="2d" * 32,
        loaded_at=start, clock_synchronised=True, size=(1080, 1920), rotation=90,
        started=start, now=start + dt.timedelta(seconds=75), last_error=None,
    )  # fmt: skip
    assert doc["uptime"] == 75 and doc["screen"] == {"width": 1080, "height": 1920, "rotation": 90}
    assert showing(doc) == "ongoing: now «Opening»"
    devices = {
        "door-ix": Device("door-ix", doc, True, "2026-12-06T12:00:00+00:00"),
        "b": Device("b", {**doc, "programme": {"hash": "f" * 64}}, True, None),
        "c": Device("c", doc, None, None, ["a status that is not JSON"]),
        "z\x1b[31m": Device("z\x1b[31m", {"last_error": "x\ny" * 100}, False),
        "e": Device("e", {**doc, "notices": [{"id": "evacuate", "kind": "emergency"}]}, True, None),
    }
    lines = status_lines(devices, dt.UTC)
    assert "DIFFERS" in lines[0] and "DIFFERS" not in lines[1]
    assert "bad message: a status that is not JSON" in lines[1]
    assert "\x1b" not in lines[4] and "\n" not in lines[4]  # nothing a device sent reaches the terminal raw
    assert "notices: emergency" in lines[3]
    assert [d["programme_matches_majority"] for d in status_json(devices)] == [False, True, True, True, None]


def test_the_fleet_is_qt_free_and_nothing_else_loads_paho():
    from tests.unit.test_core_is_qt_free import run_without_qt

    report = run_without_qt(
        """
        import importlib
        for name in ["kiosk.cli", "kiosk.config", "kiosk.status", "kiosk.fleet.settings"]:
            importlib.import_module(name)
        report["paho_without_fleet"] = sorted(m for m in sys.modules if m.startswith("paho"))
        for name in ["kiosk.fleet.client", "kiosk.fleet.operator", "kiosk.fleet.report"]:
            importlib.import_module(name)
        """
    )
    assert report["attempts"] == [] and report["qt_loaded"] == []
    assert report["paho_without_fleet"] == []
