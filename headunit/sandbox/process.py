"""One sandboxed plugin process, seen from the shell: started, watched, answered and ended.

The shell never waits on it. The process is a QProcess; its channel a QLocalSocket served on the GUI
thread; its health is judged by three watches:

- a ping every second, answered by the plugin's GUI thread: unanswered for NOT_RESPONDING_S, the app is
  *not responding* (the shell shows a sheet: wait or close);
- its memory and processor time, read from /proc every second: over the memory limit, or over its processor
  budget for a whole window (headunit.sandbox.limits), the process is ended and the app says why;
- its exit: any end the shell did not ask for is a crash.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal
from PySide6.QtNetwork import QLocalServer

from headunit.sandbox import bwrap
from headunit.sandbox.channel import RemoteError, ShellEnd
from headunit.sandbox.limits import DEFAULT_CPU_BUDGET, DEFAULT_MEMORY_LIMIT, CpuBudget
from headunit.sandbox.output import PluginOutput
from headunit.servicemanager import QT_JOURNAL_PATTERN

log = logging.getLogger(__name__)

NOT_RESPONDING_S = 5.0
PING_INTERVAL_MS = 1000
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def runtime_dir() -> Path:
    """The shell's own folder for sockets: XDG_RUNTIME_DIR/headunit-<pid>, private to its user."""
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    folder = Path(base) / f"headunit-{os.getpid()}"
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc (bubblewrap forks the plugin's interpreter below itself)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


def resident_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE
        except (OSError, ValueError, IndexError):
            pass
    return total


def cpu_seconds(pids: list[int]) -> float:
    """Processor time the processes have used, user and system, with their reaped children's."""
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            ticks += sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
        except (OSError, ValueError, IndexError):
            pass
    return ticks / CLOCK_TICKS


#: What a plugin's process runs.
RUNTIME_MODULE = "headunit.sandbox.runtime_main"

class PluginProcess(QObject):
    """One plugin's process and channel. The `SandboxSupervisor` decides what to do with what it reports."""

    #: The plugin asked something of the shell: call id, method, params.
    requested = Signal(object, str, dict)
    notified = Signal(str, dict)
    #: Answering pings again after not answering (bool: responding).
    respondingChanged = Signal(bool)
    #: The process ended: why, and whether the shell asked for it.
    ended = Signal(str, bool)

    def __init__(self, plugin_id: str, folder: Path, data_folder: Path | None, *, network: bool, audio: bool,
                 sandboxed: bool, wayland_socket: Path | None, memory_limit: int = DEFAULT_MEMORY_LIMIT,
                 cpu_budget: CpuBudget = DEFAULT_CPU_BUDGET,
                 binds: bwrap.Binds = bwrap.Binds(), runtime_module: str = RUNTIME_MODULE,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.binds = binds
        #: The module the process runs: the plugin runtime, or one built on it (dev mode's, which reloads).
        self.runtime_module = runtime_module
        self.plugin_id, self.folder, self.data_folder = plugin_id, folder, data_folder
        self.network, self.audio, self.sandboxed = network, audio, sandboxed
        self.memory_limit = memory_limit
        self.cpu_budget = cpu_budget
        #: (monotonic time, processor seconds) a second apart, as far back as the budget's window.
        self._cpu_samples: deque[tuple[float, float]] = deque()
        self.channel: ShellEnd | None = None
        self.responding = True
        self.started_at = time.monotonic()
        self._wayland = wayland_socket
        self._stopping = False
        self._end_reason: str | None = None
        #: How it ended, for the words the driver sees: crash, memory, cpu or unresponsive.
        self.end_kind = "crash"
        self._last_pong = time.monotonic()
        self._ping_pending = False
        self._dir = Path(tempfile.mkdtemp(prefix=f"{plugin_id[:40]}-", dir=runtime_dir()))
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(str(self._dir / "channel")):
            raise OSError(f"{plugin_id}: cannot listen on {self._dir / 'channel'}: {self._server.errorString()}")
        self._server.newConnection.connect(self._accept)
        self._process = QProcess(self)
        # Its stdout and stderr, one stream, read by the shell into its log (headunit.sandbox.output).
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self._output = PluginOutput(plugin_id)
        self._process.readyReadStandardOutput.connect(
            lambda: self._output.feed(self._process.readAllStandardOutput().data()))
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_error)
        self._watch = QTimer(self, interval=PING_INTERVAL_MS)
        self._watch.timeout.connect(self._check_health)

    # Starting

    def start(self) -> None:
        argv, env = self._command()
        self._process.setProgram(argv[0])
        self._process.setArguments(argv[1:])
        from PySide6.QtCore import QProcessEnvironment

        environment = QProcessEnvironment()
        for key, value in env.items():
            environment.insert(key, value)
        self._process.setProcessEnvironment(environment)
        self._process.start()
        self._watch.start()

    def _command(self) -> tuple[list[str], dict[str, str]]:
        inner = [sys.executable, "-m", self.runtime_module]
        env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": os.environ.get("LANG", "C.UTF-8"),
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "wayland",
               "QT_WAYLAND_SHELL_INTEGRATION": "qt-shell", "QT_QUICK_BACKEND": "software",
               "QT_WAYLAND_DISABLE_WINDOWDECORATION": "1", "QT_ACCESSIBILITY": "0",
               "QT_MESSAGE_PATTERN": QT_JOURNAL_PATTERN}  # QML's warnings with their priorities (sandbox.output)
        if not self.sandboxed:
            if self.data_folder is not None:
                self.data_folder.mkdir(parents=True, exist_ok=True)
            env.update(HEADUNIT_CHANNEL=str(self._dir / "channel"), XDG_RUNTIME_DIR=str(self._dir))
            for name, socket in self.binds.sockets.items():  # where the sandbox would have bound them
                (self._dir / name).symlink_to(socket)
            if self._wayland:
                env["WAYLAND_DISPLAY"] = str(self._wayland)
            for key in ("PYTHONPATH", "PULSE_SERVER", "HEADUNIT_HOME"):
                if key in os.environ:
                    env[key] = os.environ[key]
            return inner, env
        run = bwrap.RUN_DIR
        env.update(HEADUNIT_CHANNEL=f"{run}/channel", XDG_RUNTIME_DIR=run, WAYLAND_DISPLAY=f"{run}/wayland")
        if "PYTHONPATH" in os.environ:
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        pulse = bwrap.pulse_socket() if self.audio else None
        if pulse is not None:
            env["PULSE_SERVER"] = f"unix:{run}/pulse"
        sockets = {**self.binds.sockets, "channel": self._dir / "channel"}
        if self._wayland:
            sockets["wayland"] = self._wayland
        argv = bwrap.sandbox_argv(inner, plugin_folder=self.folder, data_folder=self.data_folder,
                                  network=self.network, audio_socket=pulse, sockets=sockets, env=env,
                                  read_only=self.binds.read_only)
        return argv, {}

    def _accept(self) -> None:
        sock = self._server.nextPendingConnection()
        if sock is None:
            return
        if self.channel is not None:  # one channel a process: a second connection is not the plugin's to make
            sock.abort()
            return
        self.channel = ShellEnd(sock, self)
        self.channel.requested.connect(self.requested)
        self.channel.notified.connect(self.notified)
        self.channel.broken.connect(lambda why: self.end(f"it broke the channel's protocol ({why})"))
        self._server.close()

    # Watching

    @property
    def stopping(self) -> bool:
        """Asked to stop, or being ended: it is on its way out."""
        return self._stopping or self._end_reason is not None

    def pid(self) -> int:
        return int(self._process.processId() or 0)

    def owns_process(self, pid: int) -> bool:
        """Whether `pid` (a Wayland client's, from the kernel) is this plugin's process or below it."""
        root = self.pid()
        return root > 0 and pid in process_tree(root)

    def resident(self) -> int:
        root = self.pid()
        return resident_bytes(process_tree(root)) if root else 0

    def _check_health(self) -> None:
        if self._process.state() != QProcess.ProcessState.Running:
            return
        tree = process_tree(self.pid())
        if self.memory_limit and resident_bytes(tree) > self.memory_limit:
            self.end(f"it used more than {self.memory_limit // (1024 * 1024)} MB of memory", "memory")
            return
        if self._over_cpu_budget(cpu_seconds(tree)):
            budget = self.cpu_budget
            self.end(f"it used more than {budget.share:.0%} of a processor for {budget.window_s:g} s", "cpu")
            return
        if self.channel is None:
            if time.monotonic() - self.started_at > NOT_RESPONDING_S * 3:
                self.end("it did not connect to the shell")
            return
        silent = time.monotonic() - self._last_pong
        if self._ping_pending and silent > NOT_RESPONDING_S and self.responding:
            self.responding = False
            self.respondingChanged.emit(False)
        if not self._ping_pending:
            self._ping_pending = True
            self.channel.request("ping", {}, self._on_pong)

    def _over_cpu_budget(self, used: float) -> bool:
        """Whether the processor time used over the last whole window is over the budget's share of it."""
        now, samples = time.monotonic(), self._cpu_samples
        samples.append((now, used))
        while len(samples) > 1 and now - samples[1][0] >= self.cpu_budget.window_s:
            samples.popleft()  # the oldest that still spans a whole window stays
        since, used_then = samples[0]
        elapsed = now - since
        return elapsed >= self.cpu_budget.window_s and (used - used_then) / elapsed > self.cpu_budget.share

    def _on_pong(self, result: Any, error: RemoteError | None) -> None:
        self._ping_pending = False
        self._last_pong = time.monotonic()
        if error is None and not self.responding:
            self.responding = True
            self.respondingChanged.emit(True)

    # Ending

    def stop(self) -> None:
        """Ask the plugin to stop (its `stop()` runs), and end the process if it has not gone in 2 s."""
        if self._stopping:
            return
        self._stopping = True
        if self.channel is not None:
            self.channel.notify("stop")
        QTimer.singleShot(2000, self._kill)

    def end(self, why: str, kind: str = "crash") -> None:
        """End the process at once (it is over its memory, broke the protocol, or the driver closed it)."""
        if self._end_reason is None:
            self._end_reason, self.end_kind = why, kind
        self._kill()

    def _kill(self) -> None:
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()

    def kill_and_wait(self, grace_ms: int = 0) -> None:
        """At shutdown: the process is gone when this returns (after `grace_ms` to end by itself)."""
        self._stopping = True
        if grace_ms and self._process.waitForFinished(grace_ms):
            return
        self._kill()
        self._process.waitForFinished(2000)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(f"it could not be started: {self._process.errorString()}")

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._end_reason is not None:
            why = self._end_reason
        elif status == QProcess.ExitStatus.CrashExit:
            why = "it crashed"
        else:
            why = f"it exited with status {code}"
        self._finish(why)

    def _finish(self, why: str) -> None:
        self._watch.stop()
        self._output.feed(self._process.readAllStandardOutput().data())
        self._output.close()
        if self.channel is not None:
            self.channel.drain()
            self.channel.close()
        self._server.close()
        for leftover in self._dir.iterdir() if self._dir.exists() else ():
            leftover.unlink(missing_ok=True)
        self._dir.rmdir() if self._dir.exists() else None
        self.ended.emit(why, self._stopping and self._end_reason is None)
