"""What travels on the fleet bus: topics, payload size limits, commands and status documents.

Every payload is bounded (a broker can be told the same: docs/fleet.md) and read defensively: a
message that is too large, not UTF-8, not JSON, or of the wrong shape is a BadMessage with a reason
to log, never an exception that reaches the screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# Size limits, in bytes, of each kind of payload.
COMMAND_MAX = 64
STATUS_MAX = 64 * 1024
ONLINE_MAX = 256
NOTICES_MAX = 1024 * 1024
SCREENSHOT_MAX = 8 * 1024 * 1024

# The only commands: none changes the configuration or runs anything.
COMMANDS = ("screenshot", "identify", "reload")


class BadMessage(ValueError):
    """A payload that is ignored: too large, unreadable, or not what its topic carries."""


@dataclass(frozen=True)
class Topics:
    """The topics of one prefix; a device's own ones are functions of its id."""

    prefix: str

    @property
    def notices(self) -> str:
        return f"{self.prefix}/notices"

    @property
    def all_command(self) -> str:
        return f"{self.prefix}/all/command"

    def status(self, device: str = "+") -> str:
        return f"{self.prefix}/devices/{device}/status"

    def online(self, device: str = "+") -> str:
        return f"{self.prefix}/devices/{device}/online"

    def screenshot(self, device: str = "+") -> str:
        return f"{self.prefix}/devices/{device}/screenshot"

    def command(self, device: str = "+") -> str:
        return f"{self.prefix}/devices/{device}/command"

    def device_of(self, topic: str) -> str | None:
        """The device id in PREFIX/devices/ID/…, or None for any other topic."""
        head = f"{self.prefix}/devices/"
        if not topic.startswith(head):
            return None
        parts = topic[len(head) :].split("/")
        return parts[0] if len(parts) == 2 and parts[0] else None


def _bounded(payload: bytes, limit: int, what: str) -> bytes:
    if len(payload) > limit:
        raise BadMessage(f"{what} of {len(payload)} bytes, more than the {limit} allowed")
    return payload


def _text(payload: bytes, limit: int, what: str) -> str:
    try:
        return _bounded(payload, limit, what).decode("utf-8")
    except UnicodeDecodeError:
        raise BadMessage(f"{what} is not UTF-8 text") from None


def parse_command(payload: bytes) -> str:
    """The command a payload asks for: one of COMMANDS, as plain text."""
    word = _text(payload, COMMAND_MAX, "a command").strip()
    if word not in COMMANDS:
        shown = word if word.isprintable() and len(word) <= 32 else f"{word[:32]!r}…"
        raise BadMessage(f"unknown command {shown!r}; the commands are {', '.join(COMMANDS)}")
    return word


def notices_payload(payload: bytes) -> bytes:
    """The notices document's bytes, once they are within the size limit."""
    return _bounded(payload, NOTICES_MAX, "a notices document")


def screenshot_payload(payload: bytes) -> bytes:
    _bounded(payload, SCREENSHOT_MAX, "a screenshot")
    if not payload.startswith(b"\x89PNG\r\n\x1a\n"):
        raise BadMessage("a screenshot that is not a PNG")
    return payload


def _json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode(document: dict, limit: int = STATUS_MAX) -> bytes:
    data = _json(document)
    if len(data) > limit:
        # Never more than the limit on the bus: the big parts go, the device still reports itself.
        keep = ("device", "published", "version", "view", "room", "programme", "last_error")
        data = _json({**{k: document[k] for k in keep if k in document}, "truncated": True})
    return data


def _json_object(payload: bytes, limit: int, what: str) -> dict[str, Any]:
    try:
        value = json.loads(_text(payload, limit, what))
    except (json.JSONDecodeError, RecursionError):
        raise BadMessage(f"{what} that is not JSON") from None
    if not isinstance(value, dict):
        raise BadMessage(f"{what} that is not a JSON object")
    return value


def parse_status(payload: bytes) -> dict[str, Any]:
    """A device's status document, as it published it (only its shape is checked)."""
    return _json_object(payload, STATUS_MAX, "a status")


def online_document(online: bool, since: str | None = None) -> bytes:
    return json.dumps({"online": online, "since": since}).encode()


def parse_online(payload: bytes) -> tuple[bool, str | None]:
    """(online, since) from a device's online document (its last will says offline, with no time)."""
    value = _json_object(payload, ONLINE_MAX, "an online mark")
    online, since = value.get("online"), value.get("since")
    if not isinstance(online, bool) or not (since is None or isinstance(since, str)):
        raise BadMessage("an online mark that is not {online: true|false, since: time|null}")
    return online, since
