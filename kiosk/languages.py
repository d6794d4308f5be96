"""Language tags (BCP 47: fr, en, pt-BR, zh-Hant): one check for every place a language is named. Qt-free."""

from __future__ import annotations

import re

# A primary language of 2 or 3 letters, then subtags of 1 to 8 letters or digits (region, script,
# variant, and the one-character singletons of extensions: en-x-klingon).
_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def is_language_tag(text: str) -> bool:
    """Whether ``text`` (already stripped) is shaped like a language tag."""
    return isinstance(text, str) and _TAG.fullmatch(text) is not None
