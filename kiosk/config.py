"""Device configuration: every key declared once, read from layered sources, each value with its origin.

Layers, lowest to highest: the defaults below < /etc/kiosk/kiosk.yaml < the user's
$XDG_CONFIG_HOME/kiosk/kiosk.yaml < a file from --config or $KIOSK_CONFIG < $KIOSK_<KEY> < flags.
A bad value is reported as one line (file:line:column, what was expected, a suggestion) and the key
keeps the value of the layer below: loading never raises and never stops the screen.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml

from .atomic import write_atomically

if TYPE_CHECKING:
    from .programme import Programme

ETC_DIR = Path("/etc/kiosk")
FILE_NAME = "kiosk.yaml"
MAX_BYTES = 1024 * 1024
# Where a value came from, lowest first; Config.layer(key) names one of these.
LAYERS = ("default", "system", "user", "file", "env", "flag")
PIN_MASK = "****"

# -- the value types -------------------------------------------------------------------------------
# A raw value is what a source holds before the key's type reads it: text (every YAML scalar is
# read from its source text, so `setup_pin: 0123` keeps its zero and `room: 1` is a name), a list of
# raw values, a dict (always wrong here), None (YAML null), or a typed Python value given by a caller.


@dataclass(frozen=True)
class _Context:
    """What a value is read relative to: the file's folder for relative paths, $HOME for ~."""

    base: Path | None = None
    home: str | None = None


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
_NUMBER = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_PIN = re.compile(r"^\d{4,12}$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _describe(raw: Any) -> str:
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, list | tuple):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    return repr(raw)


