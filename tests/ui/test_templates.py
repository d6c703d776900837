"""The templates plugins build their pages from, in a running shell, parked and driving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent

from tests.shell import descendants, settle

STATES = {"parked": False, "moving": True}


def _create(runtime, window, qml: str):
    component = QQmlComponent(runtime.engine)
    component.setData(qml.encode(), QUrl.fromLocalFile(str(runtime.engine.importPathList()[0]) + "/Harness.qml"))
    item = component.create()
    assert item is not None, [e.toString() for e in component.errors()]
    item.setParentItem(window.contentItem())
    item.setParent(window.contentItem())  # the window owns it, not the JavaScript collector
    item.setProperty("width", window.width())
    item.setProperty("height", window.height())
    return item


@pytest.mark.parametrize("state", STATES)
def test_grid_shows_at_most_six_tiles_while_driving(make_shell, qtbot, state):
    runtime, window = make_shell(1280, 720, drive=state)
    grid = _create(runtime, window, """
import QtQuick
import HeadUnit.Controls
ItemGrid { model: Array.from({length: 20}, (_, i) => ({title: "Station " + i, icon: "mdi6.radio"})) }
""")
    settle(qtbot)
    tiles = [i for i in descendants(grid) if i.inherits("QQuickAbstractButton") and i.isVisible()]
    hint = [i for i in descendants(grid) if i.objectName() == "moreWhenParked"][0]
    if STATES[state]:
        assert 1 <= len(tiles) <= 6
        assert hint.isVisible() and "more when parked" in hint.property("text")
    else:
        assert len(tiles) > 6 and not hint.isVisible()


@pytest.mark.parametrize("state", STATES)
def test_video_and_message_text_wait_until_parked(make_shell, qtbot, state):
    runtime, window = make_shell(800, 480, drive=state)
    page = _create(runtime, window, """
import QtQuick
import HeadUnit.Controls
Column {
    VideoSurface { width: 300; height: 200; Rectangle { objectName: "frame"; anchors.fill: parent } }
    MessageView { width: 300; sender: "Anna"; time: "12:00"; body: "Running late, see you at the station" }
}
""")
    settle(qtbot)
    by_name = {i.objectName(): i for i in descendants(page) if i.objectName()}
    assert by_name["frame"].isVisible() is not STATES[state]
    assert by_name["videoPausedHint"].isVisible() is STATES[state]
    body = by_name["messageBody"].property("text")
    assert (body == "Running late, see you at the station") is not STATES[state]


def test_now_playing_and_map_page_render(make_shell, qtbot):
    runtime, window = make_shell(1280, 720, drive="moving")
    page = _create(runtime, window, """
import QtQuick
import HeadUnit.Controls
Row {
    NowPlaying { width: 640; height: 300; title: "A".repeat(120); artist: "Artist"; playing: true
                 position: 30; duration: 120 }
    MapPage { width: 640; height: 300; attribution: "© OpenStreetMap contributors"
              Rectangle { anchors.fill: parent; color: "steelblue" } }
}
""")
    settle(qtbot)
    texts = [i.property("text") for i in descendants(page) if i.inherits("QQuickText") and i.isVisible()]
    assert "© OpenStreetMap contributors" in texts
    assert "A" * 79 + "…" in texts  # cut to 80 characters while driving


@pytest.mark.parametrize("state", STATES)
def test_album_grid_shows_covers_and_the_driving_limit(make_shell, qtbot, tmp_path, state):
    """Tiles with an `image` role draw the picture with title and subtitle; the icon stands in without one."""
    from PySide6.QtGui import QColor, QImage

    cover = QImage(64, 64, QImage.Format.Format_RGB32)
    cover.fill(QColor("darkorange"))
    cover.save(str(tmp_path / "cover.png"))
    runtime, window = make_shell(1280, 720, drive=state)
    grid = _create(runtime, window, f"""
import QtQuick
import HeadUnit.Controls
ItemGrid {{ model: Array.from({{length: 12}}, (_, i) => ({{title: "Album " + i, subtitle: "Artist", icon: "mdi6.album",
                                                          image: i % 2 ? "" : "{QUrl.fromLocalFile(str(tmp_path / 'cover.png')).toString()}"}})) }}
""")
    settle(qtbot)
    qtbot.waitUntil(lambda: any(i.inherits("QQuickImage") and i.property("paintedWidth") > 0 and i.isVisible()
                                for i in descendants(grid)), timeout=3000)
    tiles = [i for i in descendants(grid) if i.inherits("QQuickAbstractButton") and i.isVisible()]
    texts = {i.property("text") for i in descendants(grid) if i.inherits("QQuickText") and i.isVisible()}
    assert {"Album 0", "Album 1", "Artist"} <= texts
    assert (len(tiles) <= 6) is STATES[state]


@pytest.mark.parametrize("state", STATES)
def test_a_long_tile_title_takes_two_lines_when_parked_and_the_covers_of_a_row_line_up(make_shell, qtbot, tmp_path,
                                                                                        state):
    from PySide6.QtGui import QColor, QImage

    cover = QImage(64, 64, QImage.Format.Format_RGB32)
    cover.fill(QColor("teal"))
    cover.save(str(tmp_path / "cover.png"))
    url = QUrl.fromLocalFile(str(tmp_path / "cover.png")).toString()
    runtime, window = make_shell(1280, 720, drive=state)
    grid = _create(runtime, window, f"""
import QtQuick
import HeadUnit
import HeadUnit.Controls
ItemGrid {{
    cellHeight: Theme.dp(270)
    model: [{{title: "Random Access Memories", subtitle: "Daft Punk", image: "{url}", icon: "mdi6.album"}},
            {{title: "Autobahn", subtitle: "Kraftwerk", image: "{url}", icon: "mdi6.album"}}]
}}
""")
    settle(qtbot)
    qtbot.waitUntil(lambda: sum(1 for i in descendants(grid) if i.inherits("QQuickImage")
                                and i.property("paintedWidth") > 0 and i.isVisible()) == 2, timeout=3000)
    [long_title] = [i for i in descendants(grid) if i.inherits("QQuickText") and i.isVisible()
                    and i.property("text").startswith("Random")]
    if STATES[state]:
        assert long_title.property("lineCount") == 1 and long_title.property("truncated")
    else:
        assert long_title.property("lineCount") == 2 and not long_title.property("truncated")
    covers = [i for i in descendants(grid) if i.inherits("QQuickImage") and i.isVisible()]
    assert len({(round(c.mapToItem(grid, 0, 0).y()), round(c.height())) for c in covers}) == 1
