"""The one YAML reader for every file kiosk reads (the programme, the device configuration). Qt-free.

It reads a bounded number of bytes, decodes them as UTF-8 and composes YAML nodes, which keep their
line and column, so that each caller can say where a mistake is. It refuses what could hang, eat memory
or run code: files past MAX_BYTES, nesting past MAX_DEPTH, aliases expanding past MAX_NODES values,
every tag (only SafeLoader's plain values are composed; callers refuse non-standard tags with a place).

YAML is parsed by libyaml (PyYAML's C parser, ten times faster) where it is installed, by PyYAML's
pure-Python parser otherwise; nodes are composed by the same Python composer from either parser's
events, so the limits and the marks are the same. When libyaml finds a mistake the text is parsed again
by the pure-Python parser, whose words and places every message is made from: both give one message.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import Any

import yaml

# Values in the file, aliases counted each time they are used: a "billion laughs" file composes
# cheaply but would take forever (and all memory) for anything that walks it.
MAX_NODES = 200_000
# A programme is six levels deep; PyYAML composes recursively and would hit Python's recursion limit.
MAX_DEPTH = 64

STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


class YamlProblem(Exception):
    """Bytes that are not YAML kiosk reads; ``line`` and ``column`` are 1-based, 0 for the whole file."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def decode(data: bytes | str, what: str) -> str:
    """The text of ``data`` with LF line ends; YamlProblem when it is not UTF-8 text.

    ``what`` names the file's kind in messages ("a programme").
    """
    if isinstance(data, str):
        text = data
    else:
        family = _wide_unicode(data)
        if family:
            raise YamlProblem(0, 0, f"this file is {family} text: {what} is UTF-8 YAML; save it as UTF-8")
        if b"\x00" in data[:8192]:
            raise YamlProblem(0, 0, f"this is not a text file (it has NUL bytes): {what} is UTF-8 YAML")
        try:
            text = data.decode("utf-8-sig")  # a BOM from Windows editors is harmless: drop it
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            line_start = data.rfind(b"\n", 0, err.start) + 1
            # The column counts characters, as an editor does, not bytes.
            col = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
            message = f"not UTF-8 text (byte 0x{data[err.start]:02x}): save the file as UTF-8"
            raise YamlProblem(line, col, message) from None
    text = text.removeprefix("\ufeff")
    # CRLF and lone CR line ends are read as LF so that lines and columns stay right.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _wide_unicode(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" for text saved so (Windows' Notepad "Unicode"), by its BOM or its NULs."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    # Latin text in UTF-16 without a BOM: every other byte is a NUL, and the bytes between them are not.
    for zeros, chars in ((odd, even), (even, odd)):
        if len(zeros) >= 4 and zeros.count(0) > 0.9 * len(zeros) and chars.count(0) < 0.1 * len(chars):
            return "UTF-16"
    return None


def compose(text: str, what: str, libyaml: bool | None = None) -> yaml.Node | None:
    """The root node of the single YAML document ``text`` (None when it has none); YamlProblem else.

    ``libyaml`` False parses with the pure-Python parser, True insists on libyaml (tests compare them);
    by default libyaml is used where it is installed.
    """
    if libyaml is None:
        libyaml = LIBYAML
    if libyaml:
        if _CParser is None:
            raise RuntimeError("libyaml is not installed")
        try:
            return _fast_compose(text)
        except (_Fallback, ValueError):  # ValueError: a text libyaml cannot take (a lone surrogate)
            pass
    try:
        return _single_node(_Composer(text))
    except _Refused as err:
        raise YamlProblem(err.mark.line + 1, err.mark.column + 1, err.message) from None
    except yaml.MarkedYAMLError as err:
        mark, message = _yaml_problem(err, what)
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlProblem(line, col, message) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        col = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        raise YamlProblem(line, col, f"the control character {char} cannot be in {what}; remove it") from None
    except yaml.YAMLError as err:
        raise YamlProblem(0, 0, f"not valid YAML: {err}") from None
    except RecursionError:
        raise YamlProblem(0, 0, f"not valid YAML: nested too deep for {what}") from None


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a tree of nodes or a programme is built: they hold no cycles,
    and the collector, woken by every few hundred new objects, walks the whole growing tree each time
    (45 % of composing the 36c3 programme)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_yaml(data: bytes | str, what: str, libyaml: bool | None = None) -> yaml.Node | None:
    """``decode`` then ``compose``."""
    return compose(decode(data, what), what, libyaml)


def _single_node(loader: yaml.composer.Composer) -> yaml.Node | None:
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Refused(Exception):
    """A file PyYAML could read but kiosk will not: too deep, too large once aliases are expanded."""

    def __init__(self, mark: yaml.Mark, message: str):
        self.mark = mark
        self.message = message


class _Limits(yaml.composer.Composer):
    """PyYAML's composer, refusing deep nesting and counting each alias as the values it repeats."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.expanded = 0  # values so far, each alias counting as the values it stands for
        self.sizes: dict[int, int] = {}  # id(node) -> the values it stands for

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            if node is not None:
                if id(node) not in self.sizes:
                    raise _Refused(
                        event.start_mark, f"the alias *{event.anchor} is used inside the value it names"
                    )
                self._count(self.sizes[id(node)], event.start_mark)
            return super().compose_node(parent, index)
        mark = self.peek_event().start_mark
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(mark, f"values nested more than {MAX_DEPTH} deep; refusing to read it")
        before = self.expanded
        node = super().compose_node(parent, index)
        self.depth -= 1
        self._count(1, mark)
        self.sizes[id(node)] = self.expanded - before
        return node

    def _count(self, values: int, mark: yaml.Mark) -> None:
        self.expanded += values
        if self.expanded > MAX_NODES:
            raise _Refused(
                mark,
                f"the file expands to more than {MAX_NODES} values (aliases used many times?); "
                "refusing to read it",
            )


class _Composer(
    _Limits, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.resolver.Resolver
):
    """The pure-Python parser's events, composed with the limits (SafeLoader without its constructor)."""

    def __init__(self, text: str):
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Limits.__init__(self)
        yaml.resolver.Resolver.__init__(self)


