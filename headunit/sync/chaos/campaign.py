"""A chaos campaign: a real backend, cars that crash at every crash point, a faulty network, a verdict.

The parent starts the backend (`ServerProcess`), registers the cars in one account, writes each car's
plan, then runs one worker process per car. Each incarnation of a worker is armed with one crash point
(the points rotate, and each car starts the rotation at a different point), and dies there by SIGKILL;
the parent restarts it until the car's plan is enqueued, drained and pulled. The backend dies too: it is
armed in turn with its payment crash points (between the processor's answer and the commit, see
headunit_backend/crashpoints.py) and restarted on its port, with a short idempotency lease so the cars'
retries take the payments over, and holds that expire in seconds. Meanwhile the products' prices change,
so a takeover meets a basket that is not what the first attempt priced. Then every car pulls once more,
`check.check` compares the histories and outboxes with the backend's tables, and the payment audit
(headunit_backend.audit) must find nothing: no orphaned charge, no unrefunded refusal, no ledger mismatch.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import requests
import sqlalchemy as sa

from headunit.sync import SyncClient, crashpoints
from headunit.sync.chaos import check as checks
from headunit.sync.chaos import plan as plans

WORKER_TIMEOUT = 600.0  # one incarnation running longer than this is hung
MAX_FAILURES = 5  # unexpected worker exits per car before the campaign gives up
#: How the backend runs in a campaign: a lease short enough that retries take payments over soon after a
#: crash, holds that expire while their captures are still coming, a reconciler that runs every second.
BACKEND_ARGS = ["--idempotency-lease", "2", "--hold-expiry", "4", "--reconcile-interval", "1"]
PRICE_CHANGE_EVERY = 2.0  # seconds


class Backend:
    """The campaign's backend, armed with its next crash point until `crashes` deaths have happened, and
    restarted on the same port each time (the cars keep its URL)."""

    def __init__(self, db_url: str, workers: int, folder: Path, crashes: int, rng: random.Random):
        from headunit_backend import crashpoints as backend_points

        self.db_url, self.workers, self.rng, self.points = db_url, workers, rng, backend_points
        self.crashes_left, self.restarts = crashes, 0
        self.log = folder / "backend-crashes.log"
        self.server = self._start([])
        self.url = self.server.url

    def _start(self, port_args: list[str]):
        from headunit_backend.process import ServerProcess, ServerStartError

        while True:
            env = {self.points.ENV_LOG: str(self.log), self.points.ENV_ARM: ""}
            if self.crashes_left > 0:
                point = self.points.POINTS[self.restarts % len(self.points.POINTS)]
                env[self.points.ENV_ARM] = f"{point}:{self.rng.randint(1, 3)}"
                self.crashes_left -= 1
            crashed = sum(self.hits().values())
            try:
                return ServerProcess(self.db_url, workers=self.workers, env=env, args=[*BACKEND_ARGS, *port_args])
            except ServerStartError:
                if sum(self.hits().values()) == crashed:
                    raise
                self.restarts += 1  # died at its point while its reconciler settled the last crash's payments

    def arm(self, crashes: int) -> None:
        """From now on, die `crashes` times at the crash points (restarted after each)."""
        self.crashes_left = crashes
        if crashes:
            self.server.stop()
            self.server = self._start(["--port", str(self.server.port)])

    def keep_up(self) -> None:
        """Restart the backend if a crash point killed it."""
        if self.server.returncode is None:
            return
        self.server.kill()  # its workers too
        self.restarts += 1
        self.server = self._start(["--port", str(self.server.port)])

    def stop(self) -> None:
        self.server.stop()

    def hits(self) -> Counter:
        return Counter(line.split()[0] for line in _lines(self.log))


class CampaignError(RuntimeError):
    """The campaign could not run (the backend or a worker failed); not a verdict about the client."""


class Campaign:
    def __init__(self, *, ops: int, seed: int, db_url: str | None = None, workers: int = 1, cars: int = 2,
                 fault_rate: float = 0.05, crashes_per_car: int | None = None, backend_crashes: int | None = None,
                 workdir: str | Path | None = None, on_progress: Callable[[int, int, str], None] | None = None):
        self.ops, self.seed, self.db_url, self.workers, self.cars = ops, seed, db_url, workers, cars
        # Each backend crash point at least twice, more in a long campaign.
        self.backend_crashes = backend_crashes if backend_crashes is not None else max(4, min(20, ops // 1000))
        self.fault_rate = fault_rate
        self.crashes_per_car = crashes_per_car or max(len(crashpoints.POINTS), min(10, ops // (cars * 600)))
        self.workdir = Path(workdir) if workdir else None
        self.on_progress = on_progress or (lambda done, total, note: None)
        self._rng = random.Random(seed)

    def run(self) -> dict:
        from headunit_backend.db import database_url

        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="headunit-chaos-") as tmp:
            folder = self.workdir or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            db_url = self.db_url or f"sqlite:///{folder / 'backend.db'}"
            server = Backend(db_url, self.workers, folder, 0, self._rng)  # no crash while setting up
            try:
                self.on_progress(0, self.ops, "setting up")
                cars, account_id, backend = self._setup(server.url, folder)
                server.arm(self.backend_crashes if backend.payments else 0)
                engine = sa.create_engine(database_url(db_url))
                try:
                    drain_started = time.monotonic()
                    restarts = self._run_workers(server, folder, cars, engine)
                    drain_seconds = time.monotonic() - drain_started
                    self.on_progress(self.ops, self.ops, "checking")
                    mirrors = {car.index: _final_pull(server.url, car.profile) for car in cars}
                    verdict = checks.check(engine, account_id, cars, mirrors)
                finally:
                    engine.dispose()
            finally:
                server.stop()
            money = _audit(db_url) if backend.payments else {}
            backend_hits = server.hits()
            crash_log = folder / "crashes.log"
            hits = Counter(line.split()[0] for line in _lines(crash_log))
            faults = Counter()
            for car in cars:
                faults.update(_lines(folder / f"car{car.index}" / "faults.log"))
        result = {
            "ops": self.ops, "seed": self.seed, "cars": self.cars, "workers": self.workers,
            "database": sa.make_url(database_url(db_url)).get_backend_name(),
            "kinds": dict(Counter(op.kind for car in cars for op in car.plan)),
            **verdict,
            "crash_points_hit": {point: hits.get(point, 0) for point in crashpoints.POINTS},
            "backend_crash_points_hit": ({point: backend_hits.get(point, 0) for point in server.points.POINTS}
                                         if backend.payments else {}),
            "backend_restarts": server.restarts,
            **money,
            "faults_injected": dict(sorted(faults.items())),
            "restarts": restarts,
            "drain_ops_per_second": round(self.ops / drain_seconds, 1) if drain_seconds else None,
            "seconds": round(time.monotonic() - started, 1),
        }
        result["violations"] = violations(result)
        result["ok"] = not result["violations"]
        return result

    # -- setting up --------------------------------------------------------------------------------

    def _setup(self, url: str, folder: Path) -> tuple[list[checks.Car], str, plans.Backend]:
        registrations = []
        account_key = None
        for i in range(self.cars):
            with SyncClient(url, folder / f"car{i}" / "profile") as client:
                registration = client.register(f"chaos car {i}", "car", account_key)
            account_key = registration.account_key
            registrations.append(registration)
            if i:  # joined with the account key: pending until a device on the account approves it
                requests.post(f"{url}/v1/devices/{registration.device_id}/approve", timeout=10,
                              headers={"Authorization": f"Bearer {registrations[0].token}"}).raise_for_status()
        backend = _probe(url, registrations[0].token)
        plan = plans.make_plan(self.seed, self.ops, self.cars, backend)
        cars = []
        for i, registration in enumerate(registrations):
            car_dir = folder / f"car{i}"
            plans.save(plan[i], car_dir / "plan.jsonl")
            cars.append(checks.Car(i, car_dir / "profile", registration.device_id, plan[i], car_dir / "history.log"))
        return cars, registrations[0].account_id, backend

    # -- running the cars --------------------------------------------------------------------------

    def _run_workers(self, server: Backend, folder: Path, cars: list[checks.Car], engine: sa.Engine) -> int:
        running: dict[int, tuple[subprocess.Popen, float]] = {}
        incarnation = Counter()
        failures = Counter()
        restarts = 0
        done: set[int] = set()
        url = server.url
        for car in cars:
            running[car.index] = (self._launch(url, folder, car, incarnation[car.index]), time.monotonic())
        last_progress = last_price_change = 0.0
        while running:
            time.sleep(0.05)
            server.keep_up()
            if time.monotonic() - last_price_change > PRICE_CHANGE_EVERY:
                last_price_change = time.monotonic()
                _change_a_price(engine, self._rng)
            for index, (process, since) in list(running.items()):
                code = process.poll()
                if code is None:
                    if time.monotonic() - since > WORKER_TIMEOUT:
                        process.kill()
                        process.wait()
                        raise CampaignError(f"car {index}: worker hung for {WORKER_TIMEOUT:.0f} s")
                    continue
                del running[index]
                if code == 0:
                    done.add(index)
                    continue
                if code != -9:
                    failures[index] += 1
                    if failures[index] > MAX_FAILURES:
                        log = (folder / f"car{index}" / "worker.log").read_text(errors="replace")[-3000:]
                        raise CampaignError(f"car {index}: worker failed {failures[index]} times "
                                            f"(last exit status {code})\n{log}")
                restarts += 1
                incarnation[index] += 1
                running[index] = (self._launch(url, folder, cars[index], incarnation[index]), time.monotonic())
            if time.monotonic() - last_progress > 0.5:
                last_progress = time.monotonic()
                self.on_progress(min(self.ops, _done_ops(engine, [c.device_id for c in cars])), self.ops,
                                 f"{len(done)}/{len(cars)} cars done, {restarts} restarts")
        return restarts

    def _launch(self, url: str, folder: Path, car: checks.Car, incarnation: int) -> subprocess.Popen:
        car_dir = folder / f"car{car.index}"
        env = {**os.environ, crashpoints.ENV_LOG: str(folder / "crashes.log")}
        env.pop(crashpoints.ENV_ARM, None)
        armed = self._crash_for(car, incarnation)
        if armed:
            env[crashpoints.ENV_ARM] = armed
        root = str(Path(__file__).resolve().parents[3])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "headunit.sync.chaos.worker", "--url", url, "--profile", str(car.profile),
                   "--plan", str(car_dir / "plan.jsonl"), "--history", str(car.history),
                   "--faults-log", str(car_dir / "faults.log"), "--fault-rate", str(self.fault_rate),
                   "--fault-seed", str(self.seed * 1000 + car.index * 100 + incarnation)]
        with open(car_dir / "worker.log", "ab") as log:
            return subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)

    def _crash_for(self, car: checks.Car, incarnation: int) -> str | None:
        """`point:nth` for this incarnation: the rotation's next point, due well before the work runs out."""
        if incarnation >= self.crashes_per_car:
            return None
        invoked, _ = checks.read_history(car.history)
        remaining = len(car.plan) - len(invoked)
        pending = _pending(car.profile)
        span = max(1, len(car.plan) // (self.crashes_per_car + 1))
        points = crashpoints.POINTS
        for step in range(len(points)):
            point = points[(car.index + incarnation + step) % len(points)]
            if point == "during_pull_apply":
                return f"{point}:{self._rng.randint(1, 2)}"
            work = remaining if point == "after_local_commit" else remaining + pending
            if work >= 2:
                return f"{point}:{self._rng.randint(1, max(1, min(span, work // 2)))}"
        return None


MUST_BE_ZERO = ("duplicates", "lost", "order_violations", "unexpected_rejections", "expired_but_applied",
                "rejected_but_applied", "mismatched_answers", "phantoms", "declined_but_charged", "money_mismatches",
                "pending", "never_invoked", "orphaned_charges", "unrefunded_refusals", "ledger_mismatches",
                "holds_past_expiry")


def violations(result: dict) -> list[str]:
    """The invariants a campaign's result breaks (empty when all hold)."""
    broken = [key for key in MUST_BE_ZERO if result.get(key)]
    if not result["converged"]:
        broken.append("converged")
    broken += [f"crash point {point} never hit" for point, n in result["crash_points_hit"].items() if not n]
    broken += [f"backend crash point {point} never hit"
               for point, n in result.get("backend_crash_points_hit", {}).items() if not n]
    return broken


def _change_a_price(engine: sa.Engine, rng: random.Random) -> None:
    """A shop changes a price: an order taken over after a crash must still be paid at its first price."""
    from headunit_backend.db import products

    try:
        with engine.begin() as conn:
            ids = conn.execute(sa.select(products.c.id)).scalars().all()
            if ids:
                conn.execute(products.update().where(products.c.id == rng.choice(ids))
                             .values(price_cents=products.c.price_cents + rng.choice([-7, 5, 11])))
    except sa.exc.OperationalError:  # the backend holds the write lock; the next change comes soon
        pass


def _audit(db_url: str) -> dict:
    """Settle what the last crash left in flight, as the next start's reconciler would, then audit the money."""
    from headunit_backend.audit import audit
    from headunit_backend.db import Database
    from headunit_backend.intents import PaymentDesk
    from headunit_backend.payments import SandboxProcessor
    from headunit_backend.reconcile import reconcile_once

    db = Database(db_url)
    try:
        reconcile_once(PaymentDesk(db, SandboxProcessor(db), lease=0))
        report = audit(db)
    finally:
        db.dispose()
    findings = report.to_json()
    return {"orphaned_charges": len(findings["orphaned_charges"]),
            "unrefunded_refusals": len(findings["unrefunded_refusals"]),
            "ledger_mismatches": len(findings["ledger_mismatches"]),
            "holds_past_expiry": len(findings["holds_past_expiry"]), "audited": findings["counts"],
            "audit_findings": [f for name in ("orphaned_charges", "unrefunded_refusals", "ledger_mismatches",
                                              "holds_past_expiry") for f in findings[name]][:20]}


def _probe(url: str, token: str) -> plans.Backend:
    """Which parts of the API the backend offers, and the products and cards the plan can use."""
    session = requests.Session()
    session.trust_env = False
    session.headers["Authorization"] = f"Bearer {token}"
    paths = session.get(f"{url}/openapi.json", timeout=10).json().get("paths", {})
    orders = "/v1/orders" in paths and "/v1/wallet/cards" in paths
    payments = "/v1/payments" in paths and "/v1/wallet/cards" in paths
    reviews = any(p.startswith("/v1/catalog/products/") and p.endswith("/reviews") for p in paths)
    products, card, declined = (), None, None
    if orders or reviews:
        answer = session.get(f"{url}/v1/catalog/products", params={"in_stock": "true", "limit": 100}, timeout=10)
        items = answer.json().get("items", []) if answer.ok else []
        products = tuple(p["id"] for p in items if p.get("stock", 0) > 0)
    if orders or payments:
        card = _add_card(session, url, "tok_visa")
        declined = _add_card(session, url, "tok_declined")
    return plans.Backend(orders=orders and bool(products) and bool(card), reviews=reviews and bool(products),
                         products=products, card=card, declined_card=declined, payments=payments and bool(card))


def _add_card(session: requests.Session, url: str, token: str) -> str | None:
    answer = session.post(f"{url}/v1/wallet/cards", json={"processor_token": token},
                          headers={"Idempotency-Key": str(uuid.uuid4())}, timeout=10)
    return answer.json().get("payment_method_id") if answer.status_code == 201 else None


def _final_pull(url: str, profile: Path) -> dict:
    with SyncClient(url, profile) as client:
        client.pull()
        return client.mirror.all_items()


def _done_ops(engine: sa.Engine, devices: list[str]) -> int:
    from headunit_backend.db import operations

    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(operations).where(
                operations.c.device_id.in_(devices), operations.c.state == "done")).scalar_one()
    except sa.exc.OperationalError:
        return 0


def _pending(profile: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{profile / 'sync.db'}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip()] if path.exists() else []
