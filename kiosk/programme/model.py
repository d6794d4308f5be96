"""The programme of an event: rooms and sessions, every text in each of the event's languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

FORMAT_VERSION = 1

KINDS = (
    "plenary",
    "panel",
    "talk",
    "workshop",
    "meeting",
    "activity",
    "video",
    "info",
    "break",
    "meal",
    "social",
    "other",
)
# Moments the whole venue shares: shown as such on the overview, pointed to from finished rooms.
VENUE_WIDE_KINDS = frozenset({"break", "meal", "social"})
ROLES = ("speaker", "moderator", "host", "organiser", "panellist")
# The arrows a sign shows, as drawn on the screen where it hangs: eight directions around the
# clock face (ahead is the arrow pointing up, as on any road or airport sign), then upstairs,
# downstairs and "here" (this is the place). Physical directions: the same in every language.
DIRECTIONS = ("ahead", "ahead-right", "right", "back-right", "back", "back-left", "left", "ahead-left")
ARROWS = (*DIRECTIONS, "up", "down", "here")


@dataclass(frozen=True)
class Text:
    """One human-readable text in several languages: ``Text({"fr": "Salle I", "en": "Room I"})``."""

    by_lang: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A plain tuple keeps the dataclass hashable and really frozen.
        object.__setattr__(self, "by_lang", dict(self.by_lang))

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.by_lang.items())))

    def get(self, lang: str, fallbacks: Iterable[str] = ()) -> str:
        """The text in ``lang``, else in the first of ``fallbacks`` that has it, else any."""
        for code in (lang, *fallbacks):
            if self.by_lang.get(code):
                return self.by_lang[code]
        return next((t for t in self.by_lang.values() if t), "")

    def __bool__(self) -> bool:
        return any(self.by_lang.values())

    @classmethod
    def same(cls, text: str, langs: Iterable[str]) -> Text:
        """The same words in every language (names of people and brands)."""
        return cls({lang: text for lang in langs})


@dataclass(frozen=True)
class Person:
    name: str
    role: str = "speaker"
    affiliation: Text = Text()


@dataclass(frozen=True)
class Room:
    id: str
    name: Text
    floor: Text = Text()


@dataclass(frozen=True)
class Session:
    id: str
    title: Text
    start: dt.datetime  # timezone-aware
    end: dt.datetime  # timezone-aware, exclusive
    room: str | None
    kind: str = "other"
    description: Text = Text()
    people: tuple[Person, ...] = ()
    interpretation: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None
    parent: str | None = None  # the umbrella block this session is a part of
    parts: tuple[str, ...] = ()  # ids of this block's parallel parts
    cancelled: bool = False  # still listed (struck through), never what is on

    @property
    def venue_wide(self) -> bool:
        return self.kind in VENUE_WIDE_KINDS

    def is_on(self, at: dt.datetime) -> bool:
        """Whether the session is running at ``at``: a cancelled one never is."""
        return not self.cancelled and self.start <= at < self.end


@dataclass(frozen=True)
class Venue:
    name: Text = Text()
    address: Text = Text()


@dataclass(frozen=True)
class Event:
    id: str
    title: Text
    languages: tuple[str, ...]
    timezone: str
    first_day: dt.date
    last_day: dt.date
    short_title: Text = Text()
    venue: Venue = Venue()
    # The languages the screens take turns in, when they are not just ``languages`` (the languages the
    # texts are written in): UNESCO's six, say, while titles stay in French and English.
    screen_languages: tuple[str, ...] = ()
    url: str | None = None  # the event's online programme (the overview's QR code)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def screens(self) -> tuple[str, ...]:
        """The screen languages, in turn and in this order."""
        return self.screen_languages or self.languages


@dataclass(frozen=True)
class Way:
    """How to go from where a sign hangs to a room: an arrow, and words where the arrow is not enough."""

    arrow: str  # one of ARROWS
    words: Text = Text()  # "lifts on your left, 7th floor"


@dataclass(frozen=True)
class Sign:
    """A place where a screen hangs (a room's door, the foyer), with the way from there to each room."""

    id: str
    name: Text = Text()
    ways: tuple[tuple[str, Way], ...] = ()  # (room id, way), in the file's order

    def way(self, room_id: str | None) -> Way | None:
        return next((way for room, way in self.ways if room == room_id), None)


@dataclass(frozen=True)
class Programme:
    event: Event
    rooms: tuple[Room, ...]
    sessions: tuple[Session, ...]  # sorted by start, then programme order; blocks and parts alike
    source: str = ""
    warnings: tuple = ()  # Problems that did not stop the programme (missing translations…)
    signs: tuple[Sign, ...] = ()  # the venue's signs (wayfinding); none: no arrows anywhere

    def room(self, room_id: str) -> Room:
        for room in self.rooms:
            if room.id == room_id:
                return room
        raise KeyError(room_id)

    def session(self, session_id: str) -> Session:
        for session in self.sessions:
            if session.id == session_id:
                return session
        raise KeyError(session_id)

    def sign(self, sign_id: str | None) -> Sign | None:
        return next((sign for sign in self.signs if sign.id == sign_id), None)

    def in_room(self, room_id: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.room == room_id)

    def find_room(self, query: str) -> Room | None:
        """The room whose id or name in any language is ``query``, whole and case-insensitively."""
        wanted = query.strip().casefold()
        for room in self.rooms:
            names = {room.id, *room.name.by_lang.values()}
            if wanted in {n.strip().casefold() for n in names}:
                return room
        return None
