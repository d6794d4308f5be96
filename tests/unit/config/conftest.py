from pathlib import Path

import pytest

from kiosk.programme import load_programme

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def programme():
    return load_programme(REPO / "programme.yaml")
