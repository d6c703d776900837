"""The app store on the car: the backend's catalog read through The Update Framework (docs/app-store.md).

The car trusts one file, the root metadata it ships (`keys/apps-root.json`), and nothing the network says
unless it is signed by the keys that root names and not expired. python-tuf's client (`tuf.ngclient`) does
the checks: the root chain, then timestamp, snapshot and targets, each against the version the car already
holds (an older one is a rollback attack and is refused), each against its expiry (a mirror replaying
yesterday's catalog is a freeze attack and is refused), and every package against the length and SHA-256
its target names. The verified metadata is kept in `<cache>/appstore/metadata/`, so what the car has seen
once is the floor for every later answer, across restarts.

`apply_revocations(store, installer)` runs at each sync: versions the catalog marks revoked are disabled
(`Installer.revoke`).
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Metadata, Targets
from tuf.ngclient import Updater

from headunit import paths

if TYPE_CHECKING:
    from headunit.packages.installer import Installer

log = logging.getLogger(__name__)

#: The root of trust for the app catalog, shipped with the shell (version 1 of the store's root chain).
TRUSTED_ROOT = Path(__file__).with_name("keys") / "apps-root.json"
#: The backend an `AppStore()` made without a URL reads (the shell always gives the one it is linked to).
URL_ENV = "HEADUNIT_APP_STORE_URL"
_PREFIX = "v1/apps/"


class AppStoreError(Exception):
    """The catalog or a package could not be had or trusted. `kind` says which, for code; the message for
    people: unreachable, expired (a freeze: the newest metadata offered has expired), rollback (older than
    what this car already saw), untrusted (a signature or the root chain failed), tampered (a package's
    length or hash differs from its target), unknown (no such app or version), revoked."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class AppListing:
    """One published version of an app, as its signed target describes it."""

    id: str
    name: str
    version: str
    description: str
    category: str
    icon: str
    capabilities: tuple[str, ...]
    api: int  # the plugin API the app needs
    screenshots: tuple[str, ...]  # absolute URLs
    rating: float  # average stars, 0 without ratings
    ratings_count: int
    revoked: bool
    revoked_reason: str
    filename: str  # the target's path, `<id>-<version>.hupkg`
    size: int  # bytes


def version_key(version: str) -> tuple:
    """Semantic version order: 1.2.0 < 1.10.0, 2.0.0-beta < 2.0.0; build metadata ignored."""
    core, _, pre = version.split("+")[0].partition("-")
    numbers = tuple(int(n) if n.isdigit() else 0 for n in core.split("."))
    if not pre:
        return numbers, 1, ()
    return numbers, 0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))


