"""Live programme changes and clock jumps under a running kiosk, on the real file system.

Every check waits on a condition (the status file telling the truth), never for a fixed time; the
budget for each is the issue's: within a second.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk import last_good
from kiosk.atomic import write_atomically
from kiosk.clock import FakeClock, parse_when
from kiosk.notices.json import room_state_json
from kiosk.programme import cache, load
from kiosk.qt.door import DoorScreen
from kiosk.qt.live import STABLE_SECONDS, LiveProgramme, LiveSource
from kiosk.qt.reading import signature
from kiosk.qt.running import RunningKiosk

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


class Stopwatch:
    """The live programme's monotonic clock, moved by the test: the 2 s of stillness without waiting."""

    def __init__(self):
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def start(path: Path, when: str, tmp_path: Path, room: str = "salle-i", stopwatch: Stopwatch | None = None):
    live = LiveProgramme(str(path), monotonic=stopwatch or Stopwatch())
    programme = live.start()
    clock = FakeClock(parse_when(when, programme.event.zone))
    screen = DoorScreen(programme, room)
    kiosk = RunningKiosk(live, screen, clock, status_file=str(tmp_path / "status.json"), realtime=lambda: 0.0)
    kiosk.start()
    return kiosk, clock


def settle(kiosk, qtbot) -> None:
    """After a write in place: once the watcher saw it, 2 s of stillness go by on the kiosk's stopwatch."""
    qtbot.waitUntil(kiosk.live.stable.isActive, timeout=WITHIN_A_SECOND)
    kiosk.live.monotonic.seconds += STABLE_SECONDS
    kiosk.live.check_stable()


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


def test_a_save_in_place_is_shown_once_the_file_stood_still_for_two_seconds(place, tmp_path, qtbot):
    stopwatch = Stopwatch()
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path, stopwatch=stopwatch)
    assert now_title(tmp_path) == PANEL
    place.write_bytes(retitled(place, PANEL, "Panel moved to the morning"))
    qtbot.waitUntil(kiosk.live.stable.isActive, timeout=WITHIN_A_SECOND)  # the watcher saw it
    stopwatch.seconds += STABLE_SECONDS - 0.01
    kiosk.live.check_stable()  # as its timer would
    assert not kiosk.live._reading and now_title(tmp_path) == PANEL
    stopwatch.seconds += 0.01
    kiosk.live.check_stable()
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
    settle(kiosk, qtbot)
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is False, timeout=WITHIN_A_SECOND)
    error = status(tmp_path)["programme_error"]
    assert f"{place}:" in error and "is before start" in error  # file:line:column: field: what
    assert now_title(tmp_path) == PANEL
    page = kiosk.screen.bridge.pages[1]
    assert page.programmeError == "Programme error"  # the discreet mark on screen
    place.write_bytes(good)
    settle(kiosk, qtbot)
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is True, timeout=WITHIN_A_SECOND)
    assert page.programmeError == ""


def test_a_slow_copy_is_never_shown_half_way(place, tmp_path, qtbot):
    """Issue 13.13: 1 KiB every 400 ms, in place (as `cp` over weak Wi-Fi); read 2 s after the last."""
    stopwatch = Stopwatch()
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path, stopwatch=stopwatch)
    new = retitled(place, PANEL, "Panel, complete")
    chunks = [new[i : i + 1024] for i in range(0, len(new), 1024)]
    assert len(chunks) > 10
    with place.open("r+b") as out:
        out.truncate(0)
        for chunk in chunks:
            out.write(chunk)
            out.flush()
            stopwatch.seconds += 0.4
            kiosk.live.check_stable()  # whenever the timer or the watcher looks: never read half-way
            assert not kiosk.live._reading
            assert now_title(tmp_path) == PANEL and status(tmp_path)["programme_ok"] is True
    stopwatch.seconds += STABLE_SECONDS - 0.1
    kiosk.live.check_stable()
    assert not kiosk.live._reading
    stopwatch.seconds += 0.1
    kiosk.live.check_stable()
    qtbot.waitUntil(lambda: now_title(tmp_path) == "Panel, complete", timeout=WITHIN_A_SECOND)
    assert status(tmp_path)["programme_ok"] is True


