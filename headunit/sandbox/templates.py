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

A home tile is a template too: title, subtitle, icon, up to 2 actions. Every string is cut to the
restriction's length by the controls that draw it. The shell validates everything it receives here,
whatever the plugin's side checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from headunit.sandbox.channel import PluginEnd

MAX_ROWS = 50
MAX_ROUTE_POINTS = 20_000
MAX_DEPTH = 3

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

    def tile(self, title: str, subtitle: str = "", icon: str = "", actions: list[dict[str, str]] = ()) -> None:
        """The home tile: a title, a subtitle, an icon (`mdi6.<name>`) and up to 2 actions ({id, text, icon})."""
        self.tile_data = self._tile({"title": title, "subtitle": subtitle, "icon": icon, "actions": list(actions)})
        if self._channel is not None:
            self._channel.notify("templates.tile", {"template": self.tile_data})

    def _send(self) -> None:
        if self._channel is not None:
            self._channel.notify("templates.page", {"stack": self.page_stack})
