"""Errors a command or a screen reports (the programme's own are kiosk.programme's, ProblemsError's)."""

from __future__ import annotations


class ProblemsError(Exception):
    """Problems each located in a file (file:line:column: field: message), printed one a line: exit
    status 1. A programme's are ProgrammeError; the command catches them here without importing it."""

    problems: list


class UsageError(Exception):
    """A mistake in what was asked (a flag, a room that does not exist): one line, exit status 2."""


class ScreenError(Exception):
    """A screen that could not be built or saved: one line, exit status 1."""
