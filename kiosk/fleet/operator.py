"""The technician's side of the bus: a short session that reads the fleet and sends commands. Qt-free.

Reading the retained statuses needs to know when the broker has sent them all; MQTT has no "end of
retained" mark, so the session subscribes, then publishes a marker to a topic of its own: the broker
delivers it after everything the subscription brought, in order.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .client import close_client, make_client, socket_error
from .messages import NOTICES_MAX, BadMessage, Topics, parse_online, parse_status, screenshot_payload
from .settings import FleetSettings

TIMEOUT = 10.0


class FleetError(Exception):
    """The bus could not be used: printed as one line."""


@dataclass
class Device:
    id: str
    status: dict | None = None
    online: bool | None = None  # None: no online mark seen
    since: str | None = None
    problems: list[str] = field(default_factory=list)


class Session:
    """A connected operator's session; use as a context manager."""

    def __init__(self, settings: FleetSettings, timeout: float = TIMEOUT):
        self.settings = settings
        self.topics = Topics(settings.prefix)
        self.timeout = timeout
        self.id = f"kiosk-operator-{os.urandom(6).hex()}"
        self.client = make_client(settings, self.id)
        self._lock = threading.Condition()
        self._connack = None
        self._closed: str | None = None  # why the broker closed the connection before answering
        self._socket_error: str | None = None
        self._handlers: list[Callable[[str, bytes], None]] = []
        self.client.on_connect = self._connected
        self.client.on_message = self._message
        self.client.on_disconnect = self._disconnected
        self.client.on_log = self._log

    def __enter__(self) -> Session:
        self.client.connect_timeout = self.timeout
        try:
            self.client.connect(self.settings.host, self.settings.port, keepalive=30)
        except (OSError, ValueError) as err:
            close_client(self.client)
            why = getattr(err, "strerror", None) or str(err)
            raise FleetError(f"cannot reach the fleet broker {self.settings.url}: {why}") from None
        self.client.loop_start()
        if not self._wait(lambda: self._connack is not None or self._closed is not None):
            close_client(self.client)
            raise FleetError(f"no answer from the fleet broker {self.settings.url} in {self.timeout:g} s")
        if self._connack is None:
            close_client(self.client)
            hint = (
                " (does it want a client certificate: fleet_cert and fleet_key?)" if self.settings.tls else ""
            )
            raise FleetError(
                f"the fleet broker {self.settings.url} closed the connection: {self._closed}{hint}"
            )
        if self._connack.is_failure:
            close_client(self.client)
            raise FleetError(f"the fleet broker {self.settings.url} refused the connection: {self._connack}")
        return self

    def __exit__(self, *exc) -> None:
        close_client(self.client)

    def _wait(self, condition: Callable[[], bool], timeout: float | None = None) -> bool:
        with self._lock:
            return self._lock.wait_for(condition, timeout or self.timeout)

    def _connected(self, client, userdata, flags, reason, properties) -> None:
        with self._lock:
            self._connack = reason
            self._lock.notify_all()

    def _disconnected(self, client, userdata, flags, reason, properties) -> None:
        with self._lock:
            self._closed = self._socket_error or str(reason)
            self._lock.notify_all()

    def _log(self, client, userdata, level, text) -> None:
        self._socket_error = socket_error(level, text) or self._socket_error

    def _message(self, client, userdata, message) -> None:
        with self._lock:
            for handler in self._handlers:
                handler(message.topic, message.payload)
            self._lock.notify_all()

    def gather(self, topics: Iterable[str], handle: Callable[[str, bytes], None]) -> None:
        """Subscribe to ``topics`` and hand ``handle`` every retained message they hold (then return)."""
        marker = f"{self.settings.prefix}/operators/{self.id}/sync"
        seen = threading.Event()

        def on(topic: str, payload: bytes) -> None:
            if topic == marker:
                seen.set()
            else:
                handle(topic, payload)

        self._handlers.append(on)
        self.client.subscribe([(t, 0) for t in (*topics, marker)])
        self.client.publish(marker, b"", qos=0)
        if not self._wait(seen.is_set):
            raise FleetError(f"the fleet broker {self.settings.url} did not answer in {self.timeout:g} s")

    def devices(self) -> dict[str, Device]:
        """Every device that has a retained status or online mark, by id."""
        found: dict[str, Device] = {}

        def handle(topic: str, payload: bytes) -> None:
            device_id = self.topics.device_of(topic)
            if device_id is None:
                return
            device = found.setdefault(device_id, Device(device_id))
            try:
                if topic.endswith("/status"):
                    device.status = parse_status(payload)
                elif topic.endswith("/online"):
                    device.online, device.since = parse_online(payload)
            except BadMessage as err:
                device.problems.append(str(err))

        self.gather([self.topics.status(), self.topics.online()], handle)
        return found

    def command(self, device: str | None, command: str) -> None:
        """Send ``command`` to one device, or to all (None)."""
        topic = self.topics.command(device) if device else self.topics.all_command
        self.client.publish(topic, command.encode(), qos=1).wait_for_publish(self.timeout)

    def screenshots(self, wanted: set[str], timeout: float | None = None) -> dict[str, bytes]:
        """Ask the ``wanted`` devices for the frame on their screen; what came back in time."""
        got: dict[str, bytes] = {}
        ready = threading.Event()
        prefix_topic = self.topics.screenshot()

        def handle(topic: str, payload: bytes) -> None:
            device_id = self.topics.device_of(topic)
            if device_id and topic == self.topics.screenshot(device_id):
                try:
                    got[device_id] = screenshot_payload(payload)
                except BadMessage:
                    return
                if wanted <= got.keys():
                    ready.set()

        self._handlers.append(handle)
        self.client.subscribe(prefix_topic, 1)
        # One command to all when more than one is wanted: a device answers within the same moment.
        self.command(next(iter(wanted)) if len(wanted) == 1 else None, "screenshot")
        self._wait(ready.is_set, timeout)
        with self._lock:
            return dict(got)

    def publish_notices(self, document: bytes) -> None:
        if len(document) > NOTICES_MAX:
            raise FleetError(f"the notices are {len(document)} bytes, more than the {NOTICES_MAX} allowed")
        info = self.client.publish(self.topics.notices, document, qos=1, retain=True)
        info.wait_for_publish(self.timeout)
        if not info.is_published():
            raise FleetError(f"the fleet broker {self.settings.url} did not take the notices in time")

    def notices(self) -> bytes:
        """The notices document the bus holds now (retained), b"" when there is none."""
        found: list[bytes] = []

        def handle(topic: str, payload: bytes) -> None:
            if topic == self.topics.notices:
                found.append(payload)

        self.gather([self.topics.notices], handle)
        return found[-1] if found else b""


def settings_of(config) -> FleetSettings:
    """The fleet settings of a configuration; FleetError saying what is missing or wrong."""
    from .settings import settings_from_config

    try:
        settings = settings_from_config(config)
    except ValueError as err:
        raise FleetError(str(err)) from None
    if settings is None:
        raise FleetError("no fleet: key in the configuration (e.g. fleet: mqtts://broker.venue:8883)")
    return settings


def fleet_notices(config, timeout: float = TIMEOUT) -> bytes:
    """The notices document every screen of the configuration's fleet follows (b"": none)."""
    with Session(settings_of(config), timeout) as session:
        return session.notices()


def publish_notices(config, document: bytes, timeout: float = TIMEOUT) -> str:
    """Publish ``document`` (the notices file's format; b"" clears them) to every screen of the
    configuration's fleet, retained; returns where it went, for the person who sent it."""
    settings = settings_of(config)
    with Session(settings, timeout) as session:
        session.publish_notices(document)
    return f"{settings.url}, topic {session.topics.notices}"
