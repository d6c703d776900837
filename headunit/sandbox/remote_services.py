"""`ctx.maps`, `ctx.navigation`, `ctx.weather` and `ctx.media` inside a sandboxed plugin's process.

The same methods as PluginMaps, PluginNavigation, PluginWeather and PluginMedia, answered by the shell
(headunit.sandbox.calls) and rebuilt into the same types (Route, Place, Track), so a plugin's code runs
unchanged built-in or sandboxed. Reading state (`ctx.navigation.state`, `ctx.weather.state`,
`ctx.media.service`) needs no round trip: it is the process's mirror of the shell's object. As in
remote.py, the checks here only give the same early errors as in the shell's process; the shell checks
every call again.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from headunit.host.errors import HeadUnitError, PermissionDenied, require_gui_thread
from headunit.host.media_access import ScanStatus
from headunit.sandbox.remote import call
from headunit.sandbox.wire import no_nan, place_from, route_from, track_from

if TYPE_CHECKING:
    from headunit.maps.results import Place, Route
    from headunit.media.library import Track
    from headunit.sandbox.channel import PluginEnd
    from headunit.sandbox.mirrors import MirroredNavigation, MirroredScan, MirroredWeather

LatLon = tuple[float, float]


class RemoteMaps:
    """`ctx.maps`: routing and search run in the shell, on its I/O thread; call them from `ctx.submit`."""

    def __init__(self, channel: "PluginEnd"):
        self._channel = channel

    def _ask(self, method: str, **params: Any) -> Any:
        answer = call(self._channel, method, **no_nan(params))
        failure = answer.get("mapError")
        if failure is not None:
            from headunit.maps.errors import MapError, NoRoute

            raise (NoRoute if failure["type"] == "NoRoute" else MapError)(failure["message"], failure["reason"])
        return answer["result"]

    def route(self, origin: LatLon, destination: LatLon, *, language: str | None = None, alternates: int = 2,
              heading: float | None = None, units: str | None = None) -> list["Route"]:
        found = self._ask("maps.route", origin=list(origin), destination=list(destination), language=language,
                          alternates=alternates, heading=heading, units=units)
        return [route_from(r) for r in found]

    def nearest(self, category: str, near: LatLon, *, limit: int = 5, language: str | None = None) -> list["Place"]:
        return [place_from(p) for p in self._ask("maps.nearest", category=category, near=list(near), limit=limit,
                                                 language=language)]

    def along(self, category: str, shape: Sequence[LatLon], *, limit: int = 5,
              language: str | None = None) -> list["Place"]:
        return [place_from(p) for p in self._ask("maps.along", category=category, shape=[list(p) for p in shape],
                                                 limit=limit, language=language)]

    def search(self, text: str, near: LatLon, *, limit: int = 20, language: str | None = None) -> list["Place"]:
        return [place_from(p) for p in self._ask("maps.search", text=text, near=list(near), limit=limit,
                                                 language=language)]


class RemoteNavigation:
    """`ctx.navigation`: the drive read from the mirror; published (navigation apps only) through the shell."""

    def __init__(self, channel: "PluginEnd", mirror: "MirroredNavigation", plugin_id: str, may_publish: bool):
        self._channel, self._mirror, self._plugin, self._may_publish = channel, mirror, plugin_id, may_publish

    @property
    def state(self) -> "MirroredNavigation":
        return self._mirror

    def _publish(self, what: str, method: str, **params: Any) -> None:
        if not self._may_publish:
            raise PermissionDenied(self._plugin, "category navigation", "ctx.navigation publishing")
        require_gui_thread(what)
        # The shell answers with its state after the change: readable at once, as in the shell's process.
        self._mirror.follow(call(self._channel, method, **no_nan(params)))

    def set_route(self, name: str, destination: LatLon, shape: Sequence[LatLon]) -> None:
        self._publish("ctx.navigation.set_route()", "navigation.setRoute", name=name, destination=list(destination),
                      shape=[list(p) for p in shape])

    def set_progress(self, *, remaining_m: float, remaining_s: float, kind: str, instruction: str, street: str,
                     distance_m: float) -> None:
        self._publish("ctx.navigation.set_progress()", "navigation.setProgress", remaining_m=remaining_m,
                      remaining_s=remaining_s, kind=kind, instruction=instruction, street=street,
                      distance_m=distance_m)

    def clear(self) -> None:
        self._publish("ctx.navigation.clear()", "navigation.clear")


class RemoteWeather:
    """`ctx.weather`: read from the mirror; published (weather apps only) through the shell."""

    def __init__(self, channel: "PluginEnd", mirror: "MirroredWeather", plugin_id: str, may_publish: bool):
        self._channel, self._mirror, self._plugin, self._may_publish = channel, mirror, plugin_id, may_publish

    @property
    def state(self) -> "MirroredWeather":
        return self._mirror

    def _check(self, what: str) -> None:
        if not self._may_publish:
            raise PermissionDenied(self._plugin, "category weather", what)
        require_gui_thread(what)

    def publish(self, temperature_c: float, condition: str, updated: float, demo: bool = False) -> None:
        self._check("ctx.weather.publish()")
        self._mirror.follow(call(self._channel, "weather.publish", temperature_c=temperature_c,
                                 condition=condition, updated=updated, demo=demo))

    def clear(self) -> None:
        self._check("ctx.weather.clear()")
        self._mirror.follow(call(self._channel, "weather.clear"))


class RemoteLibrary:
    """`ctx.media.library`: the shell's music index, read through the shell (call it from `ctx.submit`)."""

    def __init__(self, channel: "PluginEnd"):
        self._channel = channel

    def _ask(self, method: str, **args: Any) -> Any:
        answer = call(self._channel, "media.library", query=method, args=args)
        if "sqliteError" in answer:
            import sqlite3

            raise sqlite3.OperationalError(answer["sqliteError"])  # as the index raises it in the shell's process
        return answer["result"]

    def stats(self) -> dict:
        return self._ask("stats")

    def artists(self) -> list[dict]:
        return self._ask("artists")

    def albums(self, artist: str | None = None) -> list[dict]:
        return self._ask("albums", artist=artist)

    def genres(self) -> list[dict]:
        return self._ask("genres")

    def folders(self, parent: str | None = None) -> list[dict]:
        return self._ask("folders", parent=parent)

    def tracks(self, *, artist: str | None = None, album: str | None = None, genre: str | None = None,
               folder: str | None = None) -> list["Track"]:
        return [track_from(t) for t in self._ask("tracks", artist=artist, album=album, genre=genre, folder=folder)]

    def track(self, track_id: int) -> "Track | None":
        return track_from(self._ask("track", track_id=track_id))

    def track_by_path(self, path: str) -> "Track | None":
        return track_from(self._ask("track_by_path", path=path))

    def find(self, title: str, artist: str, album: str = "") -> "Track | None":
        return track_from(self._ask("find", title=title, artist=artist, album=album))

    def search(self, text: str, limit: int = 20) -> dict:
        found = self._ask("search", text=text, limit=limit)
        return {**found, "tracks": [track_from(t) for t in found["tracks"]]}

    def recent(self, limit: int = 20) -> list["Track"]:
        return [track_from(t) for t in self._ask("recent", limit=limit)]

    def skipped(self) -> list[dict]:
        return self._ask("skipped")

    def roots(self) -> list[dict]:
        return self._ask("roots")

    def record_play(self, track_id: int) -> Future:
        """Sent to the shell, which writes it on its library thread; the Future is done once it has it."""
        future: Future = Future()
        future.set_result(self._ask("record_play", track_id=track_id))
        return future


class RemoteMedia:
    """`ctx.media`: the library and the scanner's news through the shell. No FM tuner in a sandbox."""

    def __init__(self, channel: "PluginEnd", scan: "MirroredScan", plugin_id: str):
        self._channel, self._plugin = channel, plugin_id
        self._library = RemoteLibrary(channel)
        self._status = ScanStatus(scan)

    @property
    def library(self) -> RemoteLibrary:
        return self._library

    @property
    def service(self) -> ScanStatus:
        return self._status

    def rescan(self) -> None:
        call(self._channel, "media.rescan")

    @property
    def tuner(self):
        raise HeadUnitError(f"{self._plugin}: the FM tuner is not available to sandboxed plugins in API 1 "
                            "(its receiver is a process of the shell's, playing to the shell's sound output)")
