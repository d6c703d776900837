"""A fleet coming back online at once: many cars drain their outboxes into one backend.

The backend runs as several uvicorn worker processes over one PostgreSQL, as a fleet deployment would.
Each car is a real `SyncClient` with its own outbox file and device token, spread over a few car
processes. Every car queues its writes while offline (user-data changes and one order), then all cars
reconnect at the same moment and drain. Reported: requests per second over the reconnect, request latency
p50/p99 as the cars saw it, and the ledger's exactly-once check: every acknowledged order charged once,
every rejected one never.

    python -m benchmarks fleet [--cars 1000] [--car-processes 4] [--backend-workers 2]
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks import ROOT

#: The drain phase must finish within this, or the run fails.
DRAIN_LIMIT_S = 300.0
PUTS_PER_CAR = 3


# -- one car process ---------------------------------------------------------------------------------

def _car_process(url: str, folder: Path, first: int, count: int, products: list[str], seed: int) -> None:
    """Set up `count` cars, queue their writes offline, say "ready", wait for "go", drain, report JSON."""
    import requests

    from headunit.sync.client import SyncClient
    from headunit.sync.transport import TransportAdapter

    latencies: list[float] = []
    lock = threading.Lock()
    send = TransportAdapter.send

    def timed_send(self, request, *args, **kwargs):
        t = time.perf_counter()
        try:
            return send(self, request, *args, **kwargs)
        finally:
            took = time.perf_counter() - t
            with lock:
                latencies.append(took)

    rng = random.Random(seed)

    def set_up(n: int):
        car = SyncClient(url, folder / f"car-{n}")
        car.register(f"fleet car {n}", "car")
        card = requests.post(f"{url}/v1/wallet/cards", json={"processor_token": "tok_visa"}, timeout=30, headers={
            "Authorization": f"Bearer {car.registration.token}", "Idempotency-Key": str(uuid.uuid4())})
        card.raise_for_status()
        car.set_online(False)
        for i in range(PUTS_PER_CAR):
            car.put_item("destinations", f"d{i}", {"car": n, "i": i}, plugin="org.headunit.navigation")
        order = car.enqueue("payments", "POST", "/v1/orders", {
            "items": [{"product_id": rng.choice(products), "quantity": 1}],
            "payment_method_id": card.json()["payment_method_id"]}, plugin="org.headunit.store")
        return car, order

    with ThreadPoolExecutor(8) as pool:
        cars = list(pool.map(set_up, range(first, first + count)))
    print("ready", flush=True)
    sys.stdin.readline()  # "go": every car process reconnects at the same moment

    TransportAdapter.send = timed_send
    start = time.time()
    for car, _ in cars:
        car.set_online(True)
    with ThreadPoolExecutor(32) as pool:
        drained = list(pool.map(lambda c: c[0].drain(timeout=DRAIN_LIMIT_S), cars))
    end = time.time()
    orders = {"acked": [], "rejected": [], "other": []}
    for car, op_id in cars:
        op = car.operation(op_id)
        orders[op.state if op.state in orders else "other"].append(op_id)
        car.close()
    print(json.dumps({"start": start, "end": end, "latencies": latencies, "undrained": drained.count(False),
                      "orders": orders}), flush=True)


# -- the run -------------------------------------------------------------------------------------------

def measure(cars: int = 1000, car_processes: int = 4, backend_workers: int = 2, progress=print) -> dict:
    import sqlalchemy

    from headunit_backend.process import ServerProcess
    from tests.postgres import TemporaryPostgres

    pg = TemporaryPostgres()
    try:
        db_url = pg.fresh_database("fleet")
        with tempfile.TemporaryDirectory(prefix="headunit-fleet-") as tmp, \
                ServerProcess(db_url, workers=backend_workers) as server:
            products = _products_in_stock(server.url)
            progress(f"setting up {cars} cars in {car_processes} processes (registration, a card, queued writes)")
            children = []
            per = -(-cars // car_processes)
            for p in range(car_processes):
                first, count = p * per, min(per, cars - p * per)
                if count <= 0:
                    break
                children.append(subprocess.Popen(
                    [sys.executable, "-m", "benchmarks.fleet", "car", server.url, tmp, str(first), str(count),
                     json.dumps(products), str(p)],
                    cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
            for child in children:
                if child.stdout.readline().strip() != "ready":
                    raise RuntimeError("a car process failed during set-up")
            progress(f"{cars} cars reconnect at once and drain")
            for child in children:
                child.stdin.write("go\n")
                child.stdin.flush()
            reports = []
            for child in children:
                out, _ = child.communicate(timeout=DRAIN_LIMIT_S + 60)
                reports.append(json.loads(out.strip().splitlines()[-1]))
            ledger = _ledger(sqlalchemy, db_url)
    finally:
        pg.stop()

    latencies = [x for r in reports for x in r["latencies"]]
    wall = max(r["end"] for r in reports) - min(r["start"] for r in reports)
    acked = [o for r in reports for o in r["orders"]["acked"]]
    rejected = [o for r in reports for o in r["orders"]["rejected"]]
    charged = ledger["charges_by_op"]
    check = {
        "acknowledged_orders": len(acked),
        "rejected_orders": len(rejected),
        "charged_once": sum(1 for o in acked if charged.get(o) == 1),
        "charged_twice_or_more": sum(1 for n in charged.values() if n > 1),
        "acknowledged_not_charged": sum(1 for o in acked if o not in charged),
        "rejected_but_charged": sum(1 for o in rejected if o in charged),
        "undrained_cars": sum(r["undrained"] for r in reports),
    }
    check["pass"] = (check["charged_once"] == len(acked) and not check["charged_twice_or_more"]
                     and not check["rejected_but_charged"]
                     and not check["undrained_cars"] and not [o for r in reports for o in r["orders"]["other"]])
    return {
        "cars": cars, "car_processes": len(reports), "backend_workers": backend_workers, "database": "postgresql",
        "operations": cars * (PUTS_PER_CAR + 1), "requests": len(latencies), "seconds": wall,
        "requests_per_s": len(latencies) / wall if wall > 0 else 0.0,
        "latency_p50_ms": statistics.median(latencies) * 1000 if latencies else None,
        "latency_p99_ms": sorted(latencies)[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else None,
        "exactly_once": check,
        "bounded": wall <= DRAIN_LIMIT_S,
    }


def _products_in_stock(url: str) -> list[str]:
    import requests

    session = requests.Session()
    session.trust_env = False
    token = session.post(f"{url}/v1/devices", json={"name": "fleet set-up", "kind": "phone"}).json()["token"]
    answer = session.get(f"{url}/v1/catalog/products", params={"in_stock": "true", "limit": 100},
                         headers={"Authorization": f"Bearer {token}"}).json()
    # Weighted by stock, so most orders find something on the shelf.
    return [p["id"] for p in answer["items"] for _ in range(max(1, p["stock"] // 10))]


def _ledger(sqlalchemy, db_url: str) -> dict:
    engine = sqlalchemy.create_engine(db_url)
    with engine.connect() as conn:
        charges = dict(conn.exec_driver_sql("SELECT op_id, COUNT(*) FROM ledger GROUP BY op_id").all())
    engine.dispose()
    return {"charges_by_op": charges}


def rows(figures: dict) -> list[tuple[str, str]]:
    c = figures["exactly_once"]
    return [
        ("cars / car processes / backend workers",
         f"{figures['cars']} / {figures['car_processes']} / {figures['backend_workers']} over PostgreSQL"),
        ("operations / requests", f"{figures['operations']} / {figures['requests']}"),
        ("reconnect to drained", f"{figures['seconds']:.1f} s (limit {DRAIN_LIMIT_S:.0f} s)"),
        ("requests/s", f"{figures['requests_per_s']:.0f}"),
        ("latency p50 / p99", f"{figures['latency_p50_ms']:.1f} ms / {figures['latency_p99_ms']:.1f} ms"),
        ("orders acknowledged / rejected", f"{c['acknowledged_orders']} / {c['rejected_orders']}"),
        ("ledger: charged once / twice / missing / rejected but charged",
         f"{c['charged_once']} / {c['charged_twice_or_more']} / {c['acknowledged_not_charged']} / "
         f"{c['rejected_but_charged']}"),
        ("exactly once", "PASS" if c["pass"] else "FAIL"),
    ]


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "car":
    _url, _folder, _first, _count, _products, _seed = sys.argv[2:8]
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    _car_process(_url, Path(_folder), int(_first), int(_count), json.loads(_products), int(_seed))
