"""Whether the system clock is synchronised (NTP or PTP), as the kernel says. Qt-free, Linux only.

The kernel's answer to adjtimex() with no change requested is TIME_ERROR while no time daemon has
told it the clock is synchronised: the test systemd's `timedatectl` makes ("System clock synchronized").
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

TIME_ERROR = 5
_TIMEX_BYTES = 512  # struct timex is 208 bytes on 64-bit Linux: room to spare, all zero (modes = 0)


@functools.cache
def _adjtimex():
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    function = getattr(ctypes.CDLL(name, use_errno=True), "adjtimex", None)
    if function is not None:
        function.argtypes = [ctypes.c_void_p]
        function.restype = ctypes.c_int
    return function


def clock_synchronised() -> bool | None:
    """True or False from the kernel; None where it cannot be asked (not Linux)."""
    function = _adjtimex()
    if function is None:
        return None
    state = function(ctypes.create_string_buffer(_TIMEX_BYTES))
    if state < 0:
        return None
    return state != TIME_ERROR
