"""Services: the shell's services a plugin's context may reach, gathered in one place.

The runtime builds it once and hands it to the plugin host; each `PluginContext` reads its services from it.
A new service for plugins is a field here and a property on the context, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.host.packages_access import PackageDesk
    from headunit.shell.audio import AudioFocus, Speech
    from headunit.shell.cloud import Cloud
    from headunit.shell.maps import Maps
    from headunit.shell.media import MediaLibrary, TunerProvider
    from headunit.shell.navigation import Navigation
    from headunit.shell.notifications import Notifications
    from headunit.shell.payments import PairingDesk, PaymentDesk
    from headunit.shell.settings import Settings
    from headunit.shell.weather import Weather
    from headunit.vehicle.driving import DrivingState
    from headunit.vehicle.profile import VehicleProfile
    from headunit.vehicle.restrictions import UxRestrictions
    from headunit.vehicle.state import VehicleState


@dataclass(frozen=True, eq=False)
class Services:
    """Every service is the shell's own object, shared by all plugins. Those a head unit may lack are None:
    a plugin that asks for one is told it is not available."""

    vehicle: "VehicleState"
    driving: "DrivingState"
    restrictions: "UxRestrictions"
    notifications: "Notifications"
    settings: "Settings"
    cloud: "Cloud | None" = None
    maps: "Maps | None" = None
    navigation: "Navigation | None" = None
    audio_focus: "AudioFocus | None" = None
    speech: "Speech | None" = None
    media: "MediaLibrary | None" = None
    weather: "Weather | None" = None
    tuner: "TunerProvider | None" = None
    payments: "PaymentDesk | None" = None
    pairing: "PairingDesk | None" = None
    vehicle_profile: "VehicleProfile | None" = None
    packages: "PackageDesk | None" = None
