"""The car's own readings: sources (gpsd, GPIO lines, IIO sensors, OBD-II, CAN) that feed VehicleState.

`registry.create(spec)` makes a source from its spec; `VehicleSources` starts them and tells the shell which
are alive. Nothing of this package is imported before the shell's first frame.
"""
