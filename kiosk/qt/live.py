"""The programme file, watched: a good new version replaces the shown one; a bad one never does.

The folder is watched as well as the file: editors save by writing a new file and renaming it over
the old one, which ends a watch on the file itself. A change is read once the file has stood still
for a moment (SETTLE_MS), so a half-written file is not even tried; if it is read half-written
anyway, it fails validation and the last good programme stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from .. import last_good
from ..programme import Programme, ProgrammeError
from ..sources import check_any

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
            self._fail(f"{self.path}: cannot read the programme: {err.strerror}")
            return
        if data == self._last_bytes and self.error is None:
            return  # touched, not changed
        try:
            programme = read_bytes(data, str(self.path))
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
        last_good.keep(str(self.path), data)
        log.info("programme loaded: %s (%d sessions)", self.path, len(programme.sessions))
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
        copy = last_good.find(str(self.path))
        if copy is None:
            return
        try:
            self.programme = read_bytes(copy.read_bytes(), str(copy))
            log.warning("showing the last good copy of %s, kept at %s", self.path, copy)
        except (OSError, ProgrammeError):
            log.error("the last good copy %s cannot be read either", copy)
