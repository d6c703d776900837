"""The one HTTP adapter under every session of a client: the network switch, the token, timeouts, traffic.

Mounting a single adapter instance on both the caching session and the plain one gives them one
keep-alive connection pool, and makes the switch a real cut: an offline request raises
`OfflineError` before a socket is touched, whichever session, cache or retry loop asked for it.

Requests name their plugin with the `X-HeadUnit-Plugin` header; the adapter strips it before sending
and counts the bytes that crossed the wire (request line, headers and body up; status line, headers
and the body as received, before decompression, down) under that plugin. A request that fails counts
its bytes up, since they may have left, and nothing down.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

import requests
from requests.adapters import HTTPAdapter

from headunit.sync import crashpoints
from headunit.sync.traffic import SHELL, Traffic  # noqa: F401 - SHELL re-exported

PLUGIN_HEADER = "X-HeadUnit-Plugin"


class OfflineError(requests.ConnectionError):
    """The client is switched offline: the request was refused before a byte was sent.

    (Also importable from headunit.sync.errors.)"""


class TransportAdapter(HTTPAdapter):
    """`send` refuses while offline, authenticates, applies default timeouts, injects faults, counts bytes."""

    def __init__(self, *, token: Callable[[], str | None], traffic: Traffic,
                 timeout: tuple[float, float] = (5.0, 20.0), faults=None, pool_maxsize: int = 16):
        super().__init__(pool_connections=4, pool_maxsize=pool_maxsize)
        self._token = token
        self.traffic = traffic
        self.timeout = timeout
        self.faults = faults
        self._online = threading.Event()
        self._online.set()

    @property
    def online(self) -> bool:
        return self._online.is_set()

    def set_online(self, online: bool) -> None:
        """Offline: refuse every new request and drop the idle keep-alive connections (a request already
        on the wire finishes, and its connection is closed instead of going back to the pool)."""
        if online:
            self._online.set()
        else:
            self._online.clear()
            self.poolmanager.clear()

    def send(self, request: requests.PreparedRequest, stream=False, timeout=None, verify=True, cert=None,
             proxies=None) -> requests.Response:
        plugin = request.headers.pop(PLUGIN_HEADER, None) or SHELL
        if not self._online.is_set():
            raise OfflineError(f"offline: {request.method} {request.url} was not sent", request=request)
        token = self._token()
        if token and "Authorization" not in request.headers:
            request.headers["Authorization"] = f"Bearer {token}"
        up = _request_size(request)
        if crashpoints.armed("during_send") and isinstance(request.body, bytes | str):
            _split_body(request)
        send = partial(super().send, stream=stream, timeout=timeout or self.timeout, verify=verify, cert=cert,
                       proxies=proxies)
        try:
            if self.faults is not None:
                response = self.faults.send(request, send, partial(self.build_response, request))
            else:
                response = send(request)
            if not stream:
                response.content  # noqa: B018 - read now, so the bytes are counted (and errors raised) here
        except BaseException:
            self.traffic.add(plugin, up, 0)
            raise
        self.traffic.add(plugin, up, _response_size(response))
        return response


def _request_size(request: requests.PreparedRequest) -> int:
    body = request.body
    size = len(body.encode() if isinstance(body, str) else body) if isinstance(body, bytes | str) else 0
    line = len(request.method or "") + len(request.path_url) + 12  # "METHOD /path HTTP/1.1\r\n"
    return line + sum(len(k) + len(v) + 4 for k, v in request.headers.items()) + 2 + size


def _response_size(response: requests.Response) -> int:
    raw = response.raw
    headers = sum(len(k) + len(v) + 4 for k, v in response.headers.items()) + 2
    line = 13 + len(response.reason or "") + 2  # "HTTP/1.1 200 OK\r\n"
    try:
        body = raw.tell()
    except (AttributeError, OSError):
        body = len(response._content or b"") if response._content not in (None, False) else 0
    return line + headers + body


def _split_body(request: requests.PreparedRequest) -> None:
    """Send the body in two chunks with the `during_send` crash point between them."""
    body = request.body.encode() if isinstance(request.body, str) else request.body

    def chunks():
        yield body[: len(body) // 2]
        crashpoints.hit("during_send")
        yield body[len(body) // 2:]

    request.headers.pop("Content-Length", None)
    request.body = chunks()
