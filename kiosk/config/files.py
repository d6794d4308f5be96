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

from .. import file_bytes, yaml_reader
from .keys import KEY, suggest

# The same cap as every file kiosk reads (issue 13.14): the reader's.
MAX_BYTES = file_bytes.MAX_BYTES
STANDARD_TAGS = yaml_reader.STANDARD_TAGS


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
        data = file_bytes.read_bytes(path, MAX_BYTES)
    except file_bytes.Unreadable as err:
        if err.missing:
            issues = [Issue(name, "cannot read the configuration: no such file")] if required else []
            return FileContent([], issues, False)
        return FileContent([], [Issue(name, f"{err.message}; the configuration is ignored")], False)
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
WHAT = "a configuration"


def read_yaml(data: bytes, name: str, issues: list[Issue]) -> yaml.Node | None:
    """The root node of a configuration's bytes (kiosk's one YAML reader, with its limits), or None.

    Every problem is appended to ``issues``. After a YAML mistake, the keys above it are kept.
    """
    try:
        text = yaml_reader.decode(data, WHAT)
    except yaml_reader.YamlProblem as err:
        issues.append(Issue(_where(name, err), f"{err.message}; the file is ignored"))
        return None
    try:
        return yaml_reader.compose(text, WHAT)
    except yaml_reader.YamlProblem as err:
        problem = err
    # What comes before the mistake is usually whole: keep it rather than lose every key.
    root = None
    if problem.line > 1:
        prefix = "\n".join(text.split("\n")[: problem.line - 1])
        with contextlib.suppress(yaml_reader.YamlProblem):
            root = yaml_reader.compose(prefix, WHAT)
    if isinstance(root, yaml.MappingNode) and root.value:
        issues.append(
            Issue(_where(name, problem), f"{problem.message}; line {problem.line} and after are ignored")
        )
        return root
    issues.append(Issue(_where(name, problem), f"{problem.message}; the file is ignored"))
    return None


def _where(name: str, problem: yaml_reader.YamlProblem) -> str:
    return f"{name}:{problem.line}:{problem.column}" if problem.line else name


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
