"""The drainer: sends each lane's pending operations, oldest first, one at a time, until each is final.

One thread per lane, so a lane waiting out a backoff, a slow processor or a 429 never holds up another.
Within a lane the next operation goes out only once the one before it is final, which is what keeps
a lane's order on the server.

What an answer means (docs/sync-protocol.md, "Answers"):

    2xx with a complete body                          acked
    401, 408, 409, 425, 429, 5xx                      retry (the operation did not run)
    timeout, lost connection, truncated body          retry (it may have run: the resend is replayed)
    any other 4xx                                     rejected, reported to the app

401 is retried rather than rejected: it says the device's credentials are wrong, not the operation.
An answer about the device rather than the operation (`401`, or `403 device_not_approved` while the
device waits for approval) goes first to the client's `refused(status, answer)`: when it says so, the
operation stays pending, untouched, and the lane holds (the client then reports itself not linked, which
stops every lane until it is approved or linked again). Such an answer is never a rejection.

Retries wait `wait_random_exponential` (full jitter: uniform in [0, min(cap, base * 2**n)]), never less
than a `Retry-After`. Lanes sleep on an Event, so going back online cuts every backoff short at once
(a server's Retry-After still holds), and a restarted client tries again straight away.

User-data writes (PUT and DELETE of `/v1/sync/items/…`) that follow each other in a lane go out
together, up to MAX_PUSH in one `POST /v1/sync/push`: the server applies them in order, each under its own
op_id with its own answer, and stops at one that must be retried, so batching changes the round trips,
never the order or the exactly-once. A backend without push gets them one at a time.

After an ambiguous failure (timeout, lost connection, truncated answer) the operation is simply sent
again: the server replays its stored answer, which costs the same round trip as asking about it.

An operation past its `not_after` is never resent. The drainer asks `GET /v1/operations/{op_id}`:
`done` → the stored answer decides; `in_flight` → ask again later; `unknown` → `expired`, but only once
`reconcile_grace` has passed since the operation could last have been sent (by this process, or by one
that crashed before it started), and then through `POST /v1/operations/{op_id}/expire`, which leaves a
tombstone on the server: a copy still on its way is answered 410 and never runs. (If it ran meanwhile,
that call returns its stored answer instead, which then decides.)
"""

from __future__ import annotations

import email.utils
import itertools
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import requests
from tenacity import RetryCallState, wait_random_exponential

from headunit.sync import crashpoints
from headunit.sync.errors import OfflineError
from headunit.sync.models import Operation
from headunit.sync.outbox import Outbox
from headunit.sync.settings import SyncSettings

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({401, 408, 409, 425, 429})
AMBIGUOUS = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
             requests.exceptions.ContentDecodingError)
IDLE_WAIT = 30.0  # a lane re-reads the outbox at least this often, whatever it was told
MAX_PUSH = 64  # user-data writes per push (the backend takes up to 100)
MAX_PUSH_BYTES = 256 * 1024  # well under the backend's 1 MiB body limit


def pushable(op: Operation) -> bool:
    """A user-data write, which `POST /v1/sync/push` can carry with its neighbours."""
    return op.method in ("PUT", "DELETE") and op.path.startswith("/v1/sync/items/")


def classify(status: int) -> str:
    """'acked', 'retry' or 'rejected' for an HTTP status."""
    if 200 <= status < 300:
        return "acked"
    if status in RETRY_STATUSES or status >= 500 or status < 200:
        return "retry"
    return "rejected"


