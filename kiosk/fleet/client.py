"""A screen's connection to the fleet bus, on paho-mqtt's own network thread. Qt-free.

The link publishes the screen's status (retained) and its screenshots, marks it online with a
retained mark whose last will says offline, and hands received notices and commands to callbacks,
on paho's thread: the Qt side turns them into signals. A broker that is down, slow or refusing us is
retried with a growing back-off (1 s doubling to RECONNECT_MAX) and changes nothing on screen.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from typing import Any

from .messages import BadMessage, Topics, encode, notices_payload, online_document, parse_command
from .mqtt import paho_client
from .settings import FleetSettings

log = logging.getLogger("kiosk")

RECONNECT_MIN, RECONNECT_MAX = 1, 60
KEEPALIVE = 30  # seconds: the broker publishes the last will within 1.5 times this of a silent device


def make_client(settings: FleetSettings, client_id: str, will: tuple[str, bytes] | None = None) -> Any:
    """A paho client set up for ``settings`` (TLS, credentials, last will), not yet connected."""
    mqtt = paho_client()
    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv311, clean_session=True
    )
    if settings.user:
        client.username_pw_set(settings.user, settings.password())
    if settings.tls:
        client.tls_set(
            ca_certs=str(settings.ca) if settings.ca else None,
            certfile=str(settings.cert) if settings.cert else None,
            keyfile=str(settings.key) if settings.key else None,
        )
    if will:
        client.will_set(will[0], will[1], qos=1, retain=True)
    client.reconnect_delay_set(RECONNECT_MIN, RECONNECT_MAX)
    return client


def close_client(client: Any) -> None:
    """Disconnect, stop paho's thread and close every socket now (paho closes its wake-up socket pair
    only when the client is collected, which may be much later, on any thread)."""
    client.disconnect()
    client.loop_stop()
    reset = getattr(client, "_reset_sockets", None)
    if reset is not None:
        reset()


_SOURCE = re.compile(r"\s*\(_ssl\.c:\d+\)")


def socket_error(level: int, text: str) -> str | None:
    """From paho's log (on_log): what went wrong with the socket, a TLS alert (a certificate the broker
    wants or refuses) or a reset, which paho's reason codes leave out; None for its other messages."""
    if level != paho_client().MQTT_LOG_ERR:
        return None
    return _SOURCE.sub("", text.removeprefix("failed to receive on socket: "))


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class DeviceLink:
    """One screen on the bus: its status out, notices and commands in (callbacks on paho's thread)."""

    def __init__(
        self,
        settings: FleetSettings,
        on_notices: Callable[[bytes], None],
        on_command: Callable[[str], None],
        on_connection: Callable[[bool, str], None] = lambda up, why: None,
    ):
        self.settings = settings
        self.topics = Topics(settings.prefix)
        self.device = settings.device
        self.on_notices, self.on_command, self.on_connection = on_notices, on_command, on_connection
        self.connected = False
        self.stopping = False
        self._status: bytes | None = None
        self._problem: str | None = None  # the last connection problem logged, so retries stay quiet
        self._socket_error: str | None = None
        will = (self.topics.online(self.device), online_document(False))
        # A fresh client id per start: a restarted screen never fights its old session for the id.
        client_id = f"kiosk-{self.device}-{os.urandom(4).hex()}"
        self.client = make_client(settings, client_id, will)
        self.client.on_connect = self._connected
        self.client.on_disconnect = self._disconnected
        self.client.on_message = self._message
        self.client.on_subscribe = self._subscribed
        self.client.on_log = self._log

    def start(self) -> None:
        """Connect in the background: returns at once, whether or not the broker is there."""
        self.client.connect_async(self.settings.host, self.settings.port, keepalive=KEEPALIVE)
        self.client.loop_start()

    def stop(self) -> None:
        """Say offline (a clean exit is no vanishing) and close the connection."""
        if self.connected:
            info = self.client.publish(
                self.topics.online(self.device), online_document(False, now_text()), qos=1, retain=True
            )
            info.wait_for_publish(timeout=1.0)
        self.stopping = True
        close_client(self.client)

    def publish_status(self, document: dict) -> None:
        """The status, retained; sent again at each reconnection, so a restarted broker has it too."""
        self._status = encode(document)
        if self.connected:
            self.client.publish(self.topics.status(self.device), self._status, qos=1, retain=True)

    def publish_screenshot(self, png: bytes) -> None:
        if self.connected:
            self.client.publish(self.topics.screenshot(self.device), png, qos=1)

    # -- paho's thread ---------------------------------------------------------------------------
    def _connected(self, client, userdata, flags, reason, properties) -> None:
        if reason.is_failure:
            self._problem_once(f"the fleet broker {self.settings.url} refused the connection: {reason}")
            return
        self.connected = True
        self._problem = self._socket_error = None
        log.info("on the fleet bus %s as %s", self.settings.url, self.device)
        topics = self.topics
        client.subscribe([(topics.notices, 1), (topics.command(self.device), 1), (topics.all_command, 1)])
        client.publish(topics.online(self.device), online_document(True, now_text()), qos=1, retain=True)
        if self._status is not None:
            client.publish(topics.status(self.device), self._status, qos=1, retain=True)

    def _subscribed(self, client, userdata, mid, reasons, properties) -> None:
        # Told once the broker has the subscriptions: from now on nothing sent to this screen is missed.
        self._tell(True, "connected")

    def _disconnected(self, client, userdata, flags, reason, properties) -> None:
        was = self.connected
        self.connected = False
        if self.stopping:
            return
        # paho says "Unspecified error" for a socket that closed or failed; its log has the details.
        closed = str(reason) == "Unspecified error"
        why = self._socket_error or ("the connection closed" if closed else reason)
        if was:
            self._problem_once(f"lost the fleet broker {self.settings.url} ({why}); reconnecting")
            self._tell(False, str(why))
        else:
            self._problem_once(f"cannot reach the fleet broker {self.settings.url} ({why}); retrying")

    def _log(self, client, userdata, level, text) -> None:
        self._socket_error = socket_error(level, text) or self._socket_error

    def _problem_once(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            log.warning("%s", message)

    def _tell(self, up: bool, why: str) -> None:
        try:
            self.on_connection(up, why)
        except Exception:
            log.exception("fleet: handling a connection change failed")

    def _message(self, client, userdata, message) -> None:
        # Never let a message stop paho's thread: anything wrong is logged and the message ignored.
        topic = message.topic
        try:
            if topic == self.topics.notices:
                self.on_notices(notices_payload(message.payload))
            elif topic in (self.topics.command(self.device), self.topics.all_command):
                self.on_command(parse_command(message.payload))
        except BadMessage as err:
            log.warning("fleet: ignored a message on %s: %s", topic, err)
        except Exception:
            log.exception("fleet: handling a message on %s failed", topic)
