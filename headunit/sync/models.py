"""Plain values the sync client hands to apps and the shell (immutable, safe to pass between threads)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

State = Literal["pending", "acked", "rejected", "expired"]
FINAL_STATES: tuple[State, ...] = ("acked", "rejected", "expired")


@dataclass(frozen=True, slots=True)
class Operation:
    """One outbox row: a write the driver made, and what became of it.

    `op_id` is the operation's Idempotency-Key. `response` is the server's JSON answer once the operation
    is final (for `expired`, None: the server never applied it and never will).
    """

    seq: int
    op_id: str
    lane: str
    plugin: str
    method: str
    path: str
    body: Any
    created_at: float
    not_after: float | None
    attempts: int
    next_attempt_at: float
    state: State
    response_status: int | None = None
    response: Any = None
    last_error: str | None = None

    @classmethod
    def from_row(cls, row) -> Operation:
        return cls(
            seq=row["seq"], op_id=row["op_id"], lane=row["lane"], plugin=row["plugin"], method=row["method"],
            path=row["path"], body=_loads(row["body"]), created_at=row["created_at"], not_after=row["not_after"],
            attempts=row["attempts"], next_attempt_at=row["next_attempt_at"], state=row["state"],
            response_status=row["response_status"], response=_loads(row["response"]), last_error=row["last_error"],
        )

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES


@dataclass(frozen=True, slots=True)
class Status:
    """What the status bar shows. Times are wall-clock seconds; ages are None when there is nothing to age.

    `online` is the network switch; `linked` says the device is registered with a known backend, approved
    and still on its account (False while the account is not reached yet, while the device waits for
    approval, or once it was removed from the account: writes wait in the outbox). `approval` is
    "pending", "approved" or None (no approval involved); `reason` says why the device is not linked
    ("" when it is); `revoked` says the device was removed from its account (`reason` says how)."""

    online: bool
    linked: bool
    pending: int
    rejected: int
    last_sync: float | None
    oldest_pending_age: float | None
    data_age: float | None
    approval: str | None = None
    reason: str = ""
    revoked: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """A cached read: the data and how old it is.

    `age_seconds` counts from the last time the server produced or confirmed (304) the data. `stale` is
    true when the data is past its freshness lifetime and could not be revalidated (offline, or the
    backend failing). `status` is the HTTP status of the data shown (200 for a revalidated copy).
    """

    data: Any
    age_seconds: float
    from_cache: bool
    stale: bool
    status: int


@dataclass(frozen=True, slots=True)
class BinaryReading:
    """A cached read of a body that is not JSON (a catalog image): its bytes as the server sent them.

    `content_type` is the answer's media type without parameters ("image/svg+xml"); `age_seconds`,
    `from_cache`, `stale` and `status` mean what they mean in `Reading`.
    """

    content: bytes = field(repr=False)
    content_type: str
    age_seconds: float
    from_cache: bool
    stale: bool
    status: int


@dataclass(frozen=True, slots=True)
class Registration:
    """The device's identity in the profile folder. `token` and `account_key` are secrets."""

    device_id: str
    account_id: str
    token: str = field(repr=False)
    account_key: str = field(repr=False)
    base_url: str


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)
