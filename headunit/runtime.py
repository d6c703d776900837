"""The composition root: builds the services, the plugin host and the QML engine, and wires them.

The CLI's GUI commands, `headunit plugins list` and the tests all start HeadUnit through `Runtime`.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine

from headunit import __version__, paths
from headunit.collector import collect_on_gui_thread
from headunit.host.apps import Apps
from headunit.host.host import PluginHost
from headunit.host.manifest import ValidationCache
from headunit.host.packages_access import PackageDesk
from headunit.host.plugin_runtime import SANDBOXED
from headunit.host.services import Services
from headunit.i18n import Translations
from headunit.shell import qml_services
from headunit.shell.about import About
from headunit.shell.audio import AudioFocus, MediaKeys, Speech
from headunit.shell.cloud import NO_BACKEND, Cloud, CloudConfig
from headunit.shell.connectivity import Connectivity
from headunit.shell.fonts import FONT_FAMILIES, ui_font  # noqa: F401 - FONT_FAMILIES is part of this module's API
from headunit.shell.daynight import DayNight
from headunit.shell.formats import Format
from headunit.shell.icons import Icons
from headunit.shell.maps import Maps
from headunit.shell.media import MediaLibrary, TunerProvider
from headunit.shell.navigation import Navigation
from headunit.shell.notifications import Notifications
from headunit.shell.payments import FuelPump, Pairing, PairingDesk, PaymentDesk
from headunit.shell.settings import Settings
from headunit.shell.theme import Theme
from headunit.shell.weather import Weather
from headunit.startup import timeline
from headunit.vehicle.driving import DrivingState
from headunit.vehicle.profile import FILE_NAME as VEHICLE_PROFILE_FILE, VehicleProfile
from headunit.vehicle.restrictions import UxRestrictions
from headunit.vehicle.simulator import Simulator
from headunit.vehicle.state import VehicleState


def ensure_app(offscreen: bool = False) -> QGuiApplication:
    """The process's QGuiApplication, created on first call, collecting Python's garbage on its thread."""
    app = QCoreApplication.instance()
    if app is None:
        if offscreen:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        # The shell's own on-screen keyboard (qml/HeadUnit/Shell/KeyboardPanel.qml).
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
        os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")  # never a keyboard window of its own
        QGuiApplication.setApplicationName("HeadUnit")
        QGuiApplication.setApplicationVersion(__version__)
        QGuiApplication.setOrganizationName("HeadUnit")
        app = QGuiApplication([])
        app.setFont(ui_font(app.font()))
    collect_on_gui_thread(app)
    return app


def _delete_pending_objects() -> None:
    """Run the deleteLater()s still queued once the event loop has ended."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _simulated_car():
    """The emulator's car (headunit.fitment), imported only when no vehicle profile is saved."""
    from headunit.fitment.vehicles import SIMULATED_CAR

    return SIMULATED_CAR


@dataclass
class Options:
    """How the shell is put together: screen, plugin folders, simulator, palette, language, backend, sources."""

    dpi: float = 160.0
    plugin_paths: tuple[str, ...] = ()  # third-party plugin folders (--plugins-path): sandboxed
    vendor_plugin_paths: tuple[str, ...] = ()  # reviewed plugins shipped with the shell: trusted like plugins/
    sandbox_all: bool = False  # run the shell's own plugins sandboxed too (--sandbox-all)
    unsandboxed: bool = False  # the emulator may run third-party plugins without bubblewrap (--unsandboxed)
    simulator: bool = True  # the emulator's car; a device gets its vehicle state from real sources
    night: bool | None = None  # force a palette for this run, whatever the settings say
    language: str | None = None  # a language for this run (--lang), whatever the settings say
    drive: str | None = None  # parked, idling or moving, for the simulator
    discover: bool = True  # register the plugins found on the plugin paths
    backend: str = NO_BACKEND  # "embedded" (the emulator's own), a backend's URL, or "none"
    profile: str = "default"  # the driver profile: its sync database and HTTP cache
    sources: tuple[str, ...] = ()  # --source specs; without any, a car's come from vehicle.toml


