"""The user's settings: display, units, language and which plugins are disabled.

Brightness is remembered per palette: `brightness` reads and writes the value of the palette on screen
(dayBrightness or nightBrightness), so the night keeps its own dimmer step (DayNight says which is on).

Kept as JSON in the config folder, written atomically off the GUI thread a moment after the last change.
"""

from __future__ import annotations

import json
import logging
import os
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: Each language by its own name. Plain "en" is British English (km, °C, 24 h); "en_US" has US units.
LANGUAGES = {"en": "English (UK)", "en_US": "English (US)", "de": "Deutsch", "zh_CN": "简体中文"}
#: Units and clock that follow the language's region until the driver chooses otherwise; only such a choice
#: (an override) is stored.
REGIONAL_KEYS = ("distanceUnit", "temperatureUnit", "clock24h")

BRIGHTNESS_KEYS = ("dayBrightness", "nightBrightness")
BRIGHTNESS_RANGE = (0.1, 1.0)

DEFAULTS: dict[str, Any] = {
    "themeMode": "auto",  # auto, day or night
    "dayBrightness": 1.0,  # 0.1 to 1.0
    "nightBrightness": 0.6,  # 0.1 to 1.0: dimmer by default, so the screen does not glare at night
    "distanceUnit": "km",  # km or mi
    "temperatureUnit": "C",  # C or F
    "clock24h": True,
    "language": "en",
    "musicFolders": [],  # folders the music library scans besides the music folder and USB sticks
    "developer_mode": False,  # install plugins signed by a trusted developer key alone (docs/package-format.md)
}
ALLOWED: dict[str, tuple] = {
    "themeMode": ("auto", "day", "night"),
    "distanceUnit": ("km", "mi"),
    "temperatureUnit": ("C", "F"),
    "language": tuple(LANGUAGES),
}


def locale_name(language: str) -> str:
    """The QLocale name for a language setting: its region's conventions (plain "en" is en_GB)."""
    return "en_GB" if language == "en" else language


def regional_defaults(language: str) -> dict[str, Any]:
    """distanceUnit, temperatureUnit and clock24h as the language's region has them: miles, °F and a
    12-hour clock where US customary units are used (en_US), else kilometres and °C; the clock as the
    locale writes a short time."""
    locale = QLocale(locale_name(language))
    us = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    twelve_hour = "ap" in locale.timeFormat(QLocale.FormatType.ShortFormat).lower()
    return {"distanceUnit": "mi" if us else "km", "temperatureUnit": "F" if us else "C", "clock24h": not twelve_hour}


