"""`ctx` inside a sandboxed plugin process: the documented PluginContext API, carried over the channel.

Everything here runs in the plugin's own process, inside its sandbox. Nothing in it is a security
boundary: a plugin may skip it and write to the channel directly. The shell checks every call against
the manifest (headunit/sandbox/service.py); the checks here only give an author the same clear
PermissionDenied they get in the shell's process, before a round trip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from headunit.host.context import ContextBase, VehicleReader
from headunit.host.errors import CloudUnavailable, HeadUnitError, IntentError, PermissionDenied
from headunit.host.packages_access import RemotePackages
from headunit.host.payments_access import PaymentsBase, _spec
from headunit.sandbox.channel import PluginEnd, RemoteError
from headunit.sandbox.templates import Templates  # noqa: F401 - ctx.templates, re-exported for the runtime
from headunit.vehicle.driving import DrivingState
from headunit.vehicle.restrictions import UxRestrictions
from headunit.vehicle.state import VehicleState

#: How long a plugin waits for the shell's answer before giving up.
CALL_TIMEOUT_S = 30.0

_ERRORS: dict[str, type[HeadUnitError]] = {
    "PermissionDenied": PermissionDenied, "IntentError": IntentError, "CloudUnavailable": CloudUnavailable,
}


def _local_error(kind: str, message: str) -> HeadUnitError:
    cls = _ERRORS.get(kind, HeadUnitError)
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)  # the shell's message as it is: it already names the plugin and capability
    return exc


def call(channel: PluginEnd, method: str, /, **params: Any) -> Any:
    """Ask the shell and wait for its answer; its errors come back as the API's own exceptions."""
    try:
        return channel.call(method, params).result(CALL_TIMEOUT_S)
    except RemoteError as exc:
        raise _local_error(exc.kind, str(exc)) from None
    except TimeoutError:
        raise HeadUnitError(f"{method}: the shell did not answer in {CALL_TIMEOUT_S:.0f} s") from None


