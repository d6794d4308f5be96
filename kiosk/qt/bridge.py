"""QObjects that carry what the screens show into QML: typed properties, each with a notify signal.

Python pushes values in (``set(**values)``); QML binds to them. A setter emits only when the value
really changes, so a tick that changes nothing re-renders nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from ..present.board import SHORT_ROWS
from ..present.door import DOOR_TEXT_FIELDS, DoorText
from ..present.overview import AGENDA_ROW_FIELDS, BOARD_ROW_FIELDS, OVERVIEW_TEXT_FIELDS
from ..present.ways import WAY_FIELDS, WayText

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


def _notified(name: str, kind: type | str, default: Any) -> dict[str, Any]:
    """A property ``name`` with its signal ``nameChanged``, emitted only on a real change."""
    key = f"_{name}"
    signal = Signal()

    def get(self: QObject) -> Any:
        return getattr(self, key, default)

    def put(self: QObject, value: Any) -> None:
        if getattr(self, key, default) != value:
            setattr(self, key, value)
            getattr(self, f"{name}Changed").emit()

    return {f"{name}Changed": signal, name: Property(kind, get, put, notify=signal)}


def _properties(name: str, spec: dict[str, tuple[type | str, Any]]) -> type:
    """A QObject base class with one notified property per entry of ``spec`` (name: (type, default))."""
    attrs: dict[str, Any] = {"set": _set_many}
    for prop, (kind, default) in spec.items():
        attrs |= _notified(prop, kind, default)
    # Each base needs its own name: Qt's type registry tells types apart by name.
    return type(name, (QObject,), attrs)


def _set_many(self: QObject, **values: Any) -> None:
    for name, value in values.items():
        setattr(self, name, value)


def _defaults(spec: dict[str, type]) -> dict[str, tuple[type, Any]]:
    return {name: (kind, kind()) for name, kind in spec.items()}


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class Way(_properties("WayProperties", _defaults(WAY_FIELDS))):
    """The way from this screen's sign to a place: an arrow (drawn by WayArrow.qml), the place, words."""


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class DoorPage(
    _properties(
        "DoorPageProperties",
        _defaults(DOOR_TEXT_FIELDS) | {"elsewhereWays": ("QVariantList", [])},  # Way, a line each
    )
):
    """One language's page of a door screen: every string, ready to show."""


# Named for the sign on the door: Door.qml is the view, and one name cannot serve both in QML.
@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class DoorSign(
    _properties(
        "DoorSignProperties",
        {
            # An emergency covers the whole screen in every language at once (no crossfade).
            "emergency": (bool, False),
            # One entry per part (kiosk.present.notices.EmergencyPart): each screen language, then the
            # organiser's text in a language the screen does not show (no heading).
            "emergencyHeadings": ("QStringList", []),
            "emergencyTexts": ("QStringList", []),
            "emergencyRightToLeft": ("QVariantList", []),  # bool per part: its block is mirrored (Arabic)
            "pages": ("QVariantList", []),  # DoorPage per language, in the event's order
            "languageIndex": (int, 0),  # the page showing
            "languageLabels": ("QStringList", []),  # FR, EN
            "reducedMotion": (bool, False),
            "rehearsal": (bool, False),
            "rotation": (int, 0),
            "qrUrl": (str, ""),  # the session's page, as a QR code (the same in every language)
        },
    )
):
    """A door screen: the room's pages in each language and what they share."""


def fill_page(page: QObject, text: DoorText) -> None:
    page.set(**{name: getattr(text, name) for name in DOOR_TEXT_FIELDS})
    fill_ways(page, "elsewhereWays", text.elsewhereWays)


def fill_ways(owner: QObject, prop: str, ways: tuple[WayText, ...]) -> None:
    """``owner.prop`` showing ``ways``, as Way objects; made again only when the ways change."""
    key = f"_{prop}Texts"
    if getattr(owner, key, ()) == ways:
        return
    setattr(owner, key, ways)
    old = getattr(owner, prop)
    made = []
    for way in ways:
        obj = Way(owner)
        obj.set(**{name: getattr(way, name) for name in WAY_FIELDS})
        made.append(obj)
    setattr(owner, prop, made)
    for obj in old:
        obj.deleteLater()


# -- the overview ------------------------------------------------------------------------------------


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class BoardRow(_properties("BoardRowProperties", _defaults(BOARD_ROW_FIELDS))):
    """A row of the board: a room (now, next) or the header of a group of rooms."""


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class AgendaRow(_properties("AgendaRowProperties", _defaults(AGENDA_ROW_FIELDS))):
    """A row of the day's agenda."""


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class OverviewPage(
    _properties(
        "OverviewPageProperties",
        _defaults(OVERVIEW_TEXT_FIELDS)
        | {
            "board": ("QVariantList", []),  # BoardRow, the page of the board shown
            "agenda": ("QVariantList", []),  # AgendaRow, the part of the day that fits
        },
    )
):
    """One language's page of the overview: every string, ready to show."""


