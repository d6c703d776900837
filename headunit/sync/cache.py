"""Cached reads: the last good answer, with its age, whether or not the backend can be reached.

A requests-cache `CachedSession` (SQLite, one file per driver profile) honours the server's
`Cache-Control` (`cache_control=True`) and revalidates an expired entry with `If-None-Match`. With
`stale_if_error=True` it answers from the cache when the revalidation fails, for any reason: an
exception from the transport (`OfflineError` included: requests-cache catches every exception around
its resend), or a status outside `allowable_codes`. Without a cached copy the error propagates.

How old is a copy? requests-cache keeps `created_at` from the first fetch, and a 304 only moves
`expires` (to now + max-age) and merges the new headers. So the data was last confirmed at
`expires - max-age`, measured on this clock; `created_at` is the fallback when the answer carried no
max-age. A copy returned past `expires` was served because revalidation failed: it is `stale`.

Answers without Cache-Control get `HEURISTIC_FRESHNESS` (RFC 9111 §4.2.2), so they still serve offline.
requests-cache ignores a response's `stale-while-revalidate` (it reads that directive from requests
only), so an expired entry is revalidated before it is shown, never in the background.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import requests
from requests_cache import CachedSession
from requests_cache.policy import CacheDirectives

from headunit.sync.errors import UnavailableError
from headunit.sync.files import private_database, tighten_side_files
from headunit.sync.models import BinaryReading, Reading
from headunit.sync.transport import PLUGIN_HEADER

HEURISTIC_FRESHNESS = 60
log = logging.getLogger(__name__)


class _StaleFallbackFilter(logging.Filter):
    """requests-cache warns, with a traceback, each time it serves a stale copy. In a car that is the
    normal offline case, shown to the driver as the data's age, so it is not a warning here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "using cached response" not in record.getMessage()


logging.getLogger("requests_cache.session").addFilter(_StaleFallbackFilter())


class CachedReader:
    """GETs through the profile's HTTP cache, over the client's shared transport adapter."""

    def __init__(self, path: str | Path, adapter: requests.adapters.BaseAdapter):
        path = Path(path)
        try:
            self.session = _cached_session(path)
        except sqlite3.DatabaseError as exc:  # only a cache: keep the bad file for a look, start afresh
            aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            path.rename(aside)
            log.warning("%s: not a usable HTTP cache (%s); moved aside to %s", path, exc, aside)
            self.session = _cached_session(path)
        self.session.trust_env = False
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def get(self, url: str, params: dict[str, Any] | None = None, *, plugin: str) -> Reading:
        response, age, from_cache, stale = self._fetch(url, params, plugin)
        return Reading(_decode(response), age, from_cache, stale, response.status_code)

    def get_bytes(self, url: str, *, plugin: str, max_bytes: int | None = None) -> BinaryReading:
        """The body as bytes, whatever its type (an image), with the same cache, revalidation and offline
        fallback as `get`. A body over `max_bytes` raises UnavailableError (it is still cached: the limit
        is the caller's, not the server's)."""
        response, age, from_cache, stale = self._fetch(url, None, plugin)
        content = response.content or b""
        if max_bytes is not None and len(content) > max_bytes:
            raise UnavailableError(url, response.status_code,
                                   f"a body of {len(content)} bytes, over the {max_bytes}-byte limit")
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        return BinaryReading(content, content_type, age, from_cache, stale, response.status_code)

    def _fetch(self, url: str, params: dict[str, Any] | None,
               plugin: str) -> tuple[requests.Response, float, bool, bool]:
        """The answer to show, its age, whether it came from the cache and whether it is stale."""
        try:
            response = self.session.get(url, params=params, headers={PLUGIN_HEADER: plugin})
        except requests.RequestException as exc:
            raise UnavailableError(url, None, f"{type(exc).__name__}: {exc}") from exc
        if not getattr(response, "from_cache", False):
            if response.status_code >= 400:
                raise UnavailableError(url, response.status_code, _detail(response))
            return response, 0.0, False, False
        if response.revalidated:
            return response, 0.0, True, False
        return response, age_of(response), True, response.is_expired

    def close(self) -> None:
        self.session.cache.close()


def _cached_session(path: Path) -> CachedSession:
    private_database(path)  # the account's answers are the driver's data: 0600, as sync.db
    session = _open_session(path)
    tighten_side_files(path)
    return session


def _open_session(path: Path) -> CachedSession:
    return CachedSession(str(path), backend="sqlite", wal=True, cache_control=True, stale_if_error=True,
                         expire_after=HEURISTIC_FRESHNESS, allowable_codes=(200,), allowable_methods=("GET",))


def age_of(response, now: datetime | None = None) -> float:
    """Seconds since the server produced or last confirmed this cached answer."""
    now = now or datetime.now(timezone.utc)
    confirmed = _aware(response.created_at)
    max_age = CacheDirectives.from_headers(response.headers).max_age
    if response.expires is not None and max_age is not None:
        confirmed = max(confirmed, _aware(response.expires) - timedelta(seconds=max_age))
    return max(0.0, (now - confirmed).total_seconds())


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _decode(response: requests.Response) -> Any:
    if not response.content:
        return None
    if "json" in response.headers.get("Content-Type", ""):
        try:
            return json.loads(response.content)
        except ValueError as exc:
            raise UnavailableError(response.url, response.status_code, f"invalid JSON: {exc}") from exc
    return response.content


def _detail(response: requests.Response) -> str:
    try:
        body = response.json()
        return f"HTTP {response.status_code} {body.get('error', '')}: {body.get('detail', '')}".strip(": ")
    except ValueError:
        return f"HTTP {response.status_code}"
