"""Driving templates as the shell draws them: the home tile, actions back to the plugin, the depth limit,
and what the shell refuses to draw."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from headunit.sandbox.templates import TemplateError, validate_page, validate_tile
from tests.sandbox.conftest import open_sandboxed, template_rows
from tests.shell import find, named

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


STEPPER = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        self.ctx, self.n = ctx, 0
        ctx.templates.show("list", title="Zones", rows=[{"title": "Zone A"}])
        ctx.templates.actionTriggered.connect(self.tapped)

    def tapped(self, slot, action, index):
        if action == "refresh":  # new content for the screen on top: not a step
            self.ctx.templates.show("pane", title="step 5", rows=[{"label": "spaces", "value": "12"}])
            return
        self.n += 1  # each tap shows a new screen in place of the last
        self.ctx.templates.show("pane", title=f"step {self.n}", actions=[{"id": "refresh", "text": "Refresh"}])
'''


def test_five_new_screens_a_task_while_driving_then_more_when_parked(make_shell, qtbot, plugin_factory):
    """Screens shown in place count as steps as pushes do: the sixth is refused while moving and the driver keeps
    the fifth (a refresh of it still draws); parked, the app goes on."""
    plugin_factory("org.example.stepper", python=STEPPER)
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    open_sandboxed(qtbot, runtime, window, "org.example.stepper")

    def top():
        return runtime.sandbox.pageTemplate("org.example.stepper", 0) or {}

    for n in range(1, 6):
        runtime.sandbox.activate("org.example.stepper", "page", "row", 0)
        qtbot.waitUntil(lambda: top().get("title") == f"step {n}", timeout=5000)
    runtime.sandbox.activate("org.example.stepper", "page", "row", 0)
    qtbot.waitUntil(lambda: any("at most 5 new screens in one task while driving" in t for t in toasts), timeout=5000)
    assert top().get("title") == "step 5"
    runtime.sandbox.activate("org.example.stepper", "page", "refresh", 0)
    qtbot.waitUntil(lambda: top().get("rows") == [{"label": "spaces", "value": "12"}], timeout=5000)
    runtime.simulator.applyDrive("parked")
    runtime.sandbox.activate("org.example.stepper", "page", "row", 0)
    qtbot.waitUntil(lambda: top().get("title") == "step 7", timeout=5000)


def test_a_refresh_and_the_first_screen_are_not_steps():
    from headunit.sandbox.templates import is_step

    zones = {"kind": "list", "title": "Zones", "rows": [{"title": "A"}]}
    assert not is_step(None, zones)
    assert not is_step(zones, {**zones, "rows": [{"title": "B"}]})
    assert is_step(zones, {**zones, "title": "Zone A"})
    assert is_step(zones, {"kind": "grid", "title": "Zones", "items": []})


EMPTY_TILE = "import QtQuick\nItem {}\n"
PICTURED = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        ctx.templates.tile("Parking", "2 h left", "mdi6.parking", image="plugin:art/zone.png")
'''


def _solid_png(path, rgb) -> None:
    from PySide6.QtGui import QColor, QImage

    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(*rgb))
    assert image.save(str(path), "PNG")


def _png_header(path, width: int, height: int) -> None:
    """A PNG's signature and header chunk alone, declaring `width`×`height`."""
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk
                     + struct.pack(">I", zlib.crc32(chunk)))


def test_a_third_party_tile_shows_the_picture_it_names(make_shell, qtbot, plugin_factory):
    """The tile's figure is the app's own picture, read by the shell from the plugin's folder, drawn while moving."""
    from tests.sandbox.test_screens import colour_share

    folder = plugin_factory("org.example.parking", python=PICTURED, tile=EMPTY_TILE)
    _solid_png(folder / "art" / "zone.png", (0, 200, 0))
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    qtbot.waitUntil(lambda: runtime.sandbox.tileTemplate("org.example.parking", 0) is not None, timeout=15_000)
    kept = Path(QUrl(runtime.sandbox.tileTemplate("org.example.parking", 0)["image"]).toLocalFile())
    assert kept.is_relative_to(runtime.sandbox.pictures_root)  # the shell's copy: out of every sandbox
    assert kept.read_bytes() == (folder / "art" / "zone.png").read_bytes()
    qtbot.waitUntil(lambda: any(i.isVisible() for i in named(window, "templateTileImage")), timeout=5000)
    home, tile = find(window, "homeView"), find(window, "tile:org.example.parking")
    home.setProperty("contentY", min(tile.y(), home.property("contentHeight") - home.height()))  # scrolled to it
    qtbot.wait(300)
    assert colour_share(window.grabWindow(), (0, 200, 0)) > 0.005


