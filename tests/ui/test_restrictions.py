"""Driving restrictions as a driver meets them: the policy, and every template that enforces it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from PySide6.QtQuick import QQuickItem

from headunit.vehicle.restrictions import FLAGS, MAX_STRING_LENGTH, limit_string
from tests.shell import descendants, named, settle

PLACES = "org.headunit.places"
STATES = {"parked": False, "idling": True, "moving": True}


def _visible(window, name: str) -> list[QQuickItem]:
    return [i for i in named(window, name) if i.isVisible()]


@pytest.mark.parametrize("state", STATES)
def test_policy_matrix(make_shell, state):
    runtime, _ = make_shell(800, 480, drive=state)
    r = runtime.restrictions
    assert runtime.driving.state == state
    for flag in FLAGS:
        assert r.property(flag) is STATES[state], flag
    limited = STATES[state]
    assert r.maxItemsPerScreen == (6 if limited else 0)
    assert r.maxDepth == (3 if limited else 0)
    assert r.maxStringLength == (MAX_STRING_LENGTH if limited else 0)
    long = "x" * 200
    assert len(r.limitString(long)) == (MAX_STRING_LENGTH if limited else 200)


def test_limit_string_cuts_with_an_ellipsis():
    assert limit_string("a" * 100, 80) == "a" * 79 + "…"
    assert limit_string("short", 80) == "short"
    assert limit_string("a" * 100, 0) == "a" * 100


def test_a_lost_signal_restricts_within_two_seconds(make_shell, qtbot):
    runtime, _ = make_shell(800, 480, drive="parked")
    assert not runtime.restrictions.active
    runtime.simulator.setSignalLost(True)
    qtbot.waitUntil(lambda: runtime.restrictions.active, timeout=2500)
    assert runtime.driving.stale and runtime.driving.state == "moving"
    runtime.simulator.setSignalLost(False)
    qtbot.waitUntil(lambda: not runtime.restrictions.active, timeout=1000)


def test_plugins_cannot_write_the_policy(make_shell):
    runtime, _ = make_shell(800, 480, drive="moving")
    mo = runtime.restrictions.metaObject()
    for i in range(mo.propertyOffset(), mo.propertyCount()):
        assert not mo.property(i).isWritable(), mo.property(i).name()


@pytest.mark.parametrize("state", STATES)
def test_list_and_text_field_follow_the_driving_state(make_shell, qtbot, state):
    runtime, window = make_shell(800, 480, drive=state)
    assert runtime.apps.openApp(PLACES)
    qtbot.waitUntil(lambda: _visible(window, "placesList") and
                    _visible(window, "placesList")[0].property("count") > 6, timeout=5000)
    settle(qtbot)
    places = _visible(window, "placesList")[0]
    rows = [r for r in descendants(places) if r.inherits("QQuickAbstractButton") and r.isVisible()
            and r.height() > 0]
    hint = named(window, "moreWhenParked")[0]
    if STATES[state]:
        assert 1 <= len(rows) <= 6
        assert hint.isVisible() and "more when parked" in hint.property("text")
        assert _visible(window, "textEntryField") == []
        assert _visible(window, "typingWhenParked")
    else:
        assert hint.isVisible() is False
        assert [i for i in descendants(places) if i.objectName() == "itemListView"][0].property("interactive")
        assert _visible(window, "textEntryField")


def test_the_keyboard_never_shows_while_moving(make_shell, qtbot):
    runtime, window = make_shell(800, 480, drive="parked")
    assert runtime.apps.openApp(PLACES)
    settle(qtbot)
    field = _visible(window, "textEntryField")[0]
    window.requestActivate()
    field.forceActiveFocus()
    runtime.app.inputMethod().show()
    qtbot.waitUntil(lambda: any(k.isVisible() for k in named(window, "keyboard")), timeout=3000)

    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: not any(k.isVisible() for k in named(window, "keyboard")), timeout=1000)
    # Whatever a plugin asks, the shell keeps it hidden.
    runtime.app.inputMethod().show()
    settle(qtbot, 200)
    assert not any(k.isVisible() for k in named(window, "keyboard"))
    assert not field.hasActiveFocus()


def test_every_clickable_item_is_a_touch_target(make_shell, qtbot):
    """At 800x480 (the smallest screen), on every first-party screen: at least 76 dp both ways."""
    runtime, window = make_shell(800, 480)
    minimum = runtime.theme.dp(76) - 1  # rounding to whole pixels

    def small_targets() -> list[str]:
        small = []
        for item in descendants(window.contentItem()):
            clickable = item.inherits("QQuickAbstractButton") or any(
                h.inherits("QQuickTapHandler") for h in item.findChildren(QObject, options=_DIRECT))
            if clickable and item.isVisible() and item.opacity() > 0 and (item.width() < minimum or item.height() < minimum):
                small.append(f"{item.metaObject().className()} {item.objectName()!r} {item.width():.0f}×{item.height():.0f}")
        return small

    screens = {"home": lambda: runtime.apps.goHome()}
    for record in runtime.host.records():
        if record.status == "ok" and record.key.startswith("org.headunit."):
            screens[record.key] = lambda key=record.key: runtime.apps.openApp(key)
    shell = named(window, "shell")[0]
    for section in range(5):
        screens[f"settings {section}"] = lambda s=section: (shell.setProperty("overlay", "settings"),
                                                            named(window, "settingsView")[0].setProperty("section", s))
    for name, show in screens.items():
        shell.setProperty("overlay", "")
        show()
        settle(qtbot, 300)
        assert small_targets() == [], name


_DIRECT = __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.FindChildOption.FindDirectChildrenOnly
