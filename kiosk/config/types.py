"""The kinds of value a configuration key takes: each reads a raw value and says, for people, what it
looks like (the `kind` shown in `kiosk config --help` and docs/configuration.md comes from the same
object that checks the value, so the two cannot drift).

A raw value is what a source holds before the key's type reads it: text (every YAML scalar is read
from its source text, so `setup_pin: 0123` keeps its zero and `room: 1` is a name), a list of raw
values, a dict (always wrong here), None (YAML null), or a typed Python value given by a caller.
Every reader raises ValueError with a message for people.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from ..languages import is_language_tag
from .pin import is_hash, is_pin


@dataclass(frozen=True)
class Context:
    """What a value is read relative to: the file's folder for relative paths, $HOME for ~."""

    base: Path | None = None
    home: str | None = None


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
_NUMBER = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)$")
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def describe(raw: Any) -> str:
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, list | tuple):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    return repr(raw)


def scalar(raw: Any, what: str) -> str:
    """The text of a single value; numbers given by a caller count as their text."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    raise ValueError(f"expected {what}, found {describe(raw)}")


class Type:
    """A kind of value: ``kind`` for people, ``read`` for the machine."""

    kind: str = ""

    def read(self, raw: Any, ctx: Context) -> Any:
        raise NotImplementedError


class Choice(Type):
    def __init__(self, *choices: str):
        self.choices = choices
        self.kind = " | ".join(choices)

    def read(self, raw: Any, ctx: Context) -> str:
        text = scalar(raw, " or ".join(self.choices))
        if text.casefold() in self.choices:
            return text.casefold()
        hint = difflib.get_close_matches(text.casefold(), self.choices, n=1)
        raise ValueError(
            f"{text!r} is not one of {', '.join(self.choices)}"
            + (f"; did you mean {hint[0]!r}?" if hint else "")
        )


class Name(Type):
    def __init__(self, kind: str):
        self.kind = kind

    def read(self, raw: Any, ctx: Context) -> str:
        text = scalar(raw, "a name")
        if not text:
            raise ValueError("expected a name, found an empty text")
        return text


class Languages(Type):
    kind = "list of language codes"

    def read(self, raw: Any, ctx: Context) -> tuple[str, ...]:
        if isinstance(raw, list | tuple):
            items = [scalar(item, "language codes") for item in raw]
        else:
            items = [part for part in re.split(r"[,\s]+", scalar(raw, "a list of language codes")) if part]
        if not items:
            raise ValueError(
                "expected at least one language code (e.g. [fr, en]); for the event's order use null"
            )
        seen: set[str] = set()
        for code in items:
            if not is_language_tag(code):
                raise ValueError(f"{code!r} is not a language code (e.g. fr, en, pt-BR)")
            if code.casefold() in seen:
                raise ValueError(f"{code!r} is given twice")
            seen.add(code.casefold())
        return tuple(items)


class HostNames(Type):
    """Host names (or addresses), as a list or separated by commas or spaces; none is allowed."""

    kind = "list of host names"
    _HOST = re.compile(
        r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
    )

    def read(self, raw: Any, ctx: Context) -> tuple[str, ...]:
        if isinstance(raw, list | tuple):
            items = [scalar(item, "host names") for item in raw]
        else:
            items = [part for part in re.split(r"[,\s]+", scalar(raw, "a list of host names")) if part]
        for host in items:
            if not (self._HOST.match(host) or _is_address(host)):
                raise ValueError(f"{host!r} is not a host name (e.g. cdn.example.org), nor an address")
        return tuple(dict.fromkeys(host.casefold() for host in items))


def _is_address(text: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class Seconds(Type):
    """A number of seconds, at least ``minimum`` (more than 0 when minimum is 0)."""

    def __init__(self, minimum: float = 0, why: str = ""):
        self.minimum = minimum
        self.kind = f"seconds ≥ {minimum:g}" if minimum else "seconds > 0"
        self.bound = f"at least {minimum:g}{why}" if minimum else "more than 0"

    def read(self, raw: Any, ctx: Context) -> float:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            number = float(raw)
        else:
            text = scalar(raw, f"a number of seconds, {self.bound}")
            if not _NUMBER.match(text):
                raise ValueError(f"expected a number of seconds, {self.bound}; found {text!r}")
            number = float(text)
        if not math.isfinite(number) or number < self.minimum or number <= 0:
            raise ValueError(f"{number:g} is too small: expected a number of seconds, {self.bound}")
        return int(number) if number.is_integer() else number


class Inches(Type):
    """A panel's diagonal in inches, from a tablet's to a video wall's."""

    kind = "inches, 7 to 150"

    def read(self, raw: Any, ctx: Context) -> float:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            number = float(raw)
        else:
            text = scalar(raw, "a diagonal in inches, 7 to 150")
            if not _NUMBER.match(text):
                raise ValueError(f"expected a diagonal in inches, 7 to 150; found {text!r}")
            number = float(text)
        if not 7 <= number <= 150:
            raise ValueError(f"{number:g} is not a panel's diagonal: expected inches, 7 to 150")
        return int(number) if number.is_integer() else number


