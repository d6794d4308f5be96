"""QObjects that carry what the screens show into QML: typed properties, each with a notify signal.

Python pushes values in (``set(**values)``); QML binds to them. A setter emits only when the value
really changes, so a tick that changes nothing re-renders nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from ..present import DOOR_TEXT_FIELDS, DoorText

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


@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class DoorPage(
    _properties("DoorPageProperties", {name: (kind, kind()) for name, kind in DOOR_TEXT_FIELDS.items()})
):
    """One language's page of a door screen: every string, ready to show."""


# Named for the sign on the door: Door.qml is the view, and one name cannot serve both in QML.
@QmlElement
@QmlUncreatable("made by kiosk, not by QML")
class DoorSign(
    _properties(
        "DoorSignProperties",
        {
            "pages": ("QVariantList", []),  # DoorPage per language, in the event's order
            "languageIndex": (int, 0),  # the page showing
            "languageLabels": ("QStringList", []),  # FR, EN
            "phase": (str, ""),  # see kiosk.schedule: ongoing, between, before_first…
            "reducedMotion": (bool, False),
            "programmeOk": (bool, True),
            "rehearsal": (bool, False),
            "rotation": (int, 0),
        },
    )
):
    """A door screen: the room's pages in each language and what they share."""


def fill_page(page: QObject, text: DoorText) -> None:
    page.set(**{name: getattr(text, name) for name in DOOR_TEXT_FIELDS})
