"""A real backend server in a subprocess, for tests, benchmarks and the emulator.

    with ServerProcess("sqlite:///tmp/backend.db") as server:
        requests.get(f"{server.url}/v1/health")

The server runs in its own process group, so `kill()` takes its uvicorn workers down with it (a power cut,
as far as the database can tell) and nothing outlives the test that started it.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path


class ServerStartError(RuntimeError):
    """The server exited or did not answer /v1/health in time; the message ends with its log."""


class ServerProcess:
    """`python -m headunit_backend serve` on a free loopback port, started and healthy on return.

    `args` are extra `serve` options, e.g. `["--idempotency-lease", "1", "--slow-charge-delay", "0.5"]`;
    `env` is added to this process's environment. `.url` is the base URL (`.port`, `.pid` its parts) and
    `.output()` the server's log so far.
    """

    def __init__(self, db_url: str, workers: int = 1, env: Mapping[str, str] | None = None, *,
                 args: Sequence[str] = (), startup_timeout: float = 30.0):
        self.db_url, self.workers = db_url, workers
        self._folder = Path(tempfile.mkdtemp(prefix="headunit-backend-"))
        weakref.finalize(self, shutil.rmtree, self._folder, True)
        self.log = self._folder / "server.log"
        port_file = self._folder / "port"
        command = [sys.executable, "-m", "headunit_backend", "serve", "--db", db_url, "--host", "127.0.0.1",
                   "--port", "0", "--workers", str(workers), "--port-file", str(port_file),
                   "--log-level", "warning", "--exit-with-parent",
                   # Only this machine reaches a server started here: an emulator's, a test's, a benchmark's.
                   "--rate-limit-exempt", "127.0.0.1,::1", *args]
        environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        with open(self.log, "wb") as log:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                             env=environment, start_new_session=True)
        self.pid = self._process.pid
        self._finalizer = weakref.finalize(self, _kill_group, self.pid)
        try:
            self.port = self._wait_for_port(port_file, startup_timeout)
            self.url = f"http://127.0.0.1:{self.port}"
            self._wait_until_healthy(startup_timeout)
        except BaseException:
            self.kill()
            raise

    @property
    def returncode(self) -> int | None:
        return self._process.poll()

    def stop(self, timeout: float = 15.0) -> int | None:
        """Graceful shutdown (SIGTERM: requests in progress finish), then SIGKILL if it takes too long."""
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        return self.kill()

    def kill(self) -> int | None:
        """SIGKILL the server and its workers at once, like pulling the plug; returns once all are gone."""
        _kill_group(self.pid)
        try:
            return self._process.wait(10)
        except subprocess.TimeoutExpired:
            return None
        finally:
            self._finalizer.detach()
            deadline = time.monotonic() + 5
            while running_in_group(self.pid) and time.monotonic() < deadline:
                time.sleep(0.01)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<ServerProcess {getattr(self, 'url', '(starting)')} pid={self.pid} db={self.db_url}>"

    def _wait_for_port(self, port_file: Path, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while True:
            if port_file.exists():
                return int(port_file.read_text())
            self._fail_if_exited()
            if time.monotonic() > deadline:
                raise ServerStartError(f"no port after {timeout:.0f} s\n{self.output()}")
            time.sleep(0.02)

    def _wait_until_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if _healthy(self.port):
                return
            self._fail_if_exited()
            if time.monotonic() > deadline:
                raise ServerStartError(f"/v1/health did not answer within {timeout:.0f} s\n{self.output()}")
            time.sleep(0.02)

    def _fail_if_exited(self) -> None:
        if self._process.poll() is not None:
            raise ServerStartError(f"server exited with status {self._process.returncode}\n{self.output()}")


def _healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/v1/health")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def running_in_group(pgid: int) -> list[int]:
    """Processes of a process group that still run (zombies excluded); empty where /proc is missing."""
    running = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name is in parentheses and may contain spaces; the fields after it are plain.
            fields = entry.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] != "Z":
            running.append(int(entry.parent.name))
    return running


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
