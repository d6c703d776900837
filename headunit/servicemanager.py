"""Speaking to systemd when it runs the shell: sd_notify(3) datagrams and log lines the journal reads.

A `Type=notify` unit with `WatchdogSec=` hands the shell NOTIFY_SOCKET (and WATCHDOG_USEC, WATCHDOG_PID):
the shell says READY=1 once home is on screen and WATCHDOG=1 from the GUI thread's event loop, so a frozen
GUI thread stops the pings and systemd restarts the shell. Without NOTIFY_SOCKET every call here does nothing.
The protocol is one datagram per message on a unix socket: a few lines of `socket`, no dependency, and
`socket` imported only once there is a message to send.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any

#: What systemd puts in the environment for us; taken out of it so that child processes (the sandboxed
#: plugins, the embedded backend) do not speak for the shell (sd_notify's unset_environment).
_VARIABLES = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")


class ServiceManager:
    """The shell's line to systemd, read once from the environment."""

    def __init__(self, environ: MutableMapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        socket_path, usec, pid = (environ.pop(name, "") for name in _VARIABLES)
        self.address = _address(socket_path)
        #: Seconds without a WATCHDOG=1 after which systemd restarts the shell; None: no watchdog for us.
        self.watchdog_s: float | None = None
        if self.address and usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid())):
            self.watchdog_s = int(usec) / 1e6
        self._socket: Any = None  # a socket.socket, made (and `socket` imported) at the first message

    @property
    def watchdog_period_ms(self) -> int | None:
        """How often to ping: a third of the timeout (systemd asks for at least every half), so that a busy
        turn of the event loop or a late timer still keeps within half of it."""
        return None if self.watchdog_s is None else max(1, int(self.watchdog_s * 1000 / 3))

    def notify(self, *assignments: str) -> bool:
        """Send `KEY=value` assignments in one datagram; False when there is no one to tell or it failed."""
        if not self.address:
            return False
        try:
            if self._socket is None:
                import socket

                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)  # not inherited (PEP 446)
            self._socket.sendto("\n".join(assignments).encode(), self.address)
        except OSError as exc:  # systemd gone or the socket full: the shell goes on; the watchdog will tell
            logging.getLogger(__name__).warning("NOTIFY_SOCKET: %s", exc)
            return False
        return True

    def ready(self, status: str) -> bool:
        return self.notify("READY=1", f"STATUS={status}")

    def status(self, status: str) -> bool:
        return self.notify(f"STATUS={status}")

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self, status: str = "Stopping") -> bool:
        return self.notify("STOPPING=1", f"STATUS={status}")

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def _address(value: str) -> str | bytes | None:
    """A path, or '@name' for an abstract socket (a leading NUL byte on the wire)."""
    if value.startswith("/"):
        return value
    if value.startswith("@") and len(value) > 1:
        return b"\0" + value[1:].encode()
    return None  # unset, or a kind (vsock:) a head unit is never given


# The journal

#: syslog priorities by logging level (sd-daemon(3): SD_CRIT "<2>", SD_ERR "<3>", SD_WARNING "<4>", ...).
_PRIORITIES = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6))


class JournalFormatter(logging.Formatter):
    """`<3>name: message`, every line of it prefixed (a traceback's lines too, or the journal files them at
    the unit's default priority); no time: the journal stamps each line itself."""

    def __init__(self) -> None:
        super().__init__("%(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in _PRIORITIES if record.levelno >= level), 7)
        return "\n".join(f"<{priority}>{line}" for line in super().format(record).splitlines())


def under_journal(environ: Mapping[str, str] | None = None) -> bool:
    """stderr is systemd's journal stream: JOURNAL_STREAM names its device and inode (systemd.exec(5)); a
    redirected stderr (`2>file` in a unit's shell command) does not match and keeps plain lines."""
    value = (os.environ if environ is None else environ).get("JOURNAL_STREAM", "")
    try:
        device, inode = (int(part) for part in value.split(":"))
        stat = os.fstat(sys.stderr.fileno())
    except (ValueError, OSError, AttributeError):
        return False
    return (stat.st_dev, stat.st_ino) == (device, inode)


#: Qt's own messages (QML warnings and errors) with the same prefixes, through Qt's message pattern.
QT_JOURNAL_PATTERN = ("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}%{if-critical}<3>%{endif}"
                      "%{if-fatal}<2>%{endif}%{if-category}%{category}: %{endif}%{message}")


def setup_logging() -> bool:
    """The shell's log, on stderr: warnings and worse, and plugins' notices too (a plugin's output is its log:
    headunit.sandbox.output). Under the journal every line carries its priority, Qt's messages too; else plain
    `name: message` lines. Whether stderr is the journal."""
    journal = under_journal()
    handler = logging.StreamHandler(sys.stderr)
    if journal:
        os.environ.setdefault("QT_MESSAGE_PATTERN", QT_JOURNAL_PATTERN)  # read when Qt first prints
        handler.setFormatter(JournalFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    logging.getLogger("headunit.plugin").setLevel(logging.INFO)
    return journal
