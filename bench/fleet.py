"""The fleet's budgets (issue 17), with a real Mosquitto on loopback.

Resident memory of the door on the bus against the door alone and the bare window; frames drawn by
heartbeats; notice published → shown on screen; `kiosk fleet status` over 500 screens. Each door is
the benchmark's usual door (Salle IX at 14:40); the fleet's keys come through the environment, as a
device's configuration would give them.
"""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import subprocess
import threading
import time
from pathlib import Path

from .process import environment, python
from .report import MEMORY_RATIO, Budget, Row, mib, ms
from .scenarios import (
    SETTLE_AFTER_START,
    Failed,
    Setup,
    bare,
    kiosk,
    minute_changes,
    near,
    percentile,
    sleep_until,
    started,
    status_path,
    wait_for_status,
)

MOSQUITTO = shutil.which("mosquitto") or shutil.which("mosquitto", path="/usr/sbin:/usr/local/sbin")
DEVICE = "door-bench"
FLEET_EXTRA_KIB = 5_000_000 / 1024  # the door's memory budget + 5 MB
NOTICE_P95_MS = 500.0
STATUS_DEVICES, STATUS_SECONDS = 500, 1.0


class Unavailable(Exception):
    """Mosquitto is not installed here."""


class Broker:
    """An anonymous Mosquitto on a free loopback port, for the length of one measurement."""

    def __init__(self, workdir: Path):
        if not MOSQUITTO:
            raise Unavailable("Mosquitto is not installed: apt-get install mosquitto")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        conf = workdir / "mosquitto.conf"
        conf.write_text(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
        self._log = open(workdir / "mosquitto.log", "ab")  # noqa: SIM115 (closed in stop())
        self.popen = subprocess.Popen([MOSQUITTO, "-c", str(conf)], stdout=self._log, stderr=self._log)
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.time() > deadline or self.popen.poll() is not None:
                    self.stop()
                    raise Failed("Mosquitto did not start") from None
                time.sleep(0.02)

    @property
    def env(self) -> dict[str, str]:
        return {"KIOSK_FLEET": f"mqtt://127.0.0.1:{self.port}", "KIOSK_DEVICE": DEVICE}

    def client(self):
        import paho.mqtt.client as mqtt

        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
        client.connect("127.0.0.1", self.port)
        client.loop_start()
        return client

    def stop(self) -> None:
        self.popen.terminate()
        self.popen.wait(10)
        self._log.close()


def _close(client) -> None:
    from kiosk.fleet.client import close_client

    close_client(client)


def on_the_bus(broker: Broker, timeout: float = 30.0) -> None:
    """Wait (bounded) until the door's online mark is on the broker."""
    seen = threading.Event()
    client = broker.client()
    client.on_message = lambda c, u, m: seen.set() if b'"online": true' in m.payload else None
    client.subscribe(f"kiosk/devices/{DEVICE}/online")
    ok = seen.wait(timeout)
    _close(client)
    if not ok:
        raise Failed("the door never came on the fleet bus")


def memory(setup: Setup, runs: int) -> dict:
    """Resident memory once started: bare window, door, door on the bus, taking turns."""
    broker = Broker(setup.workdir)
    rss: dict[str, list[int]] = {"bare": [], "door": [], "fleet": []}
    try:
        for run in range(runs):
            kinds = ("bare", "door", "fleet") if run % 2 == 0 else ("fleet", "door", "bare")
            for kind in kinds:
                name = f"fleet-memory-{kind}-{run}"
                if kind == "bare":
                    process = bare(setup, name)
                else:
                    env = broker.env if kind == "fleet" else None
                    process = kiosk(setup, name, language_period=3600, env=env)
                first = started(process)
                if kind == "fleet":
                    on_the_bus(broker)
                sleep_until(max(first.at + SETTLE_AFTER_START, time.time() + 0.5))
                rss[kind].append(process.rss_kib())
                process.stop()
    finally:
        broker.stop()
    return {kind: {"rss_kib": statistics.median(v), "rss_all_kib": v} for kind, v in rss.items()}


def heartbeats(setup: Setup, seconds: float) -> dict:
    """Frames the door on the bus draws over ``seconds`` (more than a heartbeat), apart from minutes."""
    broker = Broker(setup.workdir)
    published: list[float] = []
    listener = broker.client()
    listener.on_message = lambda c, u, m: published.append(time.time())
    listener.subscribe(f"kiosk/devices/{DEVICE}/status")
    try:
        door = kiosk(setup, "fleet-heartbeat", language_period=3600, env=broker.env)
        first = started(door)
        on_the_bus(broker)
        sleep_until(first.at + SETTLE_AFTER_START)
        start = time.time()
        sleep_until(start + seconds)
        end = time.time()
        time.sleep(0.2)  # the last frames reach the log
        minutes = minute_changes(status_path(door), 1.0, start - 0.5, end)
        frames = [f for f in door.frames() if start <= f.at <= end]
        door.stop()
    finally:
        _close(listener)
        broker.stop()
    statuses = [t for t in published if start <= t <= end]
    outside = [f for f in frames if not near(f.at, minutes)]
    return {
        "seconds": end - start,
        "statuses_published": len(statuses),
        "minute_changes": len(minutes),
        "frames": len(frames),
        "frames_outside_minutes": len(outside),
    }


def notices_document(n: int) -> bytes:
    """A notices document whose one message carries a marker the status file will show."""
    return (
        "format: 1\nnotices:\n"
        f"  - id: bench-{n}\n    kind: message\n    text: {{fr: 'Essai {n}', en: 'Test {n}'}}\n"
    ).encode()


def notice_latency(setup: Setup, count: int) -> dict:
    """From a notices document published on the broker to the status file and the frame showing it."""
    broker = Broker(setup.workdir)
    publisher = broker.client()
    shown: list[tuple[float, float]] = []
    missed = 0
    try:
        door = kiosk(setup, "fleet-notices", language_period=3600, env=broker.env)
        first = started(door)
        on_the_bus(broker)
        sleep_until(first.at + SETTLE_AFTER_START)
        for n in range(1, count + 1):
            published = time.time()
            publisher.publish("kiosk/notices", notices_document(n), qos=1, retain=True)
            written = wait_for_status(status_path(door), f"bench-{n}", timeout=5.0)
            if written is None:
                missed += 1
            else:
                shown.append((published, written))
            time.sleep(0.4)  # quiet again; no rhythm to lock onto (the settle time is 150 ms)
        time.sleep(0.3)
        frames = door.frames()
        door.stop()
    finally:
        _close(publisher)
        broker.stop()
    to_status = [(written - published) * 1000 for published, written in shown]
    to_frame = []
    for published, written in shown:
        frame = next((f for f in frames if f.at >= written - 0.001), None)
        if frame is not None:
            to_frame.append((frame.at + 0.0005 - published) * 1000)
    return {
        "published": count,
        "missed": missed,
        "status_ms_p50": percentile(to_status, 50),
        "status_ms_p95": percentile(to_status, 95),
        "frame_ms_p50": percentile(to_frame, 50),
        "frame_ms_p95": percentile(to_frame, 95),
        "frames_found": len(to_frame),
    }


def fleet_status(setup: Setup, devices: int, runs: int) -> dict:
    """Wall time of the whole `kiosk fleet status` command (start-up included) over ``devices`` screens,
    after a first run that compiles the bytecode."""
    broker = Broker(setup.workdir)
    client = broker.client()
    try:
        for i in range(devices):
            device = f"d{i:03}"
            status = {
                "device": device,
                "view": "door",
                "room": f"room-{i}",
                "status": "ongoing",
                "lang": "en",
                "current": [{"title": {"en": f"Session {i}", "fr": f"Séance {i}"}}],
                "programme": {"hash": "a" * 64, "source": "/etc/kiosk/programme.yaml"},
                "clock_synchronised": True,
                "published": "2026-12-06T12:00:00+00:00",
                "screen": {"width": 1080, "height": 1920, "rotation": 90},
            }
            client.publish(f"kiosk/devices/{device}/status", json.dumps(status), qos=1, retain=True)
            online = b'{"online": true, "since": "2026-12-06T08:00:00+00:00"}'
            info = client.publish(f"kiosk/devices/{device}/online", online, qos=1, retain=True)
        info.wait_for_publish(10)
        env = {**environment(setup.workdir), **broker.env}
        seconds, lines = [], 0
        # Run 0 warms up, as the start-up runs do: it compiles the bytecode (pip does at install).
        for run in range(runs + 1):
            began = time.time()
            done = subprocess.run(
                [python(), "-m", "kiosk", "fleet", "status"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            if run:
                seconds.append(time.time() - began)
            if done.returncode != 0:
                raise Failed(f"kiosk fleet status: {done.stderr.strip()}")
            lines = len(done.stdout.splitlines())
    finally:
        _close(client)
        broker.stop()
    return {
        "devices": devices,
        "lines": lines,
        "runs": runs,
        "s_p50": statistics.median(seconds),
        "s_max": max(seconds),
    }


def measure(setup: Setup, runs: int, heartbeat_seconds: float, notices: int) -> dict:
    try:
        return {
            "available": True,
            "memory": memory(setup, runs),
            "heartbeats": heartbeats(setup, heartbeat_seconds),
            "notices": notice_latency(setup, notices),
            "status": fleet_status(setup, STATUS_DEVICES, runs),
        }
    except Unavailable as err:
        return {"available": False, "reason": str(err)}


def rows_and_budgets(figures: dict | None, rows: list[Row], budgets: list[Budget]) -> None:
    if not figures:
        return
    if not figures["available"]:
        rows.append(Row("fleet bus", "not available: " + figures["reason"]))
        budgets.append(Budget("fleet bus budgets", "not measured", False))
        return
    m, h, n, s = figures["memory"], figures["heartbeats"], figures["notices"], figures["status"]
    fleet, door, bare_kib = m["fleet"]["rss_kib"], m["door"]["rss_kib"], m["bare"]["rss_kib"]
    rows += [
        Row(
            f"resident memory, door on the fleet bus (median of {len(m['fleet']['rss_all_kib'])})",
            mib(fleet),
            mib(bare_kib),
            f"{fleet / bare_kib:.2f}×",
        ),
        Row("  the same door without the bus", mib(door), mib(bare_kib), f"{door / bare_kib:.2f}×"),
        Row(
            f"frames over {h['seconds']:.0f} s on the bus ({h['statuses_published']} statuses published)",
            f"{h['frames']} ({h['frames_outside_minutes']} outside a minute's change)",
        ),
        Row(
            "notice published → status file p50 / p95", f"{ms(n['status_ms_p50'])} / {ms(n['status_ms_p95'])}"
        ),
        Row("notice published → frame shown p50 / p95", f"{ms(n['frame_ms_p50'])} / {ms(n['frame_ms_p95'])}"),
        Row(
            f"kiosk fleet status, {s['devices']} screens (median / max of {s['runs']})",
            f"{ms(s['s_p50'] * 1000)} / {ms(s['s_max'] * 1000)}",
        ),
    ]
    limit = MEMORY_RATIO * bare_kib + FLEET_EXTRA_KIB
    budgets.append(
        Budget(
            f"memory on the fleet bus ≤ {MEMORY_RATIO:g}× bare + 5 MB ({mib(limit)})",
            mib(fleet),
            fleet <= limit,
        )
    )
    budgets.append(
        Budget(
            "no frame drawn by the bus (heartbeats, statuses)",
            f"{h['frames_outside_minutes']} frames, {h['statuses_published']} statuses",
            h["frames_outside_minutes"] == 0 and h["statuses_published"] >= 2,
        )
    )
    p95 = n["frame_ms_p95"]
    complete = n["missed"] == 0 and n["frames_found"] == n["published"]
    budgets.append(
        Budget(
            f"notice published → shown p95 ≤ {NOTICE_P95_MS:g} ms",
            f"{ms(p95)} ({n['published'] - n['missed']}/{n['published']} shown)",
            complete and p95 is not None and p95 <= NOTICE_P95_MS,
        )
    )
    budgets.append(
        Budget(
            f"kiosk fleet status for {s['devices']} screens ≤ {STATUS_SECONDS:g} s",
            ms(s["s_p50"] * 1000),
            s["lines"] == s["devices"] and s["s_p50"] <= STATUS_SECONDS,
        )
    )
