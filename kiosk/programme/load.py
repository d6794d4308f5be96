"""Load a programme file: read it with the shared YAML reader, then check it (kiosk/programme/check.py).

Every problem comes back as a ProgrammeError with file:line:column, never as a traceback.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .. import yaml_reader
from ..yaml_reader import MAX_BYTES, Unreadable, YamlProblem
from .check import ProgrammeChecker
from .errors import Problem, ProgrammeError
from .model import Programme

__all__ = ["MAX_BYTES", "check_programme", "load_programme", "parse_programme", "read_file"]

WHAT = "a programme"  # how messages name the file


def load_programme(path: str | Path) -> Programme:
    """Read and validate ``path``; raise ProgrammeError listing every problem (warnings ride along)."""
    return parse_programme(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """The bytes of a programme file; ProgrammeError when it cannot be read or passes MAX_BYTES."""
    try:
        return yaml_reader.read_bytes(path)
    except Unreadable as err:
        raise ProgrammeError([Problem(str(path), 0, 0, "", err.message)]) from None


def parse_programme(data: bytes | str, name: str = "<programme>") -> Programme:
    """Validate a programme given as bytes or text; ``name`` is used in the messages."""
    programme, problems = _check(data, name)
    if programme is None or any(not p.warning for p in problems):
        raise ProgrammeError(problems)
    # Warnings are part of the programme's story (kiosk validate prints them, the log records them).
    return dataclasses.replace(programme, warnings=tuple(problems))


def check_programme(data: bytes | str, name: str = "<programme>") -> tuple[Programme | None, list[Problem]]:
    """Every problem and warning in a programme, and the programme itself when it has no error."""
    programme, problems = _check(data, name)
    if any(not p.warning for p in problems):
        programme = None
    return programme, problems


def _check(data: bytes | str, name: str) -> tuple[Programme | None, list[Problem]]:
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return None, [Problem(name, 0, 0, "", yaml_reader.too_large())]
    try:
        root = yaml_reader.read_yaml(data, WHAT)
    except YamlProblem as err:
        return None, [Problem(name, err.line, err.column, "", err.message)]
    if root is None:
        return None, [Problem(name, 0, 0, "", "the file is empty: a programme starts with 'format: 1'")]
    checker = ProgrammeChecker(name)
    return checker.programme(root), checker.problems
