"""The JSON shape of the schedule's answers, shared by `kiosk state` and the status file."""

from __future__ import annotations

from . import schedule
from .programme import Session


def session_json(session: Session, languages: tuple[str, ...] = ()) -> dict:
    """A session as `kiosk state` prints it; with ``languages``, a title in each, as screens show it."""
    title = {lang: session.title.get(lang, languages) for lang in languages} or dict(session.title.by_lang)
    out = {
        "id": session.id,
        "title": title,
        "start": session.start.isoformat(),
        "end": session.end.isoformat(),
    }
    if session.cancelled:
        out["cancelled"] = True
    return out


def state_json(state: schedule.RoomState, languages: tuple[str, ...] = ()) -> dict:
    return {
        "at": state.at.isoformat(),
        "room": state.room.id,
        "status": state.status,
        "current": [session_json(s, languages) for s in state.current],
        "next": session_json(state.next, languages) if state.next else None,
    } | ({"cancelled": [session_json(s, languages) for s in state.cancelled]} if state.cancelled else {})
