"""The status file of a running kiosk, for monitoring and scripts. Qt-free.

Replaced atomically (write a temporary file, then rename), so a reader never sees half a file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from . import schedule
from .atomic import write_atomically
from .notices import Applied
from .notices.json import notice_json
from .notices.json import session_json as shown_session_json
from .schedule_json import session_json as plain_session_json

log = logging.getLogger("kiosk")


def status(
    view: str,
    lang: str,
    at: dt.datetime,
    state: schedule.RoomState | None,
    programme_error: str | None,
    rooms: tuple[schedule.RoomState, ...] = (),
    applied: Applied | None = None,
    notices_error: str | None = None,
) -> dict:
    """What a screen shows, as `kiosk state` says it, with the language and the programme's health.

    With ``applied`` (the notices in force), sessions carry their printed times beside the shown ones
    and the notices the screen shows are listed, as `kiosk state` lists them.
    """

    def session_json(session):
        return shown_session_json(session, applied) if applied else plain_session_json(session)

    data = {
        "view": view,
        "room": state.room.id if state else None,
        "lang": lang,
        "at": at.isoformat(),
        "status": state.status if state else None,
        "current": [session_json(s) for s in state.current] if state else [],
        "next": session_json(state.next) if state and state.next else None,
        "programme_ok": programme_error is None,
        "programme_error": programme_error,
    }
    if rooms:
        data["rooms"] = [
            {
                "room": r.room.id,
                "status": r.status,
                "current": [session_json(s) for s in r.current],
                "next": session_json(r.next) if r.next else None,
            }
            for r in rooms
        ]
    if applied is not None:
        room = state.room.id if state else None
        shown = applied.for_room(room) if room else applied.notices
        data["notices"] = [notice_json(n, applied.printed, room) for n in shown]
        data["notices_ok"] = notices_error is None
        data["notices_error"] = notices_error
    return data


def write_status(path: str | Path, data: dict) -> None:
    write_atomically(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def keep_status(path: str | Path, data: dict) -> None:
    """``write_status``, a failure logged rather than raised: a full disk must not stop the screen."""
    try:
        write_status(path, data)
    except OSError as err:
        log.error("cannot write the status file %s: %s", path, err.strerror)
