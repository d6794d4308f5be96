"""The way from where a screen hangs to the rooms its pointers name, in words and arrows. Qt-free.

A device's sign (``sign:`` in its configuration) gives an arrow and optional words for each room.
The arrow is physical: an Arabic page moves it to the other side of the room's name with the rest of
its mirrored layout, but it points the same way, as the corridor does (a screen taking turns in
French and Arabic must never send people left, then right). QML draws it from ``arrow`` and ``angle``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..programme import Programme, Sign
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
