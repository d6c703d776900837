"""The folder watcher sees the ways editors save, and reports a burst of writes once."""

from __future__ import annotations

import os
import time
from pathlib import Path

from headunit.devmode.watcher import DEBOUNCE_MS, FolderWatcher, changes, snapshot


def test_an_atomic_save_with_the_same_mtime_and_size_is_seen(tmp_path: Path):
    page = tmp_path / "Main.qml"
    page.write_text("Item { width: 1 }")
    stamp = page.stat().st_mtime_ns
    before = snapshot(tmp_path)
    temp = tmp_path / ".Main.qml.swp"
    temp.write_text("Item { width: 2 }")  # same size
    os.utime(temp, ns=(stamp, stamp))  # same mtime, as a coarse clock or a restored file would give
    temp.replace(page)
    assert changes(before, snapshot(tmp_path)) == {page}


def test_new_folders_removed_files_and_only_the_plugins_sources_count(tmp_path: Path):
    (tmp_path / "main.py").write_text("x = 1")
    before = snapshot(tmp_path)
    (tmp_path / "qml" / "parts").mkdir(parents=True)
    (tmp_path / "qml" / "parts" / "Row.qml").write_text("Item {}")
    (tmp_path / "icon.png").write_bytes(b"png")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "main.cpython-313.py").write_text("")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_plugin.py").write_text("def test(): pass")
    (tmp_path / "main.py").unlink()
    assert changes(before, snapshot(tmp_path)) == {tmp_path / "main.py", tmp_path / "qml" / "parts" / "Row.qml"}


def test_a_burst_of_writes_is_reported_once_after_it_settles(qtbot, tmp_path: Path):
    (tmp_path / "main.py").write_text("x = 0")
    watcher = FolderWatcher(tmp_path)
    reports: list[tuple[float, list[Path]]] = []
    watcher.changed.connect(lambda paths: reports.append((time.monotonic(), paths)))
    watcher.start()
    for i in range(5):  # a save every 30 ms, quicker than the quiet time
        if i:
            qtbot.wait(30)
        (tmp_path / "main.py").write_text(f"x = {i + 1}" + " " * i)
        (tmp_path / f"part{i % 2}.qml").write_text(f"Item {{ z: {i} }}")
    last_write = time.monotonic()
    qtbot.waitUntil(lambda: bool(reports), timeout=2000)
    qtbot.wait(300)
    watcher.stop()
    assert len(reports) == 1
    at, paths = reports[0]
    assert set(paths) == {tmp_path / "main.py", tmp_path / "part0.qml", tmp_path / "part1.qml"}
    assert DEBOUNCE_MS / 1000 <= at - last_write < 0.4
