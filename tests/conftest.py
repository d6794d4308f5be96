"""Test configuration: Qt runs offscreen, always (a developer's display is never used)."""

import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("KIOSK_PROGRAMME", None)
# The device's own zone is the last source of an imported event's zone: every test starts on a device
# in UTC, whatever the machine running it; a test that needs another sets TZ itself.
os.environ["TZ"] = "UTC"
os.environ.pop("KIOSK_NOTICES", None)
# Notices of a programme from a URL or the bundled one live in the state folder: never the developer's.
_STATE = os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-state-")
# Checked programmes are cached by content under $XDG_CACHE_HOME (kiosk/programme/cache.py): the suite and
# the commands it starts keep theirs in a folder of their own, never in the user's.
_CACHE = os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="kiosk-tests-cache-")

import pytest

pytest_plugins = ["tests.broker"]  # the Mosquitto fixtures of the fleet tests


def pytest_sessionfinish(session, exitstatus):
    """The suite's own state and cache folders go with it: runs do not pile them up in /tmp."""
    for folder in (_STATE, _CACHE):
        shutil.rmtree(folder, ignore_errors=True)


# The one reason a test may still skip in CI: the kernel (or the container around it) refuses what the
# test needs, e.g. a mount namespace for a private systemd. The skip's reason starts with it.
KERNEL_REFUSED = "the kernel here refuses"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (KIOSK_REQUIRE_ALL=1, set by .ci/run after it installs what the suite needs) a test that
    skips for a missing tool or file fails instead: CI always runs the real parts, never skips them."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("KIOSK_REQUIRE_ALL") and report.skipped and not hasattr(report, "wasxfail"):
        if KERNEL_REFUSED in str(report.longrepr):
            return  # no package installs a permission the machine's kernel or container withholds
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped in CI, where everything the suite needs is installed: {reason}"


class Device:
    """A fresh device, all under tmp_path: its /etc/kiosk, its user's home and folders, no KIOSK_ variable.

    The process environment is the device's (HOME and XDG_*_HOME point into tmp_path, so the user's
    folders are never the developer's); ``environ`` is the mapping a test hands to the configuration
    as its environment layer, HOME alone until the test sets a KIOSK_ variable in it.
    """

    def __init__(self, root, monkeypatch):
        from kiosk import folders

        self.root = root
        self.etc = root / "etc" / "kiosk"
        self.home = root / "home"
        for name in list(os.environ):
            if name.startswith(("KIOSK_", "XDG_")):
                monkeypatch.delenv(name)
        monkeypatch.setenv("HOME", str(self.home))
        for var, folder in (("CONFIG", "config"), ("STATE", "state"), ("CACHE", "cache")):
            monkeypatch.setenv(f"XDG_{var}_HOME", str(root / folder))
        monkeypatch.setattr(folders, "ETC_DIR", self.etc)
        self.environ: dict[str, str] = {"HOME": str(self.home)}
        self.system_file = self.etc / "kiosk.yaml"
        self.user_file = root / "config" / "kiosk" / "kiosk.yaml"

    def write(self, path, text: str | bytes):
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def load(self, **kwargs):
        from kiosk.config import load_config

        return load_config(self.environ, etc_dir=self.etc, **kwargs)


@pytest.fixture
def device(tmp_path, monkeypatch) -> Device:
    """A fresh device configuration (see Device): nothing of the machine's or the developer's is read."""
    return Device(tmp_path, monkeypatch)
