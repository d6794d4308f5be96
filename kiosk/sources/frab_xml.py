"""frab / pentabarf schedule XML: the exports of frab, pretalx and FOSDEM, read with defusedxml.

frab and pretalx give each event a ``<date>`` with its offset. The older FOSDEM dialect has no
``<date>`` and no time zone: an event is placed by its day's date and its ``<start>`` time, moved to
the next calendar date when it starts before the day's start (a day running past midnight).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..programme import Problem, Programme
from .draft import Draft, DraftPerson, DraftSession, Place, finish
from .fields import cancelled_state, cancelled_title, clock, duration, instant, language, one_line, plain
from .kinds import kind
from .zones import local


def read_frab_xml(
    data: bytes, name: str, timezone: str | None = None
) -> tuple[Programme | None, list[Problem]]:
    """The programme in a schedule XML file; sessions that cannot be used are reported and skipped."""
    draft = Draft(name)
    tree = _Tree.parse(data, draft)
    if tree is None:
        return None, draft.problems
    root = tree.root
    if root.tag != "schedule":
        draft.error(tree.place(root, root.tag), f"expected a <schedule> element, found <{root.tag}>")
        return None, draft.problems
    conference = root.find("conference")
    if conference is None:
        conference = ET.Element("conference")
    draft.title = _text(conference, "title")
    draft.acronym = _text(conference, "acronym")
    draft.venue = _text(conference, "venue")
    draft.address = _text(conference, "city")
    day_change = clock(_text(conference, "day_change"))

    found = list(_events(tree, draft, day_change))
    stamped = [e.stamped for e in found if e.stamped is not None and e.stamped.tzinfo is not None]
    zone_place = tree.place(conference, "schedule/conference") if len(conference) else Place()
    draft.settle_zone(timezone, _text(conference, "time_zone_name"), stamped, zone_place)
    for event in found:
        session = event.session(draft)
        if session is not None:
            draft.sessions.append(session)
    return finish(draft)


class _Tree:
    """The parsed document and the line and column where each element starts."""

    def __init__(self, root: ET.Element, where: dict[ET.Element, tuple[int, int]]):
        self.root = root
        self.where = where

    def place(self, element: ET.Element, path: str) -> Place:
        line, column = self.where.get(element, (0, 0))
        return Place(line, column, path)

    @classmethod
    def parse(cls, data: bytes, draft: Draft) -> _Tree | None:
        target = _LocatingBuilder()
        parser = DefusedXMLParser(target=target)
        target.expat = parser.parser
        try:
            parser.feed(data)
            root = parser.close()
        except ET.ParseError as err:
            line, column = err.position
            draft.error(Place(line, column + 1), f"not well-formed XML: {_expat_message(err)}")
            return None
        except LookupError as err:
            draft.error(Place(1, 1), f"the XML declares an encoding Python does not know: {err}")
            return None
        except DefusedXmlException as err:
            # Entities and external references are how XML files blow up memory or read local files.
            draft.error(
                Place(), f"the XML declares entities or external references, refused for safety: {err}"
            )
            return None
        return cls(root, target.where)


class _LocatingBuilder:
    """A TreeBuilder that remembers where each element starts (ElementTree itself forgets)."""

    def __init__(self) -> None:
        self.builder = ET.TreeBuilder()
        self.where: dict[ET.Element, tuple[int, int]] = {}
        self.expat = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = self.builder.start(tag, attrs)
        if self.expat is not None:
            self.where[element] = (self.expat.CurrentLineNumber, self.expat.CurrentColumnNumber + 1)
        return element

    def end(self, tag: str) -> ET.Element:
        return self.builder.end(tag)

    def data(self, text: str) -> None:
        self.builder.data(text)

    def close(self) -> ET.Element:
        return self.builder.close()


@dataclass
class _Found:
    """One <event> as found, before the time zone is known."""

    element: ET.Element
    place: Place
    label: str
    room: str
    day: dt.date | None
    day_start: dt.datetime | None
    day_end: dt.datetime | None
    day_change: dt.time | None

    @property
    def stamped(self) -> dt.datetime | None:
        return instant(_text(self.element, "date"))

    def session(self, draft: Draft) -> DraftSession | None:
        e = self.element
        start = self._start(draft)
        length = duration(_text(e, "duration"))
        if start is None:
            return None
        if length is None:
            draft.warn(self.place, f"{self.label}: no usable <duration> ({_text(e, 'duration')!r}); skipped")
            return None
        subtitle = one_line(_text(e, "subtitle"))
        summary = plain(_text(e, "abstract")) or plain(_text(e, "description"))
        people = tuple(
            DraftPerson(one_line(p.text)) for p in e.iterfind("persons/person") if one_line(p.text)
        )
        url = _text(e, "url").strip()
        title, marked = cancelled_title(_text(e, "title"))
        cancelled = marked or cancelled_state(_text(e, "state") or _text(e, "status"))
        return DraftSession(
            place=self.place,
            label=self.label,
            ids=(e.get("guid", ""), e.get("id", ""), e.get("code", "")),
            title=title,
            start=start,
            end=start + length,
            room=self.room,
            kind=kind(_text(e, "type"), "talk"),
            description="\n\n".join(p for p in (subtitle, summary) if p),
            people=people,
            language=language(_text(e, "language")),
            url=url if url.startswith(("http://", "https://")) else None,
            cancelled=cancelled,
        )

    def _start(self, draft: Draft) -> dt.datetime | None:
        written = _text(self.element, "date").strip()
        if written:
            stamped = instant(written)
            if stamped is None:
                draft.warn(self.place, f"{self.label}: <date> {written!r} is not a date and time; skipped")
                return None
            return stamped if stamped.tzinfo is not None else local(stamped, draft.timezone)
        at = clock(_text(self.element, "start"))
        if at is None or self.day is None:
            what = "<start>" if at is None else "the date of its <day>"
            draft.warn(self.place, f"{self.label}: no <date> and no usable {what}; skipped")
            return None
        day = self.day
        if self._after_midnight(at):
            day += dt.timedelta(days=1)
        return local(dt.datetime.combine(day, at), draft.timezone)

    def _after_midnight(self, at: dt.time) -> bool:
        """Whether a time-only start belongs to the small hours after the day's date."""
        if self.day_start is not None:
            begins = self.day_start.time()
            if at >= begins:
                return False
            ends_next_day = self.day_end is not None and self.day_end.date() > self.day_start.date()
            return self.day_end is None or (ends_next_day and at < self.day_end.time())
        return self.day_change is not None and at < self.day_change


