"""What the store says, in the driver's language: fitment verdicts with their reasons, prices, ages, stock.

The fitment engine answers in codes (`other_years` {from, to}, `confirm_engine` {engines}); this module turns
them into the words the product page shows, such as "Fits: front, set of 2" or "Does not fit: for 2012–2020
models". Every sentence is a `ctx.tr` literal with placeholders, so German and Chinese can order it their way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CNY": "¥"}


def money(cents: int | None, currency: str | None = None) -> str:
    """An amount as the driver's language writes it: €29.99, 29,99 €, €29.99."""
    if cents is None:
        return ""
    code = currency or "EUR"
    return QLocale(QLocale().name()).toCurrencyString(cents / 100.0, CURRENCY_SYMBOLS.get(code, code), 2)


def number(value: float, decimals: int = 1) -> str:
    return QLocale(QLocale().name()).toString(float(value), "f", decimals)


def age(ctx, seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = int(seconds // 60)
    if minutes < 1:
        return ctx.tr("just now")
    if minutes < 60:
        return ctx.tr("%1 min ago").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return ctx.tr("%1 h ago").replace("%1", str(minutes // 60))
    return ctx.tr("%1 days ago").replace("%1", str(minutes // (24 * 60)))


def fuel(ctx, word: str) -> str:
    return {"petrol": ctx.tr("petrol"), "diesel": ctx.tr("diesel"), "electric": ctx.tr("electric"),
            "hybrid": ctx.tr("hybrid"), "plug-in hybrid": ctx.tr("plug-in hybrid")}.get(word, word)


def body(ctx, word: str) -> str:
    return {"hatchback": ctx.tr("hatchback"), "estate": ctx.tr("estate"), "saloon": ctx.tr("saloon"),
            "suv": ctx.tr("SUV"), "pickup": ctx.tr("pickup")}.get(word, word)


def position(ctx, word: str) -> str:
    return {"front": ctx.tr("front"), "rear": ctx.tr("rear"), "front and rear": ctx.tr("front and rear"),
            "left": ctx.tr("left"), "right": ctx.tr("right"), "driver": ctx.tr("driver's side"),
            "passenger": ctx.tr("passenger's side"), "all": ctx.tr("all round")}.get(word, word)


def either(ctx, words: list[str]) -> str:
    """"a", "a or b", "a, b or c"."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ctx.tr("%1 or %2").replace("%1", ", ".join(words[:-1])).replace("%2", words[-1])


def years(ctx, first: Any, last: Any) -> str:
    if first and last:
        return ctx.tr("%1–%2").replace("%1", str(first)).replace("%2", str(last))
    if first:
        return ctx.tr("%1 on").replace("%1", str(first))
    return ctx.tr("up to %1").replace("%1", str(last)) if last else ""


def condition(ctx, code: str, params: dict[str, Any]) -> str:
    """A detail the owner must confirm, finishing "Fits if: …"."""
    match code:
        case "confirm_year":
            span = years(ctx, params.get("from"), params.get("to"))
            return ctx.tr("your car is a %1 model").replace("%1", span) if span else ctx.tr("the model year matches")
        case "confirm_engine":
            return ctx.tr("your engine is %1").replace("%1", either(ctx, list(params.get("engines") or ())))
        case "confirm_fuel":
            return ctx.tr("your car runs on %1").replace(
                "%1", either(ctx, [fuel(ctx, f) for f in params.get("fuels") or ()]))
        case "confirm_body":
            return ctx.tr("your car is a %1").replace(
                "%1", either(ctx, [body(ctx, b) for b in params.get("bodies") or ()]))
        case "confirm_tyre_size":
            return ctx.tr("your tyres are %1").replace("%1", either(ctx, list(params.get("sizes") or ())))
        case "confirm":
            text = str(params.get("text") or "").strip()
            if text.lower().startswith("with "):
                return ctx.tr("your car has %1").replace("%1", text[5:])
            return text
    return code


def reason(ctx, code: str, params: dict[str, Any]) -> str:
    """Why a product does not fit, or why the store cannot tell, finishing "Does not fit: …"."""
    match code:
        case "other_make":
            return ctx.tr("made for %1 cars").replace("%1", str(params.get("make") or "")) if params.get("make") \
                else ctx.tr("made for other makes")
        case "other_model":
            return ctx.tr("made for the %1").replace("%1", str(params.get("model") or "")) if params.get("model") \
                else ctx.tr("made for other models")
        case "other_years":
            return ctx.tr("for %1 models").replace("%1", years(ctx, params.get("from"), params.get("to")))
        case "other_engine":
            return ctx.tr("for %1 engines").replace("%1", either(ctx, list(params.get("engines") or ())))
        case "other_fuel":
            return ctx.tr("for %1 cars").replace("%1", either(ctx, [fuel(ctx, f) for f in params.get("fuels") or ()]))
        case "other_body":
            return ctx.tr("for the %1 body").replace(
                "%1", either(ctx, [body(ctx, b) for b in params.get("bodies") or ()]))
        case "other_tyre_size":
            return ctx.tr("for %1 tyres").replace("%1", either(ctx, list(params.get("sizes") or ())))
        case "no_vehicle":
            return ctx.tr("tell the store your car in Settings › Vehicle")
        case "no_data":
            return ctx.tr("the shop gives no fitment data")
    return code


def placement(ctx, verdict: Any) -> str:
    """Where it goes and how many come: "front, set of 2"."""
    parts = []
    if getattr(verdict, "position", None):
        parts.append(position(ctx, verdict.position))
    quantity = getattr(verdict, "quantity", None)
    if quantity and quantity > 1:
        parts.append(ctx.tr("set of %1").replace("%1", str(quantity)))
    return ", ".join(parts)


def verdict_words(ctx, verdict: Any, car: str = "") -> dict[str, str]:
    """{kind, title, detail, text}: the chip's word, the reason in words, and both as one sentence."""
    kind = getattr(verdict, "kind", "unknown") if verdict is not None else "unknown"
    if kind == "fits":
        title = ctx.tr("Fits")
        detail = placement(ctx, verdict) or (ctx.tr("any car") if verdict.reason == "universal"
                                             else ctx.tr("your %1").replace("%1", car) if car else ctx.tr("your car"))
        text = ctx.tr("Fits: %1").replace("%1", detail)
    elif kind == "fits_if":
        title = ctx.tr("Fits if")
        detail = "; ".join(condition(ctx, c.code, dict(c.params or {})) for c in verdict.conditions)
        where = placement(ctx, verdict)
        text = ctx.tr("Fits if: %1").replace("%1", detail)
        if where:
            text = ctx.tr("%1 (%2)").replace("%1", text).replace("%2", where)
    elif kind == "does_not_fit":
        title = ctx.tr("Does not fit")
        detail = reason(ctx, verdict.reason, dict(verdict.params or {}))
        text = ctx.tr("Does not fit: %1").replace("%1", detail)
    else:
        title = ctx.tr("Fit unknown")
        detail = reason(ctx, verdict.reason, dict(verdict.params or {})) if verdict is not None else ""
        text = ctx.tr("Fit unknown: %1").replace("%1", detail) if detail else title
    return {"kind": kind, "title": title, "detail": detail, "text": text}


def stock(ctx, count: int) -> str:
    if count <= 0:
        return ctx.tr("Out of stock")
    if count < 5:
        return ctx.tr("Only %1 left").replace("%1", str(count))
    return ctx.tr("In stock")


def fulfilment(ctx, state: str) -> str:
    return {"processing": ctx.tr("Being prepared"), "shipped": ctx.tr("On its way"),
            "ready": ctx.tr("Ready at the workshop"), "delivered": ctx.tr("Delivered"),
            "fitted": ctx.tr("Fitted")}.get(state, state)
