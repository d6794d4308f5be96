"""Read a programme file: safe YAML, checked field by field, every problem with file:line:column."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from ..clock import parse_iso
from .errors import Problem, ProgrammeError
from .model import FORMAT_VERSION, KINDS, ROLES, Event, Person, Programme, Room, Session, Text, Venue

MAX_BYTES = 5 * 1024 * 1024
# Values in the file, aliases counted each time they are used: a "billion laughs" file composes
# cheaply but would take forever (and all memory) for anything that walks it.
MAX_NODES = 200_000
# A programme is six levels deep; PyYAML composes recursively and would hit Python's recursion limit.
MAX_DEPTH = 64

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # a BCP 47 tag: fr, en, ar, zh-Hant
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII_SPACES = re.compile(r"[ \t\r\n]+")
_TIME = re.compile(r"^(\d{1,2})[:hH](\d{2})$")


def load_programme(path: str | Path) -> Programme:
    """Read and validate ``path``; raise ProgrammeError listing every problem (warnings ride along)."""
    return parse_programme(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """The bytes of a programme file; ProgrammeError when it cannot be read or passes MAX_BYTES."""
    try:
        # Read one byte past the limit rather than trust the size on disk: /dev/zero, a pipe or a file
        # still growing say 0 and never end.
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as err:
        raise ProgrammeError(
            [Problem(str(path), 0, 0, "", f"cannot read the file: {err.strerror}")]
        ) from None
    if len(data) > MAX_BYTES:
        raise ProgrammeError([Problem(str(path), 0, 0, "", f"the file is larger than {MAX_BYTES >> 20} MB")])
    return data


def parse_programme(data: bytes | str, name: str = "<programme>") -> Programme:
    """Validate a programme given as bytes or text; ``name`` is used in the messages."""
    programme, problems = _Reader(name).read(data)
    if programme is None or any(not p.warning for p in problems):
        raise ProgrammeError(problems)
    return _with_warnings(programme, problems)


def check_programme(data: bytes | str, name: str = "<programme>") -> tuple[Programme | None, list[Problem]]:
    """Every problem and warning in a programme, and the programme itself when it has no error."""
    programme, problems = _Reader(name).read(data)
    if any(not p.warning for p in problems):
        programme = None
    return programme, problems


def _with_warnings(programme: Programme, problems: list[Problem]) -> Programme:
    # Warnings are part of the programme's story (kiosk validate prints them, the log records them).
    return dataclasses.replace(programme, warnings=tuple(problems))


class _Reader:
    """Walks the composed YAML nodes (which keep their line and column) into the model."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.langs: tuple[str, ...] = ()
        self.zone: ZoneInfo | None = None
        self.first_day: dt.date | None = None

    # -- reporting -------------------------------------------------------------------------------
    def problem(self, node: yaml.Node | None, path: str, message: str, warning: bool = False) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (0, 0)
        self.problems.append(Problem(self.name, line, col, path, message, warning))

    # -- entry -----------------------------------------------------------------------------------
    def read(self, data: bytes | str) -> tuple[Programme | None, list[Problem]]:
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            self.problems.append(
                Problem(self.name, 0, 0, "", f"the file is larger than {MAX_BYTES >> 20} MB")
            )
            return None, self.problems
        text = self._decode(data)
        if text is None:
            return None, self.problems
        try:
            root = _compose(text)
        except _Refused as err:
            self.problems.append(Problem(self.name, err.mark.line + 1, err.mark.column + 1, "", err.message))
            return None, self.problems
        except yaml.MarkedYAMLError as err:
            mark, message = _yaml_problem(err)
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            self.problems.append(Problem(self.name, line, col, "", message))
            return None, self.problems
        except yaml.reader.ReaderError as err:
            line = text.count("\n", 0, err.position) + 1
            col = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
            what = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
            self.problems.append(
                Problem(
                    self.name,
                    line,
                    col,
                    "",
                    f"the control character {what} cannot be in a programme; remove it",
                )
            )
            return None, self.problems
        except yaml.YAMLError as err:
            self.problems.append(Problem(self.name, 0, 0, "", f"not valid YAML: {err}"))
            return None, self.problems
        if root is None:
            self.problems.append(
                Problem(self.name, 0, 0, "", "the file is empty: a programme starts with 'format: 1'")
            )
            return None, self.problems
        return self._programme(root), self.problems

    def _decode(self, data: bytes | str) -> str | None:
        if isinstance(data, str):
            text = data
        else:
            if b"\x00" in data[:8192]:
                self.problems.append(
                    Problem(
                        self.name,
                        0,
                        0,
                        "",
                        "this is not a text file (it has NUL bytes): a programme is UTF-8 YAML",
                    )
                )
                return None
            try:
                text = data.decode("utf-8-sig")  # a BOM from Windows editors is harmless: drop it
            except UnicodeDecodeError as err:
                line = data[: err.start].count(b"\n") + 1
                line_start = data.rfind(b"\n", 0, err.start) + 1
                # The column counts characters, as an editor does, not bytes.
                col = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
                self.problems.append(
                    Problem(
                        self.name,
                        line,
                        col,
                        "",
                        f"not UTF-8 text (byte 0x{data[err.start]:02x}): save the file as UTF-8",
                    )
                )
                return None
        text = text.removeprefix("\ufeff")
        # CRLF and lone CR line ends are read as LF so that lines and columns stay right.
        return text.replace("\r\n", "\n").replace("\r", "\n")

    # -- generic node helpers --------------------------------------------------------------------
    def visit(self, node: yaml.Node, path: str) -> bool:
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag in _STANDARD_TAGS:
            return True
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problem(node, path, f"the tag {tag} is not allowed: a programme holds plain values only")
        return False

    def mapping(self, node: yaml.Node, path: str, known: dict[str, bool]) -> dict[str, yaml.Node] | None:
        """The keys of a mapping node; ``known`` maps allowed keys to whether they are required."""
        if not self.visit(node, path):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, path, f"expected a mapping of {', '.join(known)}, found {_kind(node)}")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            kpath = f"{path}.{key}" if path else str(key)
            if key is None:
                self.problem(key_node, path, "a key must be a plain word")
            elif key in out:
                self.problem(
                    key_node, kpath, f"{key!r} is given twice (first at line {out[key].start_mark.line + 1})"
                )
            elif key not in known:
                hint = difflib.get_close_matches(key, list(known), n=1)
                self.problem(
                    key_node,
                    kpath,
                    f"unknown field {key!r}"
                    + (f"; did you mean {hint[0]!r}?" if hint else f"; expected one of: {', '.join(known)}"),
                )
            else:
                out[key] = value_node
        for key, required in known.items():
            if required and key not in out:
                self.problem(node, f"{path}.{key}" if path else key, "missing (required)")
        return out

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node]:
        if not self.visit(node, path):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, path, f"expected a list, found {_kind(node)}")
            return []
        return list(node.value)

    def scalar(self, node: yaml.Node, path: str, what: str = "a value") -> str | None:
        if not self.visit(node, path):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, path, f"expected {what}, found {_kind(node)}")
            return None
        if node.tag == "tag:yaml.org,2002:null" and node.style is None:
            self.problem(node, path, f"expected {what}, found nothing")
            return None
        if _SURROGATE.search(node.value):
            # Only a \\uD800-style escape in quotes makes one; it cannot be shown, printed or saved.
            self.problem(
                node, path, f"not valid text: {node.value!r} holds half of a character (a surrogate)"
            )
            return None
        return node.value

    def identifier(self, node: yaml.Node, path: str) -> str | None:
        value = self.scalar(node, path, "an id")
        if value is not None and not _ID.match(value):
            self.problem(
                node, path, f"{value!r} is not a usable id: use letters, digits and - (e.g. salle-ix)"
            )
            return None
        return value

    def text(self, node: yaml.Node, path: str, required_langs: bool = True) -> Text:
        if not self.visit(node, path):
            return Text()
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node, path, "a text")
            if value is not None and not value.strip():
                self.problem(node, path, "empty text")
            return Text.same(value.strip(), self.langs or ("und",)) if value else Text()
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, path, f"expected a text or a mapping language → text, found {_kind(node)}")
            return Text()
        by_lang: dict[str, str] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a language code such as fr")
                continue
            lang = key_node.value
            if lang in first_line:
                self.problem(
                    key_node, f"{path}.{lang}", f"{lang!r} is given twice (first at line {first_line[lang]})"
                )
                continue
            first_line[lang] = key_node.start_mark.line + 1
            if self.langs and lang not in self.langs:
                hint = f"; the event's languages are {', '.join(self.langs)}"
                self.problem(
                    key_node, f"{path}.{lang}", f"{lang!r} is not one of the event's languages{hint}"
                )
                continue
            value = self.scalar(value_node, f"{path}.{lang}", "a text")
            if value is not None and value.strip():
                # Only ASCII white space is folded: French text keeps its narrow no-break spaces.
                by_lang[lang] = (
                    _ASCII_SPACES.sub(" ", value.strip()) if "\n" not in value.strip() else value.strip()
                )
        if required_langs:
            missing = [lang for lang in self.langs if lang not in by_lang]
            if missing and by_lang:
                self.problem(
                    node,
                    path,
                    f"no {', '.join(missing)} text; showing {next(iter(by_lang))} instead",
                    warning=True,
                )
        if not by_lang:
            self.problem(node, path, "empty text")
        return Text(by_lang)

    def optional(
        self, fields: dict[str, yaml.Node], key: str, read: Callable[[yaml.Node], Any], default: Any
    ) -> Any:
        node = fields.get(key)
        if node is None:
            return default
        value = read(node)
        return default if value is None else value

    # -- the programme ---------------------------------------------------------------------------
    def _programme(self, root: yaml.Node) -> Programme | None:
        top = self.mapping(root, "", {"format": True, "event": True, "rooms": True, "sessions": True})
        if top is None:
            return None
        if "format" in top:
            self._format(top["format"])
        event = self._event(top["event"]) if "event" in top else None
        rooms = self._rooms(top["rooms"]) if "rooms" in top else ()
        sessions = self._sessions(top["sessions"], {r.id for r in rooms}) if "sessions" in top else ()
        if event is None:
            return None
        return Programme(event, rooms, sessions, self.name)

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
                "timezone": True,
                "dates": True,
                "venue": False,
            },
        )
        if fields is None:
            return None
        if "languages" in fields:
            self.langs = self._languages(fields["languages"])
        if "timezone" in fields:
            self.zone = self._zone(fields["timezone"])
        first, last = self._dates(fields["dates"]) if "dates" in fields else (None, None)
        self.first_day = first
        event_id = self.optional(fields, "id", lambda n: self.identifier(n, "event.id"), None)
        title = self.optional(fields, "title", lambda n: self.text(n, "event.title"), Text())
        short = self.optional(fields, "short_title", lambda n: self.text(n, "event.short_title"), Text())
        venue = self.optional(fields, "venue", self._venue, Venue())
        if None in (event_id, self.zone, first, last) or not self.langs:
            return None
        return Event(event_id, title, self.langs, self.zone.key, first, last, short, venue)

    def _languages(self, node: yaml.Node) -> tuple[str, ...]:
        langs: list[str] = []
        for i, item in enumerate(self.sequence(node, "event.languages")):
            lang = self._language(item, f"event.languages[{i}]")
            if lang is None:
                continue
            if lang in langs:
                self.problem(item, f"event.languages[{i}]", f"{lang!r} is listed twice")
            else:
                langs.append(lang)
        if isinstance(node, yaml.SequenceNode) and not node.value:
            self.problem(node, "event.languages", "list at least one language")
        return tuple(langs)

    def _zone(self, node: yaml.Node) -> ZoneInfo | None:
        name = self.scalar(node, "event.timezone", "an IANA time zone such as Europe/Paris")
        if name is None:
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(node, "event.timezone", f"{name!r} is not an IANA time zone (e.g. Europe/Paris)")
            return None

    def _date(self, node: yaml.Node, path: str) -> dt.date | None:
        value = self.scalar(node, path, "a date YYYY-MM-DD")
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            self.problem(node, path, f"{value!r} is not a date; expected YYYY-MM-DD (e.g. 2023-03-28)")
            return None

    def _dates(self, node: yaml.Node) -> tuple[dt.date | None, dt.date | None]:
        fields = self.mapping(node, "event.dates", {"first": True, "last": False})
        if not fields or "first" not in fields:
            return None, None
        first = self._date(fields["first"], "event.dates.first")
        last = self._date(fields["last"], "event.dates.last") if "last" in fields else first
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
            if room_id in first_line:
                self.problem(
                    fields["id"],
                    f"{path}.id",
                    f"duplicate room id {room_id!r} (first at line {first_line[room_id]})",
                )
                continue
            first_line[room_id] = fields["id"].start_mark.line + 1
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
        "parts": False,
    }

    def _sessions(self, node: yaml.Node, room_ids: set[str]) -> tuple[Session, ...]:
        read: list[tuple[Session, yaml.Node, str]] = []  # session, its node, its path
        for i, item in enumerate(self.sequence(node, "sessions")):
            self._session(item, f"sessions[{i}]", room_ids, None, read)
        self._check_ids(read)
        self._check_overlaps(read)
        self._check_dates(read)
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
        day = self.optional(fields, "date", lambda n: self._date(n, f"{path}.date"), None)
        if day is None:
            day = block.start.astimezone(self.zone).date() if block else self.first_day
        start = self.optional(fields, "start", lambda n: self._instant(n, f"{path}.start", day), None)
        end = self.optional(fields, "end", lambda n: self._instant(n, f"{path}.end", day), None)
        if block is not None:
            start = start or block.start
            end = end or block.end
        kind = self.optional(fields, "kind", lambda n: self._choice(n, f"{path}.kind", KINDS), None)
        kind = kind or (block.kind if block else "other")
        room = self.optional(fields, "room", lambda n: self._room(n, f"{path}.room", room_ids), None)
        description = self.optional(
            fields, "description", lambda n: self.text(n, f"{path}.description"), Text()
        )
        people = self.optional(fields, "people", lambda n: self._people(n, f"{path}.people"), ())
        interpretation = self.optional(
            fields, "interpretation", lambda n: self._lang_list(n, f"{path}.interpretation"), ()
        )
        language = self.optional(fields, "language", lambda n: self._language(n, f"{path}.language"), None)
        url = self.optional(fields, "url", lambda n: self.scalar(n, f"{path}.url", "a web address"), None)
        part_nodes = self.sequence(fields["parts"], f"{path}.parts") if "parts" in fields else []

        if start and end and end <= start:
            if "end" in fields:
                word = "is the same as" if end == start else "is before"
                self.problem(
                    fields["end"],
                    f"{path}.end",
                    f"{_clock(end, self.zone)} {word} start {_clock(start, self.zone)}",
                )
            else:  # a part starting at or after the end it takes from its block
                self.problem(
                    fields.get("start"),
                    f"{path}.start",
                    f"{_clock(start, self.zone)} is not before the end it takes from its block "
                    f"({_clock(end, self.zone)})",
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

    def _instant(self, node: yaml.Node, path: str, day: dt.date | None) -> dt.datetime | None:
        value = self.scalar(node, path, "a time HH:MM")
        if value is None or self.zone is None:
            return None
        value = value.strip()
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
                return _fixed(naive, self.zone)
            aware = naive.replace(tzinfo=self.zone)
            if aware.astimezone(dt.UTC).astimezone(self.zone).replace(tzinfo=None) != naive:
                self.problem(
                    node,
                    path,
                    f"{naive:%Y-%m-%d %H:%M} does not exist in {self.zone.key} (the clocks go forward then)",
                )
                return None
            return _fixed(aware, self.zone)
        except OverflowError:  # at the very ends of the calendar, the UTC instant is out of range
            self.problem(node, path, f"{value!r} is too close to the ends of the calendar (years 1 and 9999)")
            return None

    def _choice(self, node: yaml.Node, path: str, choices: tuple[str, ...]) -> str | None:
        value = self.scalar(node, path, "one of " + ", ".join(choices))
        if value is not None and value not in choices:
            hint = difflib.get_close_matches(value, choices, n=1)
            self.problem(
                node,
                path,
                f"{value!r} is not known; "
                + (f"did you mean {hint[0]!r}?" if hint else f"expected one of {', '.join(choices)}"),
            )
            return None
        return value

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

    def _lang_list(self, node: yaml.Node, path: str) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.sequence(node, path)):
            value = self._language(item, f"{path}[{i}]")
            if value:
                out.append(value)
        return tuple(out)

    def _language(self, node: yaml.Node, path: str) -> str | None:
        value = self.scalar(node, path, "a language code such as fr")
        if value is not None and not _LANGUAGE.match(value):
            self.problem(node, path, f"{value!r} is not a language code (e.g. fr, en, ar, zh)")
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
            role = self.optional(
                fields, "role", lambda n, p=p: self._choice(n, f"{p}.role", ROLES), "speaker"
            )
            affiliation = self.optional(
                fields, "affiliation", lambda n, p=p: self.text(n, f"{p}.affiliation"), Text()
            )
            if name:
                people.append(Person(name.strip(), role, affiliation))
        return tuple(people)

    # -- checks across sessions ------------------------------------------------------------------
    def _check_ids(self, read: list[tuple[Session, yaml.Node, str]]) -> None:
        seen: dict[str, yaml.Node] = {}
        for session, node, path in read:
            if session.id in seen:
                self.problem(
                    _field(node, "id"),
                    f"{path}.id",
                    f"duplicate session id {session.id!r} "
                    f"(first at line {seen[session.id].start_mark.line + 1})",
                )
            else:
                seen[session.id] = node

    def _check_overlaps(self, read: list[tuple[Session, yaml.Node, str]]) -> None:
        by_room: dict[str, list[tuple[Session, yaml.Node, str]]] = {}
        for entry in read:
            if entry[0].room:
                by_room.setdefault(entry[0].room, []).append(entry)
        for entries in by_room.values():
            entries.sort(key=lambda e: e[0].start)
            latest = None  # the entry ending last so far
            for entry in entries:
                session, node, path = entry
                if latest and session.start < latest[0].end and not _related(session, latest[0]):
                    other = latest[0]
                    self.problem(
                        _field(node, "start"),
                        f"{path}.start",
                        f"{session.id!r} overlaps {other.id!r} ({_clock(other.start, self.zone)}–"
                        f"{_clock(other.end, self.zone)}, line {latest[1].start_mark.line + 1}) "
                        f"in room {session.room!r}",
                    )
                if latest is None or session.end > latest[0].end:
                    latest = entry

    def _check_dates(self, read: list[tuple[Session, yaml.Node, str]]) -> None:
        if self.first_day is None or self.zone is None:
            return
        for session, node, path in read:
            day = session.start.astimezone(self.zone).date()
            if day < self.first_day:
                self.problem(
                    _field(node, "start"),
                    f"{path}.start",
                    f"{day} is before the event's first day {self.first_day}",
                    warning=True,
                )


