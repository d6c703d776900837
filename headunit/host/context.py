"""PluginContext: everything a plugin's Python may touch, and nothing more.

The host hands one context to each plugin's `start()`. Calls that need a capability the manifest did
not declare raise PermissionDenied before doing anything. The shell's services come from `Services`; the host
is asked only to route intents, read the plugin's settings and hear of its worker's failures.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal

from headunit.host.errors import HeadUnitError, IntentError, PermissionDenied
from headunit.vehicle.driving import DrivingState
from headunit.vehicle.restrictions import UxRestrictions
from headunit.vehicle.state import READINGS, VehicleState

if TYPE_CHECKING:
    from headunit.host.audio_access import PluginAudio
    from headunit.host.cloud_access import PluginCloud
    from headunit.host.maps_access import PluginMaps, PluginNavigation
    from headunit.host.media_access import PluginMedia
    from headunit.host.packages_access import PluginPackages
    from headunit.host.payments_access import PluginPayments
    from headunit.host.weather_access import PluginWeather
    from headunit.host.host import PluginHost
    from headunit.host.manifest import Manifest
    from headunit.host.services import Services
    from headunit.vehicle.profile import VehicleProfile, VehicleProfileView

#: Every capability a manifest may list (docs/plugin-manifest.md#capabilities says what each one allows).
CAPABILITIES = ("network", "location", "payments", "storage", "vehicle-data", "notifications", "audio",
                "media-library", "install")
LOCATION_READINGS = ("latitude", "longitude", "heading")


class VehicleReader(QObject):
    """A read-only view of vehicle state. Position and heading read NaN without the location capability; `profile`
    is the car's vehicle profile, read-only."""

    speedChanged = Signal()
    gearChanged = Signal()
    parkingBrakeChanged = Signal()
    headlightsChanged = Signal()
    ambientLightChanged = Signal()
    latitudeChanged = Signal()
    longitudeChanged = Signal()
    headingChanged = Signal()
    rpmChanged = Signal()

    def __init__(self, state: VehicleState, location: bool, parent: QObject | None = None, *,
                 profile: "VehicleProfile | None" = None):
        super().__init__(parent)
        self._state, self._location = state, location
        self._profile_source = profile
        self._profile: "VehicleProfileView | None" = None
        for name in READINGS:
            if location or name not in LOCATION_READINGS:
                getattr(state, f"{name}Changed").connect(getattr(self, f"{name}Changed"))

    def age(self, name: str) -> float:
        """Seconds since the reading `name` last arrived."""
        return self._state.age(name)

    @property
    def profile(self) -> "VehicleProfileView":
        """The car's vehicle profile (make, model, year, engine, fuel, tyres, odometer…), read-only: the same
        properties as QML's VehicleProfile, `data()` as Profile JSON, and `changed`."""
        if self._profile is None:
            if self._profile_source is None:
                raise HeadUnitError("ctx.vehicle.profile is not available on this head unit")
            from headunit.vehicle.profile import VehicleProfileView

            self._profile = VehicleProfileView(self._profile_source, self)
        return self._profile

    def _reading(self, name: str) -> Any:
        if name in LOCATION_READINGS and not self._location:
            return math.nan
        return self._state.value(name)

    # One property per reading in READINGS, each with its own change signal.

    @Property(float, notify=speedChanged, final=True)
    def speed(self) -> float:
        """km/h. Signal: speedChanged."""
        return self._reading("speed")

    @Property(str, notify=gearChanged, final=True)
    def gear(self) -> str:
        """"P", "R", "N" or "D". Signal: gearChanged."""
        return self._reading("gear")

    @Property(bool, notify=parkingBrakeChanged, final=True)
    def parkingBrake(self) -> bool:
        """True while the parking brake is on. Signal: parkingBrakeChanged."""
        return self._reading("parkingBrake")

    @Property(bool, notify=headlightsChanged, final=True)
    def headlights(self) -> bool:
        """True while the headlights are on. Signal: headlightsChanged."""
        return self._reading("headlights")

    @Property(float, notify=ambientLightChanged, final=True)
    def ambientLight(self) -> float:
        """The light outside, in lux. Signal: ambientLightChanged."""
        return self._reading("ambientLight")

    @Property(float, notify=latitudeChanged, final=True)
    def latitude(self) -> float:
        """Degrees; NaN when unknown or without the location capability. Signal: latitudeChanged."""
        return self._reading("latitude")

    @Property(float, notify=longitudeChanged, final=True)
    def longitude(self) -> float:
        """Degrees; NaN when unknown or without the location capability. Signal: longitudeChanged."""
        return self._reading("longitude")

    @Property(float, notify=headingChanged, final=True)
    def heading(self) -> float:
        """Degrees clockwise from north; NaN without the location capability. Signal: headingChanged."""
        return self._reading("heading")

    @Property(float, notify=rpmChanged, final=True)
    def rpm(self) -> float:
        """Engine speed in revolutions per minute; 0 until a source gives it. Signal: rpmChanged."""
        return self._reading("rpm")


