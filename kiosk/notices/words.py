"""What a notice says, in each screen language, when its file gives no text of its own. Qt-free.

French follows the screens' typography (narrow no-break space before : ; ! ?). A language without a
catalogue here falls back to English, as the screens' labels do.
"""

from __future__ import annotations

from ..programme import Programme
from ..programme.times import clock
from .apply import Applied
from .model import CANCELLED, DELAY, EMERGENCY, FULL, MESSAGE, MOVED, Notice

# The presentation's narrow no-break space (kiosk/present/words.py), which imports notices, not the reverse.
NNBSP = "\u202f"

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "full": "Salle complète",
        "full_text": "Merci de ne plus entrer dans cette salle",
        "full_overflow": "Suivez la session en {room}",
        "overflow_here": "Retransmission de {room} (salle complète)",
        "same_kind_now": "Aussi en cours{nnbsp}: {rooms}",
        "delay": "Retard de {minutes}\u00a0min",
        "delay_detail": "Les sessions de cette salle commencent {minutes}\u00a0min plus tard",
        "moved_away": "«{nnbsp}{title}{nnbsp}» a lieu en {room}",
        "moved_here": "«{nnbsp}{title}{nnbsp}» a lieu ici (prévu en {room})",
        "moved_label": "Changement de salle",
        "cancelled": "«{nnbsp}{title}{nnbsp}», prévu à {time}, n’aura pas lieu",
        "cancelled_label": "Annulé",
        "message": "Information",
        "warning": "Attention",
        "emergency": "Évacuation",
        "emergency_text": "Quittez le bâtiment par la sortie la plus proche. N’utilisez pas les ascenseurs.",
        "printed": "prévu {time}",
    },
    "en": {
        "full": "Room full",
        "full_text": "Please do not enter this room",
        "full_overflow": "Follow the session in {room}",
        "overflow_here": "Live from {room} (room full)",
        "same_kind_now": "Also on now: {rooms}",
        "delay": "Running {minutes}\u00a0min late",
        "delay_detail": "Sessions in this room start {minutes}\u00a0min later",
        "moved_away": "“{title}” is now in {room}",
        "moved_here": "“{title}” is here now (printed: {room})",
        "moved_label": "Room change",
        "cancelled": "“{title}”, planned at {time}, will not take place",
        "cancelled_label": "Cancelled",
        "message": "Information",
        "warning": "Warning",
        "emergency": "Evacuation",
        "emergency_text": "Leave the building by the nearest exit. Do not use the lifts.",
        "printed": "printed {time}",
    },
}


def word(lang: str, key: str, **values: object) -> str:
    catalogue = WORDS.get(lang) or WORDS.get(lang.split("-")[0]) or WORDS["en"]
    return catalogue[key].format(nnbsp=NNBSP, **values)


def room_name(programme: Programme, room_id: str | None, lang: str) -> str:
    if room_id is None:
        return ""
    return programme.room(room_id).name.get(lang, programme.event.languages)


def label(notice: Notice, lang: str) -> str:
    """The notice's heading: Salle complète, Retard de 15 min, Évacuation…"""
    if notice.kind == MESSAGE:
        return word(lang, notice.level if notice.level == "warning" else "message")
    if notice.kind == DELAY:
        return word(lang, "delay", minutes=notice.minutes)
    return word(lang, {MOVED: "moved_label", CANCELLED: "cancelled_label"}.get(notice.kind, notice.kind))


def text(notice: Notice, programme: Programme, lang: str, room_id: str | None = None) -> str:
    """The notice in ``lang``: its own text when the file gives one, else words made from its kind.

    ``programme`` is the printed one (a cancelled session is still in it); ``room_id`` is the door that
    shows it (a moved session reads differently at either end).
    """
    languages = programme.event.languages
    if notice.text:
        return notice.text.get(lang, languages)
    session = programme.session(notice.session) if notice.session else None
    title = session.title.get(lang, languages) if session else ""
    zone = programme.event.zone
    if notice.kind == FULL:
        if notice.overflow:
            if room_id == notice.overflow:
                return word(lang, "overflow_here", room=room_name(programme, notice.rooms[0], lang))
            return word(lang, "full_overflow", room=room_name(programme, notice.overflow, lang))
        return word(lang, "full_text")
    if notice.kind == DELAY:
        return word(lang, "delay_detail", minutes=notice.minutes)
    if notice.kind == MOVED and session is not None:
        if room_id is not None and room_id == notice.to:
            return word(lang, "moved_here", title=title, room=room_name(programme, session.room, lang))
        return word(lang, "moved_away", title=title, room=room_name(programme, notice.to, lang))
    if notice.kind == CANCELLED and session is not None:
        return word(lang, "cancelled", title=title, time=clock(session.start, zone))
    if notice.kind == EMERGENCY:
        return word(lang, "emergency_text")
    return label(notice, lang)


def same_kind_now(applied: Applied, notice: Notice, lang: str) -> str:
    """For a full room: the other rooms holding a part of the same umbrella block now (Aussi en cours : …)."""
    programme = applied.programme
    if notice.kind != FULL or not notice.rooms:
        return ""
    here = [s for s in programme.in_room(notice.rooms[0]) if s.is_on(applied.at) and s.parent]
    if not here:
        return ""
    block = programme.session(here[0].parent)
    full = {r for n in applied.notices if n.kind == FULL for r in n.rooms}
    rooms = [
        part.room
        for part in (programme.session(p) for p in block.parts)
        if part.room and part.room not in full and part.room != notice.overflow and part.is_on(applied.at)
    ]
    if not rooms:
        return ""
    return word(lang, "same_kind_now", rooms=", ".join(room_name(programme, r, lang) for r in rooms))
