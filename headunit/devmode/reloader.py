"""Reloader: what the emulator does when a file of the plugin under development changes.

- Only QML changed (.qml, .js, qmldir): the plugin's process drops its compiled QML and makes the open page
  again; its Python, and what it holds, goes on running.
- Python, the manifest or a translation changed: the plugin's process is stopped (its `stop()` runs, as when
  the driver closes it) and started again with the new code; an open page shows again where it was.
- The edit fails (a syntax error, a QML error, a bad manifest): the plugin fails with the reason, shown on
  screen and in the terminal, and the next save that works brings it back, opened again if it was open.

Nothing else restarts: the simulated car, the shell's open app and the settings are as they were.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtQuick import QQuickItem

from headunit.devmode import process as dev_process
from headunit.devmode.banner import make_banner
from headunit.devmode.child import RELOAD_PAGE
from headunit.devmode.watcher import FolderWatcher
from headunit.host.discovery import Candidate
from headunit.host.manifest import ManifestError, load_manifest

if TYPE_CHECKING:
    from headunit.runtime import Runtime

QML_SUFFIXES = (".qml", ".js", ".mjs")


def say(text: str) -> None:
    """A line in the terminal the emulator was started from."""
    print(f"headunit dev: {text}", file=sys.stderr, flush=True)


def is_qml(path: Path) -> bool:
    return path.suffix in QML_SUFFIXES or path.name == "qmldir"


class Reloader(QObject):
    #: A reload was started: "page" (QML only) or "restart" (the plugin's process); the files that changed.
    reloading = Signal(str, list)
    #: The plugin failed (registering, starting or reloading): the reason.
    failed = Signal(str)

    def __init__(self, runtime: "Runtime", window: QObject | None, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.runtime, self.window = runtime, window
        self.folder = folder.expanduser().resolve()
        self.key = self._key_of_folder()
        self.sandbox = runtime.sandbox  # the dev plugin is third-party: it always runs in the sandbox's processes
        dev_process.install(self.sandbox, self.folder)
        self.watcher = FolderWatcher(self.folder, self)
        self.watcher.changed.connect(self.on_changed)
        self._waiting_for_end = False  # a restart waits for the old process to end
        self._again: list[Path] | None = None  # changes seen while a restart was under way
        self._started_at = 0.0
        self._wanted_open = False  # the app was open when it failed: it opens again once it works
        #: Restarts whose new process has started its plugin (said in the terminal with the time it took).
        self.restarts_done = 0
        self._banner = self._make_banner()
        runtime.host.pluginFailed.connect(self._on_plugin_failed)
        runtime.apps.currentAppChanged.connect(self._on_current_app_changed)
        self.sandbox.revisionChanged.connect(self._on_revision)
        record = runtime.host.record(self.key)
        if record is not None and record.status == "failed":
            self._show_failure(record.reason or "the plugin failed")
        elif not dev_process.runs_dev_runtime(self.sandbox, self.key):
            self.restart()  # started before dev mode (for its tile): its successor runs the dev runtime

    @property
    def plugin_id(self) -> str:
        return self.key

    def start(self) -> None:
        self.watcher.start()
        say(f"watching {self.folder} ({self.key})")

    def close(self) -> None:
        self.watcher.stop()
        dev_process.uninstall(self.sandbox, self.folder)

    def _key_of_folder(self) -> str:
        """The record's key: the plugin id, or the folder when its manifest could not be read."""
        for record in self.runtime.host.records():
            if record.folder.resolve() == self.folder:
                return record.key
        raise ValueError(f"{self.folder}: not a plugin folder (no plugin.toml)")

    # What changed

    def on_changed(self, paths: list[Path]) -> None:
        if self._waiting_for_end:
            self._again = sorted(set(self._again or []) | set(paths))
            return
        names = ", ".join(str(p.relative_to(self.folder)) if p.is_relative_to(self.folder) else str(p)
                          for p in paths)
        record = self.runtime.host.record(self.key)
        if record is not None and record.status == "ok" and all(is_qml(p) for p in paths):
            say(f"{names} changed: reloading the page")
            self.reloading.emit("page", paths)
            self.sandbox.notify_plugin(self.key, RELOAD_PAGE, {})
            return
        if any(p.suffix == ".ts" for p in paths):
            self._compile_translations()
        say(f"{names} changed: restarting the plugin")
        self._started_at = time.monotonic()
        self.reloading.emit("restart", paths)
        self.restart()

    def _compile_translations(self) -> None:
        from headunit.i18n_build import plugin_catalogue, release

        try:
            release(plugin_catalogue(self.folder))
        except Exception as exc:  # noqa: BLE001 - Qt's tool missing or failing: the old catalogue stays
            say(f"translations not compiled: {exc}")

    # Restarting

    def restart(self) -> None:
        """The plugin's process stopped, its manifest read again, and the process started with the new code."""
        host = self.runtime.host
        try:
            manifest = load_manifest(self.folder)
        except ManifestError as exc:
            self._fail(str(exc))
            return
        record = host.record(manifest.id)
        if record is None:  # its manifest could not be read at start: it registers now
            host.register([Candidate(self.folder, "path")])
            self.key, record = manifest.id, host.record(manifest.id)
            self._wanted_open = True
        elif manifest.id != self.key:
            self._fail(f"{manifest.path}: id: changed from {self.key!r} to {manifest.id!r}; "
                       "start the emulator again to run it under its new id")
            return
        if record.folder.resolve() != self.folder:
            self._fail(f"{manifest.path}: id: {manifest.id!r} is already used by {record.folder}")
            return
        if record.status == "disabled":
            say(f"{self.key} is turned off in Settings › Apps: turn it on to see it")
            return
        record.manifest = manifest
        if record.status == "failed":
            record.status, record.reason = "ok", None
        host.recordChanged.emit(self.key)  # its name and tile as the manifest has them now
        self._show_failure("")
        old = self.sandbox.process_of(self.key)
        if old is not None:
            # The successor starts once the old process has gone: the shell shows one surface per plugin, and
            # refuses a second while the first is there. (Opening the app meanwhile starts it earlier.)
            self._waiting_for_end = True
            old.ended.connect(self._on_old_process_ended)
            self.sandbox.stop(self.key)
        else:
            self._start_again()

    def _on_old_process_ended(self, *_) -> None:
        if not self._waiting_for_end:
            return
        self._waiting_for_end = False
        again, self._again = self._again, None
        if again:
            # The successor starts now and reads every file as it is; only the manifest and the translations
            # are read here, so they are read again.
            if any(p.suffix == ".ts" for p in again):
                self._compile_translations()
            self.restart()
        else:
            self._start_again()

    def _start_again(self) -> None:
        record = self.runtime.host.record(self.key)
        if record is None or record.status != "ok":
            return
        apps = self.runtime.apps
        if apps.currentApp == self.key:
            page = self._page_item()
            if page is not None:
                self.sandbox.openPage(self.key, int(page.width()), int(page.height()))
        elif self._wanted_open:
            apps.openApp(self.key)  # the shell makes its page again, which starts the process
        if record.manifest.tile is not None and record.loaded:
            self.sandbox.ensure_running(self.key)  # the home tile's template comes from the process

    def _page_item(self) -> QQuickItem | None:
        if self.window is None:
            return None
        return next((item for item in self.window.findChildren(QQuickItem, "sandboxedApp")
                     if item.property("pluginId") == self.key), None)

    def _on_revision(self) -> None:
        # While the old process is on its way out it may still count as ready: only its successor's readiness counts.
        if self._started_at and not self._waiting_for_end and self.sandbox.isReady(self.key, 0):
            say(f"{self.key} running again, {1000 * (time.monotonic() - self._started_at):.0f} ms after the change")
            self._started_at = 0.0
            self.restarts_done += 1

    # Failures

    def _on_current_app_changed(self) -> None:
        record = self.runtime.host.record(self.key)
        if self.runtime.apps.currentApp == self.key:
            self._wanted_open = True
        elif record is not None and record.status == "ok":
            self._wanted_open = False  # the driver left it; a failure closing it keeps the wish

    def _fail(self, reason: str) -> None:
        """A failure dev mode finds itself (the manifest): the plugin stops as for any other failure."""
        record = self.runtime.host.record(self.key)
        if record is not None and record.status == "ok":
            self.runtime.host.fail(self.key, reason)  # announced through pluginFailed
            return
        if record is not None:
            record.reason = reason
            self.runtime.host.recordChanged.emit(self.key)
        self._on_plugin_failed(self.key, reason)

    def _on_plugin_failed(self, key: str, reason: str) -> None:
        if key != self.key:
            return
        self._started_at = 0.0
        say(f"{key} failed: {reason}")
        say("fix it and save: it starts again")
        self._show_failure(reason)
        self.failed.emit(reason)

    # The banner over the shell

    def _make_banner(self) -> QQuickItem | None:
        if self.window is None:
            return None
        banner, why = make_banner(self.runtime.engine, self.window, self.key)
        if banner is None:
            say(f"the dev banner could not be made: {why}")
        return banner

    def _show_failure(self, reason: str) -> None:
        if self._banner is not None:
            self._banner.setProperty("pluginId", self.key)
            self._banner.setProperty("failure", reason)
