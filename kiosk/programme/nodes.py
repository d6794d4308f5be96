"""Reading composed YAML nodes into values, each problem reported at its line and column. Qt-free.

NodeChecker holds what every part of a programme is made of (mappings with known keys, lists, plain
values, ids, texts in the event's languages, dates, language codes); kiosk/programme/check.py builds the
programme from them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

import yaml

from ..languages import is_language_tag, with_catalogue
from ..yaml_reader import STANDARD_TAGS
from .errors import Problem
from .model import Text

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters but tab and line feed: only a quoted YAML escape ("\e", "\x07") makes
# one (the reader refuses them raw); on a terminal they can rewrite the screen or the window's title,
# so they never reach one: each is left out of its text, with a warning at its place.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ASCII_SPACES = re.compile(r"[ \t\r\n]+")
_ASCII_SPACES_RUN = re.compile(r"[ \t\r\n]{2}|[\t\r]")  # what _ASCII_SPACES would change


class NodeChecker:
    """Reads nodes into values; every problem (and warning) is collected in ``problems``."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.langs: tuple[str, ...] = ()  # every text is written in these (a missing one is warned)
        self.screen_langs: tuple[str, ...] = ()  # a text may also be given in these
        self._text_langs_for: tuple | None = None
        self._text_langs_set: frozenset[str] = frozenset()

    def _text_langs(self) -> frozenset[str]:
        """The languages a text may be given in (built once per set of languages, not once per text)."""
        key = (self.langs, self.screen_langs)
        if self._text_langs_for != key:
            self._text_langs_for = key
            self._text_langs_set = frozenset((*self.langs, *self.screen_langs, *with_catalogue()))
        return self._text_langs_set

    # -- reporting -------------------------------------------------------------------------------
    def problem(self, node: yaml.Node | None, path: str, message: str, warning: bool = False) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (0, 0)
        self.problems.append(Problem(self.name, line, col, path, message, warning))

    # -- generic node helpers --------------------------------------------------------------------
    def visit(self, node: yaml.Node, path: str) -> bool:
        if node.tag in STANDARD_TAGS:
            return True
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problem(node, path, f"the tag {tag} is not allowed: a programme holds plain values only")
        return False

    def mapping(self, node: yaml.Node, path: str, known: dict[str, bool]) -> dict[str, yaml.Node] | None:
        """The keys of a mapping node; ``known`` maps allowed keys to whether they are required."""
        if not self.visit(node, path):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, path, f"expected a mapping of {', '.join(known)}, found {describe(node)}")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            kpath = f"{path}.{key}" if path else str(key)
            if key is None:
                self.problem(key_node, path, "a key must be a plain word")
            elif key in out:
                self.problem(
                    key_node, kpath, f"{key!r} is given twice (first at line {out[key].start_mark.line + 1})"
                )
            elif key not in known:
                hint = difflib.get_close_matches(key, list(known), n=1)
                self.problem(
                    key_node,
                    kpath,
                    f"unknown field {key!r}"
                    + (f"; did you mean {hint[0]!r}?" if hint else f"; expected one of: {', '.join(known)}"),
                )
            else:
                out[key] = value_node
        for key, required in known.items():
            if required and key not in out:
                self.problem(node, f"{path}.{key}" if path else key, "missing (required)")
        return out

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node]:
        if not self.visit(node, path):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, path, f"expected a list, found {describe(node)}")
            return []
        return list(node.value)

    def scalar(self, node: yaml.Node, path: str, what: str = "a value") -> str | None:
        if not self.visit(node, path):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, path, f"expected {what}, found {describe(node)}")
            return None
        if node.tag == "tag:yaml.org,2002:null" and node.style is None:
            self.problem(node, path, f"expected {what}, found nothing")
            return None
        if node.value.isprintable() and node.value.isascii():
            return node.value  # most values: no surrogate, no control character (two searches saved)
        if _SURROGATE.search(node.value):
            # Only a \\uD800-style escape in quotes makes one; it cannot be shown, printed or saved.
            self.problem(
                node, path, f"not valid text: {node.value!r} holds half of a character (a surrogate)"
            )
            return None
        control = _CONTROL.search(node.value)
        if control:
            # Real exports carry some (a DEL in a 36c3 description): the text is kept, the character not.
            self.problem(
                node,
                path,
                f"the control character U+{ord(control[0]):04X} (written here as an escape) cannot be "
                "shown; it is left out",
                warning=True,
            )
            return _CONTROL.sub("", node.value)
        return node.value

    def identifier(self, node: yaml.Node, path: str) -> str | None:
        value = self.scalar(node, path, "an id")
        if value is not None and not _ID.match(value):
            self.problem(
                node, path, f"{value!r} is not a usable id: use letters, digits and - (e.g. salle-ix)"
            )
            return None
        return value

    def unique(self, first_line: dict[str, int], ident: str, node: yaml.Node, path: str, kind: str) -> bool:
        """Whether ``ident`` (a room's, a sign's id) is new; a second one is reported at its place."""
        if ident in first_line:
            self.problem(node, path, f"duplicate {kind} id {ident!r} (first at line {first_line[ident]})")
            return False
        first_line[ident] = node.start_mark.line + 1
        return True

    def text(self, node: yaml.Node, path: str, required_langs: bool = True) -> Text:
        if not self.visit(node, path):
            return Text()
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node, path, "a text")
            if value is not None and not value.strip():
                self.problem(node, path, "empty text")
            return Text.same(value.strip(), self.langs or ("und",)) if value else Text()
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, path, f"expected a text or a mapping language → text, found {describe(node)}")
            return Text()
        by_lang: dict[str, str] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a language code such as fr")
                continue
            lang = key_node.value
            if lang in first_line:
                self.problem(
                    key_node, f"{path}.{lang}", f"{lang!r} is given twice (first at line {first_line[lang]})"
                )
                continue
            first_line[lang] = key_node.start_mark.line + 1
            # Texts are written in the event's languages; a room name or a title may also be given in a
            # language the screens show (UNESCO's six, say), so that its page need not borrow one.
            if self.langs and lang not in self._text_langs():
                hint = (
                    f"; the event's languages are {', '.join(dict.fromkeys(self.langs + self.screen_langs))}"
                )
                self.problem(
                    key_node, f"{path}.{lang}", f"{lang!r} is not one of the event's languages{hint}"
                )
                continue
            value = self.scalar(value_node, f"{path}.{lang}", "a text")
            if value is not None and value.strip():
                # Only ASCII white space is folded: French text keeps its narrow no-break spaces.
                value = value.strip()
                by_lang[lang] = (
                    value
                    if "\n" in value or not _ASCII_SPACES_RUN.search(value)
                    else (_ASCII_SPACES.sub(" ", value))
                )
        if required_langs:
            missing = [lang for lang in self.langs if lang not in by_lang]
            if missing and by_lang:
                self.problem(
                    node,
                    path,
                    f"no {', '.join(missing)} text; showing {next(iter(by_lang))} instead",
                    warning=True,
                )
        if not by_lang:
            self.problem(node, path, "empty text")
        return Text(by_lang)

    def optional(
        self, fields: dict[str, yaml.Node], key: str, read: Callable[[yaml.Node], Any], default: Any
    ) -> Any:
        node = fields.get(key)
        if node is None:
            return default
        value = read(node)
        return default if value is None else value

    def date(self, node: yaml.Node, path: str) -> dt.date | None:
        value = self.scalar(node, path, "a date YYYY-MM-DD")
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            self.problem(node, path, f"{value!r} is not a date; expected YYYY-MM-DD (e.g. 2023-03-28)")
            return None

    def choice(self, node: yaml.Node, path: str, choices: tuple[str, ...]) -> str | None:
        value = self.scalar(node, path, "one of " + ", ".join(choices))
        if value is not None and value not in choices:
            hint = difflib.get_close_matches(value, choices, n=1)
            self.problem(
                node,
                path,
                f"{value!r} is not known; "
                + (f"did you mean {hint[0]!r}?" if hint else f"expected one of {', '.join(choices)}"),
            )
            return None
        return value

    def lang_list(self, node: yaml.Node, path: str) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.sequence(node, path)):
            value = self.language(item, f"{path}[{i}]")
            if value:
                out.append(value)
        return tuple(out)

    def language(self, node: yaml.Node, path: str) -> str | None:
        value = self.scalar(node, path, "a language code such as fr")
        if value is not None and not is_language_tag(value):
            self.problem(node, path, f"{value!r} is not a language code (e.g. fr, en, ar, zh)")
            return None
        return value


def field(node: yaml.Node, key: str) -> yaml.Node:
    """The value of ``key`` in a mapping node, else the node itself (a place to point at)."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return node


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return f"{node.value!r}"
