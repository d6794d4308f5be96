"""Large blocks go back to the system when freed, so a running kiosk's memory stays where it started.

Every crossfade between languages paints both pages into window-sized images (see
ui/components/LanguagePage.qml) and frees them 400 ms later. glibc's malloc serves such blocks with
mmap and unmaps them when freed, but the first free also raises its mmap threshold to that block's
size: from the second crossfade on, the images came from the heap and stayed resident (measured: the
door at 1280×720 grew by 7.4 MiB after its second crossfade and never gave it back, 1.38× the bare
window). Setting the threshold, even to its default, turns that adjustment off.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
THRESHOLD = 128 * 1024  # glibc's default


def return_large_blocks() -> bool:
    """Blocks of 128 KiB and more are unmapped when freed, always; False where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    return bool(mallopt and mallopt(M_MMAP_THRESHOLD, THRESHOLD))
