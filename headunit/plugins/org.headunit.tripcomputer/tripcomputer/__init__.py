"""The trip computer: distance, driving time and average speed, since start and since reset.

A complete plugin on the public API: it reads vehicle state, keeps the trip since reset in its own
storage (written on its worker thread), exposes a store to its QML, answers an intent, has a setting and
publishes its driving template (what the shell draws while the car moves, when the plugin runs sandboxed).
"""

from __future__ import annotations

import time

from headunit.sdk import Plugin, PluginContext, formats

from .store import TripStore
from .trip import Trip

#: Save at most this often while driving; and always when the plugin stops.
SAVE_INTERVAL_S = 10.0


class TripComputer(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self._ctx = ctx
        self._db = ctx.storage()
        with self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS trip (name TEXT PRIMARY KEY, distance_m REAL, driving_s REAL)")
        saved = Trip()
        if not ctx.setting("reset_each_start"):
            row = self._db.execute("SELECT distance_m, driving_s FROM trip WHERE name = 'since_reset'").fetchone()
            if row:
                saved = Trip(*row)
        self._last_save = 0.0
        self.store = TripStore(ctx.vehicle, ctx.driving, saved, self._changed)
        ctx.expose("store", self.store)
        ctx.handle_intent("reset-trip", lambda params: self.store.reset())
        self._template: tuple = ()
        self.store.changed.connect(self._publish_template)
        ctx.templates.actionTriggered.connect(self._on_action)
        self._publish_template()

    def _publish_template(self) -> None:
        """The trip as the shell draws it while driving: each trip's distance, driving time and average speed,
        and Reset. Sent again only when what it says changes."""
        tr, store = self._ctx.tr, self.store

        def trip(metres: float, seconds: float, kmh: float) -> str:
            return " · ".join((formats.distance(metres), formats.duration(seconds),
                               formats.speed(kmh) if seconds > 0 else "–"))

        rows = [{"label": tr("Since start"), "value": trip(store.startDistance, store.startDrivingTime,
                                                          store.startAverageSpeed)},
                {"label": tr("Since reset"), "value": trip(store.resetDistance, store.resetDrivingTime,
                                                          store.resetAverageSpeed)}]
        tile_text = formats.distance(store.resetDistance)
        if (rows, tile_text) == self._template:
            return
        self._template = (rows, tile_text)
        self._ctx.templates.show("pane", title=tr("Trip"), icon="mdi6.map-marker-distance", rows=rows,
                                 actions=[{"id": "reset", "text": tr("Reset"), "icon": "mdi6.restart"}])
        self._ctx.templates.tile(tr("Trip"), tile_text, "mdi6.map-marker-distance")

    def _on_action(self, slot: str, action: str, index: int) -> None:
        if action == "reset":
            self.store.reset()

    def _changed(self, trip: Trip, was_reset: bool) -> None:
        if was_reset:
            self._ctx.toast(self._ctx.tr("Trip reset"))
        now = time.monotonic()
        if was_reset or now - self._last_save >= SAVE_INTERVAL_S:
            self._last_save = now
            self._ctx.submit(self._save, Trip(trip.distance_m, trip.driving_s))

    def _save(self, trip: Trip) -> None:
        """On the plugin's worker thread."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO trip VALUES ('since_reset', ?, ?)", (trip.distance_m, trip.driving_s))

    def stop(self) -> None:
        self.store.stop()
        self._ctx.submit(self._save, Trip(self.store.since_reset.distance_m, self.store.since_reset.driving_s))
