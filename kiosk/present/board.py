"""The board's shape, the same in every language: which rows, in what order, cut into pages. Qt-free.

The board has one row per room. Rooms taken by the same umbrella block (on now, or next when the room
is free) sit together under one header, so "14:00 mission members' meetings → Salle IX, VIII, VII"
reads as one thing. A board longer than the screen is cut into pages here, from the number of rows
the screen says it has room for, so QML never decides which words go where.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import schedule
from ..programme import Programme, Session

# A short row (a group's header, a room with nothing more to come) is this many room rows tall;
# the screen lays it out at the height it is told.
SHORT_ROWS = 0.55


@dataclass(frozen=True)
class BoardEntry:
    """One row of the board before it is put into words: a group's header, or a room."""

    kind: str  # "group" or "room"
    block: Session | None = None  # the umbrella block of a group's header, or of a room in a group
    room: schedule.RoomState | None = None
    continued: bool = False  # a group's header repeated at the top of the next page

    @property
    def short(self) -> bool:
        """A group's header, or a room where nothing is on and nothing is to come: one line is enough."""
        room = self.room
        return self.kind == "group" or (room is not None and not room.current and room.next is None)

    @property
    def rows(self) -> float:
        return SHORT_ROWS if self.short else 1.0


def board_plan(programme: Programme, state: schedule.OverviewState) -> tuple[BoardEntry, ...]:
    """The board's rows in order: rooms as the programme lists them, a group's rooms together.

    A group stands where its first room would stand, its rooms in the order of the block's parts.
    """
    keyed = [(rs, _block_of(programme, rs)) for rs in state.rooms]
    plan: list[BoardEntry] = []
    placed: set[str] = set()
    for rs, block in keyed:
        if block is None:
            plan.append(BoardEntry("room", room=rs))
            continue
        if block.id in placed:
            continue
        placed.add(block.id)
        order = {programme.session(p).room: i for i, p in enumerate(block.parts)}
        members = sorted(
            (r for r, b in keyed if b is not None and b.id == block.id),
            key=lambda r: order.get(r.room.id, len(order)),
        )
        plan.append(BoardEntry("group", block=block))
        plan.extend(BoardEntry("room", block=block, room=r) for r in members)
    return tuple(plan)


def _block_of(programme: Programme, rs: schedule.RoomState) -> Session | None:
    """The umbrella block a room's row belongs under: that of what is on, else of what is next today."""
    if rs.current:
        shown = rs.current[0]
    elif rs.next is not None and schedule.local_day(programme, rs.next.start) == schedule.local_day(
        programme, rs.at
    ):
        shown = rs.next
    else:
        return None
    if shown.parent:
        return programme.session(shown.parent)
    return shown if shown.parts else None


def board_pages(plan: Sequence[BoardEntry], capacity: float) -> tuple[tuple[BoardEntry, ...], ...]:
    """The board cut into pages of at most ``capacity`` rows (0: unknown yet, one page).

    A group moves whole to the next page when it fits there; a group longer than a page is split
    and its header repeated, marked continued. A header never ends a page, and every page has at
    least one room, even on a screen too small for the two.
    """
    if capacity <= 0:
        return (tuple(plan),)
    eps = 1e-6
    pages: list[tuple[BoardEntry, ...]] = []
    page: list[BoardEntry] = []
    used = 0.0
    for chunk in _chunks(plan):
        need = sum(e.rows for e in chunk)
        if page and used + need > capacity + eps and need <= capacity + eps:
            pages.append(tuple(page))
            page, used = [], 0.0
        for i, entry in enumerate(chunk):
            # A header needs room for its first room too.
            wanted = entry.rows + (chunk[i + 1].rows if entry.kind == "group" and i + 1 < len(chunk) else 0)
            # A page that has no room yet keeps what comes: every page shows at least one room.
            if any(e.kind == "room" for e in page) and used + wanted > capacity + eps:
                pages.append(tuple(page))
                page, used = [], 0.0
                if entry.kind == "room" and entry.block is not None:
                    header = BoardEntry("group", block=entry.block, continued=True)
                    page.append(header)
                    used += header.rows
            page.append(entry)
            used += entry.rows
    if page or not pages:
        pages.append(tuple(page))
    return tuple(pages)


def _chunks(plan: Sequence[BoardEntry]) -> list[list[BoardEntry]]:
    """A group's header with its rooms, or a room on its own."""
    chunks: list[list[BoardEntry]] = []
    for entry in plan:
        if entry.kind == "room" and entry.block is not None and chunks and chunks[-1][0].kind == "group":
            chunks[-1].append(entry)
        else:
            chunks.append([entry])
    return chunks
