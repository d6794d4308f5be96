"""`kiosk fleet`: every screen on the bus, from the technician's laptop (status, screenshots, identify).

The broker and the credentials come from the configuration's fleet keys, as on the screens
(`kiosk config` shows them); the operator's account is the one the ACL lets publish commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from pathlib import Path

from ..config import config_from_args
from ..errors import UsageError
from ..fleet.settings import FleetSettings

EXIT_OK, EXIT_INVALID = 0, 1


def add_fleet_command(command) -> None:
    from .config_flags import add_config_flags

    p = command("fleet", "see and steer every screen on the fleet bus (MQTT)", cmd_fleet_help)
    sub = p.add_subparsers(dest="fleet_command", metavar="WHAT")

    def fleet(name: str, help: str, func) -> argparse.ArgumentParser:
        q = sub.add_parser(name, help=help, description=help)
        add_config_flags(q)
        q.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait (10)")
        q.set_defaults(func=func)
        return q

    q = fleet("status", "a line per screen: online, room, what it shows, programme, clock, error", cmd_status)
    q.add_argument("--json", action="store_true", help="a JSON list, one object per screen")
    q = fleet("screenshot", "the frame on each screen, as PNG files", cmd_screenshot)
    q.add_argument("device", nargs="?", metavar="ID", help="one screen's device id")
    q.add_argument("--all", action="store_true", help="every screen online")
    q.add_argument("-o", "--output", metavar="DIR", help="write ID.png files in this folder")
    q.add_argument("--wall", metavar="PNG", help="every frame on one labelled sheet")
    q = fleet("identify", "show a screen's id, room, address and version large for 15 s", cmd_identify)
    q.add_argument("device", metavar="ID")


def cmd_fleet_help(args: argparse.Namespace) -> int:
    raise UsageError("say what: status, screenshot or identify (kiosk fleet --help)")


def settings(args: argparse.Namespace) -> FleetSettings:
    from ..fleet.operator import FleetError, settings_of

    config = config_from_args(args)
    for problem in config.problems:
        print(problem, file=sys.stderr)
    try:
        return settings_of(config)
    except FleetError as err:
        raise UsageError(str(err)) from None


def _session(args: argparse.Namespace):
    from ..fleet.operator import Session

    return Session(settings(args), args.timeout)


def _bus(command):
    """A fleet command whose bus problems (broker away, refused, silent) are one line and exit 1."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        from ..fleet.operator import FleetError

        try:
            return command(args)
        except FleetError as err:
            print(f"kiosk fleet {args.fleet_command}: {err}", file=sys.stderr)
            return EXIT_INVALID

    return run


@_bus
def cmd_status(args: argparse.Namespace) -> int:
    from ..fleet.report import status_json, status_lines

    with _session(args) as session:
        devices = session.devices()
    if args.json:
        print(json.dumps(status_json(devices), ensure_ascii=False))
    elif not devices:
        print(f"no screen has reported on {session.settings.url} under {session.settings.prefix}/")
    else:
        print("\n".join(status_lines(devices)))
    return EXIT_OK


@_bus
def cmd_screenshot(args: argparse.Namespace) -> int:
    if bool(args.device) == bool(args.all):
        raise UsageError("name one screen (ID) or say --all")
    if not (args.output or args.wall):
        raise UsageError("say where: -o DIR and/or --wall wall.png")
    from ..fleet.report import device_parts, majority_hash

    with _session(args) as session:
        devices = session.devices()
        wanted = {d for d, dev in devices.items() if dev.online} if args.all else {args.device}
        if not wanted:
            raise UsageError("no screen is online")
        shots = session.screenshots(wanted, args.timeout)
    missing = sorted(wanted - shots.keys())
    if args.output:
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        for device_id, png in sorted(shots.items()):
            (folder / f"{device_id}.png").write_bytes(png)
            print(folder / f"{device_id}.png")
    if args.wall:
        from ..qt.wall import make_wall

        majority = majority_hash(devices)
        labels = {}
        for device_id in sorted(wanted):
            device = devices.get(device_id)
            parts = device_parts(device, majority, None, dt.date.today()) if device else [device_id, "?"]
            # Three lines under the frame: who and whether online; where and what; programme and health.
            labels[device_id] = "\n".join(["  ".join(parts[:2]), ": ".join(parts[2:4]), "  ".join(parts[4:])])
        make_wall(Path(args.wall), shots, labels)
        print(args.wall)
    for device_id in missing:
        print(f"kiosk fleet screenshot: {device_id}: no frame in {args.timeout:g} s", file=sys.stderr)
    return EXIT_INVALID if missing else EXIT_OK


@_bus
def cmd_identify(args: argparse.Namespace) -> int:
    with _session(args) as session:
        session.command(args.device, "identify")
    print(f"{args.device}: identify sent (15 s on screen)")
    return EXIT_OK
