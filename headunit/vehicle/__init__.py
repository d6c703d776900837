"""Vehicle state: one service for every reading the car gives, and the sources that feed it; and the car's
profile (make, model, tyres, odometer)."""

from headunit.vehicle.driving import DrivingState
from headunit.vehicle.profile import VehicleProfile, VehicleProfileView
from headunit.vehicle.state import GEARS, READINGS, VehicleState

__all__ = ["GEARS", "READINGS", "DrivingState", "VehicleProfile", "VehicleProfileView", "VehicleState"]