@QmlElement
@QmlSingleton
class Settings(QObject):
    create = singleton_of("settings")

    changed = Signal()
    pluginsChanged = Signal()
    #: The current palette's brightness changed: set, or the palette switched.
    brightnessChanged = Signal()

    def __init__(self, path: Path | None, executor: Executor | None = None, parent: QObject | None = None, *,
                 forced_language: str | None = None):
        """`forced_language` (from --lang) is the language for this run; the saved one is kept, and the
        driver choosing a language in Settings ends the override."""
        super().__init__(parent)
        self._path, self._executor = path, executor
        self._forced_language = forced_language
        # Units and clock are stored only when the driver overrides the language's defaults.
        self._values = {key: value for key, value in DEFAULTS.items() if key not in REGIONAL_KEYS}
        self._disabled: set[str] = set()
        self._plugin_values: dict[str, dict[str, Any]] = {}
        self._night = False  # which palette is on screen, told by DayNight
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
        shell = data.get("shell", {})
        if "brightness" in shell and "dayBrightness" not in shell:
            shell["dayBrightness"] = shell["brightness"]  # from before brightness was kept per palette
        for key, value in shell.items():
            if key in DEFAULTS and self._valid(key, value):
                self._values[key] = float(value) if key in BRIGHTNESS_KEYS else value
        self._disabled = set(data.get("disabledPlugins", []))
        self._plugin_values = data.get("plugins", {})

    @staticmethod
    def _valid(key: str, value: Any) -> bool:
        if type(value) is not type(DEFAULTS[key]) and not (
                isinstance(DEFAULTS[key], float) and isinstance(value, int) and not isinstance(value, bool)):
            return False
        if key in BRIGHTNESS_KEYS:
            return BRIGHTNESS_RANGE[0] <= value <= BRIGHTNESS_RANGE[1]
        if isinstance(value, list):
            return all(isinstance(item, str) and item for item in value)
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
            key = self._brightness_key()
        if key in BRIGHTNESS_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = min(BRIGHTNESS_RANGE[1], max(BRIGHTNESS_RANGE[0], float(value)))
        if key not in DEFAULTS or not self._valid(key, value):
            raise ValueError(f"setting {key!r}: {value!r} is not allowed")
        if key == "language" or key in REGIONAL_KEYS:
            self._set_regional(key, value)
            return
        if self._values[key] != value:
            self._values[key] = value
            self.changed.emit()
            if key == self._brightness_key():
                self.brightnessChanged.emit()
            self._changed()

    def get(self, key: str) -> Any:
        if key == "language":
            return self._forced_language or self._values["language"]
        if key in REGIONAL_KEYS:
            return self._values.get(key, regional_defaults(self.get("language"))[key])
        return self._values[self._brightness_key() if key == "brightness" else key]

    # Language, units and clock

    def _set_regional(self, key: str, value: Any) -> None:
        shown = {k: self.get(k) for k in ("language", *REGIONAL_KEYS)}
        stored = dict(self._values)
        if key == "language":
            self._forced_language = None  # the driver's own choice ends a --lang override
            self._values[key] = value
        elif value == regional_defaults(self.get("language"))[key]:
            self._values.pop(key, None)  # back to following the language
        else:
            self._values[key] = value
        if {k: self.get(k) for k in shown} != shown:
            self.changed.emit()
        if self._values != stored:
            self._changed()

    def overridden(self, key: str) -> bool:
        """Whether the driver chose `key` (a unit or the clock) rather than following the language."""
        return key in REGIONAL_KEYS and key in self._values

    # Brightness per palette

    def _brightness_key(self) -> str:
        return BRIGHTNESS_KEYS[self._night]

    def set_night(self, night: bool) -> None:
        """Which palette is on screen (DayNight calls this): `brightness` follows it."""
        night = bool(night)
        if night != self._night:
            before = self.get("brightness")
            self._night = night
            if self.get("brightness") != before:
                self.brightnessChanged.emit()

    @Property(float, notify=brightnessChanged, final=True)
    def brightness(self) -> float:
        return self.get("brightness")

    @brightness.setter
    def brightness(self, value: float) -> None:
        self.set("brightness", value)

    # One property per setting in DEFAULTS, read and written through get() and set().

    @Property(str, notify=changed, final=True)
    def themeMode(self) -> str:
        return self.get("themeMode")

    @themeMode.setter
    def themeMode(self, value: str) -> None:
        self.set("themeMode", value)

    @Property(float, notify=changed, final=True)
    def dayBrightness(self) -> float:
        return self.get("dayBrightness")

    @dayBrightness.setter
    def dayBrightness(self, value: float) -> None:
        self.set("dayBrightness", value)

    @Property(float, notify=changed, final=True)
    def nightBrightness(self) -> float:
        return self.get("nightBrightness")

    @nightBrightness.setter
    def nightBrightness(self, value: float) -> None:
        self.set("nightBrightness", value)

    @Property(str, notify=changed, final=True)
    def distanceUnit(self) -> str:
        return self.get("distanceUnit")

    @distanceUnit.setter
    def distanceUnit(self, value: str) -> None:
        self.set("distanceUnit", value)

    @Property(str, notify=changed, final=True)
    def temperatureUnit(self) -> str:
        return self.get("temperatureUnit")

    @temperatureUnit.setter
    def temperatureUnit(self, value: str) -> None:
        self.set("temperatureUnit", value)

    @Property(bool, notify=changed, final=True)
    def clock24h(self) -> bool:
        return self.get("clock24h")

    @clock24h.setter
    def clock24h(self, value: bool) -> None:
        self.set("clock24h", value)

    @Property(str, notify=changed, final=True)
    def language(self) -> str:
        return self.get("language")

    @language.setter
    def language(self, value: str) -> None:
        self.set("language", value)

    @Property("QVariantList", notify=changed, final=True)
    def musicFolders(self) -> list[str]:
        return self.get("musicFolders")

    @musicFolders.setter
    def musicFolders(self, value: list[str]) -> None:
        self.set("musicFolders", value)

    @Property(bool, notify=changed, final=True)
    def developer_mode(self) -> bool:
        return self.get("developer_mode")

    @developer_mode.setter
    def developer_mode(self, value: bool) -> None:
        self.set("developer_mode", value)

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
