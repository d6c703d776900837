"""Payments on the car: the sheet only the shell draws, and the write only the shell makes.

A plugin asks with `ctx.payments.request(...)` (headunit/host/payments_access.py) or the `pay` intent; the
request lands here. `PaymentDesk` checks it (a known kind, the write that kind makes, the amount in the write
the same as the amount on the sheet), and shows it on the payment sheet (qml/HeadUnit/Shell/PaymentSheet.qml)
only while the car is parked. The sheet is an item of the shell's own scene, given this desk as a property
after the window loads: no QML singleton leads to it, so no plugin's page can reach its Confirm button (a
sandboxed app's surface is another process's window; an in-process app's QML imports only the singletons).

On Confirm the desk queues the write itself, once, in the outbox's `payments` lane (its op_id is the
Idempotency-Key), with the card the driver chose, and reports what happens to it, honestly: waiting to send
(offline), sent (waiting for the station or merchant), succeeded, refused with the backend's code, or failed.

`Pairing` and `PairingDesk` are the sheet with the QR code that links a phone to the car's account
(`POST /v1/pairing`), and `FuelPump` is the emulator's simulated pump for the last fuel hold.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Property, QCoreApplication, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

if TYPE_CHECKING:
    from headunit.shell.cloud import Cloud
    from headunit.shell.notifications import Notifications
    from headunit.vehicle.driving import DrivingState

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: The outbox lane of every write that moves money.
LANE = "payments"
#: Each kind of payment and the one write it makes.
KIND_PATHS = {
    "purchase": ("POST", re.compile(r"^/v1/payments$")),
    "order": ("POST", re.compile(r"^/v1/orders$")),
    "fuel": ("POST", re.compile(r"^/v1/fuel/sessions$")),
    "parking": ("POST", re.compile(r"^/v1/parking/sessions$")),
}
#: The body field that carries the amount the sheet shows, for the kinds whose write names one.
AMOUNT_FIELDS = {"purchase": "amount_cents", "fuel": "hold_cents"}
#: Writes that only finish or undo what the driver already confirmed: no sheet, any driving state.
FINISHING = (
    ("POST", re.compile(r"^/v1/parking/sessions/[A-Za-z0-9_-]{1,64}/end$")),
    ("POST", re.compile(r"^/v1/fuel/sessions/[A-Za-z0-9_-]{1,64}/cancel$")),
    ("POST", re.compile(r"^/v1/payments/[A-Za-z0-9_-]{1,64}/void$")),
    ("DELETE", re.compile(r"^/v1/wallet/cards/[A-Za-z0-9_-]{1,64}$")),
)
#: An unsent payment stops making sense after this long: it is then never sent (the outbox's not_after).
SEND_WITHIN_S = 10 * 60
KIND_ICONS = {"purchase": "mdi6.cart-outline", "order": "mdi6.shopping-outline", "fuel": "mdi6.gas-station",
              "parking": "mdi6.parking"}
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CNY": "¥"}

#: The outcomes a request reports, in the order they can come.
OUTCOMES = ("declined_by_driver", "queued", "sent", "succeeded", "refused", "failed")


def money(cents: int, currency: str, language: str = "en") -> str:
    """`cents` as the driver's language writes an amount: €85.00, 85,00 €, €85.00."""
    locale = QLocale(language.replace("_", "-") if language else "en")
    return locale.toCurrencyString(cents / 100.0, CURRENCY_SYMBOLS.get(currency, currency), 2)


def brand_name(brand: str) -> str:
    """A card brand as printed on the card: visa -> Visa, mastercard -> Mastercard, amex -> American Express."""
    return {"amex": "American Express", "unionpay": "UnionPay", "jcb": "JCB"}.get(brand.lower(), brand.capitalize())


class PaymentError(ValueError):
    """A request the shell will not show: what is wrong with it."""


