"""Housekeeping: old idempotency rows and ended rate-limit windows are deleted on a schedule.

Every API process runs a `Sweeper` thread (several sweeping at once is harmless: each batch is one
DELETE of rows that are already dead), and `headunit-backend sweep --db URL` does one sweep, for cron.
"""

from __future__ import annotations

import logging
import random
import threading

from sqlalchemy.exc import SQLAlchemyError

from headunit_backend import idempotency, ratelimit
from headunit_backend.db import Database
from headunit_backend.services import Settings

log = logging.getLogger(__name__)


def sweep_once(db: Database, settings: Settings) -> tuple[int, int]:
    """(operations deleted, rate-limit counters deleted)."""
    swept = idempotency.sweep(db, settings.operation_retention, batch=settings.sweep_batch)
    counters = ratelimit.sweep(db, batch=settings.sweep_batch)
    if swept or counters:
        log.info("swept %d stored operations and %d rate-limit counters", swept, counters)
    return swept, counters


class Sweeper:
    """A daemon thread that sweeps every `settings.sweep_interval` seconds until `stop()`."""

    def __init__(self, db: Database, settings: Settings):
        self.db, self.settings = db, settings
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        interval = self.settings.sweep_interval
        # The first sweep comes a random part of an interval after start, so workers started together
        # (and a fleet restarted together) do not all sweep at the same moment.
        delay = random.uniform(0.1, 1.0) * interval
        while not self._stop.wait(delay):
            try:
                sweep_once(self.db, self.settings)
            except SQLAlchemyError:  # a database restart: try again next time
                log.exception("sweep failed")
            delay = interval
