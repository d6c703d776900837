"""The app store's catalog over HTTP, in The Update Framework's repository layout (docs/app-store.md).

- `GET /v1/apps/metadata/{N}.root.json`, `{N}.targets.json`, `{N}.snapshot.json`: one signed version (never
  changes, cached for a year); `root.json`, `targets.json`, `snapshot.json`, `timestamp.json`: the newest
  (`no-cache`). The timestamp is re-signed here when it nears its expiry, so an idle store stays fresh.
- `GET /v1/apps/targets/{sha256}.{file}` (consistent snapshots: what a car asks for) or `/targets/{file}`: a
  package as published, with the developer's and the store's signatures.
- `GET /v1/apps/screenshots/{id}-{n}.svg`: the pictures a listing names.

No token is needed: the catalog is the same for every car, it is signed (a car trusts the signatures, not
the connection), and a car browses the app mall before it is linked to an account.
"""

from __future__ import annotations

import re
import threading
from typing import Annotated
from xml.sax.saxutils import escape

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from headunit_backend import apps_demo
from headunit_backend.apps_repo import AppRepository, Keys, app_versions, apps, listing_of
from headunit_backend.caching import NO_CACHE, cache_control, cached
from headunit_backend.db import Database
from headunit_backend.errors import documented, not_found
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/apps", tags=["apps"])

#: A versioned file never changes: a cache may keep it as long as it likes.
IMMUTABLE = cache_control(31536000) + ", immutable"
_METADATA = re.compile(r"^(?:(?P<version>[1-9][0-9]{0,8})\.(?P<versioned>root|targets|snapshot)|"
                       r"(?P<latest>root|targets|snapshot|timestamp))\.json$")
_TARGET = re.compile(r"^(?:(?P<hash>[0-9a-f]{64})\.)?(?P<file>[^/]+\.hupkg)$")
_SCREENSHOT = re.compile(r"^(?P<id>.+)-(?P<n>[12])\.svg$")


class AppStore:
    """One process's view of the repository: made ready (first metadata, demo apps) on first use."""

    def __init__(self, db: Database, repository: AppRepository):
        self.db, self.repository = db, repository
        self._ready = False
        self._lock = threading.Lock()

    def ready(self) -> AppRepository:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    with self.db.write() as conn:
                        prepare(conn, self.repository)
                    self._ready = True
        return self.repository

    def renew_if_due(self) -> None:
        with self.db.read() as conn:
            due = self.repository.due(conn)
        if due:
            with self.db.write() as conn:
                self.repository.ensure(conn)  # checks again under the write lock: renewed once


def prepare(conn, repository: AppRepository) -> None:
    """The first metadata, and the demo apps in a store that has no app yet."""
    repository.ensure(conn)
    if conn.execute(sa.select(apps.c.id).limit(1)).first() is None:
        apps_demo.seed(conn, repository)


_stores_lock = threading.Lock()


def app_store(request: Request, services: Annotated[Services, Depends(get_services)]) -> AppStore:
    state = request.app.state
    with _stores_lock:
        store = getattr(state, "app_store", None)
        if store is None:
            store = state.app_store = AppStore(services.db, AppRepository(Keys.from_environment()))
    store.ready()
    return store


StoreDep = Annotated[AppStore, Depends(app_store)]
_JSON = {200: {"content": {"application/json": {}}, "description": "Signed TUF metadata"}}


@router.get("/metadata/{name}", response_class=Response, responses={**_JSON, **documented(404, 422)})
def get_metadata(request: Request, name: Annotated[str, Path(max_length=40)], store: StoreDep) -> Response:
    """TUF metadata: `N.root.json`, `N.targets.json`, `N.snapshot.json` or the newest of a role,
    `root.json`, `targets.json`, `snapshot.json`, `timestamp.json`."""
    match = _METADATA.match(name)
    if match is None:
        raise not_found(f"metadata {name!r}")
    if match["latest"]:
        store.renew_if_due()
    with store.db.read() as conn:
        body = store.repository.metadata(conn, match["latest"] or match["versioned"],
                                         int(match["version"]) if match["version"] else None)
    if body is None:
        raise not_found(f"metadata {name!r}")
    return cached(request, body, media_type="application/json",
                  cache_control=NO_CACHE if match["latest"] else IMMUTABLE)


@router.get("/targets/{name}", response_class=Response, responses={
    200: {"content": {"application/octet-stream": {}}, "description": "The package"}, **documented(404, 422)})
def get_target(request: Request, name: Annotated[str, Path(max_length=320)], store: StoreDep) -> Response:
    """A package: `{sha256}.{id}-{version}.hupkg` (never changes) or `{id}-{version}.hupkg`."""
    match = _TARGET.match(name)
    if match is None:
        raise not_found(f"package {name!r}")
    with store.db.read() as conn:
        row = store.repository.package(conn, match["file"])
    if row is None or match["hash"] not in (None, row.sha256):
        raise not_found(f"package {name!r}")
    return cached(request, row.content, media_type="application/octet-stream",
                  cache_control=IMMUTABLE if match["hash"] else NO_CACHE)


@router.get("/screenshots/{image}", response_class=Response, responses={
    200: {"content": {"image/svg+xml": {}}, "description": "The picture"}, **documented(404, 422)})
def get_screenshot(request: Request, image: Annotated[str, Path(max_length=200)], store: StoreDep) -> Response:
    """A screenshot a listing names (`{id}-1.svg`, `{id}-2.svg`)."""
    match = _SCREENSHOT.match(image)
    if match is None:
        raise not_found(f"screenshot {image!r}")
    with store.db.read() as conn:
        row = conn.execute(sa.select(app_versions, apps.c.rating_sum, apps.c.rating_count)
                           .join(apps, apps.c.id == app_versions.c.app_id)
                           .where(app_versions.c.app_id == match["id"])
                           .order_by(app_versions.c.published_at.desc()).limit(1)).first()
    if row is None:
        raise not_found(f"screenshot {image!r}")
    return cached(request, screenshot_svg(listing_of(row), int(match["n"])), media_type="image/svg+xml",
                  cache_control=cache_control(3600))


_SHADES = ("#2f6db5", "#2f9e6b", "#7a4fb5", "#b58a2f", "#1f8fa8", "#c73a3a")


def screenshot_svg(listing: dict, n: int) -> bytes:
    """A placeholder screenshot at the car's 800x480: the app's name, and its description on the second."""
    colour = _SHADES[sum(map(ord, listing["id"])) % len(_SHADES)]
    text = listing["name"] if n == 1 else listing["description"] or listing["name"]
    lines, words = [""], text.split()
    for word in words:
        if len(lines[-1]) + len(word) > 34 and lines[-1]:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    rows = "".join(f'<text x="400" y="{200 + 44 * i}" font-size="34">{escape(line)}</text>'
                   for i, line in enumerate(lines[:5]))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="480" viewBox="0 0 800 480">'
            f'<title>{escape(listing["name"])}</title><rect width="800" height="480" fill="#15181d"/>'
            f'<rect x="24" y="24" width="752" height="432" rx="20" fill="{colour}"/>'
            f'<g font-family="sans-serif" fill="#ffffff" text-anchor="middle">{rows}</g></svg>').encode()
