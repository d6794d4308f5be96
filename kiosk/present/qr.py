"""How large a QR code is drawn: big enough for a phone 2 m away where the panel's size is known. Qt-free.

A screen in pixels says nothing of its size in centimetres: a fifth of its short side is 14 cm on a
55-inch panel and 2.7 cm on a 10-inch tablet. Where the panel's size is known (the device's
``panel_inches``, else what the screen reports, when that is believable), each module gets the
fewest whole pixels that make it at least ``SMALLEST_MODULE_MM`` wide; never more than a fifth of the
short side, the share of the screen the layout gives the code, which a small panel's code keeps even
when its modules are smaller than that.

Why 2.9 mm: a phone reads a code from its camera's preview, about 1920 pixels across a 70° field, so
from 2 m it sees 0.69 of those pixels to a millimetre. zxing-cpp read kiosk's rendered code, scaled
down smoothly, to 1.3 pixels a module and no further (a sharp picture, square on); 2 pixels leave room
for blur and a slant: 2.9 mm. A version 3 code (29 modules, a URL of up to about 50 characters) is
then 8.5 cm wide, quiet zone aside; a 4 cm one (1.4 mm modules) is read only to about 1.5 m.
"""

from __future__ import annotations

import math

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
FARTHEST_M = 2.0  # how far away a phone still reads the code
PREVIEW_PX = 1920  # the camera preview a phone reads codes from, pixels across
FIELD_DEG = 70.0  # its field of view across
CAMERA_PX_PER_MODULE = 2.0  # what a module needs in that preview (1.3 read a sharp picture, measured)
SMALLEST_MODULE_MM = CAMERA_PX_PER_MODULE / (
    PREVIEW_PX / (2 * FARTHEST_M * 1000 * math.tan(math.radians(FIELD_DEG / 2)))
)


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
    return min(largest, math.ceil(SMALLEST_MODULE_MM / pitch - 1e-9) * modules)
