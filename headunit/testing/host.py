"""A HeadUnit for a plugin's tests: the shell's window, offscreen, beside the simulated car, with the plugin
under test registered and loaded. The pytest fixtures in headunit.testing.plugin make one; a script can too:

    host = HeadUnitHost(Path("com.example.hello"))
    host.open()
    print(host.find("greeting").property("text"))
    host.close()

It is the same Runtime `headunit emulator` starts (headunit/runtime.py), so what passes here is what the
emulator shows.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt  # noqa: E402 - after the platform is chosen
from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: E402, F401 - QQuickWindow types the root object

from headunit.host.manifest import ManifestError, load_manifest  # noqa: E402
from headunit.runtime import Options, Runtime, ensure_app  # noqa: E402
from headunit.shell.theme import SCREEN_PRESETS, dpi_for  # noqa: E402

DRIVES = ("parked", "idling", "moving")
#: Bindings, layouts and the shell's 250 ms transitions are done by then.
SETTLE_MS = 400


class HostError(AssertionError):
    """The plugin could not be registered, loaded or opened; the message says why, in the host's words."""


def wait(ms: int) -> None:
    """Let the event loop run for `ms` milliseconds (timers fire, bindings update, frames are drawn)."""
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


def wait_until(condition: Callable[[], Any], timeout_ms: int = 5000, what: str = "the condition") -> Any:
    """Run the event loop until `condition()` is true and return its value; HostError after `timeout_ms`."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise HostError(f"{what} did not happen within {timeout_ms} ms")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def descendants(root: QQuickItem) -> Iterator[QQuickItem]:
    """Every item under `root` in the visual tree (delegates of a Repeater or a list are only there)."""
    pending = list(root.childItems())
    while pending:
        item = pending.pop()
        yield item
        pending.extend(item.childItems())


def shown(item: QQuickItem) -> bool:
    """The item and every item above it are visible and not transparent: a driver could see it."""
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def named(window: QQuickWindow, name: str) -> list[QQuickItem]:
    """Every item of the window whose objectName is `name`, shown or not."""
    return [i for i in descendants(window.contentItem()) if i.objectName() == name]


def find(window: QQuickWindow, name: str) -> QQuickItem:
    """The shown item whose objectName is `name` (else the first one hidden); HostError if there is none."""
    items = named(window, name)
    if not items:
        raise HostError(f"no item named {name!r} in the window")
    return next((i for i in items if shown(i)), items[0])


def texts(window: QQuickWindow) -> list[str]:
    """The text of every item a driver can see now (labels, buttons, readouts' parts), in no set order."""
    return [str(i.property("text")) for i in descendants(window.contentItem())
            if isinstance(i.property("text"), str) and i.property("text") and shown(i)]


def tap(window: QQuickWindow, item: QQuickItem) -> None:
    """A press and release at the middle of `item`, as a finger would (what is on top of it gets it)."""
    from PySide6.QtTest import QTest

    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(centre.x()), round(centre.y())))


