"""Catalog images for any app's QML, fetched by the shell with the device's token, served on loopback.

The backend serves catalog images only to a registered device (`Authorization: Bearer <token>`). The token
must never reach QML: a page could show it, log it or send it anywhere. So QML names an image by a URL the
shell made, `Cloud.imageUrl("v1/catalog/images/<name>")` (or `ctx.cloud.image_url(...)` in Python), and the
shell fetches it through the sync client, whose transport adds the token below the HTTP cache. The bytes come
from that cache: fresh when the backend answers, the cached copy when it does not; an image never loaded and
out of reach is an error (QML's `Image.Error`).

Why HTTP and not a QML image provider: an image provider written in Python is called on Qt's pixmap-reader
thread while that thread holds a lock the GUI thread takes to start every image load. Whenever Python code on
the GUI thread makes an `Image` (a page created, a model changed), it holds Python's lock and waits for Qt's,
while the reader holds Qt's and waits for Python's: the screen freezes for good. A URL on loopback keeps
Python off the reader thread; QML's own network code fetches, decodes and scales.

Only `/v1/catalog/images/<name>` is served (`image_path`): this is not a way for QML to read the account, the
orders or anything else the token opens. Whatever spelling reaches it (dot segments, percent escapes, a query,
a doubled slash), anything but that exact form is refused before a request is made. Each body is checked
before QML sees it: at most MAX_IMAGE_BYTES, SVG, PNG or JPEG, at most MAX_DECODED_SIDE pixels a side.

Who may ask, and whose bytes they are:
- The shell's loopback port answers only paths under a secret drawn at start, one per app that asked for
  URLs (the shell itself, each built-in app): other local processes cannot use the shell's token, and the
  bytes count as that app's in Settings › Apps.
- A sandboxed plugin with `network` gets a Unix socket of its own bound into its sandbox, which its process
  reaches through a port on its own loopback (headunit.sandbox.forwarder): its bytes count as its own. Without
  `network` there is no socket, and its images are errors.
"""

from __future__ import annotations

import hmac
import logging
import os
import re
import secrets
import socketserver
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImageReader

if TYPE_CHECKING:
    from headunit.shell.cloud import Cloud

log = logging.getLogger(__name__)

#: The only backend paths served.
IMAGE_PATH = re.compile(r"/v1/catalog/images/[A-Za-z0-9._-]{1,100}")
#: The largest image body served.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
#: The largest raster image QML may decode, in pixels a side (against decompression bombs).
MAX_DECODED_SIDE = 8192
#: The media types served: what QML's image readers draw.
IMAGE_TYPES = ("image/svg+xml", "image/png", "image/jpeg")

#: `fetch(path) -> (body, media type)`: the bytes of an allowed backend path, or an exception saying why not.
Fetch = Callable[[str], tuple[bytes, str]]


class ImageRefused(ValueError):
    """A request the shell does not make, or a body it does not serve: the message says why."""


def image_path(image_id: str) -> str:
    """The backend path that `image_id` (`v1/catalog/images/<name>`) names; ImageRefused if it is not
    exactly that, name 1 to 100 of `A-Z a-z 0-9 . _ -` and not starting with a dot."""
    if not isinstance(image_id, str):
        raise ImageRefused(f"expected a path, got {type(image_id).__name__}")
    if len(image_id) > 200:
        raise ImageRefused(f"a path of {len(image_id)} characters (at most 200)")
    for mark, what in (("%", "a percent escape"), ("?", "a query"), ("#", "a fragment"), ("\\", "a backslash")):
        if mark in image_id:
            raise ImageRefused(f"{what} in {image_id[:120]!r}")
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in image_id):
        raise ImageRefused(f"a space or control character in {image_id[:120]!r}")
    path = "/" + image_id
    if "//" in path:
        raise ImageRefused(f"a doubled slash in {image_id[:120]!r}")
    if any(segment in (".", "..") for segment in path.split("/")):
        raise ImageRefused(f"a dot segment in {image_id[:120]!r}")
    if not IMAGE_PATH.fullmatch(path):
        raise ImageRefused(f"{image_id[:120]!r} is not a catalog image: only /v1/catalog/images/<name> is served")
    if path.rpartition("/")[2].startswith("."):
        raise ImageRefused(f"an image name starting with a dot in {image_id[:120]!r}")
    return path


