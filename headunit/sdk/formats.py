"""Numbers as a driver reads them, in the driver's language and units (the functions behind QML's `Format`).

    from headunit.sdk import formats
    formats.distance(1200)   # "1.2 km" (de "1,2 km", zh_CN "1.2 公里")
    formats.age(300)         # "5 min ago"

Without `language=` or `unit=`, they follow the driver's settings. See headunit.shell.formats.
"""

from headunit.shell.formats import (
    MISSING, age, clock, current, degrees, distance, distance_unit, distance_value, duration, number, speed,
    speed_unit, speed_value, temperature,
)

__all__ = ["MISSING", "age", "clock", "current", "degrees", "distance", "distance_unit", "distance_value", "duration",
           "number", "speed", "speed_unit", "speed_value", "temperature"]
