"""The bytes of a file kiosk reads (the programme, the configuration, notices, the PIN throttle):
a regular file, never more than a limit. Qt-free; no YAML here (kiosk/yaml_reader.py reads what it holds).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


class Unreadable(Exception):
    """A file that cannot be read at all.

    ``reason`` says why ("No such file or directory", "it is a named pipe (FIFO), not a file"),
    ``message`` is the whole sentence for a programme; ``missing`` when there is no such file.
    """

    def __init__(self, reason: str, missing: bool = False, too_large: bool = False):
        message = reason if too_large else f"cannot read the file: {reason}"
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.missing = missing
        self.too_large = too_large


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; Unreadable when it is not one or passes ``limit``.

    Every file kiosk reads comes through here: the programme, the configuration, a live reload. A named
    pipe would block the reader until someone writes to it, and /dev/zero (or a link to it) never ends;
    both are refused before a byte is read. A file still growing is read to ``limit`` + 1 bytes at most.
    """
    try:
        # O_NONBLOCK: opening a FIFO for reading waits for a writer otherwise.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        raise Unreadable(err.strerror or type(err).__name__, isinstance(err, FileNotFoundError)) from None
    except ValueError as err:  # a NUL in the name
        raise Unreadable(str(err)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise Unreadable(f"it is {_kind_of_file(mode)}, not a file")
        os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    except OSError as err:
        raise Unreadable(err.strerror or type(err).__name__) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Unreadable(too_large(limit), too_large=True)
    return data


def _kind_of_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def too_large(limit: int = MAX_BYTES) -> str:
    return f"the file is larger than {limit >> 20} MB"
