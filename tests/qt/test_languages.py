"""Every screen language on screen: Arabic mirrored, and no box glyph with the fonts the guide installs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.programme import load_programme
from kiosk.qt.door import DoorScreen

from .conftest import SIZES, at
from .scene import scene_rect, texts, visible_texts_fit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "good"
# What docs/deployment.md installs: Debian's fonts-noto-core (Arabic, Hebrew, Devanagari, Greek…) and
# fonts-noto-cjk (Chinese, Japanese, Korean); kiosk's own Inter comes with kiosk.
GUIDE_FONTS = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto")]


@pytest.fixture(scope="module")
def six():
    return load_programme(DATA / "six-languages.yaml")


def shown_in(show, programme, lang, size, when="10:30"):
    screen = DoorScreen(programme, programme.rooms[0].id)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return show(screen, size)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_arabic_page_is_mirrored(six, show, size):
    shown = shown_in(show, six, "ar", size)
    name, clock = scene_rect(shown.item("roomName")), scene_rect(shown.item("clock"))
    assert name.right() > size[0] * 0.7 and clock.left() < size[0] * 0.3
    french = shown_in(show, six, "fr", size)
    assert scene_rect(french.item("roomName")).left() < size[0] * 0.3


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en", "ar", "zh", "ru", "es"])
def test_every_language_fits_its_boxes(six, show, size, lang):
    shown = shown_in(show, six, lang, size, "11:30")
    assert len(visible_texts_fit(shown.visible_page(), size, shown.keep)) > 8


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_chinese_title_breaks_between_characters_and_fits(six, show, size):
    shown = shown_in(show, six, "zh", size, "14:30")
    title = shown.item("nowTitle")
    assert "终身" in title.property("text") and " " not in title.property("text")
    # No space to break at, yet it takes several lines: they break between characters.
    assert 2 <= title.property("lineCount") <= 3
    assert len(visible_texts_fit(shown.visible_page(), size, shown.keep)) > 8


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_han_glyphs_are_drawn_smaller_in_the_same_boxes(six, show, size):
    shown = shown_in(show, six, "zh", size, "14:30")
    names = ("nowTime", "nowTitle", "progress", "roomName", "clock", "date", "nowLabel", "nowLeft")

    def read(lang: str) -> dict:
        """What the test compares of each block, read while the language's page is the one built."""
        page = shown.show_language(shown.screen.languages.index(lang))
        items = {name: shown.item(name, page) for name in names}
        return {
            name: (scene_rect(item), item.height(), item.property("em"), item.property("font"))
            for name, item in items.items()
        }

    chinese, french = read("zh"), read("fr")
    # Every block where it is on the French page, within 2 px (whole-pixel sizes round): a Han line
    # is drawn inside Inter's. Drawn at full size, a Chinese badge pushed the title down by a fifth of
    # its size (Noto Sans CJK's line is 1.448 em, Inter's 1.21 em).
    for name in ("nowTime", "nowTitle", "progress", "roomName", "clock", "date"):
        han, latin = chinese[name][0], french[name][0]
        assert abs(han.y() - latin.y()) <= 2 and abs(han.bottom() - latin.bottom()) <= 2, name
    for name in ("nowLabel", "nowLeft"):
        assert chinese[name][1] <= french[name][1] + 1, name
    for name in ("nowTitle", "nowLabel", "nowLeft"):
        (_, _, han_em, han_font), (_, _, latin_em, latin_font) = chinese[name], french[name]
        assert han_em == latin_em == latin_font.pixelSize(), name
        assert han_font.pixelSize() == round(han_em * 0.83), name
    # Text without Han on the Chinese page (times, the clock) keeps its size.
    for name in ("nowTime", "clock"):
        assert chinese[name][3] == french[name][3], name


def fontconfig(tmp_path: Path, dirs: list[Path]) -> Path:
    tmp_path.mkdir(exist_ok=True)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        + "".join(f"  <dir>{d}</dir>\n" for d in dirs)
        + f"  <cachedir>{tmp_path / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def boxes(conf: Path, programme: Path, when: str, *rooms: str) -> dict:
    env = os.environ | {"FONTCONFIG_FILE": str(conf), "QT_LOGGING_RULES": "qt.text.font.db=false"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.qt.glyph_report", str(programme), when, *rooms],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(
    not all(d.is_dir() for d in GUIDE_FONTS), reason="apt-get install fonts-noto-core fonts-noto-cjk"
)
def test_no_box_glyph_with_only_the_fonts_the_guide_installs(tmp_path):
    conf = fontconfig(tmp_path, GUIDE_FONTS)
    assert boxes(conf, DATA / "six-languages.yaml", "2023-03-28T11:30", "ix") == {}
    assert boxes(conf, DATA / "scripts.yaml", "2019-12-28T10:30", "origami", "agora") == {}
    # The check can fail: with kiosk's own font alone, CJK, Arabic and Hebrew come out as boxes.
    without = boxes(fontconfig(tmp_path / "none", []), DATA / "scripts.yaml", "2019-12-28T10:30", "agora")
    assert "紙 U+7D19" in without["overview en"]["Assembly:Origasmi – 紙の変態"]
    assert "ا U+0627" in without["door en"]["التعلم الرقمي · למידה דיגיטלית"]


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_arabic_overview_is_mirrored_and_fits(six, show, size):
    from kiosk.qt.overview import OverviewScreen

    def overview(lang):
        screen = OverviewScreen(six)
        screen.bridge.reducedMotion = True
        screen.show(at(six, "10:30"))
        screen.bridge.languageIndex = screen.languages.index(lang)
        return show(screen, size)

    arabic, french = overview("ar"), overview("fr")
    room, now = scene_rect(arabic.item("roomHeading")), scene_rect(arabic.item("nowHeading"))
    assert room.left() > now.right(), "the room column is the first from the right"
    assert scene_rect(french.item("roomHeading")).right() < scene_rect(french.item("nowHeading")).left()
    assert len(visible_texts_fit(arabic.visible_page(), size, arabic.keep)) > 8


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_chinese_overview_fits_with_a_long_title(six, show, size):
    from kiosk.qt.overview import OverviewScreen

    screen = OverviewScreen(six)
    screen.bridge.reducedMotion = True
    screen.show(at(six, "14:30"))
    screen.bridge.languageIndex = screen.languages.index("zh")
    shown = show(screen, size)
    titles = [t for t in texts(shown.visible_page()) if "\u7ec8\u8eab" in (t.property("text") or "")]
    shown.keep.extend(titles)
    assert titles, "the long Chinese title is on the board or the agenda"
    assert len(visible_texts_fit(shown.visible_page(), size, shown.keep)) > 8
