"""`ctx.payments` (capability: payments): a plugin asks, the shell shows, the driver confirms, the shell pays.

A plugin never makes the write that moves money (`ctx.cloud` refuses it, cloud_access.py). It describes the
payment and the one write it needs; the shell draws the sheet (parked only) and, on the driver's Confirm,
queues that write itself (headunit/shell/payments.py). The plugin hears how it went through its handle.

The same API in a sandbox (headunit/sandbox/remote.py) comes here through `PaymentCalls`, which the shell's
sandbox service serves (`_call_payments_*`), checked against the manifest again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from headunit.host.handles import RequestHandle
from headunit.host.errors import HeadUnitError, PermissionDenied, require_gui_thread

if TYPE_CHECKING:
    from headunit.shell.payments import PairingDesk, PaymentDesk

#: The outcomes after which a handle hears nothing more.
FINAL = ("declined_by_driver", "succeeded", "refused", "failed")


class PaymentHandle(RequestHandle):
    """One payment request. `outcome(state, details)` fires for each step: `queued` (waiting to send),
    `sent` (waiting for the station or merchant), then one of `succeeded` (details["answer"] is the backend's
    answer), `refused` (details["code"], the backend's code such as card_declined), `failed` (details["reason"])
    or `declined_by_driver` (cancelled on the sheet, or the car was not parked)."""

    FINAL = FINAL


def _spec(kind: str, merchant: dict | str, amount_cents: int | None, currency: str | None, request: dict, hold: bool,
          reference: str, details: Iterable[dict], payment_method_id: str | None) -> dict[str, Any]:
    return {"kind": kind, "merchant": merchant, "amount_cents": amount_cents, "currency": currency,
            "request": request, "hold": hold, "reference": reference, "details": list(details),
            "payment_method_id": payment_method_id}


class PaymentsBase(QObject):
    """The handles of one plugin's requests, and the API both sides share."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._handles: dict[str, PaymentHandle] = {}

    def _handle(self, request_id: str) -> PaymentHandle:
        handle = PaymentHandle(request_id, self)
        self._handles[request_id] = handle
        return handle

    def deliver(self, request_id: str, state: str, details: dict[str, Any]) -> None:
        """A step of request `request_id`, handed to its handle. The host calls it; plugins do not need it."""
        handle = self._handles.get(request_id)
        if handle is not None:
            handle._deliver(state, details)
            if handle.done:
                self._handles.pop(request_id, None)


class PluginPayments(PaymentsBase):
    """`ctx.payments` in the shell's process."""

    def __init__(self, desk: "PaymentDesk", pairing: "PairingDesk | None", plugin_id: str,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._desk, self._pairing, self._plugin = desk, pairing, plugin_id
        desk.outcome.connect(self._relay)

    def _relay(self, request_id: str, plugin: str, state: str, details: dict) -> None:
        if plugin == self._plugin:
            self.deliver(request_id, state, details)

    def request(self, *, kind: str, merchant: dict | str, amount_cents: int, currency: str, request: dict,
                hold: bool = False, reference: str = "", details: Iterable[dict] = (),
                payment_method_id: str | None = None) -> PaymentHandle:
        """Ask the driver to pay (on the GUI thread). `request` is the write: {method, path, body}; the shell
        adds the card (`payment_method_id`) the driver chose. Raises ValueError for a request it will not show."""
        require_gui_thread("ctx.payments.request()")
        return self._handle(self._desk.request(self._plugin, _spec(kind, merchant, amount_cents, currency, request,
                                                                   hold, reference, details, payment_method_id)))

    def finish(self, method: str, path: str, body: Any = None) -> PaymentHandle:
        """Queue a write that finishes what the driver confirmed: end a parking session, cancel a fuel hold,
        void a payment, remove a card. No sheet; any driving state."""
        require_gui_thread("ctx.payments.finish()")
        return self._handle(self._desk.finish(self._plugin, method, path, body))

    def link_phone(self) -> bool:
        """Show the shell's QR code for linking a phone (to add a card there). False when refused (moving)."""
        require_gui_thread("ctx.payments.link_phone()")
        if self._pairing is None:
            raise HeadUnitError(f"{self._plugin}: linking a phone is not available on this head unit")
        return self._pairing.open()


class PaymentCalls:
    """`_call_payments_*` handlers for the sandbox service: a sandboxed plugin's ctx.payments, checked against
    its manifest here, in the shell."""

    def __init__(self, sandbox: Any, record: Callable[[str], Any], desk: "PaymentDesk",
                 pairing: "PairingDesk | None"):
        self._sandbox, self._record, self._desk, self._pairing = sandbox, record, desk, pairing
        desk.outcome.connect(self._relay)

    def _require(self, key: str, what: str) -> None:
        if "payments" not in self._record(key).manifest.capabilities:
            raise PermissionDenied(key, "payments", what)

    def _relay(self, request_id: str, plugin: str, state: str, details: dict) -> None:
        self._sandbox.notify_plugin(plugin, "payments.outcome",
                                    {"id": request_id, "state": state, "details": details})

    def _call_payments_request(self, key: str, params: dict[str, Any]) -> str:
        self._require(key, "payments.request()")
        spec = params.get("spec")
        if not isinstance(spec, dict):
            raise TypeError("payments.request: expected a spec object")
        return self._desk.request(key, spec)

    def _call_payments_finish(self, key: str, params: dict[str, Any]) -> str:
        self._require(key, "payments.finish()")
        method, path = params.get("method"), params.get("path")
        if not isinstance(method, str) or not isinstance(path, str):
            raise TypeError("payments.finish: expected a method and a path")
        return self._desk.finish(key, method, path, params.get("body"))

    def _call_payments_linkPhone(self, key: str, params: dict[str, Any]) -> bool:
        self._require(key, "payments.link_phone()")
        return self._pairing.open() if self._pairing is not None else False


def pay_intent(desk: "PaymentDesk") -> Callable[[dict, str], str]:
    """The shell's `pay` intent: {merchant, amount_cents, currency, reference} as a purchase on the same sheet;
    answers the request's id."""

    def pay(params: dict, sender: str) -> str:
        merchant, amount, currency = params.get("merchant"), params.get("amount_cents"), params.get("currency")
        reference = str(params.get("reference", ""))
        from headunit.shell.payments import PaymentError

        try:
            return desk.request(sender, _spec(
                "purchase", {"id": str(merchant), "name": str(merchant)}, amount, currency,
                {"method": "POST", "path": "/v1/payments",
                 "body": {"amount_cents": amount, "currency": currency, "reference": reference,
                          "merchant": {"id": str(merchant), "name": str(merchant)}, "capture": "automatic"}},
                False, reference, (), None))
        except PaymentError as exc:
            from headunit.host.errors import IntentError

            raise IntentError(f"intent 'pay' from {sender}: {exc}") from None

    pay.wants_sender = True  # type: ignore[attr-defined]
    return pay
