"""What a door screen says, in words, in one language: RoomState → DoorText. Qt-free.

QML only lays these strings out; all wording, formatting and choice of message happens here, where
it is tested without a screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from .. import schedule
from ..programme import Programme, Session, Sign, Text
from . import words
from .ways import WayText, pointer_rooms, ways_to


@dataclass(frozen=True)
class DoorText:
    """Every string of a door screen in one language (field names are the QML property names)."""

    roomName: str = ""
    clock: str = ""
    date: str = ""
    eventTitle: str = ""  # with the venue
    eventShort: str = ""  # the short title with the venue, for narrow screens
    nowLabel: str = ""
    nowBlock: str = ""  # the umbrella block a part belongs to
    nowTitle: str = ""
    nowTitleLang: str = ""  # FR: the title is shown in the event's language, this page's has none
    nowTime: str = ""
    nowPeople: str = ""
    nowInterpretation: str = ""
    nowDescription: str = ""
    nowLeft: str = ""
    nowAlso: str = ""  # other sessions on at the same time in this room
    # Cancelled sessions that would have been on now or next here: struck through, with the tag.
    cancelledLabel: str = ""  # Annulé
    cancelledText: str = ""  # 10:05 – 11:05 · Table ronde
    headline: str = ""  # when nothing is on: "Salle libre jusqu'à 14:00"
    elsewhereLabel: str = ""
    elsewhereTitle: str = ""  # where the day goes on: "Cocktail de clôture"
    elsewhereRoom: str = ""  # "Salle I Foyer"
    elsewhereTime: str = ""  # "17:15", or "jusqu'à 18:00" when it is already on
    # The way there from this screen's sign (kiosk.present.ways), a line per way: none without a sign.
    elsewhereWays: tuple[WayText, ...] = field(default=())
    nextLabel: str = ""
    nextBlock: str = ""
    nextTitle: str = ""
    nextTitleLang: str = ""
    nextTime: str = ""
    nextIn: str = ""
    nextDescription: str = ""
    programmeError: str = ""
    rehearsal: str = ""
    rightToLeft: bool = False  # Arabic: the page is mirrored
    clockUnsynced: str = ""  # the system clock is not synchronised: the time shown may be wrong
    # Notices (kiosk.present.notices): the band above the sessions, printed times struck through.
    noticeKind: str = ""  # full, moved, cancelled, delay, message-info, message-warning; "" for none
    noticeLabel: str = ""
    noticeText: str = ""
    noticeMore: str = ""
    noticeArrow: str = ""  # the way to where the notice sends people (a full room's overflow, a move)
    noticeAngle: float = 0.0
    noticeWords: str = ""
    nowTimePrinted: str = ""
    nextTimePrinted: str = ""
    # The printed start alone, beside the new times where the printed range does not fit (ui/NowSession).
    nowStartPrinted: str = ""
    nextStartPrinted: str = ""
    ongoing: bool = False
    hasNext: bool = False
    progress: float = 0.0  # how far through the (first) session on now, 0 to 1, by whole minutes


_SCALARS = {"str": str, "bool": bool, "float": float}
# The page's own properties; the ways travel as objects of their own (the bridge's Way).
DOOR_TEXT_FIELDS = {f.name: _SCALARS[f.type] for f in fields(DoorText) if f.type in _SCALARS}


def _t(text: Text, lang: str, programme: Programme) -> str:
    return text.get(lang, programme.event.languages)


def written_in(text: Text, lang: str, programme: Programme) -> str:
    """FR when ``text`` has no ``lang`` version and shows in French instead; "" when it is in ``lang``."""
    if text.by_lang.get(lang) or not text:
        return ""
    shown = _t(text, lang, programme)
    return next((code.upper() for code, words in text.by_lang.items() if words == shown), "")


def people_line(session: Session, lang: str, programme: Programme) -> str:
    """Modération : Firmin Édouard Matoko · Animation : UNICEF, UNESCO, Microsoft"""
    by_role: dict[str, list[str]] = {}
    for person in session.people:
        by_role.setdefault(person.role, []).append(person.name)
    return " · ".join(words.label(lang, role, names=", ".join(names)) for role, names in by_role.items())


def interpretation_line(session: Session, lang: str) -> str:
    if len(session.interpretation) < 2:
        return ""
    return f"{words.label(lang, 'interpretation')} {' ⇄ '.join(c.upper() for c in session.interpretation)}"


def where(
    session: Session,
    lang: str,
    programme: Programme,
    at: dt.datetime,
    sign: Sign | None = None,
    here: str | None = None,
) -> dict:
    """Cocktail de clôture, Salle I Foyer, 17:15 (or "jusqu'à 18:00" when it is already on)."""
    zone = programme.event.zone
    when = (
        words.label(lang, "until", time=words.clock(session.end.astimezone(zone)))
        if session.start <= at
        else words.clock(session.start.astimezone(zone))
    )
    # A part of an umbrella block points at the whole block: every room where it goes on but here.
    shown = programme.session(session.parent) if session.parent else session
    rooms = pointer_rooms(programme, session, here)
    return {
        "elsewhereTitle": _t(shown.title, lang, programme),
        "elsewhereRoom": " · ".join(_t(programme.room(r).name, lang, programme) for r in rooms),
        "elsewhereTime": when,
        "elsewhereWays": ways_to(programme, sign, rooms, lang),
    }


def _starts_in(session: Session, lang: str, at: dt.datetime, programme: Programme) -> str:
    zone = programme.event.zone
    if session.start.astimezone(zone).date() != at.astimezone(zone).date():
        return words.long_date(session.start.astimezone(zone).date(), lang)
    minutes = words.whole_minutes(session.start - at)
    return words.label(lang, "in", duration=words.duration(minutes, lang))


def door_link(state: schedule.RoomState) -> str:
    """The web page a door's QR code opens: the session on now, else the next one; "" for none."""
    for session in (*state.current, state.next):
        if session is not None:
            return session.url or ""
    return ""