try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml
    _CParser = None

LIBYAML = _CParser is not None


class _Fallback(Exception):
    """Anything but a plain, well-formed, bounded document: the pure-Python path says what."""


def _fast_compose(text: str) -> yaml.Node | None:
    """libyaml's events composed in one loop: the nodes _Composer makes, with its limits, 8× faster.

    Raises _Fallback on a mistake or a limit, whatever libyaml said, so that every message (and its
    place) comes from the pure-Python path. tests/unit/test_yaml_reader.py checks that both make the same
    nodes, marks included.
    """
    parser = _CParser(text)
    try:
        with gc_paused():
            return _fast_document(parser)
    except yaml.YAMLError:
        raise _Fallback from None
    finally:
        parser.dispose()


def _fast_document(parser: Any) -> yaml.Node | None:
    get = parser.get_event
    resolve = parser_resolver.resolve
    plain_tags: dict[str, str] = {}  # a plain scalar's resolved tag, by its text (keys repeat a lot)
    events = yaml.events
    get()  # the stream's start
    event = get()
    if type(event) is events.StreamEndEvent:
        return None
    anchors: dict[str, yaml.Node] = {}
    sizes: dict[int, int] = {}
    # Open collections: (node, values counted before it, whether it is a mapping, a key awaiting its value,
    # whether it is anchored). Only anchored nodes' sizes are kept (an alias counts as its node's size);
    # an anchored collection not yet in ``sizes`` is still open, so an alias to it is a recursion.
    stack: list[list[Any]] = []
    expanded = 0
    root = None
    while True:
        event = get()
        kind = type(event)
        if kind is events.AliasEvent:
            node = anchors.get(event.anchor)
            if node is None or id(node) not in sizes:
                raise _Fallback
            expanded += sizes[id(node)]
            if expanded > MAX_NODES:
                raise _Fallback
        elif kind is events.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                if event.implicit[0]:
                    tag = plain_tags.get(event.value)
                    if tag is None:
                        tag = plain_tags[event.value] = resolve(yaml.ScalarNode, event.value, event.implicit)
                else:
                    tag = resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(
                tag, event.value, event.start_mark, event.end_mark, style=event.style or None
            )
            if event.anchor is not None:
                if event.anchor in anchors or len(stack) >= MAX_DEPTH:
                    raise _Fallback
                anchors[event.anchor] = node
                sizes[id(node)] = 1
            expanded += 1
            if len(stack) >= MAX_DEPTH or expanded > MAX_NODES:
                raise _Fallback
        elif kind is events.SequenceStartEvent or kind is events.MappingStartEvent:
            mapping = kind is events.MappingStartEvent
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.MappingNode if mapping else yaml.SequenceNode, None, event.implicit)
            node_class = yaml.MappingNode if mapping else yaml.SequenceNode
            opened = node_class(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if event.anchor is not None:
                if event.anchor in anchors:
                    raise _Fallback
                anchors[event.anchor] = opened
            stack.append([opened, expanded, mapping, None, event.anchor is not None])
            if len(stack) > MAX_DEPTH:
                raise _Fallback
            continue
        elif kind is events.SequenceEndEvent or kind is events.MappingEndEvent:
            node, before, _, _, anchored = stack.pop()
            node.end_mark = event.end_mark
            expanded += 1
            if anchored:  # only an alias asks what a node stands for
                sizes[id(node)] = expanded - before
            if expanded > MAX_NODES:
                raise _Fallback
        else:
            raise _Fallback
        if not stack:
            root = node
            break
        top = stack[-1]
        if not top[2]:
            top[0].value.append(node)
        elif top[3] is None:
            top[3] = node
        else:
            top[0].value.append((top[3], node))
            top[3] = None
    if type(get()) is not events.DocumentEndEvent or type(get()) is not events.StreamEndEvent:
        raise _Fallback
    return root


parser_resolver = yaml.resolver.Resolver()


# Constructs PyYAML reports where it gave up, often lines later: the mistake is where they were opened.
_UNCLOSED = ("while parsing a flow", "while scanning a quoted scalar", "while scanning a simple key")


def _yaml_problem(err: yaml.MarkedYAMLError, what: str) -> tuple[yaml.Mark | None, str]:
    """Where to point for a YAML syntax error, and what to say."""
    message = _yaml_message(err, what)
    problem, context = err.problem_mark, err.context_mark
    if (
        problem is not None
        and context is not None
        and context.line < problem.line
        and (err.context or "").startswith(_UNCLOSED)
    ):
        return context, f"{message} (at line {problem.line + 1}, column {problem.column + 1})"
    return problem or context, message


def _yaml_message(err: yaml.MarkedYAMLError, what: str) -> str:
    problem = (err.problem or "").strip()
    if "\\t" in problem:
        return "a tab character: indent with spaces, not tabs"
    context = (err.context or "").strip()
    if "expected a single document" in context + problem:
        return f"more than one YAML document ('---'): {what} is a single document"
    text = f"{context}, {problem}" if context and problem else (problem or context)
    return f"not valid YAML: {text}"
