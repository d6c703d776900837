"""`headunit-backend serve`: prepare the database, bind the port, run uvicorn with one or more workers.

The parent binds the listening socket itself, so `--port 0` resolves to a real port that can be printed
and written to `--port-file` before any worker starts, and every worker shares that one socket. Problems a
person can fix (a database that is not one, a port in use) end with one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import socket
import sys
from pathlib import Path

from headunit_backend import __version__, apps_cli
from headunit_backend.services import SETTINGS_ENV, Settings

DEFAULT_DB = "sqlite:///headunit-backend.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="headunit-backend", description="The HeadUnit reference backend.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--db", default=DEFAULT_DB,
                       help="database URL (sqlite:///FILE, postgresql://…) or a SQLite file path "
                            f"(default: {DEFAULT_DB}, in the current folder)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one (default: 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    serve.add_argument("--weather", choices=["demo", "open-meteo"], default="demo", help="weather provider")
    serve.add_argument("--open-meteo-url", default=Settings.open_meteo_url, help="Open-Meteo API base URL")
    serve.add_argument("--radio", choices=["demo", "radio-browser"], default="demo",
                       help="radio station directory (default: demo, stations this server streams itself)")
    serve.add_argument("--radio-browser-url", default=Settings.radio_browser_url,
                       help="radio-browser.info API base URL")
    serve.add_argument("--vpic-url", default=Settings.vpic_url, metavar="URL",
                       help="NHTSA vPIC API base URL for VIN decodes; 'none' answers from the offline decode only")
    serve.add_argument("--port-file", type=Path, help="write the port number to this file once bound")
    serve.add_argument("--idempotency-lease", type=float, default=Settings.idempotency_lease, metavar="SECONDS",
                       help="after how long a request left in flight may be taken over (default: 30)")
    serve.add_argument("--slow-charge-delay", type=float, default=Settings.slow_charge_delay, metavar="SECONDS",
                       help="how long the sandbox takes to approve tok_slow (default: 2)")
    serve.add_argument("--hold-expiry", type=float, default=Settings.hold_expiry, metavar="SECONDS",
                       help="how long the sandbox processor's holds last before they lapse (default: 7 days)")
    serve.add_argument("--reconcile-interval", type=float, default=Settings.reconcile_interval, metavar="SECONDS",
                       help="how often to settle payments left in flight past the lease (default: 30; 0: at "
                            "start only)")
    serve.add_argument("--weather-max-age", type=int, default=Settings.weather_max_age, metavar="SECONDS",
                       help="Cache-Control max-age of weather answers (default: 600)")
    serve.add_argument("--catalog-max-age", type=int, default=Settings.catalog_max_age, metavar="SECONDS",
                       help="Cache-Control max-age of catalog answers (default: 300)")
    serve.add_argument("--radio-max-age", type=int, default=Settings.radio_max_age, metavar="SECONDS",
                       help="Cache-Control max-age of radio station lists (default: 3600)")
    serve.add_argument("--exit-with-parent", action="store_true",
                       help="shut down when the process that started this one is gone, however it ended "
                            "(for an embedded backend)")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.add_argument("--public-url", default=Settings.public_url, metavar="URL",
                       help="the address phones reach this service at, for pairing links (default: the address "
                            "the car's request named)")
    serve.add_argument("--rate-limit-exempt", default=Settings.rate_limit_exempt, metavar="ADDRESSES",
                       help="client addresses never rate limited, comma-separated; empty for none "
                            "(default: none)")
    sweep = commands.add_parser("sweep", help="delete stored answers and rate-limit counters past their retention "
                                              "(each server also does it every hour; for cron)")
    sweep.add_argument("--db", default=DEFAULT_DB, help=f"database URL or SQLite file path (default: {DEFAULT_DB})")
    sweep.add_argument("--retention-days", type=float, default=Settings.operation_retention / 86400, metavar="DAYS",
                       help="keep idempotency answers and tombstones this long (default: 30; longer than any "
                            "operation's not_after on the car)")
    audit = commands.add_parser("audit", help="check that every payment the processor made has its intent, "
                                              "ledger entries and answer (exit 1 with findings)")
    audit.add_argument("--db", default=DEFAULT_DB, help=f"database URL or SQLite file path (default: {DEFAULT_DB})")
    audit.add_argument("--json", action="store_true", help="print the report as JSON")
    migrate = commands.add_parser("migrate", help="bring a database to this release's schema (serve does it too), "
                                                  "or with --new write the revision for a change to db.py")
    migrate.add_argument("--db", default=DEFAULT_DB, help=f"database URL or SQLite file path (default: {DEFAULT_DB})")
    migrate.add_argument("--new", metavar="MESSAGE",
                         help="for developers: write headunit_backend/migrations/versions/NNNN_….py for what db.py "
                              "adds to the newest revision (read and correct it before committing)")
    catalog = commands.add_parser("catalog", help="the product catalog")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", required=True)
    load = catalog_commands.add_parser(
        "import", help="insert new and update changed products from a CSV or JSON file (docs/catalog-format.md); "
                       "nothing is imported if any row is wrong")
    load.add_argument("file", type=Path, metavar="FILE", help="the products: CSV (one row per product) or JSON")
    load.add_argument("--db", default=DEFAULT_DB, help=f"database URL or SQLite file path (default: {DEFAULT_DB})")
    load.add_argument("--dry-run", action="store_true", help="check the file and say what would change; write nothing")
    load.add_argument("--format", choices=["csv", "json"], help="the file's format (default: detected)")
    apps_cli.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "audit":
            return audit(args)
        if args.command == "migrate":
            return migrate(args)
        if args.command == "catalog":
            return catalog_import(args)
        if args.command == "apps":
            return apps_cli.run(args)
        return sweep(args) if args.command == "sweep" else serve(args)
    except ServeError as error:
        print(f"headunit-backend: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


class ServeError(Exception):
    pass


def migrate(args: argparse.Namespace) -> int:
    from headunit_backend import migrate as migrations

    if args.new:
        print(f"wrote {migrations.new_revision(args.new)}")
        return 0
    from headunit_backend.app import prepare_database
    from headunit_backend.db import Database, DatabaseError

    try:
        db = Database(args.db)
        db.check()  # a file that is not a database, a server that does not answer: one line, not a traceback
        with db.read() as conn:
            before = migrations.current(conn)
        prepare_database(db)
    except DatabaseError as error:
        raise ServeError(error) from None
    db.dispose()
    print(f"{db.name}: revision {before or 'none (empty)'} -> {migrations.head()}")
    return 0


class _DryRun(Exception):
    pass


def catalog_import(args: argparse.Namespace) -> int:
    """Validate the whole file, then upsert it in one transaction (rolled back for --dry-run); exit 1 with
    every problem, naming its row and field, when any row is wrong."""
    import sqlalchemy as sa
    from rich.console import Console

    from headunit_backend import catalog_data, catalog_import as importer, migrate as migrations
    from headunit_backend.db import Database, DatabaseError, categories

    if not args.file.is_file():
        raise ServeError(f"no such file: {args.file}")
    errors = Console(stderr=True, highlight=False)
    try:
        db = Database(args.db)
        db.check()
        try:
            with db.write() as conn:  # the schema brought up to date and the file loaded in one transaction
                db.lock_schema(conn)
                migrations.upgrade(conn)
                catalog_data.seed(conn)
                known = set(conn.execute(sa.select(categories.c.id)).scalars())
                result = importer.apply(conn, importer.plan(args.file, args.format, known_categories=known))
                if args.dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        db.dispose()
    except DatabaseError as error:
        raise ServeError(error) from None
    except importer.ImportFailed as failed:
        for problem in failed.problems:
            errors.print(problem, markup=False, soft_wrap=True)
        errors.print(f"{args.file}: {len(failed.problems)} problem(s); nothing was imported", markup=False,
                     soft_wrap=True)
        return 1
    importer.print_summary(Console(highlight=False), result, source=args.file, dry_run=args.dry_run)
    return 0


def sweep(args: argparse.Namespace) -> int:
    """One sweep of old idempotency rows and ended rate-limit windows; prints what it deleted."""
    from sqlalchemy.exc import SQLAlchemyError

    from headunit_backend.db import Database, DatabaseError
    from headunit_backend.sweep import sweep_once

    if args.retention_days <= 0:
        raise ServeError("--retention-days must be positive")
    settings = Settings(db_url=args.db, operation_retention=args.retention_days * 86400)
    try:
        db = Database(settings.db_url)
        db.check()
    except DatabaseError as error:
        raise ServeError(error) from None
    try:
        operations, counters = sweep_once(db, settings)
    except SQLAlchemyError as error:  # e.g. a database no server of this release has prepared yet
        raise ServeError(f"cannot sweep {db.name}: {str(error).splitlines()[0]}") from None
    finally:
        db.dispose()
    print(f"deleted {operations} stored operations older than {args.retention_days:g} days and {counters} "
          f"ended rate-limit counters from {db.name}")
    return 0


def audit(args: argparse.Namespace) -> int:
    """Audit payments (headunit_backend/audit.py): exit 0 when clean, 1 with findings."""
    import json

    from headunit_backend.audit import audit as run_audit
    from headunit_backend.db import Database, DatabaseError

    from sqlalchemy.exc import SQLAlchemyError

    try:
        db = Database(args.db)
        if db.dialect == "sqlite" and not Path(db.url.database or "").is_file():
            raise DatabaseError(f"no SQLite database {db.name}")  # opening it would create an empty one
        db.check()
    except DatabaseError as error:
        raise ServeError(error) from None
    try:
        report = run_audit(db)
    except SQLAlchemyError as error:
        raise ServeError(f"cannot audit {db.name} (not a migrated headunit-backend database?): "
                         f"{str(getattr(error, 'orig', error)).splitlines()[0]}") from None
    finally:
        db.dispose()
    print(json.dumps(report.to_json(), indent=2, sort_keys=True) if args.json else report.to_text())
    return 0 if report.clean else 1


def serve(args: argparse.Namespace) -> int:
    from headunit_backend.app import prepare_database
    from headunit_backend.db import Database, DatabaseError

    if args.workers < 1:
        raise ServeError("--workers must be at least 1")
    settings = Settings(db_url=args.db, weather=args.weather, open_meteo_url=args.open_meteo_url,
                        idempotency_lease=args.idempotency_lease, slow_charge_delay=args.slow_charge_delay,
                        weather_max_age=args.weather_max_age, catalog_max_age=args.catalog_max_age,
                        radio=args.radio, radio_browser_url=args.radio_browser_url, vpic_url=args.vpic_url,
                        radio_max_age=args.radio_max_age, hold_expiry=args.hold_expiry,
                        reconcile_interval=args.reconcile_interval, rate_limit_exempt=args.rate_limit_exempt,
                        public_url=args.public_url.rstrip("/"))
    try:
        db = Database(settings.db_url)
        prepare_database(db)
    except DatabaseError as error:
        raise ServeError(error) from None
    settings = dataclasses.replace(settings, db_url=db.url.render_as_string(hide_password=False))
    db.dispose()

    sock = bind(args.host, args.port)
    host, port = sock.getsockname()[:2]
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    if args.port_file:
        write_atomically(args.port_file, f"{port}\n")
    print(f"headunit-backend {__version__} listening on {url} (database {db.name}, "
          f"{args.workers} worker{'s' if args.workers > 1 else ''})", flush=True)
    os.environ[SETTINGS_ENV] = settings.to_env()
    if args.exit_with_parent:
        watch_parent()
    run_uvicorn(sock, workers=args.workers, log_level=args.log_level, access_log=args.access_log)
    return 0


def watch_parent(interval: float = 1.0) -> None:
    """SIGTERM ourselves (a graceful uvicorn shutdown, workers included) once our parent has died: we are
    then adopted by another process. Polling works whichever thread started us and however the parent
    ended, SIGKILL included."""
    import signal
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def bind(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                              flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.set_inheritable(True)
    return sock


def write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    partial.replace(path)


def run_uvicorn(sock: socket.socket, *, workers: int, log_level: str, access_log: bool) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("headunit_backend.app:app_from_environment", factory=True, workers=workers,
                            log_level=log_level, access_log=access_log, timeout_graceful_shutdown=10,
                            server_header=False)
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])
