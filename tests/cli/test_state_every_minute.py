"""`kiosk state` is right for every room at every minute of the day, against the day written by hand."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROOMS = ["salle-i", "salle-vii", "salle-viii", "salle-ix", "restaurant", "salle-i-foyer"]


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def iso(minute: int) -> str:
    return f"2023-03-28T{minute // 60:02d}:{minute % 60:02d}:00+02:00"


def the_day() -> list[tuple[str, str, int, int]]:
    """(id, room, start, end) of every session held in a room, times in minutes after midnight."""
    rows = []
    for line in (ROOT / "tests" / "data" / "the-day.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sid, room, start, end, _ = line.split("\t")
            if room != "-":
                rows.append((sid, room, minutes(start), minutes(end)))
    return rows


def expected_line(room: str, minute: int, day: list) -> dict:
    here = sorted((row for row in day if row[1] == room), key=lambda row: row[2])
    current = [row for row in here if row[2] <= minute < row[3]]
    later = [row for row in here if row[2] > minute]
    upcoming = later[0] if later else None
    return {
        "at": iso(minute),
        "room": room,
        "status": "ongoing" if current else "upcoming" if upcoming else "finished",
        "current": [(sid, iso(start), iso(end)) for sid, _, start, end in current],
        "next": (upcoming[0], iso(upcoming[2]), iso(upcoming[3])) if upcoming else None,
    }


def observed_line(line: dict) -> dict:
    for session in [*line["current"], line["next"]]:
        if session is not None:
            assert set(session["title"]) == {"fr", "en"} and all(session["title"].values()), session
    nxt = line["next"]
    return {
        "at": line["at"],
        "room": line["room"],
        "status": line["status"],
        "current": [(s["id"], s["start"], s["end"]) for s in line["current"]],
        "next": (nxt["id"], nxt["start"], nxt["end"]) if nxt else None,
    }


def test_state_is_right_for_every_room_at_every_minute_of_the_day() -> None:
    day = the_day()
    every_minute = range(minutes("08:00"), minutes("19:00") + 1)
    args = [
        arg for minute in every_minute for arg in ("--at", f"2023-03-28T{minute // 60:02d}:{minute % 60:02d}")
    ]
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_PROGRAMME"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "state", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(every_minute) * len(ROOMS)
    wanted = [expected_line(room, minute, day) for minute in every_minute for room in ROOMS]
    wrong = [(got, want) for got, want in zip(map(observed_line, lines), wanted, strict=True) if got != want]
    assert not wrong, f"{len(wrong)} wrong lines, the first: {wrong[0]}"


def test_the_day_table_covers_the_day() -> None:
    day = the_day()
    assert len(day) == 17  # 19 sessions, less the two umbrella blocks
    assert {row[1] for row in day} == set(ROOMS)
    assert min(row[2] for row in day) == minutes("09:00") and max(row[3] for row in day) == minutes("18:30")
    assert dt.timedelta(minutes=sum(row[3] - row[2] for row in day if row[1] == "salle-i")) == dt.timedelta(
        hours=2, minutes=15
    )
