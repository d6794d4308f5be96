"""What notices add to a screen, in words, in one language: the band above the sessions, the printed
times struck through beside the new ones, and the emergency screen in every screen language. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

from ..languages import base
from ..notices import Applied, Notice, words
from ..notices.model import CANCELLED, DELAY, EMERGENCY, FULL, MESSAGE, MOVED
from ..programme import Programme, Session, Sign
from . import words as screen_words
from .ways import pointed_to, pointer_fields, way_to

# The notice a screen shows in its band when several apply: the one that sends people elsewhere first.
_ORDER = {FULL: 0, MOVED: 1, DELAY: 2, CANCELLED: 3, MESSAGE: 4}
# The catalogue's word for a notice on a room's row of the overview (kiosk/present/catalogues).
_MARKS = {
    FULL: "mark_full",
    MOVED: "mark_moved",
    CANCELLED: "cancelled",
    "message-info": "mark_info",
    "message-warning": "mark_warning",
}


def ranked(notices: tuple[Notice, ...]) -> list[Notice]:
    order = [n for n in notices if n.kind != EMERGENCY]
    return sorted(order, key=lambda n: (_ORDER[n.kind], n.kind == MESSAGE and n.level != "warning"))


def notice_way(
    programme: Programme, notice: Notice, room_id: str | None, lang: str, sign: Sign | None
) -> dict:
    """The band's arrow and words to where the notice sends people, from this screen's sign."""
    return pointer_fields(way_to(programme, sign, pointed_to(notice, room_id), lang), "notice")


def band(
    applied: Applied,
    notices: tuple[Notice, ...],
    lang: str,
    room_id: str | None,
    sign: Sign | None = None,
) -> dict:
    """The notice band of a screen: kind, label, text, and the others in one line; with ``sign``, the
    way to where the first notice sends people."""
    shown = ranked(notices)
    if not shown:
        return {}
    first, *others = shown
    printed = applied.printed
    label = words.label(first, lang)
    way = notice_way(printed, first, room_id, lang, sign)
    if first.kind == MOVED and room_id is not None and room_id != first.to and not way:
        label = f"{label} →"  # points the way: the session is elsewhere now
    more = [words.same_kind_now(applied, first, lang)] if room_id in first.rooms else []
    more += [f"{words.label(n, lang)} — {words.text(n, printed, lang, room_id)}" for n in others]
    return {
        "noticeKind": first.kind if first.kind != MESSAGE else f"message-{first.level}",
        "noticeLabel": label,
        "noticeText": words.text(first, printed, lang, room_id),
        "noticeMore": " · ".join(m for m in more if m),
        **way,
    }


def unless_struck(notices: tuple[Notice, ...], struck: tuple[Session, ...]) -> tuple[Notice, ...]:
    """A door's notices without the cancellations it already shows struck through (one design for a
    cancelled session, from the programme or from a notice); one with the organisers' own words stays."""
    ids = {s.id for s in struck} | {s.parent for s in struck if s.parent}
    return tuple(n for n in notices if not (n.kind == CANCELLED and not n.text and n.session in ids))


def overview_band(applied: Applied, lang: str, sign: Sign | None = None) -> dict:
    """The overview's band: every notice in force, each with the rooms it concerns; with ``sign``, the
    way to where the first sends people."""
    shown = ranked(applied.notices)
    if not shown:
        return {}
    printed = applied.printed

    def said(notice: Notice) -> str:
        text = words.text(notice, printed, lang)
        if notice.kind in (MOVED, CANCELLED) or not notice.rooms:
            return text
        rooms = words.word(lang, "separator").join(words.room_name(printed, r, lang) for r in notice.rooms)
        return words.word(lang, "in_rooms", rooms=rooms, text=text)

    first, *others = shown
    return {
        "noticeKind": first.kind if first.kind != MESSAGE else f"message-{first.level}",
        "noticeLabel": words.label(first, lang),
        "noticeText": said(first),
        "noticeMore": " · ".join(f"{words.label(n, lang)} — {said(n)}" for n in others),
        **notice_way(printed, first, None, lang, sign),
    }


def room_mark(applied: Applied, room_id: str, lang: str) -> dict[str, str]:
    """The marker on a room's row of the overview's board: the first notice of that room (never the
    venue's: the band says those), its kind, and a word short enough for the room's column: Complet,
    +15 min (beside the times it struck through), Déplacé, Annulé, Info, Attention."""
    own = ranked(tuple(n for n in applied.notices if room_id in n.rooms))
    if not own:
        return {}
    first = own[0]
    kind = first.kind if first.kind != MESSAGE else f"message-{first.level}"
    if first.kind == DELAY:
        said = screen_words.label(lang, "mark_delay", duration=screen_words.duration(first.minutes, lang))
    else:
        said = screen_words.label(lang, _MARKS[kind])
    return {"markKind": kind, "markLabel": said}


def printed_clock(applied: Applied, session: Session | None, end: bool = False) -> str:
    """The printed start (or end) of a session shown at another time (a delay), else nothing."""
    if session is None:
        return ""
    change = applied.changes.get(session.id)
    if change is None or change.printed.start == session.start:
        return ""
    printed = change.printed.end if end else change.printed.start
    return screen_words.clock(printed.astimezone(applied.printed.event.zone))


def printed_times(applied: Applied, session: Session | None) -> str:
    """The printed time range of a session shown at other times (a delay), else nothing."""
    if session is None:
        return ""
    change = applied.changes.get(session.id)
    if change is None or change.printed.start == session.start:
        return ""
    zone = applied.printed.event.zone
    return screen_words.time_range(change.printed.start.astimezone(zone), change.printed.end.astimezone(zone))


@dataclass(frozen=True)
class EmergencyPart:
    """One block of the emergency screen: a screen language's heading and text, or the organiser's
    text in a language the screen does not show (no heading; tagged with its language)."""

    heading: str
    text: str
    right_to_left: bool


def emergency_parts(applied: Applied, languages: tuple[str, ...]) -> list[EmergencyPart]:
    """The emergency screen, every part at once: each screen language's heading (Évacuation, إخلاء…)
    and the organiser's text in that language, else the catalogue's evacuation words in it; then the
    organiser's text in each language they gave that the screen does not show, tagged (FR · …), so
    that what they said is always there and never passed off as another language."""
    notice = applied.emergency
    if notice is None:
        return []
    parts = [
        EmergencyPart(
            words.label(notice, lang),
            words.own_text(notice.text, lang) or words.word(lang, "emergency_text"),
            screen_words.right_to_left(lang),
        )
        for lang in languages
    ]
    shown = {base(lang) for lang in languages}
    for lang in words.given_languages(notice.text, applied.printed.event.languages):
        if base(lang) not in shown:
            shown.add(base(lang))
            text = f"{lang.upper()} · {notice.text.by_lang[lang]}"
            parts.append(EmergencyPart("", text, screen_words.right_to_left(lang)))
    return parts
