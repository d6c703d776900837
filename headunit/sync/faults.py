"""Fault injection for the transport: the failures a car's network and a busy backend produce.

    fail_before_send   the connection fails before a byte leaves: the server saw nothing
    lose_ack           the server committed and answered; the answer is lost (connection reset)
    timeout            the server committed; the client gave up waiting (ReadTimeout)
    server_error       a 503 from the load balancer: nothing ran
    rate_limited       a 429 with Retry-After: nothing ran
    conflict           a 409 idempotency_key_in_flight: the key is busy, nothing ran
    truncated          the server committed; its answer arrives cut in half

Every request draws from one seeded RNG, so a campaign replays the same faults for the same seed and
the same request order. `force(kind)` queues a fault for the next matching request, ahead of the RNG,
for tests that need one particular failure. `injected` counts what was injected, and `on_inject(kind)`
hears of each one as it happens (a campaign logs them where a killed process cannot lose them).
"""

from __future__ import annotations

import io
import json
import random
import threading
from collections import Counter, deque
from collections.abc import Callable, Mapping

import requests
from urllib3 import HTTPResponse

KINDS = ("fail_before_send", "lose_ack", "timeout", "server_error", "rate_limited", "conflict", "truncated")


class FaultInjector:
    """Wraps the transport's real send. `rate` is the chance that a matching request gets a fault."""

    def __init__(self, *, rate: float = 0.0, seed: int | None = None, weights: Mapping[str, float] | None = None,
                 retry_after: int = 1, match: Callable[[requests.PreparedRequest], bool] | None = None,
                 on_inject: Callable[[str], object] | None = None):
        weights = dict(weights) if weights is not None else dict.fromkeys(KINDS, 1.0)
        unknown = set(weights) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds: {', '.join(sorted(unknown))}")
        self.rate = rate
        self.retry_after = retry_after
        self.match = match
        self.on_inject = on_inject
        self.injected: Counter[str] = Counter()
        self._kinds = [k for k in KINDS if weights.get(k, 0) > 0]
        self._weights = [weights[k] for k in self._kinds]
        self._rng = random.Random(seed)
        self._forced: deque[str] = deque()
        self._lock = threading.Lock()

    def force(self, kind: str, times: int = 1) -> None:
        """Inject `kind` into the next `times` matching requests."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}")
        with self._lock:
            self._forced.extend([kind] * times)

    def _draw(self, request: requests.PreparedRequest) -> str | None:
        if self.match is not None and not self.match(request):
            return None
        with self._lock:
            if self._forced:
                kind = self._forced.popleft()
            elif self.rate and self._kinds and self._rng.random() < self.rate:
                kind = self._rng.choices(self._kinds, self._weights)[0]
            else:
                return None
            self.injected[kind] += 1
        if self.on_inject is not None:
            self.on_inject(kind)
        return kind

    def send(self, request: requests.PreparedRequest, send: Callable[[requests.PreparedRequest], requests.Response],
             build: Callable[[HTTPResponse], requests.Response]) -> requests.Response:
        kind = self._draw(request)
        if kind is None:
            return send(request)
        if kind == "fail_before_send":
            raise requests.ConnectionError(f"injected: connection failed before {request.method} was sent",
                                           request=request)
        if kind == "server_error":
            return build(_synthetic(503, "unavailable"))
        if kind == "rate_limited":
            return build(_synthetic(429, "rate_limited", {"Retry-After": str(self.retry_after)}))
        if kind == "conflict":
            return build(_synthetic(409, "idempotency_key_in_flight"))
        response = send(request)
        content = response.content
        response.close()
        if kind == "truncated":  # the connection drops halfway through the body, as urllib3 would see it
            headers = {**response.headers, "Content-Length": str(len(content))}
            headers.pop("Content-Encoding", None)
            return build(HTTPResponse(body=io.BytesIO(content[: len(content) // 2]), headers=headers,
                                      status=response.status_code, reason=response.reason, preload_content=False))
        if kind == "timeout":
            raise requests.ReadTimeout(f"injected: no answer to {request.method} in time", request=request)
        raise requests.ConnectionError(f"injected: connection reset after {request.method} was sent",
                                       request=request)


def _synthetic(status: int, code: str, headers: dict[str, str] | None = None) -> HTTPResponse:
    body = json.dumps({"error": code, "detail": "injected fault"}).encode()
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body)), **(headers or {})}
    return HTTPResponse(body=io.BytesIO(body), headers=headers, status=status, preload_content=False,
                        reason="Injected")
