"""Errors a command or a screen reports as one line (the programme's own are kiosk.programme's)."""

from __future__ import annotations


class UsageError(Exception):
    """A mistake in what was asked (a flag, a room that does not exist): one line, exit status 2."""


class ScreenError(Exception):
    """A screen that could not be built or saved: one line, exit status 1."""
