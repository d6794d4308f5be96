"""ui/ is qmllint-clean: every type known (kiosk's own from tests/qmllint.py), every access qualified."""

from __future__ import annotations

import re

from tests.qmllint import lint, qml_files, write_module


def test_qmllint_finds_nothing_to_say(tmp_path):
    result = lint(write_module(tmp_path))
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert not re.search(r"^(Warning|Error|Info):", said, re.MULTILINE), said


def test_qmllint_sees_a_problem(tmp_path):
    """The check can fail: an unknown property of a kiosk type is reported, not passed over."""
    import_path = write_module(tmp_path / "types")
    broken = tmp_path / "Broken.qml"
    broken.write_text(
        "import QtQuick\nimport Kiosk\nItem {\n    required property DoorSign door\n"
        "    width: door.noSuchProperty\n}\n"
    )
    result = lint(import_path, [broken])
    assert result.returncode != 0
    assert "noSuchProperty" in result.stdout + result.stderr


def test_every_qml_file_is_linted():
    assert {p.name for p in qml_files()} >= {"Door.qml", "Overview.qml", "Setup.qml", "Theme.qml"}
