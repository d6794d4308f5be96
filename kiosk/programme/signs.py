"""Checking the venue's signs: where screens hang, and the way from each to every room. Qt-free.

```yaml
signs:
  - id: salle-ix-door
    name: {fr: Porte de la Salle IX, en: Room IX door}      # optional
    ways:
      salle-ix: here                                       # an arrow alone
      restaurant: {arrow: up, words: {fr: Ascenseurs à gauche, 7e étage, en: Lifts on your left, 7th floor}}
```

Every problem is located; a sign without a way to a room that has sessions is a warning naming them.
"""

from __future__ import annotations

import difflib

import yaml

from .model import ARROWS, Session, Sign, Text, Way
from .nodes import NodeChecker, describe

# Words people write for an arrow, and the arrow they mean (up and down are stairs and lifts here).
_MEANT = {
    "straight": "ahead",
    "straight-on": "ahead",
    "forward": "ahead",
    "up-left": "ahead-left",
    "up-right": "ahead-right",
    "down-left": "back-left",
    "down-right": "back-right",
    "behind": "back",
    "upstairs": "up",
    "downstairs": "down",
}


def check_signs(
    checker: NodeChecker, node: yaml.Node, room_ids: list[str], sessions: tuple[Session, ...]
) -> tuple[Sign, ...]:
    """The signs of ``node`` (the programme's ``signs:``); problems go to ``checker``."""
    busy = [r for r in room_ids if any(s.room == r for s in sessions)]  # rooms with sessions, in order
    signs: list[Sign] = []
    first_line: dict[str, int] = {}
    for i, item in enumerate(checker.sequence(node, "signs")):
        path = f"signs[{i}]"
        fields = checker.mapping(item, path, {"id": True, "name": False, "ways": True})
        if not fields or "id" not in fields:
            continue
        sign_id = checker.identifier(fields["id"], f"{path}.id")
        name = checker.optional(fields, "name", lambda n, p=path: checker.text(n, f"{p}.name"), Text())
        named: set[str] = set()  # the rooms the sign names, a way read or not (a bad one is reported)
        ways = _ways(checker, fields["ways"], f"{path}.ways", room_ids, named) if "ways" in fields else ()
        if sign_id is None:
            continue
        if not checker.unique(first_line, sign_id, fields["id"], f"{path}.id", "sign"):
            continue
        if "ways" in fields:
            missing = [r for r in busy if r not in named]
            if missing:
                checker.problem(
                    fields["ways"],
                    f"{path}.ways",
                    f"no way from {sign_id!r} to {', '.join(missing)} (rooms with sessions): "
                    "their pointers on this sign show no arrow",
                    warning=True,
                )
        signs.append(Sign(sign_id, name, ways))
    if isinstance(node, yaml.SequenceNode) and not node.value:
        checker.problem(node, "signs", "list at least one sign, or leave signs out")
    return tuple(signs)


def _ways(
    checker: NodeChecker, node: yaml.Node, path: str, room_ids: list[str], named: set[str]
) -> tuple[tuple[str, Way], ...]:
    if not checker.visit(node, path):
        return ()
    if not isinstance(node, yaml.MappingNode):
        checker.problem(node, path, f"expected a mapping of room id → arrow, found {describe(node)}")
        return ()
    ways: dict[str, Way] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        room = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        kpath = f"{path}.{room}"
        if room is None:
            checker.problem(key_node, path, "a key must be a room id")
            continue
        if room in first_line:
            checker.problem(key_node, kpath, f"{room!r} is given twice (first at line {first_line[room]})")
            continue
        first_line[room] = key_node.start_mark.line + 1
        named.add(room)
        if room_ids and room not in room_ids:
            hint = difflib.get_close_matches(room, room_ids, n=1)
            checker.problem(
                key_node,
                kpath,
                f"unknown room {room!r}; "
                + (f"did you mean {hint[0]!r}? " if hint else "")
                + f"rooms are: {', '.join(room_ids)}",
            )
            continue
        way = _way(checker, value_node, kpath)
        if way is not None:
            ways[room] = way
    return tuple(ways.items())


def _way(checker: NodeChecker, node: yaml.Node, path: str) -> Way | None:
    """``left``, or ``{arrow: left, words: {fr: …, en: …}}``."""
    if isinstance(node, yaml.ScalarNode):
        arrow = _arrow(checker, node, path)
        return Way(arrow) if arrow else None
    fields = checker.mapping(node, path, {"arrow": True, "words": False})
    if not fields or "arrow" not in fields:
        return None
    arrow = _arrow(checker, fields["arrow"], f"{path}.arrow")
    words = checker.optional(fields, "words", lambda n: checker.text(n, f"{path}.words"), Text())
    return Way(arrow, words) if arrow else None


def _arrow(checker: NodeChecker, node: yaml.Node, path: str) -> str | None:
    value = checker.scalar(node, path, "an arrow: " + ", ".join(ARROWS))
    if value is None:
        return None
    if value.strip() not in ARROWS:
        meant = _MEANT.get(value.strip().casefold())
        hint = [meant] if meant else difflib.get_close_matches(value.strip(), ARROWS, n=1)
        checker.problem(
            node,
            path,
            f"{value!r} is not an arrow; "
            + (f"did you mean {hint[0]!r}? " if hint else "")
            + f"arrows are: {', '.join(ARROWS)}",
        )
        return None
    return value.strip()
