"""Reading a followed file on the worker thread: a regular file only, 5 MB at most, never blocking;
then its parse function, whose failure is a message, never an exception. Qt-free.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import last_good
from ..programme import ProgrammeError
from ..programme.load import MAX_BYTES

Parse = Callable[[bytes, str], Any]
Digest = Callable[[bytes], str]  # a file's bytes -> their SHA-256 (the Qt layer's: hashlib loads OpenSSL)


class SourceError(Exception):
    """Why a source cannot be read: the message is shown as it is (it names the file)."""

    def __init__(self, message: str, missing: bool = False):
        super().__init__(message)
        self.missing = missing  # there is no such file


@dataclass(frozen=True)
class Signature:
    """What the file system says about a file: another identity means another file, complete."""

    identity: tuple[int, int, int]  # device, inode and type: renamed into place, or made anew
    size: int
    mtime_ns: int


def signature(path: Path) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Signature((st.st_dev, st.st_ino, stat.S_IFMT(st.st_mode)), st.st_size, st.st_mtime_ns)


def read_source(path: Path, name: str, limit: int = MAX_BYTES) -> tuple[bytes, Signature]:
    """At most ``limit`` bytes of a regular file, never blocking: a FIFO or a device is refused."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer would wait forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        missing = err.errno == errno.ENOENT
        raise SourceError(f"{name}: cannot read the file: {err.strerror}", missing) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{name}: not a regular file ({_file_kind(st.st_mode)})")
        chunks, size = [], 0
        while size <= limit:  # one byte past the limit, rather than trust the size on disk
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise SourceError(f"{name}: cannot read the file: {err.strerror}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise SourceError(f"{name}: the file is larger than {limit >> 20} MB")
    return data, Signature((st.st_dev, st.st_ino, stat.S_IFMT(st.st_mode)), st.st_size, st.st_mtime_ns)


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "a special file"


def describe(err: Exception) -> str:
    """One line for the log and the status file: the first problem, and how many more there are."""
    if isinstance(err, ProgrammeError):
        more = len(err.problems) - 1
        return str(err.first) + (f" (and {more} more)" if more > 0 else "")
    return str(err)


@dataclass(frozen=True)
class Reading:
    """One read of the source, done on the worker thread."""

    data: bytes | None = None
    value: Any = None
    error: str | None = None
    signature: Signature | None = None
    unchanged: bool = False  # the same bytes as the value shown
    # What the bytes are remembered by once shown, not the bytes themselves (1.9 MiB for 36c3's YAML):
    # Python's hash of them, the same for the same bytes within this process (for two different files,
    # one chance in 2**64), and their SHA-256 where it was asked for (the fleet reports it).
    fingerprint: int | None = None
    digest: str | None = None


class Ahead:
    """A read begun at a save's first event, while the save's other events come in (on the worker
    thread, one job after another): the read at the end of the wait takes its parse when it finds the
    same bytes, to be parsed the same way. A save renamed into place is complete at once; this read
    only has to wait for the save's last event before it may be shown."""

    def __init__(self, parse: Parse):
        self.parse = parse
        self.reading: Reading | None = None


def age_words(seconds: float) -> str:
    """ "3 days", "5 hours", "12 minutes": how old a kept copy is, for the log and the status file."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count > 1 else ''}"
    return "less than a minute"


def read_and_parse(
    path: Path,
    name: str,
    parse: Parse,
    shown: int | None,
    missing: bytes | None = None,
    ahead: Ahead | None = None,
    digest: Digest | None = None,
) -> Reading:
    """Read and parse the source (on the worker thread); never raises: a failure is in the Reading.
    ``shown``: the fingerprint of the bytes of the value shown. ``missing``: what a file that does not
    exist reads as (the notices: nothing); None, an error. ``ahead``: an earlier read whose parse is
    taken if its bytes are the ones read now. ``digest``: their SHA-256, wanted."""
    try:
        data, sig = read_source(path, name)
    except SourceError as err:
        if missing is None or not err.missing:
            return Reading(error=str(err))
        data, sig = missing, None
    except Exception as err:  # whatever happens, the GUI thread hears back
        return Reading(error=f"{name}: cannot read the file ({type(err).__name__}: {err})")
    marks = {"fingerprint": hash(data), "digest": digest(data) if digest is not None else None}
    if marks["fingerprint"] == shown:
        return Reading(data, signature=sig, unchanged=True, **marks)  # touched, not changed
    early = ahead.reading if ahead is not None and ahead.parse is parse else None
    if early is not None and early.fingerprint == marks["fingerprint"] and not early.unchanged:
        return dataclasses.replace(early, signature=sig, **marks)
    try:
        value = parse(data, name)
    except (ProgrammeError, ValueError) as err:
        return Reading(data, error=describe(err), signature=sig)
    except Exception as err:  # a parser's bug must not end the reader: the last good value stays
        return Reading(data, error=f"{name}: cannot be read ({type(err).__name__}: {err})", signature=sig)
    return Reading(data, value, signature=sig, **marks)


def keep_copy(name: str, data: bytes) -> str | None:
    """Save the last good copy (on the worker thread); why it failed, or None."""
    try:
        last_good.keep(name, data)
    except OSError as err:
        where = f" at {err.filename}" if err.filename else ""
        return f"cannot keep the last good copy{where}: {err.strerror or err}"
    return None
