"""Language tags (BCP 47: fr, en, pt-BR, zh-Hant): one check for every place a language is named. Qt-free."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

# A primary language of 2 or 3 letters, then subtags of 1 to 8 letters or digits (region, script,
# variant, and the one-character singletons of extensions: en-x-klingon).
_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def is_language_tag(text: str) -> bool:
    """Whether ``text`` (already stripped) is shaped like a language tag."""
    return isinstance(text, str) and _TAG.fullmatch(text) is not None


# The screens' label catalogues (kiosk/present/catalogues/LANG.toml) are data beside the code; the core
# names which exist without importing the presentation, so the programme check can refuse a screen
# language that has none.
_CATALOGUES = Path(__file__).parent / "present" / "catalogues"


def base(tag: str) -> str:
    """The catalogue a language tag uses: zh-Hans → zh, fr-CA → fr."""
    return tag.replace("_", "-").split("-")[0].casefold()


@functools.cache
def with_catalogue() -> tuple[str, ...]:
    """Every language the screens can show their own words in."""
    return tuple(sorted(p.stem for p in _CATALOGUES.glob("*.toml")))


def has_catalogue(tag: str) -> bool:
    return base(tag) in with_catalogue()


@functools.cache
def catalogue_file(code: str) -> dict:
    """The catalogue of the language ``code`` (a base tag: fr, zh) as read: the screens' labels and
    dates (kiosk.present.words) and a notice's own words (kiosk.notices.words), from one file."""
    with (_CATALOGUES / f"{code}.toml").open("rb") as f:
        return tomllib.load(f)
