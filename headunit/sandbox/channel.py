"""The channel between the shell and a sandboxed plugin process: JSON-RPC 2.0 over a Unix socket.

One JSON object a line (compact JSON never holds a raw newline). Requests carry an `id` and get one
answer; notifications carry none. Why JSON-RPC and not QtRemoteObjects: every call is one small,
named message that the shell checks against the manifest before acting, and nothing is shared
implicitly (a remoted QObject hands over every property, signal and slot it has). Both ends are
plain Python and readable in a log.

The shell's end (`ShellEnd`) runs on the GUI thread and never waits: answers arrive as signals. The
plugin's end (`PluginEnd`) reads on a thread of its own, so a plugin may wait for an answer while the
shell's requests (a ping, an intent) are handed to its GUI thread.
"""

from __future__ import annotations

import itertools
import json
import logging
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

#: The largest message either side accepts; a longer line ends the channel.
MAX_MESSAGE = 4 * 1024 * 1024


class ChannelError(Exception):
    """The other end broke the protocol, or the channel is closed."""


class RemoteError(Exception):
    """The other end answered a request with an error: its type name and message."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps({"jsonrpc": "2.0", **message}, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode() + b"\n"


class Decoder:
    """Splits a byte stream into messages; raises ChannelError on a line too long or not JSON-RPC."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[dict[str, Any]]:
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        if len(self._buffer) > MAX_MESSAGE:
            raise ChannelError(f"a message longer than {MAX_MESSAGE} bytes")
        return [self._parse(line) for line in lines if line.strip()]

    @staticmethod
    def _parse(line: bytes) -> dict[str, Any]:
        if len(line) > MAX_MESSAGE:
            raise ChannelError(f"a message longer than {MAX_MESSAGE} bytes")
        try:
            message = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ChannelError(f"a message that is not JSON: {exc}") from None
        if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
            raise ChannelError("a message that is not JSON-RPC 2.0")
        if "method" in message and not isinstance(message["method"], str):
            raise ChannelError("a method name that is not a string")
        if "params" in message and not isinstance(message["params"], dict):
            raise ChannelError("params that are not an object")
        return message


def error_body(exc: BaseException) -> dict[str, Any]:
    return {"code": -32000, "message": str(exc), "data": {"type": type(exc).__name__}}


class ShellEnd(QObject):
    """The shell's end, on the GUI thread: never blocks."""

    #: A request from the plugin: id, method, params. Answer it with `reply` or `reply_error`.
    requested = Signal(object, str, dict)
    #: A notification from the plugin: method, params.
    notified = Signal(str, dict)
    #: The channel closed: why.
    closed = Signal(str)
    #: The plugin broke the protocol (the channel closes too): what it sent.
    broken = Signal(str)

    def __init__(self, sock: QLocalSocket, parent: QObject | None = None):
        super().__init__(parent)
        self._socket, self._decoder = sock, Decoder()
        self._ids = itertools.count(1)
        self._pending: dict[int, Callable[[Any, RemoteError | None], None]] = {}
        self._open = True
        sock.setParent(self)
        sock.readyRead.connect(self._read)
        sock.disconnected.connect(lambda: self._close("the plugin process closed its channel"))

    def _read(self) -> None:
        try:
            messages = self._decoder.feed(bytes(self._socket.readAll().data()))
        except ChannelError as exc:
            self.broken.emit(f"the plugin process sent {exc}")
            self._close(f"the plugin process sent {exc}")
            return
        for message in messages:
            if not self._open:
                return
            self._dispatch(message)

    def drain(self) -> None:
        """Handle what the plugin sent just before its process ended (its last words: why it failed), which
        the event loop has not delivered yet, before the channel is closed."""
        if self._open:
            self._socket.waitForReadyRead(0)
            if self._socket.bytesAvailable():
                self._read()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "method" in message:
            params = message.get("params", {})
            if "id" in message:
                self.requested.emit(message["id"], message["method"], params)
            else:
                self.notified.emit(message["method"], params)
            return
        callback = self._pending.pop(message.get("id"), None)
        if callback is None:
            return  # an answer nobody waits for (the wait was given up)
        error = message.get("error")
        if error is not None:
            kind = (error.get("data") or {}).get("type", "Error") if isinstance(error, dict) else "Error"
            callback(None, RemoteError(str(kind), str(error.get("message", "")) if isinstance(error, dict) else ""))
        else:
            callback(message.get("result"), None)

    def _send(self, message: dict[str, Any]) -> None:
        if self._open:
            self._socket.write(encode(message))
            self._socket.flush()

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        self._send({"method": method, "params": params or {}})

    def request(self, method: str, params: dict[str, Any], callback: Callable[[Any, RemoteError | None], None]) -> int:
        """Ask the plugin; `callback(result, error)` runs on the GUI thread when it answers."""
        call_id = next(self._ids)
        self._pending[call_id] = callback
        self._send({"id": call_id, "method": method, "params": params})
        return call_id

    def forget(self, call_id: int) -> None:
        self._pending.pop(call_id, None)

    def reply(self, call_id: Any, result: Any) -> None:
        self._send({"id": call_id, "result": result})

    def reply_error(self, call_id: Any, exc: BaseException) -> None:
        self._send({"id": call_id, "error": error_body(exc)})

    def _close(self, why: str) -> None:
        if not self._open:
            return
        self._open = False
        pending, self._pending = self._pending, {}
        for callback in pending.values():
            callback(None, RemoteError("ChannelError", why))
        if shiboken6.isValid(self._socket):
            self._socket.abort()
        self.closed.emit(why)

    def close(self) -> None:
        self._close("closed by the shell")