def test_a_copy_renamed_into_place_is_taken_at_once(place, tmp_path, qtbot):
    """No 2 s wait for a rename (rsync, install, mv): the clock never moves here."""
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    temp = place.with_name(".programme.yaml.tmp")
    temp.write_bytes(retitled(place, PANEL, "Panel, renamed in"))
    os.replace(temp, place)
    qtbot.waitUntil(lambda: now_title(tmp_path) == "Panel, renamed in", timeout=WITHIN_A_SECOND)
    assert not kiosk.live.stable.isActive()


def test_a_large_programme_is_shown_before_its_cache_entry_is_written(place, tmp_path, qtbot, monkeypatch):
    """Issue 15.2: a reload waits for the parse and the check only; the cache entry follows on the worker."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    padding = b"".join(b"# " + b"x" * 76 + b"\n" for _ in range(load.CACHE_FROM_BYTES // 78 + 1))
    place.write_bytes(place.read_bytes() + padding)
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    qtbot.waitUntil(lambda: cache.holds(place.read_bytes(), kiosk.live.name), timeout=WITHIN_A_SECOND)
    stored: list[bool] = []  # whether the screen already had the programme stored
    store = cache.store

    def watched(data: bytes, name: str, programme) -> None:
        shown = kiosk.live.value is programme
        store(data, name, programme)
        stored.append(shown)

    monkeypatch.setattr(cache, "store", watched)
    temp = place.with_name(".programme.yaml.tmp")
    temp.write_bytes(retitled(place, PANEL, "Panel, cached after"))
    os.replace(temp, place)
    qtbot.waitUntil(lambda: now_title(tmp_path) == "Panel, cached after", timeout=WITHIN_A_SECOND)
    qtbot.waitUntil(lambda: stored == [True], timeout=WITHIN_A_SECOND)
    assert cache.holds(place.read_bytes(), kiosk.live.name)


def cut_after(data: bytes, session_id: str) -> bytes:
    """The programme cut at the end of a session's entry: still a valid programme, with fewer sessions."""
    lines = data.decode().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if f"id: {session_id}" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- id:"))
    return "".join(lines[:end]).encode()


def test_a_truncated_copy_that_drops_sessions_on_now_or_next_is_reported(place, tmp_path, qtbot, caplog):
    """Issue 13.13: a copy cut at a session boundary is valid; what it drops is logged and in the status."""
    caplog.set_level(logging.INFO, logger="kiosk")
    kiosk, _clock = start(place, "2023-03-28T10:30", tmp_path)
    before = {s.id for s in kiosk.live.programme.sessions}
    temp = place.with_name(".programme.yaml.tmp")
    temp.write_bytes(cut_after(place.read_bytes(), "welcome"))
    os.replace(temp, place)
    qtbot.waitUntil(lambda: bool(status(tmp_path)["programme_dropped"]), timeout=WITHIN_A_SECOND)
    dropped = status(tmp_path)["programme_dropped"]
    assert PANEL in [d["title"]["en"] for d in dropped]
    assert {d["id"] for d in dropped} < before
    assert "drops sessions that were on now or next" in caplog.text
    assert "Table ronde sur la Coalition" in caplog.text
    temp.write_bytes((ROOT / "programme.yaml").read_bytes())
    os.replace(temp, place)  # the whole file again: nothing dropped
    qtbot.waitUntil(lambda: not status(tmp_path)["programme_dropped"], timeout=WITHIN_A_SECOND)


def test_a_reload_without_the_screens_sign_is_logged_and_in_the_status(place, tmp_path, qtbot, caplog):
    """Issue 18.2: a new programme that lost this screen's sign shows no arrows, and says why."""
    caplog.set_level(logging.INFO, logger="kiosk")
    kiosk, _clock = start(place, "2023-03-28T10:30", tmp_path)
    kiosk.screen.sign_id = "salle-i-door"
    kiosk.write_status()
    assert (status(tmp_path)["sign"], status(tmp_path)["sign_missing"]) == ("salle-i-door", False)
    temp = place.with_name(".programme.yaml.tmp")
    temp.write_bytes(retitled(place, "id: salle-i-door", "id: salle-1-door"))
    os.replace(temp, place)
    qtbot.waitUntil(lambda: status(tmp_path)["sign_missing"], timeout=WITHIN_A_SECOND)
    assert "has no sign 'salle-i-door': no arrows" in caplog.text


