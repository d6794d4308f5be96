"""`kiosk config` and the configuration's flags (--config, --room, --view, …) on any command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Mapping

from ..config import PIN_MASK, config_from_args, save_user_setting, show
from ..config.pin import hash_pin, is_pin
from ..errors import ScreenError, UsageError
from ..programme import ProgrammeError
from ..sources import is_url, read_any
from .config_flags import add_config_flags


def add_config_command(command: Callable[[str, str, Callable], argparse.ArgumentParser]) -> None:
    """`kiosk config`: ``command`` is the parser's factory (it adds --programme)."""
    p = command("config", "print each configuration key's value and where it comes from", cmd_config)
    add_config_flags(p)
    p.add_argument("--json", action="store_true", help='{"key": {"value": ..., "origin": ...}, ...}')
    p.add_argument("--check", action="store_true", help="exit 1 when the configuration has a problem")
    p.add_argument(
        "--set-pin",
        action="store_true",
        help="ask for the setup PIN (twice; one line from standard input when it is not a terminal) and "
        "keep its salted hash in the device user's file, readable by that user alone",
    )
    p.add_argument(
        "--hash-pin",
        action="store_true",
        help="ask for a PIN the same way and print the `setup_pin:` line to put in /etc/kiosk/kiosk.yaml",
    )


def cmd_config(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> int:
    """Print the effective configuration; problems go to stderr. Exit 0, or 1 with --check and a problem."""
    if args.set_pin or args.hash_pin:
        return _set_pin(environ, print_only=args.hash_pin)
    config = config_from_args(args, environ)
    source = config.programme_source
    event_languages: tuple[str, ...] = ()
    notes: list[str] = []
    if is_url(source):
        notes.append(f"programme {source}: not fetched by `kiosk config`; the room is not checked against it")
    else:
        try:
            programme = read_any(source, config.timezone)
        except ProgrammeError as err:
            first = err.problems[0] if err.problems else "unreadable"
            notes.append(f"{first} — the programme cannot be used; the room is not checked against it")
        else:
            config = config.with_programme(programme)
            event_languages = programme.event.languages
    if args.json:
        out = {
            k: {"value": PIN_MASK if k == "setup_pin" and v is not None else v, "origin": config.origins[k]}
            for k, v in config.values.items()
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        rows = [("key", "value", "origin")]
        for k, v in config.values.items():
            shown = show(k, v)
            if v is None and k == "programme":
                shown += f" (bundled: {source})"
            elif v is None and k == "languages" and event_languages:
                shown += f" (the event's: {', '.join(event_languages)})"
            rows.append((k, shown, config.origins[k]))
        widths = [max(len(r[i]) for r in rows) for i in range(2)]
        for k, v, origin in rows:
            print(f"{k:<{widths[0]}}  {v:<{widths[1]}}  {origin}")
    for message in [*config.problems, *notes]:
        print(message, file=sys.stderr)
    return 1 if args.check and (config.problems or notes) else 0


def _set_pin(environ: Mapping[str, str], print_only: bool = False) -> int:
    """`kiosk config --set-pin`: the PIN is asked, never given on the command line (shell history, ps).

    With ``print_only`` (--hash-pin), the line for the venue's file is printed instead.
    """
    option = "--hash-pin" if print_only else "--set-pin"
    if sys.stdin.isatty():
        import getpass

        pin = getpass.getpass("setup PIN (4 to 12 digits): ")
        if getpass.getpass("the same PIN again: ") != pin:
            raise UsageError(f"{option}: the two PINs differ; nothing was saved")
    else:
        pin = sys.stdin.readline().strip()
    if not is_pin(pin):
        raise UsageError(f"{option}: a PIN is 4 to 12 digits; nothing was saved")
    if print_only:
        print(f'setup_pin: "{hash_pin(pin)}"')
        return 0
    try:
        path = save_user_setting("setup_pin", pin, environ)
    except OSError as err:
        raise ScreenError(f"--set-pin: cannot write the configuration: {err.strerror}") from None
    print(f"{path}: the setup PIN is kept as a salted hash (readable by its owner alone)")
    return 0
