"""A real backend on loopback for the sync client's tests, and helpers to read its database."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from headunit.sync import SyncClient, SyncSettings

#: Loopback timings: retries within milliseconds, no reconcile grace, no background pulls.
FAST = SyncSettings(connect_timeout=2.0, read_timeout=5.0, backoff_base=0.005, backoff_cap=0.02,
                    reconcile_grace=0.0, pull_limit=50, pull_interval=3600.0, traffic_flush_interval=3600.0)


class BackendDB:
    """Read-only views of the backend's SQLite file: what the server really did."""

    def __init__(self, path: Path):
        self.path = path

    def _query(self, sql: str, *args) -> list[tuple]:
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()

    def operations(self, device_id: str) -> dict[str, tuple[int, str, int | None]]:
        """op_id → (row id, state, response status) for the device."""
        rows = self._query("SELECT op_id, id, state, response_status FROM operations WHERE device_id = ?", device_id)
        return {op_id: (row_id, state, status) for op_id, row_id, state, status in rows}

    def last_seq(self, account_id: str) -> int:
        return self._query("SELECT last_seq FROM accounts WHERE id = ?", account_id)[0][0]

    def items(self, account_id: str) -> dict[tuple[str, str], object]:
        rows = self._query("SELECT collection, key, value_json FROM sync_items WHERE account_id = ? AND NOT deleted",
                           account_id)
        return {(c, k): json.loads(v) for c, k, v in rows}


@pytest.fixture(scope="session")
def backend(tmp_path_factory):
    from headunit_backend.process import ServerProcess

    folder = tmp_path_factory.mktemp("backend")
    with ServerProcess(f"sqlite:///{folder / 'backend.db'}", args=["--idempotency-lease", "2"]) as server:
        server.db = BackendDB(folder / "backend.db")
        yield server


@pytest.fixture
def make_client(backend, tmp_path) -> Callable[..., SyncClient]:
    """`make_client(name, account_key=None, faults=None, settings=FAST, clock=time.time)`: a registered client."""
    clients: list[SyncClient] = []

    def make(name: str = "car", *, account_key: str | None = None, faults=None, settings: SyncSettings = FAST,
             clock=time.time, profile: Path | None = None, register: bool = True) -> SyncClient:
        client = SyncClient(backend.url, profile or tmp_path / name, settings=settings, clock=clock)
        if register:
            client.register(name, "car", account_key)
            if account_key is not None:  # joined pending: a device already on the account approves it
                _approve(backend, account_key, client, clients)
        client.adapter.faults = faults  # after registering, which is not idempotent
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def _approve(backend, account_key: str, joined: SyncClient, clients: list[SyncClient]) -> None:
    import requests

    approver = next(c.registration for c in clients
                    if c.registration is not None and c.registration.account_key == account_key)
    answer = requests.post(f"{backend.url}/v1/devices/{joined.registration.device_id}/approve",
                           headers={"Authorization": f"Bearer {approver.token}"}, timeout=10)
    assert answer.status_code == 200, answer.text


class Recorder:
    """A fault injector's `match` that injects nothing and records every request: (method, path)."""

    def __init__(self):
        self.requests: list[tuple[str, str]] = []

    def __call__(self, request) -> bool:
        from urllib.parse import urlsplit

        self.requests.append((request.method, urlsplit(request.url).path))
        return True
