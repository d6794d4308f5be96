"""Where programmes come from: kiosk's own YAML, or an event tool's export recognised by its content."""

from __future__ import annotations

from pathlib import Path

from ..programme import Problem, Programme, ProgrammeError, check_programme, load_programme
from ..programme.load import MAX_BYTES


def read_any(path: str | Path) -> Programme:
    """The programme in ``path``, whatever its format; ProgrammeError when it cannot be used."""
    return load_programme(path)


def check_any(data: bytes, name: str) -> tuple[Programme | None, list[Problem]]:
    """Every problem in a programme given as bytes, whatever its format."""
    return check_programme(data, name)


__all__ = ["MAX_BYTES", "ProgrammeError", "check_any", "read_any"]
