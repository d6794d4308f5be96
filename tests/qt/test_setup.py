"""The on-screen setup as a technician meets it: keys, mouse and touch on the running kiosk's window."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk import last_good
from kiosk.clock import FakeClock
from kiosk.config import load_config
from kiosk.pin import throttle_file
from kiosk.qt.door import DoorScreen
from kiosk.qt.live import LiveProgramme
from kiosk.qt.lockdown import Lockdown, show_kiosk
from kiosk.qt.running import RunningKiosk
from kiosk.qt.setup import SetupScreen
from kiosk.qt.switcher import ScreenSwitcher

from .conftest import ROOT, SIZES, at

CHORD = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)


@pytest.fixture
def device(device, tmp_path) -> Path:
    """The fresh device's user file (tests/conftest.py: no /etc file), with a programme beside it."""
    shutil.copy(ROOT / "programme.yaml", tmp_path / "programme.yaml")
    return device.user_file


def saved(user_file: Path) -> dict:
    return yaml.safe_load(user_file.read_text(encoding="utf-8"))


class Kiosk:
    """A kiosk wired as `kiosk run` wires it (config, live programme, switcher, lockdown), offscreen."""

    def __init__(
        self, qtbot, tmp_path: Path, size=(1920, 1080), windowed=False, full_screen=False, build=None
    ):
        self.qtbot = qtbot
        self.keep: list[QQuickItem] = []
        self.config = load_config(os.environ)
        self.live = LiveProgramme(str(tmp_path / "programme.yaml"))
        programme = self.live.start()
        self.config = self.config.with_programme(programme)
        extra = {"build": build} if build else {}
        self.switcher = ScreenSwitcher(self.config, **extra)
        screen = self.switcher.first_screen(programme)
        clock = FakeClock(at(programme, "10:30"))
        # Real time stands still at 0: the first language (French) shows throughout.
        self.kiosk = RunningKiosk(self.live, screen, clock, self.config.language_period, realtime=lambda: 0.0)
        self.kiosk.start()
        self.view = self.kiosk.show_in(size=size)
        self.lockdown = Lockdown(
            self.view, self.config.exit_chord, self.config.setup_chord, locked=not windowed
        )
        self.switcher.attach(self.kiosk, self.lockdown)
        if full_screen:
            show_kiosk(self.view, self.config.screen, windowed=windowed)
        else:
            self.view.show()  # at the size asked for: the offscreen platform's screen is 800×800
        qtbot.waitExposed(self.view)

    # -- what is on the window -------------------------------------------------------------------
    @property
    def screen(self):
        return self.kiosk.screen

    @property
    def root(self) -> QQuickItem:
        root = self.view.rootObject()
        self.keep.append(root)
        return root

    def every_item(self) -> list[QQuickItem]:
        """Every item of the scene, visible or not."""
        found, todo = [], [self.root]
        while todo:
            item = todo.pop()
            found.append(item)
            todo.extend(item.childItems())
        # PySide drops the wrappers of an item's children with the item's wrapper: keep them all.
        self.keep.extend(found)
        return found

    def items(self, name: str) -> list[QQuickItem]:
        return [item for item in self.every_item() if item.objectName() == name]

    def item(self, name: str) -> QQuickItem:
        shown = [i for i in self.items(name) if i.isVisible() and i.opacity() > 0.99]
        assert len(shown) == 1, f"{len(shown)} items {name!r} showing"
        return shown[0]

    def text(self, name: str) -> str:
        """What an item says; a text in both languages reads the same on one line or on two."""
        return self.item(name).property("text").replace("\n", " · ")

    def rows(self) -> list[QQuickItem]:
        """The rows of the setup's list, once the list has laid them out."""
        count = len(self.screen.choices)
        self.qtbot.waitUntil(lambda: len(self.items("choice")) == count)
        return self.items("choice")

    def choice(self, label: str) -> QQuickItem:
        rows = [row for row in self.rows() if row.property("modelData") == label]
        assert len(rows) == 1, f"no row {label!r}"
        return rows[0]

    def room_name(self) -> str:
        """The room name on the door screen's page showing."""
        assert isinstance(self.screen, DoorScreen), f"the {self.screen.view} screen is showing"
        return self.text("roomName")

    def switching(self):
        """Waits for the window to show another screen (the switch follows the tap or key at once)."""
        return self.qtbot.waitSignal(self.kiosk.switched, timeout=5000)

    # -- what the technician does ----------------------------------------------------------------
    def press(self, *keys: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        for key in keys:
            QTest.keyClick(self.view, key, modifier)

    def type(self, digits: str) -> None:
        for digit in digits:
            QTest.keyClick(self.view, Qt.Key(ord(digit)))

    def centre(self, item: QQuickItem):
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()

    def click(self, item: QQuickItem) -> None:
        QTest.mouseClick(
            self.view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.centre(item)
        )

    def tap(self, item: QQuickItem) -> None:
        finger = QTest.createTouchDevice()
        QTest.touchEvent(self.view, finger).press(0, self.centre(item), self.view)
        QTest.touchEvent(self.view, finger).release(0, self.centre(item), self.view)

    def close(self) -> None:
        self.kiosk.ticker.stop()
        self.lockdown.locked = False
        self.view.close()
        self.view.deleteLater()


@pytest.fixture
def kiosk(qtbot, tmp_path, device):
    made: list[Kiosk] = []

    def make(**kwargs) -> Kiosk:
        k = Kiosk(qtbot, tmp_path, **kwargs)
        made.append(k)
        return k

    yield make
    for k in made:
        k.close()


def configure(user_file: Path, text: str) -> None:
    user_file.parent.mkdir(parents=True, exist_ok=True)
    user_file.write_text(text, encoding="utf-8")


# -- first start -------------------------------------------------------------------------------------
def test_a_first_start_without_a_room_shows_the_setup(kiosk):
    k = kiosk()
    assert isinstance(k.screen, SetupScreen)
    assert k.view.source().fileName() == "Setup.qml"
    assert k.text("title") == "Réglage de l’écran · Screen setup"
    assert k.text("prompt") == "Que doit afficher cet écran\u202f? · What should this screen show?"
    assert k.text("hint") == (
        "Enregistré sur cet appareil\u202f; Ctrl+Alt+Shift+S pour revenir ici"
        " · Saved on this device; Ctrl+Alt+Shift+S to come back here"
    )
    rows = [row.property("modelData") for row in k.rows()]
    assert sorted(rows) == sorted(
        [
            "Salle I · Room I",
            "Salle VII · Room VII",
            "Salle VIII · Room VIII",
            "Salle IX · Room IX",
            "Restaurant 7ème étage · Restaurant (7th floor)",
            "Salle I Foyer · Room I foyer",
            "Toutes les salles (vue d’ensemble) · All rooms (overview)",
            # The programme has signs: where the screen hangs (issue 18.2).
            "Emplacement de l’écran\u202f: aucun (pas de flèches)"
            " · Where this screen hangs: not said (no arrows)",
            "↻ Orientation\u202f: bord haut de l’écran en haut"
            " · ↻ Orientation: the screen’s top edge at the top",
        ]
    )
    # Nothing to go back to: no Cancel button, and Escape does nothing.
    assert not k.items("cancel")[0].isVisible()
    k.press(Qt.Key.Key_Escape)
    assert isinstance(k.screen, SetupScreen)


def test_arrow_keys_and_enter_choose_a_room_saved_and_shown_at_once(kiosk, device):
    k = kiosk()
    window = k.view
    k.press(Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up)
    assert k.screen.bridge.highlighted == 2
    with k.switching():
        k.press(Qt.Key.Key_Return)
    assert saved(device) == {"room": "salle-viii", "view": "door"}
    assert k.view is window and window.isVisible()
    assert window.source().fileName() == "Door.qml"
    assert k.room_name() == "Salle VIII"
    # One ticker, now following the door.
    assert k.kiosk.ticker.screen is k.screen
    assert k.text("clock") == "10:30"


def test_after_the_setup_a_programme_without_the_chosen_room_is_refused(kiosk, device, tmp_path):
    """Issue 13.1: the live programme's check follows the screen the setup put up, not the setup's."""
    k = kiosk()  # a first start: the setup, whose own check only asks for rooms
    with k.switching():
        k.click(k.choice("Salle IX · Room IX"))
    path = tmp_path / "programme.yaml"
    kept = last_good.find(str(path)).read_bytes()
    path.write_text(path.read_text(encoding="utf-8").replace("salle-ix", "salle-9"), encoding="utf-8")
    with k.qtbot.waitSignal(k.live.problem_changed, timeout=5000):
        k.live.read_in_background()
    assert last_good.find(str(path)).read_bytes() == kept  # nor does the refused file become the last good
    assert k.live.error is not None and "'salle-ix' is no longer in the programme" in k.live.error
    assert "salle-ix" in {room.id for room in k.live.programme.rooms}  # the last good one stays
    assert k.screen.programme_error == k.live.error
    assert k.kiosk.ticker.alive() and k.kiosk.ticker.failures == 0
    assert k.room_name() == "Salle IX"


def test_a_mouse_click_on_a_room_chooses_it(kiosk, device):
    k = kiosk()
    with k.switching():
        k.click(k.choice("Salle IX · Room IX"))
    assert k.room_name() == "Salle IX"
    assert saved(device)["room"] == "salle-ix"


def test_a_tap_on_a_touch_screen_chooses_a_room(kiosk, device):
    k = kiosk(size=(1080, 1920))
    with k.switching():
        k.tap(k.choice("Salle VII · Room VII"))
    assert k.room_name() == "Salle VII"
    assert saved(device)["room"] == "salle-vii"


def test_the_overview_comes_after_the_rooms(kiosk, device):
    k = kiosk()
    with k.switching():
        # After the rooms: the overview, where the screen hangs (the programme has signs), the orientation.
        k.press(Qt.Key.Key_End, Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Return)
    assert saved(device) == {"view": "overview"}
    assert k.screen.view == "overview"
    assert k.view.source().fileName() == "Overview.qml"


def test_the_orientation_is_a_choice_that_turns_the_setup_and_is_kept(kiosk, device):
    """Issue 13.9: on a first start a panel hung in portrait is set upright from the setup itself."""
    k = kiosk(size=(1920, 1080))
    assert k.item("choices").mapToScene(QPointF(0, 0)).x() < 100
    k.press(Qt.Key.Key_End)  # the orientation, last
    k.press(Qt.Key.Key_Return)
    assert k.screen.bridge.rotation == 90
    assert k.item("choices").mapToScene(QPointF(0, 0)).x() > 1000  # turned a quarter, clockwise
    label = k.screen.bridge.choices[-1]
    assert label == (
        "↻ Orientation\u202f: bord haut de l’écran à gauche"
        " · ↻ Orientation: the screen’s top edge on the left"
    )
    assert saved(device) == {"rotation": 90}
    assert k.screen.bridge.highlighted == len(k.screen.choices) - 1  # a second tap turns it again
    # The list, now taller than the turned screen, keeps the highlighted row in sight.
    row = k.choice(label)
    k.qtbot.waitUntil(lambda: 0 < k.centre(row).x() < 1920 and 0 < k.centre(row).y() < 1080)
    k.click(row)
    assert k.screen.bridge.rotation == 180 and saved(device) == {"rotation": 180}
    with k.switching():
        k.press(Qt.Key.Key_Home, Qt.Key.Key_Return)
    assert k.room_name() == "Salle I"
    assert k.screen.bridge.rotation == 180  # the chosen screen hangs the same way


def test_where_the_screen_hangs_is_a_choice_that_is_kept_and_draws_the_arrows(kiosk, device):
    """Issue 18.2: the technician says which of the programme's signs this screen is."""
    k = kiosk(size=(1920, 1080))
    k.press(Qt.Key.Key_End, Qt.Key.Key_Up)  # before the orientation
    assert k.screen.bridge.choices[k.screen.bridge.highlighted] == (
        "Emplacement de l’écran\u202f: aucun (pas de flèches) · Where this screen hangs: not said (no arrows)"
    )
    k.press(Qt.Key.Key_Return)
    label = k.screen.bridge.choices[k.screen.bridge.highlighted]
    assert label == (
        "Emplacement de l’écran\u202f: Hall d’entrée (vue d’ensemble)"
        " · Where this screen hangs: Entrance hall (overview)"
    )
    assert saved(device) == {"sign": "entrance-hall"}
    for _ in range(5):  # on to Salle IX's door
        k.press(Qt.Key.Key_Return)
    assert saved(device) == {"sign": "salle-ix-door"}
    with k.switching():
        k.tap(k.choice("Salle IX · Room IX"))
    assert k.screen.sign_id == "salle-ix-door"
    assert k.screen.sign.way("restaurant").arrow == "back-left"
    assert saved(device) == {"sign": "salle-ix-door", "room": "salle-ix", "view": "door"}


def test_a_long_press_in_a_corner_opens_the_setup_when_a_pin_is_set(kiosk, device, monkeypatch):
    """Issue 13.9: a touch screen with no keyboard can be set up, and only behind the PIN."""
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk(size=(1080, 1920))
    finger = QTest.createTouchDevice()
    hold = k.lockdown.long_press

    def touch(x, y):
        QTest.touchEvent(k.view, finger).press(0, QPoint(x, y), k.view)

    def lift(x, y):
        QTest.touchEvent(k.view, finger).release(0, QPoint(x, y), k.view)

    touch(540, 960)  # the middle: nothing
    assert not hold.isActive()
    lift(540, 960)
    touch(1070, 10)  # the top right corner, lifted too soon
    assert hold.isActive() and hold.interval() == 5000
    lift(1070, 10)
    assert not hold.isActive()
    touch(10, 1910)  # the bottom left corner, held
    assert hold.isActive()
    with k.switching():
        hold.timeout.emit()
    lift(10, 1910)
    assert isinstance(k.screen, SetupScreen) and k.screen.bridge.stage == "pin"
    k.type("2468")
    k.press(Qt.Key.Key_Return)
    assert k.text("hint").endswith(
        "Saved on this device; Ctrl+Alt+Shift+S or a long press in a corner to come back here"
    )


def test_without_a_pin_a_long_press_opens_nothing(kiosk, device):
    configure(device, "room: salle-i\n")
    k = kiosk(size=(1080, 1920))
    finger = QTest.createTouchDevice()
    QTest.touchEvent(k.view, finger).press(0, QPoint(10, 10), k.view)
    assert not k.lockdown.long_press.isActive()
    QTest.touchEvent(k.view, finger).release(0, QPoint(10, 10), k.view)
    assert isinstance(k.screen, DoorScreen)


def test_a_screen_turned_on_its_side_is_set_up_turned_too(kiosk, device, monkeypatch):
    monkeypatch.setenv("KIOSK_ROTATION", "90")
    k = kiosk(size=(1920, 1080))
    assert k.item("choices").mapToScene(QPointF(0, 0)).x() > 1000  # the top-left corner is now on the right
    with k.switching():
        k.click(k.choice("Salle I Foyer · Room I foyer"))
    assert k.room_name() == "Salle I Foyer"


# -- the choice is saved ---------------------------------------------------------------------------
def test_saving_keeps_the_other_keys_and_comments_of_the_user_file(kiosk, device):
    configure(device, "# hall B, left of the stairs\nlanguage_period: 8\nroom: nowhere\n")
    k = kiosk()
    assert isinstance(k.screen, SetupScreen)  # an unknown room is no room
    with k.switching():
        k.click(k.choice("Salle I · Room I"))
    text = device.read_text(encoding="utf-8")
    assert text.startswith("# hall B, left of the stairs\nlanguage_period: 8\nroom: salle-i\n")
    assert saved(device) == {"language_period": 8, "room": "salle-i", "view": "door"}
    assert sorted(p.name for p in device.parent.iterdir()) == ["kiosk.yaml"]  # no temporary file left
    assert load_config(os.environ).room == "salle-i"  # the next start shows it too


def test_a_file_that_cannot_be_written_still_lets_the_room_show(kiosk, device):
    device.parent.parent.mkdir(parents=True)
    device.parent.write_text("a file where the folder should be")
    k = kiosk()
    with k.switching():
        k.click(k.choice("Salle IX · Room IX"))
    assert k.room_name() == "Salle IX"


def test_a_screen_that_cannot_be_built_keeps_the_setup_up_saying_why(kiosk, device):
    def broken(programme, view, room, languages):
        raise RuntimeError("no such screen today")

    k = kiosk(build=broken)
    k.press(Qt.Key.Key_Return)
    k.qtbot.waitUntil(lambda: k.screen.bridge.note != "")
    assert isinstance(k.screen, SetupScreen)
    assert "no such screen today" in k.text("note")
    assert not device.exists()


def test_a_higher_layer_that_will_win_at_the_next_start_is_pointed_out(kiosk, monkeypatch):
    monkeypatch.setenv("KIOSK_ROOM", "salle-i")
    k = kiosk()
    with k.switching():
        k.lockdown.setup_requested.emit()
    assert "env KIOSK_ROOM" in k.text("note")


# -- the setup chord, the PIN, leaving -------------------------------------------------------------
def test_the_setup_chord_opens_the_setup_over_the_room(kiosk, device):
    configure(device, "room: salle-i\n")
    k = kiosk()
    assert k.room_name() == "Salle I"
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    assert isinstance(k.screen, SetupScreen)
    assert k.screen.bridge.stage == "choose"
    assert k.item("currentMark").parentItem().property("modelData") == "Salle I · Room I"
    assert k.text("cancelLabel") == "✕  Annuler · Cancel"


def test_escape_leaves_the_setup_without_change(kiosk, device):
    configure(device, "room: salle-i\n")
    k = kiosk()
    door = k.screen
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    with k.switching():
        k.press(Qt.Key.Key_Down, Qt.Key.Key_Escape)
    assert k.screen is door
    assert k.room_name() == "Salle I"
    assert device.read_text(encoding="utf-8") == "room: salle-i\n"
    assert k.kiosk.ticker.screen is door


def test_the_cancel_button_leaves_the_setup(kiosk, device):
    configure(device, "room: salle-i\n")
    k = kiosk()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    with k.switching():
        k.click(k.item("cancel"))
    assert k.room_name() == "Salle I"


def test_a_new_programme_while_the_setup_is_open_reaches_the_list_and_the_room(kiosk, device, tmp_path):
    configure(device, "room: salle-i\n")
    k = kiosk()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    programme = tmp_path / "programme.yaml"
    programme.write_text(
        programme.read_text(encoding="utf-8").replace(
            '{fr: "Salle I", en: "Room I",', '{fr: "Salle Un", en: "Room One",'
        ),
        encoding="utf-8",
    )
    with k.qtbot.waitSignal(k.live.replaced, timeout=5000):
        k.live.read_in_background()
    assert k.choice("Salle Un · Room One").property("index") == 0
    with k.switching():
        k.press(Qt.Key.Key_Escape)
    assert k.room_name() == "Salle Un"


def test_a_setup_left_open_goes_back_to_the_room(kiosk, device, monkeypatch, qtbot):
    monkeypatch.setattr(ScreenSwitcher, "IDLE_MS", 0)
    configure(device, "room: salle-i\n")
    k = kiosk()
    k.press(Qt.Key.Key_S, modifier=CHORD)
    qtbot.waitUntil(lambda: isinstance(k.screen, DoorScreen))
    assert k.room_name() == "Salle I"


def test_the_pin_is_asked_before_the_setup_opens(kiosk, device, monkeypatch):
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    assert k.screen.bridge.stage == "pin"
    assert k.text("pinPrompt") == "Code PIN du technicien · Technician’s PIN"
    assert (
        k.text("pinHint")
        == "Tapez ou touchez le code, puis Entrée ou ✓ · Type or tap the code, then Enter or ✓"
    )
    assert not k.items("choices")[0].isVisible()
    # The arrows and Enter choose nothing behind the PIN.
    k.press(Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "pin"
    k.type("1357")
    assert len([d for d in k.items("pinDot") if d.isVisible()]) == 4
    k.press(Qt.Key.Key_Return)
    assert k.text("pinMessage") == "⚠ Code incorrect, réessayez · ⚠ Wrong PIN, try again"
    assert k.screen.bridge.stage == "pin"
    assert not [d for d in k.items("pinDot") if d.isVisible()]
    k.type("24689")
    k.press(Qt.Key.Key_Backspace, Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "choose"
    assert device.read_text(encoding="utf-8") == "room: salle-i\n"
    with k.switching():
        k.press(Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert k.room_name() == "Salle VII"


def test_a_pin_kept_as_its_hash_opens_the_setup(kiosk, device, tmp_path):
    """Issue 13.8: the venue's file holds the PIN's salted hash, never its digits."""
    from kiosk.config.pin import hash_pin

    venue = tmp_path / "etc" / "kiosk" / "kiosk.yaml"
    venue.parent.mkdir(parents=True)
    venue.write_text(f'setup_pin: "{hash_pin("2468")}"\n', encoding="utf-8")
    configure(device, "room: salle-i\n")
    k = kiosk()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    assert k.screen.bridge.stage == "pin"
    k.type("2469")
    k.press(Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "pin"
    k.type("2468")
    k.press(Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "choose"


class Monotonic:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_wrong_pins_make_the_next_try_wait_longer_and_longer(kiosk, device, monkeypatch, caplog, tmp_path):
    """Issue 13.8: three wrong PINs, then a wait shown on screen that doubles; reopening resets nothing."""
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk()
    k.switcher.gate.monotonic = clock = Monotonic()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    with caplog.at_level(logging.INFO, logger="kiosk"):
        for wrong in ("1111", "2222", "3333"):
            k.type(wrong)
            k.press(Qt.Key.Key_Return)
    assert k.text("pinMessage") == (
        "⚠ Trop d’essais\u202f: réessayez dans 5\u00a0s · ⚠ Too many tries: try again in 5\u00a0s"
    )
    assert "PIN for the setup: wrong (3 in a row); the next try in 5 s" in caplog.text
    # Kept in the device's state folder, for its user alone: a reboot does not reset the count.
    store = k.switcher.gate.store
    assert store == throttle_file() and store.is_relative_to(tmp_path)
    assert json.loads(store.read_text())["failures"] == 3 and store.stat().st_mode & 0o777 == 0o600
    # The right PIN is not even taken while the wait lasts, and the seconds count down.
    k.type("2468")
    k.press(Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "pin" and k.screen.bridge.pinDigits == 0
    clock.now += 3
    k.screen.countdown.timeout.emit()
    assert "réessayez dans 2\u00a0s" in k.text("pinMessage")
    # Closing the setup and opening it again does not start the count again.
    with k.switching():
        k.press(Qt.Key.Key_Escape)
    clock.now += 2
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    assert k.screen.bridge.pinMessage == ""
    k.type("4444")
    k.press(Qt.Key.Key_Return)
    assert "réessayez dans 10\u00a0s" in k.text("pinMessage")
    clock.now += 10
    k.screen.countdown.timeout.emit()
    assert k.screen.bridge.pinMessage == ""
    with caplog.at_level(logging.INFO, logger="kiosk"):
        k.type("2468")
        k.press(Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "choose"
    assert "PIN for the setup: right, unlocked after 4 wrong" in caplog.text


def test_the_exit_chord_asks_for_the_pin_when_one_is_set(kiosk, device, monkeypatch, qtbot):
    """Issue 13.8: on a device with a PIN, the exit chord quits only after it."""
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk()
    door = k.screen
    with qtbot.assertNotEmitted(k.lockdown.exit_requested, wait=0), k.switching():
        k.press(Qt.Key.Key_Q, modifier=CHORD)
    assert isinstance(k.screen, SetupScreen) and k.screen.to_quit
    assert k.text("pinPrompt") == "Code PIN pour quitter · PIN to quit"
    assert k.text("title") == "Quitter l’affichage · Quit the screen"
    k.type("1357")
    k.press(Qt.Key.Key_Return)
    assert k.text("pinMessage") == "⚠ Code incorrect, réessayez · ⚠ Wrong PIN, try again"
    with k.switching():
        k.press(Qt.Key.Key_Escape)  # changed their mind: back to the room
    assert k.screen is door and k.room_name() == "Salle I"
    with k.switching():
        k.press(Qt.Key.Key_Q, modifier=CHORD)
    k.type("2468")
    with qtbot.waitSignal(k.lockdown.exit_requested, timeout=5000):
        k.press(Qt.Key.Key_Return)


def test_the_exit_chord_over_the_setup_goes_back_to_the_setup(kiosk, device, monkeypatch):
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    setup = k.screen
    with k.switching():
        k.press(Qt.Key.Key_Q, modifier=CHORD)
    assert k.screen is not setup and k.screen.to_quit
    with k.switching():
        k.press(Qt.Key.Key_Escape)
    assert k.screen is setup and k.text("pinPrompt") == "Code PIN du technicien · Technician’s PIN"
    k.type("2468")  # the setup has the keys again
    k.press(Qt.Key.Key_Return)
    assert k.screen.bridge.stage == "choose"


def test_the_pin_on_the_on_screen_keypad(kiosk, device, monkeypatch):
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk(size=(1080, 1920))
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    for key in ("digit2", "digit4", "digit6", "digit9", "erase", "digit8", "enter"):
        k.tap(k.item(key))
    assert k.screen.bridge.stage == "choose"
    with k.switching():
        k.tap(k.choice("Salle VIII · Room VIII"))
    assert k.room_name() == "Salle VIII"


def test_escape_at_the_pin_goes_back_to_the_room(kiosk, device, monkeypatch):
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    configure(device, "room: salle-i\n")
    k = kiosk()
    with k.switching():
        k.press(Qt.Key.Key_S, modifier=CHORD)
    k.type("24")
    with k.switching():
        k.press(Qt.Key.Key_Escape)
    assert k.room_name() == "Salle I"


def test_a_first_start_with_a_pin_asks_it_too(kiosk, monkeypatch):
    # Whoever finds an unconfigured screen in a hall must not be able to give it a room.
    monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    k = kiosk()
    assert k.screen.bridge.stage == "pin"


def test_setup_keys_reach_the_setup_even_in_a_window(kiosk, device):
    k = kiosk(windowed=True)
    with k.switching():
        k.press(Qt.Key.Key_Down, Qt.Key.Key_Enter)
    assert k.room_name() == "Salle VII"


# -- how it looks --------------------------------------------------------------------------------
def texts(k: Kiosk) -> list[QQuickItem]:
    return [i for i in k.every_item() if i.metaObject().indexOfProperty("textFormat") >= 0]


def plain_text(item: QQuickItem) -> bool:
    # Read in QML: PySide has no converter for the QQuickText::TextFormat enum.
    expression = QQmlExpression(QQmlEngine.contextForObject(item), item, "textFormat === Text.PlainText")
    return expression.evaluate()[0]


def scene_box(item: QQuickItem):
    top_left = item.mapToScene(QPointF(0, 0))
    bottom_right = item.mapToScene(QPointF(item.width(), item.height()))
    return (
        min(top_left.x(), bottom_right.x()),
        min(top_left.y(), bottom_right.y()),
        max(top_left.x(), bottom_right.x()),
        max(top_left.y(), bottom_right.y()),
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", ["choose", "pin"])
def test_every_text_fits_on_the_screen_large_enough_and_plain(kiosk, device, monkeypatch, size, stage):
    monkeypatch.setenv("KIOSK_ROOM", "salle-i")  # also shows the note about the layer above
    if stage == "pin":
        monkeypatch.setenv("KIOSK_SETUP_PIN", "2468")
    k = kiosk(size=size)
    with k.switching():
        k.lockdown.setup_requested.emit()
    if stage == "pin":
        k.type("11")
        k.press(Qt.Key.Key_Return)
    shown = [i for i in texts(k) if i.isVisible() and i.property("text")]
    assert len(shown) >= 5
    for item in shown:
        name = item.objectName() or item.property("text")[:20]
        left, top, right, bottom = scene_box(item)
        assert left >= -1 and top >= -1 and right <= size[0] + 1 and bottom <= size[1] + 1, f"{name} leaves"
        assert plain_text(item), f"{name} is not plain text"
        assert not item.property("truncated"), f"{name} is cut short"
        assert item.property("contentWidth") <= item.width() + 1, f"{name} is wider than its box"
        assert item.property("font").pixelSize() >= round(0.02 * size[1]), f"{name} is too small"


# -- `kiosk run`, whole ----------------------------------------------------------------------------
# In a process of its own: `kiosk run` makes a QGuiApplication, whose quit asks every window to close
# (a locked window refuses), where the tests' QApplication quits regardless.
TECHNICIAN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickView
from PySide6.QtTest import QTest
from kiosk import folders
from kiosk.cli import build_parser
from kiosk.qt.app import _application, run

folders.ETC_DIR = Path(sys.argv[1])
M = Qt.KeyboardModifier
CHORD = M.ControlModifier | M.AltModifier | M.ShiftModifier
app = _application()
seen = {}

def until(condition):
    for _ in range(1000):
        if condition():
            return True
        QCoreApplication.processEvents()
    return False

def technician():
    view = next(w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickView))
    seen["first"] = view.source().fileName()
    seen["full screen"] = view.visibility() == QQuickView.Visibility.FullScreen
    seen["pointer in setup"] = view.cursor().shape().name
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    seen["then"] = until(lambda: view.source().fileName() == "Door.qml") and "Door.qml"
    seen["pointer on the door"] = view.cursor().shape().name
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    seen["closed"] = view.close()
    app.quit()
    seen["still up after a plain quit"] = view.isVisible()
    QTest.keyClick(view, Qt.Key.Key_Q, CHORD)

QTimer.singleShot(0, technician)
QTimer.singleShot(20_000, lambda: app.exit(99))  # a broken exit chord fails the test rather than hangs it
args = build_parser().parse_args(["run", "--programme", sys.argv[2]])
code = run(args)
print(json.dumps(seen))
sys.exit(code)
"""


def test_kiosk_run_first_start_setup_then_only_the_exit_chord_quits(device, tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", TECHNICIAN, str(tmp_path / "etc"), str(tmp_path / "programme.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {
        "first": "Setup.qml",
        "full screen": True,
        "pointer in setup": "ArrowCursor",  # mouse users see their pointer
        "then": "Door.qml",
        "pointer on the door": "BlankCursor",
        "closed": False,
        "still up after a plain quit": True,
    }
    assert saved(device) == {"room": "salle-vii", "view": "door"}
    assert "the exit chord: quitting" in done.stderr


def test_kiosk_render_setup_draws_the_setup(tmp_path, qapp):
    from kiosk.cli import main

    out = tmp_path / "setup.png"
    assert main(["render", "--setup", "--size", "1280x720", "-o", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