class _Refused(Exception):
    """A file PyYAML could read but kiosk will not: too deep, too large once aliases are expanded."""

    def __init__(self, mark: yaml.Mark, message: str):
        self.mark = mark
        self.message = message


class _Composer(yaml.SafeLoader):
    """SafeLoader's composer, refusing deep nesting and counting each alias as the values it repeats."""

    def __init__(self, text: str):
        super().__init__(text)
        self.depth = 0
        self.expanded = 0  # values so far, each alias counting as the values it stands for
        self.sizes: dict[int, int] = {}  # id(node) -> the values it stands for

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            if node is not None:
                if id(node) not in self.sizes:
                    raise _Refused(
                        event.start_mark, f"the alias *{event.anchor} is used inside the value it names"
                    )
                self._count(self.sizes[id(node)], event.start_mark)
            return super().compose_node(parent, index)
        mark = self.peek_event().start_mark
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(mark, f"values nested more than {MAX_DEPTH} deep; refusing to read it")
        before = self.expanded
        node = super().compose_node(parent, index)
        self.depth -= 1
        self._count(1, mark)
        self.sizes[id(node)] = self.expanded - before
        return node

    def _count(self, values: int, mark: yaml.Mark) -> None:
        self.expanded += values
        if self.expanded > MAX_NODES:
            raise _Refused(
                mark,
                f"the file expands to more than {MAX_NODES} values (aliases used many times?); "
                "refusing to read it",
            )


