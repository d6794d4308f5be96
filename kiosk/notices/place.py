"""Where a device's notices file is: the `notices:` key (--notices, KIOSK_NOTICES), else beside the
programme. Qt-free."""

from __future__ import annotations

from pathlib import Path

NOTICES_FILE = "notices.yaml"


def default_notices(programme_source: str) -> str:
    """``notices.yaml`` in the programme's folder; for a programme from a web address or the one kiosk
    bundles (a folder that is not the venue's), in kiosk's state folder ($XDG_STATE_HOME/kiosk)."""
    from .. import folders
    from ..resources import bundled_programme
    from ..sources import is_url

    if is_url(programme_source) or Path(programme_source).resolve() == bundled_programme().resolve():
        state = folders.state_dir() or Path.cwd()
        return str(state / NOTICES_FILE)
    return str(Path(programme_source).absolute().parent / NOTICES_FILE)
