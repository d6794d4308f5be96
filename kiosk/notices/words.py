"""What a notice says, in each screen language, when its file gives no text of its own. Qt-free.

The words are in each screen language's catalogue (kiosk/present/catalogues/LANG.toml, [notices]),
beside the screens' labels: one file per language holds every word a screen shows. A programme
language without a catalogue (never a screen language) reads English in `kiosk state`.
"""

from __future__ import annotations

from ..languages import base, catalogue_file, has_catalogue
from ..programme import Programme, Text
from ..programme.times import clock
from .apply import Applied
from .model import CANCELLED, DELAY, EMERGENCY, FULL, MESSAGE, MOVED, Notice

# The presentation's narrow no-break space (kiosk/present/words.py), which imports notices, not the reverse.
NNBSP = "\u202f"


def words(lang: str) -> dict[str, str]:
    """The notice words of ``lang``'s catalogue."""
    return catalogue_file(base(lang) if has_catalogue(lang) else "en")["notices"]


def word(lang: str, key: str, **values: object) -> str:
    return words(lang)[key].format(nnbsp=NNBSP, **values)


def own_text(text: Text, lang: str) -> str:
    """The organiser's text in ``lang`` itself (fr-CA takes fr), never in another language: ""."""
    if text.by_lang.get(lang):
        return text.by_lang[lang]
    return next((t for code, t in text.by_lang.items() if t and base(code) == base(lang)), "")


def given_languages(text: Text, order: tuple[str, ...]) -> list[str]:
    """The languages the organiser wrote ``text`` in, the programme's (``order``) first."""
    given = [code for code, t in text.by_lang.items() if t]
    return sorted(given, key=lambda code: order.index(code) if code in order else len(order))


def tagged(text: Text, lang: str, order: tuple[str, ...]) -> str:
    """The organiser's text in ``lang``, else in the first language they gave, tagged with it
    (FR · Vestiaire fermé): a reader sees which language it is, never another one passed off as theirs."""
    own = own_text(text, lang)
    if own:
        return own
    given = given_languages(text, order)
    return f"{given[0].upper()} · {text.by_lang[given[0]]}" if given else ""


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
    """The notice in ``lang``: the organiser's text in ``lang``, else words made from its kind (a
    message has none: its text in another language, tagged with it).

    ``programme`` is the printed one (a cancelled session is still in it); ``room_id`` is the door that
    shows it (a moved session reads differently at either end).
    """
    languages = programme.event.languages
    if notice.text and (own_text(notice.text, lang) or notice.kind == MESSAGE):
        return tagged(notice.text, lang, languages)  # a message has no words of its own to fall back on
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
    names = word(lang, "separator").join(room_name(programme, r, lang) for r in rooms)
    return word(lang, "same_kind_now", rooms=names)
