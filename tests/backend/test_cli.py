"""`headunit-backend serve`: what a person sees when it starts, and when the database or port is wrong."""

import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
import requests


def serve(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "headunit_backend", "serve", *args], capture_output=True,
                          text=True, timeout=timeout)


def assert_clear_error(result: subprocess.CompletedProcess, *expected: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("headunit-backend: error: ")
    for text in expected:
        assert text in result.stderr


def test_a_file_that_is_not_a_database_is_named_in_the_error(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: wiper blades, screenwash\n" * 200)

    assert_clear_error(serve("--db", str(notes), "--port", "0"), str(notes), "not a database")


def test_a_corrupt_sqlite_file_is_named_in_the_error(tmp_path):
    corrupt = tmp_path / "backend.db"
    with sqlite3.connect(corrupt) as conn:
        conn.executescript("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('car');")
    data = bytearray(corrupt.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, after the intact file header
    corrupt.write_bytes(bytes(data))

    assert_clear_error(serve("--db", f"sqlite:///{corrupt}", "--port", "0"), str(corrupt))


@pytest.mark.parametrize(("url", "expected"), [
    ("mysql://localhost/backend", "not a supported database URL"),
    ("postgresql://driver:secret@127.0.0.1:1/backend", "127.0.0.1:1"),
    ("sqlite:////no/such/folder/backend.db", "/no/such/folder/backend.db"),
])
def test_unusable_database_urls_are_explained(url, expected):
    result = serve("--db", url, "--port", "0")

    assert_clear_error(result, expected)
    assert "secret" not in result.stderr


def test_a_port_in_use_is_explained(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = serve("--db", str(tmp_path / "backend.db"), "--port", str(taken.getsockname()[1]))

    assert_clear_error(result, "cannot listen on 127.0.0.1:")


def test_serve_prints_its_url_writes_the_port_file_and_stops_on_sigterm(tmp_path):
    port_file = tmp_path / "port"
    server = subprocess.Popen([sys.executable, "-m", "headunit_backend", "serve", "--db", str(tmp_path / "b.db"),
                               "--port", "0", "--port-file", str(port_file), "--log-level", "warning"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        assert url, line
        assert port_file.read_text().strip() == url.group(1)
        for _ in range(200):
            try:
                health = requests.get(f"{url.group(0)}/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        assert health.json()["status"] == "ok"
        server.send_signal(signal.SIGTERM)
        assert server.wait(15) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once it has shut down
    finally:
        server.kill()
        server.stdout.close()
