"""Reading one field of an export: titles and descriptions as kiosk shows them, languages, times."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from ..languages import is_language_tag

_DURATION = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_MARKUP = re.compile(
    r"</?(?:p|br|div|span|ul|ol|li|a|em|strong|b|i|h[1-6]|blockquote|code|pre)\b[^>]*>", re.I
)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
# Markdown, as event tools let speakers write it: reduced to the words a screen shows.
_MD_IMAGE_OR_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
# "*" may emphasise inside a word (**Lo**ng **Ra**nge), "_" may not (snake_case_name).
_MD_STARS = re.compile(r"(?<![*\\])(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*\\])\1(?!\*)")
_MD_UNDERSCORES = re.compile(r"(?<![\w_\\])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_\\])\1(?![\w_])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
# How event tools mark a cancelled session: a title prefix (FOSDEM's "CANCELLED …", the CCC's
# "ABGESAGT: …", "[Cancelled] …") or a state.
_CANCELLED_WORDS = "CANCELLED|CANCELED|ABGESAGT|ANNULÉ|ANNULE|ANNULLATO|CANCELADO|ODWOŁANE"
_CANCELLED_TITLE = re.compile(
    rf"^\s*(?:(?:{_CANCELLED_WORDS})\b|[\[(](?i:{_CANCELLED_WORDS})[\])])\s*[:\-–—!]*\s*(?P<rest>.*)$", re.S
)
_CANCELLED_STATES = frozenset({"cancelled", "canceled", "withdrawn", "rejected", "abgesagt"})
# A line that starts an item of a list keeps its own line when a paragraph's lines are joined.
_ITEM = re.compile(r"^(?:[-*+•–]\s|\d{1,3}[.)]\s)")


def one_line(text: object) -> str:
    """A title or name: whitespace (line ends, tabs, doubled spaces) collapsed, as kiosk reads it."""
    return " ".join(text.split()) if isinstance(text, str) else ""


def paragraphs(text: object, join_lines: bool = True) -> str:
    """A description as a screen shows it: paragraphs apart, each line trimmed (no XML indentation),
    the lines of a paragraph joined (except list items), a one-line text collapsed."""
    if not isinstance(text, str):
        return ""
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    kept = []
    for block in blocks:
        lines: list[str] = []
        for line in (" ".join(line.split()) for line in block.split("\n")):
            if not line:
                continue
            if join_lines and lines and not _ITEM.match(line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        if lines:
            kept.append("\n".join(lines))
    text = "\n\n".join(kept)
    return text if "\n" in text else one_line(text)


def plain_words(text: str) -> str:
    """Markdown reduced to its words: ``**new** [site](url)`` → ``new site``; headings and rules
    become paragraph breaks, then the paragraphs are read as ``paragraphs`` reads them."""
    text = _MD_RULE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = paragraphs(_MD_HEADING.sub(r"\n\1\n\n", text))
    text = _MD_IMAGE_OR_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(3):  # ***both*** and nested **_emphasis_**
        text = _MD_UNDERSCORES.sub(r"\2", _MD_STARS.sub(r"\2", text))
    return text


def plain(text: object) -> str:
    """A description that may be HTML (FOSDEM abstracts, Indico) or Markdown (pretalx, the CCC hub):
    its words, in paragraphs; screens show plain text only, so markup would appear as characters."""
    if not isinstance(text, str):
        return ""
    if not _MARKUP.search(text):
        return plain_words(text)
    reader = _TextOfHtml()
    reader.feed(text)
    reader.close()
    # The HTML's own line ends are already spaces: the breaks left are its <br> and <li>.
    return paragraphs(reader.text(), join_lines=False)


class _TextOfHtml(HTMLParser):
    _BREAKS = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n" if tag in ("br", "li") else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS and tag not in ("br", "li"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(" ".join(data.split("\n")))

    def text(self) -> str:
        joined = "".join(self.parts)
        return "\n".join(" ".join(line.split()) for line in joined.split("\n"))


def cancelled_title(title: object) -> tuple[str, bool]:
    """A title without its "CANCELLED" mark, and whether it had one: ``CANCELLED Foo`` → (Foo, True)."""
    text = title if isinstance(title, str) else ""
    match = _CANCELLED_TITLE.match(text)
    if match and match["rest"].strip():
        return match["rest"], True
    return text, False


def cancelled_state(state: object) -> bool:
    """Whether a source's state or status word says the session will not take place."""
    return isinstance(state, str) and state.strip().casefold() in _CANCELLED_STATES


def language(code: object) -> str | None:
    """A talk's language as a BCP 47 code (``en``, ``pt-BR``), or None when the source's is not one."""
    if not isinstance(code, str) or not is_language_tag(code.strip()):
        return None
    head, *rest = code.strip().split("-")
    return "-".join([head.lower(), *rest])


def duration(text: object) -> dt.timedelta | None:
    """A frab duration: ``00:30``, ``1:30``, ``01:30:00``."""
    match = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if not match:
        return None
    return dt.timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def clock(text: object) -> dt.time | None:
    """A wall-clock time ``HH:MM`` or ``HH:MM:SS``."""
    match = _CLOCK.match(text.strip()) if isinstance(text, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
        return None
    return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))


def instant(text: object) -> dt.datetime | None:
    """An ISO 8601 date and time, with or without an offset; None when it is not one."""
    if not isinstance(text, str):
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if plausible(value) else None


def plausible(value: dt.datetime) -> bool:
    """A year a programme can be in: the year 9999 is a typo, and adding a duration to it overflows."""
    return 1970 <= value.year <= 2200
