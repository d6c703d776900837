"""The schema (SQLAlchemy Core) and the `Database` handle every module shares.

One schema serves SQLite (a single car or a developer) and PostgreSQL (a fleet behind several API processes).
Write transactions on SQLite start with `BEGIN IMMEDIATE`: a deferred transaction that reads before writing
fails with SQLITE_BUSY when another connection wrote in between, and busy_timeout cannot retry that.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

metadata = sa.MetaData()

#: Integer primary keys that autoincrement on both databases (SQLite only autoincrements INTEGER).
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class UTCDateTime(sa.TypeDecorator):
    """Timezone-aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


accounts = sa.Table(
    "accounts", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
    # The last change-feed seq handed out; incremented under the row lock, so seqs commit in order.
    sa.Column("last_seq", sa.BigInteger, nullable=False, default=0),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("key_rotated_at", UTCDateTime),  # the last `POST /v1/account/key`; the old key stopped then
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # approved | pending (joined with the account key, waiting for an approved device) | revoked
    sa.Column("status", sa.String(10), nullable=False, default="approved", server_default="approved"),
    sa.Column("approved_by", sa.String(40)),  # the device (or pairing code's issuer) that approved it
    sa.Column("revoked_at", UTCDateTime),
    # A replacement token asked for with `POST /v1/devices/me/token`; the old one works until it is used.
    sa.Column("next_token_hash", sa.String(64)),
    sa.UniqueConstraint("next_token_hash", name="uq_devices_next_token_hash"),
)

pairing_codes = sa.Table(
    "pairing_codes", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),  # SHA-256 of the code, like every secret
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("created_by", sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("used_at", UTCDateTime),
    sa.Column("used_by", sa.String(40)),  # the phone's device id
)

