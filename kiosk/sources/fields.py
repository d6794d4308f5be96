"""Reading one field of an export: titles and descriptions as kiosk shows them, languages, times."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_DURATION = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_MARKUP = re.compile(
    r"</?(?:p|br|div|span|ul|ol|li|a|em|strong|b|i|h[1-6]|blockquote|code|pre)\b[^>]*>", re.I
)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def one_line(text: object) -> str:
    """A title or name: whitespace (line ends, tabs, doubled spaces) collapsed, as kiosk reads it."""
    return " ".join(text.split()) if isinstance(text, str) else ""


def paragraphs(text: object) -> str:
    """A description: LF line ends, lines right-trimmed, a one-line text collapsed as kiosk reads it."""
    if not isinstance(text, str):
        return ""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text if "\n" in text else one_line(text)


def plain(text: object) -> str:
    """A description that may be HTML (FOSDEM abstracts, Indico): its text, in paragraphs; screens
    show plain text only, so markup would appear as characters."""
    if not isinstance(text, str):
        return ""
    if not _MARKUP.search(text):
        return paragraphs(text)
    reader = _TextOfHtml()
    reader.feed(text)
    reader.close()
    return paragraphs(reader.text())


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


def language(code: object) -> str | None:
    """A talk's language as a BCP 47 code (``en``, ``pt-BR``), or None when the source's is not one."""
    if not isinstance(code, str) or not _LANGUAGE.match(code.strip()):
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