def _compose(text: str) -> yaml.Node | None:
    loader = _Composer(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _fixed(instant: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """``instant`` in ``zone``'s wall-clock time, carrying the UTC offset in force then as a fixed offset.

    Python compares and subtracts two datetimes sharing one ZoneInfo on the wall clock, which is an
    hour off across a daylight-saving change; fixed offsets make every comparison and duration exact
    while isoformat() and strftime() still give the local time (10:00+02:00).
    """
    local = instant.astimezone(zone)
    return local.replace(tzinfo=dt.timezone(local.utcoffset()), fold=0)


def _related(a: Session, b: Session) -> bool:
    return a.parent == b.id or b.parent == a.id


def _field(node: yaml.Node, key: str) -> yaml.Node:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return node


def _clock(instant: dt.datetime, zone: ZoneInfo | None) -> str:
    return f"{instant.astimezone(zone):%H:%M}" if zone else f"{instant:%H:%M}"


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return f"{node.value!r}"


# Constructs PyYAML reports where it gave up, often lines later: the mistake is where they were opened.
_UNCLOSED = ("while parsing a flow", "while scanning a quoted scalar", "while scanning a simple key")


def _yaml_problem(err: yaml.MarkedYAMLError) -> tuple[yaml.Mark | None, str]:
    """Where to point for a YAML syntax error, and what to say."""
    message = _yaml_message(err)
    problem, context = err.problem_mark, err.context_mark
    if (
        problem is not None
        and context is not None
        and context.line < problem.line
        and (err.context or "").startswith(_UNCLOSED)
    ):
        return context, f"{message} (at line {problem.line + 1}, column {problem.column + 1})"
    return problem or context, message


def _yaml_message(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab character: indent with spaces, not tabs"
    context = (err.context or "").strip()
    if "expected a single document" in context + problem:
        return "more than one YAML document ('---'): a programme is a single document"
    if "found undefined alias" in context + problem or "found undefined alias" in problem:
        return f"not valid YAML: {problem}"
    text = f"{context}, {problem}" if context and problem else (problem or context)
    return f"not valid YAML: {text}"
