"""`kiosk config` and the configuration's flags (--config, --room, --view, …) on any command."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

from ..config import KEYS, PIN_MASK, config_from_args, show
from ..config.types import Boolean
from ..programme import ProgrammeError
from ..sources import is_url, read_any


def add_config_flags(parser: argparse.ArgumentParser) -> None:
    """--config FILE and one option per key that has a flag; options the parser already has are kept."""
    options: list[tuple[tuple[str, ...], dict[str, Any]]] = [
        (
            ("--config",),
            {
                "metavar": "FILE",
                "help": "a configuration file above the system and user ones (default: $KIOSK_CONFIG)",
            },
        )
    ]
    for key in KEYS:
        if not key.flag:
            continue
        if isinstance(key.type, Boolean):
            spec: dict[str, Any] = {"action": argparse.BooleanOptionalAction, "default": None}
        else:
            spec = {"metavar": key.name.upper()}
        options.append(((key.option,), {"dest": key.name, "help": f"{key.doc} [{key.kind}]", **spec}))
    for names, spec in options:
        # `kiosk run` and `render` already have --room (screen_args.py): theirs is the same key.
        with contextlib.suppress(argparse.ArgumentError):
            parser.add_argument(*names, **spec)


def add_config_command(command: Callable[[str, str, Callable], argparse.ArgumentParser]) -> None:
    """`kiosk config`: ``command`` is the parser's factory (it adds --programme)."""
    p = command("config", "print each configuration key's value and where it comes from", cmd_config)
    add_config_flags(p)
    p.add_argument("--json", action="store_true", help='{"key": {"value": ..., "origin": ...}, ...}')
    p.add_argument("--check", action="store_true", help="exit 1 when the configuration has a problem")


def cmd_config(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> int:
    """Print the effective configuration; problems go to stderr. Exit 0, or 1 with --check and a problem."""
    config = config_from_args(args, environ)
    source = config.programme_source
    event_languages: tuple[str, ...] = ()
    notes: list[str] = []
    if is_url(source):
        notes.append(f"programme {source}: not fetched by `kiosk config`; the room is not checked against it")
    else:
        try:
            programme = read_any(source)
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
