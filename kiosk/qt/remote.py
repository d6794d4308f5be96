"""A programme from a web address: fetched on the worker thread at an interval, kept in a cache.

The screen never waits for the network: it shows the cached copy (or its last good copy), and a
fetch that fails is logged while that programme stays on screen. On a first start with nothing
cached, ``start`` returns None at once and fetches in the background, trying again with a growing
wait (RETRY_SECONDS) until the programme arrives; ``replaced`` then says it is there.
"""

from __future__ import annotations

import functools
import logging
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from .. import folders
from ..notices import parse_notices
from ..programme import Programme, ProgrammeError
from ..sources import is_url
from .live import STABLE_SECONDS, LiveProgramme, LiveSource, Parse, describe, parse_programme_bytes

if TYPE_CHECKING:
    from ..sources.remote import FetchResult

log = logging.getLogger("kiosk")

# Waits between the tries of a first fetch that fails: quickly at first (a network coming up with
# the device), then every minute at most, never hammering the server.
RETRY_SECONDS = (2.0, 4.0, 8.0, 16.0, 32.0, 60.0)


class RemoteSource(LiveSource):
    """A followed file at a web address, through its on-disk cache: ``parse`` as for a LiveSource."""

    fetched = Signal(object)  # a FetchResult, once the GUI thread has taken it in

    def __init__(
        self,
        url: str,
        parse: Parse,
        what: str = "programme",
        refresh_seconds: float = 60.0,
        cache_dir: Path | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        redirect_hosts: tuple[str, ...] = (),
    ):
        # Imported here, not at the top: http, ssl and email cost a file programme ~20 ms of start-up
        # and ~4.5 MB of resident memory for nothing (bench/, docs/performance.md).
        from ..sources.remote import cache_files

        self.url = url
        self.cache_dir = cache_dir or cache_folder()
        body, _ = cache_files(url, self.cache_dir)
        super().__init__(str(body), parse, what, monotonic, parent)
        self.name = url
        self.refresh_ms = int(refresh_seconds * 1000)
        self.refresh = QTimer(self)
        self.refresh.setSingleShot(True)
        self.refresh.timeout.connect(self.fetch_in_background)
        self.fetching = False
        self.failures = 0  # failed tries in a row, while there is nothing to show
        self.redirect_hosts = redirect_hosts  # followed besides the URL's own host (redirect_hosts:)

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url.strip()).hostname or self.url

    def start(self):
        if self.path.exists():
            self.origin = "cache"
            self._finished(self._read_now())
        if self.value is None:
            self._from_last_good()
        self.fetch_in_background()  # the first fetch too: the GUI thread never waits for the network
        return self.value

    def _watch(self) -> None:
        pass  # the cache is written by the fetches themselves

    def loaded(self) -> None:
        where = f"the cache of {self.url}: {self.path}" if self.origin == "cache" else self.url
        log.info("%s loaded from %s", self.what, where)

    def reload(self) -> None:
        """Fetch it now (a technician's "reload")."""
        self.fetch_in_background()

    def fetch_in_background(self) -> None:
        if self.fetching:
            return
        self.fetching = True
        self.refresh.stop()
        from ..sources.remote import fetch

        check = functools.partial(_check, self.parse, self.what)
        fetching = functools.partial(
            fetch, self.url, self.cache_dir, check=check, redirect_hosts=self.redirect_hosts
        )
        self.in_background(fetching, "_fetched")

    def _fetched(self, result: FetchResult) -> None:
        self.fetching = False
        if result.error != self.network_error:
            self.network_error = result.error
            if result.error:
                shown = f"showing the cached {self.what}" if self.value is not None else f"no {self.what} yet"
                log.warning("%s: %s; %s", self.url, result.error, shown)
            else:
                log.info("%s: reachable", self.url)
        if result.path is not None and (result.changed or self.value is None):
            self.origin = "download"
            self.read_in_background()
        elif result.error is None and self.origin == "cache":
            self.origin = "download"  # the server says the cached copy is current
        if result.error and self.value is None:
            self.failures += 1
            self.refresh.start(self.retry_ms())
            if self.error is None or self.error.startswith(self.url):
                self._set_error(f"{self.url}: {result.error}")
        else:
            self.failures = 0
            self.refresh.start(self.refresh_ms)
        self.fetched.emit(result)

    def retry_ms(self) -> int:
        """The wait before the next try of a first fetch that failed ``failures`` times in a row."""
        step = RETRY_SECONDS[min(self.failures, len(RETRY_SECONDS)) - 1] if self.failures else 0.0
        return int(min(step * 1000, max(self.refresh_ms, RETRY_SECONDS[0] * 1000)))