def test_a_reload_is_read_and_parsed_on_a_worker_thread(tmp_path, qtbot):
    """Issue 15.2: a slow parse never holds the GUI thread; only the finished value crosses over.

    Any parse function plugs in (the notices file uses its own).
    """
    path = tmp_path / "notices.yaml"
    path.write_text("1", encoding="utf-8")
    threads: list[threading.Thread] = []
    release = threading.Event()

    def parse(data: bytes, name: str) -> int:
        threads.append(threading.current_thread())
        if data != b"1":
            release.wait(timeout=10)
        return int(data)

    source = LiveSource(str(path), parse, what="notices")
    assert source.start() == 1
    temp = tmp_path / "notices.tmp"
    temp.write_text("2", encoding="utf-8")
    os.replace(temp, path)
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=WITHIN_A_SECOND)
    assert threads[1] is not threading.main_thread()
    ticks: list[int] = []  # the GUI thread goes on meanwhile
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=WITHIN_A_SECOND)
    assert source.value == 1
    with qtbot.waitSignal(source.replaced, timeout=WITHIN_A_SECOND):
        release.set()
    assert source.value == 2 and source.error is None


def test_the_value_shown_is_remembered_by_a_fingerprint_not_by_its_bytes(tmp_path, qtbot):
    path = tmp_path / "notices.yaml"
    path.write_text("1", encoding="utf-8")
    parsed: list[bytes] = []
    source = LiveSource(str(path), lambda data, name: parsed.append(data) or int(data), what="notices")
    assert source.start() == 1
    # The bytes themselves are let go once shown (a congress's file would be held twice otherwise).
    assert not [name for name, value in vars(source).items() if isinstance(value, bytes | bytearray)]
    assert source.digest is None  # the SHA-256 is worked out only for whoever asks (the fleet)
    source.want_digests()
    assert source.digest == hashlib.sha256(b"1").hexdigest() and parsed == [b"1"]

    write_atomically(path, b"1")  # saved again as it was: read, found the same, not parsed again
    qtbot.waitUntil(lambda: source._read.identity == signature(path).identity, timeout=WITHIN_A_SECOND)
    assert parsed == [b"1"] and source.value == 1

    with qtbot.waitSignal(source.replaced, timeout=WITHIN_A_SECOND):
        write_atomically(path, b"2")
    assert parsed == [b"1", b"2"] and source.digest == hashlib.sha256(b"2").hexdigest()


class Parsed:
    def __init__(self, data: bytes):
        self.data = data


class CountedParse:
    """A parse that keeps what it made, in order, and can be held until the test lets it go on."""

    def __init__(self):
        self.given: list[bytes] = []  # as soon as it begins
        self.made: list[Parsed] = []
        self.go_on = threading.Event()
        self.go_on.set()

    def __call__(self, data: bytes, name: str) -> Parsed:
        self.given.append(data)
        self.go_on.wait(timeout=10)
        self.made.append(Parsed(data))
        return self.made[-1]

    def read(self) -> list[bytes]:
        return [parsed.data for parsed in self.made]


def followed(tmp_path: Path) -> tuple[LiveSource, CountedParse, Path, list[bytes]]:
    """A followed file whose settle time ends only when the test says (``end_of_settle``), and the
    values it shows, in order."""
    path = tmp_path / "source.txt"
    path.write_text("1", encoding="utf-8")
    parse = CountedParse()
    source = LiveSource(str(path), parse, what="source")
    source.start()
    source.settle.setInterval(3_600_000)
    shown: list[bytes] = []
    source.replaced.connect(lambda: shown.append(source.value.data))
    return source, parse, path, shown


def end_of_settle(source: LiveSource) -> None:
    source.settle.stop()
    source.settle.timeout.emit()


def test_a_save_renamed_into_place_is_parsed_while_its_events_settle_and_only_once(tmp_path, qtbot):
    """Issue 15.2: the read begins at the save's first event; the end of the settle time finds the
    same bytes and takes its parse (a 1 500-session programme is on screen 50 ms sooner)."""
    source, parse, path, shown = followed(tmp_path)
    write_atomically(path, b"2")
    qtbot.waitUntil(lambda: parse.read() == [b"1", b"2"], timeout=WITHIN_A_SECOND)
    ticks: list[int] = []  # the parse is done: nothing is shown before the save has settled
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=WITHIN_A_SECOND)
    assert shown == [] and source.settle.isActive()
    with qtbot.waitSignal(source.replaced, timeout=WITHIN_A_SECOND):
        end_of_settle(source)
    assert shown == [b"2"]
    assert source.value is parse.made[1]  # what the read ahead made: not parsed a second time


