"""A plugin's view of the backend: cached reads, durable writes and synced user data.

Every call is tagged with the plugin's id, so Settings shows what each app costs in data, and every
write goes through the outbox, so the driver's order or favourite survives a tunnel or a power cut.
Writes and user data need only the profile's database, not the backend: they work from the start, even
when the account has never been reached. Reads and writes touch disk and network: call them from the
plugin's worker (`ctx.submit`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from headunit.host.errors import CloudUnavailable, PermissionDenied

if TYPE_CHECKING:
    from headunit.shell.cloud import Cloud
    from headunit.sync import Reading

#: Lanes and paths that move money: they need the `payments` capability besides `network`.
PAYMENT_LANES = ("payments",)
PAYMENT_PATHS = ("/v1/orders", "/v1/wallet")
#: Writes no plugin makes, whatever its capabilities: only the shell's payment sheet, on the driver's
#: Confirm, queues them (headunit/shell/payments.py; a plugin asks with ctx.payments).
SHELL_ONLY_PATHS = ("/v1/payments", "/v1/fuel", "/v1/parking", "/v1/orders", "/v1/wallet", "/v1/sandbox",
                    "/v1/pairing")


def shell_only(path: str) -> bool:
    """Whether `path` (any spelling: case, doubled or dot segments, a query) is one of SHELL_ONLY_PATHS."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    clean = posixpath.normpath("/" + unquote(urlsplit(path).path).lower().lstrip("/"))
    return any(clean == p or clean.startswith(p + "/") for p in SHELL_ONLY_PATHS)


def _shell_only_denied(plugin: str, method: str, path: str) -> PermissionDenied:
    exc = PermissionDenied(plugin, "payments", f"submit({method} {path})")
    Exception.__init__(exc, f"{plugin}: submit({method} {path}): only the shell makes writes that move money; "
                            "ask the driver with ctx.payments")
    return exc


class PluginCloud(QObject):
    """`ctx.cloud` (capability: network)."""

    #: One of this plugin's operations reached its final state: op_id, state (acked, rejected or
    #: expired) and the backend's HTTP status (0 when it never answered).
    finished = Signal(str, str, int)

    def __init__(self, cloud: "Cloud", plugin_id: str, capabilities: tuple[str, ...], parent: QObject | None = None):
        super().__init__(parent)
        self._cloud, self._plugin, self._capabilities = cloud, plugin_id, capabilities
        cloud.operationFinished.connect(self._relay)

    def _relay(self, op_id: str, plugin: str, state: str, status: int) -> None:
        if plugin == self._plugin:
            self.finished.emit(op_id, state, status)

    def _client(self):
        client = self._cloud.opened_client()  # the database opens in moments, right after the first frame
        if client is None:
            raise CloudUnavailable(self._cloud.error or "no backend link")
        return client

    def get(self, path: str, params: dict[str, Any] | None = None) -> "Reading":
        """GET `path` through the cache: fresh when online, otherwise the last answer with its age.

        Raises CloudUnavailable when the backend cannot be reached and nothing was cached."""
        client = self._client()
        from headunit.sync.errors import UnavailableError  # loads requests: only once there is a backend

        try:
            return client.get(path, params, plugin=self._plugin)
        except UnavailableError as exc:
            raise CloudUnavailable(str(exc)) from exc

    def submit(self, lane: str, method: str, path: str, body: Any = None, *, not_after: float | None = None) -> str:
        """Queue a write; it is on disk when this returns. Its op_id; `finished` tells how it ended.

        Writes that move money (/v1/payments, /v1/fuel, /v1/parking, /v1/orders, /v1/wallet) and the payments
        lane are the shell's alone: PermissionDenied from every plugin; ask with `ctx.payments` instead."""
        if shell_only(path) or lane in PAYMENT_LANES:
            raise _shell_only_denied(self._plugin, method, path)
        if (lane in PAYMENT_LANES or path.startswith(PAYMENT_PATHS)) and "payments" not in self._capabilities:
            raise PermissionDenied(self._plugin, "payments", f"submit({method} {path})")
        return self._client().enqueue(lane, method, path, body, plugin=self._plugin, not_after=not_after)

    def put(self, collection: str, key: str, value: Any) -> str:
        """Save user data (favourites, destinations, playlists, settings) here and on the account: on disk
        when this returns, sent once the account is reached."""
        return self._client().put_item(collection, key, value, plugin=self._plugin)

    def delete(self, collection: str, key: str) -> str:
        """Remove the item `key` of `collection`, here and on the account, as `put` saves one."""
        return self._client().delete_item(collection, key, plugin=self._plugin)

    def items(self, collection: str) -> dict[str, Any]:
        """The collection as this car knows it: pulled from the account plus its own unsent changes."""
        return self._client().items(collection)

    def image_url(self, image: str) -> str:
        """The URL a page's `Image` shows catalog image `image` (`v1/catalog/images/<name>`) from: the shell
        fetches it with the device's token, which the URL does not hold; its bytes count as this plugin's."""
        return self._cloud.image_url(image, self._plugin)
