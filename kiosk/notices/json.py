"""Notices and the sessions they change, as `kiosk state` and the status file print them. Qt-free."""

from __future__ import annotations

from .. import schedule_json
from ..programme import Programme, Session
from . import words
from .apply import Applied
from .model import Notice


def notice_json(notice: Notice, programme: Programme, room_id: str | None = None) -> dict:
    """A notice with its words in every screen language, as the door of ``room_id`` shows them."""
    languages = programme.event.languages
    data: dict = {
        "id": notice.id,
        "kind": notice.kind,
        "rooms": list(notice.rooms),
        "from": notice.start.isoformat() if notice.start else None,
        "until": notice.end.isoformat(),
        "label": {lang: words.label(notice, lang) for lang in languages},
        "text": {lang: words.text(notice, programme, lang, room_id) for lang in languages},
    }
    for key, value in (
        ("session", notice.session),
        ("overflow", notice.overflow),
        ("to", notice.to),
        ("minutes", notice.minutes or None),
        ("level", notice.level if notice.kind == "message" else None),
    ):
        if value is not None:
            data[key] = value
    return data


def session_json(session: Session, applied: Applied | None, languages: tuple[str, ...] = ()) -> dict:
    """A session as shown (start, end, room) with its printed times and room beside them."""
    printed = applied.printed_session(session.id) if applied else session
    return schedule_json.session_json(session, languages) | {
        "room": session.room,
        "printed_start": printed.start.isoformat(),
        "printed_end": printed.end.isoformat(),
        "printed_room": printed.room,
    }


def room_state_json(programme: Programme, notices, room_id: str, at) -> dict:
    """One line of `kiosk state`: a room at an instant, notices applied, printed times beside."""
    from .. import schedule
    from .apply import apply

    applied = apply(programme, notices, at)
    state = schedule.room_state(applied.programme, room_id, at)
    languages = programme.event.languages
    line = schedule_json.state_json(state, languages)
    line["current"] = [session_json(s, applied, languages) for s in state.current]
    line["next"] = session_json(state.next, applied, languages) if state.next else None
    if state.cancelled:
        line["cancelled"] = [session_json(s, applied, languages) for s in state.cancelled]
    line["notices"] = [notice_json(n, programme, room_id) for n in applied.for_room(room_id)]
    return line
