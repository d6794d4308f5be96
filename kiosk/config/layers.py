"""The layers of the configuration, lowest first, and the value each key takes with its origin.

defaults < /etc/kiosk/kiosk.yaml < the user's file ($XDG_CONFIG_HOME/kiosk/kiosk.yaml) < a file
from --config or $KIOSK_CONFIG < $KIOSK_<KEY> < flags. A bad value is reported as one line
(file:line:column, what was expected, a suggestion) and the key keeps the value of the layer below:
loading never raises and never stops the screen.
"""

from __future__ import annotations

import argparse
import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import folders
from ..resources import bundled_programme
from .files import FileContent, Issue, read_file
from .keys import KEY, KEYS, Key, show, suggest
from .pin import is_hash
from .types import Context

if TYPE_CHECKING:
    from ..programme import Programme

FILE_NAME = "kiosk.yaml"
# Where a value came from, lowest first; Config.layer(key) names one of these.
LAYERS = ("default", "system", "user", "file", "env", "flag")


def user_config_path() -> Path | None:
    """The device user's file: $XDG_CONFIG_HOME/kiosk/kiosk.yaml, else ~/.config/kiosk/kiosk.yaml."""
    folder = folders.config_dir()
    return folder / FILE_NAME if folder else None


@dataclass(frozen=True)
class Candidate:
    """One source's valid value for a key."""

    value: Any
    origin: str  # "default", "/etc/kiosk/kiosk.yaml:3", "env KIOSK_ROOM", "flag --room"
    layer: str
    where: str  # where a problem with it points: file:line:column, or the origin


@dataclass(frozen=True)
class Config:
    """The effective configuration: ``config.room`` or ``config["room"]``, with origins and problems."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]
    problems: list[str]
    files: tuple[Path, ...] = ()  # the files consulted, lowest layer first, whether present or not
    layers: Mapping[str, str] = field(default_factory=dict)
    _candidates: Mapping[str, tuple[Candidate, ...]] = field(default_factory=dict, repr=False, compare=False)
    _issues: tuple[Issue, ...] = field(default=(), repr=False, compare=False)
    # A room named on the command line (a unit's instance: kiosk@salle-9) the programme does not have.
    # It is an error, never a fall back to another room (see kiosk.qt.unknown_room).
    unknown_room: str | None = None

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

    @property
    def programme_source(self) -> str:
        """The programme to read: the configured one, else the one bundled with kiosk."""
        return self.values["programme"] or str(bundled_programme())

    @property
    def notices_source(self) -> str:
        """The notices to read: the configured file or URL, else notices.yaml beside the programme."""
        from ..notices.place import default_notices

        return self.values["notices"] or default_notices(self.programme_source)

    def with_programme(self, programme: Programme) -> Config:
        """The same sources checked against ``programme``: room and languages normalised, or fallen back."""
        return _resolve(self._candidates, self._issues, self.files, programme)


def _resolve(
    candidates: Mapping[str, tuple[Candidate, ...]],
    issues: tuple[Issue, ...],
    files: tuple[Path, ...],
    programme: Programme | None,
) -> Config:
    given, issues = issues, list(issues)
    chosen: dict[str, Candidate] = {}
    unknown_room = None
    for key in KEYS:
        found: Candidate | None = None
        for cand in reversed(candidates[key.name]):
            value = cand.value
            above_venue = LAYERS.index(cand.layer) > LAYERS.index("system")
            if key.name == "setup_pin" and value is None and above_venue and _venue_pin(candidates[key.name]):
                # The venue's PIN protects every device: a file or variable on the device cannot lift it.
                message = (
                    f"the venue's PIN ({_venue_pin(candidates[key.name])}) cannot be cleared here; ignored"
                )
                issues.append(Issue(cand.where, message))
                continue
            if programme is not None and key.check is not None and value is not None:
                try:
                    value = key.check(value, programme)
                except ValueError as err:
                    issues.append(Issue(cand.where, str(err), key.name))
                    if key.name == "room" and cand.layer == "flag":
                        unknown_room = value
                    continue
            if found is None:
                found = Candidate(value, cand.origin, cand.layer, cand.where)
        assert found is not None  # the default is always valid
        chosen[key.name] = found
    # One chord cannot both quit and open the setup: the one set on purpose gives way to its default.
    for key, other in (("setup_chord", "exit_chord"), ("exit_chord", "setup_chord")):
        mine, theirs = chosen[key], chosen[other]
        if mine.value == theirs.value and mine.layer != "default":
            issues.append(Issue(mine.where, f"{mine.value} is also the {other.replace('_', ' ')}", key))
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
        unknown_room=unknown_room,
    )


def _venue_pin(candidates: tuple[Candidate, ...]) -> str | None:
    """Where /etc/kiosk sets a PIN, if it does."""
    return next((c.origin for c in candidates if c.layer == "system" and c.value is not None), None)


class Sources:
    """Collects every source's valid values (candidates) and every problem, layer by layer."""

    def __init__(self, environ: Mapping[str, str]):
        self.environ = environ
        self.candidates: dict[str, list[Candidate]] = {
            k.name: [Candidate(k.default, "default", "default", "default")] for k in KEYS
        }
        self.issues: list[Issue] = []
        self.files: list[Path] = []

    def add(self, key: Key, raw: Any, origin: str, layer: str, where: str, ctx: Context) -> None:
        try:
            value = key.read(raw, ctx)
        except ValueError as err:
            self.issues.append(Issue(where, str(err), key.name))
            return
        if key.name == "setup_pin" and value is not None and not is_hash(value):
            message = "setup_pin: the PIN is written in clear; keep its hash instead (kiosk config --set-pin)"
            self.issues.append(Issue(where, message))
        self.candidates[key.name].append(Candidate(value, origin, layer, where))

    def file(self, path: Path, layer: str, required: bool) -> None:
        self.files.append(path)
        self.content(read_file(path, required), layer, path.parent)

    def content(self, content: FileContent, layer: str, base: Path | None) -> None:
        self.issues.extend(content.issues)
        ctx = Context(base=base, home=self.environ.get("HOME"))
        for entry in content.entries:
            self.add(KEY[entry.key], entry.raw, entry.origin, layer, entry.where, ctx)

    def env(self) -> None:
        ctx = Context(home=self.environ.get("HOME"))
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
                    self.issues.append(Issue(f"env {var}", f"unknown variable; did you mean {hint[0]}?"))

    def flags(self, flags: Mapping[str, tuple[Any, str]]) -> None:
        ctx = Context(home=self.environ.get("HOME"))
        for name, (value, flag) in flags.items():
            key = KEY.get(name)
            if key is None:
                self.issues.append(Issue(f"flag {flag}", f"unknown key {name!r}; {suggest(name, KEY)}"))
                continue
            if isinstance(value, str) and not value.strip() and key.nullable:
                value = None
            self.add(key, value, f"flag {flag}", "flag", f"flag {flag}", ctx)


