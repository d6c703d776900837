"""Running the shell: the in-car window, the emulator and offscreen screenshots."""

from __future__ import annotations

import gc
import linecache
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from headunit.startup import BENCHMARK, benchmark_line, timeline

log = logging.getLogger(__name__)

#: How long after the last plugin loads the screenshot waits for animations to settle.
SETTLE_MS = 600
#: How long a screenshot waits for a sandboxed app's process to show its first frame or template.
SANDBOX_WAIT_MS = 15_000
#: Views of the shell itself that `--open` accepts besides plugin ids.
SHELL_VIEWS = ("settings", "notifications", "recents")


@dataclass
class Launch:
    """What `headunit run` and `headunit emulator` were asked for on the command line."""

    mode: str  # emulator or run
    size: tuple[int, int] = (1280, 720)
    dpi: float | None = None
    screenshot: Path | None = None
    open_app: str | None = None
    drive: str | None = None
    night: bool | None = None
    language: str | None = None  # --lang: for this run only, the saved setting stays
    timings: bool = False
    type_text: str | None = None  # typed into the open app's first text field, keyboard shown
    at: tuple[float, float] | None = None  # --at (emulator): the simulated car's position
    taps: tuple[str, ...] = ()  # --tap (emulator): items tapped by objectName once the app is open
    then_drive: str | None = None  # --then-drive (emulator): the car's state after the taps
    clock: str | None = None  # --clock (emulator, hidden): the time the status bar shows in a screenshot
    route_to: tuple[float, float, str] | None = None  # --route-to (emulator): guided there, the car driving the route
    plugin_paths: tuple[str, ...] = ()
    backend: str | None = None  # --backend: "embedded", "none" or a URL; None for the mode's default
    sandbox_all: bool = False  # --sandbox-all: the shell's own plugins sandboxed too
    unsandboxed: bool = False  # --unsandboxed (emulator): third-party plugins without bubblewrap, with a banner
    dev: Path | None = None  # --dev (emulator): this plugin folder, third-party, reloaded as its files change
    sources: tuple[str, ...] = ()  # --source: the car's sources (run: else vehicle.toml; emulator: else simulated)


def default_backend(mode: str, profile: str = "default") -> str:
    """The backend when no `--backend` is given: HEADUNIT_BACKEND's; else the one the profile was linked to
    (`headunit account link --backend URL`, saved in its device.json); else the emulator's own, and none
    on a car until one is set. An explicit `--backend none` stays local only."""
    from headunit import paths
    from headunit.shell.cloud import EMBEDDED, NO_BACKEND, saved_backend

    return (os.environ.get("HEADUNIT_BACKEND")
            or saved_backend(paths.data_dir() / "profiles" / profile, paths.data_dir() / "embedded-backend")
            or (EMBEDDED if mode == "emulator" else NO_BACKEND))


def _forget_module_sources() -> None:
    """PySide's import hook reads the source of every module imported after it (to see whether the module asks
    for a `__feature__`), and linecache keeps it all: 4 MB of resident memory at start-up that only a traceback
    would read, and a traceback reads the file again."""
    linecache.clearcache()


