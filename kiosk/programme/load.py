"""Load a programme file: read it with the shared YAML reader, then check it (kiosk/programme/check.py).

Every problem comes back as a ProgrammeError with file:line:column, never as a traceback.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .. import yaml_reader
from ..file_bytes import MAX_BYTES, Unreadable, read_bytes, too_large
from ..yaml_reader import YamlProblem
from .check import ProgrammeChecker
from .errors import Problem, ProgrammeError
from .model import Programme

__all__ = ["MAX_BYTES", "check_programme", "load_programme", "parse_programme", "read_file", "remember"]

WHAT = "a programme"  # how messages name the file
# Smaller files are parsed and checked (under 20 ms with libyaml) faster than a cache entry is written,
# and never import the cache (pickle) into a screen.
CACHE_FROM_BYTES = 128 * 1024


def load_programme(path: str | Path) -> Programme:
    """Read and validate ``path``; raise ProgrammeError listing every problem (warnings ride along)."""
    return parse_programme(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """The bytes of a programme file; ProgrammeError when it cannot be read or passes MAX_BYTES."""
    try:
        return read_bytes(path)
    except Unreadable as err:
        raise ProgrammeError([Problem(str(path), 0, 0, "", err.message)]) from None


def parse_programme(data: bytes | str, name: str = "<programme>") -> Programme:
    """Validate a programme given as bytes or text; ``name`` is used in the messages."""
    programme, problems = _check(data, name)
    if programme is None or any(not p.warning for p in problems):
        raise ProgrammeError(problems)
    return programme


def check_programme(
    data: bytes | str, name: str = "<programme>", keep: bool = True
) -> tuple[Programme | None, list[Problem]]:
    """Every problem and warning in a programme, and the programme itself when it has no error.

    ``keep`` False leaves the cache entry of a newly checked programme to the caller (``remember``):
    a screen shows it first, then keeps it.
    """
    programme, problems = _check(data, name, keep)
    if any(not p.warning for p in problems):
        programme = None
    return programme, problems


def remember(data: bytes, name: str, programme: Programme) -> None:
    """Keep a programme checked with ``keep`` False in the cache, unless it is there already."""
    if len(data) >= CACHE_FROM_BYTES:
        keep(data, name, programme)


def cached(data: bytes, key: str) -> Programme | None:
    """The programme an export's importer made from ``data`` under ``key``, kept whatever its size: an
    importer (its XML parser, icalendar) costs a start more than the cache."""
    from . import cache

    return cache.lookup(data, key)


def keep(data: bytes, key: str, programme: Programme) -> None:
    """Keep what ``data`` made under ``key`` (an importer's, whatever its size), unless the cache holds it."""
    from . import cache

    if not cache.holds(data, key):
        cache.store(data, key, programme)


def _check(data: bytes | str, name: str, keep: bool = True) -> tuple[Programme | None, list[Problem]]:
    """The programme with its warnings (or None) and every problem: from the cache when it has them."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return None, [Problem(name, 0, 0, "", too_large())]
    if not isinstance(data, bytes) or size < CACHE_FROM_BYTES:
        return _check_now(data, name)
    from . import cache

    programme = cache.lookup(data, name)
    if programme is not None:
        return programme, list(programme.warnings)
    programme, problems = _check_now(data, name)
    if keep and programme is not None and not any(not p.warning for p in problems):
        cache.store(data, name, programme)
    return programme, problems


def _check_now(data: bytes | str, name: str) -> tuple[Programme | None, list[Problem]]:
    # One pause of the collector for both steps, and the nodes dropped inside it: on resuming, the
    # collector only walks the programme, not the tree of nodes it was read from (30 ms at 1 500 sessions).
    with yaml_reader.gc_paused():
        return _compose_and_check(data, name)


def _compose_and_check(data: bytes | str, name: str) -> tuple[Programme | None, list[Problem]]:
    try:
        text = yaml_reader.decode(data, WHAT)
        root = yaml_reader.compose(text, WHAT)
    except YamlProblem as err:
        return None, [Problem(name, err.line, err.column, "", err.message)]
    if root is None:
        return None, [Problem(name, 0, 0, "", "the file is empty: a programme starts with 'format: 1'")]
    checker = ProgrammeChecker(name, text)
    try:
        programme = checker.programme(root)
    except Exception as err:  # a fault of kiosk's must not take a screen down: this file is refused
        detail = f"{type(err).__name__}: {err}"
        return None, [
            Problem(name, 0, 0, "", f"kiosk could not check this programme ({detail}); please report it")
        ]
    if programme is not None:
        # Warnings are part of the programme's story (kiosk validate prints them, the log records them).
        programme = dataclasses.replace(programme, warnings=tuple(checker.problems))
    return programme, checker.problems
