"""A screen's bus link alone in a process, so a test can kill it: `python -m tests.fleet.device_process
HOST PORT DEVICE`. Prints "connected" once its status is out, then waits to be killed."""

import sys
import threading

from kiosk.fleet.client import DeviceLink
from kiosk.fleet.settings import FleetSettings


def main() -> None:
    host, port, device = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    up = threading.Event()
    link = DeviceLink(
        FleetSettings(host=host, port=port, tls=False, device=device),
        on_notices=lambda data: None,
        on_command=lambda word: None,
        on_connection=lambda connected, why: up.set() if connected else None,
    )
    link.publish_status(
        {"device": device, "view": "door", "room": "ix", "published": "2026-12-06T12:00:00+00:00"}
    )
    link.start()
    up.wait(10)
    print("connected", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
