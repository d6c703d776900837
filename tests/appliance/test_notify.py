"""`headunit run` under systemd's notify protocol, with the test as the service manager: READY=1 after the
first frame, WATCHDOG=1 at least every half of WATCHDOG_USEC from the GUI thread, none while that thread is
blocked, STOPPING=1 on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from headunit.servicemanager import JournalFormatter, ServiceManager, under_journal

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("frozen_shell.py")
WATCHDOG_USEC = 1_000_000
#: A timer's lateness and the test's own scheduling on a loaded 2-core machine, on top of half the interval.
SLACK_S = 0.15
AFTER_S, FREEZE_S = 2.0, 3.0


class Listener:
    """A unix datagram socket standing in for systemd's notify socket: every message, with when it came."""

    def __init__(self, path: Path) -> None:
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(path))
        self.socket.settimeout(0.2)
        self.messages: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.socket.recv(4096)
            except TimeoutError:
                continue
            self.messages.append((time.time(), data.decode()))

    def times(self, assignment: str) -> list[float]:
        return [at for at, text in self.messages if assignment in text.splitlines()]

    def wait_for(self, assignment: str, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if times := self.times(assignment):
                return times[0]
            time.sleep(0.05)
        raise AssertionError(f"no {assignment} within {timeout} s; got {self.messages}")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


def _stamp(output: str, key: str) -> float:
    line = next(line for line in output.splitlines() if line.startswith(key))
    return float(line.rsplit("=", 1)[1])


def test_ready_after_first_frame_pings_from_the_gui_thread_and_none_while_it_is_blocked(tmp_path: Path,
                                                                                        headunit_home: Path):
    listener = Listener(tmp_path / "notify")
    env = dict(os.environ, NOTIFY_SOCKET=str(tmp_path / "notify"), WATCHDOG_USEC=str(WATCHDOG_USEC),
               QT_QPA_PLATFORM="offscreen", HEADUNIT_HOME=str(headunit_home))
    env.pop("JOURNAL_STREAM", None)
    shell = subprocess.Popen([sys.executable, str(DRIVER), str(AFTER_S), str(FREEZE_S), "--backend", "none"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        ready_at = listener.wait_for("READY=1", timeout=30)
        time.sleep(AFTER_S + FREEZE_S + 1.5)  # pings, the freeze, pings again
        shell.send_signal(signal.SIGTERM)
        output, _ = shell.communicate(timeout=20)
    finally:
        if shell.poll() is None:
            shell.kill()
            shell.communicate()
        listener.close()
    assert shell.returncode == 0, output

    first_frame = _stamp(output, "FIRST_FRAME")
    freeze_start, freeze_end = _stamp(output, "FREEZE start"), _stamp(output, "FREEZE end")
    assert first_frame <= ready_at, "READY=1 came before the first frame"
    ready = next(text for at, text in listener.messages if "READY=1" in text.splitlines())
    assert "STATUS=" in ready

    pings = listener.times("WATCHDOG=1")
    half = WATCHDOG_USEC / 2e6
    before = [ready_at, *(t for t in pings if t < freeze_start)]
    after = [t for t in pings if t > freeze_end]
    assert len(before) >= AFTER_S / half, f"too few pings before the freeze: {before}"
    gaps = [b - a for a, b in zip(before, before[1:])] + [b - a for a, b in zip(after, after[1:])]
    print(f"READY {ready_at - first_frame:.3f} s after the first frame; ping gaps {[round(g, 3) for g in gaps]}")
    assert max(gaps) <= half + SLACK_S, f"pings {max(gaps):.3f} s apart, half the interval is {half} s"
    # Blocked: nothing between the freeze's start and end, and the pings come back with the event loop.
    assert not [t for t in pings if freeze_start < t < freeze_end]
    assert after and after[0] - freeze_end <= half + SLACK_S
    assert listener.times("STOPPING=1"), listener.messages


def test_abstract_socket_and_another_process_watchdog():
    environ = {"NOTIFY_SOCKET": "@headunit-test", "WATCHDOG_USEC": "9000000", "WATCHDOG_PID": "1"}
    manager = ServiceManager(environ)
    assert manager.address == b"\0headunit-test"
    assert manager.watchdog_s is None  # WATCHDOG_PID names another process: not ours to ping
    assert environ == {}  # children (plugin processes, the backend) do not speak for the shell

    mine = ServiceManager({"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "9000000", "WATCHDOG_PID": str(os.getpid())})
    assert mine.watchdog_s == 9.0 and mine.watchdog_period_ms == 3000


def test_no_socket_no_effect():
    manager = ServiceManager({"WATCHDOG_USEC": "1000000"})
    assert manager.watchdog_period_ms is None
    assert not manager.ready("up") and not manager.watchdog() and not manager.stopping()


def test_abstract_socket_receives():
    name = f"headunit-test-{os.getpid()}"
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    peer.bind(b"\0" + name.encode())
    try:
        assert ServiceManager({"NOTIFY_SOCKET": "@" + name}).ready("Home on screen")
        assert peer.recv(4096) == b"READY=1\nSTATUS=Home on screen"
    finally:
        peer.close()


@pytest.mark.parametrize(("level", "prefix"), [("error", "<3>"), ("warning", "<4>"), ("critical", "<2>"),
                                               ("info", "<6>"), ("debug", "<7>")])
def test_journal_lines_carry_their_priority_and_no_time(level: str, prefix: str):
    import logging

    record = logging.LogRecord("headunit.gui", getattr(logging, level.upper()), __file__, 1, "one\ntwo", (), None)
    assert JournalFormatter().format(record) == f"{prefix}headunit.gui: one\n{prefix}two"


def test_journal_stream_must_be_stderr():
    stat = os.fstat(sys.stderr.fileno())
    assert under_journal({"JOURNAL_STREAM": f"{stat.st_dev}:{stat.st_ino}"})
    assert not under_journal({"JOURNAL_STREAM": "1:2"})
    assert not under_journal({})


def test_under_the_journal_python_and_qml_lines_carry_priorities(tmp_path: Path):
    """stderr as the journal's stream (JOURNAL_STREAM names its device and inode): both Python's log records and
    Qt's messages, QML's console included, start with their priority."""
    script = (
        "import logging\n"
        "from headunit.servicemanager import setup_logging\n"
        "assert setup_logging()\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from PySide6.QtQml import QQmlApplicationEngine\n"
        "app = QGuiApplication([])\n"
        "engine = QQmlApplicationEngine()\n"
        "engine.loadData(b'import QtQuick\\nItem { Component.onCompleted: { console.warn(\"w\"); console.error(\"e\") } }')\n"
        "logging.getLogger('headunit.gui').error('cannot open %s', 'x')\n"
    )
    journal = tmp_path / "journal"
    with journal.open("w") as stream:
        stat = os.fstat(stream.fileno())
        env = dict(os.environ, JOURNAL_STREAM=f"{stat.st_dev}:{stat.st_ino}", QT_QPA_PLATFORM="offscreen")
        env.pop("QT_MESSAGE_PATTERN", None)
        subprocess.run([sys.executable, "-c", script], env=env, stderr=stream, check=True, timeout=30)
    assert journal.read_text().splitlines() == ["<4>qml: w", "<3>qml: e", "<3>headunit.gui: cannot open x"]