def door_text(
    programme: Programme,
    state: schedule.RoomState,
    lang: str,
    *,
    programme_error: bool = False,
    rehearsal: bool = False,
    clock_unsynced: bool = False,
    sign: Sign | None = None,
) -> DoorText:
    """The door in ``lang``; with ``sign`` (where the screen hangs), its pointers show the way."""
    zone = programme.event.zone
    at = state.at
    local = at.astimezone(zone)
    event = programme.event
    venue = _t(event.venue.name, lang, programme)
    t = {
        "rightToLeft": words.right_to_left(lang),
        "roomName": _t(state.room.name, lang, programme),
        "clock": words.clock(local),
        "date": words.long_date(local.date(), lang),
        "eventTitle": " · ".join(filter(None, (_t(event.title, lang, programme), venue))),
        "eventShort": " · ".join(
            filter(None, (_t(event.short_title or event.title, lang, programme), venue))
        ),
        "programmeError": words.label(lang, "programme_error") if programme_error else "",
        "rehearsal": words.label(lang, "rehearsal") if rehearsal else "",
        "clockUnsynced": words.label(lang, "clock_unsynced") if clock_unsynced else "",
    }
    if state.current:
        now = state.current[0]
        block = state.blocks.get(now.id)
        minute = at.replace(second=0, microsecond=0)  # the bar moves with the clock, once a minute
        t |= {
            "ongoing": True,
            "progress": round(progress(now, minute), 4),
            "nowLabel": words.label(lang, "now"),
            "nowBlock": _t(block.title, lang, programme) if block else "",
            "nowTitle": _t(now.title, lang, programme),
            "nowTitleLang": written_in(now.title, lang, programme),
            "nowTime": words.time_range(now.start.astimezone(zone), now.end.astimezone(zone)),
            "nowPeople": people_line(now, lang, programme),
            "nowInterpretation": interpretation_line(now, lang),
            "nowDescription": _t(
                now.description or (block.description if block else Text()), lang, programme
            ),
            "nowLeft": words.label(
                lang, "left", duration=words.duration(words.whole_minutes(now.end - at), lang)
            ),
            "nowAlso": (
                f"{words.label(lang, 'also_now')} "
                + " · ".join(_t(s.title, lang, programme) for s in state.current[1:])
            )
            if len(state.current) > 1
            else "",
        }
    else:
        t["headline"] = _headline(programme, state, lang)
        if state.elsewhere is not None:
            t["elsewhereLabel"] = words.label(
                lang, "go_on" if state.phase == schedule.AFTER_LAST else "meanwhile"
            )
            t |= where(state.elsewhere, lang, programme, at, sign, state.room.id)
    if state.cancelled:
        t |= cancelled_line(programme, state.cancelled, lang)
    if state.next is not None:
        nxt = state.next
        block = state.blocks.get(nxt.id)
        t |= {
            "hasNext": True,
            "nextLabel": words.label(lang, "next"),
            "nextBlock": _t(block.title, lang, programme) if block else "",
            "nextTitle": _t(nxt.title, lang, programme),
            "nextTitleLang": written_in(nxt.title, lang, programme),
            "nextTime": words.time_range(nxt.start.astimezone(zone), nxt.end.astimezone(zone)),
            "nextIn": _starts_in(nxt, lang, at, programme),
            "nextDescription": _t(
                nxt.description or (block.description if block else Text()), lang, programme
            ),
        }
    return DoorText(**t)


def cancelled_line(programme: Programme, cancelled: tuple[Session, ...], lang: str) -> dict[str, str]:
    """The cancelled sessions a passer-by would have expected here now or next, as the agenda shows
    them: struck through (QML), with the word. One session: its time range; several: each its start."""
    zone = programme.event.zone
    if len(cancelled) == 1:
        (s,) = cancelled
        when = words.time_range(s.start.astimezone(zone), s.end.astimezone(zone))
        said = f"{when} · {_t(s.title, lang, programme)}"
    else:
        said = " · ".join(
            f"{words.clock(s.start.astimezone(zone))} {_t(s.title, lang, programme)}" for s in cancelled
        )
    return {"cancelledLabel": words.label(lang, "cancelled"), "cancelledText": said}


def _headline(programme: Programme, state: schedule.RoomState, lang: str) -> str:
    zone = programme.event.zone
    nxt = state.next
    if state.phase == schedule.NO_SESSIONS:
        return words.label(lang, "no_sessions")
    if state.phase == schedule.BEFORE_EVENT:
        return words.label(lang, "before_event", date=words.long_date(programme.event.first_day, lang))
    if state.phase == schedule.AFTER_EVENT:
        return words.label(lang, "after_event")
    if state.phase == schedule.BETWEEN and nxt:
        return words.label(lang, "free_until", time=words.clock(nxt.start.astimezone(zone)))
    if state.phase == schedule.BEFORE_FIRST and nxt:
        if nxt.start.astimezone(zone).date() == state.at.astimezone(zone).date():
            return words.label(lang, "first_session", time=words.clock(nxt.start.astimezone(zone)))
        return words.label(lang, "no_more_today")
    return words.label(lang, "no_more_today")


def progress(session: Session, at: dt.datetime) -> float:
    """How far through ``session`` we are, 0 to 1."""
    total = (session.end - session.start).total_seconds()
    return min(1.0, max(0.0, (at - session.start).total_seconds() / total)) if total > 0 else 1.0