@pytest.mark.parametrize(("spec", "why"), [
    ("plugin:art/../../other/secret.png", "without '..'"),
    ("plugin:art/link.png", "symbolic link"),
    ("plugin:art/notes.txt", "expected a .png"),
    ("plugin:art/absent.png", "is missing"),
    ("plugin:art/huge.png", "at most 4 MB"),
    ("plugin:art/bomb.png", "at most 4096×4096 pixels"),
    ("plugin:art/garbage.png", "expected a PNG, JPEG or WebP picture"),
    ("plugin:art/text.png", "expected a PNG, JPEG or WebP picture"),
    ("plugin:art/pipe.png", "expected a regular file"),
    ("plugin:art/drawing.svg", "expected a .png"),
    ("storage:cover.png", "needs 'storage'"),
])
def test_the_shell_reads_no_picture_outside_the_apps_folders(tmp_path, spec, why):
    """The shell opens a tile's picture with its own rights: only a picture file inside the app's own folders,
    read without blocking (a FIFO) and judged by what it holds, not by its name."""
    from headunit.sandbox.templates import read_image

    folder = tmp_path / "org.example.parking"
    _solid_png(folder / "art" / "zone.png", (0, 200, 0))
    (folder / "art" / "notes.txt").write_text("not a picture")
    (folder / "art" / "link.png").symlink_to("/etc/passwd")
    (folder / "art" / "huge.png").write_bytes(b"\x89PNG" + bytes(5 * 1024 * 1024))
    (folder / "art" / "garbage.png").write_bytes(b"not a picture at all")
    (folder / "art" / "text.png").write_bytes(Path("/etc/passwd").read_bytes())
    os.mkfifo(folder / "art" / "pipe.png")  # opening it to read would wait for a writer that never comes
    (folder / "art" / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    _png_header(folder / "art" / "bomb.png", 60_000, 60_000)  # a few bytes that would decode to 14 GB
    (tmp_path / "other").mkdir()
    _solid_png(tmp_path / "other" / "secret.png", (255, 0, 0))
    with pytest.raises(TemplateError, match=re.escape(why)):
        read_image(spec, folder, None)
    assert read_image("plugin:art/zone.png", folder, None) == ((folder / "art" / "zone.png").read_bytes(), ".png")
    data = tmp_path / "data"
    _solid_png(data / "cover.jpg", (0, 0, 200))  # a PNG whatever its name says: kept as one
    assert read_image("storage:cover.jpg", folder, data) == ((data / "cover.jpg").read_bytes(), ".png")


def test_a_folder_swapped_for_a_link_after_the_check_leads_nowhere(tmp_path):
    """Between the path's check and the open, a plugin may turn a folder on the way into a symbolic link out:
    the shell judges where its descriptor really leads."""
    from headunit.sandbox.templates import _read_inside

    folder, outside = tmp_path / "data", tmp_path / "elsewhere"
    _solid_png(outside / "secret.png", (255, 0, 0))
    folder.mkdir()
    (folder / "covers").symlink_to(outside)
    with pytest.raises(TemplateError, match="inside the app's folder"):
        _read_inside(folder, "covers/secret.png", "storage:covers/secret.png")


STORED = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        ctx.templates.tile("Parking", "2 h left", "mdi6.parking", image="storage:cover.png")
'''


def test_a_picture_swapped_after_it_was_shown_changes_nothing(make_shell, qtbot, plugin_factory):
    """The tile shows the shell's copy of the picture it checked: a plugin that swaps its file for a link to a
    picture of the shell's user afterwards (the moment between check and read) still gets its own picture."""
    from tests.sandbox.test_screens import colour_share

    from headunit import paths

    plugin_factory("org.example.parking", python=STORED, tile=EMPTY_TILE, capabilities=("storage",))
    data_folder = paths.data_dir() / "plugin-data" / "org.example.parking"
    _solid_png(data_folder / "cover.png", (0, 200, 0))
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    assert runtime.host.data_root / "org.example.parking" == data_folder
    qtbot.waitUntil(lambda: runtime.sandbox.tileTemplate("org.example.parking", 0) is not None, timeout=15_000)
    secret = plugin_factory.root.parent / "private" / "photo.png"
    _solid_png(secret, (200, 0, 0))
    (data_folder / "cover.png").unlink()
    (data_folder / "cover.png").symlink_to(secret)
    kept = Path(QUrl(runtime.sandbox.tileTemplate("org.example.parking", 0)["image"]).toLocalFile())
    assert not kept.is_relative_to(data_folder)
    home, tile = find(window, "homeView"), find(window, "tile:org.example.parking")
    home.setProperty("contentY", min(tile.y(), home.property("contentHeight") - home.height()))
    qtbot.waitUntil(lambda: any(i.isVisible() for i in named(window, "templateTileImage")), timeout=5000)
    qtbot.wait(300)
    frame = window.grabWindow()
    assert colour_share(frame, (0, 200, 0)) > 0.005 and colour_share(frame, (200, 0, 0)) == 0


def test_a_tile_naming_a_picture_it_may_not_read_is_refused_and_the_last_one_stays(make_shell, qtbot, plugin_factory,
                                                                                   toasts):
    plugin_factory("org.example.parking", python=PICTURED.replace("plugin:art/zone.png", "storage:x/../../../.ssh/id.png"),
                   tile=EMPTY_TILE)
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    qtbot.waitUntil(lambda: any("image" in t for t in toasts), timeout=15_000)
    assert runtime.sandbox.tileTemplate("org.example.parking", 0) is None


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
