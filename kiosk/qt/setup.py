"""The technician's on-screen setup: which room (or the overview) this screen shows, behind a PIN.

SetupScreen is a Screen like the door (a bridge, a QML file, ``show(at)``), so the running kiosk's
ticker and status file carry on while it is open. Its state — the PIN gate, the highlighted choice —
lives here; Setup.qml only lays it out and sends taps back as the bridge's signals. What it says
comes from kiosk.present.setup; kiosk.qt.switcher puts it on the window and acts on the choice.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from ..config import DEFAULTS
from ..pin import PinGate
from ..present.setup import (
    Both,
    both,
    come_back_hint,
    fields_of,
    keys_help,
    room_label,
    rotation_label,
    sign_label,
)
from ..programme import Programme
from .bridge import DeviceSetup
from .screen import Screen

log = logging.getLogger("kiosk")

MAX_PIN_DIGITS = 12

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
_NEXT = {Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Tab}
_PREVIOUS = {Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Backtab}
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select}
_ERASE = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}


class SetupScreen(QObject, Screen):
    """Lists the programme's rooms and the overview; emits ``chosen`` with the technician's pick."""

    view = "setup"
    qml = "Setup.qml"
    bridge_name = "setup"

    chosen = Signal(str, str)  # view ("door" or "overview"), room id ("" for the overview)
    left = Signal()  # Escape or Cancel: back to what was shown, nothing changed
    touched = Signal()  # any key or tap: the technician is still there
    quit_allowed = Signal()  # the PIN asked by the exit chord was right
    rotated = Signal(int)  # the technician turned the picture (degrees, clockwise): the setup turns too
    signed = Signal(str)  # the technician said where the screen hangs: a sign's id ("" for none)

    def __init__(
        self,
        programme: Programme,
        gate: PinGate | None = None,
        current: tuple[str, str | None] | None = None,
        cancellable: bool = False,
        note: Both | None = None,
        setup_chord: str = DEFAULTS["setup_chord"],
        to_quit: bool = False,
        long_press: bool = False,
        sign: str | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent, bridge=DeviceSetup(), programme=programme)  # QObject, then Screen
        self.gate = gate
        self.to_quit = to_quit  # only the PIN, asked by the exit chord; then quit
        self.long_press = long_press  # a long press in a corner opens the setup too
        self.current = current
        self.cancellable = cancellable
        self.setup_chord = setup_chord
        self.sign_id = sign  # where the screen hangs: offered when the programme has signs
        self.typed = ""
        self.bridge.picked.connect(self._tapped)
        self.bridge.digitTyped.connect(lambda digit: self._act(self._digit, str(digit)))
        self.bridge.erased.connect(lambda: self._act(self._erase))
        self.bridge.pinEntered.connect(lambda: self._act(self._submit))
        self.bridge.cancelRequested.connect(lambda: self._act(self._cancel))
        # While wrong PINs make the next try wait, the message counts the seconds down.
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._show_wait)
        self.bridge.set(
            **fields_of(title=both("title_quit" if to_quit else "title"), note=note or Both("", "")),
            currentLabel="✓ " + both("current").line,
            cancelLabel="✕  " + both("cancel").line if cancellable else "",
        )
        self._set_choices()
        self._set_stage("pin" if to_quit or (gate is not None and gate.needed) else "choose")
        self._show_wait()

    # -- the screen interface (kiosk.qt.screen) ---------------------------------------------------
    def problem_with(self, programme: Programme) -> str | None:
        return None if programme.rooms else f"{programme.source}: the programme has no rooms"

    def replace_programme(self, programme: Programme) -> None:
        picked = self.choices[self.bridge.highlighted]
        self.programme = programme
        self._set_choices(keep=picked)

    # -- the choices ------------------------------------------------------------------------------
    def _set_choices(self, keep: tuple[str, str | None] | None = None) -> None:
        self.choices: list[tuple[str, str | None]] = [("door", room.id) for room in self.programme.rooms]
        labels = [room_label(self.programme, room) for _, room in self.choices]
        self.choices.append(("overview", None))
        labels.append(both("overview"))
        # Where the screen hangs, when the programme has signs: a tap moves to the next one.
        if self.programme.signs:
            self.choices.append(("sign", None))
            labels.append(sign_label(self.programme, self.sign_id))
        # Last, the orientation: a tap turns the picture (and this setup) a quarter.
        self.choices.append(("rotation", None))
        labels.append(rotation_label(self.bridge.rotation))
        current = self._index_of(self.current)
        highlighted = self._index_of(keep) if keep else current
        self.bridge.set(
            choices=[label.line for label in labels],
            choiceLines=[label.lines for label in labels],
            currentChoice=current,
            highlighted=max(0, highlighted),
        )

    def _index_of(self, choice: tuple[str, str | None] | None) -> int:
        if choice is None:
            return -1
        view, room = choice
        wanted = (view, None) if view in ("overview", "rotation", "sign") else ("door", room)
        return self.choices.index(wanted) if wanted in self.choices else -1

    def _set_stage(self, stage: str) -> None:
        keys = ["key_erase"] if stage == "pin" else ["key_choose"]
        back = come_back_hint(self.setup_chord, self.long_press)
        keys += ["key_confirm", "key_cancel"] if self.cancellable else ["key_confirm"]
        self.bridge.set(
            stage=stage,
            pinDigits=0,
            **fields_of(
                prompt=both(("pin_quit" if self.to_quit else "pin") if stage == "pin" else "choose"),
                hint=both("pin_help") if stage == "pin" else back,
                keysHelp=keys_help(*keys),
            ),
        )

    # -- what the technician does ---------------------------------------------------------------
    def key_event(self, event: QKeyEvent) -> None:
        self.press(Qt.Key(event.key()), event.text())

    def press(self, key: Qt.Key, text: str = "") -> None:
        """A key pressed while the setup is open (every key is the setup's then)."""
        if key == Qt.Key.Key_Escape:
            self._act(self._cancel)
        elif self.bridge.stage == "pin":
            digit = text if len(text) == 1 and text in "0123456789" else _DIGIT_KEYS.get(key)
            if digit is not None:
                self._act(self._digit, str(digit))
            elif key in _ERASE:
                self._act(self._erase)
            elif key in _ENTER:
                self._act(self._submit)
        elif key in _NEXT | _PREVIOUS | {Qt.Key.Key_Home, Qt.Key.Key_End}:
            last = len(self.choices) - 1
            step = 1 if key in _NEXT else -1
            moved = {Qt.Key.Key_Home: 0, Qt.Key.Key_End: last}.get(key, self.bridge.highlighted + step)
            self._act(lambda: self.bridge.set(highlighted=min(max(moved, 0), last)))
        elif key in _ENTER:
            self._act(self._pick, self.bridge.highlighted)

    def _act(self, action: Callable, *args) -> None:
        self.touched.emit()
        action(*args)

    def _tapped(self, index: int) -> None:
        if self.bridge.stage == "choose" and 0 <= index < len(self.choices):
            self.bridge.highlighted = index
            self._act(self._pick, index)

    def _digit(self, digit: str) -> None:
        if self._show_wait():
            return  # nothing is typed while wrong PINs make the next try wait
        if len(self.typed) < MAX_PIN_DIGITS:
            self.typed += digit
        self.bridge.set(pinDigits=len(self.typed), **fields_of(pinMessage=Both("", "")))

    def _erase(self) -> None:
        self.typed = self.typed[:-1]
        self.bridge.pinDigits = len(self.typed)

    def _submit(self) -> None:
        if not self.typed or self._show_wait():
            return
        typed, self.typed = self.typed, ""
        right = self.gate is not None and self.gate.try_pin(
            typed, "quitting" if self.to_quit else "the setup"
        )
        self.bridge.set(
            pinDigits=0, **fields_of(pinMessage=Both("", "") if right else both("pin_wrong", prefix="⚠ "))
        )
        if not right:
            self._show_wait()
        elif self.to_quit:
            self.quit_allowed.emit()
        else:
            self._set_stage("choose")

    def _show_wait(self) -> bool:
        """Say how long the next try must wait, if it must; whether it must."""
        wait = math.ceil(self.gate.wait()) if self.gate is not None and self.bridge.stage == "pin" else 0
        if wait > 0:
            self.typed = ""
            self.bridge.set(
                pinDigits=0, **fields_of(pinMessage=both("pin_wait", prefix="⚠ ", seconds=str(wait)))
            )
            self.countdown.start()
            return True
        if self.countdown.isActive():
            self.countdown.stop()
            self.bridge.set(**fields_of(pinMessage=Both("", "")))
        return False

    def _pick(self, index: int) -> None:
        view, room = self.choices[index]
        if view == "rotation":
            self._rotate()
        elif view == "sign":
            self._next_sign()
        else:
            self.chosen.emit(view, room or "")

    def _rotate(self) -> None:
        self.set_rotation((self.bridge.rotation + 90) % 360)
        self.rotated.emit(self.bridge.rotation)

    def _next_sign(self) -> None:
        """The next of the programme's signs, then none, then the first again."""
        order = [None, *(sign.id for sign in self.programme.signs)]
        now = order.index(self.sign_id) if self.sign_id in order else 0
        self.sign_id = order[(now + 1) % len(order)]
        self._set_choices(keep=("sign", None))
        self.signed.emit(self.sign_id or "")

    def set_rotation(self, degrees: int) -> None:
        """Turn the setup (its picture, clockwise) and say so in the orientation choice."""
        self.bridge.rotation = degrees
        self._set_choices(keep=self.choices[self.bridge.highlighted])

    def _cancel(self) -> None:
        if self.cancellable:
            self.left.emit()
