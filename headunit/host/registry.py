"""PluginRegistry: a record for every plugin folder found, made from its manifest, and whether it is enabled.

It reads manifests and the settings' list of disabled plugins, and runs no plugin code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headunit.host.discovery import Candidate
from headunit.host.manifest import Manifest, ManifestError, ValidationCache, load_manifest
from headunit.host.plugin_runtime import IN_PROCESS, SANDBOXED

if TYPE_CHECKING:
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuick import QQuickItem

    from headunit.host.context import PluginContext
    from headunit.host.plugin import Plugin
    from headunit.shell.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class PluginRecord:
    """One plugin as the host knows it: its manifest, status, runtime, and what it made while loaded."""

    key: str  # the plugin id; the folder path when no manifest could be read or the id is taken
    folder: Path
    origin: str
    manifest: Manifest | None
    status: str = "ok"  # ok, failed or disabled
    reason: str | None = None
    runtime: str = IN_PROCESS  # which runtime serves it (headunit.host.plugin_runtime)
    loaded: bool = False
    # What the in-process runtime holds while the plugin is loaded.
    instance: "Plugin | None" = None
    context: "PluginContext | None" = None
    components: dict[str, "QQmlComponent"] = field(default_factory=dict)
    views: list["QQuickItem"] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else str(self.folder)

    def as_json(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "id": self.id,
            "name": m.name if m else None,
            "version": m.version if m else None,
            "status": self.status,
            "reason": self.reason,
            "category": m.category if m else None,
            "capabilities": sorted(m.capabilities) if m else [],
            "origin": self.origin,
            "runtime": self.runtime,
            "folder": str(self.folder),
        }


class PluginRegistry:
    """The records in discovery order, keyed by plugin id (or by folder, for those that failed to register)."""

    def __init__(self, settings: "Settings", validation_cache: ValidationCache | None = None, *,
                 sandbox_builtins: bool = False):
        self._settings = settings
        #: Run the shell's own plugins sandboxed too (`--sandbox-all`), as third-party ones always are.
        self.sandbox_builtins = sandbox_builtins
        self._cache = validation_cache or ValidationCache(None)
        self._records: dict[str, PluginRecord] = {}

    def register(self, candidates: list[Candidate]) -> None:
        for c in candidates:
            try:
                manifest = load_manifest(c.folder, cache=self._cache, id_is_folder=c.id_is_folder)
            except ManifestError as exc:
                self._add(PluginRecord(str(c.folder), c.folder, c.origin, None, "failed", str(exc)))
                continue
            taken = self._records.get(manifest.id)
            if taken:
                reason = (f"{manifest.path}: id: {manifest.id!r} is already used by "
                          f"{taken.manifest.path if taken.manifest else taken.folder}")
                self._add(PluginRecord(str(c.folder), c.folder, c.origin, manifest, "failed", reason))
            else:
                status = "disabled" if self._settings.is_disabled(manifest.id) else "ok"
                self._add(PluginRecord(manifest.id, c.folder, c.origin, manifest, status,
                                       runtime=self._runtime_for(c, manifest)))
        self._cache.save()

    def _runtime_for(self, candidate: Candidate, manifest: Manifest) -> str:
        """The trust decision, made from where the plugin came from and never from its manifest: the plugins
        shipped in the shell's own plugins folder may run in its process; every other is third-party and
        runs sandboxed (docs/security.md)."""
        return IN_PROCESS if candidate.origin == "builtin" and not self.sandbox_builtins else SANDBOXED

    def _add(self, record: PluginRecord) -> None:
        if record.status == "failed":
            log.warning("plugin failed: %s", record.reason)
        self._records[record.key] = record

    def forget(self, key: str) -> None:
        """Drop the record (its files were replaced or removed); registering its folder again adds it anew."""
        self._records.pop(key, None)

    def records(self) -> list[PluginRecord]:
        return list(self._records.values())

    def record(self, key: str) -> PluginRecord | None:
        return self._records.get(key)

    def __getitem__(self, key: str) -> PluginRecord:
        return self._records[key]

    def set_disabled(self, key: str, disabled: bool) -> None:
        """Remember the choice in the settings and set the status; stopping a loaded plugin is the host's."""
        record = self._records[key]
        if record.manifest is None or record.key != record.manifest.id:
            raise ValueError(f"{record.id}: a plugin that failed to register cannot be enabled or disabled")
        self._settings.set_disabled(key, disabled)
        if disabled:
            record.status, record.reason = "disabled", None
        elif record.status == "disabled":
            record.status = "ok"
