"""Input every route refuses before it runs: oversized bodies, and JSON or URLs no handler could store.

One ASGI middleware checks every request, whatever its method or route, so no handler (and no write)
ever sees such input, and no route can forget a check:

- a body over 1 MiB, declared or streamed (chunked), is `413 payload_too_large`: the body is read in full
  (up to the limit) before the app is called, so the refusal is a clean answer, never a half-sent one;
- a JSON body (no Content-Type, or a JSON one) must be UTF-8 and JSON (`400 malformed_request`), nest at
  most `MAX_JSON_DEPTH` arrays/objects (counted on the raw bytes before parsing: a parser's recursion is
  the thing a deep body attacks), hold no `NaN`/`Infinity`/`-Infinity` nor a number too large for a
  double (Python reads them, JSON has no such values, and they were stored as null), and no string (key
  or value) with a NUL character (PostgreSQL cannot store it) or a lone UTF-16 surrogate such as
  `"\\ud800"` (no encoding can store it): `422 invalid_request`;
- a path or query string must be UTF-8 once percent-decoded, without NUL: `422 invalid_request`.
"""

from __future__ import annotations

import json
import math
import re
from urllib.parse import unquote_to_bytes

MAX_BODY_BYTES = 1024 * 1024
#: Arrays and objects inside one another: the deepest real body (a push of playlists) nests under 10.
MAX_JSON_DEPTH = 32

_STRINGS = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class InputRefused(Exception):
    def __init__(self, status: int, code: str, detail: str, location: str = "body", kind: str = ""):
        super().__init__(detail)
        self.status, self.code, self.detail, self.location, self.kind = status, code, detail, location, kind

    def body(self) -> bytes:
        answer = {"error": self.code, "detail": self.detail}
        if self.status == 422:
            answer["errors"] = [{"loc": [self.location], "msg": self.detail, "type": self.kind}]
        return json.dumps(answer).encode()


def json_depth_exceeds(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays/objects nest deeper than `limit`, counted without parsing: strings (whose brackets do
    not count) are cut out by a regular expression, then only the brackets are walked."""
    return _deepest(_STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS), limit)


def _deepest(brackets: bytes, limit: int) -> bool:
    depth = 0
    for byte in brackets:
        if byte in b"[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _refuse_constant(name: str):
    raise InputRefused(422, "invalid_request", f"{name} is not a JSON number", kind="non_finite_number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as infinity
        raise InputRefused(422, "invalid_request", f"{text[:20]} is too large for a number",
                           kind="non_finite_number")
    return value


def check_json_body(body: bytes) -> None:
    """Raise InputRefused unless `body` is JSON every route and database can take (see the module)."""
    if json_depth_exceeds(body):
        raise InputRefused(422, "invalid_request", f"JSON nested deeper than {MAX_JSON_DEPTH} levels",
                           kind="json_too_deep")
    try:
        text = body.decode("utf-8")
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except InputRefused:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: bad JSON, or an int over 4300 digits
        raise InputRefused(400, "malformed_request", "the body is not UTF-8 JSON") from None
    _check_strings(value)


def _check_strings(value) -> None:
    stack = [value]
    while stack:  # iterative: the depth is bounded already, but a wide body must not recurse either
        item = stack.pop()
        if isinstance(item, str):
            _check_text(item, "body")
        elif isinstance(item, dict):
            for key, inner in item.items():
                _check_text(key, "body")
                stack.append(inner)
        elif isinstance(item, list):
            stack.extend(item)


def _check_text(text: str, location: str) -> None:
    found = _UNSTORABLE.search(text)
    if found:
        if found.group() == "\x00":
            raise InputRefused(422, "invalid_request", "text may not contain a NUL character", location,
                               "string_nul")
        raise InputRefused(422, "invalid_request", "text may not contain a lone UTF-16 surrogate", location,
                           "string_surrogate")


def check_url(scope) -> None:
    """Paths and query strings: UTF-8 once percent-decoded (servers quietly replace what is not), no NUL."""
    raw_path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogatepass")
    for location, raw in (("path", raw_path), ("query", scope.get("query_string", b""))):
        decoded = unquote_to_bytes(raw.replace(b"+", b" ") if location == "query" else raw)
        try:
            text = decoded.decode("utf-8")
        except UnicodeDecodeError:
            raise InputRefused(422, "invalid_request", f"the {location} is not UTF-8 once percent-decoded",
                               location, "url_not_utf8") from None
        _check_text(text, location)
    _check_text(scope.get("path", ""), "path")


def _is_json(headers: dict[bytes, bytes]) -> bool:
    """FastAPI reads a body as JSON without a Content-Type or with a JSON one (`application/…+json` too)."""
    content_type = headers.get(b"content-type")
    if content_type is None:
        return True
    kind = content_type.split(b";")[0].strip().lower()
    return kind == b"application/json" or (kind.startswith(b"application/") and kind.endswith(b"+json"))


class RequestGuard:
    """ASGI middleware: the checks of this module, before the app sees the request."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers", ()))
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await _answer(send, InputRefused(413, "payload_too_large", "request body too large"))
        try:
            check_url(scope)
        except InputRefused as refusal:
            return await _answer(send, refusal)

        # The whole body first (it is at most 1 MiB): an oversized chunked body is refused before the app
        # starts, and the JSON checks see all of it. The app then reads it from memory.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away mid-body: there is no one to answer, and nothing ran
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return await _answer(send, InputRefused(413, "payload_too_large", "request body too large"))
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body and _is_json(headers):
            try:
                check_json_body(body)
            except InputRefused as refusal:
                return await _answer(send, refusal)

        delivered = False

        async def replay():
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the disconnect, for streaming answers

        await self.app(scope, replay, send)


async def _answer(send, refusal: InputRefused) -> None:
    body = refusal.body()
    await send({"type": "http.response.start", "status": refusal.status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
