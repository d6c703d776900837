"""ServerProcess, the real server other suites start: healthy on return, gone without a trace after."""

import signal

import pytest
import requests

from headunit_backend.process import ServerProcess, ServerStartError, running_in_group


def test_a_server_answers_once_started_and_is_gone_after_stop(sqlite_url):
    with ServerProcess(sqlite_url) as server:
        assert requests.get(f"{server.url}/v1/health", timeout=5).json()["status"] == "ok"

    assert server.returncode in (0, -signal.SIGTERM)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{server.url}/v1/health", timeout=5)


def test_kill_takes_every_worker_down_at_once(sqlite_url):
    server = ServerProcess(sqlite_url, workers=2)
    assert len(running_in_group(server.pid)) >= 3  # the supervisor and two workers (and a helper)

    server.kill()

    assert server.returncode == -signal.SIGKILL
    assert running_in_group(server.pid) == []


def test_a_server_that_cannot_start_says_why(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)

    with pytest.raises(ServerStartError, match="not a database"):
        ServerProcess(str(notes))


def test_a_server_does_not_outlive_the_process_that_started_it(sqlite_url, tmp_path):
    """An emulator killed outright (SIGKILL, a crashed X server) leaves no backend behind."""
    import subprocess
    import sys
    import time

    port_file = tmp_path / "port"
    starter = subprocess.Popen([sys.executable, "-c", (
        "import pathlib, sys, time\n"
        "from headunit_backend.process import ServerProcess\n"
        f"server = ServerProcess({sqlite_url!r})\n"
        f"pathlib.Path({str(port_file)!r}).write_text(str(server.port))\n"
        "time.sleep(120)\n")])
    deadline = time.monotonic() + 30
    while not port_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    url = f"http://127.0.0.1:{port_file.read_text()}/v1/health"
    assert requests.get(url, timeout=5).status_code == 200

    starter.kill()
    starter.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
        except requests.ConnectionError:
            return
        time.sleep(0.2)
    pytest.fail("the backend was still answering 10 s after the process that started it was killed")
