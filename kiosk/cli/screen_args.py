"""Options of `kiosk render` and `kiosk run`, declared without importing Qt."""

from __future__ import annotations

import argparse
import re

from .config_command import add_config_flags


def size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[x×](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size WIDTHxHEIGHT (e.g. 1080x1920)")
    return int(match[1]), int(match[2])


def _screen(p: argparse.ArgumentParser) -> None:
    what = p.add_mutually_exclusive_group()
    what.add_argument("--room", metavar="ROOM", help="the room's id or name (door screen)")
    what.add_argument("--overview", action="store_true", help="the foyer overview of every room")
    p.add_argument("--at", metavar="WHEN", help="ISO 8601 instant (rehearsal); default now")


def add_render(p: argparse.ArgumentParser) -> None:
    _screen(p)
    p.add_argument("--setup", action="store_true", help="the technician's on-screen setup (room picker)")
    p.add_argument("--lang", metavar="LANG", help="the language shown (default: the event's first)")
    p.add_argument(
        "--size", type=size, default=(1080, 1920), metavar="WxH", help="pixels (default 1080x1920)"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.png")


def add_run(p: argparse.ArgumentParser) -> None:
    _screen(p)
    p.add_argument("--speed", type=float, default=None, metavar="F", help="rehearsal speed (with --at)")
    p.add_argument("--windowed", action="store_true", help="a normal window (development), not kiosk mode")
    p.add_argument("--size", type=size, default=None, metavar="WxH", help="window size with --windowed")
    p.add_argument("--status-file", metavar="PATH", help="keep a JSON status file, replaced atomically")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help="end the run cleanly after this long")
    # The device configuration's keys (--view, --languages, --rotation…), each also settable by file/env.
    add_config_flags(p)
