"""Notices: full rooms, delays, moves, cancellations, messages and emergencies (Qt-free)."""

from .apply import Applied, Change, apply, delayed, next_change
from .load import MAX_NOTICES, MAX_TEXT, NoticesError, check_notices, load_notices, parse_notices
from .model import KINDS, LEVELS, Notice, Notices
from .write import dump_notices

__all__ = [
    "KINDS",
    "LEVELS",
    "MAX_NOTICES",
    "MAX_TEXT",
    "Applied",
    "Change",
    "Notice",
    "Notices",
    "NoticesError",
    "apply",
    "check_notices",
    "delayed",
    "dump_notices",
    "load_notices",
    "next_change",
    "parse_notices",
]
