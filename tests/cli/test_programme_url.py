"""`kiosk state`, `rooms`, `render` and `validate` on a device whose programme is a web address: fetched
into the cache its screen uses (`validate`: never), that copy when the server is gone, and an error naming
the address when there is neither (they read the address as a file name before)."""

import json
from pathlib import Path

from ..web_server import Server
from .test_rooms_state_validate import ROOT
from .test_rooms_state_validate import kiosk as run_kiosk


def kiosk(tmp_path: Path, *command: str):
    """The command on a device of its own: its cache, state and configuration folders in tmp_path."""
    folders = {f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CACHE", "STATE", "CONFIG")}
    return run_kiosk(*command, env=folders)


def test_state_rooms_and_render_fetch_a_programme_given_by_its_address(tmp_path: Path) -> None:
    server = Server()  # the bundled programme
    server.start()
    at = ["--at", "2023-03-28T14:40"]
    try:
        state = kiosk(tmp_path, "state", "--programme", server.url, "--room", "salle-ix", *at)
        assert state.returncode == 0, state.stderr
        assert json.loads(state.stdout)["status"] == "ongoing"
        rooms = kiosk(tmp_path, "rooms", "--programme", server.url)
        assert rooms.returncode == 0 and rooms.stdout.startswith("salle-i\t"), rooms.stderr
        png = tmp_path / "door.png"
        shown = kiosk(
            tmp_path, "render", "--programme", server.url, "--room", "salle-ix", *at, "-o", str(png)
        )
        assert shown.returncode == 0 and png.stat().st_size > 10_000, shown.stderr
        assert server.requests == 3  # each asked the server (the two after the first: not modified)
    finally:
        server.stop()
    # The server gone: the copy fetched before, as the screen shows it.
    again = kiosk(tmp_path, "state", "--programme", server.url, "--room", "salle-ix", *at)
    assert again.returncode == 0 and json.loads(again.stdout) == json.loads(state.stdout), again.stderr
    never = kiosk(tmp_path, "state", "--programme", server.url.replace("programme.yaml", "other.yaml"))
    assert never.returncode != 0 and "other.yaml: cannot reach the server" in never.stderr
    assert "Traceback" not in never.stderr


def test_validate_checks_what_an_address_serves_and_keeps_nothing_of_a_broken_one(tmp_path: Path) -> None:
    broken = (ROOT / "programme.yaml").read_bytes().replace(b'start: "10:05"', b'start: "25:99"', 1)
    assert broken != (ROOT / "programme.yaml").read_bytes()
    server = Server(broken)
    server.start()
    try:
        checked = kiosk(tmp_path, "validate", server.url)
        assert checked.returncode == 1, checked.stderr
        assert f"{server.url}:" in checked.stderr and "the programme cannot be used" in checked.stderr
        assert not (tmp_path / "cache").exists()  # a screen's cache holds only programmes it can show
        server.body = (ROOT / "programme.yaml").read_bytes()
        fixed = kiosk(tmp_path, "validate", "--programme", server.url)
        assert fixed.returncode == 0 and fixed.stdout.startswith(f"{server.url}: valid"), fixed.stderr
    finally:
        server.stop()
    gone = kiosk(tmp_path, "validate", server.url)
    assert (
        gone.returncode != 0 and "cannot reach the server" in gone.stderr and "Traceback" not in gone.stderr
    )
