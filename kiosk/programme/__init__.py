"""The programme: model, loading and validation (Qt-free)."""

from .errors import Problem, ProgrammeError
from .load import check_programme, load_programme, parse_programme
from .model import (
    ARROWS,
    FORMAT_VERSION,
    KINDS,
    Event,
    Person,
    Programme,
    Room,
    Session,
    Sign,
    Text,
    Venue,
    Way,
)

__all__ = [
    "ARROWS",
    "FORMAT_VERSION",
    "KINDS",
    "Event",
    "Person",
    "Problem",
    "Programme",
    "ProgrammeError",
    "Room",
    "Session",
    "Sign",
    "Text",
    "Venue",
    "Way",
    "check_programme",
    "load_programme",
    "parse_programme",
]
