"""Ports on a sandboxed plugin's own loopback that carry each connection to one of the shell's Unix sockets.

A sandbox has a network namespace of its own (without `network`, nothing but its loopback): the shell's
services that QML reads over HTTP (map tiles, catalog images) are bound into it as Unix sockets, and QML reaches
them through a port here, byte for byte. Nothing else is reachable through it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class SocketForwarder:
    """A loopback port whose every connection is carried to the Unix socket at `socket_path`."""

    def __init__(self, socket_path: Path, name: str = "forwarder"):
        self._socket_path, self._name = socket_path, name
        self._listener: socket.socket | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._listener is not None:
                return
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.bind(("127.0.0.1", 0))
            listener.listen(16)
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), name=self._name, daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()

    @property
    def port(self) -> int:
        return self._listener.getsockname()[1] if self._listener is not None else 0

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            threading.Thread(target=self._carry, args=(client,), name=f"{self._name}-connection", daemon=True).start()

    def _carry(self, client: socket.socket) -> None:
        shell = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            shell.connect(str(self._socket_path))
        except OSError as exc:
            log.warning("%s: the shell's socket %s: %s", self._name, self._socket_path, exc)
            client.close()
            shell.close()
            return
        back = threading.Thread(target=_pump, args=(shell, client), name=f"{self._name}-connection", daemon=True)
        back.start()
        _pump(client, shell)
        back.join()
        client.close()
        shell.close()


def _pump(source: socket.socket, target: socket.socket) -> None:
    """Copy until `source` ends, then end `target`'s sending side."""
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    try:
        target.shutdown(socket.SHUT_WR)
    except OSError:
        pass


_images: SocketForwarder | None = None
_images_lock = threading.Lock()


def image_url(image: str) -> str:
    """In a sandboxed plugin's process: the URL its QML loads catalog image `image` from, through the image
    socket the shell binds in with `network` (headunit.shell.cloud_images). Without it, the image is an error."""
    from headunit.shell.cloud_images import IMAGE_SOCKET

    global _images
    with _images_lock:
        if _images is None:
            _images = SocketForwarder(Path(os.environ.get("XDG_RUNTIME_DIR", "")) / IMAGE_SOCKET, "image-forwarder")
            _images.start()
    return f"http://127.0.0.1:{_images.port}/{image.lstrip('/')}"
