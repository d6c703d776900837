"""The profile folder's own files: the device identity (a secret) and the one-syncer-at-a-time lock."""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import asdict
from pathlib import Path

from headunit.sync.errors import StoreError
from headunit.sync.files import private_file
from headunit.sync.models import Registration

DEVICE_FILE = "device.json"
LOCK_FILE = "sync.lock"


def load_registration(folder: Path) -> Registration | None:
    path = folder / DEVICE_FILE
    try:
        private_file(path, create=False)  # a token: tighten a file an older version left readable
        data = json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except ValueError as exc:
        raise StoreError(f"{path}: not a device file ({exc})") from exc
    return Registration(**data)


def save_registration(folder: Path, registration: Registration) -> None:
    """Write the token readable by this user only (0600), atomically and durably."""
    path = folder / DEVICE_FILE
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # a leftover from a crash keeps its mode through O_TRUNC
    with os.fdopen(fd, "w") as f:
        json.dump(asdict(registration), f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class ProfileLock:
    """One drainer per profile: two would interleave a lane. The kernel drops the lock on any exit."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._fd: int | None = None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        private_file(self.folder / LOCK_FILE, create=False)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreError(f"{self.folder}: another process is already syncing this profile") from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
