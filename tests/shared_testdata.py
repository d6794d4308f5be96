"""The real schedule exports in ../shared/testdata (KIOSK_TESTDATA elsewhere), used by importer tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTDATA = Path(os.environ.get("KIOSK_TESTDATA", Path(__file__).parents[2] / "shared" / "testdata"))


def real_export(name: str) -> Path:
    """The export ``name``; the test is skipped where the shared test data is not beside the clone."""
    path = TESTDATA / name
    if not path.is_file():
        pytest.skip(
            f"the shared test data {path} is not here: the team's folder of public schedule exports "
            "(kept as found, their sources in its README.md), expected in ../shared/testdata beside "
            "the clone; KIOSK_TESTDATA names another copy"
        )
    return path
