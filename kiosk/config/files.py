"""A configuration file read into raw values, each with the place it was written (file:line:column).

A file that is partly wrong keeps what can be read: a bad value is one problem and its key falls
back; a YAML mistake keeps the keys above it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .keys import KEY, suggest

MAX_BYTES = 1024 * 1024
STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass(frozen=True)
class Issue:
    where: str
    message: str
    key: str | None = None  # set when the key falls back because of it


@dataclass(frozen=True)
class Entry:
    """One key's raw value as a file gives it."""

    key: str
    raw: Any
    origin: str  # file:line, as `kiosk config` shows it
    where: str  # file:line:column of the value, where a problem with it points


@dataclass
class FileContent:
    entries: list[Entry]
    issues: list[Issue]
    whole: bool  # some of it could be read (False: the file is ignored)


def read_file(path: Path, required: bool) -> FileContent:
    """The entries of the configuration file ``path``; a missing file is a problem only when required."""
    name = str(path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        issues = [Issue(name, "cannot read the configuration: no such file")] if required else []
        return FileContent([], issues, False)
    except OSError as err:
        return FileContent([], [Issue(name, f"cannot read the configuration: {err.strerror or err}")], False)
    if len(data) > MAX_BYTES:
        message = f"larger than {MAX_BYTES >> 20} MB: not a configuration; ignored"
        return FileContent([], [Issue(name, message)], False)
    return read_data(data, name)


def read_data(data: bytes, name: str) -> FileContent:
    """The entries of one file's bytes, and every problem with them."""
    issues: list[Issue] = []
    root = read_yaml(data, name, issues)
    if root is None:
        return FileContent([], issues, False)
    if not standard(root) or not isinstance(root, yaml.MappingNode):
        message = (
            f"expected a mapping of keys (e.g. 'room: salle-i'), found {_kind(root)}; the file is ignored"
        )
        return FileContent([], [*issues, Issue(at(name, root), message)], False)
    entries: list[Entry] = []
    seen: dict[str, yaml.Node] = {}
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode) or not standard(key_node):
            issues.append(Issue(at(name, key_node), "a key must be a plain word (e.g. room)"))
            continue
        word = key_node.value
        if word not in KEY:
            issues.append(Issue(at(name, key_node), f"unknown key {word!r}; {suggest(word, KEY)}"))
            continue
        if word in seen:
            first = seen[word].start_mark.line + 1
            message = f"{word!r} is given twice (first at line {first}); this one is ignored"
            issues.append(Issue(at(name, key_node), message))
            continue
        seen[word] = key_node
        try:
            raw = _raw(value_node)
        except _Tagged as err:
            tag = err.node.tag.replace("tag:yaml.org,2002:", "!!")
            message = f"the tag {tag} is not allowed: a configuration holds plain values only"
            issues.append(Issue(at(name, err.node), message, word))
            continue
        entries.append(Entry(word, raw, f"{name}:{key_node.start_mark.line + 1}", at(name, value_node)))
    return FileContent(entries, issues, True)


# -- YAML ------------------------------------------------------------------------------------------
def read_yaml(data: bytes, name: str, issues: list[Issue]) -> yaml.Node | None:
    """The root node of a configuration's bytes, or None; every problem appended to ``issues``."""
    text = _decode(data, name, issues)
    return None if text is None else _compose(text, name, issues)


def _decode(data: bytes, name: str, issues: list[Issue]) -> str | None:
    if b"\x00" in data:
        issues.append(Issue(name, "not a text file (it has NUL bytes): a configuration is UTF-8 YAML"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        message = (
            f"not UTF-8 text (byte 0x{data[err.start]:02x}): save the file as UTF-8; the file is ignored"
        )
        issues.append(Issue(f"{name}:{line}:{col}", message))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _compose(text: str, name: str, issues: list[Issue]) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        message = _yaml_message(err)
    except (yaml.YAMLError, RecursionError) as err:
        issues.append(Issue(name, f"not valid YAML ({type(err).__name__}); the file is ignored"))
        return None
    # What comes before the mistake is usually whole: keep it rather than lose every key.
    line = mark.line if mark else 0
    prefix = "\n".join(text.split("\n")[:line])
    root = None
    if prefix.strip():
        with contextlib.suppress(yaml.YAMLError, RecursionError):
            root = yaml.compose(prefix, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode) and root.value:
        issues.append(Issue(where, f"{message}; line {line + 1} and after are ignored"))
        return root
    issues.append(Issue(where, f"{message}; the file is ignored"))
    return None


def _yaml_message(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    if "\\t" in problem:
        return "not valid YAML: a tab character: indent with spaces, not tabs"
    if "expected a single document" in context + problem:
        return "not valid YAML: more than one document ('---'): a configuration is a single document"
    text = f"{context}, {problem}" if context and problem else (problem or context)
    return f"not valid YAML: {text}"


class _Tagged(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def standard(node: yaml.Node) -> bool:
    return node.tag in STANDARD_TAGS


def _raw(node: yaml.Node) -> Any:
    """A node as text, lists and dicts, read from the source text (YAML's own typing is not used)."""
    if not standard(node):
        raise _Tagged(node)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" and node.style is None:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_raw(item) for item in node.value]
    return {}  # a mapping: no key takes one; the key's type says what it expected


def at(name: str, node: yaml.Node) -> str:
    return f"{name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def _kind(node: yaml.Node) -> str:
    if not standard(node):
        return "the tag " + node.tag.replace("tag:yaml.org,2002:", "!!")
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {node.value!r}"
