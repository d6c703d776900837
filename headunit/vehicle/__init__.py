"""Vehicle state: one service for every reading the car gives, and the sources that feed it."""

from headunit.vehicle.driving import DrivingState
from headunit.vehicle.state import GEARS, READINGS, VehicleState

__all__ = ["GEARS", "READINGS", "DrivingState", "VehicleState"]
