"""systemd's notify protocol (READY=1, WATCHDOG=1), standard library only. Qt-free.

Outside systemd ($NOTIFY_SOCKET unset) every call does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


def notify(message: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Send ``message`` to the service manager; True when it was sent."""
    address = environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    # Imported here, when there is a service manager to tell: the first READY=1 comes after the first
    # frame, so the import (~3 ms) no longer delays it (bench/, docs/performance.md).
    import socket

    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
        return True
    except OSError:
        return False


def watchdog_interval(environ: Mapping[str, str] = os.environ) -> float | None:
    """Seconds between WATCHDOG=1 pings: half of WATCHDOG_USEC, when the watchdog is meant for us."""
    usec = environ.get("WATCHDOG_USEC")
    pid = environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        return int(usec) / 2_000_000
    except ValueError:
        return None
