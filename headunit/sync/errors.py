"""Exceptions raised by the sync client.

    SyncError
     ├── StoreError                the profile's sync.db cannot be used
     │    └── CorruptStoreError    it is not a SQLite database, or a damaged one (moved aside)
     ├── NotRegisteredError        the profile has no device token yet
     └── UnavailableError          a read failed and the cache holds nothing to fall back on

    requests.ConnectionError
     └── OfflineError              the network switch is off: nothing was sent

`OfflineError` is a `requests.ConnectionError` so that requests-cache, and any code that already handles
a lost connection, treat "switched off" exactly like "no network". It is defined with the transport
(headunit.sync.transport) and imported from here on first use, so that a profile with no backend never
loads requests.
"""

from __future__ import annotations

from pathlib import Path


class SyncError(Exception):
    """Base class of the sync client's own errors."""


class StoreError(SyncError):
    """The profile's sync database cannot be opened or used."""


class CorruptStoreError(StoreError):
    """`sync.db` is not a usable SQLite database; it was moved to `moved_to` so nothing is lost."""

    def __init__(self, path: Path, moved_to: Path | None, reason: str):
        self.path, self.moved_to, self.reason = Path(path), moved_to, reason
        where = f"; moved aside to {moved_to}" if moved_to else ""
        super().__init__(f"{path}: not a usable sync database ({reason}){where}")


class NotRegisteredError(SyncError):
    """The operation needs a device token; call `SyncClient.register()` first."""


class UnavailableError(SyncError):
    """A read failed and no cached copy exists. `status` is the HTTP status, or None without an answer."""

    def __init__(self, url: str, status: int | None, detail: str):
        self.url, self.status, self.detail = url, status, detail
        super().__init__(f"{url}: {detail}")


def __getattr__(name: str):
    if name == "OfflineError":  # a requests.ConnectionError: importing it loads requests
        from headunit.sync.transport import OfflineError

        return OfflineError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
