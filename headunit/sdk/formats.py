"""Numbers as a driver reads them, in the driver's language and units (the functions behind QML's `Format`).

Without `language=` or `unit=`, they follow the driver's settings; given, they say what is asked for:

>>> from headunit.sdk import formats
>>> formats.distance(1200, language="en", unit="km")
'1.2 km'
>>> formats.distance(1200, language="de", unit="km")
'1,2 km'
>>> formats.distance(1200, language="en", unit="mi")
'0.7 mi'
>>> formats.age(300, language="en")
'5 min ago'
>>> formats.duration(3900, language="en")
'1 h 05 min'

Implemented in headunit.shell.formats.
"""

from headunit.shell.formats import (
    MISSING, age, clock, current, degrees, distance, distance_unit, distance_value, duration, number, speed,
    speed_unit, speed_value, temperature,
)

__all__ = ["MISSING", "age", "clock", "current", "degrees", "distance", "distance_unit", "distance_value", "duration",
           "number", "speed", "speed_unit", "speed_value", "temperature"]
