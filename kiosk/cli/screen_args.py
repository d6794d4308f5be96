"""Options of `kiosk render` and `kiosk run`, declared without importing Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from ..clock import UTC, check_rehearsal, check_speed, parse_when
from .config_flags import add_config_flags

_SOME_DAY = dt.date(2000, 1, 1)  # a time of day alone is checked on some day, used on the programme's


def size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[x×](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size WIDTHxHEIGHT (e.g. 1080x1920)")
    return int(match[1]), int(match[2])


def when(text: str) -> str:
    """An instant `--at` takes (checked here, read in the programme's zone once it is loaded)."""
    try:
        parse_when(text, UTC, _SOME_DAY)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


def rehearsal_start(text: str) -> str:
    """An instant a rehearsal (`kiosk run --at`) can start at."""
    try:
        check_rehearsal(parse_when(when(text), UTC, _SOME_DAY), 1.0)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


def speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    try:
        check_speed(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


WHEN_HELP = (
    "the instant shown: ISO 8601 (2023-03-28T10:30; without an offset, in the programme's time zone), "
    "a time of day alone (10:30) on the programme's first day, or now"
)


def _screen(p: argparse.ArgumentParser, at=when) -> None:
    what = p.add_mutually_exclusive_group()
    what.add_argument("--room", metavar="ROOM", help="the room's id or name (door screen)")
    what.add_argument("--overview", action="store_true", help="the foyer overview of every room")
    p.add_argument("--at", type=at, metavar="WHEN", help=f"{WHEN_HELP} (default: now)")


def add_render(p: argparse.ArgumentParser) -> None:
    _screen(p)
    p.add_argument("--setup", action="store_true", help="the technician's on-screen setup (room picker)")
    p.add_argument("--lang", metavar="LANG", help="the language shown (default: the event's first)")
    p.add_argument(
        "--size", type=size, default=(1080, 1920), metavar="WxH", help="pixels (default 1080x1920)"
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.png",
        help="the picture to write; its extension says the format (.png, .jpg…); missing folders are created",
    )
    # The device's configuration (--view, --languages, --rotation…), as `kiosk run` takes it.
    add_config_flags(p)


def add_run(p: argparse.ArgumentParser) -> None:
    _screen(p, at=rehearsal_start)
    p.add_argument(
        "--speed",
        type=speed,
        default=None,
        metavar="F",
        help="rehearsal speed, with --at: simulated seconds per real second (default 1)",
    )
    p.add_argument("--windowed", action="store_true", help="a normal window (development), not kiosk mode")
    p.add_argument("--size", type=size, default=None, metavar="WxH", help="window size with --windowed")
    p.add_argument("--status-file", metavar="PATH", help="keep a JSON status file, replaced atomically")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help="end the run cleanly after this long")
    # The device configuration's keys (--view, --languages, --rotation…), each also settable by file/env.
    add_config_flags(p)