def launch(opts: Launch) -> int:
    # Start-up builds objects that live as long as the shell (modules, classes, QML types): the cycle collector
    # would walk them again and again on the way to the first frame, for next to no garbage. From the app on, the
    # GUI thread's collector (headunit.collector) decides when to collect.
    gc.disable()
    if opts.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no display
    if opts.mode == "run" and sys.platform == "linux" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "eglfs")  # a Pi's console: straight to KMS

    from PySide6.QtCore import QTimer
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit.runtime import Options, Runtime, ensure_app
    from headunit.servicemanager import ServiceManager, setup_logging
    from headunit.shell.cloud import NO_BACKEND
    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    setup_logging()
    service = ServiceManager()  # systemd's Type=notify unit; without NOTIFY_SOCKET it does nothing
    app = ensure_app()
    watchdog = _watchdog_timer(app, service)
    timeline.mark("qt started")
    width, height = opts.size
    dpi = opts.dpi
    if dpi is None:
        if opts.mode == "run" and not opts.screenshot:
            dpi = app.primaryScreen().physicalDotsPerInch()
        else:
            dpi = dpi_for(width, height, SCREEN_PRESETS.get(opts.size, 10.1))
    plugin_paths = opts.plugin_paths + ((str(opts.dev),) if opts.dev else ())
    runtime = Runtime(Options(dpi=dpi, plugin_paths=plugin_paths, simulator=opts.mode == "emulator",
                              night=opts.night, language=opts.language,
                              drive=opts.drive or ("parked" if opts.mode == "emulator" else None),
                              backend=opts.backend or NO_BACKEND,  # none given: the profile's, at the first frame
                              sandbox_all=opts.sandbox_all, unsandboxed=opts.unsandboxed and opts.mode == "emulator",
                              sources=opts.sources))

    if opts.at and runtime.simulator:
        runtime.simulator.setPosition(*opts.at)
    windowed = opts.mode == "emulator" and not opts.screenshot
    window = runtime.load_window("HeadUnit.Shell" if not windowed else "HeadUnit.Emulator",
                                 "ShellWindow" if not windowed else "EmulatorWindow",
                                 shellWidth=width, shellHeight=height)
    exit_code = 0
    dev_mode = None
    if opts.dev:
        from headunit.devmode import start as start_dev_mode

        dev_mode = start_dev_mode(runtime, window, opts.dev)
        opts.open_app = opts.open_app or dev_mode.plugin_id

    def first_frame() -> None:
        if "first frame" in timeline.wall:
            return  # frameSwapped goes on firing; only the first one starts the plugins
        timeline.mark("first frame")
        service.ready("Home on screen, loading the apps")
        if watchdog is not None:
            watchdog.start()
            QTimer.singleShot(0, service.watchdog)  # the first ping once the event loop turns after the frame
        _forget_module_sources()  # before the plugins' imports, which then reuse the room
        runtime.host.load_all_in_idle()
        if not opts.backend:
            # The profile's saved backend is read as the link comes up: its device file is read with the sync
            # client's models (4 ms), which home's first frame does not need.
            runtime.options.backend = default_backend(opts.mode)
        runtime.start_cloud()
        runtime.start_vehicle_sources()  # their threads and imports after the frame, as the cloud's

    def ready() -> None:
        timeline.mark("plugins loaded")
        service.status("Running")
        _forget_module_sources()
        # The scan reads tags in Python: it starts once the apps (the player resuming first) are up.
        runtime.start_media()
        if opts.timings:
            print(timeline.report(), flush=True)
        if opts.open_app in SHELL_VIEWS:
            runtime.apps.showShellView(opts.open_app)
        elif opts.open_app and opts.open_app.startswith("settings/"):  # a page of Settings: settings/vehicle
            runtime.apps.openSettings(opts.open_app.removeprefix("settings/"))
        elif opts.open_app and not runtime.apps.openApp(opts.open_app):
            record = runtime.host.record(opts.open_app)
            log.error("cannot open %s: %s", opts.open_app, record.reason if record else "no such plugin")
            nonlocal exit_code
            exit_code = 2
        if opts.type_text is not None:
            QTimer.singleShot(SETTLE_MS // 2, type_into_first_field)
        if opts.route_to:
            guide_to(*opts.route_to)
        if opts.screenshot:
            def shoot(*_link) -> None:
                # --tap: once the backend link is up (apps read from it first), a tap every 1.2 s (then --then-drive),
                # then the shot.
                for i, name in enumerate(opts.taps):
                    QTimer.singleShot(SETTLE_MS * (3 + 2 * i), lambda name=name: tap(name))
                if opts.then_drive and runtime.simulator:  # a tap's slot after the last one
                    QTimer.singleShot(SETTLE_MS * (3 + 2 * len(opts.taps)),
                                      lambda: runtime.simulator.applyDrive(opts.then_drive))
                steps = len(opts.taps) + (1 if opts.then_drive else 0) + (3 if opts.route_to else 0)
                QTimer.singleShot(SETTLE_MS * (2 if opts.type_text is not None else 1)
                                  + (SETTLE_MS * (2 * steps + 3) if steps else 0), take_screenshot)

            if runtime.cloud.starting:  # the status bar shows the backend link once it is up
                runtime.cloud.linkReady.connect(shoot)
            else:
                shoot()
        elif BENCHMARK:
            QTimer.singleShot(SETTLE_MS, report_benchmark)

    def guide_to(lat: float, lon: float, name: str) -> None:
        """--route-to: the navigation app guides the car there, and the simulated car drives the route."""
        def drive(*_) -> None:
            if runtime.simulator and runtime.navigation.active:
                runtime.navigation.routeChanged.disconnect(drive)
                runtime.simulator.driveRoute(runtime.navigation.routeShape)

        from headunit.sdk import IntentError

        runtime.navigation.routeChanged.connect(drive)
        try:
            runtime.host.route_intent("headunit", "guide-to", {"lat": lat, "lon": lon, "name": name})
        except IntentError as exc:
            log.error("--route-to: %s", exc)

    def report_benchmark() -> None:
        print(benchmark_line(), flush=True)
        app.quit()

    def type_into_first_field() -> None:
        """As a driver would: tap the first text field (the shell decides whether a keyboard shows)."""
        from PySide6.QtQuick import QQuickItem

        field = next((f for f in window.findChildren(QQuickItem, "textEntryField") if f.isVisible()), None)
        if field is None:
            log.error("--type: no text field can take text now (typing is available when parked)")
            return
        window.requestActivate()
        field.forceActiveFocus()
        field.setProperty("text", opts.type_text)
        app.inputMethod().show()

    def tap(name: str) -> None:
        """--tap: a press and release at the middle of the visible item called `name`."""
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtTest import QTest

        def items(root):  # the visual tree: delegates of a Repeater are only there
            for child in root.childItems():
                yield child
                yield from items(child)

        item = next((i for i in items(window.contentItem()) if i.objectName() == name and i.isVisible()), None)
        if item is None:
            log.error("--tap: no visible item called %r", name)
            return
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(round(centre.x()), round(centre.y())))

    def take_screenshot(waited_ms: int = 0, settled: bool = False) -> None:
        # A sandboxed app shows its process's first frame, or its template, a moment later: wait for it (bounded).
        if not settled and waited_ms < SANDBOX_WAIT_MS and not _sandboxed_apps_settled(window):
            QTimer.singleShot(100, lambda: take_screenshot(waited_ms + 100))
            return
        if not settled and waited_ms:
            QTimer.singleShot(SETTLE_MS, lambda: take_screenshot(waited_ms, settled=True))
            return
        if opts.clock:  # pictures that differ only where something changed, not in the minute they were taken
            from PySide6.QtQuick import QQuickItem

            clock = window.findChild(QQuickItem, "clock")
            if clock is not None:
                clock.setProperty("text", opts.clock)
        image = window.grabWindow()
        if image.isNull() or not image.save(str(opts.screenshot)):
            log.error("%s: could not write the screenshot", opts.screenshot)
            nonlocal exit_code
            exit_code = 1
        app.quit()

    _quit_on_signals(app)
    window.frameSwapped.connect(first_frame)
    runtime.host.idleLoadFinished.connect(ready)
    if opts.mode == "run" and not opts.screenshot:
        window.showFullScreen()
    else:
        window.show()
    app.exec()
    service.stopping()  # before the shutdown, which waits for plugin processes and the backend
    if watchdog is not None:
        watchdog.stop()
    if dev_mode is not None:
        dev_mode.close()
    runtime.shutdown()
    return exit_code


def _watchdog_timer(app, service):
    """A timer on the GUI thread pinging systemd's watchdog (WatchdogSec=), started at the first frame: its
    pings stop when the GUI thread's event loop does, and systemd then restarts the shell. None without one."""
    period_ms = service.watchdog_period_ms
    if period_ms is None:
        return None
    from PySide6.QtCore import QTimer

    timer = QTimer(app)
    timer.setInterval(period_ms)
    timer.timeout.connect(service.watchdog)
    return timer


def _sandboxed_apps_settled(window) -> bool:
    from PySide6.QtQuick import QQuickItem

    apps = [item for item in window.findChildren(QQuickItem, "sandboxedApp") if item.isVisible()]
    return all(item.property("settled") for item in apps)


def _quit_on_signals(app) -> None:
    """Ctrl+C and SIGTERM (systemd stopping the unit) end the event loop, so that shutdown runs: settings
    saved, plugins stopped, the embedded backend stopped."""
    import signal

    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    # Python runs its signal handlers only between bytecodes; a light timer gives it the chance.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
