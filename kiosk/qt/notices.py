"""The notices file, followed while the kiosk runs: a saved notice is on screen within a second.

Like the programme: the folder is watched as well as the file (editors and `kiosk notice` rename a
new file over the old one), a change is read after a short quiet time, and a broken file never
removes what is shown (the last good notices stay, the screen's mark and the status file say why,
with file:line:column). A missing file holds no notices. The last good copy is kept on disk, so a
restart with a broken file still shows the notices in force.

It reads on the GUI thread: a notices file is small (MAX_NOTICES, each text MAX_TEXT characters).
When the live programme's reusable source (a worker thread, kiosk/qt/live.py) takes a parser, this
becomes that source given ``parse_notices``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from .. import last_good
from ..notices import Notices, NoticesError, parse_notices
from ..programme import Programme
from ..yaml_reader import Unreadable, read_bytes

log = logging.getLogger("kiosk")

# Quiet time after the last change before the file is read (a rename fires several events).
SETTLE_MS = 50


class LiveNotices(QObject):
    """The notices to show, following their file; emits when they or their problem change."""

    replaced = Signal()  # new good notices are in .notices
    problem_changed = Signal()  # .error changed

    def __init__(self, source: str, programme: Callable[[], Programme | None], parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(source).absolute()
        self.name = str(self.path)
        self.programme = programme  # the programme shown now: notices are checked against it
        self.notices = Notices((), self.name)
        self.error: str | None = None
        self._last: tuple[bytes, int] | None = None  # the bytes read last, and the programme they fit
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.reload)

    def start(self) -> Notices:
        self.reload()
        if self.error is not None:
            self._from_last_good()
        self._watch()
        return self.notices

    def _watch(self) -> None:
        folder = self.path.parent
        if folder.is_dir() and str(folder) not in self.watcher.directories():
            self.watcher.addPath(str(folder))
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))

    def _changed(self, _path: str = "") -> None:
        self._watch()  # a file renamed over ours is a new file: watch it again
        self.settle.start()

    def reload(self) -> None:
        """Read the file again (also when the programme changed: the same notices may no longer fit)."""
        programme = self.programme()
        if programme is None:
            return
        try:
            data = read_bytes(self.path)
        except Unreadable as err:
            if not err.missing:
                self._fail(f"{self.name}: {err.message}")
                return
            data = b""
        if self._last == (data, id(programme)):
            return  # touched, not changed
        try:
            notices = parse_notices(data, self.name, programme)
        except NoticesError as err:
            more = f" (and {len(err.problems) - 1} more)" if len(err.problems) > 1 else ""
            self._fail(f"{err.first}{more}")
            return
        self._last = (data, id(programme))
        self.notices = notices
        if data:
            last_good.keep(self.name, data)
        log.info("notices loaded: %s (%d)", self.name, len(notices))
        self.replaced.emit()
        self._set_error(None)

    def _fail(self, message: str) -> None:
        log.error("%s; still showing the last good notices", message)
        self._set_error(message)

    def _set_error(self, message: str | None) -> None:
        if message != self.error:
            self.error = message
            self.problem_changed.emit()

    def _from_last_good(self) -> None:
        copy = last_good.find(self.name)
        programme = self.programme()
        if copy is None or programme is None:
            return
        try:
            self.notices = parse_notices(copy.read_bytes(), str(copy), programme)
            log.warning("showing the last good copy of %s, kept at %s", self.name, copy)
        except (OSError, NoticesError):
            log.error("the last good copy %s cannot be read either", copy)
