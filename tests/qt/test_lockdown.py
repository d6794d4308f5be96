"""Kiosk mode: nobody walking past leaves the screen; the exit chord quits, the setup chord sets up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickView
from PySide6.QtTest import QTest

from kiosk.qt.door import DoorScreen
from kiosk.qt.lockdown import Lockdown, chord, pick_output, pressed, show_kiosk

from .conftest import at

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
EXIT, SETUP = "Ctrl+Alt+Shift+Q", "Ctrl+Alt+Shift+S"
MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta}


class Keys:
    """Stands for the setup screen: the keys the lockdown hands it."""

    def __init__(self):
        self.seen: list[int] = []

    def __call__(self, event: QKeyEvent) -> None:
        if event.key() not in MODIFIER_KEYS:
            self.seen.append(event.key())


class Scene(QObject):
    """Counts the key presses that get past the lockdown (an event filter the lockdown runs before)."""

    def __init__(self, window):
        super().__init__()
        self.presses = 0
        window.installEventFilter(self)
        # Qt runs the filter installed last first: put the lockdown back in front.
        for lockdown in window.findChildren(Lockdown):
            window.removeEventFilter(lockdown)
            window.installEventFilter(lockdown)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.presses += 1
        return False


@pytest.fixture
def door(programme, show):
    screen = DoorScreen(programme, "salle-i")
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "10:30"))
    return show(screen)


def lock(view, locked=True) -> Lockdown:
    return Lockdown(view, EXIT, SETUP, locked=locked)


def test_a_close_request_is_ignored(door):
    lockdown = lock(door.view)
    assert door.view.close() is False
    assert door.view.isVisible()
    event = QCloseEvent()
    QGuiApplication.sendEvent(door.view, event)
    assert not event.isAccepted()
    assert door.view.isVisible()
    lockdown.locked = False  # the fixture closes the window


def test_a_window_for_development_may_be_closed(door):
    lock(door.view, locked=False)
    assert door.view.close() is True
    assert not door.view.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, ALT),
        (Qt.Key.Key_Q, CTRL),
        (Qt.Key.Key_W, CTRL),
        (Qt.Key.Key_Q, CTRL | ALT),  # one modifier short of the exit chord
        (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_escape_alt_f4_and_other_keys_are_swallowed(door, qtbot, key, modifiers):
    lockdown = lock(door.view)
    scene = Scene(door.view)
    with qtbot.assertNotEmitted(lockdown.exit_requested), qtbot.assertNotEmitted(lockdown.setup_requested):
        QTest.keyClick(door.view, key, modifiers)
    assert door.view.isVisible()
    assert door.text("roomName") == "Salle I"
    assert scene.presses == 0
    lockdown.locked = False


def test_keys_reach_the_scene_in_a_window_for_development(door):
    lock(door.view, locked=False)
    scene = Scene(door.view)
    QTest.keyClick(door.view, Qt.Key.Key_A)
    assert scene.presses == 1


def test_the_exit_chord_asks_to_quit(door, qtbot):
    lockdown = lock(door.view)
    with qtbot.waitSignal(lockdown.exit_requested, timeout=1000):
        QTest.keyClick(door.view, Qt.Key.Key_Q, CTRL | ALT | SHIFT)
    assert not lockdown.locked  # Qt asks the windows to close before quitting: this one now agrees


def test_the_exit_chord_ends_the_application_with_status_0(door, qapp):
    lockdown = lock(door.view)
    lockdown.exit_requested.connect(qapp.quit)
    QTimer.singleShot(0, lambda: QTest.keyClick(door.view, Qt.Key.Key_Q, CTRL | ALT | SHIFT))
    # A safety net: a broken exit chord fails the test rather than hanging it.
    net = QTimer()
    net.setSingleShot(True)
    net.timeout.connect(lambda: qapp.exit(99))
    net.start(10_000)
    code = qapp.exec()
    net.stop()
    assert code == 0


def test_the_setup_chord_asks_for_the_setup(door, qtbot):
    lockdown = lock(door.view)
    with qtbot.waitSignal(lockdown.setup_requested, timeout=1000):
        QTest.keyClick(door.view, Qt.Key.Key_S, CTRL | ALT | SHIFT)
    lockdown.locked = False


def test_while_the_setup_is_open_its_keys_go_to_it_and_the_chords_still_work(door, qtbot):
    lockdown = lock(door.view)
    keys = Keys()
    lockdown.open_setup(keys)
    QTest.keyClick(door.view, Qt.Key.Key_Down)
    QTest.keyClick(door.view, Qt.Key.Key_Escape)
    assert keys.seen == [Qt.Key.Key_Down, Qt.Key.Key_Escape]
    with qtbot.waitSignal(lockdown.exit_requested, timeout=1000):
        QTest.keyClick(door.view, Qt.Key.Key_Q, CTRL | ALT | SHIFT)
    assert keys.seen == [Qt.Key.Key_Down, Qt.Key.Key_Escape]
    lockdown.close_setup()
    QTest.keyClick(door.view, Qt.Key.Key_Down)
    assert len(keys.seen) == 2


def test_the_pointer_is_hidden_except_during_the_setup(door):
    lockdown = lock(door.view)
    assert door.view.cursor().shape() == Qt.CursorShape.BlankCursor
    lockdown.open_setup(Keys())
    assert door.view.cursor().shape() == Qt.CursorShape.ArrowCursor
    lockdown.close_setup()
    assert door.view.cursor().shape() == Qt.CursorShape.BlankCursor
    lockdown.locked = False


def test_the_pointer_stays_in_a_window_for_development(door):
    lock(door.view, locked=False)
    assert door.view.cursor().shape() == Qt.CursorShape.ArrowCursor


@pytest.mark.parametrize(
    ("text", "key", "modifiers"),
    [
        ("Ctrl+Alt+Shift+Q", Qt.Key.Key_Q, CTRL | ALT | SHIFT),
        ("Ctrl+Alt+F9", Qt.Key.Key_F9, CTRL | ALT),
        ("Ctrl+Alt+Shift+1", Qt.Key.Key_1, CTRL | ALT | SHIFT | Qt.KeyboardModifier.KeypadModifier),
        ("Meta+Alt+End", Qt.Key.Key_End, Qt.KeyboardModifier.MetaModifier | ALT),
    ],
)
def test_a_chord_as_the_configuration_writes_it_matches_its_keys(text, key, modifiers):
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert pressed(event) == chord(text)


def test_a_chord_does_not_match_other_keys():
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Q, CTRL | ALT)
    assert pressed(event) != chord("Ctrl+Alt+Shift+Q")


class Output:
    def __init__(self, name):
        self._name = name

    def name(self):
        return self._name


@pytest.mark.parametrize(
    ("wanted", "expected", "problem"),
    [
        (None, "HDMI-A-1", None),
        (1, "DP-2", None),
        ("dp-2", "DP-2", None),
        ("HDMI-A-1", "HDMI-A-1", None),
        (
            5,
            "HDMI-A-1",
            "screen 5: no such output (outputs 0: HDMI-A-1, 1: DP-2); using the primary, HDMI-A-1",
        ),
        (
            "VGA-1",
            "HDMI-A-1",
            "screen 'VGA-1': no such output (outputs 0: HDMI-A-1, 1: DP-2); using the primary, HDMI-A-1",
        ),
    ],
)
def test_the_output_by_name_or_index_else_the_primary_saying_why(wanted, expected, problem):
    outputs = [Output("HDMI-A-1"), Output("DP-2")]
    chosen, why = pick_output(wanted, outputs, outputs[0])
    assert chosen.name() == expected
    assert why == problem


def test_kiosk_mode_is_frameless_full_screen_on_the_output(door, qtbot):
    lockdown = lock(door.view)
    output = show_kiosk(door.view, 0)
    assert output is QGuiApplication.screens()[0]
    assert door.view.screen() is output
    assert door.view.flags() & Qt.WindowType.FramelessWindowHint
    qtbot.waitUntil(lambda: door.view.visibility() == QQuickView.Visibility.FullScreen)
    lockdown.locked = False


def test_an_unknown_output_falls_back_to_the_primary_with_a_warning(door, caplog):
    output = show_kiosk(door.view, "HDMI-9", windowed=True)
    assert output is QGuiApplication.primaryScreen()
    assert "screen 'HDMI-9': no such output" in caplog.text
    assert door.view.visibility() == QQuickView.Visibility.Windowed
    assert not door.view.flags() & Qt.WindowType.FramelessWindowHint


def test_a_full_screen_page_is_first_built_at_its_outputs_size(qapp):
    """Laid out once, at the size it is seen at: not at 1280×720 first, then again at the output's."""
    from kiosk.qt.app import _first_size

    output = QGuiApplication.screens()[0].geometry()
    assert (output.width(), output.height()) != (1280, 720)  # else this test could not tell
    assert _first_size(0, windowed=False) == (output.width(), output.height())
    assert _first_size("HDMI-9", windowed=False) == (output.width(), output.height())  # the primary
    assert _first_size(None, windowed=True) == (1280, 720)
