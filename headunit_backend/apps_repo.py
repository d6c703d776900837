"""The app catalog as The Update Framework (TUF) metadata: tables, keys, signing, publishing and revoking.

Four roles, each with its own Ed25519 key and an expiry (see docs/app-store.md):

- root (a year): names the keys of every role; a car ships version 1 (`headunit/packages/keys/apps-root.json`)
  and follows the chain of newer versions, each signed by the keys of the one before.
- targets (a week): one target per package file, its length and SHA-256, and in `custom` the app's listing
  (id, name, version, description, capabilities, minimum API, screenshots, ratings, revoked and why).
- snapshot (a week): the version, length and hash of targets.json, so old targets cannot be mixed in.
- timestamp (a day): the version, length and hash of the snapshot; short, so a mirror that stops passing on
  new metadata (a freeze) is noticed within a day.

Every version of every role is kept in `app_metadata` (consistent snapshots: a car that read timestamp N
reads exactly the snapshot and targets it names, even while a publish is under way). The catalog itself
(`apps`, `app_versions`, the package files included) is the source of truth; targets is rebuilt from it
and re-signed, then snapshot, then timestamp, in the transaction that changed it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, SSlibKey
from sqlalchemy.engine import Connection
from tuf.api.metadata import (Metadata, MetaFile, Root, Signed, Snapshot, TargetFile, Targets,
                              Timestamp)
from tuf.api.serialization.json import JSONSerializer

from headunit_backend.db import UTCDateTime, metadata, utcnow

ROLES = ("root", "targets", "snapshot", "timestamp")

#: The demo store's keys, published with the source so a demo backend and the car's shipped root agree.
DEMO_KEYS = Path(__file__).with_name("data") / "app-store-keys"
#: A folder with a real store's keys (root.pem may be left out: the root key belongs offline).
KEYS_ENV = "HEADUNIT_APP_STORE_KEYS"
#: The package signing key the store adds its signature with (the car's installer trusts its public half).
DEMO_STORE_KEY = Path(__file__).with_name("data") / "demo-store-key.pem"
STORE_KEY_ENV = "HEADUNIT_STORE_KEY"
#: Larger packages are refused at publish: a plugin is code and a few pictures.
MAX_PACKAGE_BYTES = 32 * 1024 * 1024

# --- tables ---------------------------------------------------------------------------------------------

apps = sa.Table(
    "apps", metadata,
    sa.Column("id", sa.String(150), primary_key=True),
    sa.Column("rating_sum", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rating_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

app_versions = sa.Table(
    "app_versions", metadata,
    sa.Column("app_id", sa.ForeignKey("apps.id"), primary_key=True),
    sa.Column("version", sa.String(80), primary_key=True),
    sa.Column("filename", sa.String(250), nullable=False, unique=True),  # the target path, `<id>-<version>.hupkg`
    sa.Column("length", sa.BigInteger, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),  # the package as published: both signatures
    # name, description, capabilities, api, screenshots: what the listing shows, from the manifest
    sa.Column("listing_json", sa.Text, nullable=False),
    sa.Column("published_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime),
    sa.Column("revoked_reason", sa.Text),
)

app_metadata = sa.Table(
    "app_metadata", metadata,
    sa.Column("role", sa.String(20), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("body", sa.LargeBinary, nullable=False),  # the signed JSON exactly as served
    sa.Column("expires", UTCDateTime, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)


# --- keys and expiries ----------------------------------------------------------------------------------

class StoreError(Exception):
    """Publishing or revoking was refused; the message says why, for the person at the command line."""


@dataclass(frozen=True)
class Lifetimes:
    """How long each role's metadata is valid, and how long before its expiry the service signs it again."""

    root: dt.timedelta = dt.timedelta(days=365)
    targets: dt.timedelta = dt.timedelta(days=7)
    snapshot: dt.timedelta = dt.timedelta(days=7)
    timestamp: dt.timedelta = dt.timedelta(days=1)

    def of(self, role: str) -> dt.timedelta:
        return getattr(self, role)

    def renew_within(self, role: str) -> dt.timedelta:
        # Root is renewed two months ahead: a car that was off for weeks must still find its chain valid.
        return dt.timedelta(days=60) if role == "root" else self.of(role) / 2


