"""A misspelt room on the command line (issue 13.2): an error on screen and in the journal, never
another room."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.qt.unknown_room import UnknownRoomScreen
from kiosk.qt.window import show_screen

from .scene import texts
from .test_remote_live import Server
from .test_waiting import run_salle_ix, wait_for


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
    assert "Or: the room appears here as soon as the programme has it" in shown  # it is followed
    assert "Ou\u202f: la salle s’affiche ici dès que le programme la contient" in shown
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


def test_a_url_programme_without_the_room_says_so_then_shows_the_room_once_a_later_one_has_it(tmp_path):
    """Issue 13.2 for a programme from a URL: before, a first programme without the unit's room put the
    setup on the door (the room silently dropped) and a later programme that had it changed nothing."""
    server = Server()
    real = server.body
    server.body = real.replace(b"salle-ix", b"salle-x")  # the organiser's copy, the room renamed
    server.start()
    status_file = tmp_path / "status.json"
    process = run_salle_ix(tmp_path, server.url, status_file, KIOSK_PROGRAMME_REFRESH="5")  # the shortest
    try:
        unknown = wait_for(status_file, lambda s: s["view"] == "unknown_room", process)
        assert unknown["room"] == "salle-ix" and unknown["programme_ok"] is False
        assert unknown["programme_error"] == (
            "--room 'salle-ix': the programme has no such room; its rooms: salle-i, salle-vii, "
            "salle-viii, salle-x, restaurant, salle-i-foyer"
        )
        server.body = real  # the next download has the room
        door = wait_for(status_file, lambda s: s["view"] == "door", process)
        assert door["room"] == "salle-ix" and door["programme_ok"] is True
    finally:
        process.terminate()
        _, log = process.communicate(timeout=30)
        server.stop()
    assert "the programme has no such room" in log
    assert "Traceback" not in log and "setup" not in log
