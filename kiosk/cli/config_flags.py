"""The configuration's flags (--config, --room, --view, …), which every command that reads it takes.

A module of its own so that `kiosk run` declares them without importing `kiosk config`'s command.
"""

from __future__ import annotations

import argparse
import contextlib
from typing import Any

from ..config import KEYS
from ..config.types import Boolean


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
