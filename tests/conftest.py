"""Test configuration: Qt runs offscreen, always (a developer's display is never used)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("KIOSK_PROGRAMME", None)