def _scalar(raw: Any, what: str) -> str:
    """The text of a single value; numbers given by a caller count as their text."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    raise ValueError(f"expected {what}, found {_describe(raw)}")


def _choice(*choices: str) -> Callable[[Any, _Context], str]:
    def parse(raw: Any, ctx: _Context) -> str:
        text = _scalar(raw, " or ".join(choices))
        if text.casefold() in choices:
            return text.casefold()
        hint = difflib.get_close_matches(text.casefold(), choices, n=1)
        raise ValueError(
            f"{text!r} is not one of {', '.join(choices)}" + (f"; did you mean {hint[0]!r}?" if hint else "")
        )

    return parse


def _name(raw: Any, ctx: _Context) -> str:
    text = _scalar(raw, "a name")
    if not text:
        raise ValueError("expected a name, found an empty text")
    return text


def _languages(raw: Any, ctx: _Context) -> tuple[str, ...]:
    if isinstance(raw, list | tuple):
        items = [_scalar(item, "language codes") for item in raw]
    else:
        items = [part for part in re.split(r"[,\s]+", _scalar(raw, "a list of language codes")) if part]
    if not items:
        raise ValueError(
            "expected at least one language code (e.g. [fr, en]); for the event's order use null"
        )
    seen: set[str] = set()
    for code in items:
        if not _LANG.match(code):
            raise ValueError(f"{code!r} is not a language code (e.g. fr, en, pt-BR)")
        if code.casefold() in seen:
            raise ValueError(f"{code!r} is given twice")
        seen.add(code.casefold())
    return tuple(items)


def _seconds(minimum: float, why: str = "") -> Callable[[Any, _Context], float]:
    """A number of seconds, at least ``minimum`` (more than 0 when minimum is 0)."""
    bound = f"at least {minimum:g}{why}" if minimum else "more than 0"

    def parse(raw: Any, ctx: _Context) -> float:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            number = float(raw)
        else:
            text = _scalar(raw, f"a number of seconds, {bound}")
            if not _NUMBER.match(text):
                raise ValueError(f"expected a number of seconds, {bound}; found {text!r}")
            number = float(text)
        if not math.isfinite(number) or number < minimum or number <= 0:
            raise ValueError(f"{number:g} is too small: expected a number of seconds, {bound}")
        return int(number) if number.is_integer() else number

    return parse


def _rotation(raw: Any, ctx: _Context) -> int:
    choices = (0, 90, 180, 270)
    if isinstance(raw, int) and not isinstance(raw, bool):
        number = raw
    else:
        text = _scalar(raw, "0, 90, 180 or 270")
        number = int(text) if text.isdigit() else None
    if number not in choices:
        raise ValueError(f"{_describe(raw)} is not one of 0, 90, 180, 270 (degrees, clockwise)")
    return number


def _boolean(raw: Any, ctx: _Context) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _scalar(raw, "true or false").casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{text!r} is not true or false (also accepted: yes/no, on/off, 1/0)")


def _screen(raw: Any, ctx: _Context) -> int | str:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if raw < 0:
            raise ValueError(f"{raw} is not a screen: an index counts from 0")
        return raw
    text = _scalar(raw, "a screen's name or index")
    if not text:
        raise ValueError("expected a screen's name (e.g. HDMI-A-1) or index (0, 1, …), found an empty text")
    return int(text) if text.isdigit() else text


def _programme_source(raw: Any, ctx: _Context) -> str:
    text = _scalar(raw, "a path or an http(s) URL")
    if not text:
        raise ValueError("expected a path or an http(s) URL, found an empty text")
    if _URL.match(text):
        url = urlsplit(text)
        if url.scheme.lower() not in ("http", "https") or not url.netloc:
            raise ValueError(
                f"{text!r}: only http:// and https:// URLs are fetched; for a local file give its path"
            )
        return text
    if text == "~" or text.startswith("~/"):
        if not ctx.home:
            raise ValueError(f"{text!r}: ~ cannot be expanded, HOME is not set")
        text = ctx.home + text[1:]
    path = Path(text)
    if ctx.base is not None and not path.is_absolute():
        path = ctx.base / path
    return str(path)


_MODIFIERS = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
_MODIFIER_ORDER = ("Ctrl", "Alt", "Shift", "Meta")
# Qt's portable names (QKeySequence::fromString), and the spellings people write for them.
_NAMED_KEYS = {
    **{k.casefold(): k for k in ("Esc", "Tab", "Backspace", "Return", "Enter", "Ins", "Del", "Pause")},
    **{k.casefold(): k for k in ("Print", "Home", "End", "Left", "Up", "Right", "Down", "Space")},
    **{k.casefold(): k for k in ("PgUp", "PgDown")},
    "escape": "Esc",
    "insert": "Ins",
    "delete": "Del",
    "pageup": "PgUp",
    "pagedown": "PgDown",
    **{f"f{n}": f"F{n}" for n in range(1, 36)},
}


def _chord(raw: Any, ctx: _Context) -> str:
    text = _scalar(raw, "a key chord such as Ctrl+Alt+Shift+Q").replace(" ", "")
    mods_text, _, key = text.rpartition("+")
    if key == "" and mods_text.endswith("+"):
        mods_text, key = mods_text[:-1], "+"
    mods: list[str] = []
    for part in mods_text.split("+") if mods_text else []:
        mod = _MODIFIERS.get(part.casefold())
        if mod is None:
            raise ValueError(f"{part!r} in {text!r} is not a modifier (Ctrl, Alt, Shift, Meta)")
        if mod in mods:
            raise ValueError(f"{mod} is given twice in {text!r}")
        mods.append(mod)
    if key.casefold() in _MODIFIERS:
        raise ValueError(f"{text!r} has no key after its modifiers (e.g. Ctrl+Alt+Shift+Q)")
    if len(key) == 1 and key.isprintable():
        key = key.upper()
    elif key.casefold() in _NAMED_KEYS:
        key = _NAMED_KEYS[key.casefold()]
    else:
        raise ValueError(f"{key!r} in {text!r} is not a key: use one character, F1…F35, Esc, Del, …")
    if not {"Ctrl", "Alt", "Meta"} & set(mods):
        raise ValueError(f"{text!r} needs Ctrl, Alt or Meta, so that nobody presses it by chance")
    chord = "+".join([*(m for m in _MODIFIER_ORDER if m in mods), key])
    if {"Ctrl", "Alt"} <= set(mods) and (
        key in ("Del", "Backspace") or re.fullmatch(r"F([1-9]|1[0-2])", key)
    ):
        raise ValueError(f"{chord} is taken by the system (console switch, reboot or X server kill)")
    return chord


def _pin(raw: Any, ctx: _Context) -> str:
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    text = _scalar(raw, "a PIN of 4 to 12 digits")
    if not _PIN.match(text):
        raise ValueError("expected a PIN of 4 to 12 digits (quote it in YAML if it starts with 0)")
    return text


# -- checks against the programme ------------------------------------------------------------------
def _room_in(value: str, programme: Programme) -> str:
    room = programme.find_room(value)
    if room is not None:
        return room.id
    names: dict[str, str] = {}
    for r in programme.rooms:
        for n in (r.id, *r.name.by_lang.values()):
            names.setdefault(n.strip().casefold(), r.id)
    hint = difflib.get_close_matches(value.strip().casefold(), list(names), n=1, cutoff=0.6)
    if hint:
        return _fail(f"unknown room {value!r}; did you mean {names[hint[0]]!r}?")
    return _fail(f"unknown room {value!r}; the programme's rooms: {', '.join(r.id for r in programme.rooms)}")


def _languages_in(value: tuple[str, ...], programme: Programme) -> tuple[str, ...]:
    event = {code.casefold(): code for code in programme.event.languages}
    out = []
    for code in value:
        if code.casefold() not in event:
            hint = difflib.get_close_matches(code.casefold(), list(event), n=1)
            _fail(
                f"the event has no language {code!r} (it has {', '.join(programme.event.languages)})"
                + (f"; did you mean {event[hint[0]]!r}?" if hint else "")
            )
        out.append(event[code.casefold()])
    return tuple(out)


def _fail(message: str) -> Any:
    raise ValueError(message)


# -- the keys --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Key:
    """One configuration key, declared once: its type, default and meaning."""

    name: str
    kind: str  # what a value looks like, for people: "door | overview"
    default: Any
    doc: str
    parse: Callable[[Any, _Context], Any]  # raises ValueError with a message for people
    nullable: bool = False
    flag: bool = False  # add_config_flags gives it a command-line option
    check: Callable[[Any, Programme], Any] | None = None  # against the programme; normalises

    @property
    def env(self) -> str:
        return "KIOSK_" + self.name.upper()

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    def read(self, raw: Any, ctx: _Context = _Context()) -> Any:
        """The typed value of ``raw``; ValueError saying what was expected."""
        if raw is None:
            if self.nullable:
                return None
            raise ValueError(f"expected {self.kind}, found nothing")
        return self.parse(raw, ctx)


KEYS: tuple[Key, ...] = (
    Key(
        "view",
        "door | overview",
        "door",
        "what the screen shows: one room's door, or every room",
        _choice("door", "overview"),
        flag=True,
    ),
    Key(
        "room",
        "room id or name | null",
        None,
        "the room of a door screen: its id or its name in any language (null: ask on screen)",
        _name,
        nullable=True,
        flag=True,
        check=_room_in,
    ),
    Key(
        "languages",
        "list of language codes | null",
        None,
        "the languages shown, in turn and in this order (null: all of the event's, in its order)",
        _languages,
        nullable=True,
        flag=True,
        check=_languages_in,
    ),
    Key(
        "language_period", "seconds > 0", 10, "how long each language stays on screen", _seconds(0), flag=True
    ),
    Key(
        "reduced_motion",
        "true | false",
        False,
        "no animations: switch languages and pages at once",
        _boolean,
        flag=True,
    ),
    Key(
        "screen",
        "output name | index | null",
        None,
        "the output to fill, by name (e.g. HDMI-A-1) or index from 0 (null: the primary screen)",
        _screen,
        nullable=True,
        flag=True,
    ),
    Key(
        "rotation",
        "0 | 90 | 180 | 270",
        0,
        "degrees clockwise, for a screen mounted on its side",
        _rotation,
        flag=True,
    ),
    Key(
        "programme",
        "path | http(s) URL | null",
        None,
        "the programme; a relative path is read from the configuration file's folder "
        "(null: the bundled programme)",
        _programme_source,
        nullable=True,
    ),
    Key(
        "programme_refresh",
        "seconds ≥ 5",
        60,
        "seconds between two fetches of a programme given by URL",
        _seconds(5, ", to spare the server"),
    ),
    Key("exit_chord", "key chord", "Ctrl+Alt+Shift+Q", "the only keys that quit the kiosk", _chord),
    Key("setup_chord", "key chord", "Ctrl+Alt+Shift+S", "the keys that open the on-screen setup", _chord),
    Key(
        "setup_pin",
        "4 to 12 digits | null",
        None,
        "the PIN asked before the on-screen setup opens (null: no PIN)",
        _pin,
        nullable=True,
    ),
)
KEY = {k.name: k for k in KEYS}
DEFAULTS: Mapping[str, Any] = {k.name: k.default for k in KEYS}


def _suggest(name: str, known: Iterable[str]) -> str:
    known = list(known)
    hint = difflib.get_close_matches(name, known, n=1)
    return f"did you mean {hint[0]!r}?" if hint else f"known keys: {', '.join(known)}"


# -- the result ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Candidate:
    """One source's valid value for a key."""

    value: Any
    origin: str  # "default", "/etc/kiosk/kiosk.yaml:3", "env KIOSK_ROOM", "flag --room"
    layer: str
    where: str  # where a problem with it points: file:line:column, or the origin


