"""`kiosk state` with a delay and a move in force, every room at every minute, against a table by hand."""

import json
import os
import subprocess
import sys

from ..web_server import Server
from .test_state_every_minute import ROOMS, ROOT, expected_line, iso, minutes, observed_line, the_day

NOTICES = ROOT / "tests" / "data" / "notices" / "late-and-moved.yaml"


def changes() -> list[tuple[str, int, str, str, int, int]]:
    """(notice, from, id, room, start, end) of each session the notices change, in minutes."""
    rows = []
    for line in (ROOT / "tests" / "data" / "the-day-with-notices.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            notice, since, sid, room, start, end = line.split("\t")
            rows.append((notice, minutes(since), sid, room, minutes(start), minutes(end)))
    return rows


def day_at(minute: int) -> list:
    """The day's (id, room, start, end) as the screens show it at ``minute``."""
    changed = {sid: (sid, room, a, b) for _, since, sid, room, a, b in changes() if minute >= since}
    return [changed.get(row[0], row) for row in the_day()]


def notices_at(room: str, minute: int) -> list[str]:
    rooms = {"late": {"salle-ix"}, "move": {"salle-viii", "salle-i"}}
    since = {notice: start for notice, start, *_ in changes()}
    return [n for n in ("late", "move") if room in rooms[n] and minute >= since[n]]


def test_state_with_a_delay_and_a_move_matches_the_table() -> None:
    every_minute = range(minutes("08:00"), minutes("19:00") + 1)
    args = [a for m in every_minute for a in ("--at", f"2023-03-28T{m // 60:02d}:{m % 60:02d}")]
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_PROGRAMME", "KIOSK_NOTICES")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "state", "--notices", str(NOTICES), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(every_minute) * len(ROOMS)
    printed = {row[0]: (iso(row[2]), iso(row[3]), row[1]) for row in the_day()}
    wrong = []
    for line, (minute, room) in zip(lines, [(m, r) for m in every_minute for r in ROOMS], strict=True):
        want = expected_line(room, minute, day_at(minute)) | {"notices": notices_at(room, minute)}
        got = observed_line(line) | {"notices": [n["id"] for n in line["notices"]]}
        for session in [*line["current"], line["next"]]:
            if session is not None:  # the printed times and room ride along, always
                got_printed = (session["printed_start"], session["printed_end"], session["printed_room"])
                if got_printed != printed[session["id"]]:
                    wrong.append((minute, room, session["id"], got_printed))
        if got != want:
            wrong.append((got, want))
    assert not wrong, f"{len(wrong)} wrong lines, the first: {wrong[0]}"


def test_the_table_says_what_the_notices_say() -> None:
    assert [row[:3] for row in changes()] == [
        ("late", minutes("15:50"), "workshop-a"),
        ("late", minutes("15:50"), "closing-remarks"),
        ("late", minutes("15:50"), "dtc-working-session"),
        ("move", minutes("15:00"), "workshop-b"),
    ]


def test_state_reads_notices_from_a_web_address_and_says_when_it_cannot(tmp_path) -> None:
    """`notices:` may be a URL, as for a running screen: `kiosk state` fetches it (into the same cache),
    and a URL it cannot fetch is an error, never "no notices"."""
    server = Server(NOTICES.read_bytes(), "notices.yaml")
    server.start()
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_PROGRAMME", "KIOSK_NOTICES")}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}

    def state(url: str) -> subprocess.CompletedProcess:
        command = ["state", "--room", "salle-ix", "--at", "2023-03-28T16:00", "--notices", url]
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )

    try:
        result = state(server.url)
        assert result.returncode == 0, result.stderr
        assert [n["id"] for n in json.loads(result.stdout)["notices"]] == ["late"]
    finally:
        server.stop()
    # The server gone: the copy fetched before is used; a URL never fetched is an error.
    result = state(server.url)
    assert result.returncode == 0, result.stderr
    assert [n["id"] for n in json.loads(result.stdout)["notices"]] == ["late"]
    never = state(server.url.replace("notices.yaml", "other.yaml"))
    assert never.returncode != 0 and "other.yaml" in never.stderr
    assert "cannot reach the server" in never.stderr