class ContextBase(QObject):
    """What a plugin's context does by itself, in the shell's process or in a sandboxed plugin's own: its
    identity, its files, its worker, its intent handlers, its translations and what it hands its QML. The
    services behind the rest are the subclasses'."""

    #: A setting changed: its key.
    settingChanged = Signal(str)

    def __init__(self, plugin_id: str, version: str, capabilities: Iterable[str],
                 intents: Iterable[str], data_dir: Path | None, manifest_label: str):
        super().__init__()
        self._id, self._version, self._manifest_label = plugin_id, version, manifest_label
        self._capabilities, self._intents = frozenset(capabilities), frozenset(intents)
        self._data_path = data_dir
        self._exposed: dict[str, QObject] = {}
        self._intent_handlers: dict[str, Callable[[dict], Any]] = {}
        self._executor: ThreadPoolExecutor | None = None
        self._storage: sqlite3.Connection | None = None
        self._storage_opening = threading.Lock()  # the GUI thread and the worker may ask first at once
        #: The plugin's logger, `headunit.plugin.<id>`: its lines go where the shell's go, with the id.
        self.log = logging.getLogger(f"headunit.plugin.{plugin_id}")

    # Identity

    @property
    def id(self) -> str:
        """The plugin's id, from the manifest."""
        return self._id

    @property
    def version(self) -> str:
        """The plugin's version, from the manifest."""
        return self._version

    def _require(self, capability: str, what: str) -> None:
        if capability not in self._capabilities:
            raise PermissionDenied(self.id, capability, what)

    # Storage

    @property
    def data_dir(self) -> Path:
        """The plugin's own folder for files (capability: storage)."""
        self._require("storage", "data_dir")
        if self._data_path is None:
            raise HeadUnitError(f"{self.id}: ctx.data_dir is not available here")
        self._data_path.mkdir(parents=True, exist_ok=True)
        return self._data_path

    def storage(self) -> sqlite3.Connection:
        """The plugin's own SQLite database, in WAL mode (capability: storage).

        One connection, usable from the GUI thread and the plugin's worker; write from the worker
        (`submit`). For typed tables, wrap it: `sqlite_utils.Database(ctx.storage())`.
        """
        self._require("storage", "storage()")
        with self._storage_opening:
            if self._storage is None:
                connection = sqlite3.connect(self.data_dir / "storage.db", check_same_thread=False)
                connection.execute("PRAGMA journal_mode=WAL")
                self._storage = connection
        return self._storage

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Run `fn(*args)` on the plugin's own worker thread, one call at a time, in order.

        An exception there marks the plugin failed, as one on the GUI thread would.
        """
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"plugin-{self.id}")
        future = self._executor.submit(fn, *args)
        future.add_done_callback(self._check_worker_result)
        return future

    def _check_worker_result(self, future: Future) -> None:
        exc = None if future.cancelled() else future.exception()
        if exc is not None:
            self._worker_failed(exc)

    def _worker_failed(self, exc: BaseException) -> None:
        """From the worker thread: the plugin's function raised. Each context reports it its own way (the
        shell's marks the plugin failed; a sandboxed plugin's process ends), so subclasses must say how."""
        raise NotImplementedError(f"{type(self).__name__} must report a failed worker")

    # Intents

    def handle_intent(self, name: str, handler: Callable[[dict], Any]) -> None:
        """Answer intent `name`, which the manifest must list under [[intents]]."""
        if name not in self._intents:
            raise IntentError(f"{self._manifest_label}: intents: handle_intent({name!r}) needs an [[intents]] entry "
                              f"named {name!r}")
        self._intent_handlers[name] = handler

    def intent_handler(self, name: str) -> Callable[[dict], Any] | None:
        """The handler registered for intent `name`, or None. The host calls it; plugins do not need it."""
        return self._intent_handlers.get(name)

    # Translation and QML

    def tr(self, text: str) -> str:  # type: ignore[override]  # the plugin's catalogue, not QObject.tr's
        """`text` in the driver's language, from the plugin's translations."""
        return QCoreApplication.translate(self.id, text)

    def expose(self, name: str, obj: QObject) -> None:
        """Hand `obj` to the plugin's page and tile, as the initial value of their property `name`."""
        if not name.isidentifier() or not name[0].islower():
            raise ValueError(f"expose: {name!r} must be a QML property name (a lower-case identifier)")
        obj.setParent(self)  # lives exactly as long as the plugin
        self._exposed[name] = obj

    def exposed(self) -> dict[str, QObject]:
        """The objects given to `expose()`, by name, read when the plugin's views are made. For the host."""
        return dict(self._exposed)

    # Lifetime

    def close(self) -> None:
        """Queued work finishes, then the database closes."""
        if self._executor:
            self._executor.shutdown(wait=True)
            self._executor = None
        if self._storage is not None:
            self._storage.close()
            self._storage = None


