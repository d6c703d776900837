"""Bytes up and down per plugin: counted by the transport, kept in sync.db (no network needed to read them)."""

from __future__ import annotations

import threading

SHELL = "headunit"  # traffic and writes of the sync client itself (registration, pulls, reconciles, merges)


class Traffic:
    """Bytes up and down per plugin since the profile was created (thread-safe)."""

    def __init__(self, initial: dict[str, tuple[int, int]] | None = None):
        self._lock = threading.Lock()
        self._totals = {k: list(v) for k, v in (initial or {}).items()}
        self._dirty: set[str] = set()

    def add(self, plugin: str, up: int, down: int) -> None:
        with self._lock:
            totals = self._totals.setdefault(plugin, [0, 0])
            totals[0] += up
            totals[1] += down
            self._dirty.add(plugin)

    def snapshot(self) -> dict[str, tuple[int, int]]:
        with self._lock:
            return {k: (v[0], v[1]) for k, v in self._totals.items()}

    def take_dirty(self) -> dict[str, tuple[int, int]]:
        """The totals changed since the last call (what a flush must write)."""
        with self._lock:
            dirty, self._dirty = self._dirty, set()
            return {k: tuple(self._totals[k]) for k in dirty}