@dataclass
class PaymentRequest:
    """A payment or hold an app asked for, as the sheet shows it and the backend records it."""

    id: str
    plugin: str
    app_name: str
    kind: str
    merchant: dict[str, str]
    amount_cents: int
    hold: bool
    currency: str
    reference: str
    details: list[dict[str, str]]
    method: str
    path: str
    body: dict[str, Any]
    card: str | None = None
    stage: str = "confirm"  # confirm, saving, queued, sent, succeeded, refused, failed
    op_id: str | None = None
    answer: Any = None
    code: str = ""
    reason: str = ""
    finishing: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _text(spec: dict[str, Any], name: str, limit: int = 200, required: bool = True) -> str:
    value = spec.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise PaymentError(f"{name}: expected a non-empty string")
    return value[:limit]


def check_request(spec: dict[str, Any]) -> dict[str, Any]:
    """The request as the shell will show and send it; PaymentError says what is wrong."""
    kind = spec.get("kind")
    if kind not in KIND_PATHS:
        raise PaymentError(f"kind: expected one of {', '.join(KIND_PATHS)}, got {kind!r}")
    merchant = spec.get("merchant")
    if isinstance(merchant, str):
        merchant = {"id": merchant, "name": merchant}
    if not isinstance(merchant, dict) or not isinstance(merchant.get("name"), str) or not merchant["name"].strip():
        raise PaymentError("merchant: expected {id, name}")
    merchant = {"id": str(merchant.get("id") or merchant["name"])[:64], "name": merchant["name"][:80]}
    amount = spec.get("amount_cents")
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= 10_000_00:
        raise PaymentError("amount_cents: expected a whole number of cents from 1 to 1,000,000")
    currency = _text(spec, "currency", 3)
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise PaymentError("currency: expected an ISO 4217 code such as EUR")
    details = spec.get("details") or []
    if not isinstance(details, list) or len(details) > 4 or not all(
            isinstance(d, dict) and isinstance(d.get("label"), str) and isinstance(d.get("value"), str)
            for d in details):
        raise PaymentError("details: expected at most 4 rows of {label, value}")
    request = spec.get("request")
    if not isinstance(request, dict) or not isinstance(request.get("body", {}), dict):
        raise PaymentError("request: expected {method, path, body}")
    method, pattern = KIND_PATHS[kind]
    if request.get("method", "POST") != method or not isinstance(request.get("path"), str) \
            or not pattern.match(request["path"]):
        raise PaymentError(f"request: a {kind} payment makes {method} {pattern.pattern.strip('^$')}")
    body = dict(request.get("body") or {})
    amount_field = AMOUNT_FIELDS.get(kind)
    if amount_field and body.get(amount_field) != amount:
        raise PaymentError(f"request: {amount_field} must be the amount shown ({amount})")
    if "currency" in body and body["currency"] != currency:
        raise PaymentError("request: currency must be the currency shown")
    # The one the driver sees is the one paid: a purchase's merchant, a fuel session's station.
    named = body.get("merchant") if kind == "purchase" else body.get("station") if kind == "fuel" else None
    if named is not None and (not isinstance(named, dict) or named.get("name") != merchant["name"]):
        raise PaymentError("request: the merchant in the write must be the merchant shown")
    card = spec.get("payment_method_id")
    return {
        "kind": kind, "merchant": merchant, "amount_cents": amount, "hold": bool(spec.get("hold", False)),
        "currency": currency, "reference": _text(spec, "reference", 100, required=False),
        "details": [{"label": d["label"][:40], "value": d["value"][:80]} for d in details],
        "method": method, "path": request["path"], "body": body,
        "card": card if isinstance(card, str) and card else None,
    }


def check_finishing(method: str, path: str) -> None:
    if not any(method == m and p.match(path) for m, p in FINISHING):
        raise PaymentError(f"{method} {path}: not a write that finishes a payment (ending parking, cancelling a "
                           "fuel hold, voiding a payment, removing a card)")


