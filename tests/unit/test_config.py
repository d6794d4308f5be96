"""Device configuration: declarations, layers and origins, every kind of bad configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kiosk.config
from kiosk.config import DEFAULTS, KEY, KEYS, LAYERS, Config, load_config, show, user_config_path
from kiosk.programme import load_programme

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_machine_config(monkeypatch, tmp_path):
    """Whatever a test forgets to pass, the machine's own /etc/kiosk is never read."""
    monkeypatch.setattr(kiosk.config, "ETC_DIR", tmp_path / "not-etc")


@pytest.fixture(scope="module")
def programme():
    return load_programme(REPO / "programme.yaml")


class Device:
    """A fake machine: its /etc/kiosk, its user's home and environment, all under tmp_path."""

    def __init__(self, root: Path):
        self.etc = root / "etc" / "kiosk"
        self.home = root / "home"
        self.environ: dict[str, str] = {"HOME": str(self.home)}
        self.system_file = self.etc / "kiosk.yaml"
        self.user_file = self.home / ".config" / "kiosk" / "kiosk.yaml"

    def write(self, path: Path, text: str | bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def load(self, **kwargs) -> Config:
        return load_config(self.environ, etc_dir=self.etc, **kwargs)


@pytest.fixture
def device(tmp_path: Path) -> Device:
    return Device(tmp_path)


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


# -- the declarations ------------------------------------------------------------------------------
def test_the_keys_of_issue_5_are_declared_once_each():
    names = [k.name for k in KEYS]
    assert names == list(dict.fromkeys(names))
    assert set(names) == {
        "view",
        "room",
        "languages",
        "language_period",
        "reduced_motion",
        "screen",
        "rotation",
        "programme",
        "programme_refresh",
        "exit_chord",
        "setup_chord",
        "setup_pin",
    }


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.name)
def test_each_declaration_has_a_description_and_a_default_its_own_type_accepts(key):
    assert key.doc and key.kind and "\n" not in key.doc
    assert key.read(key.default) == key.default
    assert key.env == "KIOSK_" + key.name.upper()


def test_defaults_with_nothing_configured(device):
    config = device.load()
    assert dict(config.values) == dict(DEFAULTS)
    assert set(config.origins.values()) == {"default"}
    assert config.problems == []
    assert config.view == "door" and config["language_period"] == 10 and config.room is None
    assert config.files == (device.system_file, device.user_file)


def test_attribute_access_is_only_for_keys(device):
    config = device.load()
    with pytest.raises(AttributeError):
        _ = config.rooom
    with pytest.raises(KeyError):
        _ = config["rooom"]


# -- layers and origins ----------------------------------------------------------------------------
def test_each_layer_overrides_the_one_below_and_names_itself(device, tmp_path):
    device.write(device.system_file, "# the venue's default\nview: overview\nroom: salle-i\nrotation: 90\n")
    config = device.load()
    assert (config.room, config.origins["room"]) == ("salle-i", f"{device.system_file}:3")
    assert (config.view, config.origins["view"]) == ("overview", f"{device.system_file}:2")
    assert config.layer("room") == "system"

    device.write(device.user_file, "room: salle-vii\n")
    config = device.load()
    assert (config.room, config.origins["room"]) == ("salle-vii", f"{device.user_file}:1")
    assert config.origins["rotation"] == f"{device.system_file}:4"  # untouched keys stay below

    explicit = device.write(tmp_path / "this-device.yaml", "\n\nroom: salle-viii\n")
    config = device.load(config_file=explicit)
    assert (config.room, config.origins["room"]) == ("salle-viii", f"{explicit}:3")
    assert config.layer("room") == "file"

    device.environ["KIOSK_ROOM"] = "salle-ix"
    config = device.load(config_file=explicit)
    assert (config.room, config.origins["room"], config.layer("room")) == (
        "salle-ix",
        "env KIOSK_ROOM",
        "env",
    )

    config = device.load(config_file=explicit, flags={"room": ("restaurant", "--room")})
    assert (config.room, config.origins["room"], config.layer("room")) == (
        "restaurant",
        "flag --room",
        "flag",
    )
    assert config.problems == []
    assert [config.layer(k) for k in ("room", "view", "language_period")] == ["flag", "system", "default"]
    assert set(LAYERS) >= set(config.layers.values())


