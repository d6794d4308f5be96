"""Bad configuration, in a file or the environment: one located line each, the key falls back, nothing
raises."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULTS, KEYS, show

REPO = Path(__file__).resolve().parents[3]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


# -- bad configuration: one line each, the key falls back, nothing raises --------------------------
def test_a_syntax_error_keeps_the_keys_before_it(device):
    device.write(device.system_file, "rotation: 90\n")
    device.write(device.user_file, "room: salle-i\nview: overview\n  rotation: 180\n")
    config = device.load()
    message = only(config.problems)
    assert message.startswith(f"{device.user_file}:3:") and "not valid YAML" in message
    assert message.endswith("line 3 and after are ignored")
    assert (config.room, config.view, config.rotation) == ("salle-i", "overview", 90)


def test_a_syntax_error_on_the_first_line_ignores_the_file(device):
    device.write(device.user_file, "room: [salle-i\nview: overview\n")
    config = device.load()
    assert "not valid YAML" in only(config.problems) and config.problems[0].endswith("the file is ignored")
    assert dict(config.values) == dict(DEFAULTS)


def test_a_tab_is_explained(device):
    device.write(device.user_file, "room: salle-i\n\tview: door\n")
    assert "indent with spaces, not tabs" in only(device.load().problems)


def test_an_unknown_key_suggests_the_closest(device):
    device.write(device.user_file, "view: door\nrom: salle-i\n")
    config = device.load()
    assert only(config.problems) == f"{device.user_file}:2:1: unknown key 'rom'; did you mean 'room'?"
    assert config.view == "door"


def test_an_unknown_key_with_nothing_close_lists_the_keys(device):
    device.write(device.user_file, "brightness: 80\n")
    assert "known keys: view, room, sign, languages" in only(device.load().problems)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("rotation: 45", "rotation: '45' is not one of top, left, right, bottom (where the panel's top"),
        ("view: overveiw", "view: 'overveiw' is not one of door, overview; did you mean 'overview'?"),
        (
            "language_period: ten",
            "language_period: expected a number of seconds, at least 3, so that each language can be read;"
            " found 'ten'",
        ),
        (
            "language_period: 0",
            "language_period: 0 is too small: expected a number of seconds, at least 3, so that each"
            " language can be read",
        ),
        (
            "language_period: .nan",
            "language_period: expected a number of seconds, at least 3, so that each language can be read;"
            " found '.nan'",
        ),
        (
            "programme_refresh: 1",
            "programme_refresh: 1 is too small: expected a number of seconds, at least 5",
        ),
        ("reduced_motion: maybe", "reduced_motion: 'maybe' is not true or false"),
        ("languages: {fr: 1}", "languages: expected a list of language codes, found a mapping"),
        ("languages: [fr, [en]]", "languages: expected language codes, found a list"),
        ("languages: [fr, fr]", "languages: 'fr' is given twice"),
        ("languages: french!", "languages: 'french!' is not a language code"),
        ("languages: []", "languages: expected at least one language code"),
        ("room: [salle-i]", "room: expected a name, found a list"),
        ("room: ''", "room: expected a name, found an empty text"),
        ("view:", "view: expected door | overview, found nothing"),
        ("screen: [0]", "screen: expected a screen's name or index, found a list"),
        (
            "programme: ftp://example.org/p.yaml",
            "programme: 'ftp://example.org/p.yaml': only http:// and https://",
        ),
        ("exit_chord: Q", "exit_chord: 'Q' needs Ctrl, Alt or Meta, so that nobody presses it by chance"),
        ("exit_chord: Ctrl+Alt+F2", "exit_chord: Ctrl+Alt+F2 is taken by the system"),
        ("exit_chord: Ctrl+Hyper+Q", "exit_chord: 'Hyper' in 'Ctrl+Hyper+Q' is not a modifier"),
        ("exit_chord: Ctrl+Alt", "exit_chord: 'Ctrl+Alt' has no key after its modifiers"),
        ("setup_chord: Ctrl+Alt+Shift+Sleep", "setup_chord: 'Sleep' in 'Ctrl+Alt+Shift+Sleep' is not a key"),
        ("setup_pin: 12", "setup_pin: expected a PIN's hash (kiosk config --set-pin writes one) or 4 to 12"),
        ("setup_pin: 12ab", "setup_pin: expected a PIN's hash"),
    ],
)
def test_a_wrong_type_is_located_and_the_key_falls_back(device, line, expected):
    key = line.split(":")[0]
    device.write(device.system_file, "")
    device.write(device.user_file, f"# the device\n{line}\n")
    config = device.load()
    message = only(config.problems)
    assert message.startswith(f"{device.user_file}:2:")
    assert expected in message
    assert message.endswith(f" — using {show(key, DEFAULTS[key])} (default)")
    assert (config[key], config.origins[key]) == (DEFAULTS[key], "default")


def test_a_wrong_value_falls_back_to_the_layer_below_not_to_the_default(device):
    device.write(device.system_file, "rotation: 90\n")
    device.environ["KIOSK_ROTATION"] = "sideways"
    config = device.load()
    assert (config.rotation, config.origins["rotation"]) == (90, f"{device.system_file}:1")
    assert only(config.problems).endswith(f"— using 90 ({device.system_file}:1)")


def test_a_tag_is_refused(device):
    device.write(device.user_file, "room: !!python/object/apply:os.system [echo]\nview: !!binary aGk=\n")
    config = device.load()
    assert [p.split(": ", 2)[1:] for p in config.problems] == [
        [
            "room",
            "the tag !!python/object/apply:os.system is not allowed: a configuration holds plain values only"
            " — using null (default)",
        ],
        [
            "view",
            "the tag !!binary is not allowed: a configuration holds plain values only — using door (default)",
        ],
    ]
    assert (config.room, config.view) == (None, "door")


def test_a_key_given_twice_keeps_the_first(device):
    device.write(device.user_file, "room: salle-i\nroom: salle-vii\n")
    config = device.load()
    assert config.room == "salle-i"
    assert only(config.problems).startswith(
        f"{device.user_file}:2:1: 'room' is given twice (first at line 1)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- room: salle-i\n", ":1:1: expected a mapping of keys (e.g. 'room: salle-i'), found a list"),
        ("salle-i\n", ":1:1: expected a mapping of keys (e.g. 'room: salle-i'), found the value 'salle-i'"),
        (
            "!!set {room: salle-i}\n",
            ":1:1: expected a mapping of keys (e.g. 'room: salle-i'), found the tag !!set",
        ),
        ("[a]: salle-i\n", ":1:1: a key must be a plain word"),
    ],
)
def test_a_file_that_is_not_a_mapping_of_keys(device, text, expected):
    device.write(device.user_file, text)
    config = device.load()
    assert expected in only(config.problems)
    assert config.room is None


def test_a_second_document_is_ignored(device):
    device.write(device.user_file, "room: a\n---\nroom: b\n")
    config = device.load()
    assert only(config.problems) == (
        f"{device.user_file}:2:1: more than one YAML document ('---'): a configuration is a single"
        " document; line 2 and after are ignored"
    )
    assert config.room == "a"


def test_an_empty_or_comment_only_file_is_fine(device):
    device.write(device.system_file, "")
    device.write(device.user_file, "# nothing yet\n")
    assert device.load().problems == []


def test_a_file_that_is_not_utf8_is_located(device):
    device.write(device.user_file, b"room: salle-i\nview: ov\xe9rview\n")
    config = device.load()
    assert only(config.problems) == (
        f"{device.user_file}:2:9: not UTF-8 text (byte 0xe9): save the file as UTF-8; the file is ignored"
    )
    assert config.room is None


def test_a_binary_file(device):
    device.write(device.user_file, b"room\x00\x01")
    assert "not a text file" in only(device.load().problems)


def test_an_unreadable_configuration_file(device, tmp_path):
    # Tests run as root, for whom chmod 000 does not stop a read: a directory cannot be read as a file.
    folder = tmp_path / "a-folder.yaml"
    folder.mkdir()
    config = device.load(config_file=folder)
    assert (
        only(config.problems)
        == f"{folder}: cannot read the file: it is a folder, not a file; the configuration is ignored"
    )
    assert dict(config.values) == dict(DEFAULTS)


def test_a_missing_system_or_user_file_is_normal_but_a_missing_given_file_is_not(device, tmp_path):
    assert device.load().problems == []
    missing = tmp_path / "nope.yaml"
    device.environ["KIOSK_CONFIG"] = str(missing)
    assert only(device.load().problems) == f"{missing}: cannot read the configuration: no such file"


def test_a_huge_file_is_not_read(device):
    device.write(device.user_file, "# " + "x" * (5 * 1024 * 1024) + "\n")
    assert "larger than 5 MB" in only(device.load().problems)


# -- 13.14 and 13.18: the programme's limits, from the one reader -------------------------------------
def finishes(call, seconds: float = 10.0):
    """``call()``'s result, failing (not hanging) when it does not return in time."""
    outcome: dict = {}
    thread = threading.Thread(target=lambda: outcome.update(value=call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still reading after {seconds} s"
    return outcome["value"]


def test_a_fifo_given_as_the_configuration_is_refused_at_once(device, tmp_path):
    fifo = tmp_path / "kiosk.yaml"
    os.mkfifo(fifo)
    config = finishes(lambda: device.load(config_file=fifo))
    assert only(config.problems) == (
        f"{fifo}: cannot read the file: it is a named pipe (FIFO), not a file; the configuration is ignored"
    )


def test_dev_zero_as_the_users_configuration_is_refused_without_reading_it(device):
    device.user_file.parent.mkdir(parents=True)
    device.user_file.symlink_to("/dev/zero")
    config = finishes(device.load)
    assert only(config.problems) == (
        f"{device.user_file}: cannot read the file: it is a device, not a file; the configuration is ignored"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_configuration_is_named_as_such(device, encoding):
    device.write(device.user_file, "room: salle-i\n".encode(encoding))
    assert only(device.load().problems) == (
        f"{device.user_file}: this file is UTF-16 text: a configuration is UTF-8 YAML; save it as UTF-8; "
        "the file is ignored"
    )


def test_a_misspelt_variable_is_pointed_out(device):
    device.environ.update({"KIOSK_ROOMS": "salle-i", "KIOSK_UNRELATED_TOOL": "x"})
    assert only(device.load().problems) == "env KIOSK_ROOMS: unknown variable; did you mean KIOSK_ROOM?"


def test_the_exit_and_setup_chords_must_differ(device):
    device.environ["KIOSK_SETUP_CHORD"] = "ctrl+alt+shift+q"
    config = device.load()
    assert (config.exit_chord, config.setup_chord) == ("Ctrl+Alt+Shift+Q", "Ctrl+Alt+Shift+S")
    assert only(config.problems) == (
        "env KIOSK_SETUP_CHORD: setup_chord: Ctrl+Alt+Shift+Q is also the exit chord"
        " — using Ctrl+Alt+Shift+S (default)"
    )
    device.environ = {"HOME": str(device.home), "KIOSK_EXIT_CHORD": "Ctrl+Alt+Shift+S"}
    config = device.load()
    assert (config.exit_chord, config.setup_chord) == ("Ctrl+Alt+Shift+Q", "Ctrl+Alt+Shift+S")
    assert only(config.problems) == (
        "env KIOSK_EXIT_CHORD: exit_chord: Ctrl+Alt+Shift+S is also the setup chord"
        " — using Ctrl+Alt+Shift+Q (default)"
    )
    device.environ.update(KIOSK_SETUP_CHORD="Ctrl+Alt+Shift+S")
    config = device.load()
    assert (config.exit_chord, config.setup_chord) == ("Ctrl+Alt+Shift+Q", "Ctrl+Alt+Shift+S")
    assert len(config.problems) == 2


def test_checking_against_a_programme_twice_reports_each_problem_once(device, programme):
    device.environ["KIOSK_ROOM"] = "nowhere"
    config = device.load(programme=programme)
    assert len(config.with_programme(programme).with_programme(programme).problems) == 1


def test_an_unknown_flag_key_is_a_problem_not_an_exception(device):
    assert "unknown key 'rooom'" in only(device.load(flags={"rooom": ("x", "--rooom")}).problems)


_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["null", "~", "[]", "{}", "- a", "!!str 1", "&a x", "*a", "'", '"', "|\n  x", "0x1F"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.tuples(st.sampled_from([k.name for k in KEYS] + ["rom", "- x", "? "]), _values), max_size=6
    ),
    env=st.dictionaries(st.sampled_from([k.env for k in KEYS]), st.text(max_size=12), max_size=4),
    junk=st.text(max_size=40),
)
def test_no_configuration_makes_loading_raise_and_every_value_is_valid(device, programme, lines, env, junk):
    device.write(device.user_file, "".join(f"{k}: {v}\n" for k, v in lines) + junk)
    device.environ = {"HOME": str(device.home), **{k: v for k, v in env.items() if "\x00" not in v}}
    config = device.load(programme=programme)
    for key in KEYS:
        value = config[key.name]
        assert key.read(value) == value
        assert config.origins[key.name]
    assert all("\n" not in p for p in config.problems)


def test_an_alias_bomb_is_refused_quickly_and_the_rest_of_the_layers_stand(device):
    """Issue 13.17: a 450-byte file of nested aliases took 41 s and 2.3 GB before."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    device.write(device.system_file, "rotation: 90\n")
    device.write(device.user_file, "\n".join(lines) + "\nlanguages: *a8\n")
    config = device.load()
    refused = [p for p in config.problems if "refusing to read it" in p]
    assert refused[0].startswith(f"{device.user_file}:6:")
    assert (config.rotation, config.languages) == (90, None)
