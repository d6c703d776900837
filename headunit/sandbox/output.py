"""What a sandboxed plugin writes to stdout and stderr, relayed into the shell's log.

The process is the plugin's, so nothing it writes is trusted: not the syslog priority a line claims (`<0>` is
an emergency to the journal), not its length, not its rate. The shell reads the process's output itself and
logs each line under `headunit.plugin.<id>`, with the priority it claims but never above an error, cut to
MAX_LINE characters, and at most LINES_PER_WINDOW lines in WINDOW_S seconds: the rest are counted and said
once. A plugin that floods its output then fills neither the journal nor the shell's rate limit there, and
never passes for the shell.

The plugin runtime's log records and Qt's messages carry their priority (servicemanager.JournalFormatter and
QT_JOURNAL_PATTERN, set in its process); a `print()` has none and is a notice.
"""

from __future__ import annotations

import logging
import re
import time

MAX_LINE = 1000
LINES_PER_WINDOW = 200
WINDOW_S = 10.0

_PRIORITY = re.compile(rb"^<([0-7])>")
#: syslog priority to logging level. A plugin cannot claim more than an error (3); its debug lines (QML's
#: console.log) are notices like a print(), which its author wants to see in the emulator's terminal.
_LEVELS = {3: logging.ERROR, 4: logging.WARNING}
_UNMARKED = 5


class PluginOutput:
    """Lines from one plugin process into the shell's log, limited as the module says."""

    def __init__(self, plugin_id: str, clock=time.monotonic):
        self.log = logging.getLogger(f"headunit.plugin.{plugin_id}")
        self._own_name = f"{self.log.name}: "  # ctx.log's lines name it already; once is enough
        self._clock = clock
        self._partial = b""
        self._window_start = clock()
        self._logged = 0
        self._dropped = 0

    def feed(self, data: bytes) -> None:
        """Bytes as read from the process: complete lines are logged, a last partial one waits for the rest."""
        lines = (self._partial + data).split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > MAX_LINE * 4:  # no line end in sight: log what came, cut
            lines.append(self._partial)
            self._partial = b""
        for line in lines:
            self._line(line)

    def close(self) -> None:
        """The process has ended: its last partial line, and what was dropped, are said now."""
        if self._partial:
            self._line(self._partial)
            self._partial = b""
        self._say_dropped()

    def _line(self, raw: bytes) -> None:
        now = self._clock()
        if now - self._window_start >= WINDOW_S:
            self._say_dropped()
            self._window_start, self._logged = now, 0
        if self._logged >= LINES_PER_WINDOW:
            self._dropped += 1
            return
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            return
        claimed = _PRIORITY.match(raw)
        priority = max(3, int(claimed.group(1))) if claimed else _UNMARKED
        text = raw[claimed.end() if claimed else 0:].decode("utf-8", "replace").removeprefix(self._own_name)
        if len(text) > MAX_LINE:
            text = text[:MAX_LINE] + f"… ({len(text) - MAX_LINE} more characters)"
        self._logged += 1
        self.log.log(_LEVELS.get(priority, logging.INFO), "%s", text)

    def _say_dropped(self) -> None:
        if self._dropped:
            self.log.warning("%d lines of its output were dropped: at most %d lines in %g s are kept",
                             self._dropped, LINES_PER_WINDOW, WINDOW_S)
            self._dropped = 0