class PluginEnd(QObject):
    """The plugin process's end: a reader thread; requests and notifications reach the GUI thread as signals."""

    #: A request from the shell: id, method, params (answer with `reply`/`reply_error`).
    requested = Signal(object, str, dict)
    notified = Signal(str, dict)
    closed = Signal(str)

    def __init__(self, path: str, parent: QObject | None = None):
        super().__init__(parent)
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.connect(path)
        self._write_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, Future] = {}
        self._open = True
        threading.Thread(target=self._read_loop, name="shell-channel", daemon=True).start()

    def _read_loop(self) -> None:
        decoder = Decoder()
        why = "the shell closed the channel"
        try:
            while data := self._socket.recv(65536):
                for message in decoder.feed(data):
                    self._dispatch(message)
        except (OSError, ChannelError) as exc:
            why = str(exc)
        self._open = False
        for future in self._pending.values():
            future.set_exception(ChannelError(why))
        self.closed.emit(why)

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "method" in message:
            if "id" in message:
                self.requested.emit(message["id"], message["method"], message.get("params", {}))
            else:
                self.notified.emit(message["method"], message.get("params", {}))
            return
        future = self._pending.pop(message.get("id"), None)
        if future is None:
            return
        error = message.get("error")
        if error is not None:
            future.set_exception(RemoteError((error.get("data") or {}).get("type", "Error"), error.get("message", "")))
        else:
            future.set_result(message.get("result"))

    def _send(self, message: dict[str, Any]) -> None:
        if not self._open:
            raise ChannelError("the channel to the shell is closed")
        data = encode(message)
        with self._write_lock:
            self._socket.sendall(data)

    def call(self, method: str, params: dict[str, Any] | None = None) -> Future:
        """Ask the shell; the future holds its answer or raises RemoteError."""
        call_id = next(self._ids)
        future: Future = Future()
        self._pending[call_id] = future
        self._send({"id": call_id, "method": method, "params": params or {}})
        return future

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        self._send({"method": method, "params": params or {}})

    def reply(self, call_id: Any, result: Any) -> None:
        self._send({"id": call_id, "result": result})

    def reply_error(self, call_id: Any, exc: BaseException) -> None:
        self._send({"id": call_id, "error": error_body(exc)})

    def close(self) -> None:
        self._open = False
        try:
            self._socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._socket.close()