def check_body(body: bytes, media_type: str) -> str:
    """The media type to serve `body` as; ImageRefused if QML should not be handed it."""
    if not body:
        raise ImageRefused("an empty body")
    if len(body) > MAX_IMAGE_BYTES:
        raise ImageRefused(f"a body of {len(body)} bytes (at most {MAX_IMAGE_BYTES})")
    media_type = media_type.split(";", 1)[0].strip().lower()
    if media_type not in IMAGE_TYPES:
        raise ImageRefused(f"a body of type {media_type or 'unknown'!r}, not SVG, PNG or JPEG")
    if media_type == "image/svg+xml":
        from PySide6.QtSvg import QSvgRenderer  # only once a catalog image is shown

        if not QSvgRenderer(QByteArray(body)).isValid():
            raise ImageRefused("not a valid SVG image")
        return media_type
    data = QByteArray(body)  # kept referenced while the reader reads it
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()  # from the header: nothing is decoded here
    if not size.isValid():
        raise ImageRefused(f"not a readable image: {reader.errorString()}")
    if max(size.width(), size.height()) > MAX_DECODED_SIDE:
        raise ImageRefused(f"an image of {size.width()}x{size.height()} pixels (at most {MAX_DECODED_SIDE} a side)")
    return media_type


def cloud_fetcher(cloud: Cloud, plugin: str) -> Fetch:
    """Fetch through the shell's sync client, counting the bytes as `plugin`'s (Settings › Apps)."""

    def fetch(path: str) -> tuple[bytes, str]:
        client = cloud.opened_client()  # waits on this worker while the profile's database opens
        if client is None:
            raise LookupError(cloud.error or "no backend link")
        reading = client.get_bytes(path, plugin=plugin, max_bytes=MAX_IMAGE_BYTES)
        return reading.content, reading.content_type

    return fetch



