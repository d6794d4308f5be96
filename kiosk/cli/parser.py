"""The `kiosk` command line: every command's options, and the errors printed as one line."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from .. import __version__
from ..errors import ProblemsError, ScreenError, UsageError
from .screen_args import add_render, add_run

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE
# The commands with a screen, which need only their own options: a starting kiosk does not import the
# other commands' modules (notices, importers, the configuration command: 40-60 ms of a start).
SCREEN_COMMANDS = ("render", "run", "prime")


def build_parser(command_given: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser; only the screen commands' when ``command_given`` is one of them, only
    the fleet's (and the screens') when it is `fleet`."""
    parser = argparse.ArgumentParser(prog="kiosk", description=__doc__)
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument(
            "--programme",
            default=None,
            metavar="FILE",
            help="the programme file or http(s) URL (default: the configuration's `programme`, "
            "else the bundled programme.yaml)",
        )
        p.add_argument(
            "--timezone",
            metavar="ZONE",
            help="the event's IANA time zone (e.g. Europe/Brussels), over the programme's own and the "
            "configuration's timezone: (an export that names none is otherwise read in this device's zone)",
        )
        p.set_defaults(func=func)
        return p

    if command_given == "fleet":
        # The technician's `kiosk fleet` reads no programme: it imports neither the programme, the
        # notices nor the importers the other commands declare themselves with.
        from .fleet_command import add_fleet_command

        add_fleet_command(command)
    elif command_given not in SCREEN_COMMANDS:
        from .config_command import add_config_command
        from .fleet_command import add_fleet_command
        from .import_command import add_import_command
        from .notice_command import add_notice_command
        from .programme_commands import add_programme_commands

        add_programme_commands(command)
        add_config_command(command)
        add_import_command(command)
        add_notice_command(command)
        add_fleet_command(command)
    # `run` and `render` live with the Qt layer; their options are declared here, Qt loaded on use.
    add_render(command("render", "render a screen offscreen to a PNG (no display needed)", _lazy("render")))
    add_run(command("run", "show a screen, full screen (kiosk mode) unless --windowed", _lazy("run")))
    command(
        "prime",
        "compile the screens' QML into Qt's disk cache, so that the first start need not (once after "
        "installing or upgrading, as the user the kiosk runs as)",
        _lazy("prime"),
    )
    return parser


def _lazy(name: str):
    def call(args: argparse.Namespace) -> int:
        # A start makes objects that live as long as the process (modules, classes, Qt's enums), and
        # the cyclic collector walked them again and again: 63 collections, 14 ms of a door's start
        # (docs/performance.md). It waits until the first frame is shown (kiosk.qt.app), or the end.
        gc.disable()
        try:
            from ..qt import app

            return getattr(app, name)(args)
        finally:
            gc.enable()

    return call


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    args = build_parser(given[0] if given else None).parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, where a closed pipe can still be told from a failure
        return code
    except BrokenPipeError:
        # `kiosk rooms | head -1`: the reader has all it wanted. Nothing more is written (Python
        # would complain when flushing at exit); the exit status is a shell's for SIGPIPE.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except UsageError as err:
        print(f"kiosk {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except ProblemsError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    except ScreenError as err:
        print(f"kiosk {args.command}: {err}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
