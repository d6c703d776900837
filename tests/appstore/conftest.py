"""A real backend on loopback for the car's app store client, and a mirror an attacker controls: it serves
whatever metadata and packages it was given (recorded from the backend earlier, or altered)."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tuf.api.metadata import Metadata

from headunit_backend.process import ServerProcess

PREFIX = "/v1/apps/"


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[ServerProcess]:
    with ServerProcess(f"sqlite:///{tmp_path / 'backend.db'}") as server:
        yield server


@pytest.fixture
def backend_db(backend: ServerProcess) -> str:
    """The running backend's database, for the operator's commands (`headunit-backend apps …`)."""
    return backend.db_url


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


def record(base_url: str) -> dict[str, bytes]:
    """What a car reads from the backend right now: the newest metadata and every package, by path under
    /v1/apps/ (what a mirror would keep, or an attacker would replay later)."""
    apps = base_url.rstrip("/") + PREFIX
    files = {"metadata/timestamp.json": fetch(apps + "metadata/timestamp.json")}
    snapshot_version = Metadata.from_bytes(files["metadata/timestamp.json"]).signed.snapshot_meta.version
    name = f"metadata/{snapshot_version}.snapshot.json"
    files[name] = fetch(apps + name)
    targets_version = Metadata.from_bytes(files[name]).signed.meta["targets.json"].version
    name = f"metadata/{targets_version}.targets.json"
    files[name] = fetch(apps + name)
    for target in Metadata.from_bytes(files[name]).signed.targets.values():
        path = f"targets/{target.hashes['sha256']}.{target.path}"
        files[path] = fetch(apps + path)
    return files


class Mirror:
    """An HTTP server on loopback answering `/v1/apps/<path>` from `files` (404 for anything else)."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                body = mirror.files.get(self.path.removeprefix(PREFIX)) if self.path.startswith(PREFIX) else None
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def mirror() -> Iterator[Callable[[dict[str, bytes]], Mirror]]:
    made: list[Mirror] = []

    def serve(files: dict[str, bytes]) -> Mirror:
        made.append(Mirror(files))
        return made[-1]

    yield serve
    for server in made:
        server.close()