@dataclass(frozen=True)
class _Issue:
    where: str
    message: str
    key: str | None = None  # set when the key falls back because of it


@dataclass(frozen=True)
class Config:
    """The effective configuration: ``config.room`` or ``config["room"]``, with origins and problems."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]
    problems: list[str]
    files: tuple[Path, ...] = ()  # the files consulted, lowest layer first, whether present or not
    layers: Mapping[str, str] = field(default_factory=dict)
    _candidates: Mapping[str, tuple[_Candidate, ...]] = field(default_factory=dict, repr=False, compare=False)
    _issues: tuple[_Issue, ...] = field(default=(), repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values")
        if values is not None and name in values:
            return values[name]
        raise AttributeError(name)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def layer(self, key: str) -> str:
        """Which layer the value comes from: one of LAYERS."""
        return self.layers[key]

    def with_programme(self, programme: Programme) -> Config:
        """The same sources checked against ``programme``: room and languages normalised, or fallen back."""
        return _resolve(self._candidates, self._issues, self.files, programme)


def _resolve(
    candidates: Mapping[str, tuple[_Candidate, ...]],
    issues: tuple[_Issue, ...],
    files: tuple[Path, ...],
    programme: Programme | None,
) -> Config:
    given, issues = issues, list(issues)
    chosen: dict[str, _Candidate] = {}
    for key in KEYS:
        found: _Candidate | None = None
        for cand in reversed(candidates[key.name]):
            value = cand.value
            if programme is not None and key.check is not None and value is not None:
                try:
                    value = key.check(value, programme)
                except ValueError as err:
                    issues.append(_Issue(cand.where, str(err), key.name))
                    continue
            if found is None:
                found = _Candidate(value, cand.origin, cand.layer, cand.where)
        assert found is not None  # the default is always valid
        chosen[key.name] = found
    # One chord cannot both quit and open the setup: the one set on purpose gives way to its default.
    for key, other in (("setup_chord", "exit_chord"), ("exit_chord", "setup_chord")):
        mine, theirs = chosen[key], chosen[other]
        if mine.value == theirs.value and mine.layer != "default":
            issues.append(_Issue(mine.where, f"{mine.value} is also the {other.replace('_', ' ')}", key))
            chosen[key] = candidates[key][0]
    messages = []
    for issue in issues:
        text = (
            f"{issue.where}: {issue.key}: {issue.message}" if issue.key else f"{issue.where}: {issue.message}"
        )
        if issue.key:
            used = chosen[issue.key]
            text += f" — using {show(issue.key, used.value)} ({used.origin})"
        messages.append(text)
    return Config(
        values={k: c.value for k, c in chosen.items()},
        origins={k: c.origin for k, c in chosen.items()},
        problems=messages,
        files=files,
        layers={k: c.layer for k, c in chosen.items()},
        _candidates=candidates,
        _issues=given,
    )


# -- reading the sources ---------------------------------------------------------------------------
def user_config_path(environ: Mapping[str, str] = os.environ) -> Path | None:
    """$XDG_CONFIG_HOME/kiosk/kiosk.yaml, else ~/.config/kiosk/kiosk.yaml; None without a home."""
    xdg = environ.get("XDG_CONFIG_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is to be ignored
        return Path(xdg) / "kiosk" / FILE_NAME
    home = environ.get("HOME")
    return Path(home) / ".config" / "kiosk" / FILE_NAME if home else None


class _Sources:
    """Collects every source's valid values (candidates) and every problem, layer by layer."""

    def __init__(self, environ: Mapping[str, str]):
        self.environ = environ
        self.candidates: dict[str, list[_Candidate]] = {
            k.name: [_Candidate(k.default, "default", "default", "default")] for k in KEYS
        }
        self.issues: list[_Issue] = []
        self.files: list[Path] = []

    def add(self, key: Key, raw: Any, origin: str, layer: str, where: str, ctx: _Context) -> None:
        try:
            value = key.read(raw, ctx)
        except ValueError as err:
            self.issues.append(_Issue(where, str(err), key.name))
            return
        self.candidates[key.name].append(_Candidate(value, origin, layer, where))

    # -- files ---------------------------------------------------------------------------------
    def file(self, path: Path, layer: str, required: bool) -> None:
        self.files.append(path)
        name = str(path)
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        except FileNotFoundError:
            if required:
                self.issues.append(_Issue(name, "cannot read the configuration: no such file"))
            return
        except OSError as err:
            self.issues.append(_Issue(name, f"cannot read the configuration: {err.strerror or err}"))
            return
        if len(data) > MAX_BYTES:
            self.issues.append(
                _Issue(name, f"larger than {MAX_BYTES >> 20} MB: not a configuration; ignored")
            )
            return
        self.data(data, name, layer, path.parent)

    def data(self, data: bytes, name: str, layer: str, base: Path | None) -> bool:
        """Read one file's bytes; False when none of it could be read."""
        text = self._decode(data, name)
        if text is None:
            return False
        root = self._compose(text, name)
        if root is None:
            return False
        if not _standard(root) or not isinstance(root, yaml.MappingNode):
            self.issues.append(
                _Issue(
                    _at(name, root),
                    f"expected a mapping of keys (e.g. 'room: salle-i'), found {_kind(root)}; "
                    "the file is ignored",
                )
            )
            return False
        ctx = _Context(base=base, home=self.environ.get("HOME"))
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in root.value:
            if not isinstance(key_node, yaml.ScalarNode) or not _standard(key_node):
                self.issues.append(_Issue(_at(name, key_node), "a key must be a plain word (e.g. room)"))
                continue
            word = key_node.value
            if word not in KEY:
                self.issues.append(
                    _Issue(_at(name, key_node), f"unknown key {word!r}; {_suggest(word, KEY)}")
                )
                continue
            if word in seen:
                first = seen[word].start_mark.line + 1
                self.issues.append(
                    _Issue(
                        _at(name, key_node),
                        f"{word!r} is given twice (first at line {first}); this one is ignored",
                    )
                )
                continue
            seen[word] = key_node
            origin = f"{name}:{key_node.start_mark.line + 1}"
            try:
                raw = _raw(value_node)
            except _Tagged as err:
                tag = err.node.tag.replace("tag:yaml.org,2002:", "!!")
                message = f"the tag {tag} is not allowed: a configuration holds plain values only"
                self.issues.append(_Issue(_at(name, err.node), message, word))
                continue
            self.add(KEY[word], raw, origin, layer, _at(name, value_node), ctx)
        return True

    def _decode(self, data: bytes, name: str) -> str | None:
        if b"\x00" in data:
            self.issues.append(
                _Issue(name, "not a text file (it has NUL bytes): a configuration is UTF-8 YAML")
            )
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
            self.issues.append(
                _Issue(
                    f"{name}:{line}:{col}",
                    f"not UTF-8 text (byte 0x{data[err.start]:02x}): save the file as UTF-8; "
                    "the file is ignored",
                )
            )
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _compose(self, text: str, name: str) -> yaml.Node | None:
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
            message = _yaml_message(err)
        except (yaml.YAMLError, RecursionError) as err:
            self.issues.append(_Issue(name, f"not valid YAML ({type(err).__name__}); the file is ignored"))
            return None
        # What comes before the mistake is usually whole: keep it rather than lose every key.
        line = mark.line if mark else 0
        prefix = "\n".join(text.split("\n")[:line])
        root = None
        if prefix.strip():
            with contextlib.suppress(yaml.YAMLError, RecursionError):
                root = yaml.compose(prefix, Loader=yaml.SafeLoader)
        if isinstance(root, yaml.MappingNode) and root.value:
            self.issues.append(_Issue(where, f"{message}; line {line + 1} and after are ignored"))
            return root
        self.issues.append(_Issue(where, f"{message}; the file is ignored"))
        return None

    # -- environment and flags -----------------------------------------------------------------
    def env(self) -> None:
        ctx = _Context(home=self.environ.get("HOME"))
        for key in KEYS:
            text = self.environ.get(key.env)
            if text is None or not text.strip():  # an empty variable counts as unset
                continue
            self.add(key, text, f"env {key.env}", "env", f"env {key.env}", ctx)
        known = [k.env for k in KEYS]
        for var in self.environ:
            if var.startswith("KIOSK_") and var not in known and var != "KIOSK_CONFIG":
                hint = difflib.get_close_matches(var, known, n=1, cutoff=0.85)
                if hint:
                    self.issues.append(_Issue(f"env {var}", f"unknown variable; did you mean {hint[0]}?"))

    def flags(self, flags: Mapping[str, tuple[Any, str]]) -> None:
        ctx = _Context(home=self.environ.get("HOME"))
        for name, (value, flag) in flags.items():
            key = KEY.get(name)
            if key is None:
                self.issues.append(_Issue(f"flag {flag}", f"unknown key {name!r}; {_suggest(name, KEY)}"))
                continue
            if isinstance(value, str) and not value.strip() and key.nullable:
                value = None
            self.add(key, value, f"flag {flag}", "flag", f"flag {flag}", ctx)


