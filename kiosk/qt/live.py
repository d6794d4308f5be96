"""Live sources: a file, followed while the kiosk runs, turned into a parsed object off the GUI thread.

A ``LiveSource`` holds the last good value of a file (the programme; the notices file plugs in its own
``parse``): a change is read, parsed and validated on a worker thread, and only the finished value
crosses to the GUI thread, where the screen's own check (``accept``) decides; a bad version never
replaces a good one. The last good value is kept on disk (``last_good``) so that a restart with a
broken file still shows it, marked with its age.

When to read: the folder is watched as well as the file (editors save by renaming a new file over
the old one, which ends a watch on the file itself). A file renamed into place is complete, so it is
read at once (a new inode), and shown once the save's events have settled; a file written in place
may be half-way through a slow copy, so it is read only once it has stood still for
``stable_seconds`` (STABLE_SECONDS for a programme), timed by the injected ``monotonic`` clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import os
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCryptographicHash, QFileSystemWatcher, QObject, QTimer, Signal

from .. import last_good
from ..programme import Programme, ProgrammeError
from ..sources import check_any, remember
from .reading import (
    Ahead,
    Parse,
    Reading,
    Signature,
    SourceError,
    age_words,
    describe,
    keep_copy,
    read_and_parse,
    read_source,
    signature,
)
from .worker import Worker, _Parcel, courier

log = logging.getLogger("kiosk")

# Events of one save (a rename fires several) are taken together after this quiet time: the read
# begun at the first is shown after it, if a read then finds the same bytes.
SETTLE_MS = 50
# A file written in place is read once it has been unchanged this long: a slow copy (1 KiB every
# 400 ms over weak Wi-Fi) is never read half-way. A rename into place is not waited for.
STABLE_SECONDS = 2.0


class LiveSource(QObject):
    """The last good value of a followed file; emits when it or the problems with it change."""

    replaced = Signal()  # a new good value is in .value
    problem_changed = Signal()  # .error or .save_error changed

    def __init__(
        self,
        source: str,
        parse: Parse,
        what: str = "programme",
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        missing: bytes | None = None,
        stable_seconds: float = STABLE_SECONDS,
    ):
        super().__init__(parent)
        self.path = Path(source).absolute()
        self.name = str(self.path)  # how messages name the source
        self.parse = parse
        self.what = what
        self.monotonic = monotonic
        self.missing = missing  # what a file that does not exist reads as; None: it is an error
        self.stable_seconds = stable_seconds
        self.value: Any = None
        self.error: str | None = None  # why the source cannot be shown now (the last good value stays)
        self.network_error: str | None = None  # why the last fetch failed (a web address: RemoteSource)
        self.save_error: str | None = None  # why the last good copy could not be kept
        self.origin = "file"  # where .value came from: "file", "cache", "download" or "last good copy"
        self.copy_saved: dt.datetime | None = None  # when the last good copy shown was saved
        # The screen's own test of a new value (a door needs its room): a refusal keeps the old one.
        self.accept: Callable[[Any], str | None] = lambda value: None
        # What else keeps a new value once it is shown (on the worker thread): the programme's cache.
        self.also_keep: Callable[[bytes, str, Any], None] | None = None
        # The SHA-256 of the bytes of the value shown (hex), worked out only once asked for (the fleet).
        self.digests = False
        self.digest: str | None = None
        self._shown: int | None = None  # their fingerprint (see Reading), until a new parse wants them again
        self._read: Signature | None = None  # the file as it was when last read
        self._absent = False  # the last read found no file there
        self._seen: Signature | None = None  # the file as it was when last looked at
        self._still_since = 0.0  # when it last changed (monotonic)
        self._written = False  # the watcher saw a write since the last read
        self._reading = False
        self._read_again = False
        self._ahead: Ahead | None = None  # a read begun while a save settles, not yet taken
        self.worker = Worker(f"kiosk {what} reader")
        courier()  # made here, on the GUI thread
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.read_in_background)
        self.stable = QTimer(self)  # while a file written in place has not stood still long enough
        self.stable.setSingleShot(True)
        self.stable.timeout.connect(self.check_stable)

    def start(self) -> Any:
        """Read the source now (or, if it is broken, its last good copy) and begin following it."""
        self._finished(self._read_now())  # before any frame: nothing to stall yet
        if self.value is None:
            self._from_last_good()
        self._watch()
        return self.value

    def _watch(self) -> None:
        folder = str(self.path.parent)
        if folder not in self.watcher.directories() and os.path.isdir(folder):
            self.watcher.addPath(folder)
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))

    # -- when to read ------------------------------------------------------------------------------
    def _changed(self, path: str = "") -> None:
        self._watch()  # a file renamed over ours is a new file: watch it again
        if path == str(self.path):
            # Written to: even a rewrite of the same size in the same clock tick restarts the wait.
            self._written, self._seen = True, None
        self._look(signature(self.path))

    def check_stable(self) -> None:
        """Read a file written in place once it has stood still long enough; else wait on."""
        self._look(signature(self.path))

    def _look(self, now: Signature | None) -> None:
        if now is None and self._absent:
            # Still no file (a notices file not written yet, beside a programme saved again and again):
            # nothing to read, and reading it again would take the worker and the GIL from the parse.
            return
        if now is None or self._read is None or now.identity != self._read.identity:
            # Gone, or another file renamed into place (complete by construction): read at once,
            # shown once the save's events have settled.
            self.stable.stop()
            self.settle.start()
            self._read_ahead()
            return
        if now == self._read and not self._written:
            self.stable.stop()  # as it was when read (another file of the folder changed)
            return
        if now != self._seen:
            self._seen, self._still_since = now, self.monotonic()
        still = self.monotonic() - self._still_since
        if still >= self.stable_seconds:
            self.read_in_background()
        else:
            self.stable.start(max(1, math.ceil((self.stable_seconds - still) * 1000)))

    # -- reading, on the worker thread ---------------------------------------------------------------
    def reload(self) -> None:
        """Read the source again now, whatever its state (a technician's "reload")."""
        self.read_in_background()

    def want_digests(self) -> None:
        """From now on, the SHA-256 of the bytes of each value shown (``digest``); the current one's at
        once, if the file still holds those bytes (else the change on its way brings its own)."""
        self.digests = True
        if self.digest is None and self._shown is not None:
            try:
                data, _ = read_source(self.path, self.name)
            except SourceError:
                return
            if hash(data) == self._shown:
                self.digest = sha256(data)

    def reparse(self, parse: Parse) -> None:
        """Read the source again with another ``parse`` (the notices, checked against a new programme):
        the same bytes make a new value. Nothing read yet and nothing to read: the next read uses it."""
        self.parse = parse
        if self.value is None and not self.path.exists():
            return
        self._shown = None
        self.read_in_background()

    def _read_ahead(self) -> None:
        """Read and parse while a save settles, so that the read at its end, finding the same bytes,
        has nothing left to do: a big programme is on screen a settle time sooner. What this read
        finds is never shown as such: a file still being written is read again, whole, at the end."""
        if self._ahead is not None:
            return  # one read ahead at a time: the read at the end reads whatever came after it
        ahead = self._ahead = Ahead(self.parse)
        read = self._read_job()

        def job() -> None:
            ahead.reading = read()

        self.worker.submit(job)

    def _read_job(self, ahead: Ahead | None = None) -> Callable[[], Reading]:
        """The file read and parsed as it is followed now, to run on the worker thread."""
        return functools.partial(
            read_and_parse,
            self.path,
            self.name,
            self.parse,
            self._shown,
            self.missing,
            ahead,
            sha256 if self.digests else None,
        )

    def read_in_background(self) -> None:
        if self._reading:
            self._read_again = True  # once this read is done: the file changed meanwhile
            return
        self._reading, self._written = True, False
        self.stable.stop()
        # The worker runs its jobs in order: a read ahead is done before this one begins.
        ahead, self._ahead = self._ahead, None
        self.in_background(self._read_job(ahead), "_finished")

    def in_background(self, work: Callable[[], Any], then: str) -> None:
        """Run ``work`` on the worker thread, then this object's method ``then`` with its result on
        the GUI thread. The worker never holds this object: a QObject destroyed on the worker thread
        (its last reference dropped there) would take its timers and watchers down from the wrong
        thread."""
        parcel = functools.partial(_Parcel, weakref.ref(self), then)
        mail = courier()
        self.worker.submit(lambda: mail.arrived.emit(parcel(work())))

    def _read_now(self) -> Reading:
        return self._read_job()()

    # -- the result, on the GUI thread ---------------------------------------------------------------
    def _finished(self, reading: Reading) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.read_in_background()
            return
        self._read = self._seen = reading.signature
        self._absent = reading.signature is None
        if reading.error:
            self._fail(reading.error)
        elif reading.unchanged:
            self.digest = reading.digest or self.digest
            self._set_error(None)
        else:
            problem = self.accept(reading.value)
            if problem:
                self._fail(problem)
            else:
                self._take(reading)

    def _take(self, reading: Reading) -> None:
        value, data = reading.value, reading.data
        self._shown, self.digest = reading.fingerprint, reading.digest
        self.value = value
        self.copy_saved = None
        self.loaded()
        had_error, self.error = self.error is not None, None  # so the new value is shown without a mark
        self.replaced.emit()
        if had_error:
            self.problem_changed.emit()
        self.in_background(functools.partial(_keep, self.name, data, value, self.also_keep), "_saved")

    def loaded(self) -> None:
        """Log a new value (a subclass says more about it)."""
        log.info("%s loaded: %s", self.what, self.name)

    def _saved(self, error: str | None) -> None:
        if error == self.save_error:
            return
        if error:
            log.error("%s; a restart with a broken %s would show an older copy", error, self.what)
        else:
            log.info("the last good copy of %s is kept again", self.name)
        self.save_error = error
        self.problem_changed.emit()

    def _fail(self, message: str) -> None:
        if message != self.error:  # the same problem read again (the folder's events come in pairs) once
            log.error("%s; still showing the last good %s", message, self.what)
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
            data, sig = read_source(copy, str(copy))
            value = self.parse(data, str(copy))
        except (SourceError, ProgrammeError, ValueError) as err:
            log.error("the last good copy %s cannot be read either: %s", copy, describe(err))
            return
        self.value, self.origin = value, "last good copy"
        self.copy_saved = dt.datetime.fromtimestamp(sig.mtime_ns / 1e9, dt.UTC)
        age = age_words(max(0.0, time.time() - sig.mtime_ns / 1e9))
        saved = f"the last good copy, saved {self.copy_saved:%Y-%m-%d %H:%M} UTC ({age} ago)"
        log.warning("showing %s of %s, kept at %s", saved, self.name, copy)
        self._set_error(f"{self.error}; showing {saved}" if self.error else f"showing {saved}")

    def health(self) -> dict[str, Any]:
        """The status file's account of this source: where the value came from, how old, what failed."""
        return {
            f"{self.what}_from": self.origin if self.value is not None else None,
            f"{self.what}_copy_saved": self.copy_saved.isoformat() if self.copy_saved else None,
            f"{self.what}_kept": self.save_error is None,
            f"{self.what}_keep_error": self.save_error,
            # A web address's last fetch that failed (the cached copy is shown meanwhile); a file: null.
            f"{self.what}_network_error": self.network_error,
        }


def sha256(data: bytes) -> str:
    """SHA-256 of ``data``, hexadecimal, by Qt: hashlib would load OpenSSL (about 4 MiB resident)."""
    digest = QCryptographicHash.hash(data, QCryptographicHash.Algorithm.Sha256).toHex()
    return bytes(digest.data()).decode("ascii")


def _keep(name: str, data: bytes, value: Any, also: Callable[[bytes, str, Any], None] | None) -> str | None:
    """After a new value is shown, on the worker thread: its last good copy, then anything else."""
    error = keep_copy(name, data)
    if also is not None:
        also(data, name, value)
    return error


def parse_programme_bytes(
    data: bytes, name: str, timezone: str | None = None, keep: bool = True
) -> Programme:
    """A programme in any format kiosk reads; ProgrammeError when it cannot be used. ``timezone``:
    the event's zone as given (--timezone, timezone:), over the programme's own declaration.
    ``keep`` False: not cached yet (see ``sources.remember``)."""
    programme, problems = check_any(data, name, timezone, keep)
    if programme is None:
        raise ProgrammeError(problems)
    return programme


class LiveProgramme(LiveSource):
    """The programme to show, following its file."""

    def __init__(
        self,
        source: str,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        timezone: str | None = None,
    ):
        # A new programme goes to the screen first; its cache entry is written after (30 ms at
        # 1 500 sessions that a reload no longer waits for).
        parse = functools.partial(parse_programme_bytes, timezone=timezone, keep=False)
        super().__init__(source, parse, "programme", monotonic, parent)
        self.also_keep = functools.partial(remember, timezone=timezone)

    @property
    def programme(self) -> Programme | None:
        return self.value

    def loaded(self) -> None:
        log.info("programme loaded: %s (%d sessions)", self.name, len(self.value.sessions))
