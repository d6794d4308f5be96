"""Kiosk ids for imported rooms and sessions, from the source's own ids and names."""

from __future__ import annotations

import re
import unicodedata

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.:-]+")
MAX_ID_LENGTH = 80

# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLITERATION = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th"})


def identifier(text: object) -> str:
    """``text`` made into a kiosk id (letters, digits, _ . : -, starting with a letter or digit)."""
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        return ""
    cleaned = _ID_CHARS.sub("-", text.strip())
    cleaned = re.sub(r"^[^A-Za-z0-9]+", "", cleaned)[:MAX_ID_LENGTH]
    return cleaned.rstrip("-_.:")


def slug(text: str) -> str:
    """A short lower-case id from a name: "Saal 1" → saal-1, "Großer Saal" → grosser-saal."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATION))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:MAX_ID_LENGTH].strip("-")


def unique(candidates: list[str], taken: set[str], fallback: str) -> str:
    usable = [c for c in candidates if c] or [fallback]
    for candidate in usable:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    base = usable[0]
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    taken.add(f"{base}-{n}")
    return f"{base}-{n}"
