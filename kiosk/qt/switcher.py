"""Which screen the window shows: the configured one, the technician's setup, then their choice.

``make_screen`` builds a screen by name (for `render` too). ScreenSwitcher opens the setup on the
running kiosk (first start without a room, the setup chord) and builds what the technician picks,
saving it in the user's configuration file so that the next start shows it too; the running kiosk
puts each screen on the window (RunningKiosk.put, the one place a screen is swapped).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..config import LAYERS, Config, save_user_setting
from ..errors import UsageError
from ..pin import PinGate, throttle_file
from ..programme import Programme
from ..schedule import resolve_room
from .screen import Screen

if TYPE_CHECKING:
    from ..present.setup import Both
    from .setup import SetupScreen

log = logging.getLogger("kiosk")


def make_screen(
    programme: Programme, view: str, room: str | None = None, languages: tuple[str, ...] | None = None
) -> Screen:
    """The screen ``view`` names: a ``room``'s door, the overview, or the setup as on a first start."""
    if view == "setup":
        from .setup import SetupScreen

        return SetupScreen(programme)
    if view == "overview":
        from .overview import OverviewScreen

        return OverviewScreen(programme, languages)
    if not room:
        raise UsageError("say which screen: --room ROOM or --overview")
    from .door import DoorScreen

    return DoorScreen(programme, resolve_room(programme, room), languages)


def _is_setup(screen: Screen | None) -> bool:
    """The setup or the exit chord's PIN prompt (kiosk/qt/setup.py, imported only when one opens: a
    screen that never shows it starts without the setup's module and its words)."""
    return screen is not None and screen.view == "setup"