def _check(parse: Parse, what: str, data: bytes, url: str) -> str | None:
    """A download is usable if ``parse`` takes it (on the worker thread, before it is cached)."""
    try:
        parse(data, url)
    except (ProgrammeError, ValueError) as err:
        return f"the downloaded {what} cannot be used: {describe(err)}"
    except Exception as err:  # a parser's bug: the cached copy stays
        return f"the downloaded {what} cannot be read ({type(err).__name__}: {err})"
    return None


class RemoteProgramme(RemoteSource):
    """The programme at a web address."""

    def __init__(
        self,
        url: str,
        refresh_seconds: float = 60.0,
        cache_dir: Path | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        timezone: str | None = None,
        redirect_hosts: tuple[str, ...] = (),
    ):
        # The event's zone as given (--timezone, timezone:) reads every download and the cache.
        parse = functools.partial(parse_programme_bytes, timezone=timezone)
        super().__init__(
            url, parse, "programme", refresh_seconds, cache_dir, monotonic, parent, redirect_hosts
        )

    @property
    def programme(self) -> Programme | None:
        return self.value

    def loaded(self) -> None:
        count = len(self.value.sessions)
        if self.origin == "cache":
            log.info("programme loaded from the cache of %s: %s (%d sessions)", self.url, self.path, count)
        else:
            log.info("programme loaded from %s (%d sessions)", self.url, count)


def cache_folder() -> Path:
    """Where a programme given by URL is downloaded: the user's cache folder (kiosk.folders)."""
    folder = folders.cache_dir()
    if folder is None:
        raise OSError(2, "no cache folder: the user has no home")
    return folder


# The factories live here, beside the remote kinds that build on live.py: the two modules import each
# other one way only.
def live_source(
    source: str,
    parse: Parse,
    what: str,
    refresh_seconds: float = 60.0,
    missing: bytes | None = None,
    stable_seconds: float = STABLE_SECONDS,
    redirect_hosts: tuple[str, ...] = (),
) -> LiveSource:
    """A followed source of any kind (the notices file: ``parse`` is its own): a file, or a web address.
    For a file, ``missing`` is what it reads as when it does not exist (None: an error) and
    ``stable_seconds`` how long a file written in place must stand still before it is read; a web
    address is redirected only to its own host or one of ``redirect_hosts``."""
    if is_url(source):
        return RemoteSource(source, parse, what, refresh_seconds, redirect_hosts=redirect_hosts)
    return LiveSource(source, parse, what, missing=missing, stable_seconds=stable_seconds)


# A notices file is a few kilobytes, saved in one write: half a second of stillness keeps a notice
# written in place on screen within a second. A copy stalled longer is read half-way at worst, which
# is broken (the last good notices stay, marked) or short (the rest follows with the next read).
NOTICES_STABLE_SECONDS = 0.5


def notices_parse(programme: Programme) -> Parse:
    """How a notices file is read: checked against ``programme`` (its rooms, sessions and day)."""
    return functools.partial(parse_notices, programme=programme)


def live_notices(
    source: str, programme: Programme, refresh_seconds: float = 60.0, redirect_hosts: tuple[str, ...] = ()
) -> LiveSource:
    """The notices to show, followed like the programme: a file (none there: no notices), or a web
    address fetched at the programme's interval. ``reparse(notices_parse(new))`` for a new programme."""
    return live_source(
        source,
        notices_parse(programme),
        "notices",
        refresh_seconds,
        missing=b"",
        stable_seconds=NOTICES_STABLE_SECONDS,
        redirect_hosts=redirect_hosts,
    )


def live_programme(
    source: str,
    refresh_seconds: float = 60.0,
    timezone: str | None = None,
    redirect_hosts: tuple[str, ...] = (),
) -> LiveProgramme:
    """The live programme for a configured source: a file, or a web address; ``timezone`` the
    event's zone as given (--timezone, timezone:)."""
    if is_url(source):
        return RemoteProgramme(source, refresh_seconds, timezone=timezone, redirect_hosts=redirect_hosts)
    return LiveProgramme(source, timezone=timezone)
