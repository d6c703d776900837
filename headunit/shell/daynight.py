"""Chooses the day or night palette: by hand, or automatically from the headlights."""

from __future__ import annotations

from PySide6.QtCore import QObject

from headunit.shell.settings import Settings
from headunit.shell.theme import Theme
from headunit.vehicle.state import VehicleState


class DayNight(QObject):
    def __init__(self, theme: Theme, settings: Settings, vehicle: VehicleState, *, forced: bool | None = None,
                 parent: QObject | None = None):
        """`forced` fixes night (True) or day (False) for this run without touching the user's setting."""
        super().__init__(parent)
        self._theme, self._settings, self._vehicle, self._forced = theme, settings, vehicle, forced
        settings.changed.connect(self.update)
        vehicle.headlightsChanged.connect(self.update)
        self.update()

    def update(self) -> None:
        if self._forced is not None:
            self._theme.set_night(self._forced)
            return
        mode = self._settings.get("themeMode")
        self._theme.set_night(mode == "night" or (mode == "auto" and bool(self._vehicle.value("headlights"))))
