"""The `kiosk` command. Qt is imported only by `run` and `render`, so the rest is fast and works over ssh."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import schedule
from .clock import parse_when
from .programme import Programme, ProgrammeError, Session

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake on the command line: printed as one line, exit status 2."""


class ScreenError(Exception):
    """A screen that could not be built or saved: printed as one line, exit status 1."""


def default_programme() -> str:
    from .resources import bundled_programme

    return os.environ.get("KIOSK_PROGRAMME") or str(bundled_programme())


def load_programme(path: str) -> Programme:
    """Any programme kiosk reads: its own YAML, or an event tool's export recognised by content."""
    from .sources import read_any

    return read_any(path)


def resolve_room(programme: Programme, query: str) -> str:
    room = programme.find_room(query)
    if room is None:
        known = "; ".join(
            f"{r.id} ({' / '.join(dict.fromkeys(r.name.by_lang.values()))})" for r in programme.rooms
        )
        raise UsageError(f"unknown room {query!r}; known rooms: {known}")
    return room.id


def session_json(session: Session, languages: tuple[str, ...] = ()) -> dict:
    """A session as `kiosk state` prints it; with ``languages``, a title in each, as screens show it."""
    title = {lang: session.title.get(lang, languages) for lang in languages} or dict(session.title.by_lang)
    return {
        "id": session.id,
        "title": title,
        "start": session.start.isoformat(),
        "end": session.end.isoformat(),
    }


def state_json(state: schedule.RoomState, languages: tuple[str, ...] = ()) -> dict:
    return {
        "at": state.at.isoformat(),
        "room": state.room.id,
        "status": state.status,
        "current": [session_json(s, languages) for s in state.current],
        "next": session_json(state.next, languages) if state.next else None,
    }


# -- commands ------------------------------------------------------------------------------------
def cmd_rooms(args: argparse.Namespace) -> int:
    programme = load_programme(args.programme)
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
            print("\t".join([r.id, *(r.name.get(lang, programme.event.languages) for lang in ("fr", "en"))]))
    return EXIT_OK


def cmd_state(args: argparse.Namespace) -> int:
    programme = load_programme(args.programme)
    wanted = {resolve_room(programme, q) for q in args.room or ()}
    rooms = [r.id for r in programme.rooms if not wanted or r.id in wanted]  # programme order, once each
    instants = [_when(text, programme) for text in args.at]
    languages = programme.event.languages
    for at in instants:
        for room_id in rooms:
            state = schedule.room_state(programme, room_id, at)
            print(json.dumps(state_json(state, languages), ensure_ascii=False))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    path = Path(args.file or args.programme)
    from .programme.load import read_file

    data = read_file(path)  # a ProgrammeError (unreadable, too large) is printed by main
    programme, problems = _check_any(data, str(path))
    for problem in problems:
        print(problem, file=sys.stderr)
    if programme is None:
        errors = sum(1 for p in problems if not p.warning)
        print(
            f"{path}: {errors} error{'s' if errors != 1 else ''}; the programme cannot be used",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(
        f"{path}: valid — {len(programme.rooms)} rooms, {len(programme.sessions)} sessions"
        + (f", {len(problems)} warning{'s' if len(problems) != 1 else ''}" if problems else "")
    )
    return EXIT_OK


def _check_any(data: bytes, name: str):
    from .sources import check_any

    return check_any(data, name)


def _when(text: str, programme: Programme):
    try:
        return parse_when(text, programme.event.zone)
    except ValueError as err:
        raise UsageError(f"--at: {err}") from None


# -- the parser ----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument(
            "--programme",
            default=None,
            metavar="FILE",
            help="the programme (default: $KIOSK_PROGRAMME, else the bundled programme.yaml)",
        )
        p.set_defaults(func=func)
        return p

    p = command("rooms", "list the programme's rooms: id, French name, English name", cmd_rooms)
    p.add_argument("--json", action="store_true", help="a JSON list of {id, name}")

    p = command("state", "what is on in each room at each instant, as JSON Lines", cmd_state)
    p.add_argument(
        "--room", action="append", metavar="ROOM", help="a room's id or name (repeatable; default all)"
    )
    p.add_argument(
        "--at",
        action="append",
        required=True,
        metavar="WHEN",
        help="ISO 8601 instant; without offset, in the programme's time zone (repeatable)",
    )

    p = command(
        "validate", "check a programme; exit 0 when usable (warnings printed), 1 when not", cmd_validate
    )
    p.add_argument("file", nargs="?", metavar="FILE")

    from .config import add_config_command

    add_config_command(command)
    from .sources.cli import add_import_command

    add_import_command(command)
    _add_screen_commands(command)
    return parser


def _add_screen_commands(command) -> None:
    """`run` and `render` live with the Qt layer; their options are declared here, Qt loaded on use."""
    from .screen_args import add_render, add_run

    add_render(command("render", "render a screen offscreen to a PNG (no display needed)", _lazy("render")))
    add_run(command("run", "show a screen, full screen (kiosk mode) unless --windowed", _lazy("run")))


def _lazy(name: str):
    def call(args: argparse.Namespace) -> int:
        from .qt import app

        return getattr(app, name)(args)

    return call


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "programme", "unset") is None:
        args.programme = default_programme()
    try:
        return args.func(args)
    except UsageError as err:
        print(f"kiosk {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except ProgrammeError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    except ScreenError as err:
        print(f"kiosk {args.command}: {err}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