def test_what_a_read_ahead_found_is_not_shown_when_the_file_changed_after_it(tmp_path, qtbot):
    """A save still under way when the read ahead began (or another save right after it): the read at
    the end of the settle finds other bytes, parses them, and shows those."""
    source, parse, path, shown = followed(tmp_path)
    parse.go_on.clear()  # the read ahead holds on "2" while "3" is saved
    write_atomically(path, b"2")
    qtbot.waitUntil(lambda: parse.given == [b"1", b"2"], timeout=WITHIN_A_SECOND)
    source.settle.setInterval(7_200_000)  # restarted by the watcher seeing "3": longer than any before
    write_atomically(path, b"3")
    qtbot.waitUntil(lambda: source.settle.remainingTime() > 3_600_000, timeout=WITHIN_A_SECOND)
    parse.go_on.set()
    with qtbot.waitSignal(source.replaced, timeout=WITHIN_A_SECOND):
        end_of_settle(source)
    assert shown == [b"3"] and parse.read()[:3] == [b"1", b"2", b"3"]
    assert source._read.identity == signature(path).identity


def test_a_read_ahead_is_not_taken_by_a_read_with_another_parse(tmp_path, qtbot):
    """The notices are parsed again against a new programme: the same bytes, another value."""
    source, parse, path, shown = followed(tmp_path)
    write_atomically(path, b"2")
    qtbot.waitUntil(lambda: parse.read() == [b"1", b"2"], timeout=WITHIN_A_SECOND)
    source.parse = again = CountedParse()
    with qtbot.waitSignal(source.replaced, timeout=WITHIN_A_SECOND):
        end_of_settle(source)
    assert source.value is again.made[0] and shown == [b"2"]


def test_a_file_still_absent_is_not_read_again_at_each_change_of_its_folder(tmp_path, qtbot):
    """A notices file not written yet sits beside a programme saved again and again: nothing to read."""
    parse = CountedParse()
    source = LiveSource(str(tmp_path / "notices.yaml"), parse, what="notices", missing=b"")
    source.start()
    assert parse.read() == [b""]
    for n in range(3):  # the programme beside it, saved by rename
        with qtbot.waitSignal(source.watcher.directoryChanged, timeout=WITHIN_A_SECOND):
            write_atomically(tmp_path / "programme.yaml", str(n).encode())
        assert not source.settle.isActive()
    write_atomically(tmp_path / "notices.yaml", b"7")  # written at last: read
    qtbot.waitUntil(lambda: source.value is not None and source.value.data == b"7", timeout=WITHIN_A_SECOND)
    os.unlink(tmp_path / "notices.yaml")  # and gone again: read (no notices), once
    qtbot.waitUntil(lambda: source.value.data == b"", timeout=WITHIN_A_SECOND)
    assert parse.read().count(b"") == 2


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "big"])
def test_a_fifo_a_device_or_a_huge_file_in_its_place_never_blocks_nor_eats_memory(
    place, tmp_path, qtbot, kind
):
    """Issue 13.14: a FIFO would block the reader forever, /dev/zero would fill the memory."""
    _kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    temp = place.with_name(".programme.yaml.tmp")
    if kind == "fifo":
        os.mkfifo(temp)
        # On the old code the read blocks: open the other end after a while so the test ends anyway.
        unblock = threading.Timer(5, lambda: open(place, "wb").close())
        unblock.start()
    elif kind == "dev-zero":
        temp.symlink_to("/dev/zero")
    else:
        with temp.open("wb") as big:
            big.truncate(6 * 1024 * 1024)
    os.replace(temp, place)
    qtbot.waitUntil(lambda: status(tmp_path)["programme_ok"] is False, timeout=WITHIN_A_SECOND)
    error = status(tmp_path)["programme_error"]
    expected = {"fifo": "not a regular file (a FIFO)", "dev-zero": "not a regular file (a character device)"}
    assert error.startswith(f"{place}: ") and expected.get(kind, "larger than 5 MB") in error
    assert now_title(tmp_path) == PANEL
    if kind == "fifo":
        unblock.cancel()


