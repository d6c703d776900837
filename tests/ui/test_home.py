"""Home as a driver sees it: every slot filled, one tile layout, All apps where the dock is short, a cue where
home scrolls; Recents with a picture and a close button per app."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from tests.shell import descendants, find, named, settle

TRIP = "org.headunit.tripcomputer"
WEATHER = "org.headunit.weather"


def _rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _tap(window, item) -> None:
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _rect(item).center().toPoint())


def _tiles(window) -> list:
    home = find(window, "homeView")
    return [i for i in descendants(home) if i.isVisible() and i.width() > 0
            and (i.objectName().startswith("tile:") or i.objectName() in ("upNextTile", "settingsTile"))]


def test_every_slot_on_home_is_filled_at_1920x720_without_scrolling(make_shell, qtbot):
    runtime, window = make_shell(1920, 720)
    home = find(window, "homeView")
    assert home.property("contentHeight") <= home.height() + 1  # nothing below the fold
    tiles = _tiles(window)
    assert len(tiles) >= 8
    area = _rect(home)
    columns, spacing = home.property("columns"), runtime.theme.property("spacingM")
    cell_w = (area.width() - (columns + 1) * spacing) / columns
    cell_h = home.property("cellHeight")
    for row in range(2):
        for col in range(columns):
            centre = QPointF(area.left() + spacing + col * (cell_w + spacing) + cell_w / 2,
                             area.top() + spacing + row * (cell_h + spacing) + cell_h / 2)
            assert any(_rect(t).contains(centre) for t in tiles), f"empty slot at row {row}, column {col}"
    # No two tiles on top of each other.
    for i, a in enumerate(tiles):
        for b in tiles[i + 1:]:
            overlap = _rect(a).intersected(_rect(b))
            assert overlap.width() <= 1 or overlap.height() <= 1, (a.objectName(), b.objectName())


def test_every_tile_shares_one_layout_with_its_title_on_top(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    for tile in _tiles(window):
        titles = [i for i in descendants(tile) if i.objectName() == "homeTileTitleRow" and i.isVisible()]
        header = [i for i in descendants(tile) if i.inherits("QQuickText") and i.isVisible() and i.property("text")]
        if tile.objectName() == "tile:org.headunit.navigation":
            continue  # its own layout while guiding; the title row is checked by its plugin
        assert titles, f"{tile.objectName()} has no title row"
        assert abs(_rect(titles[0]).top() - _rect(tile).top()) < runtime.theme.dp(40), tile.objectName()
        assert header


def test_home_that_scrolls_says_so_until_the_end(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    home = find(window, "homeView")
    cue = find(window, "homeMoreCue")
    assert home.property("contentHeight") > home.height()
    assert cue.isVisible() and find(window, "homeMoreText").property("text") == "More"
    # The cue has a strip of its own: it covers no tile.
    assert _rect(cue).top() >= _rect(home).bottom() - 1
    assert find(window, "homeMorePill").isVisible()
    home.setProperty("contentY", home.property("contentHeight") - home.height())  # a swipe to the end
    settle(qtbot)
    settings = find(window, "settingsTile")
    assert _rect(home).contains(_rect(settings).center())
    assert not find(window, "homeMorePill").isVisible()


def test_all_apps_lists_every_enabled_app_where_the_dock_is_short(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    button = find(window, "allAppsButton")
    assert button.isVisible()  # the dock holds fewer apps than there are
    runtime.apps.setEnabled(WEATHER, False)
    settle(qtbot)
    _tap(window, button)
    settle(qtbot)
    page = find(window, "allApps")
    assert page.isVisible()
    launchable = runtime.apps.launchable
    assert WEATHER not in launchable
    for key in launchable:
        entry = find(window, f"allApps:{key}")
        names = [i.property("text") for i in descendants(entry) if i.objectName() == "allAppsName"]
        assert names == [runtime.apps.nameOf(key)]
    assert not named(window, f"allApps:{WEATHER}")
    _tap(window, find(window, f"allApps:{TRIP}"))
    qtbot.waitUntil(lambda: runtime.apps.currentApp == TRIP, timeout=3000)
    settle(qtbot)
    assert not page.isVisible()


def test_the_dock_needs_no_all_apps_where_it_holds_every_app(make_shell, qtbot):
    runtime, window = make_shell(1920, 720)
    dock_slots = find(window, "allAppsButton").parentItem()
    if len(runtime.apps.launchable) <= 5:
        assert not find(window, "allAppsButton").isVisible()
    assert dock_slots is not None


def test_recents_show_each_app_with_a_picture_and_a_close_button(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    assert runtime.apps.openApp(TRIP)
    settle(qtbot)
    assert runtime.apps.openApp(WEATHER)
    settle(qtbot)
    shell = find(window, "shell")
    shell.setProperty("overlay", "recents")
    settle(qtbot)
    cards = [find(window, f"recentCard:{k}") for k in (WEATHER, TRIP)]
    assert all(c.isVisible() for c in cards)
    for card in cards:
        assert [i for i in descendants(card) if i.objectName() == "recentClose" and i.isVisible()]
        previews = [i for i in descendants(card) if i.objectName() == "recentPreview" and i.isVisible()]
        assert previews and previews[0].property("sourceItem") is not None
    # The picture of the app left behind (hidden under the open one) is not blank.
    image = window.grabWindow()
    box = _rect(find(window, f"recentCard:{TRIP}")).toRect().adjusted(8, 8, -8, -80)
    colours = {image.pixelColor(x, y).rgb() for x in range(box.left(), box.right(), 7)
               for y in range(box.top(), box.bottom(), 7)}
    assert len(colours) > 3

    close = next(i for i in descendants(find(window, f"recentCard:{TRIP}")) if i.objectName() == "recentClose")
    _tap(window, close)
    settle(qtbot)
    assert runtime.apps.recentApps == [WEATHER]
    assert not [c for c in named(window, f"recentCard:{TRIP}") if c.isVisible()]
    close = next(i for i in descendants(find(window, f"recentCard:{WEATHER}")) if i.objectName() == "recentClose")
    _tap(window, close)
    settle(qtbot)
    assert runtime.apps.recentApps == [] and runtime.apps.currentApp == ""
    assert find(window, "recentsEmpty").isVisible()
    assert shell.property("overlay") == "recents"  # the switcher stays, saying there is nothing to switch to


def test_the_notification_centre_dims_the_screen_behind_it_and_a_tap_there_closes_it(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    shell = find(window, "shell")
    _tap(window, find(window, "notificationsButton"))
    settle(qtbot)
    assert shell.property("overlay") == "notifications"
    scrim = find(window, "notificationScrim")
    assert scrim.isVisible() and scrim.property("color").alpha() > 100
    empty = find(window, "notificationsEmpty")
    assert empty.isVisible()
    assert any("show here" in (i.property("text") or "") for i in descendants(empty) if i.inherits("QQuickText"))
    centre = find(window, "notificationCenter")
    # Beside the panel, over the dimmed home.
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPointF(_rect(centre).left() / 2 + 50, _rect(centre).center().y()).toPoint())
    settle(qtbot)
    assert shell.property("overlay") == ""
    assert runtime.apps.currentApp == ""  # the tap reached nothing under the scrim


def test_up_next_shows_the_newest_reminder(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    card = find(window, "upNextTile")
    assert "Nothing coming up" in [i.property("text") for i in descendants(card) if i.inherits("QQuickText")]
    runtime.notifications.post("org.headunit.store", "Service tomorrow at 9:00", "Autohaus Keller")
    runtime.notifications.post("org.headunit.weather", "Ice ahead on the A8")
    settle(qtbot)
    shown = [i.property("text") for i in descendants(card) if i.inherits("QQuickText") and i.isVisible()]
    assert "Ice ahead on the A8" in shown and "+1" in shown


def _plain(value):
    return value.toVariant() if hasattr(value, "toVariant") else value


def _tile_map(window):
    maps = [m for m in named(window, "tileRouteMap") if m.isVisible()]
    assert len(maps) == 1
    views = [i for i in descendants(maps[0]) if i.property("followMode") is not None]
    return maps[0], views[0]


def test_the_navigation_tile_has_a_live_map_heading_up_while_guiding_and_home_still_fills(
        make_shell, qtbot, install_region):
    install_region("monaco")
    runtime, window = make_shell(1920, 720)
    nav = "org.headunit.navigation"
    tile = find(window, f"tile:{nav}")
    qtbot.waitUntil(lambda: bool([m for m in named(window, "tileRouteMap") if m.isVisible()]), timeout=5000)
    card, view = _tile_map(window)
    assert view.property("followMode") == "north-up" and _plain(view.property("route")) == []  # around the car
    runtime.navigation.set_route(nav, "Casino", 43.7396, 7.4276, [(43.7347, 7.4206), (43.7370, 7.4240), (43.7396, 7.4276)])
    settle(qtbot)
    home = find(window, "homeView")
    cell = (home.width() - (home.property("columns") + 1) * runtime.theme.property("spacingM")) / home.property("columns")
    assert tile.width() > 1.9 * cell  # two columns
    card, view = _tile_map(window)
    assert card.width() > tile.width() / 3 and _rect(tile).contains(_rect(card).center())
    assert view.property("followMode") == "heading-up" and len(_plain(view.property("route"))) == 3
    assert home.property("contentHeight") <= home.height() + 1  # still no scrolling, still no empty slot
    runtime.navigation.clear(nav)
    settle(qtbot)
    assert _tile_map(window)[1].property("followMode") == "north-up"