# Named for the sign in the hall: Overview.qml is the view, and one name cannot serve both in QML.
@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class OverviewSign(
    _properties(
        "OverviewSignProperties",
        {
            # An emergency covers the whole screen in every language at once (no crossfade).
            "emergency": (bool, False),
            # One entry per part (kiosk.present.notices.EmergencyPart): each screen language, then the
            # organiser's text in a language the screen does not show (no heading).
            "emergencyHeadings": ("QStringList", []),
            "emergencyTexts": ("QStringList", []),
            "emergencyRightToLeft": ("QVariantList", []),  # bool per part: its block is mirrored (Arabic)
            "pages": ("QVariantList", []),  # OverviewPage per language, in the event's order
            "languageIndex": (int, 0),
            "languageLabels": ("QStringList", []),
            "reducedMotion": (bool, False),
            "rehearsal": (bool, False),
            "rotation": (int, 0),
            "qrUrl": (str, ""),  # the event's online programme, as a QR code
            # The notice band's text in every screen language, in the pages' order: only the page on
            # screen is built, and the band takes as many lines on each as the longest needs.
            "noticeTexts": ("QStringList", []),
            "shortRows": (float, SHORT_ROWS),  # a one-line board row, in room rows
            # Written by the screen (QML): how many room rows and agenda rows fit (0: not laid out yet).
            "boardRows": (float, 0.0),
            "agendaRows": (int, 0),
            "boardPages": (int, 1),
            "boardRowsWanted": (float, 0.0),  # the whole board, in room rows (a portrait board's height)
        },
    )
):
    """The overview: its pages in each language and what they share."""


# -- the setup ---------------------------------------------------------------------------------------

# Bilingual texts of the setup, each twice: on one line ("title") and one language per line
# ("titleLines"): title, prompt, hint (how to answer), note (a higher configuration layer, or a screen
# that cannot be built), pinMessage (after a wrong PIN), keysHelp.
SETUP_BILINGUAL = ("title", "prompt", "hint", "note", "pinMessage", "keysHelp")


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class DeviceSetup(
    _properties(
        "DeviceSetupProperties",
        {
            "stage": (str, "choose"),  # "pin" until the PIN is right, then "choose"
            **{f"{name}{form}": (str, "") for name in SETUP_BILINGUAL for form in ("", "Lines")},
            "choices": ("QStringList", []),  # the rooms, then the overview, each in every language
            "choiceLines": ("QStringList", []),  # the same, one language per line
            "highlighted": (int, 0),  # the choice Enter takes
            "currentChoice": (int, -1),  # what the screen shows now (-1: nothing yet)
            "currentLabel": (str, ""),  # "✓ actuel · current"
            "pinDigits": (int, 0),  # how many digits are typed (never which)
            "cancelLabel": (str, ""),  # empty when there is nothing to go back to
            "languageIndex": (int, 0),  # set by the ticker like any screen's; both languages show at once
            "rotation": (int, 0),
        },
    )
):
    """The setup screen's state, and the technician's taps coming back from QML as signals."""

    picked = Signal(int)  # a choice was tapped
    digitTyped = Signal(int)  # an on-screen digit
    erased = Signal()
    pinEntered = Signal()
    cancelRequested = Signal()


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class IdentifySign(
    _properties(
        "IdentifySignProperties",
        {
            "device": (str, ""),
            "room": (str, ""),
            "address": (str, ""),
            "version": (str, ""),
            "rotation": (int, 0),
        },
    )
):
    """Who this box is, large over its screen when a technician asks on the fleet bus (Identify.qml)."""


# -- waiting for the programme ---------------------------------------------------------------------


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class WaitingSign(
    _properties(
        "WaitingSignProperties",
        {
            # One entry per screen language, all shown at once (nothing to alternate with yet).
            "titles": ("QStringList", []),  # "Waiting for the programme"
            "screens": ("QStringList", []),  # which screen this device is: its room, or the overview
            "sources": ("QStringList", []),  # where the programme comes from: the URL's host
            "attempts": ("QStringList", []),  # "Next try at 14:05:20"
            "rightToLeft": ("QVariantList", []),  # bool per language: its block is mirrored (Arabic)
            "rotation": (int, 0),
        },
    )
):
    """The screen of a device whose programme has not arrived yet (a first start without network)."""
