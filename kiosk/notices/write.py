"""Notices as a file again: the document `kiosk notice` saves and the fleet bus carries. Qt-free."""

from __future__ import annotations

import datetime as dt

import yaml

from .model import DELAY, FORMAT_VERSION, FULL, MESSAGE, MOVED, Notice, Notices

HEADER = (
    "# kiosk notices: what the printed programme does not know (docs/notices.md).\n"
    "# Written by `kiosk notice`; it may be edited by hand: the screens follow within a second.\n"
)


def notice_fields(notice: Notice) -> dict:
    """A notice as its file writes it: only what it says, times with their UTC offset."""
    out: dict = {"id": notice.id, "kind": notice.kind}
    if notice.kind in (FULL, DELAY):
        out["room"] = notice.rooms[0]
    if notice.kind == MESSAGE and notice.rooms:
        out["rooms"] = list(notice.rooms)
    if notice.session:
        out["session"] = notice.session
    if notice.overflow:
        out["overflow"] = notice.overflow
    if notice.kind == DELAY:
        out["minutes"] = notice.minutes
    if notice.kind == MOVED:
        out["to"] = notice.to
    if notice.kind == MESSAGE and notice.level != "info":
        out["level"] = notice.level
    if notice.start is not None:
        out["from"] = _instant(notice.start)
    out["until"] = _instant(notice.end)
    if notice.text:
        out["text"] = dict(notice.text.by_lang)
    return out


def dump_notices(notices: Notices | tuple[Notice, ...]) -> bytes:
    """The notices file for ``notices`` (UTF-8 YAML), read back to the same notices by parse_notices."""
    return dump_fields([notice_fields(n) for n in notices])


def dump_fields(notices: list[dict]) -> bytes:
    """A notices file of notices given as their fields (as notice_fields makes them)."""
    document = {"format": FORMAT_VERSION, "notices": notices}
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return (HEADER + body).encode("utf-8")


def _instant(at: dt.datetime) -> str:
    return at.isoformat(timespec="seconds")
