"""A Programme written as a kiosk programme YAML file (docs/programme-format.md), for `kiosk import`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import yaml

from ..programme import FORMAT_VERSION, Person, Programme, Session, Text


class _Quoted(str):
    """A value written in double quotes: times, as the format asks (an unquoted 10:00 reads as 600)."""


class _Flow(list):
    """A short list written on one line: ``languages: [en, de]``."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper writing times quoted and texts of several lines as literal blocks."""


# libyaml's emitter, where PyYAML has it, with the same representers: 4.5 times faster on a congress
# (36c3's 1 350 sessions: 0.7 s of CPU against 3.2 s for PyYAML's pure-Python emitter).
_FastDumper = type("_FastDumper", (yaml.CSafeDumper,), {}) if hasattr(yaml, "CSafeDumper") else None


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


for _dumper in (_Dumper, _FastDumper):
    if _dumper is not None:
        _dumper.add_representer(str, _represent_str)
        _dumper.add_representer(_Quoted, _represent_quoted)
        _dumper.add_representer(_Flow, _represent_flow)


def programme_yaml(programme: Programme, origin: str = "") -> str:
    """The programme as YAML text that `kiosk validate` accepts and reads back to the same sessions."""
    event = programme.event
    zone = event.zone
    head = {
        "id": event.id,
        "title": _text(event.title),
    }
    if event.short_title:
        head["short_title"] = _text(event.short_title)
    head |= {
        "languages": _Flow(event.languages),
        "timezone": event.timezone,
        "dates": {"first": event.first_day.isoformat(), "last": event.last_day.isoformat()},
    }
    venue = {}
    if event.venue.name:
        venue["name"] = _text(event.venue.name)
    if event.venue.address:
        venue["address"] = _text(event.venue.address)
    if venue:
        head["venue"] = venue
    document = {
        "format": FORMAT_VERSION,
        "event": head,
        "rooms": [{"id": r.id, "name": _text(r.name)} for r in programme.rooms],
        "sessions": [_session(s, programme, zone) for s in programme.sessions if s.parent is None],
    }
    body = _dump(document)
    note = f"# Imported by `kiosk import` from {origin}.\n" if origin else ""
    return note + "# Times are wall-clock times in event.timezone. Check with `kiosk validate`.\n" + body


def _dump(document: dict, libyaml: bool = True) -> str:
    """The document as YAML text, by libyaml where it is installed (and ``libyaml``), else by PyYAML.

    libyaml writes a character past U+FFFF (an emoji, 🎉) as an escape, "\\U0001F389", and puts the
    whole text in double quotes for it, a description's lines run into one: PyYAML writes it as it is.
    So libyaml is handed the text with each such character replaced by one of the Basic Multilingual
    Plane's private-use characters (U+E000–U+F8FF, which it writes as they are) that the document
    does not use, and the characters are put back in what it wrote.
    """
    options = {"allow_unicode": True, "sort_keys": False, "default_flow_style": False, "width": 100}
    if libyaml and _FastDumper is not None:
        used = set().union(*map(set, _strings(document)))
        beyond = sorted(c for c in used if ord(c) > 0xFFFF)
        free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in used)
        stand_ins = dict(zip(beyond, free, strict=False))
        if len(stand_ins) == len(beyond):  # else more such characters than free stand-ins: PyYAML's
            text = yaml.dump(_swap(document, str.maketrans(stand_ins)), Dumper=_FastDumper, **options)
            return text.translate(str.maketrans({v: k for k, v in stand_ins.items()}))
    return yaml.dump(document, Dumper=_Dumper, **options)


def _strings(value) -> Iterator[str]:
    """Every text in the document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _swap(value, table: dict[int, str]):
    """The document with ``table`` applied to every text, each value of the same type (_Quoted, _Flow)."""
    if isinstance(value, str):
        return type(value)(value.translate(table))
    if isinstance(value, dict):
        return {_swap(key, table): _swap(item, table) for key, item in value.items()}
    if isinstance(value, list):
        return type(value)(_swap(item, table) for item in value)
    return value


def _session(session: Session, programme: Programme, zone) -> dict:
    out: dict = {
        "id": session.id,
        "start": _time(session.start, zone),
        "end": _time(session.end, zone),
    }
    if session.room:
        out["room"] = session.room
    out |= {"kind": session.kind, "title": _text(session.title)}
    if session.description:
        out["description"] = _text(session.description)
    if session.people:
        out["people"] = [_person(p) for p in session.people]
    if session.interpretation:
        out["interpretation"] = _Flow(session.interpretation)
    if session.language:
        out["language"] = session.language
    if session.url:
        out["url"] = session.url
    if session.cancelled and (session.parent is None or not programme.session(session.parent).cancelled):
        out["cancelled"] = True
    if session.parts:
        out["parts"] = [_session(programme.session(p), programme, zone) for p in session.parts]
    return out


def _person(person: Person) -> dict:
    out = {"name": person.name, "role": person.role}
    if person.affiliation:
        out["affiliation"] = _text(person.affiliation)
    return out


def _text(text: Text) -> dict[str, str]:
    return dict(text.by_lang)


def _time(instant: dt.datetime, zone) -> _Quoted:
    wall = instant.astimezone(zone)
    naive = wall.replace(tzinfo=None, fold=0)
    # The second 02:30 of the night the clocks go back cannot be written as a wall-clock time: the
    # offset says which one is meant.
    if naive.replace(tzinfo=zone).astimezone(dt.UTC) != instant.astimezone(dt.UTC):
        return _Quoted(wall.isoformat(timespec="minutes"))
    return _Quoted(f"{naive:%Y-%m-%d %H:%M}")
