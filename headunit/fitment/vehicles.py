"""The vehicle reference list a driver picks from (make → model → generation/years → variant), and the
simulated car the emulator starts with."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from headunit.fitment.rules import Profile

VEHICLES_FILE = Path(__file__).with_name("vehicles.json")


@dataclass(frozen=True)
class Variant:
    engine: str
    fuel: str
    tank_litres: float | None
    battery_kwh: float | None

    def to_json(self) -> dict:
        return {"engine": self.engine, "fuel": self.fuel, "tank_litres": self.tank_litres,
                "battery_kwh": self.battery_kwh}


@dataclass(frozen=True)
class Vehicle:
    make: str
    model: str
    generation: str | None
    years: tuple[int, int | None]
    bodies: tuple[str, ...]
    variants: tuple[Variant, ...]
    tyre_sizes: tuple[str, ...]

    @property
    def label(self) -> str:
        """"Volkswagen Golf Mk8 (2020–)"."""
        years = f"{self.years[0]}–{self.years[1] or ''}"
        return " ".join(p for p in (self.make, self.model, self.generation, f"({years})") if p)

    def covers(self, year: int) -> bool:
        return self.years[0] <= year and (self.years[1] is None or year <= self.years[1])

    def variant(self, engine: str) -> Variant | None:
        return next((v for v in self.variants if v.engine == engine), None)

    def to_json(self) -> dict:
        return {"make": self.make, "model": self.model, "generation": self.generation, "years": list(self.years),
                "bodies": list(self.bodies), "variants": [v.to_json() for v in self.variants],
                "tyre_sizes": list(self.tyre_sizes)}


@cache
def vehicle_list() -> tuple[Vehicle, ...]:
    """Every vehicle in the reference list, in the file's order (read once)."""
    import json

    data = json.loads(VEHICLES_FILE.read_text(encoding="utf-8"))
    return tuple(Vehicle(make=e["make"], model=e["model"], generation=e["generation"],
                         years=(e["years"][0], e["years"][1]), bodies=tuple(e["bodies"]),
                         variants=tuple(Variant(**v) for v in e["variants"]), tyre_sizes=tuple(e["tyre_sizes"]))
                 for e in data)


def makes() -> list[str]:
    return sorted({v.make for v in vehicle_list()})


def models(make: str) -> list[str]:
    return sorted({v.model for v in vehicle_list() if v.make == make})


def find(make: str | None = None, model: str | None = None, year: int | None = None) -> list[Vehicle]:
    """The reference vehicles matching what is known (a year picks the generation built that year)."""
    return [v for v in vehicle_list() if (make is None or v.make == make) and (model is None or v.model == model)
            and (year is None or v.covers(year))]


def profile_for(vehicle: Vehicle, variant: Variant, *, year: int, body: str | None = None,
                tyre_size: str | None = None, vin: str | None = None, odometer_km: int | None = None) -> Profile:
    """The profile a driver's picks make, with the variant's tank and battery sizes."""
    return Profile(make=vehicle.make, model=vehicle.model, year=year, engine=variant.engine, fuel=variant.fuel,
                   body=body, tyre_size=tyre_size, vin=vin, tank_litres=variant.tank_litres,
                   battery_kwh=variant.battery_kwh, odometer_km=odometer_km)


#: The emulator's default car: a 2021 Golf Mk8 1.5 eTSI hatchback.
SIMULATED_CAR = Profile(make="Volkswagen", model="Golf", year=2021, engine="1.5 eTSI", fuel="petrol",
                        body="hatchback", tyre_size="205/55 R16", vin="WVWZZZCDZMW072395", tank_litres=50,
                        battery_kwh=None, odometer_km=23_400)
