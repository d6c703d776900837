"""The public plugin API (API 1). Plugins import from here and nowhere else in `headunit`.

See docs/plugin-guide.md.
"""

from headunit import API_VERSION
from headunit.host.audio_access import PluginAudio
from headunit.host.cloud_access import PluginCloud
from headunit.host.context import CAPABILITIES, PluginContext, VehicleReader
from headunit.host.errors import CloudUnavailable, HeadUnitError, IntentError, PermissionDenied, WrongThread
from headunit.host.maps_access import PluginMaps, PluginNavigation
from headunit.host.media_access import PluginMedia
from headunit.host.payments_access import PaymentHandle, PluginPayments
from headunit.host.plugin import Plugin
from headunit.host.weather_access import PluginWeather
from headunit.maps.errors import MapError, NoRoute
from headunit.maps.guidance import Guidance, GuidanceUpdate, Prompt

__all__ = [
    "API_VERSION",
    "CAPABILITIES",
    "CloudUnavailable",
    "Guidance",
    "GuidanceUpdate",
    "HeadUnitError",
    "IntentError",
    "MapError",
    "NoRoute",
    "PaymentHandle",
    "PermissionDenied",
    "Plugin",
    "PluginAudio",
    "PluginPayments",
    "PluginCloud",
    "PluginContext",
    "PluginMaps",
    "PluginMedia",
    "PluginNavigation",
    "PluginWeather",
    "Prompt",
    "VehicleReader",
    "WrongThread",
]
