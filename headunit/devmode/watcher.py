"""FolderWatcher: tells when the files of a plugin folder change, once the writes have settled.

It polls: every POLL_MS it stats the folder's source files and compares (mtime, size, inode) with the last
look. A watcher on inotify (QFileSystemWatcher) misses what editors do on save: most write a new file and
rename it over the old one (vim, VS Code, JetBrains' "safe write"), so the watched inode is gone and the
watch with it; folders made later need watches of their own; and a folder shared into a VM or a container
sends no events at all. A plugin folder holds a few dozen files: stating them 20 times a second costs
well under a millisecond each time, and the inode in the key sees a rename even when the new file has the
old file's mtime and size.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 50
#: Quiet time after the last change before it is reported: an editor's save (or `git checkout`) is often
#: several writes, and the reload should see them all.
DEBOUNCE_MS = 100
#: What a plugin is made of; anything else (images, compiled .qm, caches) is not reloaded.
SUFFIXES = (".qml", ".js", ".mjs", ".py", ".toml", ".ts")
NAMES = ("qmldir",)
#: Not what the plugin runs: caches, and its own tests (as `headunit plugin new` makes them), which an edit of
#: should not restart it.
SKIPPED_FOLDERS = ("__pycache__", "node_modules", "tests")

Snapshot = dict[Path, tuple[int, int, int]]


def is_source(name: str) -> bool:
    return name.endswith(SUFFIXES) or name in NAMES


def snapshot(folder: Path) -> Snapshot:
    """Every source file under `folder` (hidden folders and editors' temporary files left out)."""
    found: Snapshot = {}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue  # removed while being read: the next look sees what is there
        for entry in entries:
            if entry.name.startswith(".") or entry.name.endswith("~"):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIPPED_FOLDERS:
                        pending.append(Path(entry.path))
                elif is_source(entry.name):
                    st = entry.stat()
                    found[Path(entry.path)] = (st.st_mtime_ns, st.st_size, st.st_ino)
            except OSError:
                continue
    return found


def changes(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files added, removed or rewritten between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


class FolderWatcher(QObject):
    #: The files that changed (added, removed or rewritten) since the last report, once quiet for DEBOUNCE_MS.
    changed = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None, *, poll_ms: int = POLL_MS,
                 debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.folder = folder
        self._seen = snapshot(folder)
        self._pending: set[Path] = set()
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self._look)
        self._quiet = QTimer(self, interval=debounce_ms, singleShot=True)
        self._quiet.timeout.connect(self._report)

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        self._quiet.stop()

    def _look(self) -> None:
        now = snapshot(self.folder)
        changed = changes(self._seen, now)
        self._seen = now
        if changed:
            self._pending |= changed
            self._quiet.start()  # (re)started: reported DEBOUNCE_MS after the last change seen

    def _report(self) -> None:
        changed, self._pending = sorted(self._pending), set()
        self.changed.emit(changed)
