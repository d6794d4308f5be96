"""Kiosk mode: the window fills its output, hides the pointer, and lets nobody walking past leave it.

Only the exit chord quits (after the PIN, on a device that has one) and only the setup chord opens
the setup (or, on a device with a PIN, a long press in a corner of a touch screen). Escape, Alt+F4
and the window manager's close requests are ignored; every other key is swallowed unless the setup
is open (then the setup has them). ``--windowed`` (development) keeps a normal window that may be closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QKeySequence, QScreen, QWindow

log = logging.getLogger("kiosk")

_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
_PRESS = (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress)
_MOVE = (QEvent.Type.TouchUpdate, QEvent.Type.MouseMove)
_RELEASE = (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease)


def chord(text: str) -> QKeyCombination:
    """The key combination of a chord as kiosk.config writes it: "Ctrl+Alt+Shift+Q"."""
    return QKeySequence(text, QKeySequence.SequenceFormat.PortableText)[0]


def pressed(event: QKeyEvent) -> QKeyCombination:
    # The keypad flag is not part of a chord: Ctrl+Alt+Shift+1 is the same from either row of digits.
    return QKeyCombination(event.modifiers() & _MODIFIERS, Qt.Key(event.key()))


class Lockdown(QObject):
    """An event filter on the kiosk's window: the two chords, and nothing else gets out."""

    exit_requested = Signal()
    setup_requested = Signal()
    exit_pin_requested = Signal()  # the exit chord, on a device with a PIN: ask for it first

    LONG_PRESS_MS = 5000  # held this long in a corner, a touch opens the setup
    CORNER = 0.12  # a corner: this share of the window's shorter side, from each of its four corners

    def __init__(
        self,
        window: QWindow,
        exit_chord: str,
        setup_chord: str,
        locked: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent or window)
        self.window = window
        self.exit_chord = chord(exit_chord)
        self.setup_chord = chord(setup_chord)
        self.locked = locked
        self.exit_needs_pin = False
        self.long_press_opens_setup = False
        self.long_press = QTimer(self)
        self.long_press.setSingleShot(True)
        self.long_press.timeout.connect(self._held)
        self.setup_keys: Callable[[QKeyEvent], None] | None = None
        self._show_pointer(False)
        window.installEventFilter(self)

    def open_setup(self, keys: Callable[[QKeyEvent], None]) -> None:
        """The setup is on screen: its keys go to ``keys``, and mouse users see their pointer."""
        self.setup_keys = keys
        self._show_pointer(True)

    def close_setup(self) -> None:
        self.setup_keys = None
        self._show_pointer(False)

    def _show_pointer(self, shown: bool) -> None:
        if shown or not self.locked:
            self.window.unsetCursor()
        else:
            self.window.setCursor(QCursor(Qt.CursorShape.BlankCursor))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and self.locked:
            event.ignore()
            return True
        if kind in _PRESS or kind in _MOVE or kind in _RELEASE:
            self._touch(kind, event)
            return False
        if kind not in _KEY_EVENTS:
            return False
        if kind == QEvent.Type.KeyPress:
            combination = pressed(event)
            if combination == self.exit_chord:
                if self.exit_needs_pin:
                    log.info("the exit chord: asking for the PIN")
                    self.exit_pin_requested.emit()
                else:
                    log.info("the exit chord: quitting")
                    self.quit()
                return True
            if combination == self.setup_chord:
                self.setup_requested.emit()
                return True
            if self.setup_keys is not None:
                self.setup_keys(event)
                return True
        return self.locked or self.setup_keys is not None

    def _touch(self, kind: QEvent.Type, event: QEvent) -> None:
        """A finger (or the mouse) held still in a corner for LONG_PRESS_MS opens the setup."""
        if not self.long_press_opens_setup or self.setup_keys is not None:
            return
        if kind in _RELEASE:
            self.long_press.stop()
            return
        points = event.points()
        if len(points) != 1 or not self._in_corner(points[0].position()):
            self.long_press.stop()  # two fingers, or a finger that left the corner
        elif kind in _PRESS:
            self.long_press.start(self.LONG_PRESS_MS)

    def _in_corner(self, position) -> bool:
        width, height = self.window.width(), self.window.height()
        reach = self.CORNER * min(width, height)
        near_x = position.x() <= reach or position.x() >= width - reach
        near_y = position.y() <= reach or position.y() >= height - reach
        return near_x and near_y

    def _held(self) -> None:
        log.info("a long press in a corner: opening the setup")
        self.setup_requested.emit()

    def quit(self) -> None:
        # Qt asks every window to close before it quits, and a locked window refuses: unlock first.
        self.locked = False
        self.exit_requested.emit()


def pick_output(
    wanted: int | str | None, screens: Sequence[QScreen], primary: QScreen
) -> tuple[QScreen, str | None]:
    """The output configured by ``screen`` (name or index), or the primary one and why."""
    if wanted is None:
        return primary, None
    for index, screen in enumerate(screens):
        if wanted == index or (isinstance(wanted, str) and wanted.casefold() == screen.name().casefold()):
            return screen, None
    known = ", ".join(f"{i}: {s.name() or 'unnamed'}" for i, s in enumerate(screens)) or "none"
    return (
        primary,
        f"screen {wanted!r}: no such output (outputs {known}); using the primary, {primary.name() or 0}",
    )


def show_kiosk(window: QWindow, wanted: int | str | None, windowed: bool = False) -> QScreen:
    """Show ``window`` on the configured output: frameless full screen, or a normal window."""
    output, problem = pick_output(wanted, QGuiApplication.screens(), QGuiApplication.primaryScreen())
    if problem:
        log.warning("%s", problem)
    window.setScreen(output)
    if windowed:
        window.setPosition(output.availableGeometry().topLeft())
        window.show()
    else:
        window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setGeometry(output.geometry())
        window.showFullScreen()
    return output
