"""The device's sync client: cached reads, a durable outbox drained exactly once, and user-data sync.

See docs/sync-protocol.md for the contract with the backend. Names are imported on first use, so that
`headunit --help` and the shell's first frame do not pay for requests, requests-cache and tenacity.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_EXPORTS = {
    "BinaryReading": "headunit.sync.models",
    "SyncClient": "headunit.sync.client",
    "CorruptStoreError": "headunit.sync.errors",
    "NotRegisteredError": "headunit.sync.errors",
    "OfflineError": "headunit.sync.errors",
    "StoreError": "headunit.sync.errors",
    "SyncError": "headunit.sync.errors",
    "UnavailableError": "headunit.sync.errors",
    "FaultInjector": "headunit.sync.faults",
    "Operation": "headunit.sync.models",
    "Reading": "headunit.sync.models",
    "Registration": "headunit.sync.models",
    "Status": "headunit.sync.models",
    "SyncSettings": "headunit.sync.settings",
}

__all__ = [
    "BinaryReading",
    "CorruptStoreError",
    "FaultInjector",
    "NotRegisteredError",
    "OfflineError",
    "Operation",
    "Reading",
    "Registration",
    "StoreError",
    "Status",
    "SyncClient",
    "SyncError",
    "SyncSettings",
    "UnavailableError",
]

if TYPE_CHECKING:
    from headunit.sync.client import SyncClient
    from headunit.sync.errors import (
        CorruptStoreError,
        NotRegisteredError,
        OfflineError,
        StoreError,
        SyncError,
        UnavailableError,
    )
    from headunit.sync.faults import FaultInjector
    from headunit.sync.models import BinaryReading, Operation, Reading, Registration, Status
    from headunit.sync.settings import SyncSettings


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