def load_config(
    environ: Mapping[str, str] = os.environ,
    flags: Mapping[str, tuple[Any, str]] | None = None,
    config_file: str | Path | None = None,
    etc_dir: Path | None = None,
    programme: Programme | None = None,
) -> Config:
    """The configuration from every layer; ``flags`` maps a key to (value, flag as typed). Never raises.

    ``config_file`` is the --config file (else $KIOSK_CONFIG); ``etc_dir`` replaces /etc/kiosk (else
    kiosk.folders.ETC_DIR, read at call time). With ``programme``, the room and the languages are
    checked against it (see Config.with_programme).
    """
    sources = Sources(environ)
    sources.file(Path(etc_dir or folders.ETC_DIR) / FILE_NAME, "system", required=False)
    user = user_config_path()
    if user is not None:
        sources.file(user, "user", required=False)
    explicit = config_file if config_file not in (None, "") else environ.get("KIOSK_CONFIG")
    if explicit:
        sources.file(Path(explicit), "file", required=True)
    sources.env()
    sources.flags(flags or {})
    candidates = {k: tuple(v) for k, v in sources.candidates.items()}
    return _resolve(candidates, tuple(sources.issues), tuple(sources.files), programme)


def config_from_args(
    args: argparse.Namespace,
    environ: Mapping[str, str] = os.environ,
    etc_dir: Path | None = None,
    programme: Programme | None = None,
) -> Config:
    """The configuration with the options of ``args`` as its flag layer (an option left out is None).

    --overview means view: overview, and --room alone means view: door (as in `kiosk run`); an
    explicit --view wins over both.
    """
    flags: dict[str, tuple[Any, str]] = {}
    for key in KEYS:
        value = getattr(args, key.name, None)
        if value is None or isinstance(value, list):  # `kiosk state --room A --room B` names rooms to show
            continue
        flags[key.name] = (value, key.option)
    if "view" not in flags:
        if getattr(args, "overview", False):
            flags["view"] = ("overview", "--overview")
        elif "room" in flags:
            flags["view"] = ("door", "--room")
    return load_config(environ, flags, getattr(args, "config", None), etc_dir, programme)
