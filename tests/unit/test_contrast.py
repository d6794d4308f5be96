"""Every text colour of the theme against every background it is drawn on: WCAG AAA (≥ 7:1)."""

import re
from pathlib import Path

import pytest

THEME = Path(__file__).resolve().parents[2] / "ui" / "components" / "Theme.qml"


def colours() -> dict[str, str]:
    return dict(re.findall(r'property color (\w+): "(#[0-9a-fA-F]{6})"', THEME.read_text(encoding="utf-8")))


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


PAIRS = [(text, ground) for text in ("text", "muted", "accent", "warning") for ground in ("ground", "panel")]
PAIRS.append(("accentInk", "accent"))  # the "now" badge
PAIRS += [("accentInk", "notice"), ("accentInk", "alarm"), ("text", "safety")]  # notices, evacuation


@pytest.mark.parametrize(("text", "ground"), PAIRS)
def test_text_contrast_is_at_least_7_to_1(text, ground):
    theme = colours()
    assert contrast(theme[text], theme[ground]) >= 7, (
        f"{text} on {ground}: {contrast(theme[text], theme[ground]):.2f}"
    )


def test_the_contrast_formula_is_right():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
