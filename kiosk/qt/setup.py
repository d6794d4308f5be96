"""The technician's on-screen setup: which room (or the overview) this screen shows, behind a PIN.

SetupScreen is a screen like DoorScreen (a bridge, a QML file, ``show(at)``), so the running kiosk's
ticker and status file carry on while it is open. Its state — the PIN gate, the highlighted choice —
lives here; Setup.qml only lays it out and sends taps back as the bridge's signals. ScreenSwitcher
puts the setup, then the chosen screen, on the running window in place, saving the choice in the
user's configuration file so that the next start shows it too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtQuick import QQuickView

from ..config import DEFAULTS, LAYERS, Config, save_user_setting
from ..present.setup import Both, both, fields_of, keys_help, room_label
from ..programme import Programme
from ..resources import ui_dir
from .bridge import DeviceSetup

log = logging.getLogger("kiosk")

MAX_PIN_DIGITS = 12

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
_NEXT = {Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Tab}
_PREVIOUS = {Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Backtab}
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select}
_ERASE = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}


class SetupScreen(QObject):
    """Lists the programme's rooms and the overview; emits ``chosen`` with the technician's pick."""

    view = "setup"
    qml = "Setup.qml"

    chosen = Signal(str, str)  # view ("door" or "overview"), room id ("" for the overview)
    left = Signal()  # Escape or Cancel: back to what was shown, nothing changed
    touched = Signal()  # any key or tap: the technician is still there

    def __init__(
        self,
        programme: Programme,
        pin: str | None = None,
        current: tuple[str, str | None] | None = None,
        cancellable: bool = False,
        note: Both | None = None,
        setup_chord: str = DEFAULTS["setup_chord"],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.programme = programme
        self.pin = pin
        self.current = current
        self.cancellable = cancellable
        self.setup_chord = setup_chord
        self.programme_error: str | None = None
        self.typed = ""
        self.bridge = DeviceSetup()
        self.bridge.picked.connect(self._tapped)
        self.bridge.digitTyped.connect(lambda digit: self._act(self._digit, str(digit)))
        self.bridge.erased.connect(lambda: self._act(self._erase))
        self.bridge.pinEntered.connect(lambda: self._act(self._submit))
        self.bridge.cancelRequested.connect(lambda: self._act(self._cancel))
        self.bridge.set(
            **fields_of(title=both("title"), note=note or Both("", "")),
            currentLabel="✓ " + both("current").line,
            cancelLabel="✕  " + both("cancel").line if cancellable else "",
        )
        self._set_choices()
        self._set_stage("pin" if pin else "choose")

    # -- the screen interface (see DoorScreen) ---------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.programme.event.languages)

    def initial_properties(self) -> dict[str, QObject]:
        return {"setup": self.bridge}

    def problem_with(self, programme: Programme) -> str | None:
        return None if programme.rooms else f"{programme.source}: the programme has no rooms"

    def replace_programme(self, programme: Programme) -> None:
        picked = self.choices[self.bridge.highlighted]
        self.programme = programme
        self._set_choices(keep=picked)

    def show(self, at: dt.datetime) -> None:
        """Nothing on the setup screen depends on the time."""

    # -- the choices ------------------------------------------------------------------------------
    def _set_choices(self, keep: tuple[str, str | None] | None = None) -> None:
        self.choices: list[tuple[str, str | None]] = [("door", room.id) for room in self.programme.rooms]
        self.choices.append(("overview", None))
        labels = [room_label(self.programme, room) for _, room in self.choices[:-1]] + [both("overview")]
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
        wanted = ("overview", None) if view == "overview" else ("door", room)
        return self.choices.index(wanted) if wanted in self.choices else -1

    def _set_stage(self, stage: str) -> None:
        keys = ["key_erase"] if stage == "pin" else ["key_choose"]
        keys += ["key_confirm", "key_cancel"] if self.cancellable else ["key_confirm"]
        self.bridge.set(
            stage=stage,
            pinDigits=0,
            **fields_of(
                prompt=both("pin" if stage == "pin" else "choose"),
                hint=both("pin_help") if stage == "pin" else both("saved_here", chord=self.setup_chord),
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
        if len(self.typed) < MAX_PIN_DIGITS:
            self.typed += digit
        self.bridge.set(pinDigits=len(self.typed), **fields_of(pinMessage=Both("", "")))

    def _erase(self) -> None:
        self.typed = self.typed[:-1]
        self.bridge.pinDigits = len(self.typed)

    def _submit(self) -> None:
        if not self.typed:
            return
        # Imported here: hmac loads OpenSSL's libcrypto, ~3.5 MB resident on every screen for a PIN
        # that is rarely typed (bench/, docs/performance.md).
        import hmac

        # Compared in constant time: how long a refusal takes says nothing about the digits.
        right = hmac.compare_digest(self.typed.encode(), (self.pin or "").encode())
        self.typed = ""
        self.bridge.set(
            pinDigits=0, **fields_of(pinMessage=Both("", "") if right else both("pin_wrong", prefix="⚠ "))
        )
        if right:
            self._set_stage("choose")

    def _pick(self, index: int) -> None:
        view, room = self.choices[index]
        self.chosen.emit(view, room or "")

    def _cancel(self) -> None:
        if self.cancellable:
            self.left.emit()


def show_in(window: QQuickView, screen) -> None:
    """Put ``screen``'s QML on ``window``, replacing what it showed, with the screen's bridge pushed in."""
    # The window owns the bridge, so the QML goes before the objects it binds to (no null bindings).
    screen.bridge.setParent(window)
    window.setInitialProperties(screen.initial_properties())
    window.setSource(QUrl.fromLocalFile(str(ui_dir() / screen.qml)))
    if window.status() != QQuickView.Status.Ready:
        errors = "; ".join(e.toString() for e in window.errors())
        log.error("the %s screen could not be built: %s", screen.view, errors)


def _make_screen(programme: Programme, view: str, room: str | None, languages: tuple[str, ...] | None):
    from .app import make_screen

    return make_screen(programme, argparse.Namespace(room=room, overview=view == "overview"), languages)


class ScreenSwitcher(QObject):
    """Swaps the screen on the running kiosk's window: the setup, then the technician's choice.

    One window, one ticker: the ticker and the status file follow whichever screen is shown. The
    screen the setup covers stays built, so Escape puts it back as it was.
    """

    switched = Signal()  # another screen is on the window

    # A setup left open by a technician who walked away goes back to the room after this long.
    IDLE_MS = 120_000

    def __init__(
        self,
        config: Config,
        rehearsal: bool = False,
        environ: Mapping[str, str] = os.environ,
        build: Callable = _make_screen,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.config = config
        self.view = config.view
        self.room = config.room
        self.rehearsal = rehearsal
        self.environ = environ
        self.build = build
        self.window: QQuickView | None = None
        self.kiosk = None
        self.lockdown = None
        self.behind_setup = None  # the screen the open setup covers
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._walked_away)

    def needs_setup(self) -> bool:
        """A door without a room: the first start of a device nobody has set up yet."""
        return self.view == "door" and not self.room

    def first_screen(self, programme: Programme):
        """The screen to start with: the setup on a first start, else the configured one."""
        if self.needs_setup():
            return self._setup(programme, behind=None)
        return self._screen(programme, self.view, self.room)

    def attach(self, window: QQuickView, kiosk, lockdown=None) -> None:
        """Follow ``kiosk``'s screen on ``window``; ``lockdown``'s setup chord opens the setup."""
        self.window, self.kiosk, self.lockdown = window, kiosk, lockdown
        if lockdown is not None:
            lockdown.setup_requested.connect(self.open_setup)
        if isinstance(kiosk.screen, SetupScreen):
            self._opened(kiosk.screen)

    @property
    def shown(self):
        return self.kiosk.screen

    def open_setup(self) -> None:
        if isinstance(self.shown, SetupScreen):
            return
        setup = self._setup(self.shown.programme, behind=self.shown)
        self.behind_setup = self.shown
        self._put(setup)
        self._opened(setup)

    def _setup(self, programme: Programme, behind) -> SetupScreen:
        setup = SetupScreen(
            programme,
            pin=self.config.setup_pin,
            current=None if self.needs_setup() else (self.view, self.room),
            cancellable=behind is not None,
            note=self._overridden(),
            setup_chord=self.config.setup_chord,
        )
        setup.bridge.rotation = self.config.rotation
        return setup

    def _overridden(self) -> Both | None:
        """Which layer above the user's file will set the screen again at the next start, if any."""
        above = [
            self.config.origins[key]
            for key in ("view", "room")
            if LAYERS.index(self.config.layer(key)) > LAYERS.index("user")
        ]
        if not above:
            return None
        return both("overridden", prefix="⚠ ", origins=", ".join(dict.fromkeys(above)))

    def _opened(self, setup: SetupScreen) -> None:
        # Queued: a tap is still being delivered to an item of the setup's scene, which the switch deletes.
        setup.chosen.connect(self._chosen, Qt.ConnectionType.QueuedConnection)
        setup.left.connect(self._leave, Qt.ConnectionType.QueuedConnection)
        setup.touched.connect(self._still_there)
        if self.lockdown is not None:
            self.lockdown.open_setup(setup.key_event)
        self._still_there()

    def _still_there(self) -> None:
        if self.behind_setup is not None:
            self.idle.start(self.IDLE_MS)

    def _walked_away(self) -> None:
        if isinstance(self.shown, SetupScreen):
            self._leave()

    def _chosen(self, view: str, room: str) -> None:
        setup = self.shown
        try:
            screen = self._screen(setup.programme, view, room or None)
        except Exception as err:  # whatever goes wrong, the setup stays up and says why
            log.error("the %s screen could not be built: %s", view, err)
            setup.bridge.set(**fields_of(note=both("cannot_show", prefix="⚠ ", why=str(err))))
            return
        self._save(view, room or None, setup.programme)
        self.view = view
        if view == "door":
            self.room = room
        dropped, self.behind_setup = self.behind_setup, None
        self._close_setup()
        self._put(screen)
        if dropped is not None:
            dropped.bridge.deleteLater()

    def _save(self, view: str, room: str | None, programme: Programme) -> None:
        try:
            if room:
                save_user_setting("room", room, self.environ, programme)
            path = save_user_setting("view", view, self.environ, programme)
        except (OSError, ValueError) as err:
            # The screen still changes now: a device that cannot write its file must still show the room.
            log.error("could not save the choice (%s %s): %s; it holds until the next start", view, room, err)
        else:
            log.info("saved %s %s in %s", view, room or "", path)

    def _leave(self) -> None:
        """Back to the screen the setup covered, unchanged (brought up to date with the programme)."""
        behind, self.behind_setup = self.behind_setup, None
        if behind is None:
            return
        programme = self.kiosk.live.programme
        if programme is not None and programme is not behind.programme and not behind.problem_with(programme):
            behind.replace_programme(programme)
        self._close_setup()
        self._put(behind)

    def _close_setup(self) -> None:
        self.idle.stop()
        if self.lockdown is not None:
            self.lockdown.close_setup()

    def _screen(self, programme: Programme, view: str, room: str | None):
        screen = self.build(programme, view, room, self.config.languages)
        screen.bridge.set(
            rehearsal=self.rehearsal, reducedMotion=self.config.reduced_motion, rotation=self.config.rotation
        )
        return screen

    def _put(self, screen) -> None:
        old = self.kiosk.screen
        self.kiosk.screen = screen
        self.kiosk.ticker.screen = screen
        screen.programme_error = self.kiosk.live.error
        # Filled before the QML binds to it: the first frame already shows the right room.
        self.kiosk.ticker.tick()
        show_in(self.window, screen)
        if isinstance(old, SetupScreen):
            old.bridge.deleteLater()
        self.switched.emit()