class Rotation(Type):
    """How the panel hangs, named by where its top edge ends up; read as the turn the picture takes.

    A landscape panel turned a quarter counter-clockwise (its top edge on the left) stands in
    portrait, and the picture turns a quarter clockwise (90°) to stand upright on it. The numbers
    0, 90, 180, 270 are that turn of the picture, clockwise, as before the edges had names.
    """

    edges: ClassVar[dict[str, int]] = {"top": 0, "left": 90, "bottom": 180, "right": 270}
    kind = "top | left | right | bottom"

    def read(self, raw: Any, ctx: Context) -> int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            text = str(raw)
        else:
            text = scalar(raw, "top, left, right or bottom").casefold()
        if text in self.edges:
            return self.edges[text]
        if text.isdigit() and int(text) in self.edges.values():
            return int(text)
        raise ValueError(
            f"{describe(raw)} is not one of top, left, right, bottom (where the panel's top edge is), "
            "nor 0, 90, 180, 270 (the picture's turn, clockwise)"
        )


class Boolean(Type):
    kind = "true | false"

    def read(self, raw: Any, ctx: Context) -> bool:
        if isinstance(raw, bool):
            return raw
        text = scalar(raw, "true or false").casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(f"{text!r} is not true or false (also accepted: yes/no, on/off, 1/0)")


class Screen(Type):
    kind = "output name | index"

    def read(self, raw: Any, ctx: Context) -> int | str:
        if isinstance(raw, int) and not isinstance(raw, bool):
            if raw < 0:
                raise ValueError(f"{raw} is not a screen: an index counts from 0")
            return raw
        text = scalar(raw, "a screen's name or index")
        if not text:
            raise ValueError(
                "expected a screen's name (e.g. HDMI-A-1) or index (0, 1, …), found an empty text"
            )
        return int(text) if text.isdigit() else text


class ProgrammeSource(Type):
    kind = "path | http(s) URL"

    def read(self, raw: Any, ctx: Context) -> str:
        text = scalar(raw, "a path or an http(s) URL")
        if not text:
            raise ValueError("expected a path or an http(s) URL, found an empty text")
        if URL.match(text):
            url = urlsplit(text)
            if url.scheme.lower() not in ("http", "https") or not url.netloc:
                raise ValueError(
                    f"{text!r}: only http:// and https:// URLs are fetched; for a local file give its path"
                )
            return text
        return expand_path(text, ctx)


def expand_path(text: str, ctx: Context) -> str:
    """A path as written in a configuration: ~ for $HOME, relative to the configuration file's folder."""
    if text == "~" or text.startswith("~/"):
        if not ctx.home:
            raise ValueError(f"{text!r}: ~ cannot be expanded, HOME is not set")
        text = ctx.home + text[1:]
    path = Path(text)
    if ctx.base is not None and not path.is_absolute():
        path = ctx.base / path
    return str(path)


class Zone(Type):
    kind = "IANA time zone (e.g. Europe/Brussels)"

    def read(self, raw: Any, ctx: Context) -> str:
        from ..sources.zones import valid_zone  # one check for every zone name kiosk is given

        text = scalar(raw, "an IANA time zone")
        zone = valid_zone(text)
        if zone is None:
            raise ValueError(f"{text!r} is not an IANA time zone (e.g. Europe/Brussels)")
        return zone


class Pin(Type):
    """A PIN's hash as `kiosk config --set-pin` writes it, or the digits themselves (older files)."""

    kind = "PIN hash | 4 to 12 digits"

    def read(self, raw: Any, ctx: Context) -> str:
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        text = scalar(raw, "a PIN of 4 to 12 digits, or its hash")
        if not (is_pin(text) or is_hash(text)):
            raise ValueError(
                "expected a PIN's hash (kiosk config --set-pin writes one) or 4 to 12 digits "
                "(quote them in YAML if they start with 0)"
            )
        return text


class FilePath(Type):
    """A file's path: relative to the configuration file's folder, ~ for $HOME."""

    kind = "path"

    def read(self, raw: Any, ctx: Context) -> str:
        text = scalar(raw, "a file's path")
        if not text:
            raise ValueError("expected a file's path, found an empty text")
        return expand_path(text, ctx)


class Checked(Type):
    """A text that ``check`` accepts (it raises ValueError with the message for people)."""

    def __init__(self, kind: str, check: Callable[[str], Any]):
        self.kind = kind
        self.check = check

    def read(self, raw: Any, ctx: Context) -> str:
        text = scalar(raw, self.kind)
        self.check(text)
        return text
