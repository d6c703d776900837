"""Alembic's environment: migrations run on the connection `headunit_backend.migrate` hands over, inside
the transaction that also holds the schema lock, so several processes starting at once migrate once."""

from alembic import context

import headunit_backend.apps_repo  # noqa: F401 - the app store's tables, defined there on the same metadata
from headunit_backend.db import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")  # SQLite alters tables by copying them
with context.begin_transaction():
    context.run_migrations()
