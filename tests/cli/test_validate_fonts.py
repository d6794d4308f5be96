"""`kiosk validate` names the characters no installed font can draw (they would be boxes on screen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "tests" / "data" / "good" / "scripts.yaml"
GUIDE_FONTS = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto")]


def validate(tmp_path: Path, dirs: list[Path]) -> subprocess.CompletedProcess:
    tmp_path.mkdir(exist_ok=True)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<fontconfig>\n'
        + "".join(f"<dir>{d}</dir>\n" for d in dirs)
        + f"<cachedir>{tmp_path / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(SCRIPTS)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | {"FONTCONFIG_FILE": str(conf)},
    )


def test_characters_no_font_draws_are_named(tmp_path):
    done = validate(tmp_path, [])
    assert done.returncode == 0
    assert "no font installed here draws" in done.stderr
    assert "紙 U+7D19 CJK UNIFIED IDEOGRAPH-7D19" in done.stderr
    assert "ا U+0627 ARABIC LETTER ALEF" in done.stderr
    assert "Привет"[0] not in done.stderr.split("boxes:")[1]  # Cyrillic: kiosk's own font has it


@pytest.mark.skipif(
    not all(d.is_dir() for d in GUIDE_FONTS), reason="apt-get install fonts-noto-core fonts-noto-cjk"
)
def test_with_the_guides_fonts_nothing_is_missing(tmp_path):
    done = validate(tmp_path, GUIDE_FONTS)
    assert done.returncode == 0 and "no font" not in done.stderr, done.stderr
    assert done.stdout.strip() == f"{SCRIPTS}: valid — 2 rooms, 4 sessions"
