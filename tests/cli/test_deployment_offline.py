"""docs/deployment.md at a venue without the internet (issue 13.10): a reinstalled wheel brings no
dependency along, and the overview unit is enabled only once the door's is disabled."""

from __future__ import annotations

import re
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "deployment.md"


def commands() -> list[str]:
    """Every shell command of the guide: the lines of its sh blocks and its inline code."""
    text = GUIDE.read_text(encoding="utf-8")
    found = [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", text, re.S)
        for line in block.replace("\\\n", " ").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return found + re.findall(r"`([^`\n]+)`", text)


def test_every_wheel_reinstall_needs_no_index():
    installs = [c for c in commands() if re.search(r"pip install .*--force-reinstall", c)]
    assert installs, "the guide says how to reinstall kiosk"
    for command in installs:
        assert "--no-deps" in command or "--no-index" in command, command


def test_a_later_install_of_the_wheel_says_no_deps():
    text = GUIDE.read_text(encoding="utf-8")
    update = text[text.index("To update kiosk later") :]
    first = re.search(r"pip install [^\n`]*\.whl", update)
    assert first and "--no-deps" in first.group(0)


def test_enabling_the_overview_unit_comes_after_disabling_the_door():
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    for found in re.finditer(r"systemctl enable --now kiosk-overview", text):
        before = text[max(0, found.start() - 300) : found.start()]
        assert re.search(r"systemctl disable --now kiosk@[\w-]+", before), before
