"""The programme file, watched: a good new version replaces the shown one; a bad one never does.

The folder is watched as well as the file: editors save by writing a new file and renaming it over
the old one, which ends a watch on the file itself. A change is read once the file has stood still
for a moment (SETTLE_MS), so a half-written file is not even tried; if it is read half-written
anyway, it fails validation and the last good programme stays.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from .. import folders, last_good
from ..programme import Programme, ProgrammeError
from ..sources import check_any, is_url

if TYPE_CHECKING:
    from ..sources.remote import FetchResult

log = logging.getLogger("kiosk")

# Quiet time after the last change before the file is read: long enough for an editor's save or a
# copy to finish, short enough that the screens follow within a second.
SETTLE_MS = 150


def read_bytes(data: bytes, name: str) -> Programme:
    programme, problems = check_any(data, name)
    if programme is None:
        raise ProgrammeError(problems)
    return programme


class LiveProgramme(QObject):
    """Holds the programme to show, following its file; emits when the programme or its error changes."""

    replaced = Signal()  # a new good programme is in .programme
    problem_changed = Signal()  # .error changed (None when the file is good again)

    def __init__(self, source: str, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(source).absolute()
        self.name = str(self.path)  # how messages name the programme
        self.programme: Programme | None = None
        self.error: str | None = None
        self._last_bytes: bytes | None = None
        # The screen's own test of a new programme (a door needs its room): a refusal keeps the old one.
        self.accept: Callable[[Programme], str | None] = lambda programme: None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.reload)

    def start(self) -> Programme | None:
        """Read the programme (or, if it is broken, the last good copy) and begin watching."""
        self.reload()
        if self.programme is None:
            self._from_last_good()
        self._watch()
        return self.programme

    def _watch(self) -> None:
        folder = str(self.path.parent)
        if folder not in self.watcher.directories():
            self.watcher.addPath(folder)
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))

    def _changed(self, _path: str = "") -> None:
        self._watch()  # a file renamed over ours is a new file: watch it again
        self.settle.start()  # (re)start the quiet period

    def reload(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError as err:
            self._fail(f"{self.name}: cannot read the programme: {err.strerror}")
            return
        if data == self._last_bytes and self.error is None:
            return  # touched, not changed
        try:
            programme = read_bytes(data, self.name)
        except ProgrammeError as err:
            self._fail(
                str(err.first) + (f" (and {len(err.problems) - 1} more)" if len(err.problems) > 1 else "")
            )
            return
        problem = self.accept(programme)
        if problem:
            self._fail(problem)
            return
        self._last_bytes = data
        self.programme = programme
        last_good.keep(self.name, data)
        log.info("programme loaded: %s (%d sessions)", self.name, len(programme.sessions))
        self.replaced.emit()
        self._set_error(None)

    def _fail(self, message: str) -> None:
        log.error("%s; still showing the last good programme", message)
        self._set_error(message)

    def _set_error(self, message: str | None) -> None:
        if message != self.error:
            self.error = message
            self.problem_changed.emit()

    def _from_last_good(self) -> None:
        copy = last_good.find(self.name)
        if copy is None:
            return
        try:
            self.programme = read_bytes(copy.read_bytes(), str(copy))
            log.warning("showing the last good copy of %s, kept at %s", self.name, copy)
        except (OSError, ProgrammeError):
            log.error("the last good copy %s cannot be read either", copy)


class RemoteProgramme(LiveProgramme):
    """A programme from a web address: fetched at an interval on a worker thread, kept in a cache.

    The screen never waits for the network: it shows the cached copy, and a fetch that fails (server
    away, network down) is logged while the cached programme stays on screen.
    """

    fetched = Signal(object)  # a FetchResult, emitted from the worker thread, received on the GUI thread

    def __init__(
        self,
        url: str,
        refresh_seconds: float = 60.0,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ):
        # Imported here, not at the top: http, ssl and email cost a file programme ~20 ms of start-up
        # and ~4.5 MB of resident memory for nothing (bench/, docs/performance.md).
        from ..sources.remote import cache_files

        self.url = url
        self.cache_dir = cache_dir or cache_folder()
        body, _ = cache_files(url, self.cache_dir)
        super().__init__(str(body), parent)
        self.name = url
        self.refresh = QTimer(self)
        self.refresh.setInterval(int(refresh_seconds * 1000))
        self.refresh.timeout.connect(self.fetch_in_background)
        self.fetched.connect(self._fetched)
        self.fetching = False
        self.network_error: str | None = None

    def start(self) -> Programme | None:
        if self.path.exists():
            self.reload()
            self.fetch_in_background()
        else:
            # Nothing cached yet: the first programme is worth waiting for (no screen is up yet).
            self._fetched(self._fetch())
        if self.programme is None:
            self._from_last_good()
        self.refresh.start()
        return self.programme

    def _watch(self) -> None:
        pass  # the cache is written by the fetches themselves

    def fetch_in_background(self) -> None:
        if self.fetching:
            return
        self.fetching = True
        threading.Thread(target=lambda: self.fetched.emit(self._fetch()), daemon=True).start()

    def _fetch(self) -> FetchResult:
        from ..sources.remote import fetch

        return fetch(self.url, self.cache_dir)

    def _fetched(self, result: FetchResult) -> None:
        self.fetching = False
        if result.error != self.network_error:
            self.network_error = result.error
            if result.error:
                log.warning("%s: %s; showing the cached programme", self.url, result.error)
            else:
                log.info("%s: reachable again", self.url)
        if result.path is None:
            if self.programme is None:
                self._fail(f"{self.url}: {result.error}")
        elif result.changed or self.programme is None:
            self.reload()


def cache_folder() -> Path:
    """Where a programme given by URL is downloaded: the user's cache folder (kiosk.folders)."""
    folder = folders.cache_dir()
    if folder is None:
        raise OSError(2, "no cache folder: the user has no home")
    return folder


def live_programme(source: str, refresh_seconds: float = 60.0) -> LiveProgramme:
    """The live programme for a configured source: a file, or a web address."""
    return RemoteProgramme(source, refresh_seconds) if is_url(source) else LiveProgramme(source)
