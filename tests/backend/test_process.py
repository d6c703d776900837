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
