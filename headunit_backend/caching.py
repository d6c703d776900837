"""HTTP caching for read-mostly answers: Cache-Control for offline use, a strong ETag for revalidation.

The ETag is a hash of the exact body, so equal answers share a tag on every worker and after restarts,
and a client revalidating with If-None-Match gets a body-less 304 while nothing changed.

Answers that change from moment to moment (cards, payments, sessions) are `no_cache`: a cache may keep
them for offline use but must ask the server again before it shows one.
"""

from __future__ import annotations

import hashlib

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel


def cache_control(max_age: int, *, stale_while_revalidate: int | None = None,
                  stale_if_error: int | None = None) -> str:
    parts = [f"max-age={max_age}"]
    if stale_while_revalidate is not None:
        parts.append(f"stale-while-revalidate={stale_while_revalidate}")
    if stale_if_error is not None:
        parts.append(f"stale-if-error={stale_if_error}")
    return ", ".join(parts)


#: Stored, but revalidated before every use (RFC 9111 §5.2.2.4).
NO_CACHE = "no-cache"


def no_cache(response: Response) -> None:
    """A route dependency: `dependencies=[Depends(no_cache)]` sets `Cache-Control: no-cache` on its answer."""
    response.headers["Cache-Control"] = NO_CACHE


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes do not matter."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    candidates = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return etag in candidates


def cached(request: Request, body: bytes, *, media_type: str, cache_control: str) -> Response:
    """200 with the body, or 304 without it when the client already holds this version."""
    headers = {"Cache-Control": cache_control, "ETag": etag_for(body)}
    if etag_matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def cached_json(request: Request, model: BaseModel, *, cache_control: str) -> Response:
    return cached(request, model.model_dump_json().encode(), media_type="application/json",
                  cache_control=cache_control)
