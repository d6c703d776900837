"""The `Maps` singleton inside a sandboxed plugin's process, for the shell's MapView control.

The shell draws the tiles (headunit.maps.tileserver) and serves them on its loopback for its own maps; a
sandbox without `network` has a loopback of its own and cannot reach the shell's. So the shell also serves
them on a Unix socket, bound into the sandbox of each plugin with `location` as $XDG_RUNTIME_DIR/tiles, and
this process forwards a port on its own loopback to that socket: QtLocation fetches from
`http://127.0.0.1:<port>/` as it does in the shell, and the plugin reaches nothing but tiles.
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QObject, Slot

from headunit.host.errors import HeadUnitError
from headunit.sandbox.forwarder import SocketForwarder
from headunit.shell.maps import Maps

log = logging.getLogger(__name__)

#: The shell's tile socket's name in the plugin's runtime folder.
TILE_SOCKET = "tiles"


@dataclass(frozen=True)
class _Region:
    name: str
    sha256: str
    center: tuple[float, float]


class MirroredMaps(Maps):
    """The shell's map region (name, centre) and its tiles; routing and search are ctx.maps calls."""

    def __init__(self, parent: QObject | None = None):
        QObject.__init__(self, parent)  # not Maps': no map library, no tile server of its own here
        self._region: _Region | None = None
        self._tiles: TileForwarder | None = None

    def follow(self, state: dict[str, Any]) -> None:
        center = tuple(math.nan if c is None else float(c) for c in state["center"])
        region = _Region(state["region"], state["sha256"], center) if state["region"] else None
        if region != self._region:
            self._region = region
            self.regionChanged.emit()

    @Slot()
    def refresh(self) -> None:
        """The shell chooses the region; it sends the new one when it changes."""

    @Slot(float, float, float, float, float, str, result=list)
    def labels(self, south: float, west: float, north: float, east: float, zoom: float, language: str) -> list:
        """The map's names, from the shell's tile server through the same socket as the tiles."""
        if self._region is None:
            return []
        import json
        import urllib.request
        from urllib.parse import urlencode

        query = urlencode({"s": south, "w": west, "n": north, "e": east, "z": zoom, "lang": language})
        url = f"http://127.0.0.1:{self._tile_server().port}/{quote(self._region.name, safe='')}/labels?{query}"
        try:
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=2) as response:
                return json.loads(response.read())
        except (OSError, ValueError) as exc:
            log.warning("map labels: %s", exc)
            return []

    def _tile_server(self) -> "TileForwarder":
        if self._tiles is None:
            folder = os.environ.get("XDG_RUNTIME_DIR", "")
            self._tiles = TileForwarder(Path(folder) / TILE_SOCKET, lambda: self._region)
            self._tiles.start()
        return self._tiles

    def current_region(self):
        return self._region

    def router(self, region):
        raise HeadUnitError("routing runs in the shell: use ctx.maps")

    search_index = router

    def close(self) -> None:
        if self._tiles is not None:
            self._tiles.stop()
            self._tiles = None


class TileForwarder(SocketForwarder):
    """A loopback port carried to the shell's tile socket, and what QtLocation needs to know of it."""

    def __init__(self, socket_path: Path, region):
        super().__init__(socket_path, "tile-forwarder")
        self._region = region

    def url(self, region_name: str, style: str) -> str:
        return f"http://127.0.0.1:{self.port}/{quote(region_name, safe='')}/{quote(style, safe='')}/"

    def qt_cache_dir(self, region_name: str, style: str) -> Path:
        """QtLocation's own cache, in the process's private /tmp: per import and style, as in the shell."""
        region = self._region()
        sha = region.sha256[:12] if region is not None and region.name == region_name else "unknown"
        return Path(tempfile.gettempdir()) / "map-tiles" / region_name / sha / style / "qt"
