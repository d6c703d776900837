"""Schema migrations (Alembic): how a database of any earlier release becomes this release's.

The revisions live in `migrations/versions/`, one file per schema change, written by `headunit-backend
migrations new MESSAGE` (Alembic's autogenerate against a scratch database at the newest revision) and
then read and corrected by a person. `upgrade` runs inside the caller's write transaction, after the
schema lock, so processes starting together on one PostgreSQL migrate once and the others find it done.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")

#: The revision of the first release's schema (made by `create_all`, without an `alembic_version` table).
FIRST_RELEASE = "0001"


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(conn: Connection) -> str | None:
    """The database's revision: None for an empty database, FIRST_RELEASE for one that predates migrations."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None and sa.inspect(conn).has_table("accounts"):
        return FIRST_RELEASE
    return revision


def upgrade(conn: Connection) -> None:
    """Bring the database to the newest revision, in the caller's transaction."""
    cfg = config(conn)
    if current(conn) == FIRST_RELEASE and MigrationContext.configure(conn).get_current_revision() is None:
        command.stamp(cfg, FIRST_RELEASE)
    command.upgrade(cfg, "head")


def new_revision(message: str) -> Path:
    """Write a revision for what the models in db.py add to the newest one; returns its file."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = sa.create_engine(f"sqlite:///{Path(scratch) / 'scratch.db'}")
        with engine.begin() as conn:
            command.upgrade(config(conn), "head")
            script = command.revision(config(conn), message=message, autogenerate=True,
                                      rev_id=f"{int(head()) + 1:04d}")
        engine.dispose()
    return Path(script.path)
