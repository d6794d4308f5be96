"""Every configuration key, declared once: its type (which gives its documented kind), default and meaning."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from ..fleet import settings as fleet_settings
from ..languages import has_catalogue, with_catalogue
from .chords import Chord
from .types import (
    Boolean,
    Checked,
    Choice,
    Context,
    FilePath,
    HostNames,
    Inches,
    Languages,
    Name,
    Pin,
    ProgrammeSource,
    Rotation,
    Screen,
    Seconds,
    Type,
    Zone,
)

if TYPE_CHECKING:
    from ..programme import Programme

PIN_MASK = "****"
NO_CONTEXT = Context()


# -- checks against the programme ------------------------------------------------------------------
def room_in(value: str, programme: Programme) -> str:
    room = programme.find_room(value)
    if room is not None:
        return room.id
    names: dict[str, str] = {}
    for r in programme.rooms:
        for n in (r.id, *r.name.by_lang.values()):
            names.setdefault(n.strip().casefold(), r.id)
    hint = difflib.get_close_matches(value.strip().casefold(), list(names), n=1, cutoff=0.6)
    if hint:
        raise ValueError(f"unknown room {value!r}; did you mean {names[hint[0]]!r}?")
    raise ValueError(
        f"unknown room {value!r}; the programme's rooms: {', '.join(r.id for r in programme.rooms)}"
    )


def sign_in(value: str, programme: Programme) -> str:
    """The sign a device hangs at: its id or its name in any language, whole and in any case."""
    names: dict[str, str] = {}
    for sign in programme.signs:
        for n in (sign.id, *sign.name.by_lang.values()):
            names.setdefault(n.strip().casefold(), sign.id)
    wanted = value.strip().casefold()
    if wanted in names:
        return names[wanted]
    if not programme.signs:
        raise ValueError(f"unknown sign {value!r}: the programme has no signs (docs/programme-format.md)")
    hint = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    if hint:
        raise ValueError(f"unknown sign {value!r}; did you mean {names[hint[0]]!r}?")
    raise ValueError(
        f"unknown sign {value!r}; the programme's signs: {', '.join(s.id for s in programme.signs)}"
    )


def languages_in(value: tuple[str, ...], programme: Programme) -> tuple[str, ...]:
    """Screen languages a device asks for: any language the screens have their own words in (titles
    the organisers did not write in it show in the event's language, tagged)."""
    known = {code.casefold(): code for code in (*programme.event.screens, *with_catalogue())}
    out = []
    for code in value:
        if not has_catalogue(code):
            hint = difflib.get_close_matches(code.casefold(), list(known), n=1)
            raise ValueError(
                f"the screens have no words in {code!r} (they have: {', '.join(with_catalogue())})"
                + (f"; did you mean {known[hint[0]]!r}?" if hint else "")
            )
        out.append(known.get(code.casefold(), code))
    return tuple(out)


# -- the keys --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Key:
    """One configuration key, declared once: its type, default and meaning."""

    name: str
    type: Type
    default: Any
    doc: str
    nullable: bool = False
    flag: bool = False  # a command-line option of its own (kiosk.cli.config_command.add_config_flags)
    check: Callable[[Any, Programme], Any] | None = None  # against the programme; normalises

    @property
    def kind(self) -> str:
        """What a value looks like, for people: "door | overview", "seconds ≥ 5 | null"."""
        return self.type.kind + (" | null" if self.nullable else "")

    @property
    def env(self) -> str:
        return "KIOSK_" + self.name.upper()

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    def read(self, raw: Any, ctx: Context = NO_CONTEXT) -> Any:
        """The typed value of ``raw``; ValueError saying what was expected."""
        if raw is None:
            if self.nullable:
                return None
            raise ValueError(f"expected {self.kind}, found nothing")
        return self.type.read(raw, ctx)


KEYS: tuple[Key, ...] = (
    Key(
        "view",
        Choice("door", "overview"),
        "door",
        "what the screen shows: one room's door, or every room",
        flag=True,
    ),
    Key(
        "room",
        Name("room id or name"),
        None,
        "the room of a door screen: its id or its name in any language (null: ask on screen)",
        nullable=True,
        flag=True,
        check=room_in,
    ),
    Key(
        "sign",
        Name("sign id or name"),
        None,
        "where this screen hangs, one of the programme's signs: its pointers show the way from there "
        "(null: no arrows)",
        nullable=True,
        flag=True,
        check=sign_in,
    ),
    Key(
        "languages",
        Languages(),
        None,
        "the languages shown, in turn and in this order (null: all of the event's, in its order)",
        nullable=True,
        flag=True,
        check=languages_in,
    ),
    Key(
        "language_period",
        # Shorter would be a crossfade that never settles: a text flashing between languages.
        Seconds(3, ", so that each language can be read"),
        10,
        "how long each language stays on screen",
        flag=True,
    ),
    Key(
        "reduced_motion",
        Boolean(),
        False,
        "no animations: switch languages and pages at once",
        flag=True,
    ),
    Key(
        "screen",
        Screen(),
        None,
        "the output to fill, by name (e.g. HDMI-A-1) or index from 0 (null: the primary screen)",
        nullable=True,
        flag=True,
    ),
    Key(
        "rotation",
        Rotation(),
        0,
        "where the panel's top edge is, for a screen mounted on its side (left: turned a quarter "
        "counter-clockwise; also 0, 90, 180, 270, the picture's clockwise turn: top 0, left 90)",
        flag=True,
    ),
    Key(
        "panel_inches",
        Inches(),
        None,
        "the panel's diagonal, which sizes the QR code for a phone 2 m away (null: as the screen "
        "reports it, else a fifth of its short side)",
        nullable=True,
        flag=True,
    ),
    Key(
        "programme",
        ProgrammeSource(),
        None,
        "the programme; a relative path is read from the configuration file's folder "
        "(null: the bundled programme)",
        nullable=True,
        flag=True,
    ),
    Key(
        "notices",
        ProgrammeSource(),
        None,
        "the notices file (full rooms, delays, moves…) or its http(s) URL, followed like the programme; "
        "a relative path is read from the configuration file's folder (null: notices.yaml beside the "
        "programme)",
        nullable=True,
        flag=True,
    ),
    Key(
        "timezone",
        Zone(),
        None,
        "the event's time zone, for a programme that names none or names it wrongly (null: the "
        "programme's own, else this device's)",
        nullable=True,
    ),
    Key(
        "programme_refresh",
        Seconds(5, ", to spare the server"),
        60,
        "seconds between two fetches of a programme given by URL",
    ),
    Key(
        "redirect_hosts",
        HostNames(),
        (),
        "other hosts a programme or notices URL may redirect to, over http(s) (none: its own host only)",
    ),
    Key("exit_chord", Chord(), "Ctrl+Alt+Shift+Q", "the only keys that quit the kiosk"),
    Key("setup_chord", Chord(), "Ctrl+Alt+Shift+S", "the keys that open the on-screen setup"),
    Key(
        "setup_pin",
        Pin(),
        None,
        "the PIN asked before the on-screen setup opens (null: no PIN)",
        nullable=True,
    ),
    # The fleet bus (docs/fleet.md). Without `fleet`, no network code runs at all.
    Key(
        "fleet",
        Checked("mqtt://host[:port] | mqtts://host[:port]", fleet_settings.broker_url),
        None,
        "the fleet's MQTT broker: status out, notices and commands in (null: standalone)",
        nullable=True,
    ),
    Key(
        "fleet_ca",
        FilePath(),
        None,
        "the CA certificate that signed the broker's, for mqtts:// (null: the system's CAs)",
        nullable=True,
    ),
    Key("fleet_user", Name("user name"), None, "the user name on the broker (null: none)", nullable=True),
    Key(
        "fleet_password_file",
        FilePath(),
        None,
        "a file holding the password on the broker (mode 0600; never in this file)",
        nullable=True,
    ),
    Key(
        "fleet_cert",
        FilePath(),
        None,
        "a client certificate for the broker, instead of a password (with fleet_key)",
        nullable=True,
    ),
    Key("fleet_key", FilePath(), None, "the client certificate's private key", nullable=True),
    Key(
        "fleet_prefix",
        Checked("topic prefix", fleet_settings.topic_prefix),
        fleet_settings.DEFAULT_PREFIX,
        "the first words of every topic of this fleet (one broker may carry several)",
    ),
    Key(
        "device",
        Checked("device id", fleet_settings.device_id),
        None,
        "this screen's id on the fleet bus (null: the host name)",
        nullable=True,
    ),
)
KEY = {k.name: k for k in KEYS}
DEFAULTS: Mapping[str, Any] = {k.name: k.default for k in KEYS}


def suggest(name: str, known: Iterable[str]) -> str:
    known = list(known)
    hint = difflib.get_close_matches(name, known, n=1)
    return f"did you mean {hint[0]!r}?" if hint else f"known keys: {', '.join(known)}"


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


def yaml_value(value: Any) -> str:
    """A value as one line of YAML (flow style)."""
    if isinstance(value, tuple):
        value = list(value)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def reference_markdown() -> str:
    """The table of keys for docs/configuration.md, made from the declarations."""
    lines = [
        "| key | values | default | variable | flag | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for key in KEYS:
        flag = f"`{key.option}`" if key.flag else "—"
        kind = key.kind.replace("|", "\\|")
        lines.append(
            f"| `{key.name}` | {kind} | `{yaml_value(key.default)}` | `{key.env}` | {flag} | {key.doc} |"
        )
    return "\n".join(lines) + "\n"
