"""VehicleSources: starts the configured sources, feeds their readings to VehicleState on the GUI thread,
and tells the shell which are alive and which one a missing driving signal should have come from."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from headunit.vehicle.sources.base import Source, SpecError
from headunit.vehicle.state import VehicleState

log = logging.getLogger(__name__)


class FailedSource:
    """A spec that could not be made into a source: listed with its error, never alive."""

    kind = ""
    provides: tuple[str, ...] = ()
    alive = False

    def __init__(self, spec: str, error: str):
        self.spec, self.error = spec, error
        self.kind = spec.partition(":")[0]

    def status(self) -> dict[str, object]:
        return {"spec": self.spec, "kind": self.kind, "provides": [], "alive": False, "error": self.error,
                "age": None, "description": f"{self.spec} (not usable)"}


class VehicleSources(QObject):
    """The car's sources, started together; `statusChanged` when one comes or goes."""

    statusChanged = Signal()

    def __init__(self, vehicle: VehicleState, specs: Iterable[str] = (), parent: QObject | None = None):
        super().__init__(parent)
        self._vehicle = vehicle
        self.sources: list[Source | FailedSource] = []
        for spec in specs:
            self.add(spec)

    def add(self, spec: str) -> Source | None:
        """Make the source `spec` names; one that cannot be made is kept as failed (and logged), not raised:
        a car with a bad line in its config still starts, failing closed."""
        from headunit.vehicle.sources.registry import create

        try:
            source = create(spec)
        except SpecError as exc:
            log.error("%s", exc)
            self.sources.append(FailedSource(spec, str(exc)))
            return None
        taken = {name for other in self.running() for name in other.provides}
        for name in taken.intersection(source.provides):
            log.warning("%s: %s also comes from another source; the latest reading wins", spec, name)
        source.setParent(self)
        # Queued: readings are emitted on the sources' own threads, VehicleState lives on the GUI thread.
        source.readings.connect(self._publish, Qt.ConnectionType.QueuedConnection)
        source.statusChanged.connect(self.statusChanged, Qt.ConnectionType.QueuedConnection)
        self.sources.append(source)
        return source

    def running(self) -> list[Source]:
        return [s for s in self.sources if isinstance(s, Source)]

    @Slot(dict)
    def _publish(self, readings: dict) -> None:
        try:
            self._vehicle.publish(**readings)
        except (KeyError, TypeError, ValueError) as exc:  # a source's bug must not end the shell's event loop
            log.error("vehicle source sent a reading that cannot be used: %s (%r)", exc, readings)

    def start(self, driving=None) -> None:
        """Start every source (again, if stopped); `driving` (DrivingState) learns what to name when a
        signal goes missing."""
        if driving is not None:
            driving.set_source_labels(self.labels())
        for source in self.running():
            source.start()

    def stop(self) -> None:
        for source in self.running():
            source.stop()

    def provided(self) -> set[str]:
        return {name for source in self.running() for name in source.provides}

    def labels(self) -> dict[str, str]:
        """reading -> the key naming its source in the status bar ("gps", "brake"…), for each reading a
        source provides (the first source configured for it)."""
        labels: dict[str, str] = {}
        for source in self.running():
            for name in source.provides:
                labels.setdefault(name, source.label(name))
        return labels

    def status(self) -> list[dict[str, object]]:
        """One dict per configured source: spec, kind, provides, alive, error, age (s or None), description."""
        return [source.status() for source in self.sources]



def from_config(vehicle: VehicleState) -> VehicleSources:
    """The sources vehicle.toml lists (not started); none, logged, if the file cannot be used: fail closed."""
    from headunit.vehicle.sources.config import ConfigError, configured

    try:
        specs = configured().specs
    except ConfigError as exc:
        log.error("%s", exc)
        specs = ()
    return VehicleSources(vehicle, specs)
