"""The QR code's size from the panel's size in millimetres (kiosk.present.qr)."""

from __future__ import annotations

import pytest

from kiosk.present.qr import QUIET_ZONE, SMALLEST_MODULE_MM, pitch_of_diagonal, qr_side, reported_pitch

MODULES = 29 + 2 * QUIET_ZONE  # a version 3 code (a URL of up to about 50 characters) and its quiet zone


def test_without_the_panels_size_the_code_takes_a_fifth_of_the_short_side() -> None:
    assert qr_side(216, MODULES, None) == 216
    assert qr_side(216, MODULES, 0.0) == 216


def test_a_module_is_2_9_mm_for_a_phone_2_m_away() -> None:
    # 2 preview pixels a module, with 1920 across a 70° field at 2 m (the measurement: kiosk.present.qr)
    assert round(SMALLEST_MODULE_MM, 2) == 2.92


@pytest.mark.parametrize(
    ("inches", "pixels"),
    [(55, (1920, 1080)), (55, (3840, 2160)), (32, (1080, 1920)), (65, (1080, 1920)), (85, (3840, 2160))],
)
def test_on_a_known_panel_each_module_gets_the_fewest_whole_pixels_that_make_it_wide_enough(
    inches, pixels
) -> None:
    pitch = pitch_of_diagonal(inches, *pixels)
    largest = round(min(pixels) * 0.2)
    side = qr_side(largest, MODULES, pitch)
    assert side <= largest
    if side < largest:
        unit = side // MODULES
        assert side == unit * MODULES
        assert unit * pitch >= SMALLEST_MODULE_MM > (unit - 1) * pitch


def test_a_large_panel_gives_the_code_what_a_phone_needs_not_a_fifth_of_the_screen() -> None:
    pitch = pitch_of_diagonal(85, 3840, 2160)  # 0.49 mm
    assert qr_side(432, MODULES, pitch) == 6 * MODULES  # 8.5 cm wide; a fifth of the short side, 15.6 cm
    # A 55-inch Full HD panel keeps its 5-pixel modules (3.2 mm), without the spare quiet zone.
    assert qr_side(216, MODULES, pitch_of_diagonal(55, 1920, 1080)) == 5 * MODULES


def test_on_a_small_panel_the_code_never_takes_more_than_its_share() -> None:
    assert qr_side(160, MODULES, pitch_of_diagonal(10.1, 1280, 800)) == 160  # a tablet: 0.17 mm a pixel
    assert qr_side(216, MODULES, pitch_of_diagonal(32, 1080, 1920)) == 216  # 1.8 mm modules: too few pixels


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
