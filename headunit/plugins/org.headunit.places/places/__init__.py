"""Places: fuel, parking and food near the car, searchable when parked, by category while driving.

Choosing a place sends the `navigate-to` intent to whichever app handles it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from headunit.sdk import IntentError, Plugin, PluginContext

from .catalog import load
from .store import PlacesStore

DATA = Path(__file__).resolve().parent.parent / "data" / "monaco-places.json"


class _Loaded(QObject):
    """Carries the places from the worker thread to the GUI thread."""

    ready = Signal(list)


class Places(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self._ctx = ctx
        names = {"fuel": ctx.tr("Fuel"), "parking": ctx.tr("Parking"), "food": ctx.tr("Food")}
        self.store = PlacesStore(ctx.vehicle, names)
        self.store.chosen.connect(self._navigate)
        ctx.expose("store", self.store)
        self._loaded = _Loaded()
        self._loaded.ready.connect(self.store.set_places)
        ctx.submit(lambda: self._loaded.ready.emit(load(DATA)))

    def _navigate(self, name: str, lat: float, lon: float) -> None:
        try:
            self._ctx.send_intent("navigate-to", lat=lat, lon=lon, name=name)
        except IntentError:
            self._ctx.toast(self._ctx.tr("No navigation app is installed yet"))
