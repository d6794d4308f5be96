"""Read a notices file against a programme: every problem with file:line:column, like the programme.

The notices file is YAML, separate from the programme (the programme may come from pretalx while
notices are local decisions). It is read with the programme loader's composed-node reader (positions,
alias, size and depth limits), then checked against the programme: rooms, sessions, times.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import yaml

from .. import yaml_reader
from ..file_bytes import Unreadable, read_bytes
from ..programme import Problem, Programme, ProgrammeError, Session, Text
from ..programme.check import ProgrammeChecker
from ..programme.times import clock, fixed_offset
from ..yaml_reader import YamlProblem
from .model import (
    CANCELLED,
    DELAY,
    EMERGENCY,
    FORMAT_VERSION,
    FULL,
    KINDS,
    LEVELS,
    MESSAGE,
    MOVED,
    Notice,
    Notices,
)

# More than a venue could mean in a day: a file with more is a mistake or an attack, refused whole.
MAX_NOTICES = 500
# A notice is read in passing, from metres away: a few sentences at most.
MAX_TEXT = 400
# A delay longer than this is a cancellation or a new programme, not a delay.
MAX_DELAY_MINUTES = 240

_SECONDS = re.compile(r"^\d{1,2}:\d{2}:\d{2}$")
_COMMON = {"id": True, "kind": True, "from": False, "until": False, "text": False}
# The fields each kind takes besides the common ones.
_FIELDS: dict[str, dict[str, bool]] = {
    FULL: {"room": False, "session": False, "overflow": False},
    DELAY: {"room": True, "minutes": True, "from": True},
    MOVED: {"session": True, "to": True},
    CANCELLED: {"session": True},
    MESSAGE: {"room": False, "rooms": False, "level": False},
    EMERGENCY: {},
}


WHAT = "a notices file"  # how messages name the file


class NoticesError(ProgrammeError):
    """A notices file that cannot be used; carries every problem found."""


def load_notices(path: str | Path, programme: Programme) -> Notices:
    """Read ``path`` (a file, or an http(s) URL) against ``programme``; a file that does not exist holds
    no notices."""
    from ..sources import is_url

    if is_url(str(path)):
        return _fetch_notices(str(path), programme)
    try:
        data = read_bytes(path)
    except Unreadable as err:
        if err.missing:
            return Notices((), str(path))
        raise NoticesError([Problem(str(path), 0, 0, "", err.message)]) from None
    return parse_notices(data, str(path), programme)


def _fetch_notices(url: str, programme: Programme) -> Notices:
    """The notices at ``url``, fetched now into the cache the screens use (`kiosk state`, `kiosk render`);
    when the server cannot be reached, the cached copy. NoticesError when there is neither."""
    # Imported here: the network code is for a notices URL only.
    from ..sources.remote import fetch_for_command

    def check(data: bytes, name: str) -> str | None:
        _, problems = check_notices(data, name, programme)
        errors = [p for p in problems if not p.warning]
        return f"the downloaded notices cannot be used: {errors[0]}" if errors else None

    try:
        copy = fetch_for_command(url, check)
    except ValueError as err:
        raise NoticesError([Problem(url, 0, 0, "", str(err))]) from None
    return parse_notices(copy.read_bytes(), url, programme)


def parse_notices(data: bytes | str, name: str, programme: Programme) -> Notices:
    """Notices from bytes or text (``name`` in messages); NoticesError listing every problem."""
    notices, problems = check_notices(data, name, programme)
    if notices is None:
        raise NoticesError(problems)
    return notices


def check_notices(data: bytes | str, name: str, programme: Programme) -> tuple[Notices | None, list[Problem]]:
    """Every problem and warning, and the notices themselves when there is no error."""
    try:
        root = yaml_reader.read_yaml(data, WHAT)
    except YamlProblem as err:
        return None, [Problem(name, err.line, err.column, "", err.message)]
    if root is None:
        return Notices((), name), []  # an empty file (or only comments) holds no notices
    checker = _NoticeChecker(name, programme)
    notices = checker.notices(root)
    if notices is None or any(not p.warning for p in checker.problems):
        return None, checker.problems
    return notices, checker.problems


def end_of_day(day: dt.date, programme: Programme) -> dt.datetime:
    """Midnight after ``day`` in the programme's time zone."""
    zone = programme.event.zone
    return fixed_offset(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).replace(tzinfo=zone), zone)


def default_end(notice_start: dt.datetime | None, session: Session | None, programme: Programme):
    """A notice without ``until``: a full room until its session ends, any other to the end of its day."""
    if session is not None:
        return session.end
    if notice_start is None:
        return end_of_day(programme.event.last_day, programme)
    return end_of_day(notice_start.astimezone(programme.event.zone).date(), programme)


