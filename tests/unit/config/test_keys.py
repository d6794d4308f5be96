"""Configuration keys: each declared once, its type read and documented from one declaration; the checks
against a programme."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import KEY, KEYS

REPO = Path(__file__).resolve().parents[3]


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
        "sign",
        "languages",
        "language_period",
        "reduced_motion",
        "screen",
        "rotation",
        "panel_inches",
        "programme",
        "notices",
        "timezone",
        "programme_refresh",
        "redirect_hosts",
        "exit_chord",
        "setup_chord",
        "setup_pin",
        "fleet",
        "fleet_ca",
        "fleet_user",
        "fleet_password_file",
        "fleet_cert",
        "fleet_key",
        "fleet_prefix",
        "device",
    }


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.name)
def test_each_declaration_has_a_description_and_a_default_its_own_type_accepts(key):
    assert key.doc and key.kind and "\n" not in key.doc
    assert key.read(key.default) == key.default
    assert key.env == "KIOSK_" + key.name.upper()


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


def test_a_sign_is_found_by_id_or_name_and_kept_as_its_id(device, programme):
    for query in ("salle-ix-door", "Room IX door", " PORTE DE LA SALLE IX "):
        device.environ["KIOSK_SIGN"] = query
        config = device.load(programme=programme)
        assert (config.sign, config.problems) == ("salle-ix-door", [])


def test_a_misspelt_sign_is_suggested_and_falls_back_to_no_arrows(device, programme):
    device.write(device.user_file, "sign: salle-ix-dor\n")
    config = device.load(programme=programme)
    assert config.sign is None
    assert only(config.problems) == (
        f"{device.user_file}:1:7: sign: unknown sign 'salle-ix-dor'; did you mean 'salle-ix-door'?"
        " — using null (default)"
    )
    device.environ["KIOSK_SIGN"] = "the roof"
    assert (
        "unknown sign 'the roof'; the programme's signs: entrance-hall, salle-i-door,"
        in (device.load(programme=programme).problems[0])
    )


def test_a_sign_with_a_programme_without_signs(device, programme):
    device.environ["KIOSK_SIGN"] = "hall"
    config = device.load(programme=dataclasses.replace(programme, signs=()))
    assert config.sign is None
    assert "unknown sign 'hall': the programme has no signs" in only(config.problems)


def test_a_language_the_screens_have_no_words_in(device, programme):
    device.environ["KIOSK_LANGUAGES"] = "fr,it"
    config = device.load(programme=programme)
    assert config.languages is None
    assert "the screens have no words in 'it' (they have: ar, de, en, es, fr, ru, zh)" in only(
        config.problems
    )


def test_any_language_the_screens_have_words_in(device, programme):
    """UNESCO's programme is written in French and English; a door may still show all six languages."""
    device.environ["KIOSK_LANGUAGES"] = "fr,en,AR,zh,ru,es"
    config = device.load(programme=programme)
    assert config.languages == ("fr", "en", "ar", "zh", "ru", "es")
    assert not config.problems


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


@pytest.mark.parametrize("period", ["0.001", "1", "2.9"])
def test_a_language_period_under_three_seconds_is_refused(device, period):
    """Issue 13.18: 0.001 was accepted, a permanent double exposure flashing faster than 3 Hz."""
    device.write(device.user_file, f"language_period: {period}\n")
    config = device.load()
    assert config.language_period == 10
    assert "expected a number of seconds, at least 3, so that each language can be read" in only(
        config.problems
    )


def test_a_panels_diagonal_is_read_in_inches_within_what_panels_measure():
    key = next(k for k in KEYS if k.name == "panel_inches")
    assert key.read("55") == 55 and key.read(10.1) == 10.1 and key.read(None) is None
    for bad in ("0", "-3", "55in", "2000", True):
        with pytest.raises(ValueError):
            key.read(bad)


def test_redirect_hosts_are_host_names_or_addresses(device):
    device.write(device.system_file, "redirect_hosts: [CDN.example.org, 192.0.2.7, cdn.example.org]\n")
    assert device.load().redirect_hosts == ("cdn.example.org", "192.0.2.7")
    device.write(device.system_file, "redirect_hosts: ftp://cdn.example.org\n")
    config = device.load()
    assert config.redirect_hosts == ()
    assert (
        "'ftp://cdn.example.org' is not a host name (e.g. cdn.example.org), nor an address"
        in config.problems[0]
    )