@QmlElement
@QmlUncreatable("the shell sets its payment sheet's desk")
class PaymentDesk(QObject):
    """The shell's payments: one sheet at a time, every write queued by the shell itself."""

    #: Any property changed (QML re-reads).
    changed = Signal()
    #: A request's outcome: request id, plugin id, outcome (OUTCOMES), details (answer, code, reason).
    outcome = Signal(str, str, str, "QVariantMap")
    #: A fuel hold was placed (its session): the simulated pump follows it.
    fuelAuthorized = Signal("QVariantMap")
    # From the I/O thread to the GUI thread.
    _done = Signal(object, object)

    def __init__(self, driving: "DrivingState", cloud: "Cloud", notifications: "Notifications",
                 language: Callable[[], str], app_name: Callable[[str], str], parent: QObject | None = None):
        super().__init__(parent)
        self._driving, self._cloud, self._notifications = driving, cloud, notifications
        self._language, self._app_name = language, app_name
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="payments")
        self._closed = False
        self._ids = itertools.count(1)
        self._requests: dict[str, PaymentRequest] = {}
        self._by_op: dict[str, PaymentRequest] = {}
        self._current: PaymentRequest | None = None
        self._cards: list[dict[str, str]] = []
        self._cards_age: float | None = None
        self._cards_state = "idle"  # idle, loading, ready, unavailable
        self._done.connect(lambda fn, value: fn(value))
        driving.stateChanged.connect(self._follow_driving)
        cloud.operationFinished.connect(self._on_final)
        cloud.changed.connect(self._follow_link)

    # Requests from plugins

    def request(self, plugin: str, spec: dict[str, Any]) -> str:
        """Show a payment for the driver to confirm; its outcomes arrive through `outcome`. Raises PaymentError
        for a request the shell will not show. Refused at once (declined_by_driver) unless parked."""
        checked = check_request(spec)
        req = PaymentRequest(id=f"pay-{next(self._ids)}", plugin=plugin, app_name=self._app_name(plugin), **checked)
        self._requests[req.id] = req
        if not self._driving.parked:
            self._notifications.show_toast(QCoreApplication.translate("Payments", "Payments need the car parked"), "warning")
            self._later(req, "declined_by_driver", reason="not-parked")
            return req.id
        if self._current is not None and self._current.stage in ("confirm", "saving"):
            self._later(req, "failed", reason="busy")
            return req.id
        self._current = req
        self._load_cards(req.card)
        self.changed.emit()
        return req.id

    def finish(self, plugin: str, method: str, path: str, body: Any = None) -> str:
        """Queue a write that only finishes what the driver confirmed (no sheet, any driving state)."""
        check_finishing(method, path)
        req = PaymentRequest(id=f"pay-{next(self._ids)}", plugin=plugin, app_name=self._app_name(plugin),
                             kind="finish", merchant={"id": "", "name": ""}, amount_cents=0, hold=False,
                             currency="", reference="", details=[], method=method, path=path,
                             body=body if isinstance(body, dict) else {}, finishing=True)
        self._requests[req.id] = req
        self._queue(req)
        return req.id

    def _later(self, req: PaymentRequest, state: str, **detail: Any) -> None:
        # After request() returns: the plugin has its handle before the first outcome arrives.
        QTimer.singleShot(0, lambda: self._report(req, state, **detail))

    def _report(self, req: PaymentRequest, state: str, **detail: Any) -> None:
        if state in ("declined_by_driver", "succeeded", "refused", "failed"):
            self._requests.pop(req.id, None)
        self.outcome.emit(req.id, req.plugin, state, {k: v for k, v in detail.items() if v is not None})

    # The driver's answers (the sheet's)

    @Slot()
    def confirm(self) -> None:
        req = self._current
        if req is None or req.stage != "confirm" or not self._driving.parked or self.cardId == "":
            return
        req.body["payment_method_id"] = self.cardId
        req.stage = "saving"
        self.changed.emit()
        self._queue(req)

    @Slot()
    def cancel(self) -> None:
        req = self._current
        if req is None:
            return
        if req.stage == "confirm":
            self._report(req, "declined_by_driver", reason="cancelled")
        self._current = None
        self.changed.emit()

    @Slot(int)
    def chooseCard(self, index: int) -> None:
        if self._current is not None and 0 <= index < len(self._cards) and self._current.stage == "confirm":
            self._current.card = self._cards[index]["id"]
            self.changed.emit()

    def _follow_driving(self) -> None:
        req = self._current
        if req is not None and req.stage == "confirm" and not self._driving.parked:
            self._notifications.show_toast(QCoreApplication.translate("Payments", "Payments need the car parked"), "warning")
            self._report(req, "declined_by_driver", reason="not-parked")
            self._current = None
        self.changed.emit()  # the sheet hides while the car moves, whatever its stage

    # The write, queued by the shell

    def _queue(self, req: PaymentRequest) -> None:
        def enqueue() -> str:
            client = self._cloud.opened_client()
            if client is None:
                raise RuntimeError(self._cloud.error or "no backend link")
            return client.enqueue(LANE, req.method, req.path, req.body, plugin=req.plugin,
                                  not_after=time.time() + SEND_WITHIN_S)

        def queued(result) -> None:
            op_id, error = result
            if error is not None:
                req.stage, req.reason = "failed", str(error)
                self._report(req, "failed", reason=req.reason)
            else:
                req.op_id = op_id
                self._by_op[op_id] = req
                req.stage = "sent" if self._cloud.online else "queued"
                self._report(req, req.stage, op_id=op_id)
            self.changed.emit()

        self._run(enqueue, queued)

    def _run(self, fn: Callable[[], Any], then: Callable[[tuple[Any, BaseException | None]], None]) -> None:
        def work() -> None:
            try:
                result = (fn(), None)
            except Exception as exc:  # noqa: BLE001 - reported to the plugin and the driver
                result = (None, exc)
            self._done.emit(then, result)
        if not self._closed:
            self._io.submit(work)

    def _follow_link(self) -> None:
        """Back online: what waited to be sent is on its way."""
        if not self._cloud.online:
            return
        for req in list(self._by_op.values()):
            if req.stage == "queued":
                req.stage = "sent"
                self._report(req, "sent", op_id=req.op_id)
                self.changed.emit()

    def _on_final(self, op_id: str, plugin: str, state: str, status: int) -> None:
        req = self._by_op.pop(op_id, None)
        if req is None:
            return

        def read():
            client = self._cloud.client
            op = client.operation(op_id) if client is not None else None
            return op.response if op is not None else None

        def settled(result) -> None:
            answer = result[0]
            if state == "acked":
                req.stage, req.answer = "succeeded", answer
                self._report(req, "succeeded", op_id=op_id, status=status, answer=answer)
                if req.kind == "fuel" and isinstance(answer, dict):
                    self.fuelAuthorized.emit(answer)
                if not req.finishing and req is not self._current:
                    self._notifications.show_toast(self._paid_text(req), "success")
            elif state == "rejected":
                code = answer.get("error", "") if isinstance(answer, dict) else ""
                req.stage, req.code = "refused", str(code or f"http_{status}")
                req.reason = str(answer.get("detail", "")) if isinstance(answer, dict) else ""
                self._report(req, "refused", op_id=op_id, status=status, code=req.code, reason=req.reason)
                if not req.finishing and req is not self._current:
                    self._notifications.show_toast(self.refusalText(req), "error")
            else:
                req.stage, req.reason = "failed", "expired"
                self._report(req, "failed", op_id=op_id, reason="expired")
            self.changed.emit()

        self._run(read, settled)

    # Cards, through the cache

    def _load_cards(self, preferred: str | None) -> None:
        self._cards_state = "loading"

        def load():
            client = self._cloud.opened_client(timeout=5)
            if client is None:
                raise RuntimeError("no backend link")
            from headunit.sync.traffic import SHELL

            reading = client.get("/v1/wallet/cards", plugin=SHELL)
            return reading.data, (reading.age_seconds if reading.stale else None)

        def loaded(result) -> None:
            value, error = result
            if error is not None:
                log.info("cards: %s", error)
                self._cards, self._cards_age, self._cards_state = [], None, "unavailable"
            else:
                data, age = value
                items = data.get("items", []) if isinstance(data, dict) else []
                self._cards = [{"id": c["payment_method_id"], "brand": brand_name(str(c.get("brand", ""))),
                                "last4": str(c.get("last4", ""))} for c in items if "payment_method_id" in c]
                self._cards_age, self._cards_state = age, "ready"
            req = self._current
            if req is not None and (req.card is None or req.card not in {c["id"] for c in self._cards}):
                req.card = self._cards[0]["id"] if self._cards else None
            self.changed.emit()

        self._run(load, loaded)

    # What the sheet reads

    def _paid_text(self, req: PaymentRequest) -> str:
        amount = money(req.amount_cents, req.currency, self._language())
        if req.kind == "fuel":
            return QCoreApplication.translate("Payments", "Hold placed: %1. Start fuelling at the pump").replace("%1", amount)
        if req.kind == "parking":
            return QCoreApplication.translate("Payments", "Parking started at %1").replace("%1", req.merchant["name"])
        return QCoreApplication.translate("Payments", "Paid %1 to %2").replace("%1", amount).replace("%2", req.merchant["name"])

    def refusalText(self, req: PaymentRequest) -> str:
        reasons = {
            "card_declined": QCoreApplication.translate("Payments", "The card was declined"),
            "insufficient_funds": QCoreApplication.translate("Payments", "Not enough funds on the card"),
            "expired_card": QCoreApplication.translate("Payments", "The card has expired"),
        }
        return reasons.get(req.code, QCoreApplication.translate("Payments", "Refused: %1").replace("%1", req.reason or req.code))

    @Property(bool, notify=changed, final=True)
    def shown(self) -> bool:
        """The sheet is on screen: a request is open and the car is parked."""
        return self._current is not None and self._driving.parked

    @Property(str, notify=changed, final=True)
    def stage(self) -> str:
        return self._current.stage if self._current else ""

    @Property(str, notify=changed, final=True)
    def kind(self) -> str:
        return self._current.kind if self._current else ""

    @Property(str, notify=changed, final=True)
    def kindIcon(self) -> str:
        return KIND_ICONS.get(self.kind, "mdi6.credit-card-outline")

    @Property(str, notify=changed, final=True)
    def appName(self) -> str:
        return self._current.app_name if self._current else ""

    @Property(str, notify=changed, final=True)
    def merchant(self) -> str:
        return self._current.merchant["name"] if self._current else ""

    @Property(str, notify=changed, final=True)
    def amountText(self) -> str:
        req = self._current
        if req is None:
            return ""
        amount = money(req.amount_cents, req.currency, self._language())
        return QCoreApplication.translate("Payments", "Hold %1").replace("%1", amount) if req.hold else amount

    @Property(str, notify=changed, final=True)
    def amountNote(self) -> str:
        req = self._current
        if req is None or not req.hold:
            return ""
        if req.kind == "fuel":
            return QCoreApplication.translate("Payments", "You pay for what you pump; the rest of the hold is released")
        if req.kind == "parking":
            return QCoreApplication.translate("Payments", "Billed by the minute; the rest of the hold is released")
        return QCoreApplication.translate("Payments", "The final amount is charged later; the rest is released")

    @Property("QVariantList", notify=changed, final=True)
    def details(self) -> list:
        return list(self._current.details) if self._current else []

    @Property("QVariantList", notify=changed, final=True)
    def cards(self) -> list:
        return [{"id": c["id"], "text": f"{c['brand']} •••• {c['last4']}"} for c in self._cards]

    @Property(int, notify=changed, final=True)
    def cardIndex(self) -> int:
        card = self._current.card if self._current else None
        return next((i for i, c in enumerate(self._cards) if c["id"] == card), -1)

    @Property(str, notify=changed, final=True)
    def cardId(self) -> str:
        i = self.cardIndex
        return self._cards[i]["id"] if i >= 0 else ""

    @Property(str, notify=changed, final=True)
    def cardText(self) -> str:
        i = self.cardIndex
        if i >= 0:
            return f"{self._cards[i]['brand']} •••• {self._cards[i]['last4']}"
        if self._cards_state == "loading":
            return QCoreApplication.translate("Payments", "Loading your cards…")
        return QCoreApplication.translate("Payments", "No card on file: add one with your phone")

    @Property(str, notify=changed, final=True)
    def cardsAge(self) -> str:
        """How old the card list is when it came from the cache ("" when fresh)."""
        if self._cards_age is None:
            return ""
        minutes = int(self._cards_age // 60)
        if minutes < 1:
            return QCoreApplication.translate("Payments", "Cards as of a moment ago (offline)")
        if minutes < 120:
            return QCoreApplication.translate("Payments", "Cards as of %1 min ago (offline)").replace("%1", str(minutes))
        return QCoreApplication.translate("Payments", "Cards as of %1 h ago (offline)").replace("%1", str(minutes // 60))

    @Property(str, notify=changed, final=True)
    def statusText(self) -> str:
        req = self._current
        if req is None:
            return ""
        match req.stage:
            case "saving":
                return QCoreApplication.translate("Payments", "Saving…")
            case "queued":
                return QCoreApplication.translate("Payments", "Waiting to send: no connection. It is sent once the car is online")
            case "sent":
                return QCoreApplication.translate("Payments", "Sent, waiting for the station") if req.kind in ("fuel", "parking") \
                    else QCoreApplication.translate("Payments", "Sent, waiting for the merchant")
            case "succeeded":
                return self._paid_text(req)
            case "refused":
                return self.refusalText(req)
            case "failed":
                return QCoreApplication.translate("Payments", "Not sent in time: nothing was charged") if req.reason == "expired" \
                    else QCoreApplication.translate("Payments", "Could not be sent: %1").replace("%1", req.reason)
        return ""

    @Property(str, notify=changed, final=True)
    def statusLevel(self) -> str:
        return {"succeeded": "success", "refused": "error", "failed": "error", "queued": "warning"}.get(self.stage, "info")

    def current_request(self) -> PaymentRequest | None:
        """For tests and the emulator: the request on the sheet."""
        return self._current

    def close(self) -> None:
        self._closed = True
        self._io.shutdown(wait=True)


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the fuel pump")
class FuelPump(QObject):
    """The emulator's simulated pump: dispenses into the last fuel hold, as a station would report it
    (the backend's sandbox endpoint). A developer tool: only the emulator's control panel uses it."""

    create = singleton_of("fuel_pump")

    changed = Signal()

    def __init__(self, desk: PaymentDesk, cloud: "Cloud", parent: QObject | None = None):
        super().__init__(parent)
        self._cloud, self._session = cloud, {}
        desk.fuelAuthorized.connect(self._follow)

    def _follow(self, session: dict) -> None:
        self._session = dict(session)
        self.changed.emit()

    @Property(str, notify=changed, final=True)
    def session(self) -> str:
        return str(self._session.get("session_id", ""))

    @Property(str, notify=changed, final=True)
    def label(self) -> str:
        if not self._session:
            return ""
        station = self._session.get("station") or {}
        return f"{station.get('name', '')} · {self._session.get('pump', '')} · {self._session.get('fuel', '')}"

    @Slot(float)
    def dispense(self, litres: float) -> None:
        session = self.session
        client = self._cloud.client
        if not session or client is None or litres <= 0:
            return
        from headunit.sync.traffic import SHELL

        client.enqueue("sandbox", "POST", f"/v1/sandbox/fuel/sessions/{session}/dispense",
                       {"litres_milli": int(round(litres * 1000))}, plugin=SHELL)
        self._session = {}
        self.changed.emit()


@QmlElement
@QmlUncreatable("the shell sets its pairing sheet's desk")
class PairingDesk(QObject):
    """The sheet that links a phone: `POST /v1/pairing`, its URL drawn as a QR code (parked only)."""

    changed = Signal()
    _done = Signal(object, object)

    def __init__(self, driving: "DrivingState", cloud: "Cloud", notifications: "Notifications",
                 parent: QObject | None = None):
        super().__init__(parent)
        self._driving, self._cloud, self._notifications = driving, cloud, notifications
        self._stage, self._url, self._expires, self._matrix, self._error = "", "", "", [], ""
        self._op: str | None = None
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pairing")
        self._closed = False
        self._done.connect(lambda fn, value: fn(value))
        driving.stateChanged.connect(self._follow_driving)
        cloud.operationFinished.connect(self._on_final)

    def open(self) -> bool:
        if not self._driving.parked:
            self._notifications.show_toast(QCoreApplication.translate("Payments", "Linking a phone needs the car parked"), "warning")
            return False
        self._stage, self._url, self._matrix, self._error = "loading", "", [], ""
        self.changed.emit()
        if not self._cloud.online:
            self._stage, self._error = "error", QCoreApplication.translate("Payments", "Linking a phone needs a connection")
            self.changed.emit()
            return True

        def enqueue():
            client = self._cloud.opened_client()
            from headunit.sync.traffic import SHELL

            return client.enqueue("account", "POST", "/v1/pairing", {}, plugin=SHELL, not_after=time.time() + 60)

        def queued(result):
            self._op = result[0]
            if result[1] is not None:
                self._stage, self._error = "error", str(result[1])
                self.changed.emit()
        self._submit(lambda: self._done.emit(queued, _attempt(enqueue)))
        return True

    def _on_final(self, op_id: str, plugin: str, state: str, status: int) -> None:
        if op_id != self._op:
            return
        self._op = None

        def read():
            return self._cloud.client.operation(op_id).response

        def shown(result):
            answer, error = result
            if self._stage != "loading":
                return
            if state == "acked" and isinstance(answer, dict) and isinstance(answer.get("url"), str):
                self._url, self._expires = answer["url"], str(answer.get("expires_at", ""))
                self._matrix = qr_matrix(self._url)
                self._stage = "ready"
            else:
                self._stage = "error"
                self._error = QCoreApplication.translate("Payments", "The phone link could not be made (%1)").replace(
                    "%1", str(answer.get("error")) if isinstance(answer, dict) else state)
            self.changed.emit()
        self._submit(lambda: self._done.emit(shown, _attempt(read)))

    @Slot()
    def close(self) -> None:
        self._stage = ""
        self.changed.emit()

    def _follow_driving(self) -> None:
        if self._stage and not self._driving.parked:
            self._stage = ""
            self._notifications.show_toast(QCoreApplication.translate("Payments", "Linking a phone needs the car parked"), "warning")
        self.changed.emit()

    @Property(bool, notify=changed, final=True)
    def shown(self) -> bool:
        return self._stage != "" and self._driving.parked

    @Property(str, notify=changed, final=True)
    def stage(self) -> str:
        return self._stage

    @Property(str, notify=changed, final=True)
    def error(self) -> str:
        return self._error

    @Property(str, notify=changed, final=True)
    def url(self) -> str:
        return self._url

    @Property(int, notify=changed, final=True)
    def modules(self) -> int:
        """The QR code's width in modules (with its quiet zone)."""
        return len(self._matrix)

    @Property("QVariantList", notify=changed, final=True)
    def matrix(self) -> list:
        """Each row of the QR code as a string of '1' (dark) and '0' (light), quiet zone included."""
        return list(self._matrix)

    def _submit(self, fn: Callable[[], None]) -> None:
        if not self._closed:
            self._io.submit(fn)

    def shutdown(self) -> None:
        self._closed = True
        self._io.shutdown(wait=True)


def _attempt(fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    try:
        return fn(), None
    except Exception as exc:  # noqa: BLE001 - shown on the sheet
        return None, exc


def qr_matrix(text: str) -> list[str]:
    """The QR code of `text` (segno, error correction M, its 4-module quiet zone) as rows of '0'/'1'."""
    import segno

    qr = segno.make(text, error="m", micro=False)
    return ["".join("1" if dark else "0" for dark in row) for row in qr.matrix_iter(scale=1, border=4)]


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns pairing")
class Pairing(QObject):
    """Opens the phone-linking sheet (Settings › Account). Only opens it: the link itself stays in the shell."""

    create = singleton_of("pairing")

    def __init__(self, desk: PairingDesk, parent: QObject | None = None):
        super().__init__(parent)
        self._desk = desk

    @Slot(result=bool)
    def open(self) -> bool:
        return self._desk.open()
