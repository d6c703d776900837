"""The public plugin API (API 1). Plugins import from here and nowhere else in `headunit`.

See docs/plugin-guide.md.
"""

from headunit import API_VERSION
from headunit.host.context import CAPABILITIES, PluginContext, VehicleReader
from headunit.host.cloud_access import PluginCloud
from headunit.host.errors import CloudUnavailable, HeadUnitError, IntentError, PermissionDenied
from headunit.host.plugin import Plugin

__all__ = [
    "API_VERSION",
    "CAPABILITIES",
    "CloudUnavailable",
    "HeadUnitError",
    "IntentError",
    "PermissionDenied",
    "Plugin",
    "PluginCloud",
    "PluginContext",
    "VehicleReader",
]
