"""The profile folder's modes: the folder 0700, every file in it 0600.

A profile holds the device token, the driver's favourites, destinations, playlists and receipts, and the
HTTP cache of the account's answers: nothing another user of the machine should read. Files are created
0600 before SQLite or requests-cache first opens them (SQLite then gives its `-wal` and `-shm` files the
main file's mode), and an existing file or folder with a looser mode is tightened when it is opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> Path:
    """Create `path` (and its parents) if needed; the folder itself ends up 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _tighten(path, FOLDER_MODE)
    return path


def private_file(path: Path, *, create: bool = True) -> Path:
    """Make `path` a file only this user can read and write: created empty (if `create`), else tightened."""
    if create:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            pass
        else:
            os.close(fd)
    _tighten(path, FILE_MODE)
    return path


def private_database(path: Path) -> Path:
    """A SQLite file and its side files (WAL, shared memory, rollback journal), 0600."""
    private_file(path)
    tighten_side_files(path)
    return path


def tighten_side_files(path: Path) -> None:
    for suffix in SQLITE_SIDE_FILES:
        private_file(path.with_name(path.name + suffix), create=False)


def _tighten(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    if current & ~mode:
        os.chmod(path, current & mode)
