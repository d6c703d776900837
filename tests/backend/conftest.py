"""Backend fixtures: every test that takes `db_url` runs on SQLite and on PostgreSQL (one throwaway server per
session, a fresh database per test)."""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa

with warnings.catch_warnings():  # Starlette nags about its httpx-based test client; FastAPI still ships it
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from headunit_backend.app import create_app
from tests.backend.api import Api
from tests.postgres import TemporaryPostgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[TemporaryPostgres]:
    reason = TemporaryPostgres.available()
    if reason:
        pytest.skip(reason)
    server = TemporaryPostgres()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def new_database(request: pytest.FixtureRequest, tmp_path_factory) -> Callable[[str], str]:
    """`new_database("sqlite" | "postgresql")`: the URL of a fresh, empty database."""

    def create(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('backend') / 'backend.db'}"
        return request.getfixturevalue("postgres").fresh_database(f"backend_{uuid.uuid4().hex[:12]}")

    return create


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, new_database) -> str:
    """A fresh database for this test, once on SQLite and once on PostgreSQL."""
    return new_database(request.param)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'backend.db'}"


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    """The app in-process; the sandbox approves tok_slow after 0.2 s."""
    with TestClient(create_app(db_url, slow_charge_delay=0.2)) as http:
        yield http


@pytest.fixture
def database(db_url: str) -> Iterator[sa.Engine]:
    """Direct access to the backend's database, to check what it stored."""
    engine = sa.create_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api.register(client)


def time_left_in_window(window: int, seconds: float = 15) -> None:
    """Rate limits count in fixed windows starting at multiples of `window` seconds: a test whose requests must
    fall in one window starts with at least `seconds` of it left, sleeping into the next when it has not."""
    import time

    left = window - time.time() % window
    if left < seconds:
        time.sleep(left + 0.05)
