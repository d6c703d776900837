"""What every request handler may need, built once per process by `create_app`."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from fastapi import Request

from headunit_backend.db import Database

if TYPE_CHECKING:
    from headunit_backend.payments import PaymentProcessor
    from headunit_backend.radio import RadioDirectory
    from headunit_backend.weather import WeatherProvider

SETTINGS_ENV = "HEADUNIT_BACKEND_SETTINGS"


@dataclass(frozen=True)
class Settings:
    """Everything `headunit-backend serve` can set, with the service's defaults."""

    db_url: str = "sqlite:///headunit-backend.db"
    weather: str = "demo"  # demo | open-meteo
    open_meteo_url: str = "https://api.open-meteo.com"
    radio: str = "demo"  # demo | radio-browser
    radio_browser_url: str = "https://all.api.radio-browser.info"
    #: NHTSA's vPIC API, which enriches VIN decodes; "none" turns it off (answers are then offline only).
    vpic_url: str = "https://vpic.nhtsa.dot.gov/api"
    #: Seconds after which a request still "in flight" under an Idempotency-Key may be taken over.
    idempotency_lease: float = 30.0
    #: How long the sandbox processor takes to approve `tok_slow`.
    slow_charge_delay: float = 2.0
    weather_max_age: int = 600
    catalog_max_age: int = 300
    radio_max_age: int = 3600
    #: A station list is still worth showing offline a week later: stations rarely move.
    radio_stale_if_error: int = 604800
    stale_while_revalidate: int = 60
    stale_if_error: int = 86400
    # Rate limits (headunit_backend.ratelimit): at most LIMIT events per WINDOW seconds; a limit of 0 is off.
    #: Client addresses never limited, comma-separated; none by default. `ServerProcess` (the emulator's
    #: embedded backend, test servers: reached only from this machine) exempts loopback. Exempting
    #: loopback behind a reverse proxy on the same host would exempt every client.
    rate_limit_exempt: str = ""
    #: Where phones reach this service (the pairing link a car shows as a QR code), e.g.
    #: `https://cars.example.com`; empty: the address the car's request named, right on a local network.
    public_url: str = ""
    #: Device registrations per client address: a car registers once, a workshop a handful a day.
    register_limit: int = 30
    register_window: int = 3600
    #: Registrations bringing an account key or pairing code, per address: each is a guess at a secret.
    join_limit: int = 10
    join_window: int = 3600
    #: Bearer tokens that match no device, per address, before it is refused outright until the window ends
    #: (a revoked car retrying with backoff stays far below it).
    token_failure_limit: int = 20
    token_failure_window: int = 300
    #: Reviews per device and per address (one per account and product is enforced on its own).
    review_limit: int = 10
    review_address_limit: int = 100
    review_window: int = 3600
    #: `POST /v1/operations/{id}/expire` per device and per address: each may leave a tombstone row.
    expire_limit: int = 200
    expire_address_limit: int = 2000
    expire_window: int = 3600
    #: Stored answers and expire tombstones are deleted this long after they were created (30 days). The
    #: car never resends an operation past its not_after, which must be shorter (docs/sync-protocol.md).
    operation_retention: float = 30 * 86400.0
    #: How often each process sweeps old operations and ended rate-limit windows; 0: never (tests, or the
    #: `headunit-backend sweep` command run from cron instead).
    sweep_interval: float = 3600.0
    #: Rows deleted per transaction, so a sweep never holds long locks.
    sweep_batch: int = 1000
    #: How long the sandbox processor's holds (authorisations) last before they lapse: about a card network's.
    hold_expiry: float = 7 * 86400.0
    #: How often each process's reconciler settles payments left in flight past the idempotency lease and
    #: records lapsed holds (it also runs once at start); 0: only at start.
    reconcile_interval: float = 30.0

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> Settings:
        """The settings a parent `serve` process handed to its uvicorn workers."""
        raw = os.environ.get(SETTINGS_ENV)
        if not raw:
            raise RuntimeError(f"{SETTINGS_ENV} is not set; start workers with `headunit-backend serve`")
        return cls(**json.loads(raw))


@dataclass
class Services:
    settings: Settings
    db: Database
    weather: WeatherProvider
    processor: PaymentProcessor
    radio: RadioDirectory


def get_services(request: Request) -> Services:
    return request.app.state.services
