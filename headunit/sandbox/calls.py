"""The shell's side of `ctx.maps`, `ctx.navigation`, `ctx.weather`, `ctx.media` and the media focus, for
sandboxed plugins.

Each call is checked here as PluginContext checks it in the shell's process (the capability, the app's
category for publishing), and its parameters for type and size: a plugin's process is not trusted to have
used the SDK. The work is then done by the same objects an in-process plugin gets (PluginMaps,
PluginNavigation, PluginWeather, LibraryReader); what reads disk (routing, search, the library) runs off the
GUI thread. Answers are JSON (headunit.sandbox.wire).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from headunit.host.errors import HeadUnitError, PermissionDenied
from headunit.maps.errors import MapError
from headunit.sandbox.bwrap import Binds
from headunit.sandbox.service import OnIoThread
from headunit.sandbox.shell_state import navigation_state, weather_state
from headunit.sandbox.wire import place_json, route_json
from headunit.shell.settings import LANGUAGES

if TYPE_CHECKING:
    from headunit.host.host import PluginHost

#: The most points a route shape may have (a long drive's route has a few thousand).
MAX_SHAPE = 50_000
MAX_TEXT = 200


class ServiceCalls:
    """`_call_<method>` handlers for Sandbox.call_handlers."""

    def __init__(self, host: "PluginHost", services):
        self._host, self._services = host, services

    def _manifest(self, key: str):
        return self._host.record(key).manifest

    def _require(self, key: str, capability: str, what: str) -> None:
        if capability not in self._manifest(key).capabilities:
            raise PermissionDenied(key, capability, what)

    def _service(self, key: str, name: str, what: str):
        service = getattr(self._services, name, None)
        if service is None:
            raise HeadUnitError(f"{key}: {what} is not available on this head unit")
        return service

    def sandbox_binds(self, manifest) -> Binds:
        """What the plugin's sandbox needs for these services: the map tiles' socket with location; the music
        the library lists (and its covers), read-only, with media-library."""
        sockets, read_only = {}, ()
        if "location" in manifest.capabilities and self._services.maps is not None:
            from headunit.sandbox.map_mirror import TILE_SOCKET
            from headunit.sandbox.process import runtime_dir

            sockets[TILE_SOCKET] = self._services.maps.tile_socket(runtime_dir() / TILE_SOCKET)
        if "media-library" in manifest.capabilities and self._services.media is not None:
            read_only = tuple(self._services.media.readable_folders())
        return Binds(sockets, read_only)

    # ctx.maps: location; the answers come from the I/O thread

    def _maps(self, key: str):
        self._require(key, "location", "maps")
        from headunit.host.maps_access import PluginMaps

        settings = self._services.settings
        return PluginMaps(self._service(key, "maps", "ctx.maps"), lambda: settings.get("language"),
                          lambda: settings.get("distanceUnit"))

    @staticmethod
    def _map_answer(work):
        """A MapError goes back as part of the answer, with its `reason`, for the plugin to raise again."""
        def run() -> Any:
            try:
                return {"result": work()}
            except MapError as exc:
                return {"mapError": {"type": type(exc).__name__, "message": str(exc), "reason": exc.reason}}
        return OnIoThread(run)

    def _call_maps_route(self, key: str, params: dict[str, Any]) -> OnIoThread:
        maps = self._maps(key)
        origin, destination = _latlon(params, "origin"), _latlon(params, "destination")
        options = {"language": _language(params), "alternates": _int(params, "alternates", 2, 0, 3),
                   "heading": _optional_number(params, "heading", -3600.0, 3600.0), "units": _units(params)}
        return self._map_answer(lambda: [route_json(r) for r in maps.route(origin, destination, **options)])

    def _call_maps_nearest(self, key: str, params: dict[str, Any]) -> OnIoThread:
        maps = self._maps(key)
        category, near = _text(params, "category", 40), _latlon(params, "near")
        limit, language = _int(params, "limit", 5, 1, 100), _language(params)
        return self._map_answer(lambda: [place_json(p) for p in
                                         maps.nearest(category, near, limit=limit, language=language)])

    def _call_maps_along(self, key: str, params: dict[str, Any]) -> OnIoThread:
        maps = self._maps(key)
        category, shape = _text(params, "category", 40), _shape(params)
        limit, language = _int(params, "limit", 5, 1, 100), _language(params)
        return self._map_answer(lambda: [place_json(p) for p in
                                         maps.along(category, shape, limit=limit, language=language)])

    def _call_maps_search(self, key: str, params: dict[str, Any]) -> OnIoThread:
        maps = self._maps(key)
        text, near = _text(params, "text", MAX_TEXT), _latlon(params, "near")
        limit, language = _int(params, "limit", 20, 1, 100), _language(params)
        return self._map_answer(lambda: [place_json(p) for p in
                                         maps.search(text, near, limit=limit, language=language)])

    # ctx.navigation: location to read, category navigation to publish (on the GUI thread, as in the shell)

    def _navigation(self, key: str):
        self._require(key, "location", "navigation")
        from headunit.host.maps_access import PluginNavigation

        return PluginNavigation(self._service(key, "navigation", "ctx.navigation"), key,
                                may_publish=self._manifest(key).category == "navigation")

    def _call_navigation_setRoute(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        navigation = self._navigation(key)
        navigation.set_route(_text(params, "name", MAX_TEXT), _latlon(params, "destination"), _shape(params))
        return navigation_state(navigation.state)

    def _call_navigation_setProgress(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        navigation = self._navigation(key)
        navigation.set_progress(
            remaining_m=_number(params, "remaining_m"), remaining_s=_number(params, "remaining_s"),
            kind=_text(params, "kind", 40), instruction=_text(params, "instruction", MAX_TEXT),
            street=_text(params, "street", MAX_TEXT), distance_m=_number(params, "distance_m"))
        return navigation_state(navigation.state)

    def _call_navigation_clear(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        navigation = self._navigation(key)
        navigation.clear()
        return navigation_state(navigation.state)

    # ctx.weather: any app reads it; category weather publishes

    def _weather(self, key: str):
        from headunit.host.weather_access import PluginWeather

        return PluginWeather(self._service(key, "weather", "ctx.weather"), key,
                             may_publish=self._manifest(key).category == "weather")

    def _call_weather_publish(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        demo = params.get("demo", False)
        if not isinstance(demo, bool):
            raise TypeError("demo: expected true or false")
        weather = self._weather(key)
        weather.publish(_number(params, "temperature_c", -100.0, 100.0), _text(params, "condition", 20),
                        _number(params, "updated"), demo)
        return weather_state(weather.state)

    def _call_weather_clear(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        weather = self._weather(key)
        weather.clear()
        return weather_state(weather.state)

    # ctx.media: media-library; the index is read on the I/O thread. No FM tuner for a sandbox: its receiver
    # is a process of the shell's playing to the shell's own output.

    def _call_media_library(self, key: str, params: dict[str, Any]) -> OnIoThread:
        self._require(key, "media-library", "media")
        query, args = params.get("query"), params.get("args") or {}
        if query not in LIBRARY_QUERIES or not isinstance(args, dict):
            raise ValueError(f"media.library: {query!r} is not one of {', '.join(LIBRARY_QUERIES)}")
        arguments = {name: check(args, name) for name, check in LIBRARY_QUERIES[query].items()}
        from headunit.host.media_access import LibraryReader

        media = self._service(key, "media", "ctx.media")

        def run() -> Any:
            import sqlite3

            try:
                return {"result": _library_json(query, getattr(LibraryReader(media.library), query)(**arguments))}
            except sqlite3.Error as exc:  # raised again as sqlite3.Error in the plugin, as in the shell's process
                return {"sqliteError": str(exc)}
        return OnIoThread(run)

    def _call_media_rescan(self, key: str, params: dict[str, Any]) -> bool:
        self._require(key, "media-library", "media")
        self._service(key, "media", "ctx.media").rescan()
        return True

    # The media focus (audio): a player takes it and gives it back; media keys reach its holder

    def _focus(self, key: str):
        self._require(key, "audio", "audio")
        return self._service(key, "audio_focus", "ctx.audio")

    def _call_audio_requestMedia(self, key: str, params: dict[str, Any]) -> bool:
        self._focus(key).request_media(key)
        return True

    def _call_audio_abandonMedia(self, key: str, params: dict[str, Any]) -> bool:
        self._focus(key).abandon_media(key)
        return True

    def app_ended(self, key: str) -> None:
        """A plugin's process ended: the media focus it held goes back, as a plugin's stop does in the shell."""
        if self._services.audio_focus is not None:
            self._services.audio_focus.abandon_media(key)


def _library_json(query: str, result: Any) -> Any:
    from headunit.sandbox.wire import track_json

    if query in ("tracks", "recent"):
        return [track_json(t) for t in result]
    if query in ("track", "track_by_path", "find"):
        return track_json(result)
    if query == "search":
        return {**result, "tracks": [track_json(t) for t in result["tracks"]]}
    if query == "record_play":
        return True
    return result


# Parameters: every one checked for type and size before it reaches a service

def _number(params: dict[str, Any], name: str, low: float = -math.inf, high: float = math.inf) -> float:
    value = params.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name}: expected a number, got {type(value).__name__}")
    value = float(value)
    if not (low <= value <= high):  # also refuses NaN
        raise ValueError(f"{name}: {value} is not between {low} and {high}")
    return value


def _optional_number(params: dict[str, Any], name: str, low: float, high: float) -> float | None:
    return None if params.get(name) is None else _number(params, name, low, high)


def _int(params: dict[str, Any], name: str, default: int, low: int, high: int) -> int:
    value = params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name}: expected a whole number from {low} to {high}, got {value!r}")
    return value


def _text(params: dict[str, Any], name: str, longest: int) -> str:
    value = params.get(name)
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected a string, got {type(value).__name__}")
    if len(value) > longest:
        raise ValueError(f"{name}: longer than {longest} characters")
    return value


def _point(value: Any, name: str) -> tuple[float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise TypeError(f"{name}: expected [latitude, longitude]")
    pair = {"lat": value[0], "lon": value[1]}
    return _number(pair, "lat", -90.0, 90.0), _number(pair, "lon", -180.0, 180.0)


def _latlon(params: dict[str, Any], name: str) -> tuple[float, float]:
    return _point(params.get(name), name)


def _shape(params: dict[str, Any]) -> list[tuple[float, float]]:
    shape = params.get("shape")
    if not isinstance(shape, list) or not 1 <= len(shape) <= MAX_SHAPE:
        raise ValueError(f"shape: expected a list of 1 to {MAX_SHAPE} [latitude, longitude] points")
    return [_point(p, "shape") for p in shape]


def _optional_text(longest: int):
    def check(params: dict[str, Any], name: str) -> str | None:
        return None if params.get(name) is None else _text(params, name, longest)
    return check


def _whole(low: int, high: int, default: int | None = None):
    def check(params: dict[str, Any], name: str) -> int:
        if default is None and name not in params:
            raise ValueError(f"{name}: missing")
        return _int(params, name, default if default is not None else 0, low, high)
    return check


_NAME, _PATH = _optional_text(MAX_TEXT), _optional_text(4096)
_ID = _whole(1, 2**62)
#: The library's queries a plugin may make (LibraryReader's), with a check for each argument.
LIBRARY_QUERIES: dict[str, dict[str, Any]] = {
    "stats": {}, "artists": {}, "genres": {}, "skipped": {}, "roots": {},
    "albums": {"artist": _NAME},
    "folders": {"parent": _PATH},
    "tracks": {"artist": _NAME, "album": _NAME, "genre": _NAME, "folder": _PATH},
    "track": {"track_id": _ID},
    "track_by_path": {"path": lambda p, n: _text(p, n, 4096)},
    "find": {"title": lambda p, n: _text(p, n, MAX_TEXT), "artist": lambda p, n: _text(p, n, MAX_TEXT),
             "album": lambda p, n: _text(p, n, MAX_TEXT) if p.get(n) is not None else ""},
    "search": {"text": lambda p, n: _text(p, n, MAX_TEXT), "limit": _whole(1, 500, 20)},
    "recent": {"limit": _whole(1, 500, 20)},
    "record_play": {"track_id": _ID},
}


def _language(params: dict[str, Any]) -> str | None:
    language = params.get("language")
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language: expected one of {', '.join(LANGUAGES)}")
    return language


def _units(params: dict[str, Any]) -> str | None:
    units = params.get("units")
    if units is not None and units not in ("km", "mi"):
        raise ValueError("units: expected km or mi")
    return units

