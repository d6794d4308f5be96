"""The configuration's layers: which value each key takes, and from where (file:line, env, flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import folders
from kiosk.config import DEFAULTS, LAYERS, user_config_path
from kiosk.config.pin import hash_pin

REPO = Path(__file__).resolve().parents[3]


PIN_HASH = hash_pin("0042")


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


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


def test_the_user_file_follows_xdg_config_home(device, tmp_path, monkeypatch):
    assert user_config_path() == device.user_file
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    written = device.write(tmp_path / "xdg" / "kiosk" / "kiosk.yaml", "view: overview\n")
    assert device.load().origins["view"] == f"{written}:1"
    # The XDG spec says a relative XDG_CONFIG_HOME is invalid and to be ignored.
    monkeypatch.setenv("XDG_CONFIG_HOME", "conf")
    assert user_config_path() == device.home / ".config" / "kiosk" / "kiosk.yaml"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert user_config_path() == device.home / ".config" / "kiosk" / "kiosk.yaml"


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
        ("KIOSK_SETUP_PIN", PIN_HASH, PIN_HASH),
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
    assert config.problems == [
        f"{device.user_file}:2:12: setup_pin: the PIN is written in clear; keep its hash instead "
        "(kiosk config --set-pin)"
    ]
    assert config.room == "1"  # a name, not the number 1
    assert config.setup_pin == "0123"  # not the octal 83, not 123
    assert config.reduced_motion is True
    assert config.screen == 0
    assert config.languages == ("fr", "en")
    assert config.language_period == 3


def test_null_in_a_file_clears_a_value_from_below(device):
    device.write(device.system_file, "room: salle-i\nscreen: HDMI-A-1\n")
    device.write(device.user_file, "room: null\nscreen: ~\n")
    config = device.load()
    assert (config.room, config.screen, config.problems) == (None, None, [])
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


def test_the_programme_is_the_configurations_unless_given(device, tmp_path):
    from kiosk.config import config_from_args
    from kiosk.resources import bundled_programme

    parser = run_parser()
    config = config_from_args(parser.parse_args([]), device.environ)
    assert config.files[0] == folders.ETC_DIR / "kiosk.yaml"
    assert (config.programme, config.origins["programme"]) == (None, "default")
    assert config.programme_source == str(bundled_programme())
    device.write(device.system_file, "programme: /srv/event.yaml\n")
    config = config_from_args(parser.parse_args([]), device.environ)
    assert (config.programme_source, config.layer("programme")) == ("/srv/event.yaml", "system")
    device.environ["KIOSK_PROGRAMME"] = str(tmp_path / "p.yaml")
    config = config_from_args(parser.parse_args([]), device.environ)
    assert config.programme_source == str(tmp_path / "p.yaml")
    assert config.origins["programme"] == "env KIOSK_PROGRAMME"
    config = config_from_args(parser.parse_args(["--programme", "other.yaml"]), device.environ)
    assert (config.programme_source, config.origins["programme"]) == ("other.yaml", "flag --programme")


def test_a_room_the_command_line_names_and_the_programme_lacks_is_unknown_not_replaced(device, programme):
    """Issue 13.2: `--room salle-9` (kiosk@salle-9) fell back to the user file's room."""
    device.write(device.user_file, "room: salle-i\n")
    config = device.load(flags={"room": ("salle-9", "--room")}, programme=programme)
    assert config.unknown_room == "salle-9"
    # A file's misspelt room still falls back (the setup opens on a door without a room).
    device.write(device.user_file, "room: salle-9\n")
    assert device.load(programme=programme).unknown_room is None
    assert device.load(flags={"room": ("Salle IX", "--room")}, programme=programme).unknown_room is None
