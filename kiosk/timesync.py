"""Whether the system clock is synchronised, as the system says. Qt-free.

A Raspberry Pi has no real-time clock: booted without network it starts from the last shutdown's
time (fake-hwclock) and shows it with full confidence. ``clock_synchronised`` asks systemd
(``timedatectl show -p NTPSynchronized``, i.e. org.freedesktop.timedate1), and where systemd cannot
answer, the kernel itself (adjtimex), with systemd's own rule: synchronised while the kernel's
maximum error estimate stays under 16 s. None when neither can tell.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

# The kernel's largest maximum-error estimate: reached when nothing has disciplined the clock
# (systemd's ntp_synced() uses the same bound).
UNSYNCHRONISED_MAXERROR_US = 16_000_000


def clock_synchronised(
    run: Callable[..., subprocess.CompletedProcess] | None = None,
    which: Callable[[str], str | None] | None = None,
    kernel: Callable[[], bool | None] | None = None,
) -> bool | None:
    """True or False as systemd (else the kernel) says; None when nothing can tell."""
    # Imported here, on the clock watch's worker thread: not among the imports of a start.
    import shutil
    import subprocess

    run = run or subprocess.run
    if (which or shutil.which)("timedatectl"):
        try:
            result = run(
                ["timedatectl", "show", "--property=NTPSynchronized", "--value"],
                capture_output=True,
                text=True,
                timeout=5,
            )
        except (OSError, subprocess.SubprocessError):
            result = None
        answer = result.stdout.strip() if result is not None and result.returncode == 0 else ""
        if answer in ("yes", "no"):
            return answer == "yes"
    return (kernel or kernel_synchronised)()


class _Timex(ctypes.Structure):
    """struct timex of <sys/timex.h> (Linux), as adjtimex(2) fills it."""

    _fields_ = [
        ("modes", ctypes.c_uint),
        ("offset", ctypes.c_long),
        ("freq", ctypes.c_long),
        ("maxerror", ctypes.c_long),
        ("esterror", ctypes.c_long),
        ("status", ctypes.c_int),
        ("constant", ctypes.c_long),
        ("precision", ctypes.c_long),
        ("tolerance", ctypes.c_long),
        ("time_sec", ctypes.c_long),
        ("time_usec", ctypes.c_long),
        ("tick", ctypes.c_long),
        ("ppsfreq", ctypes.c_long),
        ("jitter", ctypes.c_long),
        ("shift", ctypes.c_int),
        ("stabil", ctypes.c_long),
        ("jitcnt", ctypes.c_long),
        ("calcnt", ctypes.c_long),
        ("errcnt", ctypes.c_long),
        ("stbcnt", ctypes.c_long),
        ("tai", ctypes.c_int),
        ("reserved", ctypes.c_int * 11),
    ]


def kernel_synchronised() -> bool | None:
    """The kernel's own view (adjtimex with no change asked): None where there is no adjtimex."""
    try:
        adjtimex = ctypes.CDLL(None, use_errno=True).adjtimex
    except (OSError, AttributeError):
        return None
    timex = _Timex()  # modes 0: read only
    if adjtimex(ctypes.byref(timex)) < 0:
        return None
    return timex.maxerror < UNSYNCHRONISED_MAXERROR_US
