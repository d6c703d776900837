"""`headunit-backend apps publish|revoke|list|root`: the store operator's commands (docs/app-store.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

# Imported here, not on use: it adds the app store's tables to the schema's metadata, which every command
# that compares or migrates the schema (`migrate --new` included) must see.
from headunit_backend import apps_repo

DEFAULT_DB = "sqlite:///headunit-backend.db"


def add_commands(commands: argparse._SubParsersAction) -> None:
    apps = commands.add_parser("apps", help="the app store: publish and revoke plugin packages")
    actions = apps.add_subparsers(dest="apps_command", required=True)
    publish = actions.add_parser(
        "publish", help="check a developer-signed package (.hupkg), add the store's signature and list it in the "
                        "signed catalog")
    publish.add_argument("package", type=Path, metavar="PACKAGE", help="the package, signed by its developer")
    revoke = actions.add_parser("revoke", help="mark a published version revoked: cars disable it at their next "
                                               "sync")
    revoke.add_argument("id", metavar="ID", help="the app's id, e.g. com.example.units")
    revoke.add_argument("version", metavar="VERSION", help="the version to revoke, e.g. 1.0.0")
    revoke.add_argument("--reason", required=True, help="why, in words a driver understands (cars show it)")
    listing = actions.add_parser("list", help="the published versions, revoked ones marked")
    root = actions.add_parser("root", help="write version 1 of the root metadata for the store's keys: what cars "
                                           "ship as their trust anchor")
    root.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to write it")
    root.add_argument("--days", type=int, default=365, help="its validity in days (default: 365)")
    for action in (publish, revoke, listing):
        action.add_argument("--db", default=DEFAULT_DB,
                            help=f"database URL or SQLite file path (default: {DEFAULT_DB})")


def run(args: argparse.Namespace) -> int:
    from headunit_backend.db import DatabaseError

    try:
        if args.apps_command == "root":
            return write_root(args)
        return _with_database(args)
    except (apps_repo.StoreError, DatabaseError) as error:
        print(f"headunit-backend: error: {error}", file=sys.stderr)
        return 1


def write_root(args: argparse.Namespace) -> int:
    from headunit_backend.apps_repo import Keys, first_root, serialized

    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(days=args.days)).replace(microsecond=0)
    args.out.write_bytes(serialized(first_root(Keys.from_environment(), expires)))
    print(f"wrote {args.out}: root version 1, valid until {expires:%Y-%m-%d}")
    return 0


def _with_database(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from headunit_backend import apps as routes
    from headunit_backend.app import prepare_database
    from headunit_backend.apps_repo import AppRepository, Keys, app_versions
    from headunit_backend.db import Database

    db = Database(args.db)
    try:
        prepare_database(db)  # the schema, as `serve` would leave it
        repository = AppRepository(Keys.from_environment())
        with db.write() as conn:
            routes.prepare(conn, repository)
            if args.apps_command == "publish":
                done = repository.publish(conn, args.package)
                print(f"published {done.id} {done.version}: {done.filename}, {done.length} bytes, sha256 "
                      f"{done.sha256[:16]}…; catalog (targets) version {done.targets_version}")
            elif args.apps_command == "revoke":
                version = repository.revoke(conn, args.id, args.version, args.reason)
                print(f"revoked {args.id} {args.version} ({args.reason.strip()}); catalog (targets) version "
                      f"{version}: cars disable it at their next sync")
            else:
                rows = conn.execute(sa.select(app_versions.c.app_id, app_versions.c.version,
                                              app_versions.c.revoked_reason, app_versions.c.revoked_at)
                                    .order_by(app_versions.c.app_id, app_versions.c.published_at)).all()
                for row in rows:
                    state = f"revoked: {row.revoked_reason}" if row.revoked_at else "listed"
                    print(f"{row.app_id} {row.version}  {state}")
    finally:
        db.dispose()
    return 0
