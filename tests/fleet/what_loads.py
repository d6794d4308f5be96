"""A screen's bus link alone in a fresh process, telling which heavy modules it has loaded:
`python -m tests.fleet.what_loads HOST PORT DEVICE [CA PASSWORD_FILE]` (TLS and a password with the
last two). Prints "connected" at each connection; answers "modules" on its input with a JSON list of
the HEAVY ones loaded, "screenshot" by publishing a large payload; ends on "stop"."""

import json
import sys
from pathlib import Path

from kiosk.fleet.client import DeviceLink
from kiosk.fleet.settings import FleetSettings

HEAVY = ("ssl", "_ssl", "hashlib", "_hashlib", "urllib.request", "http.client", "email", "uuid")


def main() -> None:
    host, port, device, *tls = sys.argv[1:]
    settings = FleetSettings(
        host=host,
        port=int(port),
        tls=bool(tls),
        device=device,
        ca=Path(tls[0]) if tls else None,
        user=device if tls else None,
        password_file=Path(tls[1]) if tls else None,
    )
    link = DeviceLink(
        settings,
        on_notices=lambda data: None,
        on_command=lambda word: None,
        on_connection=lambda up, why: print("connected" if up else "lost", flush=True),
    )
    link.publish_status({"device": device, "view": "door", "room": "ix"})
    link.start()
    for line in sys.stdin:
        word = line.strip()
        if word == "modules":
            print(json.dumps([m for m in HEAVY if m in sys.modules]), flush=True)
        elif word == "screenshot":  # as large as a real frame, more than a socket's buffer takes at once
            link.publish_screenshot(b"\x89PNG\r\n\x1a\n" + bytes(4_000_000))
            print("sent", flush=True)
        elif word == "stop":
            break
    link.stop()


if __name__ == "__main__":
    main()
