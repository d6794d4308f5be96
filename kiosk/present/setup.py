"""The setup screen's words: French and English side by side, for the technician. Qt-free.

Technicians read them, not the public: French and English, whatever the event's languages (the
setup shows both at once, never in turn). Each text comes two ways (``Both``): on one line, and one
language per line where the line would not fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..programme import Programme
from .words import NNBSP

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Réglage de l’écran",
        "choose": f"Que doit afficher cet écran{NNBSP}?",
        "overview": "Toutes les salles (vue d’ensemble)",
        "current": "actuel",
        "pin": "Code PIN du technicien",
        "pin_help": "Tapez ou touchez le code, puis Entrée ou ✓",
        "saved_here": f"Enregistré sur cet appareil{NNBSP}; {{chord}} pour revenir ici",
        "pin_wrong": "Code incorrect, réessayez",
        "pin_wait": f"Trop d’essais{NNBSP}: réessayez dans {{seconds}}\u00a0s",
        "title_quit": "Quitter l’affichage",
        "pin_quit": "Code PIN pour quitter",
        "key_choose": f"Toucher ou ↑ ↓{NNBSP}: choisir",
        "key_erase": f"⌫{NNBSP}: effacer",
        "key_confirm": f"Entrée ou ✓{NNBSP}: valider",
        "key_cancel": f"Échap ou ✕{NNBSP}: annuler",
        "cancel": "Annuler",
        "rotation": f"↻ Orientation{NNBSP}: bord haut de l’écran {{edge}}",
        "top": "en haut",
        "left": "à gauche",
        "right": "à droite",
        "bottom": "en bas",
        "long_press": "ou un appui long dans un coin",
        "overridden": "Au prochain démarrage, {origins} l’emportera sur ce choix",
        "sign": f"Emplacement de l’écran{NNBSP}: {{sign}}",
        "no_sign": "aucun (pas de flèches)",
        "cannot_show": f"Cet écran ne peut pas être affiché{NNBSP}: {{why}}",
    },
    "en": {
        "title": "Screen setup",
        "choose": "What should this screen show?",
        "overview": "All rooms (overview)",
        "current": "current",
        "pin": "Technician’s PIN",
        "pin_help": "Type or tap the code, then Enter or ✓",
        "saved_here": "Saved on this device; {chord} to come back here",
        "pin_wrong": "Wrong PIN, try again",
        "pin_wait": "Too many tries: try again in {seconds}\u00a0s",
        "title_quit": "Quit the screen",
        "pin_quit": "PIN to quit",
        "key_choose": "Tap or ↑ ↓: choose",
        "key_erase": "⌫: erase",
        "key_confirm": "Enter or ✓: confirm",
        "key_cancel": "Esc or ✕: cancel",
        "cancel": "Cancel",
        "rotation": "↻ Orientation: the screen’s top edge {edge}",
        "top": "at the top",
        "left": "on the left",
        "right": "on the right",
        "bottom": "at the bottom",
        "long_press": "or a long press in a corner",
        "overridden": "At the next start, {origins} will override this choice",
        "sign": "Where this screen hangs: {sign}",
        "no_sign": "not said (no arrows)",
        "cannot_show": "This screen cannot be shown: {why}",
    },
}
LANGUAGES = ("fr", "en")
BETWEEN = " · "  # between the languages of a text on one line, as on the room signs
KEYS_GAP = "    "  # between two keys of the keys help
NBSP = "\u00a0"


class Both(NamedTuple):
    """A text in several languages, two ways: on one line, and one language per line.

    QML shows the first where it fits and the second where it does not (a portrait screen), so a
    line never breaks in the middle of one language's words when it could break between languages.
    """

    line: str
    lines: str

    @classmethod
    def of(cls, texts: Iterable[str]) -> Both:
        texts = list(dict.fromkeys(t for t in texts if t))
        return cls(BETWEEN.join(texts), "\n".join(texts))


def both(word: str, prefix: str = "", **values: str) -> Both:
    """Setup words in French and English: both("cancel") is "Annuler · Cancel"."""
    return Both.of(prefix + WORDS[lang][word].format(**values) for lang in LANGUAGES)


def keys_help(*words: str) -> Both:
    """The keys to use, each in both languages on one line; one language per line otherwise.

    A key's words never break apart (no-break spaces): a narrow screen breaks between two keys.
    """

    def whole(text: str) -> str:
        return text.replace(" ", NBSP)

    return Both(
        KEYS_GAP.join(whole(both(word).line) for word in words),
        "\n".join(KEYS_GAP.join(whole(WORDS[lang][word]) for word in words) for lang in LANGUAGES),
    )


def come_back_hint(chord: str, long_press: bool) -> Both:
    """How to come back to the setup: the chord, and on a device with a PIN, a long press."""
    return Both.of(
        WORDS[lang]["saved_here"].format(
            chord=f"{chord} {WORDS[lang]['long_press']}" if long_press else chord
        )
        for lang in LANGUAGES
    )


# Where the panel's top edge is, by the picture's clockwise turn (kiosk.config.types.Rotation).
EDGES = {0: "top", 90: "left", 180: "bottom", 270: "right"}


def rotation_label(degrees: int) -> Both:
    """The orientation as a choice of the setup: "↻ Orientation : bord haut de l’écran à gauche"."""
    edge = EDGES.get(degrees % 360, "top")
    return Both.of(WORDS[lang]["rotation"].format(edge=WORDS[lang][edge]) for lang in LANGUAGES)


def room_label(programme: Programme, room_id: str) -> Both:
    """A room's name in each of the event's languages: "Salle IX · Room IX"."""
    room = programme.room(room_id)
    return Both.of(
        room.name.get(lang, programme.event.languages) for lang in programme.event.languages
    ) or Both(room.id, room.id)


def sign_label(programme: Programme, sign_id: str | None) -> Both:
    """Where the screen hangs, as a choice of the setup (a tap moves to the next of the programme's
    signs): "Emplacement de l’écran : Porte de la Salle IX"."""
    sign = programme.sign(sign_id)

    def name(lang: str) -> str:
        if sign is None:
            return WORDS[lang]["no_sign"]
        return sign.name.get(lang, programme.event.languages) or sign.id

    return Both.of(WORDS[lang]["sign"].format(sign=name(lang)) for lang in LANGUAGES)


def fields_of(**fields: Both) -> dict[str, str]:
    """Bridge values for bilingual fields: ``name`` on one line and ``nameLines``."""
    return {
        k: v for name, text in fields.items() for k, v in ((name, text.line), (f"{name}Lines", text.lines))
    }
