"""The user's settings: display, units, language and which plugins are disabled.

Kept as JSON in the config folder, written atomically off the GUI thread a moment after the last change.
"""

from __future__ import annotations

import json
import logging
import os
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "de": "Deutsch", "zh_CN": "简体中文"}

DEFAULTS: dict[str, Any] = {
    "themeMode": "auto",  # auto, day or night
    "brightness": 1.0,  # 0.1 to 1.0
    "distanceUnit": "km",  # km or mi
    "temperatureUnit": "C",  # C or F
    "clock24h": True,
    "language": "en",
}
ALLOWED: dict[str, tuple] = {
    "themeMode": ("auto", "day", "night"),
    "distanceUnit": ("km", "mi"),
    "temperatureUnit": ("C", "F"),
    "language": tuple(LANGUAGES),
}


def _setting_property(key: str, notify: Signal) -> Property:
    kind = type(DEFAULTS[key])
    return Property(kind, lambda self: self._values[key], lambda self, v: self.set(key, v), notify=notify, final=True)


@QmlElement
@QmlSingleton
class Settings(QObject):
    create = singleton_of("settings")

    changed = Signal()
    pluginsChanged = Signal()

    def __init__(self, path: Path | None, executor: Executor | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._path, self._executor = path, executor
        self._values = dict(DEFAULTS)
        self._disabled: set[str] = set()
        self._plugin_values: dict[str, dict[str, Any]] = {}
        self._load()
        self._save_timer = QTimer(self, singleShot=True, interval=300)
        self._save_timer.timeout.connect(self.save)

    def _load(self) -> None:
        if not (self._path and self._path.exists()):
            return
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            # Keep the damaged file for inspection and start from defaults rather than refuse to start.
            log.warning("%s: unreadable settings (%s); kept as %s.bad, using defaults", self._path, exc, self._path.name)
            self._path.replace(self._path.with_suffix(".json.bad"))
            return
        for key, value in data.get("shell", {}).items():
            if key in DEFAULTS and self._valid(key, value):
                self._values[key] = value
        self._disabled = set(data.get("disabledPlugins", []))
        self._plugin_values = data.get("plugins", {})

    @staticmethod
    def _valid(key: str, value: Any) -> bool:
        if type(value) is not type(DEFAULTS[key]) and not (isinstance(DEFAULTS[key], float) and isinstance(value, int)):
            return False
        return value in ALLOWED.get(key, (value,))

    def _snapshot(self) -> str:
        return json.dumps(
            {"shell": self._values, "disabledPlugins": sorted(self._disabled), "plugins": self._plugin_values},
            indent=2, ensure_ascii=False,
        )

    @Slot()
    def save(self) -> None:
        self._save_timer.stop()  # this write supersedes a pending one
        if not self._path:
            return
        text, path = self._snapshot(), self._path
        if self._executor:
            self._executor.submit(_write_atomically, path, text)
        else:
            _write_atomically(path, text)

    def _changed(self) -> None:
        self._save_timer.start()

    @Slot(str, "QVariant")
    def set(self, key: str, value: Any) -> None:
        if key == "brightness":
            value = min(1.0, max(0.1, float(value)))
        if key not in DEFAULTS or not self._valid(key, value):
            raise ValueError(f"setting {key!r}: {value!r} is not allowed")
        if self._values[key] != value:
            self._values[key] = value
            self.changed.emit()
            self._changed()

    def get(self, key: str) -> Any:
        return self._values[key]

    for _key in DEFAULTS:
        vars()[_key] = _setting_property(_key, changed)
    del _key

    @Property("QVariantList", constant=True, final=True)
    def languages(self) -> list:
        return [{"code": code, "name": name} for code, name in LANGUAGES.items()]

    # Plugins

    def is_disabled(self, plugin_id: str) -> bool:
        return plugin_id in self._disabled

    def set_disabled(self, plugin_id: str, disabled: bool) -> None:
        if disabled != (plugin_id in self._disabled):
            (self._disabled.add if disabled else self._disabled.discard)(plugin_id)
            self.pluginsChanged.emit()
            self._changed()

    def plugin_values(self, plugin_id: str) -> dict[str, Any]:
        return dict(self._plugin_values.get(plugin_id, {}))

    def set_plugin_value(self, plugin_id: str, key: str, value: Any) -> None:
        values = self._plugin_values.setdefault(plugin_id, {})
        if values.get(key) != value:
            values[key] = value
            self.pluginsChanged.emit()
            self._changed()


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)