class PluginContext(ContextBase):
    """The plugin's window on the head unit. Created by the host; plugins never construct one."""

    def __init__(self, host: "PluginHost", services: "Services", manifest: "Manifest", data_root: Path):
        super().__init__(manifest.id, manifest.version, manifest.capabilities, manifest.intents, data_root / manifest.id,
                         str(manifest.path))
        self._host, self._services, self._manifest = host, services, manifest
        self._vehicle: VehicleReader | None = None
        self._cloud: PluginCloud | None = None
        self._maps: PluginMaps | None = None
        self._navigation: PluginNavigation | None = None
        self._audio: PluginAudio | None = None
        self._media: PluginMedia | None = None
        self._weather: PluginWeather | None = None
        self._templates = None
        self._payments: PluginPayments | None = None
        self._packages: PluginPackages | None = None

    def _worker_failed(self, exc: BaseException) -> None:
        self._host.report_worker_exception(self.id, exc)

    # Vehicle and driving

    @property
    def vehicle(self) -> VehicleReader:
        """Read-only vehicle state (capability: vehicle-data; position and heading also need location)."""
        self._require("vehicle-data", "vehicle")
        if self._vehicle is None:
            self._vehicle = VehicleReader(self._services.vehicle, "location" in self._manifest.capabilities, self,
                                          profile=self._services.vehicle_profile)
        return self._vehicle

    @property
    def driving(self) -> DrivingState:
        """parked, idling or moving: every plugin may read it, none may change it."""
        return self._services.driving

    @property
    def restrictions(self) -> UxRestrictions:
        """What the driver may be shown now (read-only); the shell's controls already enforce it."""
        return self._services.restrictions

    # The backend

    @property
    def cloud(self) -> "PluginCloud":
        """Cached reads, durable writes and synced user data (capability: network; payments for money)."""
        self._require("network", "cloud")
        if self._cloud is None:
            from headunit.host.cloud_access import PluginCloud

            self._cloud = PluginCloud(self._service("cloud", "ctx.cloud"), self.id, tuple(self._manifest.capabilities),
                                      self)
        return self._cloud

    @property
    def payments(self) -> "PluginPayments":
        """Ask the driver to pay: the shell shows its own sheet (parked only) and makes the write (capability:
        payments)."""
        self._require("payments", "payments")
        if self._payments is None:
            from headunit.host.payments_access import PluginPayments

            self._payments = PluginPayments(self._service("payments", "ctx.payments"), self._services.pairing,
                                            self.id, self)
        return self._payments

    @property
    def packages(self) -> "PluginPackages":
        """The app store's catalog, and asking the shell to install, update, uninstall or roll back an app: the
        shell shows its own consent sheet (parked only) and installs on the driver's tap (capability: install)."""
        self._require("install", "packages")
        if self._packages is None:
            from headunit.host.packages_access import PluginPackages

            self._packages = PluginPackages(self._service("packages", "ctx.packages"), self.id, self)
        return self._packages

    # Maps, navigation, sound and media

    def _service(self, name: str, what: str) -> Any:
        service = getattr(self._services, name)
        if service is None:
            raise HeadUnitError(f"{self.id}: {what} is not available on this head unit")
        return service

    @property
    def maps(self) -> "PluginMaps":
        """Routing and search over the map regions on the device (capability: location)."""
        self._require("location", "maps")
        if self._maps is None:
            from headunit.host.maps_access import PluginMaps

            self._maps = PluginMaps(self._service("maps", "ctx.maps"), self._language,
                                    lambda: self._services.settings.get("distanceUnit"))
        return self._maps

    @property
    def navigation(self) -> "PluginNavigation":
        """The drive in progress (capability: location); an app of category navigation also publishes it."""
        self._require("location", "navigation")
        if self._navigation is None:
            from headunit.host.maps_access import PluginNavigation

            self._navigation = PluginNavigation(self._service("navigation", "ctx.navigation"), self.id,
                                                may_publish=self._manifest.category == "navigation")
        return self._navigation

    @property
    def audio(self) -> "PluginAudio":
        """Spoken prompts that duck the music, and the media focus (capability: audio)."""
        self._require("audio", "audio")
        if self._audio is None:
            from headunit.host.audio_access import PluginAudio

            self._audio = PluginAudio(self._service("audio_focus", "ctx.audio"), self._service("speech", "ctx.audio"),
                                      self.id, self._language)
        return self._audio

    @property
    def media(self) -> "PluginMedia":
        """The music library on the device and the FM tuner (capability: media-library)."""
        self._require("media-library", "media")
        if self._media is None:
            from headunit.host.media_access import PluginMedia

            self._media = PluginMedia(self._service("media", "ctx.media"),
                                      lambda: self._service("tuner", "ctx.media.tuner").current())
        return self._media

    @property
    def weather(self) -> "PluginWeather":
        """The weather outside as the status bar shows it (no capability to read); the weather app publishes it."""
        if self._weather is None:
            from headunit.host.weather_access import PluginWeather

            self._weather = PluginWeather(self._service("weather", "ctx.weather"), self.id,
                                          may_publish=self._manifest.category == "weather")
        return self._weather

    def _language(self) -> str:
        """The driver's language (en, en_US, de, zh_CN)."""
        return self._services.settings.get("language")

    @property
    def templates(self):
        """Driving templates: drawn by the shell for a sandboxed plugin while the car is not parked. An in-process
        (built-in) plugin's own page uses the shell's restricted controls instead, so here they are kept, not drawn."""
        if self._templates is None:
            from headunit.sandbox.templates import Templates

            self._templates = Templates(None, self)
        return self._templates

    # Notifications

    def notify(self, title: str, body: str = "", level: str = "info") -> int:
        """Post to the notification centre (capability: notifications). Returns its id."""
        self._require("notifications", "notify()")
        return self._services.notifications.post(self.id, title, body, level)

    def toast(self, text: str, level: str = "info") -> None:
        """A short message that fades by itself."""
        self._services.notifications.show_toast(text, level)

    # Intents

    def send_intent(self, name: str, /, **params: Any) -> Any:
        """Deliver an intent to the app that handles it and return its answer. Raises IntentError."""
        return self._host.route_intent(self.id, name, params)

    # Settings and translation

    def setting(self, key: str) -> Any:
        """The current value of a setting declared in the manifest."""
        return self._host.plugin_setting(self.id, key)

    # Lifetime (the host's)

    def close(self) -> None:
        """The host's, when the plugin stops: its media keys and media focus are given up, queued work finishes,
        then the database closes."""
        if self._audio is not None:
            self._audio.close()
        super().close()
