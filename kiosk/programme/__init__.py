"""The programme: model, loading and validation (Qt-free)."""

from .errors import Problem, ProgrammeError
from .load import check_programme, load_programme, parse_programme
from .model import FORMAT_VERSION, KINDS, Event, Person, Programme, Room, Session, Text, Venue

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "Event",
    "Person",
    "Problem",
    "Programme",
    "ProgrammeError",
    "Room",
    "Session",
    "Text",
    "Venue",
    "check_programme",
    "load_programme",
    "parse_programme",
]
