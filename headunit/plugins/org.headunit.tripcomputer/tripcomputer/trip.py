"""A trip: distance and driving time accumulated from speed samples. Pure Python, no Qt."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Trip:
    distance_m: float = 0.0
    driving_s: float = 0.0

    @property
    def average_kmh(self) -> float:
        """Distance over driving time; 0 before the car has driven."""
        return self.distance_m / self.driving_s * 3.6 if self.driving_s > 0 else 0.0

    def add(self, seconds: float, speed_kmh: float, driving: bool) -> None:
        """Account for `seconds` at `speed_kmh`. Time counts only while `driving` (not parked)."""
        if seconds <= 0 or not driving:
            return
        self.driving_s += seconds
        self.distance_m += max(0.0, speed_kmh) / 3.6 * seconds
