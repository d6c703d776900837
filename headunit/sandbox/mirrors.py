"""Read-only copies of the shell's objects inside a sandboxed plugin's process.

Each is the shell's own class (so QML's `Settings`, `Navigation`, `Weather`, `Maps`, `Cloud`, `Connectivity`,
`VehicleProfile` and the plugin's `ctx.navigation.state`, `ctx.weather.state`, `ctx.audio.focus`,
`ctx.vehicle.profile` and `ctx.media.service` have
the same properties and signals as in the shell's process), set only from what the shell sends
(headunit.sandbox.shell_state). Changing one changes nothing outside the process.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from headunit.sandbox.wire import nan_if_none
from headunit.shell.audio import AudioFocus
from headunit.shell.cloud import Cloud
from headunit.shell.connectivity import Connectivity
from headunit.shell.navigation import Navigation
from headunit.shell.settings import REGIONAL_KEYS, Settings
from headunit.shell.weather import Weather
from headunit.vehicle.profile import MirroredVehicleProfile

log = logging.getLogger(__name__)


class MirroredSettings(Settings):
    """The driver's language, units and clock; nothing is saved, and QML's `Settings.set` changes nothing."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(None, parent=parent)

    def follow(self, values: dict[str, Any]) -> None:
        before = {key: self.get(key) for key in ("language", *REGIONAL_KEYS)}
        self._forced_language = None
        self._values["language"] = values["language"]
        for key in REGIONAL_KEYS:
            self._values[key] = values[key]
        if {key: self.get(key) for key in before} != before:
            self.changed.emit()

    @Slot(str, "QVariant")
    def set(self, key: str, value: Any) -> None:
        log.warning("Settings.set(%r): the driver's settings are read-only to apps", key)


@dataclass
class _LinkStatus:
    online: bool = False
    linked: bool = False
    pending: int = 0
    rejected: int = 0
    last_sync: float | None = None


class MirroredCloud(Cloud):
    """`Cloud.online` and `linked` for QML; the plugin's cloud calls go through `ctx.cloud`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(Connectivity(), parent)  # its own, never switched: the shell's link is not here

    @Slot(str, result=str)
    def imageUrl(self, image: str) -> str:
        """Through this plugin's own image socket (with `network`): its bytes count as its own."""
        from headunit.sandbox.forwarder import image_url

        return image_url(image)

    def follow(self, available: bool, online: bool, linked: bool) -> None:
        status = _LinkStatus(online, linked)
        if (status, available) != (self._status, self._client is not None):
            self._status, self._client = status, (object() if available else None)
            self.changed.emit()


class MirroredNavigation(Navigation):
    def follow(self, state: dict[str, Any]) -> None:
        route = (state["publisher"], state["destinationName"], tuple(map(nan_if_none, state["destination"])),
                 [[float(a), float(b)] for a, b in state["shape"]])
        if route != (self._publisher, self._destination_name, self._destination, self._shape):
            self._publisher, self._destination_name, self._destination, self._shape = route
            self.routeChanged.emit()
        following = state["next"]
        progress = (nan_if_none(state["remainingMeters"]), nan_if_none(state["remainingSeconds"]),
                    {"kind": following["kind"], "instruction": following["instruction"],
                     "street": following["street"], "distance_m": nan_if_none(following["distance_m"])})
        if not _same(progress, (self._remaining_m, self._remaining_s, self._next)):
            self._remaining_m, self._remaining_s, self._next = progress
            self.progressChanged.emit()


class MirroredWeather(Weather):
    def follow(self, state: dict[str, Any]) -> None:
        values = (nan_if_none(state["temperatureC"]), state["condition"], nan_if_none(state["updated"]),
                  bool(state["demo"]))
        if not _same(values, (self._temperature_c, self._condition, self._updated, self._demo)):
            self._temperature_c, self._condition, self._updated, self._demo = values
            self.changed.emit()


class MirroredFocus(AudioFocus):
    """Who holds the media focus and whether a prompt ducks it; `request_media` goes through ctx.audio."""

    def follow(self, state: dict[str, Any]) -> None:
        prompts = {"shell"} if state["ducked"] else set()
        if (state["mediaOwner"], prompts) != (self._media_owner, self._prompts):
            self._media_owner, self._prompts = state["mediaOwner"], prompts
            if self._media_owner:
                self._last_media_owner = self._media_owner
            self.changed.emit()


class MirroredScan(QObject):
    """The music scanner's progress and news, with MediaLibrary's signals (wrapped in ctx.media's ScanStatus)."""

    changed = Signal()
    scanFinished = Signal("QVariantMap")
    scanningChanged = Signal()
    progressChanged = Signal()
    countsChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.scanning, self.scanned, self.found, self.trackCount, self.skippedCount = False, 0, 0, 0, 0

    def follow(self, state: dict[str, Any]) -> None:
        for names, signal in ((("scanning",), self.scanningChanged), (("scanned", "found"), self.progressChanged),
                              (("trackCount", "skippedCount"), self.countsChanged)):
            if any(getattr(self, n) != state[n] for n in names):
                for n in names:
                    setattr(self, n, state[n])
                signal.emit()


def _same(a: Any, b: Any) -> bool:
    """Equal, where NaN equals NaN (an unknown that stays unknown is no change)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


class Mirrors:
    """Every mirror of one plugin process, kept up to date from the shell's `shell.state` notifications.

    A part the plugin may not read (the drive without location, say) stays at its empty state."""

    def __init__(self, state: dict[str, Any]):
        self.category: str = state.get("category", "")
        self.settings = MirroredSettings()
        self.connectivity = Connectivity(online=False)
        self.cloud = MirroredCloud()
        self.navigation = MirroredNavigation()
        self.weather = MirroredWeather()
        self.audio_focus = MirroredFocus()
        self.scan = MirroredScan()
        self.vehicle_profile = MirroredVehicleProfile()  # stays empty without vehicle-data
        from headunit.sandbox.map_mirror import MirroredMaps

        self.maps = MirroredMaps()
        for part, value in state.items():
            if part != "category":
                self.follow_part(part, value)

    def singletons(self) -> dict[str, QObject]:
        """The QML singletons they stand for, by the attribute name headunit.shell.qml_services looks up."""
        return {"settings": self.settings, "connectivity": self.connectivity, "cloud": self.cloud,
                "navigation": self.navigation, "weather": self.weather, "audio_focus": self.audio_focus,
                "maps": self.maps, "vehicle_profile": self.vehicle_profile}

    def follow_part(self, part: str, value: dict[str, Any]) -> None:
        match part:
            case "settings":
                self.settings.follow(value)
            case "link":
                self.connectivity.set_online(bool(value["online"]))
                self.cloud.follow(value["cloudAvailable"], value["cloudOnline"], value["cloudLinked"])
            case "navigation":
                self.navigation.follow(value)
            case "weather":
                self.weather.follow(value)
            case "maps":
                self.maps.follow(value)
            case "audio":
                self.audio_focus.follow(value)
            case "media":
                self.scan.follow(value)
            case "vehicleProfile":
                self.vehicle_profile.follow(value)

    def on_notification(self, method: str, params: dict[str, Any]) -> bool:
        """Take a notification of the shell's if it is one of ours; whether it was."""
        if method == "shell.state":
            self.follow_part(str(params.get("part")), params.get("value") or {})
        elif method == "shell.event" and params.get("name") == "media.changed":
            self.scan.changed.emit()
        elif method == "shell.event" and params.get("name") == "media.scanFinished":
            self.scan.scanFinished.emit(dict(params.get("report") or {}))
        else:
            return False
        return True
