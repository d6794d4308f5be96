"""Key chords (Ctrl+Alt+Shift+Q): read as people write them, kept in Qt's portable spelling."""

from __future__ import annotations

import re
from typing import Any

from .types import Context, Type, scalar

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


class Chord(Type):
    kind = "key chord"

    def read(self, raw: Any, ctx: Context) -> str:
        text = scalar(raw, "a key chord such as Ctrl+Alt+Shift+Q").replace(" ", "")
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
