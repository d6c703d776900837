"""The transport adapter: a real network switch, the bearer token, per-plugin traffic, timeouts."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
import time

import pytest
import requests

from headunit.sync import OfflineError, SyncClient, UnavailableError
from tests.sync.conftest import FAST


class RawServer:
    """A loopback HTTP/1.1 server that records the raw bytes of every request and answers `{}` (or nothing)."""

    def __init__(self, *, answer: bool = True):
        self.answer = answer
        self.connections = 0
        self.requests: list[bytes] = []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        buffer = b""
        with conn:
            while True:
                while b"\r\n\r\n" not in buffer:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buffer += data
                head, _, rest = buffer.partition(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                while len(rest) < length:
                    rest += conn.recv(65536)
                self.requests.append(head + b"\r\n\r\n" + rest[:length])
                buffer = rest[length:]
                if not self.answer:
                    time.sleep(5)
                    return
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def raw_server():
    server = RawServer()
    yield server
    server.close()


def registered(url: str, profile, settings=FAST) -> SyncClient:
    """A client that believes it is registered (for servers that are not the backend)."""
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "device.json").write_text(json.dumps({"device_id": "dev_1", "account_id": "acct_1", "token": "s3cret",
                                                     "account_key": "k", "base_url": url}))
    return SyncClient(url, profile, settings=settings)


def test_offline_means_not_a_single_byte(raw_server, tmp_path):
    client = registered(raw_server.url, tmp_path / "p")
    client.set_online(False)
    with pytest.raises(OfflineError):
        client._session.get(f"{raw_server.url}/v1/anything")
    client.put_item("favourites", "home", {"lat": 1})
    assert not client.drain(0.3)
    with pytest.raises(UnavailableError):
        client.get("/v1/weather", {"lat": 1, "lon": 2}, plugin="weather")
    with pytest.raises(OfflineError):
        client.pull()
    assert raw_server.connections == 0 and raw_server.requests == []
    assert client.bytes_by_plugin() == {}
    client.set_online(True)
    assert client.drain(5)
    assert raw_server.connections == 1  # one keep-alive connection for everything since
    client.close()


def test_the_token_is_added_and_the_plugin_tag_stripped(raw_server, tmp_path):
    client = registered(raw_server.url, tmp_path / "p")
    client.enqueue("a", "PUT", "/v1/sync/items/settings/x", {"value": 1}, plugin="org.example.app")
    assert client.drain(5)
    request = raw_server.requests[0].decode()
    assert request.startswith("PUT /v1/sync/items/settings/x HTTP/1.1\r\n")
    assert "Authorization: Bearer s3cret\r\n" in request
    assert "Idempotency-Key: " in request and "X-HeadUnit-Plugin" not in request
    client.close()


def test_bytes_are_counted_per_plugin_and_survive_a_restart(backend, make_client, tmp_path):
    client = make_client("counting")
    client.get("/v1/weather", {"lat": 60.2, "lon": 24.9}, plugin="org.headunit.weather")
    client.put_item("favourites", "home", {"lat": 60.2}, plugin="org.headunit.navigation")
    assert client.drain(5)
    traffic = client.bytes_by_plugin()
    up, down = traffic["org.headunit.weather"]
    assert 150 < up < 1000 and down > 2000  # a small GET, a forecast back
    up, down = traffic["org.headunit.navigation"]
    assert up > 150 and 100 < down < 1000
    assert "headunit" in traffic  # registration, counted for the client itself
    client.close()
    again = SyncClient(backend.url, tmp_path / "counting", settings=FAST)
    assert again.bytes_by_plugin() == traffic
    again.close()


def test_requests_time_out(tmp_path):
    silent = RawServer(answer=False)
    client = registered(silent.url, tmp_path / "p", dataclasses.replace(FAST, read_timeout=0.3))
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        client._session.get(f"{silent.url}/v1/anything")
    assert time.monotonic() - started < 2
    client.close()
    silent.close()


def test_going_offline_closes_idle_connections(raw_server, tmp_path):
    client = registered(raw_server.url, tmp_path / "p")
    client.enqueue("a", "PUT", "/v1/sync/items/settings/x", {"value": 1}, plugin="p")
    assert client.drain(5) and raw_server.connections == 1
    client.set_online(False)
    client.set_online(True)
    client.enqueue("a", "PUT", "/v1/sync/items/settings/x", {"value": 2}, plugin="p")
    assert client.drain(5) and raw_server.connections == 2  # the old socket was closed, not reused
    client.close()
