"""Every tunable of the sync client in one place, with the defaults a car uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SyncSettings:
    """Timeouts, backoff, reconcile grace, pull paging and housekeeping (seconds unless named otherwise)."""

    #: Seconds to open a connection and to wait for an answer. Loopback tests use far less.
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    #: Full-jitter backoff: the n-th retry waits uniformly in [0, min(backoff_cap, backoff_base * 2**(n-1))].
    backoff_base: float = 0.5
    backoff_cap: float = 300.0
    #: An unanswered send may still be running on the server. Before an operation past its not_after is
    #: declared `expired` on an "unknown" reconcile, this long must pass since it could last have been sent.
    reconcile_grace: float = 30.0
    #: How many changes one pull page asks for, and how often the background puller runs.
    pull_limit: int = 200
    pull_interval: float = 60.0
    #: While the device waits for approval by a device of its account, how often it asks again.
    approval_poll_interval: float = 5.0
    #: Outbox rows a lane reads per query.
    lane_batch: int = 64
    #: How often per-plugin byte counters are written to sync.db.
    traffic_flush_interval: float = 10.0
    #: An operation queued without a `not_after` gets `created_at + op_lifetime`: the backend forgets stored
    #: idempotency answers after 30 days, so nothing may be sent for the first time, or retried, after its key
    #: could have been swept. Past it, the operation is reconciled (`GET /v1/operations/{id}`), never resent;
    #: an expired user-data write is queued again as a new operation with the car's value (Mirror).
    op_lifetime: float = 7 * 86400.0
    #: Final operations (acked, rejected, expired) stay in the outbox this long, for apps and support.
    keep_final_for: float = 7 * 86400.0
