"""`image://cloud/…`: catalog images for any app's QML, fetched by the shell with the device's token.

The backend serves catalog images only to a registered device (`Authorization: Bearer <token>`). The token
must never reach QML: a page could show it, log it or send it anywhere. So QML names an image by its path
alone, `image://cloud/v1/catalog/images/<name>`, and this provider fetches it through the sync client, whose
transport adds the token below the HTTP cache. The bytes come from that cache: fresh when the backend
answers, the cached copy when it does not; an image never loaded and out of reach is an error.

Only `/v1/catalog/images/<name>` is served (`image_path`): the provider is not a way for QML to read the
account, the orders or anything else the token opens. Whatever spelling reaches it (dot segments, percent
escapes, a query, a doubled slash), anything but that exact form is refused before a request is made.

Where the bytes are counted: the shell's QML engine is shared by the shell and its built-in apps, and an
image request does not say which item asked, so their images count as the shell's traffic (`headunit` in
Settings › Apps). A sandboxed plugin's process has an engine of its own whose provider asks the shell over
its channel (`cloud.image`, capability `network`): those bytes count as that plugin's.

Memory: the provider keeps no image. QML's own pixmap cache keeps what is shown and answers repeats; here
only the requests being worked on hold their bytes (at most MAX_IMAGE_BYTES each) and their picture (at most
MAX_SIDE pixels a side), and at most WORKERS are worked on at once.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtQuick import QQuickAsyncImageProvider, QQuickImageResponse, QQuickTextureFactory

if TYPE_CHECKING:
    from headunit.host.host import PluginRecord
    from headunit.shell.cloud import Cloud

log = logging.getLogger(__name__)

#: The provider's name in QML: `image://cloud/…`.
PROVIDER = "cloud"
#: The only backend paths served.
IMAGE_PATH = re.compile(r"/v1/catalog/images/[A-Za-z0-9._-]{1,100}")
#: The largest image body fetched (2 MiB; base64-encoded it still fits the sandbox channel's 4 MiB message).
MAX_IMAGE_BYTES = 2 * 1024 * 1024
#: The largest picture made, in pixels a side (a larger sourceSize is scaled down to it, keeping the ratio).
MAX_SIDE = 2048
#: The largest raster image decoded, in pixels a side, before scaling (against decompression bombs).
MAX_DECODED_SIDE = 8192
#: Images worked on at once.
WORKERS = 2

#: `fetch(path) -> (body, media type)`: the bytes of an allowed backend path, or an exception saying why not.
Fetch = Callable[[str], tuple[bytes, str]]


class ImageRefused(ValueError):
    """A request the provider does not make, or a body it does not show: the message says why."""


def image_path(image_id: str) -> str:
    """The backend path that `image_id` (what follows `image://cloud/`) names; ImageRefused if it is not
    exactly `/v1/catalog/images/<name>`, name 1 to 100 of `A-Z a-z 0-9 . _ -` and not starting with a dot."""
    if not isinstance(image_id, str):
        raise ImageRefused(f"expected a path, got {type(image_id).__name__}")
    if len(image_id) > 200:
        raise ImageRefused(f"a path of {len(image_id)} characters (at most 200)")
    for mark, what in (("%", "a percent escape"), ("?", "a query"), ("#", "a fragment"), ("\\", "a backslash")):
        if mark in image_id:
            raise ImageRefused(f"{what} in {image_id[:120]!r}")
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in image_id):
        raise ImageRefused(f"a space or control character in {image_id[:120]!r}")
    path = "/" + image_id  # QML's image://cloud/v1/… reaches the provider as v1/…
    if "//" in path:
        raise ImageRefused(f"a doubled slash in {image_id[:120]!r}")
    if any(segment in (".", "..") for segment in path.split("/")):
        raise ImageRefused(f"a dot segment in {image_id[:120]!r}")
    if not IMAGE_PATH.fullmatch(path):
        raise ImageRefused(f"{image_id[:120]!r} is not a catalog image: only /v1/catalog/images/<name> is served")
    if path.rpartition("/")[2].startswith("."):
        raise ImageRefused(f"an image name starting with a dot in {image_id[:120]!r}")
    return path


def fitted(natural: QSize, requested: QSize) -> QSize:
    """The size to draw a `natural`-sized image at for QML's `sourceSize` `requested`: inside it when both
    sides are given, to the one side given otherwise, its own size without one; the ratio kept, at most
    MAX_SIDE a side."""
    width, height = natural.width(), natural.height()
    if width <= 0 or height <= 0:
        raise ImageRefused("the image has no size")
    wanted_w, wanted_h = requested.width(), requested.height()
    if wanted_w > 0 and wanted_h > 0:
        scale = min(wanted_w / width, wanted_h / height)
    elif wanted_w > 0:
        scale = wanted_w / width
    elif wanted_h > 0:
        scale = wanted_h / height
    else:
        scale = 1.0
    scale = min(scale, MAX_SIDE / max(width, height))
    return QSize(max(1, round(width * scale)), max(1, round(height * scale)))


def render(body: bytes, media_type: str, requested: QSize) -> QImage:
    """The picture in `body`: SVG drawn at the size asked for, PNG or JPEG decoded (and scaled to it)."""
    if not body:
        raise ImageRefused("an empty body")
    if media_type == "image/svg+xml" or (not media_type and body.lstrip()[:5] in (b"<svg ", b"<?xml")):
        return _render_svg(body, requested)
    if media_type in ("image/png", "image/jpeg"):
        return _decode_raster(body, requested)
    raise ImageRefused(f"a body of type {media_type or 'unknown'!r}, not SVG, PNG or JPEG")


def _render_svg(body: bytes, requested: QSize) -> QImage:
    from PySide6.QtSvg import QSvgRenderer  # only once a catalog image is shown

    renderer = QSvgRenderer(QByteArray(body))
    if not renderer.isValid():
        raise ImageRefused("not a valid SVG image")
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    size = fitted(renderer.defaultSize(), requested)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        renderer.render(painter)
    finally:
        painter.end()
    return image


def _decode_raster(body: bytes, requested: QSize) -> QImage:
    data = QByteArray(body)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    natural = reader.size()
    if not natural.isValid():
        raise ImageRefused(f"not a readable image: {reader.errorString()}")
    if max(natural.width(), natural.height()) > MAX_DECODED_SIDE:
        raise ImageRefused(f"an image of {natural.width()}x{natural.height()} pixels "
                           f"(at most {MAX_DECODED_SIDE} a side)")
    size = fitted(natural, requested)
    if size != natural:
        reader.setScaledSize(size)
    image = reader.read()
    if image.isNull():
        raise ImageRefused(f"not a readable image: {reader.errorString()}")
    return image


class CloudImageResponse(QQuickImageResponse):
    """One request's answer: the picture, or the reason QML's Image shows status Error."""

    def __init__(self) -> None:
        super().__init__()
        self._image: QImage | None = None
        self._error = ""
        self.cancelled = threading.Event()

    def cancel(self) -> None:
        self.cancelled.set()  # QML no longer wants it: the work not started yet is skipped

    def errorString(self) -> str:
        return self._error

    def textureFactory(self) -> QQuickTextureFactory | None:
        image, self._image = self._image, None  # QML's cache keeps it from here on, not this response
        return QQuickTextureFactory.textureFactoryForImage(image) if image is not None else None

    def finish(self, image: QImage | None, error: str) -> None:
        self._image, self._error = image, error
        try:
            self.finished.emit()
        except RuntimeError:  # the engine went away meanwhile, and deleted this response with it
            pass


class CloudImageProvider(QQuickAsyncImageProvider):
    """`image://cloud/v1/catalog/images/<name>`: the GUI thread never waits; the work runs on WORKERS threads."""

    def __init__(self, fetch: Fetch, *, workers: int = WORKERS) -> None:
        super().__init__()
        self._fetch = fetch
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cloud-images")

    def requestImageResponse(self, image_id: str, requested: QSize) -> QQuickImageResponse:
        response = CloudImageResponse()
        try:
            self._pool.submit(self._load, response, image_id, QSize(requested))
        except RuntimeError:  # shutting down: never hand Qt no response
            response.finish(None, f"image://cloud/{image_id[:120]}: the shell is shutting down")
        return response

    def _load(self, response: CloudImageResponse, image_id: str, requested: QSize) -> None:
        image, error = None, ""
        try:
            if response.cancelled.is_set():
                error = "cancelled"
            else:
                path = image_path(image_id)
                body, media_type = self._fetch(path)
                if len(body) > MAX_IMAGE_BYTES:
                    raise ImageRefused(f"a body of {len(body)} bytes (at most {MAX_IMAGE_BYTES})")
                image = render(body, media_type, requested)
        except ImageRefused as exc:
            error = f"image://cloud/{image_id[:120]}: {exc}"
            log.warning("%s", error)
        except Exception as exc:  # noqa: BLE001 - offline and never loaded, no backend link, the shell refused…
            error = f"image://cloud/{image_id[:120]}: {exc}"
            log.info("%s", error)
        response.finish(image, error)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def install(engine: Any, fetch: Fetch) -> CloudImageProvider:
    """Register the provider as `image://cloud` in `engine` (which owns it from then on)."""
    provider = CloudImageProvider(fetch)
    close = provider.close  # bound now: the engine deletes the provider's C++ side with itself
    engine.addImageProvider(PROVIDER, provider)
    engine.destroyed.connect(close)
    return provider


def cloud_fetcher(cloud: Cloud, plugin: str) -> Fetch:
    """Fetch through the shell's sync client, counting the bytes as `plugin`'s (Settings › Apps)."""

    def fetch(path: str) -> tuple[bytes, str]:
        client = cloud.opened_client()  # waits on this worker while the profile's database opens
        if client is None:
            raise LookupError(cloud.error or "no backend link")
        reading = client.get_bytes(path, plugin=plugin, max_bytes=MAX_IMAGE_BYTES)
        return reading.content, reading.content_type

    return fetch


def channel_fetcher(channel: Any) -> Fetch:
    """In a sandboxed plugin's process: ask the shell, which checks the path and the plugin's `network`."""
    from headunit.sandbox.remote import call

    def fetch(path: str) -> tuple[bytes, str]:
        answer = call(channel, "cloud.image", image=path[1:])  # as QML names it, after image://cloud/
        return base64.b64decode(answer["content"], validate=True), str(answer["type"])

    return fetch


class CloudImageCalls:
    """The shell's side of `cloud.image`: a sandboxed plugin's image, fetched for it, checked here."""

    def __init__(self, record: Callable[[str], PluginRecord], cloud: Cloud) -> None:
        self._record, self._cloud = record, cloud

    def _call_cloud_image(self, key: str, params: dict[str, Any]) -> Any:
        from headunit.host.errors import PermissionDenied
        from headunit.sandbox.service import OnIoThread

        if "network" not in self._record(key).manifest.capabilities:
            raise PermissionDenied(key, "network", "image://cloud")
        try:
            path = image_path(params.get("image"))  # the allow-list applies whatever the plugin's side checked
        except ImageRefused as exc:
            log.warning("plugin %s: image://cloud refused: %s", key, exc)
            raise
        fetch = cloud_fetcher(self._cloud, plugin=key)

        def load() -> dict[str, str]:
            body, media_type = fetch(path)
            return {"content": base64.b64encode(body).decode("ascii"), "type": media_type}

        return OnIoThread(load)
