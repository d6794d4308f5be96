"""Where a device's notices file is: --notices, KIOSK_NOTICES, else beside the programme. Qt-free."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

NOTICES_FILE = "notices.yaml"


def default_notices(programme_source: str, environ: Mapping[str, str] = os.environ) -> str:
    """``notices.yaml`` in the programme's folder; for a programme from a web address or the one kiosk
    bundles (a folder that is not the venue's), in kiosk's state folder ($XDG_STATE_HOME/kiosk)."""
    from ..resources import bundled_programme
    from ..sources import is_url

    if is_url(programme_source) or Path(programme_source).resolve() == bundled_programme().resolve():
        home = Path(environ.get("HOME", "~")).expanduser()
        state = environ.get("XDG_STATE_HOME") or str(home / ".local" / "state")
        return str(Path(state) / "kiosk" / NOTICES_FILE)
    return str(Path(programme_source).absolute().parent / NOTICES_FILE)


def notices_source(given: str | None, programme_source: str, environ: Mapping[str, str] = os.environ) -> str:
    """The notices file a command uses: the one given, else $KIOSK_NOTICES, else the default."""
    return given or environ.get("KIOSK_NOTICES") or default_notices(programme_source, environ)


def add_notices_option(parser) -> None:
    parser.add_argument(
        "--notices",
        metavar="FILE",
        help=f"the notices file (default: $KIOSK_NOTICES, else {NOTICES_FILE} beside the programme)",
    )
