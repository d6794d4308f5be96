"""Reading a Qt Quick scene back in tests, as a passer-by would see it."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtQml import QQmlExpression, qmlContext
from PySide6.QtQuick import QQuickItem


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    """Every item under ``item``, Repeater and Loader content included (not QObject children)."""
    for child in item.childItems():
        yield child
        yield from walk(child)


def texts(root: QQuickItem) -> list[QQuickItem]:
    """Every text item under ``root``. Keep the list while using it: PySide drops child wrappers with
    their parent's."""
    # QML types made from Text (our Label) have class names like Label_QMLTYPE_3: ask what they inherit.
    found = [i for i in walk(root) if i.inherits("QQuickText")]
    assert found, "no text items found"
    return found


def qml(item: QQuickItem, expression: str):
    """A property QML knows but PySide cannot convert (enums such as wrapMode), read as QML reads it."""
    value, _ = QQmlExpression(qmlContext(item), item, expression).evaluate()
    return value


def plain(item: QQuickItem) -> bool:
    return qml(item, "textFormat === Text.PlainText")


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def visible_texts_fit(page: QQuickItem, size: tuple[int, int], keep: list) -> list[QQuickItem]:
    """Check that every visible text on ``page`` stays on screen, inside its container and its own
    box (wrapped text cut to whole lines); return the texts checked."""
    window = QRectF(0, 0, *size)
    items = texts(page)
    keep.extend(items)
    checked = []
    for item in items:
        if not item.isVisible() or not item.property("text"):
            continue
        name = item.objectName() or item.property("text")[:20]
        box = scene_rect(item)
        assert window.contains(box), f"{name} {box} leaves the screen"
        assert scene_rect(item.parentItem()).adjusted(-1, -1, 1, 1).contains(box), (
            f"{name} leaves its container"
        )
        assert item.property("contentWidth") <= item.width() + 1, f"{name} is wider than its box"
        if qml(item, "wrapMode !== Text.NoWrap"):
            assert item.property("contentHeight") <= item.height() + 1, f"{name} is taller than its box"
        checked.append(item)
    return checked
