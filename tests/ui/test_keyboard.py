"""The on-screen keyboard as a driver meets it when parked: in the shell's colours, never over what the search
found, and gone once Enter is pressed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from tests.shell import descendants, find, named, settle

PLACES = "org.headunit.places"


def _open_keyboard(runtime, window, qtbot):
    assert runtime.apps.openApp(PLACES)
    settle(qtbot)
    field = next(i for i in named(window, "textEntryField") if i.isVisible())
    window.requestActivate()
    field.forceActiveFocus()
    qtbot.waitUntil(lambda: any(k.isVisible() for k in named(window, "keyboard")), timeout=5000)
    settle(qtbot)
    return field, next(k for k in named(window, "keyboard") if k.isVisible())


def _scene_rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _enter_key(keyboard):
    keys = [i for i in descendants(keyboard) if "EnterKey" in i.metaObject().className() and i.isVisible()]
    assert keys, "no Enter key on the keyboard"
    return keys[0]


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_the_keyboard_is_drawn_in_the_palette_day_and_night(make_shell, qtbot):
    for night in (False, True):
        runtime, window = make_shell(800, 480, night=night)
        _, keyboard = _open_keyboard(runtime, window, qtbot)
        image = window.grabWindow()
        rect = _scene_rect(keyboard)
        # The keyboard's background (the gap under the top row's keys) and the Enter key.
        background = image.pixelColor(int(rect.left()) + 2, int(rect.top()) + 3)
        assert _distance(background, runtime.theme.property("surface")) < 24, background.name()
        enter = _scene_rect(_enter_key(keyboard)).center().toPoint()
        assert _distance(image.pixelColor(enter.x() - 20, enter.y() - 8), runtime.theme.property("accent")) < 24


def test_what_the_search_found_stays_above_the_keyboard_at_800x480(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    field, keyboard = _open_keyboard(runtime, window, qtbot)
    top_of_keyboard = _scene_rect(keyboard).top()
    assert _scene_rect(find(window, "content")).bottom() <= top_of_keyboard + 1
    assert _scene_rect(field).bottom() <= top_of_keyboard
    lists = [i for i in named(window, "itemListView") if i.isVisible()]
    assert lists and all(_scene_rect(v).bottom() <= top_of_keyboard + 1 and v.height() > 0 for v in lists)


def test_enter_puts_the_keyboard_away(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    field, keyboard = _open_keyboard(runtime, window, qtbot)
    field.setProperty("text", "fuel")
    centre = _scene_rect(_enter_key(keyboard)).center().toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: not any(k.isVisible() for k in named(window, "keyboard")), timeout=3000)
    settle(qtbot)
    assert not field.hasActiveFocus()
    # The content has the whole screen again.
    assert _scene_rect(find(window, "content")).bottom() == window.height()
    assert field.property("text") == "fuel"