def test_a_last_good_copy_that_cannot_be_saved_is_logged_and_in_the_status(
    tmp_path, monkeypatch, qtbot, caplog
):
    """Issue 13.16: a full disk (here: the state folder cannot be made) is no longer silent."""
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    path = tmp_path / "programme.yaml"
    shutil.copy(ROOT / "programme.yaml", path)
    _kiosk, _ = start(path, "2023-03-28T10:30", tmp_path)
    qtbot.waitUntil(lambda: status(tmp_path)["programme_kept"] is False, timeout=WITHIN_A_SECOND)
    shown = status(tmp_path)
    assert f"cannot keep the last good copy at {blocked}" in shown["programme_keep_error"]
    assert "Not a directory" in shown["programme_keep_error"]
    assert shown["programme_ok"] is True  # what is shown is right; only the copy is missing
    assert "cannot keep the last good copy" in caplog.text


def test_a_programme_restored_from_an_old_copy_is_marked_with_its_age(place, tmp_path, qtbot):
    """Issue 13.16: a restart with a broken file shows the last good copy, and says how old it is."""
    first, _ = start(place, "2023-03-28T10:30", tmp_path)
    qtbot.waitUntil(lambda: last_good.find(str(place)) is not None, timeout=WITHIN_A_SECOND)
    first.ticker.stop()
    copy = last_good.find(str(place))
    three_days_ago = time.time() - 3 * 86400 - 60
    os.utime(copy, (three_days_ago, three_days_ago))
    place.write_bytes(b"format: 1\nevent: [broken\n")
    _again, _ = start(place, "2023-03-28T10:30", tmp_path)
    shown = status(tmp_path)
    assert now_title(tmp_path) == PANEL
    assert shown["programme_from"] == "last good copy"
    assert shown["programme_copy_saved"] == dt.datetime.fromtimestamp(three_days_ago, dt.UTC).isoformat()
    assert "showing the last good copy, saved" in shown["programme_error"]
    assert "(3 days ago)" in shown["programme_error"]


def test_a_restart_with_a_broken_file_shows_the_last_good_copy(place, tmp_path, qtbot):
    first, _ = start(place, "2023-03-28T10:30", tmp_path)
    # The copy is saved on the worker thread, a moment after the programme is shown.
    qtbot.waitUntil(lambda: last_good.find(str(place)) is not None, timeout=WITHIN_A_SECOND)
    first.ticker.stop()
    place.write_bytes(b"format: 1\nevent: [broken\n")
    _again, _ = start(place, "2023-03-28T10:30", tmp_path)
    assert now_title(tmp_path) == PANEL
    assert status(tmp_path)["programme_ok"] is False


def test_a_programme_without_this_room_is_not_shown(place, tmp_path, qtbot):
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path, room="salle-i-foyer")
    place.write_bytes(place.read_bytes().replace(b"salle-i-foyer", b"foyer-i"))
    settle(kiosk, qtbot)
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
    # The status file and `kiosk state` say the same (no notices here: printed times are the times).
    expected = room_state_json(kiosk.live.programme, (), "salle-i", clock.now())
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


def test_a_problem_read_again_is_logged_once(place, tmp_path, qtbot, caplog):
    """Issue 13.18: a FIFO put in place was logged twice (the folder's events come in pairs); the same
    problem read again is not news, a new one is."""
    kiosk, _ = start(place, "2023-03-28T10:30", tmp_path)
    with caplog.at_level(logging.ERROR, logger="kiosk"):
        place.unlink()
        os.mkfifo(place)
        qtbot.waitUntil(lambda: kiosk.live.error is not None, timeout=WITHIN_A_SECOND)
        for _ in range(2):  # read again, the same FIFO
            kiosk.live.reload()
            qtbot.waitUntil(lambda: not kiosk.live._reading, timeout=WITHIN_A_SECOND)
        place.unlink()
        place.write_text("event: [", encoding="utf-8")
        kiosk.live.reload()
        qtbot.waitUntil(lambda: "FIFO" not in kiosk.live.error, timeout=WITHIN_A_SECOND)
    logged = [
        r.getMessage() for r in caplog.records if "still showing the last good programme" in r.getMessage()
    ]
    assert len(logged) == 2 and "not a regular file (a FIFO)" in logged[0], logged
