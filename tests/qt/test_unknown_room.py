"""A misspelt room on the command line (issue 13.2): an error on screen and in the journal, never
another room."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.qt.unknown_room import UnknownRoomScreen
from kiosk.qt.window import show_screen

from .scene import texts


def test_the_screen_says_the_room_is_unknown_and_lists_the_rooms(qtbot, programme, caplog):
    screen = UnknownRoomScreen(programme, "salle-9", ("fr", "en"))
    view = show_screen(screen, size=(1920, 1080))
    view.show()
    qtbot.waitExposed(view)
    shown = [t.property("text") for t in texts(view.rootObject()) if t.isVisible() and t.property("text")]
    rooms = "salle-i, salle-vii, salle-viii, salle-ix, restaurant, salle-i-foyer"
    assert "Salle inconnue\u202f: salle-9" in shown
    assert "Unknown room: salle-9" in shown
    assert f"The programme’s rooms: {rooms}" in shown
    assert any("--room" in t for t in shown)
    assert "the programme has no such room" in caplog.text
    view.close()
    view.deleteLater()


def test_kiosk_run_with_a_misspelt_room_never_shows_another(device):
    device.write(device.user_file, "room: salle-i\n")  # the room the setup chose earlier
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--room", "salle-9", "--windowed", "--quit-after", "0.5"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"},
    )
    assert result.returncode == 0, result.stderr
    assert (
        "kiosk: ERROR: --room 'salle-9': the programme has no such room; its rooms: salle-i, salle-vii,"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
