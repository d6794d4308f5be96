"""Saving a setting into the user's configuration file: atomic, and kind to what is already there."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import LAYERS, load_config, save_user_setting


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())


def test_a_first_save_creates_the_folder_and_the_file(device, tmp_path, programme):
    assert save_user_setting("room", "Room VII", device.environ, programme=programme) == device.user_file
    text = device.user_file.read_text()
    assert text.startswith("# kiosk device configuration")
    assert text.endswith("\nroom: salle-vii\n")
    config = device.load()
    assert (config.room, config.origins["room"], config.problems) == (
        "salle-vii",
        f"{device.user_file}:2",
        [],
    )
    assert stat.S_IMODE(device.user_file.stat().st_mode) == 0o644


def test_only_the_keys_line_changes(device, tmp_path):
    before = (
        "# Room VII, second floor — ask Claire before changing\n"
        "view: door\n"
        "room: salle-i   # the door by the lifts\n"
        "\n"
        "languages:\n"
        "  - en\n"
        "  - fr   # English first: an English-speaking session\n"
        "\n"
        "# the end\n"
        "rotation: 90\n"
    )
    write(device.user_file, before)
    save_user_setting("room", "salle-vii", device.environ)
    save_user_setting("languages", ["fr"], device.environ)
    assert device.user_file.read_text() == before.replace("room: salle-i", "room: salle-vii").replace(
        "languages:\n  - en\n  - fr", "languages: [fr]"
    )
    config = device.load()
    assert (config.room, config.languages, config.rotation, config.problems) == ("salle-vii", ("fr",), 90, [])


def test_a_missing_key_is_added_at_the_end(device):
    write(device.user_file, "# mine\nview: door")
    save_user_setting("reduced_motion", True, device.environ)
    assert device.user_file.read_text() == "# mine\nview: door\nreduced_motion: true\n"


def test_an_empty_value_and_a_comment_only_file(device):
    write(device.user_file, "# placeholder\n")
    save_user_setting("screen", "HDMI-A-1", device.environ)
    assert device.user_file.read_text() == "# placeholder\nscreen: HDMI-A-1\n"
    write(device.user_file, "room:   # to be chosen on screen\nview: door\n")
    save_user_setting("room", "salle-ix", device.environ)
    assert device.user_file.read_text() == "room: salle-ix   # to be chosen on screen\nview: door\n"


def test_a_block_scalar_is_replaced_without_the_blank_lines_after_it(device):
    write(device.user_file, "room: >\n  salle-i\n\n# next\nview: door\n")
    save_user_setting("room", "salle-vii", device.environ)
    assert device.user_file.read_text() == "room: salle-vii\n\n# next\nview: door\n"


def test_windows_line_ends_are_kept(device):
    write(device.user_file, b"view: door\r\nroom: salle-i\r\n")
    save_user_setting("rotation", 270, device.environ)
    save_user_setting("room", "salle-vii", device.environ)
    assert device.user_file.read_bytes() == b"view: door\r\nroom: salle-vii\r\nrotation: 270\r\n"


def test_a_flow_mapping_is_rewritten_with_its_other_keys(device, tmp_path):
    write(device.user_file, "{view: overview, room: salle-i, rotation: 90}  # one line\n")
    save_user_setting("room", "salle-vii", device.environ)
    text = device.user_file.read_text()
    assert "comments of the previous file were not kept" in text.splitlines()[0]
    config = device.load()
    assert (config.view, config.room, config.rotation, config.problems) == ("overview", "salle-vii", 90, [])


def test_a_flow_mapping_that_cannot_be_rewritten_line_by_line_is_kept_aside(device, tmp_path):
    write(device.user_file, "{languages: [fr,\n  en], room: salle-i}\n")
    save_user_setting("room", "salle-vii", device.environ)
    assert (
        device.user_file.with_name("kiosk.yaml.broken").read_text()
        == "{languages: [fr,\n  en], room: salle-i}\n"
    )
    assert device.load().room == "salle-vii"


def test_a_broken_file_is_kept_aside_and_replaced(device, tmp_path):
    write(device.user_file, "room: [salle-i\n")
    save_user_setting("room", "salle-vii", device.environ)
    assert device.user_file.with_name("kiosk.yaml.broken").read_text() == "room: [salle-i\n"
    assert "kept as kiosk.yaml.broken" in device.user_file.read_text()
    config = device.load()
    assert (config.room, config.problems) == ("salle-vii", [])


def test_a_relative_programme_is_saved_as_an_absolute_path(device, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    save_user_setting("programme", "event/programme.yaml", device.environ)
    assert device.load().programme == str(tmp_path / "event" / "programme.yaml")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("rotation", 45, "is not one of top, left, right, bottom"),
        ("rom", "salle-i", "unknown key 'rom'; did you mean 'room'?"),
        ("room", "salle 42", "unknown room 'salle 42'"),
        ("view", None, "expected door | overview, found nothing"),
    ],
)
def test_a_bad_value_is_refused_and_the_file_left_alone(device, programme, key, value, message):
    write(device.user_file, "room: salle-i\n")
    with pytest.raises(ValueError, match=message):
        save_user_setting(key, value, device.environ, programme=programme)
    assert device.user_file.read_text() == "room: salle-i\n"


def test_an_interrupted_write_leaves_the_old_file_whole(device, monkeypatch):
    write(device.user_file, "# keep me\nroom: salle-i\n")
    device.user_file.chmod(0o640)

    def power_cut(src, dst):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", power_cut)
        with pytest.raises(OSError, match="Input/output error"):
            save_user_setting("room", "salle-vii", device.environ)
    assert device.user_file.read_text() == "# keep me\nroom: salle-i\n"
    # no temporary file left
    assert sorted(p.name for p in device.user_file.parent.iterdir()) == ["kiosk.yaml"]
    save_user_setting("room", "salle-vii", device.environ)
    assert device.user_file.read_text() == "# keep me\nroom: salle-vii\n"
    assert stat.S_IMODE(device.user_file.stat().st_mode) == 0o640


def test_the_new_file_is_on_disk_before_it_replaces_the_old(device, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: events.append("replace") or real_replace(a, b))
    save_user_setting("room", "salle-i", device.environ)
    assert events[:2] == ["fsync", "replace"]


def test_a_symlinked_configuration_is_written_through(device, tmp_path):
    target = tmp_path / "managed" / "kiosk.yaml"
    write(target, "view: door\n")
    device.user_file.parent.mkdir(parents=True)
    device.user_file.symlink_to(target)
    save_user_setting("room", "salle-i", device.environ)
    assert device.user_file.is_symlink()
    assert target.read_text() == "view: door\nroom: salle-i\n"


def test_the_saved_file_is_the_layer_the_setup_screen_reads(device, tmp_path):
    save_user_setting("room", "salle-i", device.environ)
    config = load_config({**device.environ, "KIOSK_ROOM": "salle-vii"}, etc_dir=device.etc)
    # A higher layer still wins: the setup screen can tell the technician which one.
    assert (config.room, config.layer("room")) == ("salle-vii", "env")
    assert LAYERS.index("user") < LAYERS.index("env")


_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["null", "~", "[]", "{}", "- a", "&a x", "*a", "'", "|\n  x", "[fr,\n en]", "{a: b}"]),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.tuples(st.sampled_from(["room", "view", "languages", "rom", "  room", "- x"]), _values)
    ),
    junk=st.text(max_size=40),
    key=st.sampled_from(["room", "rotation", "languages", "screen"]),
)
def test_whatever_the_file_held_the_saved_value_is_read_back(device, tmp_path, lines, junk, key):
    write(device.user_file, "".join(f"{k}: {v}\n" for k, v in lines) + junk)
    value = {"room": "salle-ix", "rotation": 180, "languages": ["en"], "screen": 1}[key]
    save_user_setting(key, value, device.environ)
    config = device.load()
    assert config[key] == (tuple(value) if isinstance(value, list) else value)
    assert config.layer(key) == "user"