class _NoticeChecker(ProgrammeChecker):
    """The programme checker's readers (times in the event's zone, texts in its languages), for notices."""

    def __init__(self, name: str, programme: Programme):
        super().__init__(name)
        self.programme = programme
        self.langs = programme.event.languages
        self.zone = programme.event.zone
        self.first_day = programme.event.first_day

    def notices(self, root: yaml.Node) -> Notices | None:
        top = self.mapping(root, "", {"format": True, "notices": True})
        if top is None:
            return None
        if "format" in top:
            self._format(top["format"])
        items = self.sequence(top["notices"], "notices") if "notices" in top else []
        if len(items) > MAX_NOTICES:
            self.problem(
                top["notices"], "notices", f"{len(items)} notices; a file holds at most {MAX_NOTICES}"
            )
            return None
        notices: list[Notice] = []
        first_line: dict[str, int] = {}
        for i, item in enumerate(items):
            notice = self._notice(item, f"notices[{i}]")
            if notice is None:
                continue
            if notice.id in first_line:
                line, col = notice.marks["id"]
                self.problems.append(
                    Problem(
                        self.name,
                        line,
                        col,
                        f"notices[{i}].id",
                        f"duplicate notice id {notice.id!r} (first at line {first_line[notice.id]})",
                    )
                )
                continue
            first_line[notice.id] = notice.marks["id"][0]
            notices.append(notice)
        return Notices(tuple(notices), self.name)

    def _format(self, node: yaml.Node) -> None:
        value = self.scalar(node, "format", "the format version")
        if value is not None and value.strip() != str(FORMAT_VERSION):
            self.problem(
                node, "format", f"format {value!r} is not one this kiosk reads (expected {FORMAT_VERSION})"
            )

    def _notice(self, node: yaml.Node, path: str) -> Notice | None:
        kind = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "kind":
                    kind = self.choice(value, f"{path}.kind", KINDS)
                    if kind is None:
                        return None
        fields = self.mapping(node, path, _COMMON | _FIELDS.get(kind or "", {}))
        if fields is None or kind is None or "id" not in fields:
            return None
        before = self._errors()
        marks = {key: (n.start_mark.line + 1, n.start_mark.column + 1) for key, n in fields.items()}
        notice_id = self.identifier(fields["id"], f"{path}.id")
        session = self.optional(fields, "session", lambda n: self._session_ref(n, f"{path}.session"), None)
        rooms: tuple[str, ...] = ()
        if "room" in fields:
            room = self._room_ref(fields["room"], f"{path}.room")
            rooms = (room,) if room else ()
        elif "rooms" in fields:
            rooms = tuple(
                r
                for j, item in enumerate(self.sequence(fields["rooms"], f"{path}.rooms"))
                if (r := self._room_ref(item, f"{path}.rooms[{j}]"))
            )
        elif session is not None and session.room and kind in (FULL, CANCELLED, MOVED):
            rooms = (session.room,)
        elif session is not None and kind in (CANCELLED, MOVED):
            rooms = tuple(dict.fromkeys(self.programme.session(p).room for p in session.parts))
        start = self.optional(fields, "from", lambda n: self._when(n, f"{path}.from"), None)
        until = self.optional(fields, "until", lambda n: self._when(n, f"{path}.until"), None)
        text = self.optional(fields, "text", lambda n: self._notice_text(n, f"{path}.text"), Text())
        overflow = self.optional(fields, "overflow", lambda n: self._room_ref(n, f"{path}.overflow"), None)
        to = self.optional(fields, "to", lambda n: self._room_ref(n, f"{path}.to"), None)
        level = self.optional(fields, "level", lambda n: self.choice(n, f"{path}.level", LEVELS), "info")
        minutes = self.optional(fields, "minutes", lambda n: self._minutes(n, f"{path}.minutes"), 0)
        if self._errors() > before or notice_id is None:
            return None

        if kind == FULL and not rooms:
            self.problem(node, f"{path}.room", "missing: say which room is full (or which session)")
        if kind == FULL and session is not None and rooms and session.room not in rooms:
            self.problem(fields["session"], f"{path}.session", f"{session.id!r} is not in {rooms[0]!r}")
        if overflow is not None and overflow in rooms:
            self.problem(fields["overflow"], f"{path}.overflow", "the overflow is the full room itself")
        if kind == MESSAGE and not text:
            self.problem(node, f"{path}.text", "missing: a message needs its text")
        if kind == MOVED and session is not None and to is not None:
            if not session.room:
                self.problem(
                    fields["session"],
                    f"{path}.session",
                    f"{session.id!r} is a block of parallel parts: move each part",
                )
            elif to == session.room:
                self.problem(fields["to"], f"{path}.to", f"{session.id!r} is already in {to!r}")
            rooms = (session.room, to) if session.room else rooms
        end = until or default_end(start, session if kind == FULL else None, self.programme)
        if start is not None and end <= start:
            where = fields.get("until") or fields.get("session") or node
            self.problem(
                where,
                f"{path}.until",
                f"the notice ends ({clock(end, self.zone)}) before it starts ({clock(start, self.zone)})",
            )
        notice = Notice(
            id=notice_id,
            kind=kind,
            end=end,
            rooms=rooms,
            session=session.id if session else None,
            start=start,
            text=text,
            overflow=overflow,
            minutes=minutes,
            to=to,
            level=level,
            marks=marks,
        )
        if kind == DELAY and rooms:
            self._check_delay(notice, fields["minutes"], f"{path}.minutes")
        return notice if self._errors() == before else None

    def _errors(self) -> int:
        return sum(not p.warning for p in self.problems)

    # -- fields ----------------------------------------------------------------------------------
    def _room_ref(self, node: yaml.Node, path: str) -> str | None:
        value = self.scalar(node, path, "a room (its id or name)")
        if value is None:
            return None
        room = self.programme.find_room(value)
        if room is None:
            ids = [r.id for r in self.programme.rooms]
            hint = difflib.get_close_matches(value, ids, n=1)
            self.problem(
                node,
                path,
                f"unknown room {value!r}; "
                + (f"did you mean {hint[0]!r}? " if hint else "")
                + f"rooms are: {', '.join(ids)}",
            )
            return None
        return room.id

    def _session_ref(self, node: yaml.Node, path: str) -> Session | None:
        value = self.scalar(node, path, "a session id")
        if value is None:
            return None
        try:
            return self.programme.session(value.strip())
        except KeyError:
            ids = [s.id for s in self.programme.sessions]
            hint = difflib.get_close_matches(value, ids, n=1)
            self.problem(
                node,
                path,
                f"unknown session {value!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else " (`kiosk state` lists the sessions)"),
            )
            return None

    def _when(self, node: yaml.Node, path: str) -> dt.datetime | None:
        value = self.scalar(node, path, "a time HH:MM or YYYY-MM-DD HH:MM")
        if value is None:
            return None
        event = self.programme.event
        if ":" in value and "-" not in value and event.first_day != event.last_day:
            self.problem(
                node, path, f"{value!r}: the event has several days; write the date too (YYYY-MM-DD HH:MM)"
            )
            return None
        if _SECONDS.match(value.strip()):  # 14:30:20: the programme reader's HH:MM, to the second
            dated = f"{event.first_day.isoformat()} {value.strip()}"
            node = yaml.ScalarNode(node.tag, dated, node.start_mark, node.end_mark, node.style)
        return self._instant(node, path, event.first_day)

    def _minutes(self, node: yaml.Node, path: str) -> int | None:
        value = self.scalar(node, path, "a number of minutes")
        if value is None:
            return None
        try:
            minutes = int(value.strip())
        except ValueError:
            self.problem(node, path, f"{value!r} is not a whole number of minutes")
            return None
        if not 1 <= minutes <= MAX_DELAY_MINUTES:
            self.problem(node, path, f"{minutes}: a delay is between 1 and {MAX_DELAY_MINUTES} minutes")
            return None
        return minutes

    def _notice_text(self, node: yaml.Node, path: str) -> Text:
        text = self.text(node, path)
        for lang, words in text.by_lang.items():
            if len(words) > MAX_TEXT:
                self.problem(
                    node,
                    f"{path}.{lang}" if isinstance(node, yaml.MappingNode) else path,
                    f"{len(words)} characters; a notice is read in passing: at most {MAX_TEXT}",
                )
        return text

    def _check_delay(self, notice: Notice, node: yaml.Node, path: str) -> None:
        """A delay must keep every session it moves on its own day (a screen's day ends at midnight)."""
        from .apply import delayed

        for printed, shifted in delayed(self.programme, notice):
            midnight = end_of_day(printed.start.astimezone(self.zone).date(), self.programme)
            if shifted.end > midnight:
                self.problem(
                    node,
                    path,
                    f"a {notice.minutes}-minute delay pushes {printed.id!r} "
                    f"({clock(printed.start, self.zone)}–{clock(printed.end, self.zone)}) past midnight",
                )
                return
