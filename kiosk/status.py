"""The status file of a running kiosk, for monitoring and scripts. Qt-free.

Replaced atomically (write a temporary file, then rename), so a reader never sees half a file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from . import schedule
from .atomic import write_atomically
from .schedule_json import session_json


def status(
    view: str,
    lang: str,
    at: dt.datetime,
    state: schedule.RoomState | None,
    programme_error: str | None,
    rooms: tuple[schedule.RoomState, ...] = (),
) -> dict:
    """What a screen shows, as `kiosk state` says it, with the language and the programme's health."""
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
    return data


def write_status(path: str | Path, data: dict) -> None:
    write_atomically(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
