"""Live programme changes and clock jumps under a running kiosk, on the real file system.

Every check waits on a condition (the status file telling the truth), never for a fixed time; the
budget for each is the issue's: within a second.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import FakeClock, parse_when
from kiosk.qt.door import DoorScreen
from kiosk.qt.live import LiveProgramme
from kiosk.qt.running import RunningKiosk
from kiosk.schedule_json import state_json

from .conftest import ROOT

WITHIN_A_SECOND = 1000  # ms


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A programme file of our own, and the kiosk's state folder kept in tmp_path."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "programmes"
    folder.mkdir()
    path = folder / "programme.yaml"
    shutil.copy(ROOT / "programme.yaml", path)
    return path


def start(path: Path, when: str, tmp_path: Path, room: str = "salle-i"):
    live = LiveProgramme(str(path))
    programme = live.start()
    clock = FakeClock(parse_when(when, programme.event.zone))
    screen = DoorScreen(programme, room)
    kiosk = RunningKiosk(live, screen, clock, status_file=str(tmp_path / "status.json"), realtime=lambda: 0.0)
    kiosk.start()
    return kiosk, clock


def status(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))


def retitled(path: Path, old: str, new: str) -> bytes:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode()


def now_title(tmp_path: Path) -> str:
    current = status(tmp_path)["current"]
    return current[0]["title"]["en"] if current else ""


PANEL = "Panel on the Coalition: past, present, future"


def test_a_save_in_place_is_shown_within_a_second(place, tmp_path, qtbot):
    _kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    assert now_title(tmp_path) == PANEL
    place.write_bytes(retitled(place, PANEL, "Panel moved to the morning"))
    qtbot.waitUntil(lambda: now_title(tmp_path) == "Panel moved to the morning", timeout=WITHIN_A_SECOND)
    assert status(tmp_path)["programme_ok"] is True


def test_a_file_renamed_over_the_programme_is_followed_again_and_again(place, tmp_path, qtbot):
    _kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    for n in range(3):  # the watch must survive each rename, as editors save
        temp = place.with_name(f".programme.yaml.{n}")
        temp.write_bytes(retitled(place, now_title(tmp_path), f"Panel, version {n}"))
        os.replace(temp, place)
        qtbot.waitUntil(lambda n=n: now_title(tmp_path) == f"Panel, version {n}", timeout=WITHIN_A_SECOND)


def test_deleted_then_recreated(place, tmp_path, qtbot):
    _kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    good = place.read_bytes()
    place.unlink()
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is False, timeout=WITHIN_A_SECOND)
    assert now_title(tmp_path) == PANEL  # the last good programme stays on screen
    assert "cannot read" in status(tmp_path)["programme_error"]
    place.write_bytes(good.replace(PANEL.encode(), b"Panel, recreated"))
    qtbot.waitUntil(lambda: now_title(tmp_path) == "Panel, recreated", timeout=WITHIN_A_SECOND)
    assert status(tmp_path)["programme_ok"] is True


def test_an_unreadable_programme_keeps_the_last_good_one(place, tmp_path, qtbot):
    _kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    good = place.read_bytes()
    # Tests run as root, for whom chmod 000 still reads: a folder in the file's place cannot be read.
    place.unlink()
    place.mkdir()
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is False, timeout=WITHIN_A_SECOND)
    assert now_title(tmp_path) == PANEL
    place.rmdir()
    place.write_bytes(good)
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is True, timeout=WITHIN_A_SECOND)


def test_a_broken_programme_shows_a_mark_and_fixing_it_clears_the_mark(place, tmp_path, qtbot):
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    good = place.read_bytes()
    place.write_bytes(good.replace(b'end: "11:05"', b'end: "09:05"', 1))
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is False, timeout=WITHIN_A_SECOND)
    error = status(tmp_path)["programme_error"]
    assert f"{place}:" in error and "is before start" in error  # file:line:column: field: what
    assert now_title(tmp_path) == PANEL
    page = kiosk.screen.bridge.pages[1]
    assert page.programmeError == "Programme error"  # the discreet mark on screen
    place.write_bytes(good)
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is True, timeout=WITHIN_A_SECOND)
    assert page.programmeError == ""


def test_a_half_written_file_never_replaces_what_is_shown(place, tmp_path, qtbot):
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    new = retitled(place, PANEL, "Panel, complete")
    with place.open("wb") as out:
        out.write(new[: len(new) // 2])
        out.flush()
        qtbot.waitUntil(
            lambda: status(tmp_path)["programme_ok"] is False or kiosk.live.settle.isActive(),
            timeout=WITHIN_A_SECOND,
        )
        assert now_title(tmp_path) == PANEL
        out.write(new[len(new) // 2 :])
    qtbot.waitUntil(lambda: now_title(tmp_path) == "Panel, complete", timeout=WITHIN_A_SECOND)
    assert status(tmp_path)["programme_ok"] is True


def test_a_restart_with_a_broken_file_shows_the_last_good_copy(place, tmp_path, qtbot):
    first, _ = start(place, "2023-03-28T10:30", tmp_path)
    first.ticker.stop()
    place.write_bytes(b"format: 1\nevent: [broken\n")
    _again, _ = start(place, "2023-03-28T10:30", tmp_path)
    assert now_title(tmp_path) == PANEL
    assert status(tmp_path)["programme_ok"] is False


def test_a_programme_without_this_room_is_not_shown(place, tmp_path, qtbot):
    _kiosk, _ = start(place, "2023-03-28T10:30", tmp_path, room="salle-i-foyer")
    place.write_bytes(place.read_bytes().replace(b"salle-i-foyer", b"foyer-i"))
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is False, timeout=WITHIN_A_SECOND)
    assert "no longer in the programme" in status(tmp_path)["programme_error"]
    assert status(tmp_path)["room"] == "salle-i-foyer"


@pytest.mark.parametrize(
    "jump",
    [
        dt.timedelta(hours=1),
        dt.timedelta(hours=-1),
        dt.timedelta(days=1),
        dt.timedelta(days=-1),
        dt.timedelta(hours=14),
    ],  # 10:30 + 14 h: past midnight, the next day
    ids=["+1h", "-1h", "+1d", "-1d", "across-midnight"],
)
def test_a_clock_jump_is_followed_at_the_next_tick(place, tmp_path, jump):
    kiosk, clock = start(place, "2023-03-28T10:30", tmp_path)
    clock.advance(seconds=jump.total_seconds())
    kiosk.ticker.tick()
    expected = state_json(schedule.room_state(kiosk.live.programme, "salle-i", clock.now()))
    shown = status(tmp_path)
    assert {k: shown[k] for k in ("status", "current", "next")} == {
        k: expected[k] for k in ("status", "current", "next")
    }
    assert shown["at"] == clock.now().isoformat()
    assert kiosk.ticker.next_wake_seconds <= 30  # and the next wake-up is computed from the new time


DST_PROGRAMME = """\
format: 1
event:
  id: nights
  title: {en: Nights}
  languages: [en]
  timezone: Europe/Paris
  dates: {first: 2023-03-25, last: 2023-10-29}
