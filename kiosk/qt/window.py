"""Showing a screen in a window: the one way a screen's QML is built, for `run` and for `render`."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtQuick import QQuickView

from ..errors import ScreenError
from ..resources import ui_dir
from .screen import Screen

GROUND = "#0a2240"  # the window's colour before the first frame, the screens' own ground (Theme.ground)


def show_screen(screen: Screen, window: QQuickView | None = None, size: tuple[int, int] | None = None):
    """Put ``screen``'s QML on ``window`` (a new one, of ``size``, if none), with its bridge pushed in.

    Whatever the window showed before goes. Raises ScreenError when the QML cannot be built.
    """
    if window is None:
        window = QQuickView()
        window.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        window.setColor(GROUND)
    if size:
        window.resize(*size)
    # The window owns the bridge, so the QML goes before the objects it binds to (no null bindings).
    screen.bridge.setParent(window)
    window.setInitialProperties(screen.initial_properties())
    screen.building(False)
    try:
        window.setSource(QUrl.fromLocalFile(str(ui_dir() / screen.qml)))
    finally:
        screen.building(True)
    if window.status() != QQuickView.Status.Ready:
        errors = "; ".join(e.toString() for e in window.errors())
        raise ScreenError(f"the {screen.view} screen could not be built: {errors}")
    return window