def _events(tree: _Tree, draft: Draft, day_change: dt.time | None):
    for d, day in enumerate(tree.root.iterfind("day"), 1):
        day_path = f"schedule/day[{d}]"
        day_date = _day_date(day)
        if day_date is not None:
            draft.days.add(day_date)
        for r, room in enumerate(day.iterfind("room"), 1):
            room_name = one_line(room.get("name", ""))
            room_path = f"{day_path}/room[@name={room_name!r}]" if room_name else f"{day_path}/room[{r}]"
            if room_name:
                draft.room(room_name, room.get("guid"))
            for k, event in enumerate(room.iterfind("event"), 1):
                found = _found(tree, draft, event, f"{room_path}/event[{k}]", room_name, day, day_change)
                if found is not None:
                    yield found
        # The older pentabarf layout (FOSDEM until 2012): <event> right under <day>, naming its <room>.
        for k, event in enumerate(day.iterfind("event"), 1):
            found = _found(tree, draft, event, f"{day_path}/event[{k}]", "", day, day_change)
            if found is not None:
                yield found


def _found(
    tree: _Tree, draft: Draft, event: ET.Element, path: str, room: str, day: ET.Element, day_change
) -> _Found | None:
    place = tree.place(event, path)
    ident = event.get("guid") or event.get("id") or "?"
    label = f"event {ident} {one_line(_text(event, 'title'))!r}"
    name = room or one_line(_text(event, "room"))
    if not name:
        draft.warn(place, f"{label} has no room; skipped")
        return None
    draft.room(name)
    start, end = instant(day.get("start", "")), instant(day.get("end", ""))
    return _Found(event, place, label, name, _day_date(day), start, end, day_change)


def _day_date(day: ET.Element) -> dt.date | None:
    try:
        return dt.date.fromisoformat(day.get("date", "").strip())
    except ValueError:
        start = instant(day.get("start", ""))
        return start.date() if start else None


def _text(element: ET.Element, tag: str) -> str:
    return element.findtext(tag) or ""


def _expat_message(err: ET.ParseError) -> str:
    # "mismatched tag: line 3, column 2" — the place is already in front of the message.
    return str(err).split(": line ")[0]
