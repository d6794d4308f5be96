"""The soak: days of rehearsal time in minutes, the programme saved again and again (issue 8)."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

from .process import environment
from .scenarios import SETTLE_AFTER_START, Programme, Setup, kiosk, sleep_until, started, status_path


def soak(setup: Setup, reloads: int, warm_up: int, speed: float, pace: float, language_period: float) -> dict:
    """Days of rehearsal time in minutes: reloads paced past the settle time, languages switching.

    Memory growth is counted from the end of a warm-up (``warm_up`` reloads) to the end of the
    ``reloads`` that follow it: the first minutes fill caches once (glyphs of every date and time,
    the QML engine compiling the bindings it runs often) and a leak is what grows after that.
    """
    programme = Programme(setup, "soak")
    door = kiosk(
        setup,
        "soak-kiosk",
        language_period=language_period,
        at="2023-03-27T08:00",
        speed=speed,
        programme=programme.path,
        quit_after=24 * 3600,
    )
    first = started(door)
    sleep_until(first.at + SETTLE_AFTER_START)
    status = status_path(door)
    began_at = json.loads(status.read_text())["at"]
    rss_start = settled_rss_kib(door, language_period)
    cpu_start = door.cpu_seconds()
    samples = [(0.0, rss_start)]
    rss_warm = None
    warm_at = None
    start = time.time()
    deadline = start + (warm_up + reloads) * pace * 3 + 60
    loaded = 0
    with open(door.log_path, "rb") as log:
        # Read on from where we were: the log grows by megabytes and is read after every save.
        seen, rest = 0, b""
        while loaded < warm_up + reloads and door.alive() and time.time() < deadline:
            programme.save()
            time.sleep(pace)
            lines, _, rest = (rest + log.read()).rpartition(b"\n")  # a line still being written waits
            seen += lines.count(b"programme loaded:")
            loaded = seen - 1  # the first load is not a reload
            if rss_warm is None and loaded >= warm_up:
                rss_warm, warm_at = settled_rss_kib(door, language_period), loaded
            if time.time() - start >= len(samples) * 10:
                samples.append((time.time() - start, door.rss_kib()))
    time.sleep(1.0)  # the last save is shown, the last crossfade is over
    alive = door.alive()
    result: dict = {
        "alive": alive,
        "speed": speed,
        "pace_s": pace,
        "language_period": language_period,
        "saves": programme.saves,
    }
    if alive:
        rss_end = settled_rss_kib(door, language_period)
        samples.append((time.time() - start, rss_end))
        last = json.loads(status.read_text())
        result |= {
            "rss_start_kib": rss_start,
            "rss_warm_kib": rss_warm,
            "rss_end_kib": rss_end,
            "rss_peak_kib": max(kib for _, kib in samples),
            "growth_kib": None if rss_warm is None else rss_end - rss_warm,
            "growth_from_start_kib": rss_end - rss_start,
            "cpu_s": door.cpu_seconds() - cpu_start,
            "simulated_days": (dt.datetime.fromisoformat(last["at"]) - dt.datetime.fromisoformat(began_at))
            / dt.timedelta(days=1),
            # Long after the event no session title is on screen, but every good load is kept on disk
            # as the last good copy: it holds the last save if kiosk still follows the file.
            "follows_file": last_good_copy(setup, programme.path) == programme.path.read_bytes(),
        }
    log = door.log_text()
    total = log.count("programme loaded:") - 1
    result |= {
        "seconds": time.time() - start,
        "reloads": total,
        "reloads_after_warm_up": total - (warm_at if warm_at is not None else total),
        "warm_up": warm_up,
        "errors": [line for line in log.splitlines() if "Traceback" in line or "ERROR" in line][:5],
        "rss_samples_kib": samples,
        "exit": door.stop(),
    }
    return result


def settled_rss_kib(door, language_period: float) -> int:
    """The door's resident memory between crossfades: the least of readings over a language period.

    A crossfade holds window-sized layers while it runs (+14 MiB at 1280×720 for 400 ms, read every
    20 ms), and one reading can land inside it: the soak's growth then showed +14 to +18 MiB that
    were gone a crossfade later. A leak raises the least reading as well.
    """
    until = time.time() + language_period + 0.5
    least = door.rss_kib()
    while time.time() < until:
        time.sleep(0.05)
        least = min(least, door.rss_kib())
    return least


def last_good_copy(setup: Setup, source: Path) -> bytes | None:
    from unittest import mock

    from kiosk import last_good  # Qt-free: where kiosk keeps the copy, without starting anything

    with mock.patch.dict(os.environ, environment(setup.workdir)):  # the measured process's folders
        path = last_good.find(str(source))
    return path.read_bytes() if path else None
