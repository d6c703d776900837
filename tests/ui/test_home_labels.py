"""Where a driver chooses where to go, the choices have names: the music rail and the library's categories
read, and a page deep in the library has one back arrow (the shell's), not two."""

from __future__ import annotations

import shutil

from tests.music_files import encode_tone, write_tags
from tests.shell import descendants, find, named, settle

MUSIC = "org.headunit.music"


def _buttons(root) -> list:
    return [b for b in descendants(root) if b.inherits("QQuickAbstractButton") and b.isVisible() and b.width() > 0]


def _labels(button) -> list[str]:
    return [t.property("text") for t in descendants(button)
            if t.objectName() == "navButtonLabel" and t.isVisible() and not t.property("truncated")]


def test_the_music_rail_and_the_library_categories_have_names_and_an_album_has_one_back_arrow(
        make_shell, qtbot, tmp_path):
    tone = encode_tone(tmp_path / "tone.wav", seconds=1.0)
    for album in ("Coastal Roads", "Night Shift"):
        path = tmp_path / "home" / "Music" / album / "01 Song.wav"
        path.parent.mkdir(parents=True)
        shutil.copy(tone, path)
        write_tags(path, {"title": "Song", "artist": "Kestrel", "album_artist": "Kestrel", "album": album,
                          "track_no": 1})
    runtime, window = make_shell(800, 480)
    with qtbot.waitSignal(runtime.media.scanFinished, timeout=30_000):
        runtime.start_media()
    assert runtime.apps.openApp(MUSIC)
    settle(qtbot)
    rail = find(window, "musicSections")
    sections = [b for b in _buttons(rail) if b.objectName().startswith("section:")]
    assert len(sections) == 5
    for button in sections:
        assert _labels(button) == [button.property("text")], button.objectName()

    find(window, "section:library").clicked.emit()
    settle(qtbot)
    strip = next(s for s in named(window, "categoryStrip") if s.isVisible())
    categories = [b for b in descendants(strip) if b.objectName().startswith("category:")]
    assert len(categories) == 7
    for button in categories:
        assert button.property("text") and _labels(button) == [button.property("text")], button.objectName()

    page = next(p for p in named(window, "libraryPanel") if p.isVisible())
    grid = next(g for g in descendants(page) if g.objectName() == "albumGrid")
    qtbot.waitUntil(lambda: any(t.property("title") for t in _buttons(grid)), timeout=10_000)
    next(t for t in _buttons(grid) if t.property("title")).clicked.emit()
    qtbot.waitUntil(lambda: any(t.isVisible() for t in named(window, "levelTitle")), timeout=5000)
    settle(qtbot)
    window.grabWindow().save(str(tmp_path / "album.png"))
    backs = [b for b in _buttons(window.contentItem()) if b.property("text") == "Back"]
    assert [b.objectName() for b in backs] == ["backButton"]  # the status bar's, and no other
    assert not any(b.property("text") == "Back" for b in _buttons(page))
