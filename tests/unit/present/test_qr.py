"""The QR code's size from the panel's size in millimetres (kiosk.present.qr)."""

from __future__ import annotations

import pytest

from kiosk.present.qr import QUIET_ZONE, pitch_of_diagonal, qr_side, reported_pitch

MODULES = 29 + 2 * QUIET_ZONE  # a version 3 code (a URL of up to about 50 characters) and its quiet zone


def width_mm(side: int, modules: int, pitch: float) -> float:
    """The code's width on the panel, quiet zone aside."""
    return side // modules * (modules - 2 * QUIET_ZONE) * pitch


def test_without_the_panels_size_the_code_takes_a_fifth_of_the_short_side() -> None:
    assert qr_side(216, MODULES, None) == 216
    assert qr_side(216, MODULES, 0.0) == 216


@pytest.mark.parametrize(
    ("inches", "pixels"),
    [(55, (1920, 1080)), (55, (3840, 2160)), (32, (1920, 1080)), (65, (1080, 1920)), (43, (1280, 720))],
)
def test_on_a_known_panel_the_code_is_4_cm_wide_with_whole_pixel_modules(inches, pixels) -> None:
    pitch = pitch_of_diagonal(inches, *pixels)
    largest = round(min(pixels) * 0.2)
    side = qr_side(largest, MODULES, pitch)
    assert side % MODULES == 0 and side <= largest
    assert width_mm(side, MODULES, pitch) >= 40  # read from 1 to 2 m
    assert width_mm(side - MODULES, MODULES, pitch) < 40  # one pixel less per module would not be


def test_a_55_inch_full_hd_panel_gives_the_code_3_pixels_a_module_where_it_had_5() -> None:
    pitch = pitch_of_diagonal(55, 1920, 1080)  # 0.63 mm
    assert qr_side(216, MODULES, pitch) == 3 * MODULES  # 5.5 cm; at a fifth of the short side, 9.2 cm
    assert round(width_mm(3 * MODULES, MODULES, pitch)) == 55 and round(width_mm(216, MODULES, pitch)) == 92


def test_on_a_small_panel_the_code_never_takes_more_than_its_share() -> None:
    pitch = pitch_of_diagonal(10.1, 1280, 800)  # a tablet: a fifth of its short side is 2.7 cm
    assert qr_side(160, MODULES, pitch) == 160


def test_no_link_no_code() -> None:
    assert qr_side(216, 0, 0.63) == 0
    assert qr_side(0, MODULES, 0.63) == 0


@pytest.mark.parametrize(
    ("mm", "pixels", "believed"),
    [
        ((1210, 680), (1920, 1080), True),  # a 55-inch panel's EDID
        ((1210, 680), (3840, 2160), True),
        ((0, 0), (1920, 1080), False),  # nothing reported
        ((160, 90), (1920, 1080), False),  # only the shape (a TV's EDID in centimetres read as mm)
        ((16000, 9000), (1920, 1080), False),  # 7 metres across
        ((1210, 680), (1920, 1200), False),  # not the shape of its pixels
    ],
)
def test_a_screens_reported_size_is_believed_only_when_it_makes_sense(mm, pixels, believed) -> None:
    assert (reported_pitch(*mm, *pixels) is not None) == believed
