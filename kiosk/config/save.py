"""Saving one setting into the device user's configuration file: atomic, and kind to what is there."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .. import file_bytes
from ..atomic import write_atomically
from .files import read_data, standard
from .keys import KEY, suggest, yaml_value
from .layers import Sources, user_config_path
from .pin import hash_pin, is_hash
from .types import Context

if TYPE_CHECKING:
    from ..programme import Programme

NEW_FILE_HEADER = "# kiosk device configuration; `kiosk config` shows every key, its value and origin.\n"
REWRITE_HEADER = "# kiosk device configuration, rewritten by kiosk: {why}.\n"


def save_user_setting(
    key: str,
    value: Any,
    environ: Mapping[str, str] = os.environ,
    programme: Programme | None = None,
) -> Path:
    """Write ``key: value`` atomically into the user's configuration file, keeping its other lines.

    The value is checked as if read from a file (against ``programme`` when given; a room is stored
    as its id); ValueError says what is wrong, OSError when the file cannot be written. Returns the file.
    """
    decl = KEY.get(key)
    if decl is None:
        raise ValueError(f"unknown key {key!r}; {suggest(key, KEY)}")
    value = decl.read(value, Context(base=Path.cwd(), home=environ.get("HOME")))
    if programme is not None and decl.check is not None and value is not None:
        value = decl.check(value, programme)
    path = user_config_path()
    if path is None:
        raise ValueError("no user configuration file: the user has no home folder")
    if path.is_symlink():
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        old: bytes | None = file_bytes.read_bytes(path)  # a FIFO or /dev/zero there is refused at once
    except file_bytes.Unreadable as err:
        if not err.missing:
            raise ValueError(f"{path}: {err.message}") from None
        old = None
    if key == "setup_pin" and value is not None and not is_hash(value):
        value = hash_pin(value)
    text, kept_as_broken = _edited(old, key, value, path.name + ".broken")
    # A file that holds a PIN's hash is the device user's alone.
    mode = 0o600 if key == "setup_pin" or (old is not None and b"setup_pin" in old) else None
    if kept_as_broken and old is not None:
        write_atomically(path.with_name(path.name + ".broken"), old, mode=mode)
    write_atomically(path, text.encode("utf-8"), mode=mode)
    return path


def _edited(old: bytes | None, key: str, value: Any, broken_name: str) -> tuple[str, bool]:
    """The new text of the file, and whether the old one could not be kept (then saved aside)."""
    line = f"{key}: {yaml_value(value)}"
    if old is None or not old.strip():
        return NEW_FILE_HEADER + line + "\n", False
    try:
        text = old.decode("utf-8-sig")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
        root = text = None
    newline = "\r\n" if text and "\r\n" in text else "\n"
    edited = None
    if text is not None and root is None:  # comments only
        edited = text + ("" if text.endswith(("\n", "\r")) else newline) + line + newline
    elif text is not None and isinstance(root, yaml.MappingNode) and standard(root) and not root.flow_style:
        edited = _edit_block(text, root, key, line, newline)
    if edited is not None and _reads_back(edited, key, value):
        return edited, False
    if text is not None and isinstance(root, yaml.MappingNode) and standard(root):
        # A flow mapping ({room: a, view: door}), or an edit that did not read back: every key's
        # source text is kept, each on its own line; comments are not.
        lines = [
            f"{text[k.start_mark.index : k.end_mark.index]}: {text[v.start_mark.index : _end(v, text)]}"
            for k, v in root.value
            if not (isinstance(k, yaml.ScalarNode) and k.value == key)
        ]
        rewritten = REWRITE_HEADER.format(why="comments of the previous file were not kept")
        rewritten += "".join(f"{ln}\n" for ln in lines) + line + "\n"
        if not any("\n" in ln for ln in lines) and _reads_back(rewritten, key, value):
            return rewritten, False
    return REWRITE_HEADER.format(
        why=f"the previous file could not be edited in place and was kept as {broken_name}"
    ) + (line + "\n"), True


def _edit_block(text: str, root: yaml.MappingNode, key: str, line: str, newline: str) -> str:
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return text[: k.start_mark.index] + line + text[_end(v, text) :]
    indent = " " * root.start_mark.column
    return text + ("" if text.endswith(("\n", "\r")) else newline) + indent + line + newline


def _end(node: yaml.Node, text: str) -> int:
    """Where a value's own text ends: not after the line breaks and comments that follow a block."""
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode) and not node.flow_style and node.value:
        last = node.value[-1]
        end = _end(last[1] if isinstance(last, tuple) else last, text)
    else:
        end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _reads_back(text: str, key: str, value: Any) -> bool:
    """Whether ``text`` is whole YAML in which ``key`` reads as ``value``: the check on every edit."""
    content = read_data(text.encode("utf-8"), "<edited>")
    whole = content.whole and not any(i.message.startswith("not valid YAML") for i in content.issues)
    sources = Sources({})
    sources.content(content, "user", None)
    return whole and [c.value for c in sources.candidates[key][1:]] == [value]