rooms:
  - {id: hall, name: {en: Hall}}
sessions:
  - {id: spring, room: hall, start: "2023-03-26 01:30", end: "2023-03-26 03:30", title: {en: Spring night}}
  - {id: autumn, room: hall, start: "2023-10-29 01:30", end: "2023-10-29 04:00", title: {en: Autumn night}}
"""


@pytest.mark.parametrize(
    ("when", "title", "left_minutes"),
    [
        ("2023-03-26T00:59:00Z", "Spring night", 31),  # 03:29 CEST, one real hour after 01:59 CET
        ("2023-03-26T01:31:00Z", "", None),  # 03:31 CEST: over
        ("2023-10-29T00:30:00Z", "Autumn night", 150),  # 02:30 CEST, first time round
        ("2023-10-29T01:30:00Z", "Autumn night", 90),  # 02:30 CET, second time round
    ],
)
def test_daylight_saving_changes(tmp_path, monkeypatch, qtbot, when, title, left_minutes):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = tmp_path / "nights.yaml"
    path.write_text(DST_PROGRAMME, encoding="utf-8")
    kiosk, clock = start(path, "2023-03-25T22:00", tmp_path, room="hall")
    clock.set(parse_when(when, dt.UTC))
    kiosk.ticker.tick()
    assert now_title(tmp_path) == title
    page = kiosk.screen.bridge.pages[0]
    assert page.nowLeft == (
        f"{left_minutes // 60}\u00a0h\u00a0{left_minutes % 60:02d}"
        if left_minutes and left_minutes >= 60
        else f"{left_minutes}\u00a0min"
        if left_minutes
        else ""
    ) + (" left" if left_minutes else "")


def test_systemd_hears_ready_once_the_first_frame_is_up_and_watchdog_pings(
    place, tmp_path, monkeypatch, qtbot
):
    from kiosk.qt.window import show_screen

    address = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(address)
    server.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "200000")  # a ping every 0.1 s
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    heard: list[str] = []

    def listen() -> bool:
        try:
            while True:
                heard.append(server.recv(256).decode())
        except BlockingIOError:
            return "READY=1" in heard and "WATCHDOG=1" in heard

    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    view = show_screen(kiosk.screen, size=(640, 360))
    view.frameSwapped.connect(kiosk.first_frame_shown)
    view.show()
    qtbot.waitUntil(listen, timeout=2000)
    assert heard.index("READY=1") < len(heard)
    view.close()
    server.close()
