"""Which characters the installed fonts can draw, from fontconfig's own answer. Qt-free.

`kiosk validate` warns, naming them, about characters of a programme that no installed font covers:
on the screen they would be boxes. Fontconfig is what Qt asks for fallback fonts on Linux, so its
list is the truth for a device; the bundled fonts under assets/ are added to it. Where fontconfig is
not installed, nothing can be said and nothing is warned.
"""

from __future__ import annotations

import bisect
import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .programme import Programme
from .resources import assets_dir

# Characters that are never drawn as glyphs: spaces, line breaks, joiners, direction marks.
_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf"}


def _parse_charset(text: str) -> list[tuple[int, int]]:
    """fontconfig's charset, ``20-7e a0-17f 2000``: hexadecimal code points and ranges."""
    ranges = []
    for part in text.split():
        low, _, high = part.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    return ranges


def _fontconfig(*argv: str) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


@functools.cache
def covered() -> tuple[tuple[int, int], ...] | None:
    """Every code point some installed or bundled font has, as merged ranges; None without fontconfig."""
    if not shutil.which("fc-list"):
        return None
    text = _fontconfig("fc-list", "--format", "%{charset}\n")
    bundled = sorted(str(p) for p in Path(assets_dir(), "fonts").glob("*.[ot]tf"))
    if bundled and shutil.which("fc-query"):
        text += "\n" + _fontconfig("fc-query", "--format", "%{charset}\n", *bundled)
    ranges = sorted(_parse_charset(text))
    merged: list[tuple[int, int]] = []
    for low, high in ranges:
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def missing(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` that no font can draw, each once, in order of first use."""
    ranges = covered()
    if ranges is None:
        return []
    # Each distinct character is looked up once, by bisection of the merged ranges: the 36c3 programme's
    # 3 MB of text against 2 583 ranges took 1.06 s of CPU when every character scanned every range.
    lows = [low for low, _ in ranges]
    seen: dict[str, bool] = {}
    for text in texts:
        for char in dict.fromkeys(text):  # a text's distinct characters, in order, deduplicated in C
            if char in seen:
                continue
            point = ord(char)
            at = bisect.bisect_right(lows, point) - 1
            drawn = at >= 0 and point <= ranges[at][1]
            seen[char] = drawn or unicodedata.category(char) in _INVISIBLE
    return [char for char, drawn in seen.items() if not drawn]


def describe(char: str) -> str:
    """紙 U+7D19 CJK UNIFIED IDEOGRAPH-7D19"""
    return f"{char} U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


def programme_texts(programme: Programme) -> Iterator[str]:
    """Every text of ``programme`` a screen may show, in every language it is given in."""
    event = programme.event
    for text in (event.title, event.short_title, event.venue.name, event.venue.address):
        yield from text.by_lang.values()
    for room in programme.rooms:
        yield from (*room.name.by_lang.values(), *room.floor.by_lang.values())
    for session in programme.sessions:
        yield from (*session.title.by_lang.values(), *session.description.by_lang.values())
        yield from (person.name for person in session.people)
    for sign in programme.signs:
        yield from sign.name.by_lang.values()
        yield from (w for _, way in sign.ways for w in way.words.by_lang.values())
