"""Rate limits: fixed-window counters in the backend's own database, shared by every API process.

A fleet runs several uvicorn workers (and several hosts) on one PostgreSQL, so a counter kept in a
process's memory would let an attacker multiply every limit by the number of processes. The `limits`
library keeps shared counters only in Redis, Memcached or MongoDB, none of which this service has; one
table and one statement here do the same job on the database every process already shares. A counter is
one `INSERT … ON CONFLICT DO UPDATE … RETURNING` (SQLite and PostgreSQL share the syntax): atomic across
processes, one round trip, no read-then-write race.

What is limited, and by what (defaults in `Settings`, all configurable):

- registration (`POST /v1/devices`): per client address;
- joining an account with an account key or pairing code (a guess at a secret): per client address;
- failed bearer tokens: per client address; past the limit the address is answered 429 for the rest of
  the window, right or wrong token, without looking the token up;
- reviews, reports of reviews and `POST /v1/operations/{id}/expire`: per device and per client address.

A refused request is `429 rate_limited` with `Retry-After` (seconds until the window ends) and has done
nothing: the counter runs before any claim of an Idempotency-Key, so a 429 is never stored as the answer
and the same key may be retried later. The client address is the ASGI `client` (uvicorn takes it from
`X-Forwarded-For` only for proxies listed in `--forwarded-allow-ips`). Addresses in
`Settings.rate_limit_exempt` (none by default; loopback for an embedded backend) are never limited.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Request

from headunit_backend.db import Database, dialect_insert, rate_limits
from headunit_backend.errors import ApiError
from headunit_backend.services import Services, get_services


def rate_limited(retry_after: float, what: str) -> ApiError:
    seconds = max(1, math.ceil(retry_after))
    return ApiError(429, "rate_limited", f"too many {what}; retry in {seconds} s",
                    headers={"Retry-After": str(seconds)})


def hit(db: Database, key: str, limit: int, window: int, now: float | None = None) -> float | None:
    """Count one event under `key`; None while within `limit` per `window` seconds, otherwise the seconds
    until the window ends (the event is counted either way, so hammering does not reopen it early)."""
    if limit <= 0:  # 0 turns a limit off
        return None
    now = time.time() if now is None else now
    start = int(now // window * window)
    with db.write() as conn:
        count = conn.execute(
            dialect_insert(conn, rate_limits)
            .values(key=key, window_start=start, expires_at=start + window, count=1)
            .on_conflict_do_update(index_elements=["key"], set_={
                # A new window restarts the count; the old row is reused rather than piling up.
                "count": sa.case((rate_limits.c.window_start == start, rate_limits.c.count + 1), else_=1),
                "window_start": start, "expires_at": start + window})
            .returning(rate_limits.c.count)).scalar_one()
    return None if count <= limit else start + window - now


def sweep(db: Database, now: float | None = None, batch: int = 1000) -> int:
    """Delete counters whose window has ended; returns how many."""
    now = time.time() if now is None else now
    total = 0
    while True:
        with db.write() as conn:
            stale = sa.select(rate_limits.c.key).where(rate_limits.c.expires_at < now).limit(batch)
            deleted = conn.execute(rate_limits.delete().where(rate_limits.c.key.in_(stale))).rowcount
        total += deleted
        if deleted < batch:
            return total


class _Blocked:
    """Addresses refused for failed tokens, per process: lets a blocked address be answered without a
    database round trip. The database counter is the truth; each process learns a block from it at the
    first failure it sees from that address."""

    MAX = 10_000

    def __init__(self):
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def remaining(self, address: str, now: float) -> float | None:
        with self._lock:
            until = self._until.get(address)
            if until is None:
                return None
            if until <= now:
                del self._until[address]
                return None
            return until - now

    def block(self, address: str, until: float, now: float) -> None:
        with self._lock:
            if len(self._until) >= self.MAX:  # bounded memory: forget the ended blocks first, then any
                for ended in [a for a, u in self._until.items() if u <= now] or list(self._until)[:self.MAX // 2]:
                    del self._until[ended]
            self._until[address] = until


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@dataclass
class RateLimit:
    """The limits one request is subject to: the routes call the one that applies to them."""

    services: Services
    address: str
    blocked: _Blocked

    @property
    def exempt(self) -> bool:
        return self.address in {a.strip() for a in self.services.settings.rate_limit_exempt.split(",")}

    def _check(self, what: str, keys: list[tuple[str, int, int]]) -> None:
        if self.exempt:
            return
        for key, limit, window in keys:
            wait = hit(self.services.db, key, limit, window)
            if wait is not None:
                raise rate_limited(wait, what)

    def registration(self, *, joining: bool) -> None:
        """`POST /v1/devices`; `joining` (an account key or pairing code came with it) also counts as a guess."""
        s = self.services.settings
        keys = [(f"register:addr:{self.address}", s.register_limit, s.register_window)]
        if joining:
            keys.append((f"join:addr:{self.address}", s.join_limit, s.join_window))
        self._check("device registrations from this address", keys)

    def failed_token(self) -> None:
        """A bearer token that matched no device: 429 (and a block) once the address has failed too often."""
        s = self.services.settings
        if self.exempt:
            return
        now = time.time()
        wait = hit(self.services.db, f"token:addr:{self.address}", s.token_failure_limit, s.token_failure_window, now)
        if wait is not None:
            self.blocked.block(self.address, now + wait, now)
            raise rate_limited(wait, "failed bearer tokens from this address")

    def review(self, device_id: str) -> None:
        s = self.services.settings
        self._check("reviews", [(f"review:dev:{device_id}", s.review_limit, s.review_window),
                                (f"review:addr:{self.address}", s.review_address_limit, s.review_window)])

    def report(self, device_id: str) -> None:
        """Reports of reviews: counted apart from reviews, with the same limits."""
        s = self.services.settings
        self._check("review reports", [(f"report:dev:{device_id}", s.review_limit, s.review_window),
                                       (f"report:addr:{self.address}", s.review_address_limit, s.review_window)])

    def expire(self, device_id: str) -> None:
        s = self.services.settings
        self._check("expired operations", [(f"expire:dev:{device_id}", s.expire_limit, s.expire_window),
                                           (f"expire:addr:{self.address}", s.expire_address_limit, s.expire_window)])


def rate_limit(request: Request, services: Annotated[Services, Depends(get_services)]) -> RateLimit:
    """The dependency: no database work of its own."""
    return RateLimit(services, client_address(request), _blocked(request))


def token_guard(limit: Annotated[RateLimit, Depends(rate_limit)]) -> RateLimit:
    """The dependency the token check takes: 429 at once for an address blocked for failed tokens (in this
    process), before its token is even looked up."""
    wait = limit.blocked.remaining(limit.address, time.time())
    if wait is not None:
        raise rate_limited(wait, "failed bearer tokens from this address")
    return limit


def _blocked(request: Request) -> _Blocked:
    state = request.app.state
    blocked = getattr(state, "blocked_addresses", None)
    if blocked is None:
        blocked = state.blocked_addresses = _Blocked()
    return blocked


RateLimited = Annotated[RateLimit, Depends(rate_limit)]
TokenGuard = Annotated[RateLimit, Depends(token_guard)]
