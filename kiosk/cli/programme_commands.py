"""`kiosk rooms`, `kiosk state` and `kiosk validate`: a programme read and printed, no Qt."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from .. import fonts, schedule
from ..clock import parse_when
from ..config import config_from_args
from ..config.keys import sign_in
from ..errors import UsageError
from ..notices import load_notices
from ..notices.json import room_state_json
from ..present.ways import pointers_json
from ..programme import Problem, Programme, ProgrammeError, Sign
from ..programme.load import read_file
from ..sources import check_any, is_url, read_any
from .screen_args import WHEN_HELP, when
from .zone import given_zone

EXIT_OK, EXIT_INVALID = 0, 1


def add_programme_commands(command) -> None:
    """Declare the three commands with the CLI's own ``command(name, help, func)`` factory."""
    p = command(
        "rooms", "list the programme's rooms: id, then its name in each of the event's languages", cmd_rooms
    )
    p.add_argument("--json", action="store_true", help="a JSON list of {id, name}")

    p = command("state", "what is on in each room at each instant, as JSON Lines", cmd_state)
    p.add_argument(
        "--room", action="append", metavar="ROOM", help="a room's id or name (repeatable; default all)"
    )
    p.add_argument(
        "--at", action="append", type=when, metavar="WHEN", help=f"{WHEN_HELP} (repeatable; default: now)"
    )
    p.add_argument(
        "--notices",
        metavar="FILE",
        help="the notices file (default: $KIOSK_NOTICES, else beside the programme)",
    )
    p.add_argument(
        "--sign",
        metavar="SIGN",
        help="where the screen hangs (a sign of the programme): each line says the way its pointers "
        "show from there (default: the configuration's sign)",
    )

    p = command(
        "validate", "check a programme; exit 0 when usable (warnings printed), 1 when not", cmd_validate
    )
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="a programme file or http(s) address (else --programme)"
    )


def cmd_rooms(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    programme = read_any(config.programme_source, given_zone(args, config), config.redirect_hosts)
    if args.json:
        rooms = [
            {
                "id": r.id,
                "name": {
                    lang: r.name.get(lang, programme.event.languages) for lang in programme.event.languages
                },
            }
            for r in programme.rooms
        ]
        print(json.dumps(rooms, ensure_ascii=False))
    else:
        for r in programme.rooms:
            languages = programme.event.languages
            print("\t".join([r.id, *(r.name.get(lang, languages) for lang in languages)]))
    return EXIT_OK


def cmd_state(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    programme = read_any(config.programme_source, given_zone(args, config), config.redirect_hosts)
    wanted = {schedule.resolve_room(programme, q) for q in args.room or ()}
    rooms = [r.id for r in programme.rooms if not wanted or r.id in wanted]  # programme order, once each
    instants = [_when(text, programme) for text in args.at or ["now"]]
    notices = load_notices(config.notices_source, programme)
    sign = _sign(config.sign, programme)
    for at in instants:
        for room_id in rooms:
            line = room_state_json(programme, notices, room_id, at)
            if sign is not None:  # the way each pointer shows from there (issue 18.2)
                line["way"] = pointers_json(programme, notices, room_id, at, sign)
            print(json.dumps(line, ensure_ascii=False))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    source = args.file or config.programme_source
    zone = given_zone(args, config)
    # A ProgrammeError (unreadable, too large, not fetched) is printed by main.
    data = _download(source, config.redirect_hosts) if is_url(source) else read_file(Path(source))
    path = source if is_url(source) else Path(source)
    programme, problems = check_any(data, str(path), zone)
    for problem in problems:
        print(problem, file=sys.stderr)
    if programme is None:
        errors = sum(1 for p in problems if not p.warning)
        print(
            f"{path}: {errors} error{'s' if errors != 1 else ''}; the programme cannot be used",
            file=sys.stderr,
        )
        return EXIT_INVALID
    boxes = fonts.missing(fonts.programme_texts(programme))
    if boxes:
        problems = [*problems, boxes]
        shown = ", ".join(fonts.describe(c) for c in boxes[:12]) + (" …" if len(boxes) > 12 else "")
        print(
            f"{path}: warning: no font installed here draws {len(boxes)} of its characters, which would "
            f"show as boxes: {shown} (fonts-noto-core and fonts-noto-cjk: docs/deployment.md)",
            file=sys.stderr,
        )
    print(
        f"{path}: valid — {len(programme.rooms)} rooms, {len(programme.sessions)} sessions"
        + (f", {len(problems)} warning{'s' if len(problems) != 1 else ''}" if problems else "")
    )
    return EXIT_OK


def _download(url: str, redirect_hosts: tuple[str, ...]) -> bytes:
    """What ``url`` serves now, whatever it holds (to be checked): never into the screens' cache, which
    holds only programmes that can be shown."""
    from ..sources.remote import fetch

    with tempfile.TemporaryDirectory(prefix="kiosk-validate-") as folder:
        result = fetch(url, folder, check=lambda data, name: None, redirect_hosts=redirect_hosts)
        if result.path is None:
            raise ProgrammeError([Problem(url, 0, 0, "", result.error or "not fetched")])
        return result.path.read_bytes()


def _sign(query: str | None, programme: Programme) -> Sign | None:
    """The sign ``--sign`` (or the configuration) names; a UsageError, with a suggestion, if none is."""
    if not query:
        return None
    try:
        return programme.sign(sign_in(query, programme))
    except ValueError as err:
        raise UsageError(f"--sign: {err}") from None


def _when(text: str, programme: Programme):
    try:
        return parse_when(text, programme.event.zone, programme.event.first_day)
    except ValueError as err:
        raise UsageError(f"--at: {err}") from None