class Keys:
    """The Ed25519 key of each role, as `<role>.pem` files in one folder.

    A folder without any key gets four new ones (a new store); one with some keys uses those, and a role
    whose key is absent (the root's, kept offline) cannot be signed here.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        if not any((folder / f"{role}.pem").exists() for role in ROLES):
            folder.mkdir(parents=True, exist_ok=True)
            for role in ROLES:
                _write_new_key(folder / f"{role}.pem")
        self._signers: dict[str, CryptoSigner] = {}
        for role in ROLES:
            path = folder / f"{role}.pem"
            if path.exists():
                private = serialization.load_pem_private_key(path.read_bytes(), password=None)
                if not isinstance(private, Ed25519PrivateKey):
                    raise StoreError(f"{path}: not an Ed25519 private key")
                self._signers[role] = CryptoSigner(private, SSlibKey.from_crypto(private.public_key()))

    @classmethod
    def from_environment(cls) -> Keys:
        folder = os.environ.get(KEYS_ENV)
        return cls(Path(folder)) if folder else cls(DEMO_KEYS)

    def has(self, role: str) -> bool:
        return role in self._signers

    def signer(self, role: str) -> CryptoSigner:
        if role not in self._signers:
            raise StoreError(f"the {role} key is not in {self.folder}: {role} metadata cannot be signed here")
        return self._signers[role]

    def public(self, role: str) -> SSlibKey:
        return self.signer(role).public_key


def _write_new_key(path: Path) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)


def store_key_path() -> Path:
    """The key the store signs packages with (`signing.sign(..., role="store")`)."""
    return Path(os.environ.get(STORE_KEY_ENV) or DEMO_STORE_KEY)


def shipped_root() -> bytes:
    """The root metadata cars ship with (version 1 of the demo store's chain)."""
    return resources.files("headunit.packages").joinpath("keys", "apps-root.json").read_bytes()


# --- the repository -------------------------------------------------------------------------------------

_SERIALIZER = JSONSerializer(compact=False)


def _expiry(now: dt.datetime, lifetime: dt.timedelta) -> dt.datetime:
    return (now + lifetime).replace(microsecond=0)


@dataclass(frozen=True)
class Published:
    id: str
    version: str
    filename: str
    length: int
    sha256: str
    targets_version: int


class AppRepository:
    """Reads and writes the catalog and its signed metadata on a connection the caller's transaction holds."""

    def __init__(self, keys: Keys, lifetimes: Lifetimes | None = None,
                 clock: Callable[[], dt.datetime] = utcnow):
        self.keys, self.lifetimes, self.clock = keys, lifetimes or Lifetimes(), clock

    # -- reading ----------------------------------------------------------------------------------------

    @staticmethod
    def latest(conn: Connection, role: str) -> sa.Row | None:
        return conn.execute(sa.select(app_metadata).where(app_metadata.c.role == role)
                            .order_by(app_metadata.c.version.desc()).limit(1)).first()

    def metadata(self, conn: Connection, role: str, version: int | None = None) -> bytes | None:
        """The signed metadata of a role: the given version, or the newest."""
        if version is None:
            row = self.latest(conn, role)
        else:
            row = conn.execute(sa.select(app_metadata).where(app_metadata.c.role == role,
                                                             app_metadata.c.version == version)).first()
        return None if row is None else row.body

    @staticmethod
    def package(conn: Connection, filename: str) -> sa.Row | None:
        return conn.execute(sa.select(app_versions.c.content, app_versions.c.sha256)
                            .where(app_versions.c.filename == filename)).first()

    def due(self, conn: Connection) -> bool:
        """Whether some role is missing or close enough to its expiry to be signed again."""
        now = self.clock()
        for role in ROLES:
            row = self.latest(conn, role)
            if row is None or row.expires - now < self.lifetimes.renew_within(role):
                return True
        return False

    # -- writing ----------------------------------------------------------------------------------------

    def ensure(self, conn: Connection) -> None:
        """Make the first version of each role, and sign again whatever is near its expiry."""
        lock(conn)
        now = self.clock()
        root = self.latest(conn, "root")
        if root is None:
            self._store(conn, "root", self._first_root(now))
        elif root.expires - now < self.lifetimes.renew_within("root") and self.keys.has("root"):
            previous = Metadata[Root].from_bytes(root.body).signed
            previous.version += 1
            previous.expires = _expiry(now, self.lifetimes.root)
            self._store(conn, "root", self._sign(previous, "root"))
        stale = [role for role in ("targets", "snapshot", "timestamp")
                 if (row := self.latest(conn, role)) is None or row.expires - now < self.lifetimes.renew_within(role)]
        if "targets" in stale:
            self.resign(conn)
        elif "snapshot" in stale:
            self._sign_snapshot(conn)
            self._sign_timestamp(conn)
        elif stale:
            self._sign_timestamp(conn)

    def resign(self, conn: Connection) -> None:
        """After the catalog changed: targets from the catalog, then snapshot, then timestamp."""
        self._sign_targets(conn)
        self._sign_snapshot(conn)
        self._sign_timestamp(conn)

    def publish(self, conn: Connection, package: Path, *, ratings: tuple[int, int] | None = None) -> Published:
        """Verify the developer's package, add the store's signature, store it and sign the new catalog.

        `ratings` (sum of stars, count) seeds a new app's rating (the demo apps)."""
        from headunit_backend import apps_publish

        lock(conn)
        checked = apps_publish.check(package)
        exists = conn.execute(sa.select(app_versions.c.filename).where(
            app_versions.c.app_id == checked.id, app_versions.c.version == checked.version)).first()
        if exists is not None:
            raise StoreError(f"{checked.id} {checked.version} is already published; a published version never "
                             "changes: publish a new version")
        content = apps_publish.store_signed(package, store_key_path())
        if len(content) > MAX_PACKAGE_BYTES:
            raise StoreError(f"{package.name}: {len(content)} bytes, over the store's limit of {MAX_PACKAGE_BYTES}")
        now = self.clock()
        if conn.execute(sa.select(apps.c.id).where(apps.c.id == checked.id)).first() is None:
            stars, count = ratings or (0, 0)
            conn.execute(apps.insert().values(id=checked.id, rating_sum=stars, rating_count=count, created_at=now))
        filename = f"{checked.id}-{checked.version}.hupkg"
        digest = hashlib.sha256(content).hexdigest()
        listing = {"name": checked.name, "description": checked.description, "category": checked.category,
                   "icon": checked.icon,
                   "capabilities": list(checked.capabilities), "api": checked.api,
                   "screenshots": [f"{checked.id}-{n}.svg" for n in (1, 2)],
                   "developer_key": checked.developer_key}
        conn.execute(app_versions.insert().values(
            app_id=checked.id, version=checked.version, filename=filename, length=len(content), sha256=digest,
            content=content, listing_json=json.dumps(listing), published_at=now))
        self.ensure(conn)
        self.resign(conn)
        return Published(checked.id, checked.version, filename, len(content), digest,
                         self.latest(conn, "targets").version)

    def revoke(self, conn: Connection, app_id: str, version: str, reason: str) -> int:
        """Mark a published version revoked (cars disable it at their next sync); returns the new targets
        version. Revoking again replaces the reason."""
        lock(conn)
        if not reason.strip():
            raise StoreError("say why the version is revoked (--reason): cars show it to the driver")
        done = conn.execute(app_versions.update().where(app_versions.c.app_id == app_id,
                                                        app_versions.c.version == version)
                            .values(revoked_at=self.clock(), revoked_reason=reason.strip()))
        if done.rowcount != 1:
            raise StoreError(f"{app_id} {version} was never published here")
        self.ensure(conn)
        self.resign(conn)
        return self.latest(conn, "targets").version

    # -- signing ----------------------------------------------------------------------------------------

    def _first_root(self, now: dt.datetime) -> Metadata[Root]:
        """Version 1: the root the cars ship when it names these keys (the demo store), else a new one."""
        shipped = Metadata[Root].from_bytes(shipped_root())
        if all(self.keys.has(role) and self.keys.public(role).keyid in shipped.signed.roles[role].keyids
               for role in ROLES):
            return shipped
        return first_root(self.keys, _expiry(now, self.lifetimes.root))

    def _sign(self, signed: Signed, role: str) -> Metadata:
        md = Metadata(signed)
        md.sign(self.keys.signer(role))
        return md

    def _store(self, conn: Connection, role: str, md: Metadata) -> bytes:
        body = serialized(md)
        conn.execute(app_metadata.insert().values(role=role, version=md.signed.version, body=body,
                                                  expires=md.signed.expires, created_at=self.clock()))
        return body

    def _next_version(self, conn: Connection, role: str) -> int:
        row = self.latest(conn, role)
        return 1 if row is None else row.version + 1

    def _sign_targets(self, conn: Connection) -> None:
        rows = conn.execute(sa.select(app_versions.c.app_id, app_versions.c.version, app_versions.c.filename,
                                      app_versions.c.length, app_versions.c.sha256, app_versions.c.listing_json,
                                      app_versions.c.revoked_at, app_versions.c.revoked_reason,
                                      apps.c.rating_sum, apps.c.rating_count)
                            .join(apps, apps.c.id == app_versions.c.app_id)
                            .order_by(app_versions.c.filename)).all()
        targets = Targets(version=self._next_version(conn, "targets"),
                          expires=_expiry(self.clock(), self.lifetimes.targets))
        for row in rows:
            targets.targets[row.filename] = TargetFile(row.length, {"sha256": row.sha256}, row.filename,
                                                       unrecognized_fields={"custom": listing_of(row)})
        self._store(conn, "targets", self._sign(targets, "targets"))

    def _sign_snapshot(self, conn: Connection) -> None:
        targets = self.latest(conn, "targets")
        snapshot = Snapshot(version=self._next_version(conn, "snapshot"),
                            expires=_expiry(self.clock(), self.lifetimes.snapshot),
                            meta={"targets.json": _meta_file(targets)})
        self._store(conn, "snapshot", self._sign(snapshot, "snapshot"))

    def _sign_timestamp(self, conn: Connection) -> None:
        timestamp = Timestamp(version=self._next_version(conn, "timestamp"),
                              expires=_expiry(self.clock(), self.lifetimes.timestamp),
                              snapshot_meta=_meta_file(self.latest(conn, "snapshot")))
        self._store(conn, "timestamp", self._sign(timestamp, "timestamp"))


def first_root(keys: Keys, expires: dt.datetime) -> Metadata[Root]:
    """Version 1 of a store's root, naming each role's key: what cars ship (`headunit-backend apps root`)."""
    root = Root(version=1, expires=expires, consistent_snapshot=True)
    for role in ROLES:
        root.add_key(keys.public(role), role)
    md = Metadata(root)
    md.sign(keys.signer("root"))
    return md


def serialized(md: Metadata) -> bytes:
    return md.to_bytes(_SERIALIZER)


def _meta_file(row: sa.Row) -> MetaFile:
    return MetaFile(version=row.version, length=len(row.body), hashes={"sha256": hashlib.sha256(row.body).hexdigest()})


def listing_of(row: sa.Row) -> dict[str, Any]:
    """A target's `custom` data: what the app mall shows of one version."""
    listing = json.loads(row.listing_json)
    return {"id": row.app_id, "name": listing["name"], "version": row.version,
            "description": listing["description"], "category": listing.get("category", ""),
            "icon": listing.get("icon", ""), "capabilities": listing["capabilities"], "api": listing["api"],
            "screenshots": listing["screenshots"],
            # A decimal string: TUF signs canonical JSON, which has no floating-point numbers.
            "ratings": {"average": f"{row.rating_sum / row.rating_count if row.rating_count else 0:.2f}",
                        "count": row.rating_count},
            "revoked": row.revoked_at is not None, "revoked_reason": row.revoked_reason}


def lock(conn: Connection) -> None:
    """Serialize catalog writes between processes on one PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(7170418)"))