class AppStore:
    """The catalog of one backend, verified. `refresh()` reads it (once per call: python-tuf's updater is
    one refresh long); `apps()`, `listings()` and `revoked()` answer from the last refresh."""

    def __init__(self, base_url: str | None = None, cache_dir: Path | None = None, *,
                 trusted_root: bytes | None = None):
        self._base_url = base_url
        self.cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir() / "appstore"
        self._trusted_root = trusted_root if trusted_root is not None else TRUSTED_ROOT.read_bytes()
        self._updater: Updater | None = None
        self._listings: list[AppListing] | None = None

    @property
    def base_url(self) -> str:
        url = self._base_url or os.environ.get(URL_ENV)
        if not url:
            raise AppStoreError("unreachable", "no app store backend is known yet (the car is not linked)")
        return url.rstrip("/") + "/"

    @property
    def metadata_dir(self) -> Path:
        return self.cache_dir / "metadata"

    # -- the catalog -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch and verify the newest catalog; AppStoreError says what was wrong (the last verified catalog
        stays the floor: nothing older is ever accepted afterwards)."""
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        base = self.base_url
        with _explained():
            updater = Updater(str(self.metadata_dir), base + _PREFIX + "metadata/",
                              target_base_url=base + _PREFIX + "targets/", bootstrap=self._trusted_root)
            updater.refresh()
        # ngclient writes a role's file only after verifying it: this is the targets just checked.
        targets = Metadata[Targets].from_file(str(self.metadata_dir / "targets.json")).signed
        self._updater = updater
        self._listings = sorted((self._listing(target.custom, target.path, target.length)
                                 for target in targets.targets.values()),
                                key=lambda listing: (listing.id, version_key(listing.version)))

    def listings(self) -> list[AppListing]:
        """Every published version, revoked ones included, by id then version."""
        if self._listings is None:
            self.refresh()
        return list(self._listings or ())

    def apps(self) -> list[AppListing]:
        """What the app mall lists: each app's newest version that is not revoked."""
        newest: dict[str, AppListing] = {}
        for listing in self.listings():
            if not listing.revoked:
                newest[listing.id] = listing  # listings() is in version order
        return sorted(newest.values(), key=lambda listing: listing.name.casefold())

    def revoked(self) -> list[tuple[str, str, str]]:
        """(id, version, reason) of every revoked version."""
        return [(item.id, item.version, item.revoked_reason) for item in self.listings() if item.revoked]

    def download(self, app_id: str, version: str | None = None, dest_dir: Path | None = None) -> Path:
        """The package of `app_id` (its newest listed version unless `version` is given) in `dest_dir`,
        after its length and SHA-256 matched the signed target. A revoked version is refused."""
        if self._updater is None:
            self.refresh()
        choices = [item for item in self.listings() if item.id == app_id and version in (None, item.version)]
        if not choices:
            raise AppStoreError("unknown", f"{app_id} {version or ''}".strip() + " is not in the app store")
        listing = choices[-1] if version else next((item for item in reversed(choices) if not item.revoked),
                                                   choices[-1])
        if listing.revoked:
            raise AppStoreError("revoked", f"{app_id} {listing.version} was withdrawn by the store: "
                                           f"{listing.revoked_reason}")
        dest = Path(dest_dir) if dest_dir is not None else self.cache_dir / "downloads"
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / listing.filename
        assert self._updater is not None
        with _explained():
            info = self._updater.get_targetinfo(listing.filename)
            if info is None:
                raise AppStoreError("unknown", f"{listing.filename} is not in the app store")
            partial = dest / f".{listing.filename}.partial"
            # ngclient checks length and hash before it writes the file, so a refused download leaves nothing.
            self._updater.download_target(info, filepath=str(partial))
        partial.replace(target)
        return target

    def forget(self) -> None:
        """Drop everything verified so far (a car reset): the next refresh starts again from the shipped root."""
        shutil.rmtree(self.cache_dir, ignore_errors=True)
        self._updater, self._listings = None, None

    def _listing(self, custom: dict | None, path: str, length: int) -> AppListing:
        data = custom or {}
        ratings = data.get("ratings") or {}
        try:
            average = float(ratings.get("average") or 0)
        except ValueError:
            average = 0.0
        return AppListing(
            id=str(data.get("id", "")), name=str(data.get("name", "")), version=str(data.get("version", "")),
            description=str(data.get("description", "")), category=str(data.get("category", "")),
            icon=str(data.get("icon", "")), capabilities=tuple(data.get("capabilities") or ()),
            api=int(data.get("api") or 1),
            screenshots=tuple(f"{self.base_url}{_PREFIX}screenshots/{name}" for name in data.get("screenshots") or ()),
            rating=average, ratings_count=int(ratings.get("count") or 0), revoked=bool(data.get("revoked")),
            revoked_reason=str(data.get("revoked_reason") or ""), filename=path, size=length)


class _explained:
    """python-tuf's errors as AppStoreError, each named for what it means on a car."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if error is None or isinstance(error, AppStoreError):
            return False
        if isinstance(error, tuf_errors.ExpiredMetadataError):
            raise AppStoreError("expired", f"the app store's catalog has expired ({error}): an old copy is being "
                                           "replayed, or the store stopped signing") from error
        if isinstance(error, tuf_errors.BadVersionNumberError):
            raise AppStoreError("rollback", f"the app store offered a catalog older than one this car already "
                                            f"has ({error})") from error
        if isinstance(error, tuf_errors.LengthOrHashMismatchError | tuf_errors.DownloadLengthMismatchError):
            raise AppStoreError("tampered", f"a download does not match the signed catalog ({error})") from error
        if isinstance(error, tuf_errors.DownloadError):
            raise AppStoreError("unreachable", f"the app store cannot be reached ({error})") from error
        if isinstance(error, tuf_errors.RepositoryError):
            raise AppStoreError("untrusted", f"the app store's catalog is not trusted ({error})") from error
        if isinstance(error, OSError):
            raise AppStoreError("unreachable", f"the app store's catalog cannot be kept: {error}") from error
        return False


# -- at sync -------------------------------------------------------------------------------------------------

def apply_revocations(store: AppStore, installer: Installer, *, refresh: bool = True) -> list[tuple[str, str, str]]:
    """Disable installed versions the catalog marks revoked (the running one, or the one kept for rollback);
    returns (id, version, reason) of each one disabled now. Refreshes the catalog first unless told not to."""
    if refresh:
        store.refresh()
    revoked = {(app_id, version): reason for app_id, version, reason in store.revoked()}
    done = []
    for item in installer.installed():
        for version, already in ((item.version, item.revoked), (item.previous_version, False)):
            reason = revoked.get((item.id, version or ""))
            if reason is not None and not already:
                installer.revoke(item.id, version, reason)
                log.warning("app store: %s %s was revoked by the store and is disabled: %s", item.id, version, reason)
                done.append((item.id, version, reason))
    return done