operations = sa.Table(
    "operations", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("device_id", sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("op_id", sa.String(36), nullable=False),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("state", sa.String(10), nullable=False),  # in_flight | done
    sa.Column("holder", sa.String(32), nullable=False),  # random per claim, so a takeover is detectable
    sa.Column("claimed_at", sa.Float, nullable=False),  # epoch seconds, for the lease
    sa.Column("response_status", sa.Integer),
    sa.Column("response_body", sa.LargeBinary),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("completed_at", UTCDateTime),
    sa.UniqueConstraint("device_id", "op_id", name="uq_operations_device_op"),
)

sync_items = sa.Table(
    "sync_items", metadata,
    sa.Column("account_id", sa.ForeignKey("accounts.id"), primary_key=True),
    sa.Column("collection", sa.String(20), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("value_json", sa.Text),  # NULL for a deletion (a tombstone the feed still delivers)
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("device_id", sa.String(40), nullable=False),
    sa.Column("op_id", sa.String(36), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("account_id", "seq", name="uq_sync_items_account_seq"),
)

categories = sa.Table(
    "categories", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
)

products = sa.Table(
    "products", metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("category_id", sa.ForeignKey("categories.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("price_cents", sa.Integer, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("stock", sa.Integer, nullable=False),
    sa.Column("rating_sum", sa.Integer, nullable=False),
    sa.Column("rating_count", sa.Integer, nullable=False),
    sa.Column("universal", sa.Boolean, nullable=False),
    sa.Column("fitment_json", sa.Text, nullable=False),  # fitment records (headunit.fitment.rules)
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("brand", sa.String(80), nullable=False, server_default=""),
    sa.Column("part_number", sa.String(60)),
    sa.Column("fitting_minutes", sa.Integer),  # NULL: no fitting service at a partner workshop
    # How many ratings of each star count (visible reviews plus the seeded counts): the histogram.
    sa.Column("stars_1", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stars_2", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stars_3", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stars_4", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stars_5", sa.Integer, nullable=False, server_default="0"),
    # Stamped by every Core UPDATE that does not set it (orders taking stock included): the sync cursor.
    sa.Column("updated_at", UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow),
    sa.CheckConstraint("stock >= 0", name="ck_products_stock"),
    sa.Index("ix_products_updated_at_id", "updated_at", "id"),
)

reviews = sa.Table(
    "reviews", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("product_id", sa.ForeignKey("products.id"), nullable=False, index=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id")),  # NULL for the seeded reviews
    sa.Column("rating", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("vehicle", sa.String(80)),  # the reviewer's car as they named it, e.g. "2021 Volkswagen Golf"
    sa.Column("verified_purchase", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("hidden_at", UTCDateTime),  # reported by enough accounts: left out of answers and the rating
)

review_reports = sa.Table(
    "review_reports", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("review_id", sa.ForeignKey("reviews.id"), nullable=False),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False),
    sa.Column("reason", sa.String(20), nullable=False),  # spam | offensive | off_topic | fake
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("review_id", "account_id", name="uq_review_reports_review_account"),
)

payment_methods = sa.Table(
    "payment_methods", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("processor_token", sa.String(100), nullable=False),
    sa.Column("brand", sa.String(20), nullable=False),
    sa.Column("last4", sa.String(4), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("deleted_at", UTCDateTime),
)

orders = sa.Table(
    "orders", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("device_id", sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("op_id", sa.String(36), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("total_cents", sa.Integer, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("payment_method_id", sa.String(40), nullable=False),
    sa.Column("charge_id", sa.String(40), nullable=False, unique=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # Where the parts go: {"kind": "home", "address": {...}} or {"kind": "workshop", "workshop_id", "slot_start"}
    # as asked for (NULL for orders placed before delivery was asked).
    sa.Column("delivery_json", sa.Text),
    sa.UniqueConstraint("device_id", "op_id", name="uq_orders_device_op"),
)

order_items = sa.Table(
    "order_items", metadata,
    sa.Column("order_id", sa.ForeignKey("orders.id"), primary_key=True),
    sa.Column("line", sa.Integer, primary_key=True),
    sa.Column("product_id", sa.String(80), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price_cents", sa.Integer, nullable=False),
)

# --- O2O: an installation slot at a partner workshop (headunit_backend/bookings.py) --------------------------

bookings = sa.Table(
    "bookings", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("order_id", sa.ForeignKey("orders.id"), nullable=False, unique=True),  # one booking per order
    sa.Column("workshop_id", sa.String(60), nullable=False),  # data/workshops.json
    sa.Column("start", UTCDateTime, nullable=False),
    sa.Column("end", UTCDateTime, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),  # booked | cancelled
    sa.Column("moved_from", UTCDateTime),  # the slot asked for, when it was taken and this one was booked instead
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    # A workshop's bookings of a day: what the slots and the capacity check read.
    sa.Index("ix_bookings_workshop_start", "workshop_id", "start"),
)

# --- payments: intents and their ledger (ours), then the sandbox processor's own tables (the "remote" side) ---

payment_intents = sa.Table(
    "payment_intents", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("device_id", sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("op_id", sa.String(36), nullable=False),  # the operation that created it
    sa.Column("purpose", sa.String(10), nullable=False),  # payment | order | fuel | parking
    # processing (authorize asked, answer not yet recorded) | authorized | succeeded | canceled | failed
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("capture_mode", sa.String(10), nullable=False),  # automatic | manual
    sa.Column("amount_cents", sa.Integer, nullable=False),
    sa.Column("captured_cents", sa.Integer, nullable=False),
    sa.Column("refunded_cents", sa.Integer, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("merchant_id", sa.String(80), nullable=False),
    sa.Column("merchant_name", sa.String(200), nullable=False),
    sa.Column("reference", sa.String(200), nullable=False),
    sa.Column("payment_method_id", sa.String(40), nullable=False),
    sa.Column("processor_token", sa.String(100), nullable=False),
    sa.Column("brand", sa.String(20), nullable=False),
    sa.Column("last4", sa.String(4), nullable=False),
    sa.Column("processor_key", sa.String(120), nullable=False, unique=True),  # the authorize key
    sa.Column("hold_id", sa.String(40), unique=True),  # the processor's hold/charge, once known
    sa.Column("hold_expires_at", UTCDateTime),
    sa.Column("failure_code", sa.String(40)),
    sa.Column("failure_detail", sa.String(300)),
    # What was asked for when the money moves with the commit: an order's basket as first priced, a fuel or
    # parking session. The reconciler finishes the intent from this, never from what the basket is now.
    sa.Column("draft_json", sa.Text),
    sa.Column("order_id", sa.String(40)),
    # The one state change under way (write-ahead, committed before the processor is asked): authorize |
    # capture | void | refund, with its processor key and amount, and the operation that will get the answer
    # (none for an order's capture, whose answer is already stored). The reconciler finishes it from here.
    sa.Column("pending_action", sa.String(10)),
    sa.Column("pending_key", sa.String(120)),
    sa.Column("pending_amount", sa.Integer),
    sa.Column("pending_device_id", sa.String(40)),
    sa.Column("pending_op_id", sa.String(36)),
    sa.Column("pending_holder", sa.String(32)),
    sa.Column("pending_since", sa.Float),  # epoch seconds: a lease, as for operations
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("device_id", "op_id", name="uq_payment_intents_device_op"),
    # The reconciler's two questions: which changes are pending since when, which holds have lapsed; and
    # `expire`'s: which intent is an operation changing.
    sa.Index("ix_payment_intents_pending_since", "pending_since"),
    sa.Index("ix_payment_intents_status_expiry", "status", "hold_expires_at"),
    sa.Index("ix_payment_intents_pending_op", "pending_device_id", "pending_op_id"),
)

ledger = sa.Table(
    "payment_ledger", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("intent_id", sa.ForeignKey("payment_intents.id"), nullable=False, index=True),
    sa.Column("device_id", sa.String(40)),  # NULL for the reconciler's entries that no request asked for
    sa.Column("op_id", sa.String(36)),
    sa.Column("order_id", sa.String(40)),
    sa.Column("charge_id", sa.String(40), nullable=False),  # the processor's hold/charge
    sa.Column("kind", sa.String(10), nullable=False),  # authorize | capture | void | refund | expire
    sa.Column("amount_cents", sa.Integer, nullable=False),  # always positive; `kind` says which way
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("processor_key", sa.String(120), nullable=False, unique=True),  # one entry per processor action
    sa.Column("created_at", UTCDateTime, nullable=False),
)

fuel_sessions = sa.Table(
    "fuel_sessions", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("intent_id", sa.ForeignKey("payment_intents.id"), nullable=False, unique=True),
    sa.Column("station_id", sa.String(80), nullable=False),
    sa.Column("station_name", sa.String(200), nullable=False),
    sa.Column("pump", sa.Integer, nullable=False),
    sa.Column("fuel", sa.String(10), nullable=False),
    sa.Column("price_milli_per_litre", sa.Integer, nullable=False),  # milli-cents per litre, as the pump shows
    sa.Column("litres_milli", sa.Integer),  # what the pump dispensed, written before the capture
    sa.Column("created_at", UTCDateTime, nullable=False),
)

parking_sessions = sa.Table(
    "parking_sessions", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("account_id", sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("intent_id", sa.ForeignKey("payment_intents.id"), nullable=False, unique=True),
    sa.Column("zone_id", sa.String(40), nullable=False),
    sa.Column("rate_cents_per_hour", sa.Integer, nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
    sa.Column("expected_end", UTCDateTime, nullable=False),
    sa.Column("ended_at", UTCDateTime),  # written before the capture
    sa.Column("created_at", UTCDateTime, nullable=False),
)

sandbox_holds = sa.Table(
    "sandbox_holds", metadata,
    sa.Column("hold_id", sa.String(40), primary_key=True),
    sa.Column("idempotency_key", sa.String(120), nullable=False, unique=True),
    sa.Column("token", sa.String(100), nullable=False),
    sa.Column("amount_cents", sa.Integer, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),  # authorized | captured | canceled | declined
    sa.Column("decline_code", sa.String(30)),
    sa.Column("captured_cents", sa.Integer, nullable=False),
    sa.Column("refunded_cents", sa.Integer, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

sandbox_actions = sa.Table(
    "sandbox_actions", metadata,
    sa.Column("idempotency_key", sa.String(120), primary_key=True),
    sa.Column("hold_id", sa.String(40), nullable=False, index=True),
    sa.Column("kind", sa.String(10), nullable=False),  # capture | void | refund
    sa.Column("amount_cents", sa.Integer, nullable=False),
    sa.Column("error", sa.String(30)),  # NULL: done; otherwise the refusal, answered again on a retry
    sa.Column("created_at", UTCDateTime, nullable=False),
)


# --- abuse limits: rate-limit counters, and the indexes the sweep and one-review-per-account need ---------

rate_limits = sa.Table(
    "rate_limits", metadata,
    sa.Column("key", sa.String(200), primary_key=True),  # what is counted and for whom: "review:dev:dev_…"
    sa.Column("window_start", sa.BigInteger, nullable=False),  # epoch seconds
    sa.Column("expires_at", sa.BigInteger, nullable=False),  # the window's end: the sweep deletes past it
    sa.Column("count", sa.Integer, nullable=False),
)

#: Stored answers and tombstones are swept by age (`headunit_backend.idempotency.sweep`).
operations_created_at = sa.Index("ix_operations_created_at", operations.c.created_at)
#: One review per account and product (seeded reviews have no account, and NULLs never collide).
reviews_one_per_account = sa.Index("uq_reviews_account_product", reviews.c.account_id, reviews.c.product_id,
                                   unique=True)


class DatabaseError(Exception):
    """The database cannot be used; the message names it and says why, for a person to act on."""


def database_url(value: str) -> sa.URL:
    """A SQLAlchemy URL from what a person typed: a URL, or a plain path meaning a SQLite file."""
    if "://" not in value:
        return make_url(f"sqlite:///{Path(value).expanduser().resolve()}")
    try:
        url = make_url(value)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {value!r}") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(f"not a supported database URL (use sqlite:/// or postgresql://): {value!r}")
    return url


def describe(url: sa.URL) -> str:
    """How to name a database in a message: the SQLite file, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


class Database:
    """An engine plus the two kinds of transaction the service uses: `read()` and `write()`."""

    def __init__(self, url: str | sa.URL):
        self.url = url if isinstance(url, sa.URL) else database_url(url)
        self.dialect = self.url.get_backend_name()
        self.name = describe(self.url)
        try:
            self.engine = self._create_engine()
        except (ArgumentError, NoSuchModuleError) as error:
            raise DatabaseError(f"cannot use database {self.name}: {error}") from None
        # An in-memory SQLite database is one shared connection; its transactions must take turns.
        self._turns = threading.RLock() if self._in_memory else None

    @property
    def _in_memory(self) -> bool:
        return self.dialect == "sqlite" and self.url.database in (None, "", ":memory:")

    def _create_engine(self) -> Engine:
        # A request holds at most one connection at a time, and the pools allow at least as many as the
        # 40 threads that run sync endpoints, so no request waits for a connection another request holds.
        # PostgreSQL keeps all 40 open under load: opening one forks a server process, too dear per
        # request. No pre-ping (a round trip per request): a connection lost to a database restart fails
        # one request with a 5xx, which clients retry.
        if self.dialect == "postgresql":
            return sa.create_engine(self.url, pool_size=40, max_overflow=0, pool_recycle=1800)
        if self._in_memory:
            engine = sa.create_engine(self.url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            engine = sa.create_engine(self.url, pool_size=8, max_overflow=40,
                                      connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that will write: committed on success, rolled back on any exception."""
        with self._turns or nullcontext(), self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction: one consistent snapshot for several queries."""
        with self._turns or nullcontext(), self.engine.connect() as conn:
            with conn.begin():
                yield conn

    def lock_schema(self, conn: Connection) -> None:
        """Serialize schema creation and seeding between processes starting at once on one PostgreSQL."""
        if self.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(7170411)"))

    def check(self) -> None:
        """Raise DatabaseError with a readable reason unless the database answers and is writable."""
        try:
            with self.write() as conn:
                conn.execute(sa.text("SELECT 1"))
        except DBAPIError as error:
            raise DatabaseError(explain(self, error)) from None

    def dispose(self) -> None:
        """Close pooled connections (not an in-memory database's one connection: it holds the data)."""
        if not self._in_memory:
            self.engine.dispose()


def explain(db: Database, error: DBAPIError) -> str:
    """One line for a database error at start, naming the file or server."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    if db.dialect == "sqlite":
        return f"cannot use SQLite database {db.name}: {reason}"
    return f"cannot use PostgreSQL database {db.name}: {reason}"


def _configure_sqlite_connection(dbapi_connection, connection_record) -> None:
    # Let SQLAlchemy's begin hook issue BEGIN itself (pysqlite's implicit BEGIN comes too late).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "memory":
            cursor.execute("PRAGMA journal_mode = WAL")
            # An answered write must survive a power cut: the car will never send it again.
            cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(conn: Connection) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def dialect_insert(conn: Connection, table: sa.Table):
    """An INSERT that knows `ON CONFLICT` on both databases (SQLite and PostgreSQL share the syntax)."""
    from sqlalchemy.dialects import postgresql, sqlite

    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
