"""Checking a programme: its composed YAML nodes, field by field and across sessions, into the model.

Every problem is located (file:line:column: field: message); warnings ride along. Qt-free.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import ClassVar
from zoneinfo import ZoneInfo

import yaml

from ..clock import parse_iso
from ..languages import base, has_catalogue, with_catalogue
from . import across, memo
from .model import FORMAT_VERSION, KINDS, ROLES, Event, Person, Programme, Room, Session, Text, Venue
from .nodes import NodeChecker
from .signs import check_signs
from .times import PLAUSIBLE_YEARS, clock, far_year, fixed_offset, iana_zone

_TIME = re.compile(r"^(\d{1,2})[:hH](\d{2})$")


class ProgrammeChecker(NodeChecker):
    """Walks the composed YAML nodes (which keep their line and column) into a Programme."""

    def __init__(self, name: str, text: str | None = None):
        super().__init__(name)
        self.source = text  # the file's text, which the nodes' marks index (sessions known from before)
        self.zone: ZoneInfo | None = None
        self.first_day: dt.date | None = None
        self.last_day: dt.date | None = None
        self._instants: dict[tuple, dt.datetime] = {}  # (as written, day, zone) -> the instant

    def programme(self, root: yaml.Node) -> Programme | None:
        return self._programme(root)

    # -- the programme ---------------------------------------------------------------------------
    def _programme(self, root: yaml.Node) -> Programme | None:
        top = self.mapping(
            root, "", {"format": True, "event": True, "rooms": True, "sessions": True, "signs": False}
        )
        if top is None:
            return None
        if "format" in top:
            self._format(top["format"])
        event = self._event(top["event"]) if "event" in top else None
        rooms = self._rooms(top["rooms"]) if "rooms" in top else ()
        sessions = self._sessions(top["sessions"], {r.id for r in rooms}) if "sessions" in top else ()
        signs = check_signs(self, top["signs"], [r.id for r in rooms], sessions) if "signs" in top else ()
        if event is None:
            return None
        return Programme(event, rooms, sessions, self.name, signs=signs)

    def _format(self, node: yaml.Node) -> None:
        value = self.scalar(node, "format", "the format version")
        if value is not None and value.strip() != str(FORMAT_VERSION):
            self.problem(
                node, "format", f"format {value!r} is not one this kiosk reads (expected {FORMAT_VERSION})"
            )

    def _event(self, node: yaml.Node) -> Event | None:
        fields = self.mapping(
            node,
            "event",
            {
                "id": True,
                "title": True,
                "short_title": False,
                "languages": True,
                "screen_languages": False,
                "timezone": True,
                "dates": True,
                "venue": False,
                "url": False,
            },
        )
        if fields is None:
            return None
        if "languages" in fields:
            self.langs = self._languages(fields["languages"], "event.languages")
        screens = ()
        if "screen_languages" in fields:
            screens = self.screen_langs = self._languages(
                fields["screen_languages"], "event.screen_languages"
            )
        self._catalogues(fields.get("screen_languages") or fields.get("languages"), screens or self.langs)
        if "timezone" in fields:
            self.zone = self._zone(fields["timezone"])
        first, last = self._dates(fields["dates"]) if "dates" in fields else (None, None)
        self.first_day, self.last_day = first, last
        event_id = self.optional(fields, "id", lambda n: self.identifier(n, "event.id"), None)
        title = self.optional(fields, "title", lambda n: self.text(n, "event.title"), Text())
        short = self.optional(fields, "short_title", lambda n: self.text(n, "event.short_title"), Text())
        venue = self.optional(fields, "venue", self._venue, Venue())
        url = self.optional(fields, "url", lambda n: self.scalar(n, "event.url", "a web address"), None)
        if None in (event_id, self.zone, first, last) or not self.langs:
            return None
        return Event(event_id, title, self.langs, self.zone.key, first, last, short, venue, screens, url)

    def _languages(self, node: yaml.Node, path: str) -> tuple[str, ...]:
        langs: list[str] = []
        for i, item in enumerate(self.sequence(node, path)):
            lang = self.language(item, f"{path}[{i}]")
            if lang is None:
                continue
            if lang in langs:
                self.problem(item, f"{path}[{i}]", f"{lang!r} is listed twice")
            else:
                langs.append(lang)
        if isinstance(node, yaml.SequenceNode) and not node.value:
            self.problem(node, path, "list at least one language")
        return tuple(langs)

    def _catalogues(self, node: yaml.Node | None, screens: tuple[str, ...]) -> None:
        """Every screen language needs the screens' own words in it: never English in disguise."""
        path = "event.screen_languages" if self.screen_langs else "event.languages"
        for lang in screens:
            if not has_catalogue(lang):
                self.problem(
                    node,
                    path,
                    f"the screens have no words in {lang!r} yet (they have: {', '.join(with_catalogue())}); "
                    "add kiosk/present/catalogues/"
                    + f"{base(lang)}.toml, or show the screens in another language",
                )

    def _zone(self, node: yaml.Node) -> ZoneInfo | None:
        name = self.scalar(node, "event.timezone", "an IANA time zone such as Europe/Paris")
        if name is None:
            return None
        zone = iana_zone(name)
        if zone is None:
            self.problem(node, "event.timezone", f"{name!r} is not an IANA time zone (e.g. Europe/Paris)")
        return zone

    def _dates(self, node: yaml.Node) -> tuple[dt.date | None, dt.date | None]:
        fields = self.mapping(node, "event.dates", {"first": True, "last": False})
        if not fields or "first" not in fields:
            return None, None
        first = self.date(fields["first"], "event.dates.first")
        last = self.date(fields["last"], "event.dates.last") if "last" in fields else first
        for key, day in (("first", first), ("last", last if "last" in fields else None)):
            if day is not None and day.year not in PLAUSIBLE_YEARS:
                self.problem(fields[key], f"event.dates.{key}", far_year(day), warning=True)
        if first and last and last < first:
            self.problem(fields["last"], "event.dates.last", f"{last} is before the first day {first}")
            return first, None
        return first, last

    def _venue(self, node: yaml.Node) -> Venue | None:
        fields = self.mapping(node, "event.venue", {"name": False, "address": False})
        if fields is None:
            return None
        return Venue(
            self.optional(fields, "name", lambda n: self.text(n, "event.venue.name"), Text()),
            self.optional(fields, "address", lambda n: self.text(n, "event.venue.address", False), Text()),
        )

    def _rooms(self, node: yaml.Node) -> tuple[Room, ...]:
        rooms: list[Room] = []
        first_line: dict[str, int] = {}
        for i, item in enumerate(self.sequence(node, "rooms")):
            path = f"rooms[{i}]"
            fields = self.mapping(item, path, {"id": True, "name": True, "floor": False})
            if not fields or "id" not in fields or "name" not in fields:
                continue
            room_id = self.identifier(fields["id"], f"{path}.id")
            name = self.text(fields["name"], f"{path}.name")
            floor = self.optional(fields, "floor", lambda n, p=path: self.text(n, f"{p}.floor"), Text())
            if room_id is None:
                continue
            if not self.unique(first_line, room_id, fields["id"], f"{path}.id", "room"):
                continue
            rooms.append(Room(room_id, name, floor))
        if isinstance(node, yaml.SequenceNode) and not node.value:
            self.problem(node, "rooms", "list at least one room")
        return tuple(rooms)

    # -- sessions --------------------------------------------------------------------------------
    _SESSION_FIELDS: ClassVar[dict[str, bool]] = {
        "id": True,
        "title": True,
        "start": True,
        "end": True,
        "date": False,
        "room": False,
        "kind": False,
        "description": False,
        "people": False,
        "interpretation": False,
        "language": False,
        "url": False,
        "cancelled": False,
        "parts": False,
    }

    def _sessions(self, node: yaml.Node, room_ids: set[str]) -> tuple[Session, ...]:
        read: list[tuple[Session, yaml.Node, str]] = []  # session, its node, its path
        context = (self.langs, self.screen_langs, self.zone, self.first_day, frozenset(room_ids))
        earlier = memo.Earlier(self.source, context)
        for i, item in enumerate(self.sequence(node, "sessions")):
            path, key = f"sessions[{i}]", earlier.key(item)
            session = earlier.session(key)
            if session is not None:
                read.append((session, item, path))
                continue
            count, problems = len(read), len(self.problems)
            self._session(item, path, room_ids, None, read)
            if len(read) == count + 1 and len(self.problems) == problems:
                earlier.keep(key, read[count][0])  # one session (no parts), without a problem
        earlier.done()
        across.check_ids(self, read)
        across.check_overlaps(self, read, self.zone)
        across.check_dates(self, read, self.zone, self.first_day, self.last_day)
        ordered = sorted(enumerate(s for s, _, _ in read), key=lambda p: (p[1].start, p[0]))
        return tuple(s for _, s in ordered)

    def _session(
        self,
        node: yaml.Node,
        path: str,
        room_ids: set[str],
        block: Session | None,
        read: list[tuple[Session, yaml.Node, str]],
    ) -> None:
        known = dict(self._SESSION_FIELDS)
        if block is not None:  # a part takes its times and kind from its block unless it says otherwise
            known.update(start=False, end=False, parts=False)
            known.pop("parts")
        fields = self.mapping(node, path, known)
        if fields is None:
            return
        session_id = self.optional(fields, "id", lambda n: self.identifier(n, f"{path}.id"), None)
        title = self.optional(fields, "title", lambda n: self.text(n, f"{path}.title"), Text())
        day = self.optional(fields, "date", lambda n: self.date(n, f"{path}.date"), None)
        if day is None:
            day = block.start.astimezone(self.zone).date() if block else self.first_day
        start = self.optional(fields, "start", lambda n: self._instant(n, f"{path}.start", day), None)
        end = self.optional(fields, "end", lambda n: self._instant(n, f"{path}.end", day), None)
        if block is not None:
            start = start or block.start
            end = end or block.end
        kind = self.optional(fields, "kind", lambda n: self.choice(n, f"{path}.kind", KINDS), None)
        kind = kind or (block.kind if block else "other")
        room = self.optional(fields, "room", lambda n: self._room(n, f"{path}.room", room_ids), None)
        description = self.optional(
            fields, "description", lambda n: self.text(n, f"{path}.description"), Text()
        )
        people = self.optional(fields, "people", lambda n: self._people(n, f"{path}.people"), ())
        interpretation = self.optional(
            fields, "interpretation", lambda n: self.lang_list(n, f"{path}.interpretation"), ()
        )
        language = self.optional(fields, "language", lambda n: self.language(n, f"{path}.language"), None)
        url = self.optional(fields, "url", lambda n: self.scalar(n, f"{path}.url", "a web address"), None)
        cancelled = self.optional(fields, "cancelled", lambda n: self._yes_no(n, f"{path}.cancelled"), None)
        if cancelled is None:  # the parts of a cancelled block are cancelled with it
            cancelled = block.cancelled if block else False
        part_nodes = self.sequence(fields["parts"], f"{path}.parts") if "parts" in fields else []

        if start and end and end <= start:
            if "end" in fields:
                word = "is the same as" if end == start else "is before"
                self.problem(
                    fields["end"],
                    f"{path}.end",
                    f"{clock(end, self.zone)} {word} start {clock(start, self.zone)}",
                )
            else:  # a part starting at or after the end it takes from its block
                self.problem(
                    fields.get("start"),
                    f"{path}.start",
                    f"{clock(start, self.zone)} is not before the end it takes from its block "
                    f"({clock(end, self.zone)})",
                )
            return
        if "room" not in fields and not part_nodes and session_id is not None:
            self.problem(node, f"{path}.room", "missing (required, except on a block with parts)")
        if None in (session_id, start, end) or not title:
            return
        session = Session(
            session_id,
            title,
            start,
            end,
            room,
            kind,
            description,
            people,
            interpretation,
            language,
            url,
            parent=block.id if block else None,
            cancelled=cancelled,
        )
        index = len(read)
        read.append((session, node, path))
        part_ids = []
        for j, part_node in enumerate(part_nodes):
            before = len(read)
            self._session(part_node, f"{path}.parts[{j}]", room_ids, session, read)
            if len(read) > before:
                part_ids.append(read[before][0].id)
        if part_ids:
            read[index] = (Session(**{**session.__dict__, "parts": tuple(part_ids)}), node, path)

    def _yes_no(self, node: yaml.Node, path: str) -> bool | None:
        value = self.scalar(node, path, "true or false")
        if value is None:
            return None
        if value.strip().lower() not in ("true", "false"):
            self.problem(node, path, f"expected true or false, found {value!r}")
            return None
        return value.strip().lower() == "true"

    def _instant(self, node: yaml.Node, path: str, day: dt.date | None) -> dt.datetime | None:
        value = self.scalar(node, path, "a time HH:MM")
        if value is None or self.zone is None:
            return None
        # A congress repeats a few dozen times thousands of times: each is worked out once.
        known = self._instants.get((value, day, self.zone))
        if known is None:
            known = self._instant_of(node, path, value.strip(), day)
            if known is not None:
                self._instants[(value, day, self.zone)] = known
        return known

    def _instant_of(self, node: yaml.Node, path: str, value: str, day: dt.date | None) -> dt.datetime | None:
        # An unquoted 10:00 is read by YAML 1.1 as sexagesimal 600; the scalar as written is what counts.
        match = _TIME.match(value)
        try:
            if match:
                if day is None:
                    return None
                naive = dt.datetime.combine(day, dt.time(int(match[1]), int(match[2])))
            else:
                if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", value):
                    raise ValueError
                parsed = parse_iso(value.replace(" ", "T", 1))
                naive = parsed
        except (ValueError, OverflowError):
            self.problem(
                node, path, f"{value!r} is not a time; expected HH:MM (e.g. 09:30) or YYYY-MM-DD HH:MM"
            )
            return None
        try:
            if naive.tzinfo is not None:  # an ISO time with its offset is that instant
                return fixed_offset(naive, self.zone)
            aware = naive.replace(tzinfo=self.zone)
            if aware.astimezone(dt.UTC).astimezone(self.zone).replace(tzinfo=None) != naive:
                self.problem(
                    node,
                    path,
                    f"{naive:%Y-%m-%d %H:%M} does not exist in {self.zone.key} (the clocks go forward then)",
                )
                return None
            return fixed_offset(aware, self.zone)
        except OverflowError:  # at the very ends of the calendar, the UTC instant is out of range
            self.problem(node, path, f"{value!r} is too close to the ends of the calendar (years 1 and 9999)")
            return None

    def _room(self, node: yaml.Node, path: str, room_ids: set[str]) -> str | None:
        value = self.scalar(node, path, "a room id")
        if value is not None and not room_ids:
            return None  # no room could be read: that is reported at rooms, not again at every session
        if value is not None and value not in room_ids:
            hint = difflib.get_close_matches(value, sorted(room_ids), n=1)
            self.problem(
                node,
                path,
                f"unknown room {value!r}; "
                + (f"did you mean {hint[0]!r}? " if hint else "")
                + f"rooms are: {', '.join(sorted(room_ids))}",
            )
            return None
        return value

    def _people(self, node: yaml.Node, path: str) -> tuple[Person, ...]:
        people = []
        for i, item in enumerate(self.sequence(node, path)):
            p = f"{path}[{i}]"
            fields = self.mapping(item, p, {"name": True, "role": False, "affiliation": False})
            if not fields or "name" not in fields:
                continue
            name = self.scalar(fields["name"], f"{p}.name", "a name")
            role = self.optional(fields, "role", lambda n, p=p: self.choice(n, f"{p}.role", ROLES), "speaker")
            affiliation = self.optional(
                fields, "affiliation", lambda n, p=p: self.text(n, f"{p}.affiliation"), Text()
            )
            if name:
                people.append(Person(name.strip(), role, affiliation))
        return tuple(people)
