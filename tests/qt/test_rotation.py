"""A screen mounted on its side: the picture stands upright on the panel the way the docs say (issue 13.5).

`rotation` names where the panel's top edge ends up (docs/configuration.md has the picture). Each
screen is drawn on a landscape output, as the panel gives it, and its title must land on the side of
the output that is up once the panel hangs that way, running along it.
"""

from __future__ import annotations

import pytest

from kiosk.config.types import Context, Rotation
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen
from kiosk.qt.setup import SetupScreen

from .conftest import at
from .scene import scene_rect, walk

OUTPUT = (1920, 1080)  # a landscape panel's own mode: the window stays so, whatever the rotation

# The side of the output that is up when the panel's top edge is where the key says. Turned a quarter
# counter-clockwise, a panel's top edge goes to the left and its right edge to the top.
UP = {"top": "top", "left": "right", "bottom": "bottom", "right": "left"}


def side(rect, size) -> str:
    """The side of the output nearest to ``rect``'s centre."""
    width, height = size
    centre = rect.center()
    gaps = {"left": centre.x(), "right": width - centre.x(), "top": centre.y(), "bottom": height - centre.y()}
    return min(gaps, key=gaps.get)


def screens(programme):
    door = DoorScreen(programme, "salle-ix")
    overview = OverviewScreen(programme)
    for screen in (door, overview):
        screen.bridge.reducedMotion = True
        screen.show(at(programme, "10:30"))
    return [(door, "roomName"), (overview, "eventTitle"), (SetupScreen(programme), "title")]


@pytest.mark.parametrize("edge", ["top", "left", "right", "bottom"])
@pytest.mark.parametrize("which", [0, 1, 2], ids=["door", "overview", "setup"])
def test_the_title_is_at_the_top_of_the_hanging_panel(programme, show, edge, which):
    screen, title = screens(programme)[which]
    screen.bridge.rotation = Rotation().read(edge, Context())
    shown = show(screen, OUTPUT)
    items = [i for i in walk(shown.root) if i.objectName() == title and i.isVisible() and i.property("text")]
    shown.keep.extend(items)
    assert len(items) == 1
    rect = scene_rect(items[0])
    assert side(rect, OUTPUT) == UP[edge]
    # And it runs along that side: across the output for top and bottom, down it for left and right.
    along = rect.width() > rect.height()
    assert along == (UP[edge] in ("top", "bottom"))


def test_the_numbers_keep_the_picture_they_always_gave():
    """Devices configured with degrees before the edges had names keep their picture: 90 is left."""
    read = [Rotation().read(raw, Context()) for raw in ("left", "90", 90, "LEFT", "right", "270", "bottom")]
    assert read == [90, 90, 90, 90, 270, 270, 180]
    with pytest.raises(ValueError, match="where the panel's top edge is"):
        Rotation().read("clockwise", Context())
