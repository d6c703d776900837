"""Driving templates as the shell draws them: the home tile, actions back to the plugin, the depth limit,
and what the shell refuses to draw."""

from __future__ import annotations

import pytest

from headunit.sandbox.templates import TemplateError, validate_page, validate_tile
from tests.sandbox.conftest import open_sandboxed, template_rows

TILED = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        self.ctx, self.taps = ctx, []
        ctx.templates.tile("Parking", "2 h left", "mdi6.parking", [{"id": "extend", "text": "Extend"}])
        ctx.templates.show("list", title="Zones", rows=[{"title": "Zone A"}, {"title": "Zone B"}])
        ctx.templates.actionTriggered.connect(self.tapped)

    def tapped(self, slot, action, index):
        self.taps.append(f"{slot}:{action}:{index}")
        try:
            self.ctx.templates.push("pane", title=f"level {len(self.ctx.templates.page_stack) + 1}",
                                    rows=[{"label": "taps", "value": ", ".join(self.taps)}])
        except Exception as exc:
            self.ctx.templates.show("message", title="refused", text=str(exc)[:200])
'''


def test_a_third_party_tile_is_the_template_it_publishes(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.parking", python=TILED, tile="import QtQuick\nRectangle { color: \"#ff00ff\" }\n")
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    qtbot.waitUntil(lambda: runtime.sandbox.tileTemplate("org.example.parking", 0) is not None, timeout=15_000)
    qtbot.wait(300)
    texts = _texts(window)
    assert "Parking" in texts and "2 h left" in texts and "Extend" in texts
    from tests.sandbox.test_screens import magenta_share

    assert magenta_share(window.grabWindow()) == 0  # the plugin's own tile QML is never used


def test_taps_reach_the_plugin_and_depth_stops_at_three_while_driving(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.parking", python=TILED)
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.parking")
    assert template_rows(runtime, "org.example.parking") == {"Zone A": "", "Zone B": ""}
    for level in (2, 3):
        runtime.sandbox.activate("org.example.parking", "page", "row", 1)
        qtbot.waitUntil(lambda: (runtime.sandbox.pageTemplate("org.example.parking", 0) or {}).get("title")
                        == f"level {level}", timeout=5000)
    runtime.sandbox.activate("org.example.parking", "page", "row", 0)
    qtbot.waitUntil(lambda: (runtime.sandbox.pageTemplate("org.example.parking", 0) or {}).get("kind") == "message",
                    timeout=5000)
    assert "at most 3 levels while driving" in runtime.sandbox.pageTemplate("org.example.parking", 0)["text"]
    assert runtime.sandbox.back("org.example.parking")  # back goes up a level inside the app


@pytest.mark.parametrize("bad", [
    {"kind": "list", "rows": [{"title": "x"}] * 51},
    {"kind": "pane", "title": "x", "actions": [{"id": "a", "text": "a"}] * 3},
    {"kind": "list", "rows": [{"title": "x", "icon": "file:///etc/passwd"}]},
    {"kind": "video", "source": "x"},
    {"kind": "message", "title": "x", "html": "<b>"},
])
def test_the_shell_refuses_templates_past_their_limits(bad):
    with pytest.raises(TemplateError):
        validate_page(bad)


def test_a_tile_has_at_most_two_actions():
    with pytest.raises(TemplateError, match="actions"):
        validate_tile({"title": "x", "actions": [{"id": "a", "text": "a"}] * 3})


def _texts(window) -> list[str]:
    from tests.sandbox.test_screens import _visible_texts

    return _visible_texts(window)


NAVIGATOR = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        ctx.templates.show("navigation", maneuver="turn-right", distance="300 m", street="Boulevard Albert 1er",
                           remaining="1.2 km", route=[[43.7384, 7.4246], [43.7370, 7.4270]])
'''


def test_a_navigation_app_gets_the_shells_map_with_its_manoeuvre(make_shell, qtbot, plugin_factory):
    from PySide6.QtQuick import QQuickItem

    from tests.sandbox.test_screens import magenta_share

    plugin_factory("org.example.navigator", python=NAVIGATOR, category="navigation",
                   page='import QtQuick\nRectangle { color: "#ff00ff" }\n')
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.navigator")
    texts = _texts(window)
    assert "300 m" in texts and "Boulevard Albert 1er" in texts and "1.2 km" in texts
    assert any(i.isVisible() for i in window.findChildren(QQuickItem, "mapAttribution"))
    assert magenta_share(window.grabWindow()) == 0
