"""PluginSettings: each plugin's settings, as its manifest declares them (key, type, choices, default).

Values live in the shell's Settings; a key or value the manifest does not allow is refused before anything is
stored. `on_changed` tells the host, which tells the running plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from headunit.host.manifest import Setting
    from headunit.host.registry import PluginRegistry
    from headunit.shell.settings import Settings


class PluginSettings:
    def __init__(self, registry: "PluginRegistry", settings: "Settings",
                 on_changed: Callable[[str, str], None] = lambda key, setting_key: None):
        self._registry, self._settings = registry, settings
        #: Called after a plugin's setting changed: the plugin's key and the setting's.
        self.on_changed = on_changed

    def value(self, key: str, setting_key: str) -> Any:
        """The stored value, or the manifest's default."""
        setting = self._declared(key, setting_key)
        return self._settings.plugin_values(key).get(setting_key, setting.default)

    def set(self, key: str, setting_key: str, value: Any) -> None:
        setting = self._declared(key, setting_key)
        if setting.type == "bool":
            value = bool(value)
        elif value not in setting.choices:
            raise ValueError(f"{key}: setting {setting_key!r}: expected one of {setting.choices}, got {value!r}")
        self._settings.set_plugin_value(key, setting_key, value)
        self.on_changed(key, setting_key)

    def _declared(self, key: str, setting_key: str) -> "Setting":
        manifest = self._registry[key].manifest
        assert manifest is not None  # a plugin with settings was registered from its manifest
        setting = next((s for s in manifest.settings if s.key == setting_key), None)
        if setting is None:
            raise KeyError(f"{manifest.path}: settings: no setting {setting_key!r}")
        return setting