def retry_after(response: requests.Response, now: float) -> float:
    """Seconds the server asked us to wait (RFC 9110 §10.2.3: delay-seconds or an HTTP date), else 0."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return 0.0
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return 0.0


class Backoff:
    """Capped exponential backoff with full jitter (tenacity's `wait_random_exponential`)."""

    def __init__(self, base: float, cap: float):
        self._wait = wait_random_exponential(multiplier=base, max=cap)

    def __call__(self, attempt: int, floor: float = 0.0) -> float:
        state = RetryCallState(None, None, (), {})
        state.attempt_number = max(1, attempt)
        return max(floor, self._wait(state))


class Outcome:
    """What one attempt decided; `wait` is how long the lane should pause before the next try."""

    __slots__ = ("op", "final", "wait")

    def __init__(self, op: Operation, *, final: bool = False, wait: float = 0.0):
        self.op, self.final, self.wait = op, final, wait


class Drainer:
    """Runs the lanes. `send(op)` performs the HTTP request; `reconcile(op_id)` returns the operation's
    record from `GET /v1/operations/{op_id}`."""

    def __init__(self, outbox: Outbox, *, send: Callable[[Operation], requests.Response],
                 reconcile: Callable[[str], dict[str, Any]], is_online: Callable[[], bool],
                 push: Callable[[list[Operation]], requests.Response] | None = None,
                 expire: Callable[[str], dict[str, Any]] | None = None,
                 settings: SyncSettings = SyncSettings(), clock: Callable[[], float] = time.time,
                 on_final: Callable[[Operation], None] = lambda op: None,
                 on_change: Callable[[], None] = lambda: None,
                 refused: Callable[[int, Any], bool] = lambda status, answer: False):
        self.outbox = outbox
        self._refused = refused
        self._send = send
        self._push = push
        self._expire = expire
        self._reconcile = reconcile
        self._is_online = is_online
        self._settings = settings
        self._clock = clock
        self._on_final = on_final
        self._on_change = on_change
        self._backoff = Backoff(settings.backoff_base, settings.backoff_cap)
        self._lock = threading.Lock()
        # Held while an operation is recorded final and announced, so a waiter that finds nothing pending
        # (`SyncClient.drain`) knows every final was announced too.
        self.settling = threading.RLock()
        self._events: dict[str, threading.Event] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._running = False
        self._generation = 0  # a lane thread from before a stop() never runs on after a restart
        self._reconnects = 0
        self._started_at = clock()
        self._last_sent: dict[int, float] = {}
        self._held_until: dict[int, float] = {}
        outbox.add_listener(self.wake)

    # -- control ---------------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._running:
                return
            self._running = True
            self._generation += 1
            self._started_at = self._clock()
        for lane in self.outbox.lanes():
            self.wake(lane)

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._running = False
            threads = list(self._threads.values())
            self._threads.clear()
            for event in self._events.values():
                event.set()
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    @property
    def running(self) -> bool:
        return self._running

    def wake(self, lane: str | None = None) -> None:
        """New work in `lane` (None: every lane). Starts the lane's thread on first use."""
        with self._lock:
            lanes = [lane] if lane is not None else list(self._events)
            for name in lanes:
                event = self._events.setdefault(name, threading.Event())
                event.set()
                if self._running and name not in self._threads:
                    thread = threading.Thread(target=self._run_lane, args=(name, event, self._generation),
                                              daemon=True, name=f"sync-lane-{name}")
                    self._threads[name] = thread
                    thread.start()

    def reconnected(self) -> None:
        """Connectivity is back: cut every backoff short (a server's Retry-After still holds)."""
        with self._lock:
            self._reconnects += 1
        self.wake()

    # -- the lane loop ---------------------------------------------------------------------------

    def _run_lane(self, lane: str, event: threading.Event, generation: int) -> None:
        try:
            self._drain_lane(lane, event, generation)
        finally:
            self.outbox.db.release_thread()

    def _drain_lane(self, lane: str, event: threading.Event, generation: int) -> None:
        queue: deque[Operation] = deque()
        backoff_epoch = None  # the reconnect count when the head operation's backoff began
        while self._running and self._generation == generation:
            event.clear()  # before looking, so a wake-up that races the look is not lost
            try:
                if not queue:
                    queue.extend(self.outbox.pending(lane, limit=self._settings.lane_batch))
                if not queue or not self._is_online():
                    event.wait(IDLE_WAIT)
                    continue
                op = queue[0]
                now = self._clock()
                due = self._held_until.get(op.seq, 0.0)
                if backoff_epoch == self._reconnects:
                    due = max(due, op.next_attempt_at)
                if due > now:
                    event.wait(min(due - now, IDLE_WAIT))
                    continue
                batch = self._batch(queue, now)
                outcomes = self.attempt_push(batch) if len(batch) > 1 else [self.attempt(op)]
            except Exception:  # a bug or a failing disk must not end the lane: log, pause, look again
                if not self._running:
                    return
                log.exception("sync lane %s failed; retrying", lane)
                queue.clear()
                event.wait(1.0)
                continue
            for outcome in outcomes:  # final ones from the head of the queue, then at most one to retry
                if outcome.final:
                    queue.popleft()
                    backoff_epoch = None
                else:
                    queue[0] = outcome.op
                    backoff_epoch = self._reconnects

    def _batch(self, queue: deque[Operation], now: float) -> list[Operation]:
        """The head of the queue, with the user-data writes right behind it when it is one too. Only
        writes of the same app go together, so each request's bytes are counted against one app."""
        head = queue[0]
        if self._push is None or not pushable(head) or _past(head, now):
            return [head]
        batch, size = [head], _size(head)
        for op in itertools.islice(queue, 1, MAX_PUSH):
            size += _size(op)
            if (not pushable(op) or op.plugin != head.plugin or op.attempts or _past(op, now)
                    or size > MAX_PUSH_BYTES):
                break
            batch.append(op)
        return batch

    # -- one attempt -------------------------------------------------------------------------------

    def attempt(self, op: Operation) -> Outcome:
        """Send or reconcile `op` once and record what happened."""
        now = self._clock()
        if op.not_after is not None and now > op.not_after:
            return self._reconcile_op(op, now)
        self._last_sent[op.seq] = now
        try:
            response = self._send(op)
        except OfflineError:
            return Outcome(op)
        except AMBIGUOUS as exc:
            return self._retry(op, f"{type(exc).__name__}: {exc}", now)
        status = response.status_code
        if status in (401, 403) and self._refused(status, _json_or_none(response)):
            return Outcome(op, wait=IDLE_WAIT)  # held as it is: the device, not the operation, was refused
        kind = classify(status)
        if kind == "retry":
            return self._retry(op, f"HTTP {status}", now, floor=retry_after(response, now))
        try:
            answer = _json(response)
        except ValueError as exc:
            if kind == "acked":  # the write ran but its answer was cut short: the resend is replayed
                return self._retry(op, f"truncated answer: {exc}", now)
            answer = None  # a refusal that is not ours (a proxy's HTML page) is still a refusal
        return self._finish(op, kind, status, answer)

    def attempt_push(self, ops: list[Operation]) -> list[Outcome]:
        """Send consecutive user-data writes in one push; an Outcome for each write that became final,
        in order, then at most one for the write to retry (the rest wait for the next push)."""
        now = self._clock()
        for op in ops:
            self._last_sent[op.seq] = now
        head = ops[0]
        try:
            response = self._push(ops)
        except OfflineError:
            return [Outcome(head)]
        except AMBIGUOUS as exc:
            return [self._retry(head, f"{type(exc).__name__}: {exc}", now)]
        status = response.status_code
        if status in (401, 403) and self._refused(status, _json_or_none(response)):
            return [Outcome(head, wait=IDLE_WAIT)]
        if status != 200 and classify(status) == "rejected":
            # The push as a whole was refused (too large, or a backend without push): the head goes alone,
            # which always makes progress; the next writes are pushed again.
            return [self.attempt(head)]
        if status != 200:
            return [self._retry(head, f"push: HTTP {status}", now, floor=retry_after(response, now))]
        try:
            results = _json(response)["results"]
        except (ValueError, KeyError, TypeError) as exc:
            return [self._retry(head, f"truncated answer: {exc}", now)]
        outcomes = []
        for op, result in zip(ops, results):
            code = result.get("status") if isinstance(result, dict) and result.get("op_id") == op.op_id else None
            if code is None:
                break  # not attempted: goes again in the next push
            kind = classify(code)
            if kind == "retry":
                outcomes.append(self._retry(op, f"HTTP {code}", now))
                break
            outcomes.append(self._finish(op, kind, code, result.get("response")))
        return outcomes or [self._retry(head, "push answered nothing for the first write", now)]

    def _reconcile_op(self, op: Operation, now: float) -> Outcome:
        try:
            record = self._reconcile(op.op_id)
            if record.get("status") == "unknown" and self._expire is not None:
                settle = max(self._started_at, self._last_sent.get(op.seq, 0.0)) + self._settings.reconcile_grace
                if now >= settle:  # give it up for good: the server answers any late copy with 410
                    record = self._expire(op.op_id)
        except OfflineError:
            return Outcome(op)
        except (*AMBIGUOUS, ValueError, requests.HTTPError) as exc:
            return self._retry(op, f"reconcile: {type(exc).__name__}: {exc}", now)
        status = record.get("status")
        if status == "done":
            code = int(record["response_status"])
            answer = record.get("response")
            if code == 410 and isinstance(answer, dict) and answer.get("error") == "operation_expired":
                return self._finish(op, "expired", None, None, error="not delivered before not_after")
            return self._finish(op, "acked" if 200 <= code < 300 else "rejected", code, answer)
        if status == "unknown":
            settle = max(self._started_at, self._last_sent.get(op.seq, 0.0)) + self._settings.reconcile_grace
            if now >= settle:
                return self._finish(op, "expired", None, None, error="not delivered before not_after")
            self._held_until[op.seq] = settle
            return Outcome(op, wait=settle - now)
        return self._retry(op, f"reconcile: operation {status}", now)

    def _retry(self, op: Operation, error: str, now: float, *, floor: float = 0.0) -> Outcome:
        wait = self._backoff(op.attempts + 1, floor)
        if floor:
            self._held_until[op.seq] = now + floor
        op = self.outbox.record_retry(op, error=error, next_attempt_at=now + wait)
        self._on_change()
        return Outcome(op, wait=wait)

    def _finish(self, op: Operation, state: str, status: int | None, answer: Any, *,
                error: str | None = None) -> Outcome:
        crashpoints.hit("after_ack_before_outbox_update")
        if state == "rejected" and isinstance(answer, dict):
            error = f"{answer.get('error', 'HTTP ' + str(status))}: {answer.get('detail', '')}".rstrip(": ")
        with self.settling:
            final = self.outbox.record_final(op, state, status=status, response=answer, error=error)
            self._last_sent.pop(op.seq, None)
            self._held_until.pop(op.seq, None)
            try:
                self._on_final(final)
            except Exception:
                log.exception("sync: on_final callback failed for op %s", op.op_id)
        self._on_change()
        return Outcome(final, final=True)


def _size(op: Operation) -> int:
    """Roughly what the write adds to a push's body."""
    return len(op.path) + len(json.dumps(op.body, ensure_ascii=False).encode()) + 80


def _past(op: Operation, now: float) -> bool:
    return op.not_after is not None and now > op.not_after


def _json_or_none(response: requests.Response) -> Any:
    try:
        return _json(response)
    except ValueError:
        return None


def _json(response: requests.Response) -> Any:
    """The answer's JSON; ValueError when the body is cut short or not JSON."""
    content = response.content
    length = response.headers.get("Content-Length")
    if length is not None and "Content-Encoding" not in response.headers and int(length) != len(content):
        raise ValueError(f"got {len(content)} of {length} bytes")
    if not content:
        return None
    return json.loads(content)
