"""The event's time zone a command was given: --timezone, else the device configuration's timezone:."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..sources.zones import valid_zone

if TYPE_CHECKING:
    from ..config import Config


def given_zone(args: argparse.Namespace, config: Config | None = None) -> str | None:
    """--timezone (checked), else ``timezone:`` of the layered configuration, else None (the
    programme's own declaration, then the device's zone, decide: kiosk.sources.zones)."""
    from ..config import config_from_args

    given = getattr(args, "timezone", None)
    if given:
        zone = valid_zone(given)
        if zone is None:
            raise UsageError(f"--timezone: {given!r} is not an IANA time zone (e.g. Europe/Brussels)")
        return zone
    return (config or config_from_args(args)).timezone
