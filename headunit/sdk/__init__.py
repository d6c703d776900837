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
    "Profile",
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
    "decode_vin",
    "fitment_verdict",
    "formats",
    "parse_fitment",
    "service_plan",
    "vehicle_list",
]

#: Vehicle and fitment names, imported on first use so `import headunit.sdk` at start-up does not pay for them.
_FITMENT = {
    "decode_vin": ("headunit.fitment.vin", "decode"),
    "Profile": ("headunit.fitment.rules", "Profile"),
    "fitment_verdict": ("headunit.fitment.rules", "verdict"),
    "parse_fitment": ("headunit.fitment.rules", "parse_records"),
    "service_plan": ("headunit.fitment.maintenance", "service_plan"),
    "vehicle_list": ("headunit.fitment.vehicles", "vehicle_list"),
}


def __getattr__(name: str):
    if name in _FITMENT:
        import importlib

        module, attribute = _FITMENT[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    if name == "formats":  # numbers as a driver reads them (headunit.sdk.formats)
        import importlib

        return importlib.import_module("headunit.sdk.formats")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
