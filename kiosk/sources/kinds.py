"""The kiosk kind of a session from the words event tools use for its type (lecture, podium, lunch)."""

from __future__ import annotations

import re

from ..programme.model import VENUE_WIDE_KINDS

# Event tools name their session types freely; these words map onto the kiosk's kinds.
_KIND_WORDS = {
    "lecture": "talk",
    "talk": "talk",
    "lightning talk": "talk",
    "lightningtalk": "talk",
    "presentation": "talk",
    "contribution": "talk",
    "keynote": "plenary",
    "plenary": "plenary",
    "opening": "plenary",
    "closing": "plenary",
    "ceremony": "plenary",
    "panel": "panel",
    "podium": "panel",
    "discussion": "panel",
    "debate": "panel",
    "roundtable": "panel",
    "round table": "panel",
    "workshop": "workshop",
    "hands on": "workshop",
    "tutorial": "workshop",
    "training": "workshop",
    "meeting": "meeting",
    "bof": "meeting",
    "meetup": "meeting",
    "activity": "activity",
    "performance": "activity",
    "concert": "activity",
    "game": "activity",
    "show": "activity",
    "video": "video",
    "film": "video",
    "movie": "video",
    "screening": "video",
    "info": "info",
    "information": "info",
    "announcement": "info",
    "break": "break",
    "coffee": "break",
    "coffee break": "break",
    "pause": "break",
    "meal": "meal",
    "lunch": "meal",
    "dinner": "meal",
    "breakfast": "meal",
    "social": "social",
    "party": "social",
    "reception": "social",
    "cocktail": "social",
    "networking": "social",
    "other": "other",
}


def kind(source_type: object, default: str) -> str:
    """The kiosk kind for a source's session type (lecture → talk, podium → panel, lunch → meal)."""
    words = re.sub(r"[\s_-]+", " ", source_type.casefold()).strip() if isinstance(source_type, str) else ""
    if not words:
        return default
    if words in _KIND_WORDS:
        return _KIND_WORDS[words]
    found = [_KIND_WORDS[word] for word in words.split() if word in _KIND_WORDS]
    # "Lunch talk" is a talk: a venue-wide kind (shown to every room) only when nothing else fits.
    return next((k for k in found if k not in VENUE_WIDE_KINDS), found[0] if found else default)