def test_kiosk_config_names_the_file_when_no_config_flag_is_given(device, tmp_path):
    from_env = device.write(tmp_path / "env.yaml", "room: salle-i\n")
    from_flag = device.write(tmp_path / "flag.yaml", "room: salle-vii\n")
    device.environ["KIOSK_CONFIG"] = str(from_env)
    assert device.load().origins["room"] == f"{from_env}:1"
    assert device.load(config_file=from_flag).origins["room"] == f"{from_flag}:1"


def test_the_user_file_follows_xdg_config_home(device, tmp_path):
    assert user_config_path({"HOME": "/home/tech"}) == Path("/home/tech/.config/kiosk/kiosk.yaml")
    xdg = {"HOME": "/home/tech", "XDG_CONFIG_HOME": "/srv/conf"}
    assert user_config_path(xdg) == Path("/srv/conf/kiosk/kiosk.yaml")
    # The XDG spec says a relative XDG_CONFIG_HOME is invalid and to be ignored.
    assert user_config_path({"HOME": "/home/tech", "XDG_CONFIG_HOME": "conf"}) == Path(
        "/home/tech/.config/kiosk/kiosk.yaml"
    )
    assert user_config_path({}) is None
    device.environ["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    written = device.write(tmp_path / "xdg" / "kiosk" / "kiosk.yaml", "view: overview\n")
    assert device.load().origins["view"] == f"{written}:1"


@pytest.mark.parametrize(
    ("var", "text", "expected"),
    [
        ("KIOSK_VIEW", "Overview", "overview"),
        ("KIOSK_ROOM", " Salle I ", "Salle I"),
        ("KIOSK_LANGUAGES", "fr,en", ("fr", "en")),
        ("KIOSK_LANGUAGES", "en fr", ("en", "fr")),
        ("KIOSK_LANGUAGE_PERIOD", "7.5", 7.5),
        ("KIOSK_LANGUAGE_PERIOD", "12", 12),
        ("KIOSK_REDUCED_MOTION", "1", True),
        ("KIOSK_REDUCED_MOTION", "yes", True),
        ("KIOSK_REDUCED_MOTION", "TRUE", True),
        ("KIOSK_REDUCED_MOTION", "on", True),
        ("KIOSK_REDUCED_MOTION", "0", False),
        ("KIOSK_REDUCED_MOTION", "no", False),
        ("KIOSK_SCREEN", "1", 1),
        ("KIOSK_SCREEN", "HDMI-A-1", "HDMI-A-1"),
        ("KIOSK_ROTATION", "270", 270),
        ("KIOSK_PROGRAMME", "/srv/programme.yaml", "/srv/programme.yaml"),
        ("KIOSK_PROGRAMME", "https://example.org/p.yaml", "https://example.org/p.yaml"),
        ("KIOSK_PROGRAMME_REFRESH", "300", 300),
        ("KIOSK_EXIT_CHORD", "shift+ctrl+alt+x", "Ctrl+Alt+Shift+X"),
        ("KIOSK_SETUP_CHORD", "Meta+F12", "Meta+F12"),
        ("KIOSK_SETUP_PIN", "0042", "0042"),
    ],
)
def test_environment_variables_are_read_by_the_keys_type(device, var, text, expected):
    device.environ[var] = text
    config = device.load()
    key = var.removeprefix("KIOSK_").lower()
    assert config.problems == []
    assert (config[key], config.origins[key]) == (expected, f"env {var}")


def test_an_empty_variable_counts_as_unset(device):
    device.write(device.system_file, "room: salle-i\n")
    device.environ["KIOSK_ROOM"] = ""
    config = device.load()
    assert (config.room, config.problems) == ("salle-i", [])


def test_home_is_expanded_in_a_programme_path(device):
    device.environ["KIOSK_PROGRAMME"] = "~/event/programme.yaml"
    assert device.load().programme == f"{device.home}/event/programme.yaml"


def test_yaml_values_are_read_as_the_key_says_not_as_yaml_guesses(device):
    device.write(
        device.user_file,
        "room: 1\nsetup_pin: 0123\nreduced_motion: yes\nscreen: 0\nlanguages: fr, en\nlanguage_period: 3\n",
    )
    config = device.load()
    assert config.problems == []
    assert config.room == "1"  # a name, not the number 1
    assert config.setup_pin == "0123"  # not the octal 83, not 123
    assert config.reduced_motion is True
    assert config.screen == 0
    assert config.languages == ("fr", "en")
    assert config.language_period == 3


def test_null_in_a_file_clears_a_value_from_below(device):
    device.write(device.system_file, "room: salle-i\nsetup_pin: '1234'\n")
    device.write(device.user_file, "room: null\nsetup_pin: ~\n")
    config = device.load()
    assert (config.room, config.setup_pin, config.problems) == (None, None, [])
    assert config.origins["room"] == f"{device.user_file}:1"


def test_a_relative_programme_path_is_read_from_the_files_folder(device):
    device.write(device.system_file, "programme: event/programme.yaml\n")
    assert device.load().programme == str(device.etc / "event" / "programme.yaml")


def test_flags_hold_typed_or_text_values(device):
    flags = {
        "reduced_motion": (True, "--reduced-motion"),
        "rotation": ("180", "--rotation"),
        "screen": ("", "--screen"),
    }
    device.write(device.user_file, "screen: 1\n")
    config = device.load(flags=flags)
    assert (config.reduced_motion, config.rotation, config.screen) == (True, 180, None)
    assert config.origins["screen"] == "flag --screen"


# -- the programme ---------------------------------------------------------------------------------
def test_a_room_is_found_by_id_or_by_either_name_and_kept_as_its_id(device, programme):
    for query in ("salle-vii", "Salle VII", "room vii", "  ROOM VII "):
        device.environ["KIOSK_ROOM"] = query
        config = device.load(programme=programme)
        assert (config.room, config.problems) == ("salle-vii", [])


def test_languages_take_the_programmes_spelling(device, programme):
    device.environ["KIOSK_LANGUAGES"] = "EN,Fr"
    assert device.load(programme=programme).languages == ("en", "fr")


def test_with_programme_checks_a_config_loaded_before_the_programme(device, programme):
    device.write(device.system_file, "room: salle-i\n")
    device.environ["KIOSK_ROOM"] = "Room IX"
    config = device.load()
    assert config.room == "Room IX"
    checked = config.with_programme(programme)
    assert (checked.room, checked.origins["room"]) == ("salle-ix", "env KIOSK_ROOM")


def test_an_unknown_room_is_suggested_from_the_real_programme_and_falls_back(device, programme):
    device.write(device.system_file, "room: salle-i\n")
    device.write(device.user_file, "view: door\nroom: sale-viii\n")
    config = device.load(programme=programme)
    assert (config.room, config.origins["room"]) == ("salle-i", f"{device.system_file}:1")
    assert only(config.problems) == (
        f"{device.user_file}:2:7: room: unknown room 'sale-viii'; did you mean 'salle-viii'?"
        f" — using salle-i ({device.system_file}:1)"
    )


def test_an_unknown_room_with_nothing_close_lists_the_rooms(device, programme):
    device.environ["KIOSK_ROOM"] = "Amphitheatre Z"
    message = only(device.load(programme=programme).problems)
    assert message.startswith(
        "env KIOSK_ROOM: room: unknown room 'Amphitheatre Z'; the programme's rooms: salle-i,"
    )
    assert message.endswith("— using null (default)")


def test_a_language_the_event_does_not_have(device, programme):
    device.environ["KIOSK_LANGUAGES"] = "fr,es"
    config = device.load(programme=programme)
    assert config.languages is None
    assert "the event has no language 'es' (it has fr, en)" in only(config.problems)


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
    assert "known keys: view, room, languages" in only(device.load().problems)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("rotation: 45", "rotation: '45' is not one of 0, 90, 180, 270 (degrees, clockwise)"),
        ("view: overveiw", "view: 'overveiw' is not one of door, overview; did you mean 'overview'?"),
        ("language_period: ten", "language_period: expected a number of seconds, more than 0; found 'ten'"),
        ("language_period: 0", "language_period: 0 is too small: expected a number of seconds, more than 0"),
        ("language_period: .nan", "language_period: expected a number of seconds, more than 0; found '.nan'"),
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
        ("setup_pin: 12", "setup_pin: expected a PIN of 4 to 12 digits"),
        ("setup_pin: 12ab", "setup_pin: expected a PIN of 4 to 12 digits"),
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
        f"{device.user_file}:2:1: not valid YAML: more than one document ('---'): a configuration is a single"
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
    assert only(config.problems) == f"{folder}: cannot read the configuration: Is a directory"
    assert dict(config.values) == dict(DEFAULTS)


def test_a_missing_system_or_user_file_is_normal_but_a_missing_given_file_is_not(device, tmp_path):
    assert device.load().problems == []
    missing = tmp_path / "nope.yaml"
    device.environ["KIOSK_CONFIG"] = str(missing)
    assert only(device.load().problems) == f"{missing}: cannot read the configuration: no such file"


def test_a_huge_file_is_not_read(device):
    device.write(device.user_file, "# " + "x" * (1024 * 1024) + "\n")
    assert "larger than 1 MB" in only(device.load().problems)


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


def test_the_configuration_imports_no_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import kiosk.config as c\n"
        "c.load_config({}, etc_dir='/nonexistent')\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m] is not None)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_every_key_is_documented():
    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    from kiosk.config import reference_markdown

    assert reference_markdown() in doc, "docs/configuration.md: paste kiosk.config.reference_markdown()"
    for key in KEY:
        assert f"`{key}`" in doc


# -- the command-line helpers ----------------------------------------------------------------------
def run_parser():
    import argparse

    from kiosk.cli.config_command import add_config_flags
    from kiosk.cli.screen_args import add_run

    parser = argparse.ArgumentParser()
    parser.add_argument("--programme", default=None)
    add_run(parser)
    add_config_flags(parser)  # `kiosk run` keeps its own --room
    return parser


def test_config_flags_join_the_run_options(device):
    from kiosk.config import config_from_args

    args = run_parser().parse_args(["--overview", "--rotation", "90", "--no-reduced-motion", "--windowed"])
    config = config_from_args(args, device.environ, etc_dir=device.etc)
    assert (config.view, config.origins["view"]) == ("overview", "flag --overview")
    assert (config.rotation, config.origins["rotation"]) == (90, "flag --rotation")
    assert (config.reduced_motion, config.origins["reduced_motion"]) == (False, "flag --reduced-motion")
    assert args.windowed

    device.write(device.system_file, "view: overview\n")
    args = run_parser().parse_args(["--room", "Salle I", "--languages", "en"])
    config = config_from_args(args, device.environ, etc_dir=device.etc)
    assert (config.view, config.origins["view"]) == ("door", "flag --room")
    assert (config.room, config.languages) == ("Salle I", ("en",))

    args = run_parser().parse_args(["--room", "Salle I", "--view", "overview"])
    assert config_from_args(args, device.environ, etc_dir=device.etc).origins["view"] == "flag --view"


def test_the_programme_filled_in_by_kiosk_is_not_a_flag(device, tmp_path):
    from kiosk.config import config_from_args
    from kiosk.resources import bundled_programme

    parser = run_parser()
    config = config_from_args(parser.parse_args(["--programme", str(bundled_programme())]), device.environ)
    assert config.files[0] == kiosk.config.ETC_DIR / "kiosk.yaml"
    assert config.origins["programme"] == "default"
    device.environ["KIOSK_PROGRAMME"] = str(tmp_path / "p.yaml")
    config = config_from_args(parser.parse_args(["--programme", str(tmp_path / "p.yaml")]), device.environ)
    assert config.origins["programme"] == "env KIOSK_PROGRAMME"
    config = config_from_args(parser.parse_args(["--programme", "other.yaml"]), device.environ)
    assert (config.programme, config.origins["programme"]) == ("other.yaml", "flag --programme")