class MirroredDriving(DrivingState):
    """The shell's driving state, as the shell sends it: the plugin never judges it from readings."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(VehicleState(), parent)
        self._timer.stop()

    def _evaluate(self, *_: object) -> None:
        pass  # set only by the shell

    def follow(self, state: str, stale: bool) -> None:
        if (state, stale) != (self._state, self._stale):
            self._state, self._stale = state, stale
            self.stateChanged.emit()


class MirroredVehicle(VehicleState):
    """The readings the shell sends this plugin (none without vehicle-data, no position without location),
    stamped with the age they had in the shell."""

    def follow(self, readings: dict[str, Any], ages: dict[str, float]) -> None:
        self.publish(**readings)
        now = self._clock()
        for name, age in ages.items():
            if name in self._stamps:
                self._stamps[name] = now - age


class RemoteCloud(QObject):
    """`ctx.cloud` in a sandbox: the same calls, made by the shell's sync client on the plugin's behalf."""

    finished = Signal(str, str, int)

    def __init__(self, channel: PluginEnd, parent: QObject | None = None):
        super().__init__(parent)
        self._channel = channel

    def get(self, path: str, params: dict[str, Any] | None = None):
        from headunit.sync.models import Reading

        return Reading(**call(self._channel, "cloud.get", path=path, params=params or {}))

    def submit(self, lane: str, method: str, path: str, body: Any = None, *, not_after: float | None = None) -> str:
        return call(self._channel, "cloud.submit", lane=lane, method=method, path=path, body=body, not_after=not_after)

    def put(self, collection: str, key: str, value: Any) -> str:
        return call(self._channel, "cloud.put", collection=collection, key=key, value=value)

    def delete(self, collection: str, key: str) -> str:
        return call(self._channel, "cloud.delete", collection=collection, key=key)

    def items(self, collection: str) -> dict[str, Any]:
        return call(self._channel, "cloud.items", collection=collection)

    def image_url(self, image: str) -> str:
        from headunit.sandbox.forwarder import image_url

        return image_url(image)


class RemotePayments(PaymentsBase):
    """`ctx.payments` in a sandbox: the shell shows its sheet and makes the write; outcomes come back as
    notifications to the handles."""

    def __init__(self, channel: PluginEnd, parent: QObject | None = None):
        super().__init__(parent)
        self._channel = channel

    def request(self, *, kind: str, merchant: dict | str, amount_cents: int, currency: str, request: dict,
                hold: bool = False, reference: str = "", details=(), payment_method_id: str | None = None):
        spec = _spec(kind, merchant, amount_cents, currency, request, hold, reference, details, payment_method_id)
        return self._handle(call(self._channel, "payments.request", spec=spec))

    def finish(self, method: str, path: str, body: Any = None):
        return self._handle(call(self._channel, "payments.finish", method=method, path=path, body=body))

    def link_phone(self) -> bool:
        return bool(call(self._channel, "payments.linkPhone"))


class RemoteAudio:
    """`ctx.audio` in a sandbox: spoken prompts and the media focus, through the shell."""

    def __init__(self, channel: PluginEnd, focus: QObject | None = None):
        self._channel, self._focus = channel, focus
        self.media_key_callbacks: list[Callable[[str], None]] = []

    @property
    def focus(self) -> QObject | None:
        """Who holds the media focus and whether a prompt ducks it: the process's mirror of the shell's."""
        return self._focus

    def speak(self, text: str, language: str | None = None) -> None:
        call(self._channel, "audio.speak", text=text, language=language)

    def cancel_speech(self) -> None:
        call(self._channel, "audio.cancelSpeech")

    def request_media(self) -> None:
        call(self._channel, "audio.requestMedia")

    def abandon_media(self) -> None:
        call(self._channel, "audio.abandonMedia")

    def on_media_key(self, callback: Callable[[str], None]) -> None:
        self.media_key_callbacks.append(callback)


class RemoteContext(ContextBase):
    """The plugin's window on the head unit, from inside its sandbox (see PluginContext for each call)."""

    def __init__(self, channel: PluginEnd, init: dict[str, Any], vehicle: MirroredVehicle,
                 driving: MirroredDriving, restrictions: UxRestrictions,
                 on_worker_error: Callable[[BaseException], None] = lambda exc: None, mirrors: Any = None):
        data_dir = Path(init["data_dir"]) if init.get("data_dir") else None
        super().__init__(init["id"], init["version"], init["capabilities"], init.get("intents", []), data_dir,
                         f"{init['folder']}/plugin.toml")
        self._mirrors = mirrors  # headunit.sandbox.mirrors.Mirrors: the shell's state, as it sends it
        self._services: dict[str, Any] = {}
        self._on_worker_error = on_worker_error
        self._channel, self._init = channel, init
        self._vehicle_state, self._driving, self._restrictions = vehicle, driving, restrictions
        self._vehicle: VehicleReader | None = None
        self._settings: dict[str, Any] = dict(init.get("settings", {}))
        self._cloud: RemoteCloud | None = None
        self._audio: RemoteAudio | None = None
        self._payments: RemotePayments | None = None
        self._packages: RemotePackages | None = None
        self.templates = Templates(channel, self)

    def _worker_failed(self, exc: BaseException) -> None:
        self._on_worker_error(exc)  # as in the shell's process: the plugin fails

    @property
    def vehicle(self) -> VehicleReader:
        self._require("vehicle-data", "vehicle")
        if self._vehicle is None:
            self._vehicle = VehicleReader(self._vehicle_state, "location" in self._capabilities, self,
                                          profile=self._mirrors.vehicle_profile if self._mirrors else None)
        return self._vehicle

    @property
    def driving(self) -> DrivingState:
        return self._driving

    @property
    def restrictions(self) -> UxRestrictions:
        return self._restrictions

    @property
    def cloud(self) -> RemoteCloud:
        self._require("network", "cloud")
        if self._cloud is None:
            self._cloud = RemoteCloud(self._channel, self)
        return self._cloud

    @property
    def payments(self) -> RemotePayments:
        self._require("payments", "payments")
        if self._payments is None:
            self._payments = RemotePayments(self._channel, self)
        return self._payments

    @property
    def packages(self) -> RemotePackages:
        self._require("install", "packages")
        if self._packages is None:
            self._packages = RemotePackages(lambda method, **params: call(self._channel, method, **params), self)
        return self._packages

    @property
    def audio(self) -> RemoteAudio:
        self._require("audio", "audio")
        if self._audio is None:
            self._audio = RemoteAudio(self._channel, self._mirrors.audio_focus if self._mirrors else None)
        return self._audio

    def _remote(self, name: str, make: Callable[[Any], Any]) -> Any:
        """One object for each of ctx.maps, navigation, media and weather (remote_services), made on first use."""
        if self._mirrors is None:
            raise HeadUnitError(f"{self.id}: ctx.{name} is not available without the shell's state")
        if name not in self._services:
            from headunit.sandbox import remote_services

            self._services[name] = make(remote_services)
        return self._services[name]

    @property
    def maps(self):
        self._require("location", "maps")
        return self._remote("maps", lambda rs: rs.RemoteMaps(self._channel))

    @property
    def navigation(self):
        self._require("location", "navigation")
        return self._remote("navigation", lambda rs: rs.RemoteNavigation(
            self._channel, self._mirrors.navigation, self.id, self._mirrors.category == "navigation"))

    @property
    def media(self):
        self._require("media-library", "media")
        return self._remote("media", lambda rs: rs.RemoteMedia(self._channel, self._mirrors.scan, self.id))

    @property
    def weather(self):
        return self._remote("weather", lambda rs: rs.RemoteWeather(
            self._channel, self._mirrors.weather, self.id, self._mirrors.category == "weather"))

    def notify(self, title: str, body: str = "", level: str = "info") -> int:
        self._require("notifications", "notify()")
        return call(self._channel, "notify", title=title, body=body, level=level)

    def toast(self, text: str, level: str = "info") -> None:
        self._channel.notify("toast", {"text": text, "level": level})

    def send_intent(self, name: str, /, **params: Any) -> Any:
        return call(self._channel, "intent.send", name=name, params=params)

    def setting(self, key: str) -> Any:
        if key not in self._settings:
            raise KeyError(f"{self.id}: settings: no setting {key!r}")
        return self._settings[key]

    def set_setting_value(self, key: str, value: Any) -> None:
        """The shell's: a setting changed in Settings › Apps."""
        self._settings[key] = value
        self.settingChanged.emit(key)
