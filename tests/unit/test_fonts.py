"""fonts.missing: the characters no font draws, each once, in order of first use (any number of texts)."""

from kiosk import fonts


def test_missing_characters_are_found_by_range(monkeypatch):
    monkeypatch.setattr(fonts, "covered", lambda: ((0x20, 0x7E), (0xA0, 0x17F), (0x4E00, 0x4E00)))
    texts = ["Salle IX", "Café ü", "紙一紙", "\u200b\u2028", "🙈 a 🙈", "一", "\x7f"]
    assert fonts.missing(texts) == ["紙", "🙈"]
    assert fonts.missing([]) == []


def test_without_fontconfig_nothing_is_said(monkeypatch):
    monkeypatch.setattr(fonts, "covered", lambda: None)
    assert fonts.missing(["紙"]) == []
