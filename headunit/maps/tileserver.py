"""A loopback HTTP tile server that feeds QtLocation's osm plugin with tiles drawn from our regions.

The same tiles are served on a Unix socket too (`listen_unix`), for sandboxed plugins: a sandbox without
`network` has a loopback of its own, so the socket is bound into it instead (headunit.sandbox.map_mirror).

QtLocation's osm plugin fetches `<osm.mapping.custom.host>%z/%x/%y.png`; `TileServer.url()` gives that
prefix. Tiles are drawn on demand and kept on disk under
`cache_root/<region>/<sha256[:12]>/<style>-<px>px-v<DRAWING_VERSION>/<z>/<x>/<y>.png`, so a region imported
again (new sha256) never shows tiles drawn from its old data, and tiles of another size or drawn by an older
renderer (such as those with names baked in, before version 2) are never reused; a stamp file in each style
folder catches a change of the drawing data's format. QtLocation's own cache goes to `qt/` inside the style
folder (see `qt_cache_dir`). Tiles wholly outside a region are plain land, cached like the others.

The map's names are served beside the tiles, as JSON: `GET /<region>/labels?s=&w=&n=&e=&z=&lang=` (see
`TileServer.labels`), so a sandboxed plugin's map, which reaches only this server, has them too.

The cache is bounded: past `max_bytes` of tiles (`DEFAULT_CACHE_BYTES`), the least recently served are
removed until it is back under 80 % of the bound. A served tile's modification time is its last use.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import socketserver
import sys
import tempfile
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, unquote

from headunit.maps.errors import MapError
from headunit.maps.renderdata import FORMAT, LabelIndex
from headunit.maps.tiles import DRAWING_VERSION, STYLES, TileRenderer

if TYPE_CHECKING:
    from headunit.maps.regions import MapLibrary, Region

log = logging.getLogger(__name__)

_TILE_PATH = re.compile(r"^/([^/]+)/([^/]+)/([^/]+)/([^/]+)/([^/]+)\.png$")
_LABELS_PATH = re.compile(r"^/([^/]+)/labels$")
#: QtLocation's osm plugin asks for zoom levels up to 19 for a custom host; a little more does no harm.
MAX_ZOOM = 22
#: The tile cache's bound on disk; QtLocation's own copy (`qt/`) is bounded apart, by the map's parameters.
DEFAULT_CACHE_BYTES = 200 * 1024 * 1024
#: After an eviction the cache holds at most this share of the bound, so not every new tile evicts.
EVICT_TO = 0.8
_STYLE_FOLDER = re.compile(r"^(?P<style>[a-z]+)-(?P<px>\d+)px-v(?P<version>\d+)$")


class TileServer:
    """Serves GET /<region>/<style>/<z>/<x>/<y>.png on 127.0.0.1 from a daemon thread."""

    def __init__(self, library: MapLibrary, cache_root: Path, tile_px: int = 256,
                 max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.library = library
        self.cache_root = Path(cache_root)
        self.tile_px = tile_px
        self.max_bytes = max_bytes
        self._cache_bytes: int | None = None  # counted on first write
        self._cache_lock = threading.Lock()
        self._renderers: dict[tuple[str, str, str], TileRenderer] = {}
        self._label_indexes: dict[tuple[str, str], LabelIndex] = {}
        self._checked: set[tuple[str, str, str]] = set()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._unix: tuple[_UnixServer, threading.Thread, Path] | None = None
        #: Counters for diagnostics and tests: requests, rendered, from_cache, errors.
        self.stats = {"requests": 0, "rendered": 0, "from_cache": 0, "errors": 0, "evicted": 0}
        self._stats_lock = threading.Lock()

    # -- lifecycle ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Bind a free loopback port and serve from a daemon thread (idempotent)."""
        if self._server is not None:
            return
        server = _Server(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.tile_server = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="tile-server", daemon=True)
        self._thread.start()

    def listen_unix(self, path: Path) -> Path:
        """Serve the same tiles on a Unix socket at `path` too, from another daemon thread (idempotent)."""
        if self._unix is None:
            path = Path(path)
            path.unlink(missing_ok=True)
            server = _UnixServer(str(path), _UnixHandler)
            os.chmod(path, 0o600)
            server.tile_server = self  # type: ignore[attr-defined]
            thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="tile-socket", daemon=True)
            thread.start()
            self._unix = (server, thread, path)
        return self._unix[2]

    def stop(self) -> None:
        """Stop serving and release the port (and the Unix socket)."""
        with self._lock:
            for index in self._label_indexes.values():
                index.close()
            self._label_indexes.clear()
        if self._unix is not None:
            unix, thread, path = self._unix
            self._unix = None
            unix.shutdown()
            unix.server_close()
            thread.join(timeout=5)
            path.unlink(missing_ok=True)
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise MapError("the tile server is not running; call start() first")
        return self._server.server_address[1]

    # -- addresses for QtLocation ---------------------------------------------------------------------

    def url(self, region_name: str, style: str) -> str:
        """The prefix for `osm.mapping.custom.host`; the osm plugin appends `%z/%x/%y.png`."""
        return f"http://127.0.0.1:{self.port}/{quote(region_name, safe='')}/{quote(style, safe='')}/"

    def qt_cache_dir(self, region_name: str, style: str) -> Path:
        """A folder for `osm.mapping.cache.directory`.

        QtLocation keys its own disk cache by map type and z/x/y, not by URL, so each region version and
        style needs its own folder or the map would show day tiles at night (or an old import's tiles).
        """
        if style not in STYLES:
            raise MapError(f"unknown map style {style!r} (known: {', '.join(STYLES)})")
        return self._style_folder(self.library.get(region_name), style) / "qt"

    # -- tiles ----------------------------------------------------------------------------------------

    def count(self, name: str) -> None:
        with self._stats_lock:
            self.stats[name] += 1

    def style_folder_name(self, style: str) -> str:
        return f"{style}-{self.tile_px}px-v{DRAWING_VERSION}"

    def tile_path(self, region: Region, style: str, z: int, x: int, y: int) -> Path:
        return (self.cache_root / region.name / region.sha256[:12] / self.style_folder_name(style) / str(z)
                / str(x) / f"{y}.png")

    def _style_folder(self, region: Region, style: str) -> Path:
        """The cache folder of a region version and style, emptied first if an older renderer filled it.

        The sha256 in the path covers a new import, the folder's name a new HeadUnit drawing the same data
        differently, and the stamp file a new format of the drawing data. Folders of the region's older
        imports, and of older renderers, are removed on first use.
        """
        folder = self.cache_root / region.name / region.sha256[:12] / self.style_folder_name(style)
        key = (region.name, region.sha256, style)
        with self._lock:
            if key in self._checked:
                return folder
            stamp = folder / "RENDERER"
            expected = f"{DRAWING_VERSION} format {FORMAT} {self.tile_px}px\n"
            try:
                current = stamp.read_text()
            except OSError:
                current = None
            if current != expected:
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True, exist_ok=True)
                stamp.write_text(expected)
            for sibling in (self.cache_root / region.name).iterdir():
                if sibling.name != region.sha256[:12]:
                    shutil.rmtree(sibling, ignore_errors=True)
            for sibling in folder.parent.iterdir():
                match = _STYLE_FOLDER.match(sibling.name)
                if sibling.is_dir() and (match is None or int(match["version"]) != DRAWING_VERSION):
                    shutil.rmtree(sibling, ignore_errors=True)  # e.g. "day/": tiles with names baked in
            self._checked.add(key)
        return folder

    def tile(self, region_name: str, style: str, z: int, x: int, y: int) -> tuple[bytes, bool]:
        """The PNG for a tile and whether it came from the disk cache. Raises LookupError, ValueError."""
        if style not in STYLES:
            raise LookupError(f"unknown map style {style!r}")
        region = self._region(region_name)
        if not (0 <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z):
            raise ValueError(f"no tile {z}/{x}/{y}")
        self._style_folder(region, style)
        path = self.tile_path(region, style, z, x, y)
        try:
            png = path.read_bytes()
        except FileNotFoundError:
            pass
        else:
            try:
                os.utime(path)  # its last use, for eviction
            except OSError:
                pass
            return png, True
        png = self._renderer(region, style).render(z, x, y)
        _write_atomically(path, png)
        self._added(len(png))
        return png, False

    # -- the cache's bound ----------------------------------------------------------------------------

    def cache_bytes(self) -> int:
        """The bytes of tiles the cache holds now (QtLocation's own copies not counted)."""
        with self._cache_lock:
            if self._cache_bytes is None:
                self._cache_bytes = sum(size for _, size, _ in self._cached_tiles())
            return self._cache_bytes

    def _added(self, size: int) -> None:
        total = self.cache_bytes()
        with self._cache_lock:
            total = self._cache_bytes = total + size
        if total > self.max_bytes:
            self.evict()

    def evict(self, target: int | None = None) -> int:
        """Remove the least recently served tiles until the cache holds at most `target` bytes (80 % of the
        bound by default). Returns how many were removed."""
        target = int(self.max_bytes * EVICT_TO) if target is None else target
        with self._cache_lock:
            tiles = sorted(self._cached_tiles(), key=lambda t: t[2])
            total = sum(size for _, size, _ in tiles)
            removed = 0
            for path, size, _ in tiles:
                if total <= target:
                    break
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
                total -= size
                removed += 1
            self._cache_bytes = total
        if removed:
            with self._stats_lock:
                self.stats["evicted"] += removed
            log.info("tile cache: %d tiles removed, %.1f MB kept (bound %.1f MB)", removed, total / 1e6,
                     self.max_bytes / 1e6)
        return removed

    def _cached_tiles(self) -> list[tuple[Path, int, float]]:
        """(path, size, last use) of every tile in the cache, QtLocation's folders left out."""
        found = []
        if not self.cache_root.is_dir():
            return found
        for top, dirs, files in os.walk(self.cache_root):
            if "qt" in dirs:
                dirs.remove("qt")
            for name in files:
                if name.endswith(".png"):
                    path = Path(top) / name
                    try:
                        st = path.stat()
                    except FileNotFoundError:
                        continue
                    found.append((path, st.st_size, st.st_mtime))
        return found

    def labels(self, region_name: str, south: float, west: float, north: float, east: float, zoom: float,
               language: str = "") -> list[dict]:
        """The region's names in the box at this zoom (renderdata.LabelIndex.labels). Raises LookupError."""
        region = self._region(region_name)
        key = (region.name, region.sha256)
        with self._lock:
            index = self._label_indexes.get(key)
            if index is None:
                for old in [k for k in self._label_indexes if k[0] == region.name]:
                    self._label_indexes.pop(old).close()
                index = self._label_indexes[key] = LabelIndex(region.render_db)
        return index.labels(south, west, north, east, zoom, language)

    def _region(self, name: str) -> Region:
        try:
            return self.library.get(name)
        except (MapError, LookupError) as exc:
            raise LookupError(f"no map region {name!r}") from exc

    def _renderer(self, region: Region, style: str) -> TileRenderer:
        key = (region.name, region.sha256, style)
        with self._lock:
            renderer = self._renderers.get(key)
            if renderer is None:
                # Drop renderers of an older import of the same region.
                for old in [k for k in self._renderers if k[0] == region.name and k[1] != region.sha256]:
                    del self._renderers[old]
                renderer = TileRenderer(region.render_db, style, self.tile_px)
                self._renderers[key] = renderer
            return renderer