class ScreenSwitcher(QObject):
    """Decides the running kiosk's screen: the setup, then the technician's choice.

    The screen the setup covers stays built, so Escape puts it back as it was.
    """

    quit_requested = Signal()  # the exit chord's PIN was right

    # A setup left open by a technician who walked away goes back to the room after this long.
    IDLE_MS = 120_000

    def __init__(
        self,
        config: Config,
        rehearsal: bool = False,
        environ: Mapping[str, str] = os.environ,
        build: Callable[..., Screen] = make_screen,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.config = config
        self.view = config.view
        self.room = config.room
        self.sign = config.sign  # where the screen hangs: the setup may choose it
        self.rotation = config.rotation  # the setup may turn it
        self.rehearsal = rehearsal
        self.environ = environ
        self.build = build
        self.kiosk = None  # the RunningKiosk, once attached
        self.lockdown = None
        self.behind_setup: Screen | None = None  # the screen the open setup covers
        self.behind_quit: Screen | None = None  # the screen the exit chord's PIN prompt covers
        # One count of wrong PINs: reopening a prompt does not reset it, nor a restart or a reboot.
        self.gate = PinGate(config, throttle_file())
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._walked_away)

    def needs_setup(self) -> bool:
        """A door without a room: the first start of a device nobody has set up yet."""
        return self.view == "door" and not self.room

    def first_screen(self, programme: Programme) -> Screen:
        """The screen to start with: the setup on a first start, else the configured one."""
        if self.needs_setup():
            return self._setup(programme, behind=None)
        return self._screen(programme, self.view, self.room)

    def attach(self, kiosk, lockdown=None) -> None:
        """Decide ``kiosk``'s screen from now on; ``lockdown``'s setup chord opens the setup."""
        self.kiosk, self.lockdown = kiosk, lockdown
        if lockdown is not None:
            lockdown.setup_requested.connect(self.open_setup)
            lockdown.exit_needs_pin = self.gate.needed
            # On a touch screen without keys: a long press in a corner, only behind a PIN, so that a
            # passer-by cannot reassign an unprotected screen.
            lockdown.long_press_opens_setup = self.gate.needed
            lockdown.exit_pin_requested.connect(self.ask_to_quit)
            self.quit_requested.connect(lockdown.quit)
        if _is_setup(kiosk.screen):
            self._opened(kiosk.screen)

    @property
    def shown(self) -> Screen:
        return self.kiosk.screen

    def open_setup(self) -> None:
        if _is_setup(self.shown):
            return  # the setup is up, or the exit chord's PIN prompt
        setup = self._setup(self.shown.programme, behind=self.shown)
        self.behind_setup = self.shown
        self._put(setup)
        self._opened(setup)

    def _setup(self, programme: Programme, behind: Screen | None) -> SetupScreen:
        from .setup import SetupScreen

        setup = SetupScreen(
            programme,
            gate=self.gate,
            current=None if self.needs_setup() else (self.view, self.room),
            cancellable=behind is not None,
            note=self._overridden(),
            setup_chord=self.config.setup_chord,
            long_press=self.gate.needed,
            sign=self.sign,
        )
        setup.set_rotation(self.rotation)
        return setup

    def _overridden(self) -> Both | None:
        """Which layer above the user's file will set the screen again at the next start, if any."""
        above = [
            self.config.origins[key]
            for key in ("view", "room", "rotation", "sign")
            if LAYERS.index(self.config.layer(key)) > LAYERS.index("user")
        ]
        if not above:
            return None
        from ..present.setup import both

        return both("overridden", prefix="⚠ ", origins=", ".join(dict.fromkeys(above)))

    def _opened(self, setup: SetupScreen) -> None:
        # Queued: a tap is still being delivered to an item of the setup's scene, which the switch deletes.
        setup.chosen.connect(self._chosen, Qt.ConnectionType.QueuedConnection)
        setup.left.connect(self._leave, Qt.ConnectionType.QueuedConnection)
        setup.touched.connect(self._still_there)
        setup.rotated.connect(self._rotated)
        setup.signed.connect(self._signed)
        if self.lockdown is not None:
            self.lockdown.open_setup(setup.key_event)
        self._still_there()

    def _rotated(self, degrees: int) -> None:
        """The technician turned the picture in the setup: kept for every screen, and saved."""
        self.rotation = degrees
        try:
            path = save_user_setting("rotation", degrees, self.environ)
        except (OSError, ValueError) as err:
            log.error("could not save the rotation %d: %s; it holds until the next start", degrees, err)
        else:
            log.info("saved rotation %d in %s", degrees, path)

    def _signed(self, sign: str) -> None:
        """The technician said where the screen hangs: kept for every screen, and saved."""
        self.sign = sign or None
        try:
            path = save_user_setting("sign", self.sign, self.environ, self.shown.programme)
        except (OSError, ValueError) as err:
            log.error("could not save the sign %s: %s; it holds until the next start", sign, err)
        else:
            log.info("saved sign %s in %s", sign or "null", path)

    def ask_to_quit(self) -> None:
        """The exit chord on a device with a PIN: a prompt for it over whatever shows."""
        shown = self.shown
        if _is_setup(shown) and shown.to_quit:
            return
        from .setup import SetupScreen

        prompt = SetupScreen(
            shown.programme,
            gate=self.gate,
            cancellable=True,
            setup_chord=self.config.setup_chord,
            to_quit=True,
        )
        prompt.bridge.rotation = self.rotation
        self.behind_quit = shown
        self._put(prompt, drop_old=False)
        prompt.quit_allowed.connect(self.quit_requested, Qt.ConnectionType.QueuedConnection)
        prompt.left.connect(self._leave_quit, Qt.ConnectionType.QueuedConnection)
        prompt.touched.connect(self._still_there)
        if self.lockdown is not None:
            self.lockdown.open_setup(prompt.key_event)
        self._still_there()

    def _leave_quit(self) -> None:
        """Back from the exit chord's PIN prompt to what it covered (the setup, if it was open)."""
        behind, self.behind_quit = self.behind_quit, None
        if behind is None:
            return
        if _is_setup(behind):
            if self.lockdown is not None:
                self.lockdown.open_setup(behind.key_event)
        else:
            self._close_setup()
        self._put(behind)
        self._still_there()

    def _still_there(self) -> None:
        if self.behind_setup is not None or self.behind_quit is not None:
            self.idle.start(self.IDLE_MS)

    def _walked_away(self) -> None:
        if self.behind_quit is not None:
            self._leave_quit()
        if _is_setup(self.shown) and self.behind_setup is not None:
            self._leave()

    def _chosen(self, view: str, room: str) -> None:
        setup = self.shown
        try:
            screen = self._screen(setup.programme, view, room or None)
        except Exception as err:  # whatever goes wrong, the setup stays up and says why
            log.error("the %s screen could not be built: %s", view, err)
            from ..present.setup import both, fields_of

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
        self._close_setup()
        behind.bridge.rotation = self.rotation
        behind.sign_id = self.sign
        self._put(behind)

    def _close_setup(self) -> None:
        self.idle.stop()
        if self.lockdown is not None:
            self.lockdown.close_setup()

    def _screen(self, programme: Programme, view: str, room: str | None) -> Screen:
        screen = self.build(programme, view, room, self.config.languages)
        screen.sign_id = self.sign
        screen.bridge.set(
            rehearsal=self.rehearsal, reducedMotion=self.config.reduced_motion, rotation=self.rotation
        )
        return screen

    def _put(self, screen: Screen, drop_old: bool = True) -> None:
        old = self.kiosk.put(screen)
        if drop_old and _is_setup(old):
            old.bridge.deleteLater()
