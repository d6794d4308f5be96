"""A screen's status document, and the technician's one-line-per-device view of the fleet. Qt-free."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from .operator import Device


def device_status(
    screen: Mapping[str, Any],
    *,
    device: str,
    version: str,
    programme_source: str | None,
    programme_hash: str | None,
    loaded_at: dt.datetime | None,
    clock_synchronised: bool | None,
    size: tuple[int, int],
    rotation: int,
    started: dt.datetime,
    now: dt.datetime,
    last_error: str | None,
) -> dict[str, Any]:
    """The status a screen publishes: the status file's content plus who and what it is."""
    return {
        **screen,
        "device": device,
        "version": version,
        "published": now.isoformat(timespec="seconds"),
        "programme": {
            "source": programme_source,
            "hash": programme_hash,  # SHA-256, hexadecimal
            "loaded_at": loaded_at.isoformat(timespec="seconds") if loaded_at else None,
        },
        "notices": screen.get("notices", []),  # in force, as the status file says them
        "clock_synchronised": clock_synchronised,
        "screen": {"width": size[0], "height": size[1], "rotation": rotation},
        "started": started.isoformat(timespec="seconds"),
        "uptime": int((now - started).total_seconds()),
        "last_error": last_error,
    }


def _get(data: Any, *path: str) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _text(value: Any, limit: int = 60) -> str:
    """Plain, one-line, bounded text from anything a device sent."""
    text = "" if value is None else str(value)
    text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(value: Any, zone: dt.tzinfo | None, today: dt.date) -> str:
    try:
        instant = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return "?"
    if instant.tzinfo is None:
        return "?"
    local = instant.astimezone(zone)
    return local.strftime("%H:%M:%S") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


def majority_hash(devices: Mapping[str, Device]) -> str | None:
    hashes = Counter(h for d in devices.values() if (h := _get(d.status, "programme", "hash")))
    return hashes.most_common(1)[0][0] if hashes else None


def showing(status: dict | None) -> str:
    """What a device shows now, in a few words."""
    if not status:
        return "no status"
    if status.get("truncated"):
        return "status too large (truncated)"
    if status.get("view") == "overview":
        rooms = status.get("rooms")
        return f"overview of {len(rooms)} rooms" if isinstance(rooms, list) else "overview"
    lang = status.get("lang")
    words = _text(status.get("status"), 20) or "?"
    for key in ("current", "next"):
        item = status.get(key)
        item = item[0] if isinstance(item, list) and item else item
        title = _get(item, "title")
        if isinstance(title, dict) and title:
            chosen = title.get(lang) if lang in title else next(iter(title.values()))
            return f"{words}: {'now' if key == 'current' else 'next'} «{_text(chosen, 40)}»"
    return words


def device_parts(device: Device, majority: str | None, zone: dt.tzinfo | None, today: dt.date) -> list[str]:
    """Id, presence, room, what it shows, programme, clock, then errors: the pieces of a line."""
    status = device.status or {}
    if device.online:
        presence = f"online since {_when(device.since, zone, today)}"
    elif device.online is False:
        if device.since:  # a clean exit says when
            presence = f"OFFLINE since {_when(device.since, zone, today)}"
        elif status.get("published"):  # a last will carries no time: when it was last heard of
            presence = f"OFFLINE, last heard {_when(status['published'], zone, today)}"
        else:
            presence = "OFFLINE"
    else:
        presence = "no online mark"
    digest = _get(status, "programme", "hash")
    programme = f"programme {digest[:8]}" if isinstance(digest, str) else "no programme"
    if isinstance(digest, str) and majority and digest != majority:
        programme += " (DIFFERS from most screens)"
    clock = {True: "clock synchronised", False: "CLOCK NOT SYNCHRONISED"}.get(
        status.get("clock_synchronised"), "clock unknown"
    )
    parts = [
        _text(device.id, 64),
        presence,
        _text(status.get("room") or status.get("view"), 30) or "?",
        showing(device.status),
        programme,
        clock,
    ]
    notices = status.get("notices")
    if isinstance(notices, list) and notices:
        kinds = [_text(_get(n, "kind") or _get(n, "id"), 20) for n in notices[:5]]
        parts.append("notices: " + ", ".join(kinds) + (" …" if len(notices) > 5 else ""))
    error = status.get("last_error") or status.get("programme_error")
    if error:
        parts.append(f"error: {_text(error, 120)}")
    parts.extend(f"bad message: {_text(p, 80)}" for p in device.problems)
    return parts


def device_line(device: Device, majority: str | None, zone: dt.tzinfo | None, today: dt.date) -> str:
    return "  ".join(device_parts(device, majority, zone, today))


def status_lines(devices: Mapping[str, Device], zone: dt.tzinfo | None = None) -> list[str]:
    """One line per device, sorted by id; programme hashes differing from the majority are marked."""
    majority = majority_hash(devices)
    today = dt.datetime.now(zone).date()
    return [device_line(devices[d], majority, zone, today) for d in sorted(devices)]


def status_json(devices: Mapping[str, Device]) -> list[dict[str, Any]]:
    majority = majority_hash(devices)
    out = []
    for device_id in sorted(devices):
        d = devices[device_id]
        digest = _get(d.status, "programme", "hash")
        out.append(
            {
                "device": device_id,
                "online": d.online,
                "since": d.since,
                "programme_matches_majority": None if digest is None else digest == majority,
                "status": d.status,
                "problems": d.problems,
            }
        )
    return out
