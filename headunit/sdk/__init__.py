"""The public plugin API (API 1). Plugins import from here and nowhere else in `headunit`.

See docs/plugin-guide.md.
"""

from headunit import API_VERSION
from headunit.host.context import CAPABILITIES, PluginContext, VehicleReader
from headunit.host.errors import HeadUnitError, IntentError, PermissionDenied
from headunit.host.plugin import Plugin

__all__ = [
    "API_VERSION",
    "CAPABILITIES",
    "HeadUnitError",
    "IntentError",
    "PermissionDenied",
    "Plugin",
    "PluginContext",
    "VehicleReader",
]
