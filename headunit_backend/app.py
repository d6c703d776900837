"""The FastAPI application: routers, error handlers and the services they share.

`create_app` builds a self-contained app for one process (tests mount it in-process). `headunit-backend
serve` prepares the database once and then starts uvicorn over `app_from_environment`, which is what each
worker process imports, so several workers never race to create tables.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from headunit_backend import __version__, auth, migrate, catalog, idempotency, orders, userdata, wallet
from headunit_backend import companion, devices
from headunit_backend import sweep
from headunit_backend import fuel, intents, parking, reconcile
from headunit_backend import bookings, workshops
from headunit_backend import apps as app_store
from headunit_backend import radio as radio_routes
from headunit_backend import vehicles
from headunit_backend import weather as weather_routes
from headunit_backend.db import Database, DatabaseError, explain
from headunit_backend.errors import documented, install_handlers
from headunit_backend.limits import RequestGuard
from headunit_backend.payments import PaymentProcessor, SandboxProcessor
from headunit_backend.radio import DemoRadio, RadioBrowser, RadioDirectory
from headunit_backend.services import Services, Settings, get_services
from headunit_backend.weather import DemoWeather, OpenMeteoWeather, WeatherProvider


def prepare_database(db: Database) -> None:
    """Migrate the schema to this release's and seed the catalog; safe to run again and from several
    processes at once."""
    try:
        db.check()
        with db.write() as conn:
            db.lock_schema(conn)
            migrate.upgrade(conn)
            catalog.seed(conn)
    except DBAPIError as error:
        raise DatabaseError(explain(db, error)) from None
    except SQLAlchemyError as error:
        raise DatabaseError(f"cannot use database {db.name}: {error}") from None


def create_app(db_url: str | None = None, *, weather: WeatherProvider | None = None,
               processor: PaymentProcessor | None = None, radio: RadioDirectory | None = None,
               settings: Settings | None = None, prepare: bool = True, **options) -> FastAPI:
    """The backend as an ASGI app.

    `options` override `Settings` fields, e.g. `idempotency_lease=1.0`, `slow_charge_delay=0.2`,
    `weather_max_age=2`, `catalog_max_age=2`. Raises DatabaseError when the database cannot be used.
    """
    settings = dataclasses.replace(settings or Settings(), **({"db_url": db_url} if db_url else {}), **options)
    db = Database(settings.db_url)
    if prepare:
        prepare_database(db)
    if weather is None:
        weather = _weather_provider(settings)
    if processor is None:
        processor = SandboxProcessor(db, slow_delay=settings.slow_charge_delay, hold_ttl=settings.hold_expiry)
    if radio is None:
        radio = _radio_directory(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        sweeper = sweep.Sweeper(db, settings) if settings.sweep_interval > 0 else None
        if sweeper:
            sweeper.start()
        # Every process settles payments a crash left in flight: at start, then every reconcile_interval.
        reconciler = reconcile.Reconciler(intents.desk_of(app.state.services), settings.reconcile_interval)
        reconciler.start()
        yield
        reconciler.stop()
        if sweeper:
            sweeper.stop()
        db.dispose()

    app = FastAPI(title="HeadUnit backend", version=__version__, lifespan=lifespan,
                  description="Devices, idempotent writes, user-data sync, weather, radio stations, catalog, "
                              "wallet and orders for HeadUnit cars. See docs/sync-protocol.md.")
    app.state.services = Services(settings=settings, db=db, weather=weather, processor=processor, radio=radio)
    install_handlers(app)
    app.add_middleware(RequestGuard)  # size, JSON and URL checks before any route runs

    # Our error shape, not FastAPI's; RequestGuard may answer 413 anywhere, and a client address blocked for
    # failed tokens gets 429 on every authenticated route.
    v1 = APIRouter(prefix="/v1", responses=documented(400, 413, 422, 429))
    v1.include_router(health_router)
    for module in (auth, idempotency, userdata, weather_routes, radio_routes, catalog, wallet, orders):
        v1.include_router(module.router)
    for module in (intents, fuel, parking):
        v1.include_router(module.router)
    v1.include_router(intents.ledger_router)
    v1.include_router(devices.router)
    v1.include_router(vehicles.router)
    v1.include_router(workshops.router)
    v1.include_router(bookings.router)
    v1.include_router(app_store.router)  # the app store's signed catalog (docs/app-store.md)
    app.include_router(v1)
    app.include_router(companion.router)  # the phone companion page and the sandbox's hosted card form
    return app



def _weather_provider(settings: Settings) -> WeatherProvider:
    if settings.weather == "open-meteo":
        return OpenMeteoWeather(base_url=settings.open_meteo_url)
    if settings.weather == "demo":
        return DemoWeather()
    raise ValueError(f"unknown weather provider {settings.weather!r} (demo or open-meteo)")


def _radio_directory(settings: Settings) -> RadioDirectory:
    if settings.radio == "radio-browser":
        return RadioBrowser(base_url=settings.radio_browser_url)
    if settings.radio == "demo":
        return DemoRadio()
    raise ValueError(f"unknown radio directory {settings.radio!r} (demo or radio-browser)")


def app_from_environment() -> FastAPI:
    """The app a uvicorn worker builds from the settings its `serve` parent put in the environment."""
    return create_app(settings=Settings.from_env(), prepare=False)


# --- health -----------------------------------------------------------------------------------------------

health_router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Literal["sqlite", "postgresql"]
    version: str


@health_router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(services: Annotated[Services, Depends(get_services)]):
    """Liveness and database reachability; needs no token, for load balancers and ServerProcess."""
    db = services.db
    try:
        with db.read() as conn:
            conn.execute(sa.text("SELECT 1"))
    except SQLAlchemyError:
        body = Health(status="unavailable", database=db.dialect, version=__version__)
        return JSONResponse(body.model_dump(), status_code=503)
    return Health(status="ok", database=db.dialect, version=__version__)
