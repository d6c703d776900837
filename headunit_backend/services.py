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