class HeadUnitHost:
    """The shell at a screen preset with the plugin in `folder` registered and loaded.

    `sandboxed=False` (the default) runs the plugin in the shell's process, as a plugin shipped with the shell
    runs: its page's items can be found by objectName. `sandboxed=True` runs it as an installed plugin runs, in
    a process of its own: while the car is not parked the shell draws its driving template instead of its page
    (without bubblewrap, in a process without a sandbox, as `headunit emulator --unsandboxed` does).
    `backend` is a backend's URL, "embedded" (one of the shell's own on loopback) or "none".
    """

    def __init__(self, folder: Path, *, sandboxed: bool = False, size: tuple[int, int] = (1280, 720),
                 drive: str = "parked", language: str | None = None, night: bool = False, backend: str = "none"):
        if drive not in DRIVES:
            raise ValueError(f"drive must be one of {', '.join(DRIVES)}, not {drive!r}")
        self.folder = Path(folder).resolve()
        try:
            manifest = load_manifest(self.folder)
        except ManifestError as exc:
            raise HostError(f"{self.folder}: the manifest is not valid: " + "; ".join(exc.errors)) from None
        self.plugin_id: str = manifest.id
        self.sandboxed = sandboxed
        self.size = size
        ensure_app()
        folders = (str(self.folder),)
        self.runtime = Runtime(Options(
            dpi=dpi_for(*size, SCREEN_PRESETS.get(size, 10.1)), simulator=True, drive=drive, night=night,
            language=language, backend=backend, unsandboxed=True,
            plugin_paths=folders if sandboxed else (), vendor_plugin_paths=() if sandboxed else folders))
        try:
            self.window: QQuickWindow = self.runtime.load_window("HeadUnit.Shell", "ShellWindow",
                                                                 shellWidth=size[0], shellHeight=size[1])
            self.window.show()
            self._require_ok()
            if not self.runtime.host.load(self.plugin_id):
                raise HostError(f"{self.plugin_id} could not be loaded: {self.failure()}")
            if backend != "none":
                self.runtime.start_cloud()
                if not self.runtime.cloud.wait_ready(timeout=60):
                    raise HostError(f"the backend {backend} was not reached: {self.runtime.cloud.error}")
            wait(SETTLE_MS)
            self._require_ok()
        except BaseException:
            self.close()
            raise

    # The plugin

    @property
    def record(self):
        """The host's record of the plugin: `status` ("ok", "failed", "disabled"), `reason`, `manifest`."""
        return self.runtime.host.record(self.plugin_id)

    def failure(self) -> str:
        """Why the plugin failed ("" while it has not)."""
        record = self.record
        return "" if record is None or record.status == "ok" else str(record.reason)

    def _require_ok(self) -> None:
        record = self.record
        if record is None:
            raise HostError(f"{self.plugin_id} was not found in {self.folder} (is the folder named after the id?)")
        if record.status != "ok":
            raise HostError(f"{self.plugin_id} {record.status}: {record.reason}")

    @property
    def plugin(self) -> Any:
        """The plugin's instance (its Plugin subclass), in the shell's process only."""
        if self.sandboxed:
            raise HostError("a sandboxed plugin's instance lives in its own process")
        return self.record.instance

    def open(self, timeout_ms: int = 15_000) -> None:
        """Open the app as a tap on its tile would, and wait until its page (or its template) is on screen."""
        if not self.runtime.apps.openApp(self.plugin_id):
            raise HostError(f"{self.plugin_id} could not be opened: {self.failure() or 'see the log'}")
        if self.sandboxed:
            wait_until(lambda: self._sandboxed_view() is not None and self._sandboxed_view().property("settled"),
                       timeout_ms, f"{self.plugin_id}'s page or template showing")
        wait(SETTLE_MS)
        self._require_ok()

    def _sandboxed_view(self) -> QQuickItem | None:
        return next((i for i in self.window.findChildren(QQuickItem, "sandboxedApp") if i.isVisible()), None)

    def go_home(self) -> None:
        self.runtime.apps.goHome()
        wait(SETTLE_MS)

    # The car

    def drive(self, state: str) -> None:
        """Put the simulated car in `state` ("parked", "idling" or "moving") and wait until the shell has
        followed: the restrictions in force, a sandboxed page swapped for its template (or back)."""
        if state not in DRIVES:
            raise ValueError(f"drive must be one of {', '.join(DRIVES)}, not {state!r}")
        self.runtime.simulator.applyDrive(state)
        wait_until(lambda: self.runtime.driving.state == state, 3000, f"the car {state}")
        if self.sandboxed and self._sandboxed_view() is not None:
            wait_until(lambda: self._sandboxed_view() is None or self._sandboxed_view().property("settled"),
                       5000, f"{self.plugin_id}'s view settling")
        wait(SETTLE_MS)

    # What the driver sees

    def named(self, name: str) -> list[QQuickItem]:
        return named(self.window, name)

    def find(self, name: str) -> QQuickItem:
        """The item called `name` (objectName) anywhere in the window: the page, the tile, the shell."""
        return find(self.window, name)

    def texts(self) -> list[str]:
        """Every text a driver can see now."""
        return texts(self.window)

    def tap(self, name: str) -> None:
        """Tap the item called `name` as a finger would, then let the page follow."""
        item = self.find(name)
        if not shown(item):
            raise HostError(f"{name!r} is not on screen, so it cannot be tapped")
        tap(self.window, item)
        wait(SETTLE_MS)

    def page_template(self) -> dict[str, Any] | None:
        """The driving template on top of the plugin's stack, as the shell would draw it (checked against the
        shell's limits: TemplateError says what it would refuse); None before the plugin published one."""
        if self.sandboxed:
            return self.runtime.sandbox.pageTemplate(self.plugin_id, 0)
        from headunit.sandbox.templates import validate_page

        stack = self.record.context.templates.page_stack if self.record.context else []
        return validate_page(stack[-1]) if stack else None

    def tile_template(self) -> dict[str, Any] | None:
        """The home tile the plugin published through ctx.templates.tile(), checked as the shell checks it."""
        if self.sandboxed:
            return self.runtime.sandbox.tileTemplate(self.plugin_id, 0)
        from headunit.sandbox.templates import validate_tile

        data = self.record.context.templates.tile_data if self.record.context else None
        return validate_tile(data) if data is not None else None

    def template_action(self, action: str, index: int = -1, slot: str = "page") -> None:
        """The driver taps a template's action (its `id`, or "row" with the row's index), as the shell reports it."""
        if self.sandboxed:
            self.runtime.sandbox.activate(self.plugin_id, slot, action, index)
        else:
            self.record.context.templates.actionTriggered.emit(slot, action, index)
        wait(SETTLE_MS)

    def screenshot(self, path: Path) -> Path:
        """The window as a PNG at `path` (folders made); returns `path`."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        image = self.window.grabWindow()
        if image.isNull() or not image.save(str(path)):
            raise HostError(f"{path}: the screenshot could not be written")
        return path

    def close(self) -> None:
        """Stop the plugin and the shell, as quitting the emulator does."""
        runtime, self.runtime = getattr(self, "runtime", None), None
        if runtime is not None:
            runtime.shutdown()