def _write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a tile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tile-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The map drops connections to tiles it no longer needs (a pan, a zoom, a style switch): not an error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # as _Server: a dropped tile is not an error
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: QtLocation fetches many tiles over a few connections
    server_version = "HeadUnitTiles/1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        tiles: TileServer = self.server.tile_server  # type: ignore[attr-defined]
        path, _, query = self.path.partition("?")
        labels = _LABELS_PATH.match(path)
        if labels is not None:
            self._send_labels(tiles, unquote(labels[1]), parse_qs(query))
            return
        tiles.count("requests")
        match = _TILE_PATH.match(path)
        if match is None:
            self._send_error(HTTPStatus.NOT_FOUND, "not a tile address: /<region>/<style>/<z>/<x>/<y>.png")
            return
        region, style = unquote(match[1]), unquote(match[2])
        try:
            z, x, y = int(match[3]), int(match[4]), int(match[5])
        except ValueError:
            self._send_error(HTTPStatus.BAD_REQUEST, "tile coordinates must be whole numbers")
            return
        try:
            png, cached = tiles.tile(region, style, z, x, y)
        except LookupError as exc:
            self._send_error(HTTPStatus.NOT_FOUND, str(exc))
            return
        except ValueError as exc:
            self._send_error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except Exception:
            tiles.count("errors")
            log.exception("drawing tile %s/%s/%d/%d/%d failed", region, style, z, x, y)
            self._send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "drawing the tile failed")
            return
        tiles.count("from_cache" if cached else "rendered")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(png)))
        self.send_header("X-Tile-Cache", "hit" if cached else "miss")
        self.end_headers()
        self.wfile.write(png)

    def _send_labels(self, tiles: TileServer, region: str, query: dict[str, list[str]]) -> None:
        try:
            box = [float(query[k][0]) for k in ("s", "w", "n", "e", "z")]
        except (KeyError, ValueError):
            self._send_error(HTTPStatus.BAD_REQUEST, "labels need s, w, n, e and z as numbers")
            return
        try:
            found = tiles.labels(region, *box, query.get("lang", [""])[0])
        except LookupError as exc:
            self._send_error(HTTPStatus.NOT_FOUND, str(exc))
            return
        except Exception:
            log.exception("reading the labels of %s failed", region)
            self._send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "reading the labels failed")
            return
        body = json.dumps(found, ensure_ascii=False).encode()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_error(self, status: HTTPStatus, message: str) -> None:
        body = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's naming)
        log.debug("%s " + format, self.address_string(), *args)


class _UnixHandler(_Handler):
    def address_string(self) -> str:
        return "unix socket"  # a Unix client has no address (http.server expects a host and port)
