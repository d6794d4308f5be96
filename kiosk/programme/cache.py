"""A checked programme kept on disk by its file's content, so the next load skips parsing and checking.

A compiler's cache (ccache) for the programme: `kiosk state`, `validate`, `render` and every start after
the first read the file, find the entry made from the same bytes by the same kiosk, and unpickle the
frozen Programme (the 36c3 programme: 0.02 s instead of 0.35 s). A programme read from an event tool's
export (frab XML, schedule JSON, iCalendar) is kept the same way, under a name that also holds the zone it
was read in and its importer libraries' stamps (kiosk.sources). Qt-free.

Kept in programmes/ of the user's cache folder (kiosk.folders: $XDG_CACHE_HOME/kiosk, else
~/.cache/kiosk), one entry per programme source, replaced when the file changes. An entry holds the
source's own bytes, compared whole before it is used (no digest to collide, and no OpenSSL in a running
kiosk for one); a fingerprint of the kiosk that wrote it (its version, Python's, the source of the
modules that read and check a programme); and the tz database files the programme's zone was read from.
Anything that does not match, or cannot be read, is ignored and the entry rebuilt: the cache can only
make a load faster, never change its result.

Why unpickling an entry is trusted: the folder is kiosk's own, made 0700 by kiosk; an entry is read only
when the folder and the file belong to the user kiosk runs as and no one else can write them, so
whoever could plant one could already change kiosk's code; entries are written whole (kiosk/atomic.py);
and the unpickler builds nothing but the programme's own types and the datetime values they hold.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import stat
import sys
import zlib
import zoneinfo
from pathlib import Path

from .. import __version__, folders
from ..atomic import write_atomically
from . import model

_MAGIC = b"kiosk programme cache 3\n"  # 3: the venue's signs (Sign, Way)
_PROTOCOL = 5
# The modules whose code decides what a file loads to (and every module of kiosk/programme/ and of
# kiosk/sources/, the importers of exports): a change in any of them is a new kiosk.
_READERS = ("yaml_reader.py", "clock.py", "languages.py")
_ALLOWED = (
    {
        ("kiosk.programme.model", name)
        for name in ("Programme", "Event", "Venue", "Room", "Session", "Person", "Text", "Sign", "Way")
    }
    | {("kiosk.programme.errors", "Problem")}
    | {("datetime", name) for name in ("datetime", "date", "time", "timedelta", "timezone")}
)
_fingerprint: str | None = None


def entry_path(name: str) -> Path | None:
    """One entry per programme source; the name itself is compared inside, so a clash is only a miss.

    None without a home to keep it in.
    """
    folder = folders.cache_dir()
    if folder is None:
        return None
    return folder / "programmes" / f"{zlib.crc32(name.encode('utf-8', 'surrogatepass')):08x}.pickle"


def lookup(data: bytes, name: str) -> model.Programme | None:
    """The programme an earlier load made from exactly ``data`` under ``name``, or None."""
    found = _open(data, name)
    if found is None:
        return None
    try:
        programme = found.load()
    except Exception:  # unreadable, truncated, from another Python: rebuilt by the next store
        return None
    if not isinstance(programme, model.Programme) or found.zone_files != _zone_files(
        programme.event.timezone
    ):
        return None
    return programme


def holds(data: bytes, name: str) -> bool:
    """Whether the entry of ``name`` was made from ``data`` by this kiosk (its programme is not read)."""
    return _open(data, name) is not None


def store(data: bytes, name: str, programme: model.Programme) -> None:
    """Keep ``programme`` as what ``data`` loads to; a disk that refuses only costs the next load time."""
    path = entry_path(name)
    if path is None:
        return
    # Two pickles: what the entry was made from, then the programme, which a stale entry never unpickles
    # (a changed file misses in a millisecond instead of 10-20 ms at 1 500 sessions).
    head = (_kiosk_fingerprint(), name, bytes(data), _zone_files(programme.event.timezone))
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _own(path.parent):
            blob = pickle.dumps(head, protocol=_PROTOCOL) + pickle.dumps(programme, protocol=_PROTOCOL)
            write_atomically(path, _MAGIC + blob)


def _open(data: bytes, name: str) -> _Unpickler | None:
    """The unpickler of ``name``'s entry, at its programme, when the entry was made from ``data``."""
    path = entry_path(name)
    try:
        if path is None or not (_own(path.parent) and _own(path)):
            return None
        blob = path.read_bytes()
        if not blob.startswith(_MAGIC):
            return None
        stream = io.BytesIO(blob[len(_MAGIC) :])
        fingerprint, entry_name, source, zone_files = _Unpickler(stream).load()
    except Exception:  # unreadable, truncated, from another Python: rebuilt by the next store
        return None
    if fingerprint != _kiosk_fingerprint() or entry_name != name or source != data:
        return None
    unpickler = _Unpickler(stream)  # a pickle of its own: its memo starts afresh
    unpickler.zone_files = zone_files
    return unpickler


def _own(path: Path) -> bool:
    """``path`` is this user's and no one else can write it (a missing file is not)."""
    try:
        st = path.lstat()
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)
    return kind_ok and st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _kiosk_fingerprint() -> str:
    global _fingerprint
    if _fingerprint is None:
        here = Path(__file__).resolve().parent
        sources = sorted(here.glob("*.py")) + [here.parent / n for n in _READERS]
        sources += sorted((here.parent / "sources").glob("*.py"))  # the importers of exports
        crc = 0
        for source in sources:
            with contextlib.suppress(OSError):
                crc = zlib.crc32(source.read_bytes(), crc)
        _fingerprint = f"{__version__} {sys.version} {crc:08x}"
    return _fingerprint


def _zone_files(key: str) -> tuple:
    """What the zone ``key`` is read from, as ZoneInfo finds it: a tz database update is a new entry."""
    for folder in zoneinfo.TZPATH:
        with contextlib.suppress(OSError, ValueError):
            st = os.stat(os.path.join(folder, key))
            if stat.S_ISREG(st.st_mode):
                return (folder, st.st_size, st.st_mtime_ns)
    try:
        import tzdata  # the package ZoneInfo falls back to

        return ("tzdata", tzdata.IANA_VERSION)
    except ImportError:
        return ()


class _Unpickler(pickle.Unpickler):
    """Builds the programme's own types and datetime values, nothing else."""

    zone_files: tuple = ()  # what the entry's zone was read from, once its head is read

    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a programme")
        return super().find_class(module, name)
