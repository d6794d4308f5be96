"""Problems found in a programme, each pointing at its place in the file."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import ProblemsError


@dataclass(frozen=True)
class Problem:
    """One mistake or warning: ``programme.yaml:42:12: sessions[7].end: 10:05 is before start 10:10``."""

    file: str
    line: int  # 1-based; 0 when the problem is about the file as a whole
    column: int  # 1-based
    path: str  # the field, e.g. sessions[7].end
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        what = f"{self.path}: {self.message}" if self.path else self.message
        prefix = "warning: " if self.warning else ""
        return _one_line(f"{where}: {prefix}{what}")


class ProgrammeError(ProblemsError):
    """A programme that cannot be used; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if not p.warning]
        self.warnings = [p for p in problems if p.warning]
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


def _one_line(text: str) -> str:
    """Line breaks and other control characters (a key may hold them) as escapes: one problem, one line."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in {"Cc", "Zl", "Zp", "Cs"}
        else char
        for char in text
    )
