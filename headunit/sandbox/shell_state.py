"""What a sandboxed plugin sees of the shell's state: the source of the read-only mirrors in its process.

A plugin in the shell's process reads the shell's objects (Settings, Navigation, Weather, Maps, AudioFocus,
the music scanner) directly. A sandboxed one gets a copy of each it may read: all of it in answer to
`shell.state` when it starts, then each part again (`shell.state` notifications) whenever it changes. Which
parts a plugin gets is decided here, from its manifest, as PluginContext decides what it may touch: the drive
and the map region need location, the media focus audio, the scanner media-library, the link network, the
vehicle profile vehicle-data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from headunit.sandbox.wire import no_nan

if TYPE_CHECKING:
    from headunit.sandbox.service import Sandbox

#: The settings a plugin's QML reads (units, clock, language); none of the shell's others.
PUBLIC_SETTINGS = ("language", "distanceUnit", "temperatureUnit", "clock24h")
#: Scan progress is sent at most this often.
PROGRESS_MS = 250


class ShellState(QObject):
    """Serves `shell.state` and sends each part again when it changes, to the plugins that may read it."""

    def __init__(self, sandbox: "Sandbox", host, services, parent: QObject | None = None):
        super().__init__(parent)
        self._sandbox, self._host, self._services = sandbox, host, services
        #: part -> (the capability it needs or None, what it is now)
        self._parts: dict[str, tuple[str | None, Callable[[], dict[str, Any]]]] = {
            "settings": (None, self._settings),
            "weather": (None, self._weather),
            "link": ("network", self._link),
            "navigation": ("location", self._navigation),
            "maps": ("location", self._maps),
            "audio": ("audio", self._audio),
            "media": ("media-library", self._media),
            "vehicleProfile": ("vehicle-data", self._vehicle_profile),
        }
        self._sent: dict[str, dict[str, Any]] = {}
        self._media_timer = QTimer(self, singleShot=True, interval=PROGRESS_MS)
        self._media_timer.timeout.connect(lambda: self.send("media"))
        s = services
        s.settings.changed.connect(lambda: self.send("settings"))
        s.weather.changed.connect(lambda: self.send("weather"))
        s.connectivity.onlineChanged.connect(lambda: self.send("link"))
        s.cloud.changed.connect(lambda: self.send("link"))
        s.navigation.routeChanged.connect(lambda: self.send("navigation"))
        s.navigation.progressChanged.connect(lambda: self.send("navigation"))
        s.maps.regionChanged.connect(lambda: self.send("maps"))
        s.audio_focus.changed.connect(lambda: self.send("audio"))
        s.audio_focus.mediaKey.connect(lambda owner, key: sandbox._broadcast(
            "mediaKey", lambda plugin: {"key": key} if plugin == owner else None))
        for signal in (s.media.scanningChanged, s.media.countsChanged):
            signal.connect(lambda: self.send("media"))
        s.media.progressChanged.connect(lambda: self._media_timer.isActive() or self._media_timer.start())
        s.media.changed.connect(lambda: self.send_event("media.changed", {}))
        s.media.scanFinished.connect(lambda report: self.send_event("media.scanFinished", {"report": no_nan(report)}))
        s.vehicle_profile.changed.connect(lambda: self.send("vehicleProfile"))

    def _capabilities(self, key: str) -> frozenset[str]:
        record = self._host.record(key)
        return frozenset(record.manifest.capabilities) if record is not None else frozenset()

    def _may(self, key: str, part: str) -> bool:
        needs = self._parts[part][0]
        return needs is None or needs in self._capabilities(key)

    # What the plugin asks when it starts

    def _call_shell_state(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        state = {part: make() for part, (_, make) in self._parts.items() if self._may(key, part)}
        state["category"] = self._host.record(key).manifest.category
        return state

    # What changed since

    def send(self, part: str) -> None:
        value = self._parts[part][1]()
        if self._sent.get(part) == value:
            return
        self._sent[part] = value
        self._sandbox._broadcast("shell.state", lambda key: {"part": part, "value": value}
                                 if self._may(key, part) else None)

    def send_event(self, name: str, params: dict[str, Any]) -> None:
        part = name.split(".", 1)[0]
        self._sandbox._broadcast("shell.event", lambda key: {"name": name, **params} if self._may(key, part) else None)

    # The parts

    def _settings(self) -> dict[str, Any]:
        return {name: self._services.settings.get(name) for name in PUBLIC_SETTINGS}

    def _weather(self) -> dict[str, Any]:
        return weather_state(self._services.weather)

    def _link(self) -> dict[str, Any]:
        cloud = self._services.cloud
        return {"online": self._services.connectivity.online, "cloudAvailable": cloud.available,
                "cloudOnline": cloud.online, "cloudLinked": cloud.linked}

    def _navigation(self) -> dict[str, Any]:
        return navigation_state(self._services.navigation)

    def _maps(self) -> dict[str, Any]:
        region = self._services.maps.current_region()
        if region is None:
            return {"region": "", "sha256": "", "center": [None, None]}
        return no_nan({"region": region.name, "sha256": region.sha256, "center": list(region.center)})

    def _audio(self) -> dict[str, Any]:
        focus = self._services.audio_focus
        return {"mediaOwner": focus.mediaOwner, "ducked": focus.ducked}

    def _media(self) -> dict[str, Any]:
        media = self._services.media
        return {"scanning": media.scanning, "scanned": media.scanned, "found": media.found,
                "trackCount": media.trackCount, "skippedCount": media.skippedCount}

    def _vehicle_profile(self) -> dict[str, Any]:
        return self._services.vehicle_profile.snapshot()


def navigation_state(navigation) -> dict[str, Any]:
    """The shell's Navigation as its mirror in a plugin process takes it (arrival as remaining seconds)."""
    n = navigation
    return no_nan({
        "publisher": n.publisher, "destinationName": n.destinationName,
        "destination": [n.destinationLatitude, n.destinationLongitude], "shape": n.routeShape,
        "remainingMeters": n.remainingMeters, "remainingSeconds": n.remainingSeconds,
        "next": {"kind": n.nextKind, "instruction": n.nextInstruction, "street": n.nextStreet,
                 "distance_m": n.nextDistanceMeters},
    })


def weather_state(weather) -> dict[str, Any]:
    """The shell's Weather as its mirror in a plugin process takes it."""
    return no_nan({"temperatureC": weather.temperatureC, "condition": weather.condition,
                   "updated": weather.updated, "demo": weather.demo})