class Runtime:
    """Every service of one running HeadUnit, wired together, with its QML engine."""

    def __init__(self, options: Options = Options()):
        self.options = options
        self.app = ensure_app()
        self.io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shell-io")

        self.settings = Settings(paths.config_dir() / "settings.json", self.io, forced_language=options.language)
        self.vehicle = VehicleState()
        self.connectivity = Connectivity()
        self.cloud = Cloud(self.connectivity)
        # The car's own sources: --source's now (the command line imported their kinds already), vehicle.toml's
        # after the first frame. The emulator's simulator leaves to them what they read.
        self.vehicle_sources = None
        if options.sources:
            from headunit.vehicle.sources.manager import VehicleSources

            self.vehicle_sources = VehicleSources(self.vehicle, options.sources)
        self.simulator = Simulator(self.vehicle, self.connectivity, left_to_sources=(
            self.vehicle_sources.provided() if self.vehicle_sources else frozenset())) if options.simulator else None
        if self.simulator and options.drive:
            self.simulator.applyDrive(options.drive)
        self.driving = DrivingState(self.vehicle)
        if self.vehicle_sources is not None:
            self.driving.set_source_labels(self.vehicle_sources.labels())
        self.restrictions = UxRestrictions(self.driving)
        # The car's make, model, tyres and odometer; the emulator's car until the driver enters another.
        self.vehicle_profile = VehicleProfile(
            paths.data_dir() / "profiles" / options.profile / VEHICLE_PROFILE_FILE, self.vehicle, self.driving,
            self.cloud, self.io, default=_simulated_car if options.simulator else None)
        self.notifications = Notifications()
        self.theme = Theme(dpi=options.dpi)
        # In the emulator the sun stands where the simulator's clock (which the panel can shift) puts it.
        self.daynight = DayNight(self.theme, self.settings, self.vehicle, forced=options.night,
                                 **({"now": self.simulator.utc_now} if self.simulator else {}))
        self.icons = Icons()
        self.format = Format(self.settings)  # QML's Format: numbers in the driver's language and units
        self.audio_focus = AudioFocus()
        self.speech = Speech(self.audio_focus)
        self.media_keys = MediaKeys(self.audio_focus)
        self.app.installEventFilter(self.media_keys)
        self.navigation = Navigation()
        self.weather = Weather()
        self.maps = Maps(self.vehicle)
        self.media = MediaLibrary(self.settings)  # opens nothing until start_media()
        self.tuner = TunerProvider()  # looks for a stick when an app first asks
        self.about = About(self.tuner)  # Settings › About; its Diagnostics page names the radio hardware
        self.about.vehicle_sources = lambda: self.vehicle_sources.status() if self.vehicle_sources else []
        # Payments: the sheet only the shell draws, and the writes only the shell makes.
        self.payments = PaymentDesk(self.driving, self.cloud, self.notifications,
                                    lambda: self.settings.get("language"), self._app_name)
        self.pairing_desk = PairingDesk(self.driving, self.cloud, self.notifications)
        self.pairing = Pairing(self.pairing_desk)
        self.fuel_pump = FuelPump(self.payments, self.cloud) if options.simulator else None
        # Installing apps: the consent sheet only the shell draws, and the installs only the shell makes.
        self.packages = PackageDesk(self.driving, self.notifications, lambda: self.settings.get("language"),
                                    backend_url=lambda: self.cloud.url,
                                    # Developer-signed packages only on the emulator's bench, never in a car.
                                    developer_mode=lambda: options.simulator and self.settings.get("developer_mode"))
        self.services = Services(
            vehicle=self.vehicle, driving=self.driving, restrictions=self.restrictions,
            notifications=self.notifications, settings=self.settings, cloud=self.cloud, maps=self.maps,
            navigation=self.navigation, audio_focus=self.audio_focus, speech=self.speech, media=self.media,
            weather=self.weather, tuner=self.tuner, payments=self.payments, pairing=self.pairing_desk,
            vehicle_profile=self.vehicle_profile, packages=self.packages,
        )
        timeline.mark("services")

        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(paths.QML_DIR))
        self.translations = Translations(self.settings, self.engine)
        self.host = PluginHost(
            self.services, data_root=paths.data_dir() / "plugin-data", engine=self.engine,
            validation_cache=ValidationCache(paths.cache_dir() / "manifest-validation.json"),
        )
        self.host.install_excepthook()
        self.host.registry.sandbox_builtins = options.sandbox_all
        self._sandbox = None  # made when a sandboxed plugin first needs it (`sandbox`)
        self.host.runtime_factories[SANDBOXED] = self._sandboxed_runtime
        if options.discover:
            self.host.discover_and_register(list(options.plugin_paths),
                                            vendor_paths=list(options.vendor_plugin_paths))
        self.host.pluginLoading.connect(lambda key: self.translations.add_plugin(key, self.host.record(key).folder))
        self.apps = Apps(self.host, self.settings.get("language"))
        self.translations.languageChanged.connect(self.apps.set_language)
        self.packages.attach(self.host, self.apps)
        self.cloud.linkReady.connect(self.packages.link_ready)
        self.apps.set_packages(self.packages)
        self.translations.languageChanged.connect(self.about.retranslate)
        from headunit.host.payments_access import pay_intent

        self.host.shell_intents["pay"] = pay_intent(self.payments)
        qml_services.attach(self.engine, self)
        timeline.mark("plugins registered")

    def load_window(self, module: str, component: str, **properties) -> object:
        """Create the window `component` of QML module `module`; raise with QML's errors if it fails."""
        self.engine.setInitialProperties(properties)
        self.engine.loadFromModule(module, component)
        if not self.engine.rootObjects():
            raise RuntimeError(f"the shell's QML ({module}.{component}) failed to load; see the messages above")
        timeline.mark("shell QML loaded")
        window = self.engine.rootObjects()[0]
        self._attach_sheets(window)
        if self._sandbox is not None:
            from headunit.sandbox.setup import add_overlays

            self._sandbox.set_window(window)
            add_overlays(self, window)
        return window

    def _app_name(self, plugin_id: str) -> str:
        record = self.host.record(plugin_id)
        if record is None or record.manifest is None:
            return plugin_id
        return record.manifest.display_name(self.settings.get("language"))

    def _attach_sheets(self, window) -> None:
        """The payment and phone-linking sheets get their desks here, as properties: no singleton leads to them."""
        from PySide6.QtQuick import QQuickItem

        for name, desk in (("paymentSheet", self.payments), ("pairingSheet", self.pairing_desk),
                           ("consentSheet", self.packages)):
            sheet = window.findChild(QQuickItem, name)
            if sheet is not None:
                sheet.setProperty("desk", desk)

    @property
    def sandbox(self):
        """The shell's side of sandboxed plugins (QML `Sandbox`), brought up when one first needs it."""
        if self._sandbox is None:
            from headunit.sandbox.setup import add_overlays, start_sandbox

            self._sandbox = start_sandbox(self)
            if self.engine.rootObjects():
                add_overlays(self, self.engine.rootObjects()[0])
        return self._sandbox

    def _sandboxed_runtime(self):
        from headunit.sandbox.setup import sandboxed_runtime

        return sandboxed_runtime(self)

    def start_cloud(self) -> None:
        """Connect to the backend (starting the embedded one) in the background, after the first frame."""
        self.cloud.start(CloudConfig(
            backend=self.options.backend,
            profile_dir=paths.data_dir() / "profiles" / self.options.profile,
            backend_dir=paths.data_dir() / "embedded-backend",
        ))

    def start_vehicle_sources(self) -> None:
        """Start the car's sources (--source's, else vehicle.toml's) after the first frame; the emulator without
        --source keeps its simulated car."""
        if self.vehicle_sources is None:
            if self.simulator:
                return
            from headunit.vehicle.sources.manager import from_config

            self.vehicle_sources = from_config(self.vehicle)
        self.vehicle_sources.start(self.driving)

    def start_media(self) -> None:
        """Watch for USB sticks and bring the music library up to date, on its own thread (after the first
        frame: a scan never delays the shell's start)."""
        self.media.start()

    def shutdown(self) -> None:
        if self.vehicle_sources is not None:
            self.vehicle_sources.stop()  # their threads end before the objects they publish to
        if self._sandbox is not None:
            self._sandbox.stop_all()  # plugin processes first: they save while the shell still answers them
        # The UI goes first, so no view outlives the plugin objects it shows.
        shiboken6.delete(self.engine)
        # The window's Repeaters hand their delegates (the map, the category buttons) to deleteLater, and the
        # event loop has ended: delete them now, while the QGuiApplication and its font database still exist.
        # Left pending, they were deleted with the application at exit, after its fonts, and Qt aborted.
        _delete_pending_objects()
        if self._sandbox is not None:
            self._sandbox.close()
        self.app.removeEventFilter(self.media_keys)
        self.host.stop_all()
        self.tuner.close()  # after the apps, which may still be playing the radio
        self.media.close()  # after the apps: a player may record its last play while it stops
        self.payments.close()
        self.packages.close()
        self.pairing_desk.shutdown()
        self.cloud.stop()
        self.maps.close()
        self.speech.close()
        self.translations.close()
        self.settings.save()  # a change made in the last moment would otherwise wait on a timer
        self.vehicle_profile.close()  # the odometer's last metres
        self.io.shutdown(wait=True)
        _delete_pending_objects()  # what the plugins' and services' closing left to deleteLater
