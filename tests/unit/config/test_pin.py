"""The setup PIN (issue 13.8, configuration side): a salted scrypt hash, written 0600, never printed,
and a PIN the venue set in /etc cannot be lifted from the device."""

from __future__ import annotations

import json
import stat
import subprocess
import sys

import pytest

from kiosk.config import save_user_setting, show
from kiosk.config.pin import hash_pin, is_hash, pin_matches

RUN = (
    "import sys, kiosk.folders as f\nf.ETC_DIR = f.Path(sys.argv.pop(1))\n"
    "from kiosk.cli import main\nsys.exit(main())\n"
)


def kiosk_config(device, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RUN, str(device.etc), "config", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_pin_is_kept_as_a_salted_scrypt_hash():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # salted
    assert is_hash(first) and first.startswith("scrypt$16384$8$1$")
    assert "2468" not in first
    assert pin_matches(first, "2468")
    assert not pin_matches(first, "2469")
    assert not pin_matches(None, "2468")
    assert pin_matches("2468", "2468")  # the digits an older file holds still open the setup


@pytest.mark.parametrize("bad", ["scrypt$1099511627776$8$1$AAAA$AAAA", "scrypt$16384$8$1$!!$AAAA", "scrypt$"])
def test_a_hand_made_hash_that_could_exhaust_the_device_is_refused(device, bad):
    device.write(device.user_file, f'setup_pin: "{bad}"\n')
    config = device.load()
    assert config.setup_pin is None
    assert "expected a PIN's hash" in config.problems[0]


def test_saving_a_pin_writes_its_hash_in_a_file_only_its_owner_reads(device):
    device.write(device.user_file, "room: salle-i\n")
    path = save_user_setting("setup_pin", "2468", device.environ)
    text = path.read_text()
    assert "2468" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    config = device.load()
    assert is_hash(config.setup_pin) and pin_matches(config.setup_pin, "2468")
    assert config.problems == []
    save_user_setting("room", "salle-vii", device.environ)  # later saves keep it private
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_pin_in_clear_still_works_and_is_pointed_out(device):
    device.write(device.system_file, "setup_pin: '2468'\n")
    config = device.load()
    assert config.setup_pin == "2468"
    assert config.problems == [
        f"{device.system_file}:1:12: setup_pin: the PIN is written in clear; keep its hash instead "
        "(kiosk config --set-pin)"
    ]


@pytest.mark.parametrize("lower", ["user", "file", "flag"])
def test_a_lower_layer_cannot_clear_the_venues_pin(device, tmp_path, lower):
    venue = hash_pin("2468")
    device.write(device.system_file, f'setup_pin: "{venue}"\n')
    kwargs = {}
    if lower == "user":
        device.write(device.user_file, "setup_pin: null\n")
    elif lower == "file":
        kwargs["config_file"] = device.write(tmp_path / "this.yaml", "setup_pin: ~\n")
    else:
        kwargs["flags"] = {"setup_pin": (None, "--setup-pin")}
    config = device.load(**kwargs)
    assert config.setup_pin == venue
    assert config.origins["setup_pin"] == f"{device.system_file}:1"
    assert any(
        f"the venue's PIN ({device.system_file}:1) cannot be cleared here" in p for p in config.problems
    )
    # Another PIN from a layer above still counts: the venue's technician may give one device its own.
    device.environ["KIOSK_SETUP_PIN"] = hash_pin("1357")
    assert pin_matches(device.load(**kwargs).setup_pin, "1357")


def test_kiosk_config_never_prints_the_pin_nor_its_hash(device):
    venue = hash_pin("2468")
    device.write(device.system_file, f'setup_pin: "{venue}"\n')
    device.write(device.user_file, "setup_pin: '13579'\n")  # in clear, above it
    for args in ((), ("--json",), ("--check",)):
        result = kiosk_config(device, *args)
        everything = result.stdout + result.stderr
        assert "13579" not in everything and venue not in everything and venue[20:40] not in everything
        assert "****" in result.stdout
    assert json.loads(kiosk_config(device, "--json").stdout)["setup_pin"]["value"] == "****"
    assert show("setup_pin", venue) == "****"


def test_set_pin_asks_and_keeps_the_hash(device):
    result = kiosk_config(device, "--set-pin", stdin="2468\n")
    assert result.returncode == 0, result.stderr
    assert "2468" not in result.stdout + result.stderr
    assert stat.S_IMODE(device.user_file.stat().st_mode) == 0o600
    assert pin_matches(device.load().setup_pin, "2468")
    refused = kiosk_config(device, "--set-pin", stdin="12\n")
    assert refused.returncode == 2
    assert refused.stderr == "kiosk config: --set-pin: a PIN is 4 to 12 digits; nothing was saved\n"


def test_hash_pin_prints_the_line_for_the_venues_file(device):
    result = kiosk_config(device, "--hash-pin", stdin="2468\n")
    assert result.returncode == 0, result.stderr
    assert "2468" not in result.stdout.replace("scrypt$16384$8$1$", "")
    device.write(device.system_file, result.stdout)
    config = device.load()
    assert config.problems == [] and pin_matches(config.setup_pin, "2468")
    assert not device.user_file.exists()