class _Tagged(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


def _standard(node: yaml.Node) -> bool:
    return node.tag in _STANDARD_TAGS


def _raw(node: yaml.Node) -> Any:
    """A node as text, lists and dicts, read from the source text (YAML's own typing is not used)."""
    if not _standard(node):
        raise _Tagged(node)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" and node.style is None:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_raw(item) for item in node.value]
    return {}  # a mapping: no key takes one; the key's type says what it expected


def _at(name: str, node: yaml.Node) -> str:
    return f"{name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def _kind(node: yaml.Node) -> str:
    if not _standard(node):
        return "the tag " + node.tag.replace("tag:yaml.org,2002:", "!!")
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {node.value!r}"


def _yaml_message(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    if "\\t" in problem:
        return "not valid YAML: a tab character: indent with spaces, not tabs"
    if "expected a single document" in context + problem:
        return "not valid YAML: more than one document ('---'): a configuration is a single document"
    text = f"{context}, {problem}" if context and problem else (problem or context)
    return f"not valid YAML: {text}"


# -- loading ---------------------------------------------------------------------------------------
def load_config(
    environ: Mapping[str, str] = os.environ,
    flags: Mapping[str, tuple[Any, str]] | None = None,
    config_file: str | Path | None = None,
    etc_dir: Path | None = None,
    programme: Programme | None = None,
) -> Config:
    """The configuration from every layer; ``flags`` maps a key to (value, flag as typed). Never raises.

    ``config_file`` is the --config file (else $KIOSK_CONFIG); ``etc_dir`` replaces /etc/kiosk (read
    at call time, so a test can point ETC_DIR elsewhere). With ``programme``, the room and the
    languages are checked against it (see Config.with_programme).
    """
    sources = _Sources(environ)
    sources.file(Path(etc_dir or ETC_DIR) / FILE_NAME, "system", required=False)
    user = user_config_path(environ)
    if user is not None:
        sources.file(user, "user", required=False)
    explicit = config_file if config_file not in (None, "") else environ.get("KIOSK_CONFIG")
    if explicit:
        sources.file(Path(explicit), "file", required=True)
    sources.env()
    sources.flags(flags or {})
    candidates = {k: tuple(v) for k, v in sources.candidates.items()}
    return _resolve(candidates, tuple(sources.issues), tuple(sources.files), programme)


def show(key: str, value: Any) -> str:
    """A value as a person reads it in a table or a message (a PIN stays hidden)."""
    if key == "setup_pin" and value is not None:
        return PIN_MASK
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


# -- saving ----------------------------------------------------------------------------------------
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
        raise ValueError(f"unknown key {key!r}; {_suggest(key, KEY)}")
    value = decl.read(value, _Context(base=Path.cwd(), home=environ.get("HOME")))
    if programme is not None and decl.check is not None and value is not None:
        value = decl.check(value, programme)
    path = user_config_path(environ)
    if path is None:
        raise ValueError("no user configuration file: neither XDG_CONFIG_HOME nor HOME is set")
    if path.is_symlink():
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        old: bytes | None = path.read_bytes()
    except FileNotFoundError:
        old = None
    text, kept_as_broken = _edited(old, key, value, path.name + ".broken")
    if kept_as_broken and old is not None:
        write_atomically(path.with_name(path.name + ".broken"), old)
    write_atomically(path, text.encode("utf-8"))
    return path


def _yaml_value(value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _edited(old: bytes | None, key: str, value: Any, broken_name: str) -> tuple[str, bool]:
    """The new text of the file, and whether the old one could not be kept (then saved aside)."""
    line = f"{key}: {_yaml_value(value)}"
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
    elif text is not None and isinstance(root, yaml.MappingNode) and _standard(root) and not root.flow_style:
        edited = _edit_block(text, root, key, line, newline)
    if edited is not None and _reads_back(edited, key, value):
        return edited, False
    if text is not None and isinstance(root, yaml.MappingNode) and _standard(root):
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
    sources = _Sources({})
    whole = sources.data(text.encode("utf-8"), "<edited>", "user", None)
    whole = whole and not any(i.message.startswith("not valid YAML") for i in sources.issues)
    return whole and [c.value for c in sources.candidates[key][1:]] == [value]


# -- the command line ------------------------------------------------------------------------------
class _NotGiven:
    """The default of `kiosk config --programme`: tells "not given" from the default `kiosk` fills in."""

    def __repr__(self) -> str:
        return "<not given>"


NOT_GIVEN: Any = _NotGiven()


def config_from_args(
    args: argparse.Namespace,
    environ: Mapping[str, str] = os.environ,
    etc_dir: Path | None = None,
    programme: Programme | None = None,
) -> Config:
    """The configuration with the flags of ``args`` on top (see add_config_flags).

    --overview means view: overview, and --room alone means view: door (as in `kiosk run`); an
    explicit --view wins over both. --programme counts when it is not the default `kiosk` fills in.
    """
    flags: dict[str, tuple[Any, str]] = {}
    for key in KEYS:
        value = getattr(args, key.name, None)
        if value is None or value is NOT_GIVEN or isinstance(value, list):
            continue
        if key.name == "programme" and value in (environ.get("KIOSK_PROGRAMME"), _bundled_programme()):
            continue
        flags[key.name] = (value, key.option)
    if "view" not in flags:
        if getattr(args, "overview", False):
            flags["view"] = ("overview", "--overview")
        elif "room" in flags:
            flags["view"] = ("door", "--room")
    return load_config(environ, flags, getattr(args, "config", None), etc_dir, programme)


def _bundled_programme() -> str:
    from .resources import bundled_programme

    return str(bundled_programme())


def reference_markdown() -> str:
    """The table of keys for docs/configuration.md, made from the declarations."""
    lines = [
        "| key | values | default | variable | flag | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for key in KEYS:
        flag = f"`{key.option}`" if key.flag else ("`--programme`" if key.name == "programme" else "—")
        kind = key.kind.replace("|", "\\|")
        lines.append(
            f"| `{key.name}` | {kind} | `{_yaml_value(key.default)}` | `{key.env}` | {flag} | {key.doc} |"
        )
    return "\n".join(lines) + "\n"
