"""Language tags: one check (kiosk.languages) for the configuration, the programme and the importers."""

from __future__ import annotations

import pytest

from kiosk.config import KEY
from kiosk.languages import is_language_tag

GOOD = ["fr", "en", "ast", "pt-BR", "zh-Hant", "sr-Latn-RS", "en-x-klingon", "de-CH-1996"]
BAD = ["", "f", "french", "fr_FR", "fr-", "-fr", "fr--BR", "en-toolongsubtag", "f1", "fr BR", None, 12]


@pytest.mark.parametrize("tag", GOOD)
def test_a_language_tag(tag):
    assert is_language_tag(tag)
    assert KEY["languages"].read(tag) == (tag,)


@pytest.mark.parametrize("tag", BAD)
def test_not_a_language_tag(tag):
    assert not is_language_tag(tag)
