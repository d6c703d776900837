"""The shell's overlays (settings, the recent apps, the notification centre): made the first time they open,
and from then on the same view, as the driver left it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.shell import descendants, find, named, settle

TRIP = "org.headunit.tripcomputer"


def shown_texts(item) -> list[str]:
    return [i.property("text") for i in descendants(item) if i.inherits("QQuickText") and i.isVisible()]


def test_the_notification_centre_shows_what_was_posted_and_marks_it_read_each_time_it_opens(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    shell = find(window, "shell")
    runtime.notifications.post("org.headunit.weather", "Ice ahead on the A8")
    assert runtime.notifications.unread == 1

    shell.setProperty("overlay", "notifications")  # the first opening makes the centre
    settle(qtbot)
    assert "Ice ahead on the A8" in shown_texts(find(window, "notificationCenter"))
    assert runtime.notifications.unread == 0

    shell.setProperty("overlay", "")
    settle(qtbot)
    assert not find(window, "notificationCenter").isVisible()
    runtime.notifications.post("org.headunit.music", "USB stick removed")
    assert runtime.notifications.unread == 1
    shell.setProperty("overlay", "notifications")  # the same centre again
    settle(qtbot)
    assert len(named(window, "notificationCenter")) == 1
    assert {"Ice ahead on the A8", "USB stick removed"} <= set(shown_texts(find(window, "notificationCenter")))
    assert runtime.notifications.unread == 0


def test_the_recent_apps_open_with_the_last_app_and_a_tap_brings_it_back(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    assert runtime.apps.openApp(TRIP)
    runtime.apps.goHome()
    find(window, "shell").setProperty("overlay", "recents")
    settle(qtbot)
    recents = find(window, "recentApps")
    card = next(i for i in descendants(recents) if i.inherits("QQuickText") and i.property("text") == "Trip computer")
    centre = card.mapToScene(card.boundingRect().center()).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))
    qtbot.waitUntil(lambda: runtime.apps.currentApp == TRIP, timeout=3000)
    settle(qtbot)
    assert not recents.isVisible()
    assert runtime.apps.currentApp == TRIP  # the tap did not also reach the home tile under the card


def test_a_tap_beside_the_recent_apps_closes_them_and_reaches_nothing_under_them(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    assert runtime.apps.openApp(TRIP)
    runtime.apps.goHome()
    shell = find(window, "shell")
    shell.setProperty("overlay", "recents")
    settle(qtbot)
    # Home's tiles lie under the switcher's scrim: this is the middle of the bottom right one.
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(1080, 600))
    settle(qtbot)
    assert shell.property("overlay") == "" and runtime.apps.currentApp == ""


def test_settings_open_where_the_driver_left_them(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    shell = find(window, "shell")
    assert named(window, "settingsView") == []  # nothing made until asked for
    shell.setProperty("overlay", "settings")
    find(window, "settingsView").setProperty("section", 3)
    shell.setProperty("overlay", "")
    settle(qtbot)
    shell.setProperty("overlay", "settings")
    settle(qtbot)
    assert find(window, "settingsView").property("section") == 3
