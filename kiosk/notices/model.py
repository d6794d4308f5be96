"""Notices: the day's decisions that the printed programme does not know (Qt-free).

A notice is a fact with a window of time: Salle IX is full, Salle VIII runs 15 minutes late, a
session moved or is cancelled, a message, an evacuation. Notices never live in the programme's
model, so a programme can be replaced (re-imported, fetched again) without losing them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..programme import Text

FULL, DELAY, MOVED, CANCELLED, MESSAGE, EMERGENCY = (
    "full",
    "delay",
    "moved",
    "cancelled",
    "message",
    "emergency",
)
KINDS = (FULL, DELAY, MOVED, CANCELLED, MESSAGE, EMERGENCY)
LEVELS = ("info", "warning")

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Notice:
    """One notice; ``rooms`` empty means the whole venue. ``start`` None: in force since before now."""

    id: str
    kind: str
    end: dt.datetime  # exclusive; resolved by the loader (the end of the day when the file has none)
    rooms: tuple[str, ...] = ()
    session: str | None = None
    start: dt.datetime | None = None
    text: Text = field(default_factory=Text)  # empty: words generated from the kind
    overflow: str | None = None  # full: where the session is also shown
    minutes: int = 0  # delay
    to: str | None = None  # moved: the new room
    level: str = "info"  # message: info or warning
    # Where each field was written ("rooms": (line, column)), for messages about the notice.
    marks: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def venue_wide(self) -> bool:
        return not self.rooms

    def in_force(self, at: dt.datetime) -> bool:
        return (self.start is None or self.start <= at) and at < self.end

    def concerns(self, room_id: str) -> bool:
        """Whether the door of ``room_id`` shows this notice (a full room's overflow shows it too)."""
        return self.venue_wide or room_id in self.rooms or room_id == self.overflow


@dataclass(frozen=True)
class Notices:
    """A notices document: every notice in file order, and where it was read from."""

    notices: tuple[Notice, ...] = ()
    source: str = ""

    def __iter__(self):
        return iter(self.notices)

    def __len__(self) -> int:
        return len(self.notices)

    def get(self, notice_id: str) -> Notice | None:
        return next((n for n in self.notices if n.id == notice_id), None)
