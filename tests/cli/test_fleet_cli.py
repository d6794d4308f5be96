"""`kiosk fleet` as a technician runs it, against a real Mosquitto and devices on the bus."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from kiosk.fleet.client import DeviceLink, close_client
from kiosk.fleet.messages import Topics
from tests.broker import password_file

REPO = Path(__file__).resolve().parents[2]
RUN = (
    "import sys, kiosk.folders as f\n"
    "f.ETC_DIR = f.Path(sys.argv.pop(1))\n"
    "from kiosk.cli import main\n"
    "sys.exit(main())\n"
)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour PNG, written by hand (no Qt in the technician's tests)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class Technician:
    def __init__(self, root: Path, broker):
        self.root, self.broker = root, broker
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
        self.env.update(
            HOME=str(root / "home"),
            XDG_CONFIG_HOME=str(root / "xdg"),
            KIOSK_FLEET=f"mqtt://127.0.0.1:{broker.port}",
            QT_QPA_PLATFORM="offscreen",
        )

    def kiosk(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", RUN, str(self.root / "etc"), *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            cwd=self.root,
            timeout=60,
        )


@pytest.fixture
def tech(tmp_path, broker) -> Technician:
    return Technician(tmp_path, broker)


class FakeScreen:
    """A device on the bus that answers a screenshot with a frame of its own colour."""

    def __init__(self, broker, device: str, frame: bytes, room: str):
        self.commands: list[str] = []
        self.commanded = threading.Event()
        self.up = threading.Event()
        self.frame = frame
        self.link = DeviceLink(broker.settings(device), lambda data: None, self._command, self._connection)
        self.link.publish_status(
            {"device": device, "view": "door", "room": room, "status": "ongoing", "lang": "en",
             "current": [{"title": {"en": f"Talk in {room}"}}], "programme": {"hash": "a" * 64},
             "clock_synchronised": True, "published": "2026-12-06T12:00:00+00:00"}
        )  # fmt: skip
        self.link.start()
        assert self.up.wait(10)

    def _connection(self, up, why):
        if up:
            self.up.set()

    def _command(self, word):
        self.commands.append(word)
        self.commanded.set()
        if word == "screenshot":
            self.link.publish_screenshot(self.frame)


@pytest.fixture
def screens(broker):
    made = []

    def make(device, frame, room="ix"):
        s = FakeScreen(broker, device, frame, room)
        made.append(s)
        return s

    yield make
    for s in made:
        s.link.stop()


def test_status_of_two_hundred_screens(tech, broker):
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.connect("127.0.0.1", broker.port)
    client.loop_start()
    t = Topics("kiosk")
    for i in range(200):
        status = {
            "device": f"d{i:03}",
            "room": f"r{i}",
            "programme": {"hash": "b" * 64 if i == 42 else "a" * 64},
        }
        client.publish(t.status(f"d{i:03}"), json.dumps(status), qos=1, retain=True)
        info = client.publish(t.online(f"d{i:03}"), b'{"online": true, "since": null}', qos=1, retain=True)
    info.wait_for_publish(5)
    close_client(client)
    result = tech.kiosk("fleet", "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 200
    assert [line.split()[0] for line in lines if "DIFFERS" in line] == ["d042"]
    result = tech.kiosk("fleet", "status", "--json")
    devices = json.loads(result.stdout)
    assert len(devices) == 200 and sum(d["programme_matches_majority"] is False for d in devices) == 1


def test_screenshots_to_a_folder_and_a_wall(tech, screens, tmp_path):
    screens("door-1", png(160, 90, (200, 30, 30)), "Salle I")
    screens("door-2", png(90, 160, (30, 200, 30)), "Salle II")
    result = tech.kiosk("fleet", "screenshot", "--all", "-o", str(tmp_path / "shots"), "--wall", "wall.png")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shots" / "door-1.png").read_bytes() == png(160, 90, (200, 30, 30))
    assert (tmp_path / "shots" / "door-2.png").read_bytes() == png(90, 160, (30, 200, 30))
    wall = (tmp_path / "wall.png").read_bytes()
    assert wall.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", wall[16:24])
    assert width > 2 * 640 and height > 640  # two frames side by side, labels under them


def test_one_screenshot_and_a_screen_that_does_not_answer(tech, screens, broker, tmp_path):
    screens("door-1", png(16, 9, (0, 0, 0)))
    result = tech.kiosk("fleet", "screenshot", "door-1", "-o", str(tmp_path / "one"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["door-1.png"]
    result = tech.kiosk("fleet", "screenshot", "ghost", "-o", str(tmp_path / "x"), "--timeout", "1")
    assert result.returncode == 1 and "ghost: no frame in 1 s" in result.stderr


def test_identify(tech, screens):
    screen = screens("door-1", png(16, 9, (0, 0, 0)))
    result = tech.kiosk("fleet", "identify", "door-1")
    assert result.returncode == 0, result.stderr
    assert screen.commanded.wait(10)
    assert screen.commands == ["identify"]


def test_what_goes_wrong_is_one_line(tech, broker, tmp_path):
    result = tech.kiosk("fleet", "status", KIOSK_FLEET="")
    assert result.returncode == 2 and "no fleet: key" in result.stderr
    result = tech.kiosk("fleet", "status", KIOSK_FLEET="http://x")
    assert result.returncode == 2 and "expected mqtt://" in result.stderr
    result = tech.kiosk("fleet", "screenshot", "--all")
    assert result.returncode == 2 and "-o DIR" in result.stderr
    broker.stop()
    result = tech.kiosk("fleet", "status")
    assert result.returncode == 1 and "cannot reach the fleet broker" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_password(tls_broker, tmp_path):
    tech = Technician(tmp_path, tls_broker)
    result = tech.kiosk(
        "fleet", "status",
        KIOSK_FLEET=f"mqtts://localhost:{tls_broker.port}", KIOSK_FLEET_CA=str(tls_broker.tls.ca),
        KIOSK_FLEET_USER="operator", KIOSK_FLEET_PASSWORD_FILE=str(password_file(tmp_path, "wrong")),
    )  # fmt: skip
    assert result.returncode == 1 and "refused the connection: Not authorized" in result.stderr


def test_kiosk_notice_on_the_fleet(tech, screens):
    screen = screens("door-1", png(16, 9, (0, 0, 0)))
    got: list[bytes] = []
    screen.link.on_notices = got.append
    at = ["--at", "2023-03-28T10:00"]
    result = tech.kiosk("notice", "emergency", "--fleet", *at, "--fr", "Évacuez", "--en", "Evacuate")
    assert result.returncode == 0, result.stderr
    assert f"mqtt://127.0.0.1:{tech.broker.port}" in result.stdout
    result = tech.kiosk("notice", "full", "Salle IX", "--overflow", "Salle VIII", "--fleet", *at)
    assert result.returncode == 0, result.stderr
    listed = tech.kiosk("notice", "list", "--json", "--fleet", *at)
    assert [n["kind"] for n in json.loads(listed.stdout)] == ["emergency", "full"]
    assert not (tech.root / "notices.yaml").exists()  # the bus, not a file
    result = tech.kiosk("notice", "clear", "--all", "--fleet", *at)
    assert result.returncode == 0, result.stderr
    assert json.loads(tech.kiosk("notice", "list", "--json", "--fleet", *at).stdout) == []
    deadline = time.monotonic() + 10  # what the screen was handed: each version, the cleared one last
    while not (got and b"notices: []" in got[-1]) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert b"Evacuate" in got[0] and b"notices: []" in got[-1]
