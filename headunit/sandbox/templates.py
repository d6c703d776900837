"""Driving templates: what a third-party app shows while the car is not parked, drawn by the shell.

A sandboxed plugin never shows its own pixels unless the car is parked. It publishes data instead
(`ctx.templates`), and the shell draws it with its own controls under the same restrictions as its own
screens. These are the kinds, after Android Automotive's Car App Library:

| kind | fields | limits the shell applies |
|---|---|---|
| list | title, rows [{title, subtitle, icon}] | 6 rows a screen while restricted, 50 in all |
| grid | title, items [{title, subtitle, icon}] | 6 items a screen while restricted, 50 in all |
| pane | title, subtitle, icon, rows [{label, value}], actions [{id, text, icon}] | 4 rows, 2 actions |
| message | title, text, icon | the text waits until parked |
| nowPlaying | title, artist, playing, position, duration | its buttons send play-pause, previous, next |
| navigation | maneuver, distance, street, remaining, route [[lat, lon], …] | drawn over the shell's own map, which follows the car |

A home tile is a template too: title, subtitle, icon or image, up to 2 actions. The image is a file the app
ships (`plugin:art/logo.png`) or wrote to its data folder (`storage:covers/now.jpg`, with `storage`); the shell
reads it only if it is inside that folder (no '..', no symbolic link out), a PNG, JPEG or WebP of at most
MAX_IMAGE_BYTES and MAX_IMAGE_SIDE pixels a side, and shows a copy of what it read. Every string is cut to the
restriction's length by the controls that draw it. The shell validates everything it receives here,
whatever the plugin's side checked.

Depth and steps, while the car is not parked: at most MAX_DEPTH levels on the app's stack, and at most
MAX_STEPS new screens in one task, pushed or shown in place (a refresh, the same kind and title with new
content, is not a step; going back is not one). Going back to the first level, or parking, starts a new task.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from headunit.host.manifest import outside_reason

if TYPE_CHECKING:
    from headunit.sandbox.channel import PluginEnd

MAX_ROWS = 50
MAX_ROUTE_POINTS = 20_000
MAX_DEPTH = 3
MAX_STEPS = 5
MAX_IMAGE_BYTES = 4 * 1024 * 1024
#: Raster pictures only: an SVG can name further files, which the shell would then read for the plugin.
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".webp")
#: What the picture's content must be (Qt's name for its format), and the suffix its kept copy gets.
IMAGE_FORMATS = {"png": ".png", "jpeg": ".jpg", "webp": ".webp"}
#: Width and height at most: the header is read before the picture, so a small file that would decode to
#: gigabytes is refused before any memory is spent on it.
MAX_IMAGE_SIDE = 4096

_TEXT = {"type": "string", "maxLength": 500}
_ICON = {"type": "string", "pattern": r"^(mdi6\.[a-z0-9-]+)?$"}
_ROW = {"type": "object", "properties": {"title": _TEXT, "subtitle": _TEXT, "icon": _ICON},
        "required": ["title"], "additionalProperties": False}
_ACTION = {"type": "object", "properties": {"id": {"type": "string", "pattern": r"^[a-z][a-z0-9-]{0,31}$"},
                                            "text": _TEXT, "icon": _ICON},
           "required": ["id", "text"], "additionalProperties": False}


def _kind(name: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": {"kind": {"const": name}, **properties},
            "required": ["kind", *required], "additionalProperties": False}


PAGE_SCHEMA = {"oneOf": [
    _kind("list", {"title": _TEXT, "rows": {"type": "array", "items": _ROW, "maxItems": MAX_ROWS}}, ["rows"]),
    _kind("grid", {"title": _TEXT, "items": {"type": "array", "items": _ROW, "maxItems": MAX_ROWS}}, ["items"]),
    _kind("pane", {"title": _TEXT, "subtitle": _TEXT, "icon": _ICON,
                   "rows": {"type": "array", "maxItems": 4, "items": {
                       "type": "object", "properties": {"label": _TEXT, "value": _TEXT},
                       "required": ["label", "value"], "additionalProperties": False}},
                   "actions": {"type": "array", "items": _ACTION, "maxItems": 2}}, ["title"]),
    _kind("message", {"title": _TEXT, "text": _TEXT, "icon": _ICON}, ["title"]),
    _kind("nowPlaying", {"title": _TEXT, "artist": _TEXT, "playing": {"type": "boolean"},
                         "position": {"type": "number", "minimum": 0}, "duration": {"type": "number", "minimum": 0}},
              ["title"]),
    _kind("navigation", {"maneuver": {"type": "string", "pattern": r"^[a-z-]{1,32}$"}, "distance": _TEXT,
                         "street": _TEXT, "remaining": _TEXT,
                         "route": {"type": "array", "maxItems": MAX_ROUTE_POINTS, "items": {
                             "type": "array", "minItems": 2, "maxItems": 2, "prefixItems": [
                                 {"type": "number", "minimum": -90, "maximum": 90},
                                 {"type": "number", "minimum": -180, "maximum": 180}]}}},
          ["maneuver", "distance"]),
]}

TILE_SCHEMA = {"type": "object", "properties": {
    "title": _TEXT, "subtitle": _TEXT, "icon": _ICON,
    "image": {"type": "string", "pattern": r"^(plugin|storage):[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}$"},
    "actions": {"type": "array", "items": _ACTION, "maxItems": 2}},
    "required": ["title"], "additionalProperties": False}


class TemplateError(ValueError):
    """A template the shell will not draw, with the field that was wrong."""


def _validate(data: Any, schema: dict[str, Any], what: str) -> dict[str, Any]:
    import jsonschema  # only once an app publishes a template, not at the shell's start

    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or what
        raise TemplateError(f"{what}: {where}: {error.message}")
    return data


def validate_page(data: Any) -> dict[str, Any]:
    return _validate(data, PAGE_SCHEMA, "page template")


def validate_tile(data: Any) -> dict[str, Any]:
    return _validate(data, TILE_SCHEMA, "tile template")


def read_image(spec: str, plugin_folder: Path, data_folder: Path | None) -> tuple[bytes, str]:
    """The bytes of the picture a tile's `image` names and the suffix its content calls for; TemplateError if
    it is not one the shell will read. `data_folder` is None for an app without `storage`.

    The shell reads it with its own rights, once, through one descriptor: opened without following a last
    symbolic link and without blocking (a FIFO), then checked where it really is and what it really holds. The
    plugin may swap the file afterwards; the shell shows what it checked (`keep_image`)."""
    where, _, relative = spec.partition(":")
    folder = plugin_folder if where == "plugin" else data_folder
    if folder is None:
        raise TemplateError(f"tile template: image: {spec!r}: a picture in the data folder needs 'storage'")
    reason = outside_reason(folder, "tile template: image", relative)
    if reason:
        raise TemplateError(reason)
    if Path(relative).suffix.lower() not in IMAGE_TYPES:
        raise TemplateError(f"tile template: image: {spec!r}: expected a {', '.join(IMAGE_TYPES)} file")
    data = _read_inside(folder, relative, spec)
    from PySide6.QtCore import QBuffer, QByteArray
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    suffix = IMAGE_FORMATS.get(bytes(reader.format().data()).decode("ascii", "replace"))
    if suffix is None:
        raise TemplateError(f"tile template: image: {spec!r}: expected a PNG, JPEG or WebP picture")
    dimensions = reader.size()  # the header only
    if not dimensions.isValid() or max(dimensions.width(), dimensions.height()) > MAX_IMAGE_SIDE:
        raise TemplateError(f"tile template: image: {spec!r}: expected a picture of at most "
                            f"{MAX_IMAGE_SIDE}×{MAX_IMAGE_SIDE} pixels")
    return data, suffix


def _read_inside(folder: Path, relative: str, spec: str) -> bytes:
    too_big = TemplateError(f"tile template: image: {spec!r}: expected a file of at most "
                            f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB")
    try:
        fd = os.open(folder / relative, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise TemplateError(f"tile template: image: {spec!r} is missing") from None
    except OSError as exc:  # ELOOP: a symbolic link put there since the path was checked
        raise TemplateError(f"tile template: image: {spec!r} cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        # Where the descriptor really leads: a folder on the way may have become a symbolic link meanwhile.
        if not Path(os.readlink(f"/proc/self/fd/{fd}")).is_relative_to(folder.resolve()):
            raise TemplateError(f"tile template: image: {spec!r}: expected a file inside the app's folder")
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):  # a FIFO, a device, a folder
            raise TemplateError(f"tile template: image: {spec!r}: expected a regular file")
        if status.st_size > MAX_IMAGE_BYTES:
            raise too_big
        data = file.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:  # it grew after fstat
        raise too_big
    return data


def keep_image(data: bytes, suffix: str, folder: Path) -> Path:
    """The checked picture, kept in `folder` (the shell's, out of every sandbox) for QML to read, in place of
    the app's earlier ones: what the shell shows is what it checked, whatever the app does to its file."""
    import hashlib  # OpenSSL's 4 MB, only once a tile has a picture

    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{hashlib.sha256(data).hexdigest()[:24]}{suffix}"
    if not kept.exists():
        partial = kept.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(kept)
    for other in folder.iterdir():
        if other != kept:
            other.unlink(missing_ok=True)
    return kept


def is_step(before: dict[str, Any] | None, after: dict[str, Any]) -> bool:
    """Whether showing `after` where `before` was is a new screen. The app's first screen starts the task and a
    refresh keeps the kind and the title: neither is a step."""
    return before is not None and (before.get("kind"), before.get("title")) != (after.get("kind"), after.get("title"))


class Templates(QObject):
    """`ctx.templates`: what the shell draws for this app while the car is not parked, and its home tile.

    Every call replaces what the shell shows; the shell validates and draws it with its own controls.
    `actionTriggered(slot, action, index)` tells which row or action the driver tapped: slot is "page" or
    "tile", action an action's id (or "row" for a row or item), index the row's."""

    actionTriggered = Signal(str, str, int)

    def __init__(self, channel: PluginEnd | None, parent: QObject | None = None):
        super().__init__(parent)
        self._channel = channel
        # Checked here only when they cross to the shell: in the shell's own process (a built-in app) nothing
        # is drawn from them, and the check would load a JSON Schema validator (~9 MB) at every start.
        # The built-in apps' tests validate what they publish.
        self._page = validate_page if channel is not None else dict
        self._tile = validate_tile if channel is not None else dict
        self.page_stack: list[dict[str, Any]] = []
        self.tile_data: dict[str, Any] | None = None

    def show(self, kind: str, **fields: Any) -> None:
        """Replace the template on top (or show the first): `show("list", title=..., rows=[...])`."""
        template = self._page({"kind": kind, **fields})
        self.page_stack[-1:] = [template]
        self._send()

    def push(self, kind: str, **fields: Any) -> None:
        """Open a deeper level (a row's detail); the shell refuses more than three levels while driving."""
        template = self._page({"kind": kind, **fields})
        if self._channel is not None:
            self._channel.call("templates.push", {"template": template}).result(30)
        self.page_stack.append(template)

    def pop(self) -> None:
        if len(self.page_stack) > 1:
            self.page_stack.pop()
            self._send()

    def tile(self, title: str, subtitle: str = "", icon: str = "", actions: list[dict[str, str]] = (),
             image: str = "") -> None:
        """The home tile: a title, a subtitle, an icon (`mdi6.<name>`) or an image (`plugin:<file>` in the plugin
        folder, `storage:<file>` in its data folder), and up to 2 actions ({id, text, icon})."""
        data: dict[str, Any] = {"title": title, "subtitle": subtitle, "icon": icon, "actions": list(actions)}
        if image:
            data["image"] = image
        self.tile_data = self._tile(data)
        if self._channel is not None:
            self._channel.notify("templates.tile", {"template": self.tile_data})

    def _send(self) -> None:
        if self._channel is not None:
            self._channel.notify("templates.page", {"stack": self.page_stack})
