"""PluginHost: the one object the shell asks about plugins; each part of the work is done by its own module.

Life of a plugin:
  registered (manifest valid: its tile shows at once, drawn from the manifest)
  -> loaded on first open, or in idle time after the shell's first frame, by the runtime its record names
  -> failed, with a reason naming the file, whenever any step or a later slot raises; the shell and
     every other plugin keep running.

The parts: the registry (records and whether each is enabled), a runtime per kind of record (`runtimes`), the
intent router and the plugins' settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickItem

from headunit.host.discovery import Candidate, discover
from headunit.host.in_process import InProcessRuntime
from headunit.host.intents import IntentRouter
from headunit.host.manifest import ValidationCache
from headunit.host.plugin_runtime import IN_PROCESS, PluginRuntime
from headunit.host.plugin_settings import PluginSettings
from headunit.host.registry import PluginRecord, PluginRegistry
from headunit.host.services import Services

log = logging.getLogger(__name__)

VIEW_KINDS = ("page", "tile")


class PluginHost(QObject):
    #: A record's status or load state changed: its key.
    recordChanged = Signal(str)
    #: A plugin failed after registration: key and reason.
    pluginFailed = Signal(str, str)
    #: Every registered plugin has been loaded (or has failed) in idle time.
    idleLoadFinished = Signal()
    #: A sandboxed plugin's process ended without being asked to: key and how (crash, memory, unresponsive or
    #: disabled, after too many).
    pluginCrashed = Signal(str, str)
    #: A plugin is about to be imported, started and compiled: its key. (Its translations go in here.)
    pluginLoading = Signal(str)

    def __init__(self, services: Services, *, data_root: Path, engine: QQmlEngine | None = None,
                 validation_cache: ValidationCache | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.data_root = data_root
        self.registry = PluginRegistry(services.settings, validation_cache)
        self.in_process = InProcessRuntime(self, services, data_root, engine, self)
        #: The runtime that serves each kind of record (`PluginRecord.runtime`).
        self.runtimes: dict[str, PluginRuntime] = {IN_PROCESS: self.in_process}
        #: Runtimes made when a record of their kind first needs one (the sandbox loads nothing until then).
        self.runtime_factories: dict[str, Callable[[], PluginRuntime]] = {}
        self.intents = IntentRouter(self.registry, load=self.load, deliver=self._deliver_intent)
        self.plugin_settings = PluginSettings(self.registry, services.settings, self._on_setting_changed)
        self._stopped = False  # stop_all ran: nothing loads any more

    def _runtime_of(self, record: PluginRecord) -> PluginRuntime:
        if record.runtime not in self.runtimes:
            self.runtimes[record.runtime] = self.runtime_factories[record.runtime]()
        return self.runtimes[record.runtime]

    # Registration

    def discover_and_register(self, extra_paths: Iterable[str | Path] = (), **discover_options: Any) -> None:
        self.register(discover(extra_paths, **discover_options))

    def register(self, candidates: list[Candidate]) -> None:
        self.registry.register(candidates)

    def records(self) -> list[PluginRecord]:
        return self.registry.records()

    def record(self, key: str) -> PluginRecord | None:
        return self.registry.record(key)

    # Loading

    def load(self, key: str) -> bool:
        """Start the plugin and compile its QML, unless it is already. True when it is ready to show."""
        record = self.registry[key]
        if record.status != "ok":
            return False
        if record.loaded:
            return True
        self.pluginLoading.emit(key)
        if not self._runtime_of(record).load(record):
            return False
        record.loaded = True
        self.recordChanged.emit(key)
        return True

    def load_all_in_idle(self) -> None:
        """Load every registered plugin, one per turn of the event loop, so input stays responsive."""
        pending = [r.key for r in self.registry.records() if r.status == "ok" and not r.loaded]
        # Media apps first: the driver expects the music that played at switch-off to go on at once.
        pending.sort(key=lambda key: getattr(self.registry[key].manifest, "category", "") != "media")

        def next_one() -> None:
            if self._stopped:
                return  # the shell is closing: what is left is not loaded
            if pending:
                self.load(pending.pop(0))
                QTimer.singleShot(0, next_one)
            else:
                self.idleLoadFinished.emit()

        QTimer.singleShot(0, next_one)

    # Views

    def create_view(self, key: str, kind: str, parent: QQuickItem) -> QQuickItem | None:
        """Create the plugin's page or tile inside `parent`, loading the plugin first if needed."""
        record = self.registry.record(key)
        if record is None or kind not in VIEW_KINDS or not self.load(key):
            return None
        return self._runtime_of(record).create_view(record, kind, parent)

    # Containment

    def fail(self, key: str, reason: str) -> None:
        record = self.registry.record(key)
        if record is None or record.status == "failed":
            return
        log.error("plugin %s failed: %s", record.id, reason)
        record.status, record.reason = "failed", reason
        self._stop(record, failed=True)
        # Announced on the next turn of the event loop: fail() may run inside a handler of the very
        # signals that would announce it (opening the app, a tile appearing).
        QTimer.singleShot(0, lambda: self._announce_failure(key, reason))

    def _announce_failure(self, key: str, reason: str) -> None:
        self.recordChanged.emit(key)
        self.pluginFailed.emit(key, reason)

    def stop_now(self, key: str) -> None:
        """Stop a loaded plugin at once, not after its page has gone: its files are about to change."""
        record = self.registry.record(key)
        if record is not None and record.loaded:
            self._stop(record, deferred=False)

    def register_again(self, key: str, candidate: Candidate | None) -> None:
        """The plugin's files changed (installed, updated, rolled back or removed): forget its record and
        register `candidate` (None when it is gone)."""
        self.registry.forget(key)
        if candidate is not None:
            self.register([candidate])

    def _stop(self, record: PluginRecord, *, deferred: bool = True, failed: bool = False) -> None:
        self._runtime_of(record).stop(record, deferred=deferred, failed=failed)
        record.loaded = False

    def report_crash(self, key: str, kind: str, reason: str) -> None:
        """A sandboxed plugin's process ended unasked: the app closes and says why; it can be opened again."""
        log.warning("plugin %s stopped: %s", key, reason)
        self.pluginCrashed.emit(key, kind)

    def disable_after_crashes(self, key: str, reason: str) -> None:
        """A plugin that keeps crashing is disabled until the driver enables it again in Settings › Apps."""
        record = self.registry[key]
        self.set_disabled(key, True)
        record.reason = reason
        self.recordChanged.emit(key)
        self.pluginCrashed.emit(key, "disabled")

    def report_worker_exception(self, key: str, exc: BaseException) -> None:
        """From any thread: a plugin's worker raised."""
        self.in_process.report_worker_exception(key, exc)

    def install_excepthook(self) -> None:
        """Route exceptions raised in in-process plugins' slots and callbacks to `fail`."""
        self.in_process.install_excepthook()

    # Enable and disable

    def set_disabled(self, key: str, disabled: bool) -> None:
        record = self.registry[key]
        self.registry.set_disabled(key, disabled)
        if disabled and record.loaded:
            self._stop(record)
        self.recordChanged.emit(key)

    def stop_all(self) -> None:
        self._stopped = True
        for record in self.registry.records():
            if record.loaded:
                self._stop(record, deferred=False)
        for runtime in self.runtimes.values():
            runtime.close()

    # Intents

    @property
    def shell_intents(self) -> dict[str, Callable[[dict], Any]]:
        """Built-in intent handlers (such as open-app), tried before plugins."""
        return self.intents.shell_intents

    def route_intent(self, sender: str, name: str, params: dict[str, Any]) -> Any:
        """Deliver intent `name` to the shell or to the first app that declares it; return the answer."""
        return self.intents.route(sender, name, params)

    def _deliver_intent(self, record: PluginRecord, name: str, params: dict[str, Any]) -> Any:
        return self._runtime_of(record).deliver_intent(record, name, params)

    # Settings drawn from the manifest's schema

    def plugin_setting(self, key: str, setting_key: str) -> Any:
        return self.plugin_settings.value(key, setting_key)

    def set_plugin_setting(self, key: str, setting_key: str, value: Any) -> None:
        self.plugin_settings.set(key, setting_key, value)

    def _on_setting_changed(self, key: str, setting_key: str) -> None:
        record = self.registry[key]
        self._runtime_of(record).setting_changed(record, setting_key)
