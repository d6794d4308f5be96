"""How a device or a technician's laptop reaches the fleet bus: broker, credentials, prefix, device id.

Read from the configuration's fleet keys; every bad value is a ValueError whose message says what was
expected, so the configuration reports it on one located line like any other key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_PREFIX = "kiosk"
PORTS = {"mqtt": 1883, "mqtts": 8883}
PASSWORD_MAX = 4096
_DEVICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_PREFIX = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")


@dataclass(frozen=True)
class FleetSettings:
    """Where the broker is and who we are on it."""

    host: str
    port: int
    tls: bool
    device: str
    prefix: str = DEFAULT_PREFIX
    ca: Path | None = None
    user: str | None = None
    password_file: Path | None = None
    cert: Path | None = None
    key: Path | None = None

    @property
    def url(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"

    def password(self) -> str | None:
        """The password, read from its file now (so a rotated password is picked up on reconnection)."""
        if self.password_file is None:
            return None
        with open(self.password_file, "rb") as f:
            data = f.read(PASSWORD_MAX + 1)
        if len(data) > PASSWORD_MAX:
            raise ValueError(f"{self.password_file}: longer than {PASSWORD_MAX} bytes: not a password file")
        return data.decode("utf-8").rstrip("\r\n")


def broker_url(text: str) -> tuple[bool, str, int]:
    """(tls, host, port) of ``mqtt://host[:port]`` or ``mqtts://host[:port]``."""
    url = urlsplit(text.strip())
    scheme = url.scheme.lower()
    if scheme not in PORTS:
        raise ValueError(f"{text!r}: expected mqtt://host[:port] or mqtts://host[:port] (TLS)")
    if url.username or url.password:
        raise ValueError(f"{text!r}: no credentials in the address; use fleet_user and fleet_password_file")
    if url.path not in ("", "/") or url.query or url.fragment:
        raise ValueError(f"{text!r}: expected only a host and a port after {scheme}://")
    try:
        port = url.port or PORTS[scheme]
    except ValueError:
        raise ValueError(f"{text!r}: the port must be a number from 1 to 65535") from None
    if not url.hostname:
        raise ValueError(f"{text!r}: no host name")
    return scheme == "mqtts", url.hostname, port


def device_id(text: str) -> str:
    if not _DEVICE.match(text):
        raise ValueError(
            f"{text!r} is not a device id: 1 to 64 letters, digits, '.', '_' or '-', starting with a "
            "letter or digit (it is part of the bus's topics)"
        )
    return text


def topic_prefix(text: str) -> str:
    if not _PREFIX.match(text) or len(text) > 100:
        raise ValueError(
            f"{text!r} is not a topic prefix: words of letters, digits, '.', '_' or '-' joined by '/' "
            "(no '+', '#', or '/' at either end)"
        )
    return text


def host_device_id() -> str:
    """The default device id: the host name, made fit for a topic."""
    import socket  # here: 4-5 ms of every start otherwise, for a name only the fleet asks

    name = re.sub(r"[^A-Za-z0-9._-]", "-", socket.gethostname().split(".")[0])[:64].strip("-._")
    return name or "kiosk"


def fleet_settings(values: Mapping[str, Any]) -> FleetSettings | None:
    """The settings from configuration values (keys fleet, fleet_ca, …, device); None without `fleet`."""
    url = values.get("fleet")
    if not url:
        return None
    tls, host, port = broker_url(url)

    def path(key: str) -> Path | None:
        value = values.get(key)
        return Path(value) if value else None

    ca, cert, key = path("fleet_ca"), path("fleet_cert"), path("fleet_key")
    if (ca or cert) and not tls:
        raise ValueError(f"fleet_ca and fleet_cert need an mqtts:// broker address, not {url!r}")
    if bool(cert) != bool(key):
        raise ValueError("fleet_cert and fleet_key go together: a client certificate and its key")
    return FleetSettings(
        host=host,
        port=port,
        tls=tls,
        device=device_id(values.get("device") or host_device_id()),
        prefix=topic_prefix(values.get("fleet_prefix") or DEFAULT_PREFIX),
        ca=ca,
        user=values.get("fleet_user") or None,
        password_file=path("fleet_password_file"),
        cert=cert,
        key=key,
    )


FLEET_KEYS = ("fleet", "fleet_ca", "fleet_user", "fleet_password_file", "fleet_cert", "fleet_key")
FLEET_KEYS += ("fleet_prefix", "device")


def settings_from_config(config: Any) -> FleetSettings | None:
    """The fleet settings of a loaded configuration (kiosk.config.Config); None without `fleet:`."""
    values = getattr(config, "values", {})
    return fleet_settings({key: values.get(key) for key in FLEET_KEYS})
