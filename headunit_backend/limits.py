"""Refuse oversized request bodies before anything reads them (every real body here is a few KB)."""

from __future__ import annotations

import json

MAX_BODY_BYTES = 1024 * 1024


class BodySizeLimit:
    """ASGI middleware: 413 `payload_too_large` for a body over `limit` bytes, declared or streamed."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(send)
        received = 0

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted_receive, send)
        except _TooLarge:
            await self._refuse(send)

    @staticmethod
    async def _refuse(send) -> None:
        body = json.dumps({"error": "payload_too_large", "detail": "request body too large"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
