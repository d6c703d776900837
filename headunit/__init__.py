"""HeadUnit: an open in-vehicle infotainment platform."""

__version__ = "0.1.0"

#: The plugin API major version this host implements (see docs/plugin-guide.md).
API_VERSION = 1
