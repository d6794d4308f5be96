"""How large a QR code is drawn: big enough to scan from 1 to 2 m where the panel's size is known. Qt-free.

A screen in pixels says nothing of its size in centimetres: a fifth of its short side is 14 cm on a
55-inch panel and 3 cm on a 10-inch tablet. Where the panel's size is known (the device's
``panel_inches``, else what the screen reports, when that is believable), each module gets the whole
number of pixels that makes the code, quiet zone aside, at least 4 cm wide (what issue 18.3 asks for
a phone 1 to 2 m away), and no more: never more than that fifth of the short side either, the share
of the screen the layout gives it, which a small panel's code keeps even below 4 cm.
"""

from __future__ import annotations

import math

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
SMALLEST_MM = 40.0  # the code's width, quiet zone aside, for a phone 1 to 2 m away


def pitch_of_diagonal(inches: float, width: int, height: int) -> float:
    """Millimetres per pixel of a ``width`` × ``height`` panel ``inches`` across (square pixels)."""
    return inches * 25.4 / math.hypot(width, height)


def reported_pitch(width_mm: float, height_mm: float, width: int, height: int) -> float | None:
    """Millimetres per pixel from a screen's reported physical size, or None when it is not believable.

    Displays often report nothing (0 × 0), only their shape (16 × 9 mm, 160 × 90 cm) or a size that
    does not fit their pixels: only a panel of 9 to 110 inches whose shape is its pixels' is believed.
    """
    if min(width_mm, height_mm, width, height) <= 0:
        return None
    if not 9 <= math.hypot(width_mm, height_mm) / 25.4 <= 110:
        return None
    if abs((width_mm / height_mm) / (width / height) - 1) > 0.05:
        return None
    return width_mm / width


def qr_side(largest: int, modules: int, pitch: float | None) -> int:
    """The code's side in pixels, quiet zone included, for ``modules`` modules across (quiet zone
    included) and ``pitch`` mm per pixel (None or 0: unknown, then the code takes ``largest``)."""
    if largest <= 0 or modules <= 0:
        return 0
    if not pitch:
        return largest
    unit = math.ceil(SMALLEST_MM / ((modules - 2 * QUIET_ZONE) * pitch) - 1e-9)
    return min(largest, unit * modules)