class CloudImageServer:
    """Serves catalog images to QML over HTTP: on a loopback port for the shell's engine (one secret per app
    that asks for URLs), and on a Unix socket per sandboxed plugin. Started on the first URL asked for."""

    def __init__(self, fetcher: Callable[[str], Fetch]) -> None:
        self._fetcher = fetcher  # plugin id -> how to fetch on its behalf, counting its bytes
        self._lock = threading.Lock()
        self._tcp: tuple[ThreadingHTTPServer, threading.Thread] | None = None
        self._secrets: dict[str, str] = {}  # secret -> the app whose images those are
        self._sockets: dict[str, tuple[socketserver.BaseServer, threading.Thread, Path]] = {}

    def url(self, image: str, plugin: str) -> str:
        """The URL QML's `Image` loads `image` (`v1/catalog/images/<name>`) from, counted as `plugin`'s.
        A path that is not a catalog image still gets a URL, which answers 400 and is logged."""
        with self._lock:
            if self._tcp is None:
                server = _TcpServer(("127.0.0.1", 0), _Handler)
                server.images = self  # type: ignore[attr-defined]
                thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="cloud-images",
                                          daemon=True)
                thread.start()
                self._tcp = (server, thread)
            secret = next((s for s, p in self._secrets.items() if p == plugin), None)
            if secret is None:
                secret = secrets.token_urlsafe(18)
                self._secrets[secret] = plugin
            port = self._tcp[0].server_address[1]
        return f"http://127.0.0.1:{port}/{secret}/{image.lstrip('/')}"

    def listen_unix(self, path: Path, plugin: str) -> Path:
        """Serve `plugin`'s images on a Unix socket at `path` (for its sandbox; idempotent)."""
        with self._lock:
            if plugin not in self._sockets:
                path = Path(path)
                path.unlink(missing_ok=True)
                server = _UnixServer(str(path), _UnixHandler)
                os.chmod(path, 0o600)
                server.images, server.plugin = self, plugin  # type: ignore[attr-defined]
                thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="cloud-images-socket",
                                          daemon=True)
                thread.start()
                self._sockets[plugin] = (server, thread, path)
            return self._sockets[plugin][2]

    def owner(self, secret: str) -> str | None:
        """The app a loopback path's secret was made for (compared in constant time)."""
        with self._lock:
            known = list(self._secrets.items())
        return next((plugin for s, plugin in known if hmac.compare_digest(s, secret)), None)

    def answer(self, image: str, plugin: str) -> tuple[HTTPStatus, bytes, str]:
        """What to send for `image` asked by `plugin`: status, body and media type."""
        try:
            path = image_path(image)
        except ImageRefused as exc:
            log.warning("%s: catalog image refused: %s", plugin, exc)
            return HTTPStatus.BAD_REQUEST, f"{exc}\n".encode(), "text/plain; charset=utf-8"
        try:
            body, media_type = self._fetcher(plugin)(path)
            return HTTPStatus.OK, body, check_body(body, media_type)
        except ImageRefused as exc:
            log.warning("%s: catalog image %s refused: %s", plugin, path, exc)
            return HTTPStatus.BAD_GATEWAY, f"{exc}\n".encode(), "text/plain; charset=utf-8"
        except Exception as exc:  # noqa: BLE001 - offline and never loaded, no backend link, the backend refused…
            log.info("%s: catalog image %s: %s", plugin, path, exc)
            return HTTPStatus.BAD_GATEWAY, f"{exc}\n".encode(), "text/plain; charset=utf-8"

    def close(self) -> None:
        with self._lock:
            servers = [(s, t) for s, t, _ in self._sockets.values()]
            paths = [p for _, _, p in self._sockets.values()]
            if self._tcp is not None:
                servers.append(self._tcp)
            self._tcp, self._sockets = None, {}
        for server, thread in servers:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
        for path in paths:
            path.unlink(missing_ok=True)


class _TcpServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # QML dropped an image it no longer shows
            return
        super().handle_error(request, client_address)


class _UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    handle_error = _TcpServer.handle_error


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "HeadUnitImages/1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        images: CloudImageServer = self.server.images  # type: ignore[attr-defined]
        found = self._asked(images)
        if found is None:
            self._send(HTTPStatus.FORBIDDEN, b"not an address this shell gave out\n", "text/plain; charset=utf-8")
            return
        self._send(*images.answer(*found))

    def _asked(self, images: CloudImageServer) -> tuple[str, str] | None:
        """(image, plugin) for `/<secret>/<image>`; None for an unknown secret."""
        secret, _, image = self.path[1:].partition("/")
        plugin = images.owner(secret)
        return (image, plugin) if plugin is not None else None

    def _send(self, status: HTTPStatus, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # the sync client's cache is the one that counts
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's naming)
        log.debug("%s " + format, self.address_string(), *args)


class _UnixHandler(_Handler):
    """A sandboxed plugin's own socket: whatever it asks for is its own."""

    def _asked(self, images: CloudImageServer) -> tuple[str, str] | None:
        return self.path[1:], self.server.plugin  # type: ignore[attr-defined]

    def address_string(self) -> str:
        return "unix socket"


class CloudImageSockets:
    """For the sandbox: a plugin with `network` gets its own image socket, bound in as IMAGE_SOCKET."""

    def __init__(self, cloud: Cloud) -> None:
        self._cloud = cloud

    def sandbox_binds(self, manifest):
        from headunit.sandbox.bwrap import Binds
        from headunit.sandbox.process import runtime_dir

        if "network" not in manifest.capabilities:
            return Binds()
        socket = runtime_dir() / f"images-{manifest.id}"
        return Binds({IMAGE_SOCKET: self._cloud.images.listen_unix(socket, manifest.id)})


#: The image socket's name in a sandboxed plugin's runtime folder.
IMAGE_SOCKET = "images"
