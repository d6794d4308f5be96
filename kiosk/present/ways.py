"""The way from where a screen hangs to the rooms its pointers name, in words and arrows. Qt-free.

A device's sign (``sign:`` in its configuration) gives an arrow and optional words for each room.
The arrow is physical: an Arabic page moves it to the other side of the room's name with the rest of
its mirrored layout, but it points the same way, as the corridor does (a screen taking turns in
French and Arabic must never send people left, then right). QML draws it from ``arrow`` and ``angle``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .. import schedule
from ..notices import Notice, apply
from ..notices.model import FULL, MOVED
from ..programme import Programme, Session, Sign
from ..programme.model import DIRECTIONS

# The eight directions as the arrow's turn, clockwise from ahead (an arrow pointing up).
ANGLES = {direction: 45.0 * i for i, direction in enumerate(DIRECTIONS)}


@dataclass(frozen=True)
class WayText:
    """A pointer's way in one language (field names are the QML property names of the bridge's Way)."""

    arrow: str = ""  # one of kiosk.programme.ARROWS; "" when the sign gives no way there
    angle: float = 0.0  # the arrow's turn, clockwise from ahead, for the eight directions
    place: str = ""  # the room (or rooms) it leads to, in this language
    words: str = ""  # "Lifts on your left, 7th floor"


WAY_FIELDS = {"arrow": str, "angle": float, "place": str, "words": str}


def way_to(programme: Programme, sign: Sign | None, room_id: str | None, lang: str) -> WayText:
    """The way from ``sign`` to ``room_id`` in ``lang``; an empty WayText (no arrow) without one."""
    way = sign.way(room_id) if sign is not None else None
    if way is None or room_id is None:
        return WayText()
    return WayText(
        arrow=way.arrow,
        angle=ANGLES.get(way.arrow, 0.0),
        place=programme.room(room_id).name.get(lang, programme.event.languages),
        words=way.words.get(lang, programme.event.languages) if way.words else "",
    )


def ways_to(
    programme: Programme, sign: Sign | None, room_ids: Iterable[str], lang: str
) -> tuple[WayText, ...]:
    """The ways to several rooms (an umbrella block's), rooms reached the same way on one line.

    Empty when the sign gives a way to none of them: the screen then shows them as it always did.
    """
    ways: list[WayText] = []
    for room_id in room_ids:
        way = way_to(programme, sign, room_id, lang)
        if not way.place:
            way = WayText(place=programme.room(room_id).name.get(lang, programme.event.languages))
        same = ways and (ways[-1].arrow, ways[-1].words) == (way.arrow, way.words)
        if same:
            ways[-1] = WayText(way.arrow, way.angle, f"{ways[-1].place} · {way.place}", way.words)
        else:
            ways.append(way)
    return tuple(ways) if any(w.arrow for w in ways) else ()


def pointer_fields(way: WayText, prefix: str) -> dict[str, str | float]:
    """A single pointer's arrow, turn and words as a page's flat fields: noticeArrow, noticeAngle…"""
    if not way.arrow:
        return {}
    return {f"{prefix}Arrow": way.arrow, f"{prefix}Angle": way.angle, f"{prefix}Words": way.words}


def pointed_to(notice: Notice, room_id: str | None) -> str | None:
    """Where a notice sends people from ``room_id``'s screen (None: the overview): a full room's
    overflow, a moved session's new room; None when that is here, or the notice sends nobody."""
    target = notice.overflow if notice.kind == FULL else notice.to if notice.kind == MOVED else None
    return target if target != room_id else None


def pointer_rooms(programme: Programme, session: Session, here: str | None = None) -> list[str]:
    """The rooms a pointer to ``session`` names: a part of an umbrella block points at every room of
    the block but ``here``, the screen's own room (free meanwhile, after a delay or between parts)."""
    block = programme.session(session.parent) if session.parent else None
    rooms = [programme.session(p).room for p in block.parts] if block else [session.room]
    elsewhere = [r for r in rooms if r and r != here]
    return elsewhere or [r for r in rooms if r]


def pointers_json(
    programme: Programme, notices: Iterable[Notice], room_id: str, at: dt.datetime, sign: Sign
) -> dict:
    """The ways a door's pointers show at ``at`` from ``sign``, for `kiosk state --sign`: where the day
    goes on, and where each notice sends people (an arrow of null: the sign gives no way there)."""
    applied = apply(programme, notices, at)
    state = schedule.room_state(applied.programme, room_id, at)
    languages = programme.event.screens

    def way_json(room: str) -> dict:
        way = sign.way(room)
        words = way.words if way is not None else None
        return {
            "room": room,
            "arrow": way.arrow if way is not None else None,
            "words": {lang: words.get(lang, programme.event.languages) for lang in languages}
            if words
            else {},
        }

    elsewhere = state.elsewhere if not state.current else None
    rooms = pointer_rooms(applied.programme, elsewhere, room_id) if elsewhere else []
    return {
        "sign": sign.id,
        "elsewhere": [way_json(r) for r in rooms],
        "notices": [
            {"notice": n.id, **way_json(target)}
            for n in applied.for_room(room_id)
            if (target := pointed_to(n, room_id)) is not None
        ],
    }
