"""Where programmes come from: kiosk's own YAML, or an event tool's export recognised by its content.

The bytes decide, not the file name: a schedule downloaded as ``schedule`` or ``export.php`` is read
the same as ``schedule.xml``.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import os
import re
from pathlib import Path

from ..programme import Problem, Programme, ProgrammeError, check_programme, load, parse_programme
from ..programme.load import MAX_BYTES, read_file

KIOSK_YAML = "kiosk programme YAML"
FRAB_XML = "frab schedule XML"
SCHEDULE_JSON = "schedule JSON"
ICALENDAR = "iCalendar"

READ = "kiosk reads kiosk programme YAML, frab/pentabarf schedule XML, schedule JSON and iCalendar"
# Files people send instead of a programme, named so that the message says what the file is.
_NOT_READ = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a spreadsheet or an office document?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"<!DOCTYPE HTML", "an HTML web page"),
    (b"<HTML", "an HTML web page"),
    (b"<ICALENDAR", "xCal (iCalendar as XML)"),
    (b'["VCALENDAR"', "jCal (iCalendar as JSON)"),
)

_XML_SCHEDULE = re.compile(rb"<schedule[\s>/]")
_JSON_SCHEDULE = re.compile(r'^\{\s*"(?:schedule|conference)"')


def read_any(
    path: str | Path, timezone: str | None = None, redirect_hosts: tuple[str, ...] = ()
) -> Programme:
    """The programme in ``path``, whatever its format; ProgrammeError when it cannot be used.

    ``timezone`` is the zone for an export that names none (the FOSDEM XML, floating iCalendar times).
    ``path`` may be an http(s) address, as a screen's `programme:` may: fetched now into the cache the
    screens use (``redirect_hosts``: as theirs), else that cache's copy when the server cannot be reached.
    """
    if is_url(str(path)):
        return _fetch_programme(str(path), timezone, redirect_hosts)
    path = Path(path)
    data = read_file(path)
    if format_of(data) == KIOSK_YAML:
        return parse_programme(data, str(path))
    programme, problems = check_any(data, str(path), timezone)
    if programme is None:
        raise ProgrammeError(problems)
    return programme


def _fetch_programme(url: str, timezone: str | None, redirect_hosts: tuple[str, ...]) -> Programme:
    # Imported here: the network code is for a programme URL only.
    from .remote import check_programme, fetch_for_command

    check = functools.partial(check_programme, timezone=timezone)
    try:
        copy = fetch_for_command(url, check, redirect_hosts)
    except ValueError as err:
        raise ProgrammeError([Problem(url, 0, 0, "", str(err))]) from None
    # Read under the address, as the screen reads its copy: the check above has left it in the cache.
    programme, problems = check_any(read_file(copy), url, timezone)
    if programme is None:
        raise ProgrammeError(problems)
    return programme


def check_any(
    data: bytes, name: str, timezone: str | None = None, keep: bool = True
) -> tuple[Programme | None, list[Problem]]:
    """Every problem in a programme given as bytes, whatever its format; the programme when usable.

    ``keep`` False: a newly checked kiosk programme is not cached here; ``remember`` does it later.
    """
    if len(data) > MAX_BYTES:
        return None, [Problem(name, 0, 0, "", f"the file is larger than {MAX_BYTES >> 20} MB")]
    found = format_of(data)
    if found == KIOSK_YAML:
        return check_programme(data, name, keep)
    if found not in (FRAB_XML, SCHEDULE_JSON, ICALENDAR):
        return None, [Problem(name, 0, 0, "", f"this is {found}, not a programme: {READ}")]
    # Imported here: the importers' helpers (html.parser…) are ~0.7 MB a screen showing a kiosk
    # programme never needs (bench/, docs/performance.md).
    from .zones import valid_zone

    if timezone is not None and valid_zone(timezone) is None:
        return None, [Problem(name, 0, 0, "", f"{timezone!r} is not an IANA time zone (e.g. Europe/Paris)")]
    key = _export_key(name, found, timezone)
    programme = load.cached(data, key)
    if programme is not None:
        return programme, list(programme.warnings)
    read = _importer(found)
    try:
        programme, problems = read(data, name, timezone)
    except Exception as err:  # a screen keeps its last good programme: an importer bug must not crash it
        problem = Problem(
            name,
            0,
            0,
            "",
            f"kiosk could not read this {found} ({type(err).__name__}: {err}); please report it",
        )
        return None, [problem]
    if programme is not None and any(not p.warning for p in problems):
        programme = None
    if programme is not None:
        programme = dataclasses.replace(programme, warnings=tuple(problems))
        if keep:
            load.keep(data, key, programme)
    return programme, problems


def remember(data: bytes, name: str, programme: Programme, timezone: str | None = None) -> None:
    """Cache a programme ``check_any`` read with ``keep`` False (and the same ``timezone``)."""
    found = format_of(data)
    if found == KIOSK_YAML:
        load.remember(data, name, programme)
    elif found in (FRAB_XML, SCHEDULE_JSON, ICALENDAR):
        load.keep(data, _export_key(name, found, timezone), programme)


# The libraries an export is read with: a programme cached from an export is read again once they change.
_IMPORTER_LIBRARIES = {FRAB_XML: ("defusedxml",), ICALENDAR: ("icalendar", "recurring_ical_events")}


def _export_key(name: str, found: str, timezone: str | None) -> str:
    """What a programme read from an export is cached under: the same bytes make the same programme
    only read with the same zone (the FOSDEM XML names none: the one given, else the device's), by the
    same importer libraries."""
    from .zones import device_zone

    libraries = []
    for library in _IMPORTER_LIBRARIES.get(found, ()):
        spec = importlib.util.find_spec(library)  # found, not imported
        try:
            st = os.stat(spec.origin) if spec is not None and spec.origin else None
        except OSError:
            st = None
        libraries.append(f"{library} {st.st_size} {st.st_mtime_ns}" if st else f"{library} -")
    return "\n".join([name, found, timezone or "", device_zone() or "", *libraries])


def format_of(data: bytes) -> str:
    """Which kind of programme the bytes hold, from their first characters."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    # XML declarations and comments come before an HTML or xCal root: look past them.
    root = re.sub(rb"^(?:<\?.*?\?>|<!--.*?-->|\s)+", b"", head, flags=re.S)
    upper = root[:20].upper().replace(b" ", b"")
    for magic, name in _NOT_READ:
        if upper.startswith(magic.replace(b" ", b"")) or head.startswith(magic):
            return name
    if head.startswith(b"<"):
        # A kiosk programme never starts with "<": any XML is read as a schedule (or refused as one).
        return FRAB_XML
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return ICALENDAR
    if head.startswith(b"{") and _is_schedule_json(data):
        return SCHEDULE_JSON
    return KIOSK_YAML


def _is_schedule_json(data: bytes) -> bool:
    # A kiosk programme may be written as JSON too (JSON is YAML): only a schedule's keys decide.
    text = data[:4096].decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if _JSON_SCHEDULE.match(text):
        return True
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return isinstance(document, dict) and ("schedule" in document or "conference" in document)


def _importer(found: str):
    # Imported on use: `kiosk state` on a YAML programme never pays for defusedxml or icalendar.
    if found == FRAB_XML:
        from .frab_xml import read_frab_xml

        return read_frab_xml
    if found == SCHEDULE_JSON:
        from .schedule_json import read_schedule_json

        return read_schedule_json
    from .ical import read_icalendar

    return read_icalendar


def is_url(text: str) -> bool:
    """Whether a configured programme is a web address (http:// or https://) rather than a file."""
    return text.strip().lower().startswith(("http://", "https://"))


__all__ = [
    "FRAB_XML",
    "ICALENDAR",
    "KIOSK_YAML",
    "MAX_BYTES",
    "SCHEDULE_JSON",
    "ProgrammeError",
    "check_any",
    "format_of",
    "is_url",
    "read_any",
    "remember",
]
