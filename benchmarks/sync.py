"""The sync client against a real backend on loopback: enqueue latency, drain rate, cached read latency.

Each figure has a floor measured in the same run, doing the least the guarantee allows:
- enqueue: one row inserted and committed into a SQLite file in WAL mode with synchronous=FULL (what
  "durable when enqueue returns" costs at the very least);
- drain: the same writes sent one after another by a bare requests.Session with Idempotency-Keys (no
  outbox, no bookkeeping): what one write per request can reach. The outbox pushes user-data writes
  several to a request; reviews go one a request and are shown for comparison;
- cached read: a bare requests-cache CachedSession answering a fresh entry from its SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests

#: Absolute targets from the product's requirements, besides the ratios.
ENQUEUE_P50_MS = 2.0
DRAIN_OPS_PER_S = 300.0
CACHED_READ_P50_MS = 1.0

BODY = {"value": {"name": "Casino de Monte-Carlo", "lat": 43.7396, "lon": 7.4276, "note": "x" * 64}}


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _floor_enqueue(folder: Path, n: int) -> list[float]:
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE ops (seq INTEGER PRIMARY KEY, op_id TEXT UNIQUE, body TEXT)")
    samples = []
    payload = json.dumps(BODY)
    for _ in range(n):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO ops (op_id, body) VALUES (?, ?)", (str(uuid.uuid4()), payload))
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - t)
    conn.close()
    return samples


def _floor_drain(url: str, token: str, n: int) -> float:
    session = requests.Session()
    session.trust_env = False
    headers = {"Authorization": f"Bearer {token}"}
    start = time.perf_counter()
    for i in range(n):
        response = session.put(f"{url}/v1/sync/items/favourites/floor-{i}", json=BODY,
                               headers={**headers, "Idempotency-Key": str(uuid.uuid4())}, timeout=10)
        response.raise_for_status()
    took = time.perf_counter() - start
    session.close()
    return n / took


def _floor_cached_read(folder: Path, url: str, token: str, n: int) -> list[float]:
    from requests_cache import CachedSession

    session = CachedSession(str(folder / "floor-cache.sqlite"), backend="sqlite", cache_control=True)
    session.trust_env = False
    session.headers["Authorization"] = f"Bearer {token}"
    target = f"{url}/v1/weather?lat=43.74&lon=7.42"
    session.get(target).raise_for_status()
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        response = session.get(target)
        response.json()
        samples.append(time.perf_counter() - t)
        assert response.from_cache
    session.close()
    return samples


def measure(runs: int = 1000, progress=print) -> dict:
    """Every figure, as a dict (see benchmarks/README.md)."""
    from headunit.sync.client import SyncClient
    from headunit_backend.process import ServerProcess

    with tempfile.TemporaryDirectory(prefix="headunit-bench-sync-") as tmp:
        folder = Path(tmp)
        with ServerProcess(f"sqlite:///{folder / 'backend.db'}") as server:
            client = SyncClient(server.url, folder / "car")
            client.register("benchmark car", "car")

            progress(f"enqueue: {runs} durable writes, and the floor")
            floor_enqueue = _floor_enqueue(folder, runs)
            client.set_online(False)  # nothing drains while enqueue is measured
            enqueue = []
            for i in range(runs):
                t = time.perf_counter()
                client.put_item("favourites", f"place-{i}", BODY["value"], plugin="benchmark")
                enqueue.append(time.perf_counter() - t)

            progress(f"drain: {runs} writes to the backend, and the floor")
            client.set_online(True)
            start = time.perf_counter()
            drained = client.drain(timeout=120)
            drain_rate = runs / (time.perf_counter() - start)
            if not drained:
                raise RuntimeError("the outbox did not drain within 120 s")
            floor_drain_rate = _floor_drain(server.url, client.registration.token, runs)

            progress(f"drain, one write per request: {runs // 4} reviews")
            product = client.get("/v1/catalog/products", {"limit": 1}, plugin="benchmark").data["items"][0]["id"]
            client.set_online(False)
            for i in range(runs // 4):
                client.enqueue("reviews", "POST", f"/v1/catalog/products/{product}/reviews",
                               {"rating": 1 + i % 5, "text": f"review {i}"}, plugin="benchmark")
            client.set_online(True)
            start = time.perf_counter()
            if not client.drain(timeout=120):
                raise RuntimeError("the reviews did not drain within 120 s")
            single_rate = (runs // 4) / (time.perf_counter() - start)

            progress(f"cached read: {runs} reads of a fresh answer, and the floor")
            params = {"lat": 43.74, "lon": 7.42}
            client.get("/v1/weather", params, plugin="benchmark")
            cached = []
            for _ in range(runs):
                t = time.perf_counter()
                reading = client.get("/v1/weather", params, plugin="benchmark")
                cached.append(time.perf_counter() - t)
                assert reading.from_cache
            floor_cached = _floor_cached_read(folder, server.url, client.registration.token, runs)
            client.close()

    ms = 1000.0
    return {
        "enqueue": {"p50_ms": statistics.median(enqueue) * ms, "p99_ms": _p(enqueue, 0.99) * ms,
                    "floor_p50_ms": statistics.median(floor_enqueue) * ms,
                    "target_p50_ms": ENQUEUE_P50_MS},
        "drain": {"ops_per_s": drain_rate, "floor_ops_per_s": floor_drain_rate, "target_ops_per_s": DRAIN_OPS_PER_S,
                  "one_per_request_ops_per_s": single_rate},
        "cached_read": {"p50_ms": statistics.median(cached) * ms, "p99_ms": _p(cached, 0.99) * ms,
                        "floor_p50_ms": statistics.median(floor_cached) * ms,
                        "target_p50_ms": CACHED_READ_P50_MS},
        "runs": runs,
    }


def verdicts(figures: dict) -> dict[str, bool]:
    return {
        "enqueue": figures["enqueue"]["p50_ms"] <= ENQUEUE_P50_MS,
        "drain": figures["drain"]["ops_per_s"] >= DRAIN_OPS_PER_S,
        "cached_read": figures["cached_read"]["p50_ms"] <= CACHED_READ_P50_MS,
    }


def rows(figures: dict) -> list[tuple[str, str, str, str, str, bool | None]]:
    """(figure, floor, HeadUnit, ratio, target, pass) for the results table; pass is None without a target."""
    e, d, c = figures["enqueue"], figures["drain"], figures["cached_read"]
    ok = verdicts(figures)
    return [
        ("enqueue p50 (durable)", f"{e['floor_p50_ms']:.2f} ms", f"{e['p50_ms']:.2f} ms",
         f"{e['p50_ms'] / e['floor_p50_ms']:.2f}×", f"≤ {ENQUEUE_P50_MS:g} ms", ok["enqueue"]),
        ("drain rate (user data, pushed)", f"{d['floor_ops_per_s']:.0f} ops/s", f"{d['ops_per_s']:.0f} ops/s",
         f"{d['ops_per_s'] / d['floor_ops_per_s']:.2f}×", f"≥ {DRAIN_OPS_PER_S:g} ops/s", ok["drain"]),
        ("drain rate (reviews, one a request)", f"{d['floor_ops_per_s']:.0f} ops/s",
         f"{d['one_per_request_ops_per_s']:.0f} ops/s", f"{d['one_per_request_ops_per_s'] / d['floor_ops_per_s']:.2f}×",
         "(none)", None),
        ("cached read p50", f"{c['floor_p50_ms']:.2f} ms", f"{c['p50_ms']:.2f} ms",
         f"{c['p50_ms'] / c['floor_p50_ms']:.2f}×", f"≤ {CACHED_READ_P50_MS:g} ms", ok["cached_read"]),
    ]
