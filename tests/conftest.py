"""Test configuration: Qt runs offscreen, always (a developer's display is never used)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("KIOSK_PROGRAMME", None)
# The device's own zone is the last source of an imported event's zone: every test starts on a device
# in UTC, whatever the machine running it; a test that needs another sets TZ itself.
os.environ["TZ"] = "UTC"

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (KIOSK_REQUIRE_ALL=1, set by .ci/run after it installs what the suite needs) a test that
    skips for a missing tool or file fails instead: CI always runs the real parts, never skips them."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("KIOSK_REQUIRE_ALL") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped in CI, where everything the suite needs is installed: {reason}"
