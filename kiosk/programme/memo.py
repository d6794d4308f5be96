"""Sessions checked before, found again by their text: a save that changes one session of a congress's
1 500 checks that one session, not all of them (issue 15: a big programme saved → on screen). Qt-free.

Within one process (a screen following its programme file), a top-level session written exactly as one
that the last check read without any problem or warning, in the same context (the event's languages,
time zone and first day, the room ids), is that same Session, taken as it was. Its node is still what
the checks across sessions read (ids, overlaps, dates), and a session with a problem is checked again
every time, so every message keeps its file, line and column.

The same text composes to the same nodes, except through what lies outside it: an alias (``*``) to an
anchor elsewhere, or a tag under a ``%TAG`` directive. A session whose text holds an asterisk, and a
file with a directive, are checked every time.
"""

from __future__ import annotations

import yaml

from .model import Session

# The last check's context and the sessions it read without a problem, by their text. Replaced whole at
# the end of a check: two checks at once (two threads) only lose each other's sessions, never mix them.
_last: tuple[tuple, dict[tuple, Session]] | None = None


class Earlier:
    """The sessions of the last check, for one check of ``text`` in ``context``."""

    def __init__(self, text: str | None, context: tuple):
        has_directive = text is not None and (text.startswith("%") or "\n%" in text)
        self.text = None if has_directive else text
        self.context = context
        last = _last
        self.before = last[1] if last is not None and last[0] == context else {}
        self.now: dict[tuple, Session] = {}

    def key(self, node: yaml.Node) -> tuple | None:
        """What a session is known by: its column and its text (its length and hash: the text itself
        would keep a copy of the whole file in memory); None when its text alone does not say it all."""
        if self.text is None:
            return None
        written = self.text[node.start_mark.index : node.end_mark.index]
        if "*" in written:
            return None
        # Python's string hash is keyed afresh in every process (SipHash, unless PYTHONHASHSEED sets the
        # key): two texts of one length and one hash are left to chance (one in 2**64 for two texts),
        # and no file can be written to make them on purpose.
        return node.start_mark.column, len(written), hash(written)

    def session(self, key: tuple | None) -> Session | None:
        """The session the last check read from this text, if any (kept for the next check)."""
        if key is None:
            return None
        session = self.before.get(key)
        if session is not None:
            self.now[key] = session
        return session

    def keep(self, key: tuple | None, session: Session) -> None:
        """A session read without a problem, for the next check."""
        if key is not None:
            self.now[key] = session

    def done(self) -> None:
        """This check's sessions replace the last check's."""
        global _last
        _last = (self.context, self.now)


def forget() -> None:
    """Nothing is known from before (tests compare a first check with a second)."""
    global _last
    _last = None
