"""Schema migrations, on SQLite and PostgreSQL: from an empty database, and from the first release's."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from headunit_backend import migrate
from headunit_backend.app import create_app, prepare_database
from headunit_backend.db import Database, metadata
from tests.backend.conftest import TestClient


def differences(engine: sa.Engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def test_an_empty_database_migrates_to_exactly_the_models(db_url):
    db = Database(db_url)
    prepare_database(db)
    assert differences(db.engine) == []
    with db.read() as conn:
        assert migrate.current(conn) == migrate.head()
    prepare_database(db)  # a second start finds nothing to do
    with db.read() as conn:
        assert migrate.current(conn) == migrate.head()
    db.dispose()


def first_release_database(url: str) -> None:
    """A database as the first release left it: its tables, made without Alembic, with a car's data."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), migrate.FIRST_RELEASE)
        conn.execute(sa.text("DROP TABLE alembic_version"))
        now = "2026-11-01 12:00:00"
        conn.execute(sa.text("INSERT INTO accounts (id, key_hash, last_seq, created_at) "
                             "VALUES ('acct_old', :key, 1, :now)"), {"key": "0" * 64, "now": now})
        conn.execute(sa.text("INSERT INTO devices (id, account_id, name, kind, token_hash, created_at) "
                             "VALUES ('dev_old', 'acct_old', 'Old car', 'car', :token, :now)"),
                     {"token": "1" * 64, "now": now})
        conn.execute(sa.text("INSERT INTO sync_items (account_id, collection, key, value_json, deleted, seq, "
                             "device_id, op_id, updated_at) VALUES ('acct_old', 'favourites', 'home', "
                             "'{\"name\": \"Home\"}', false, 1, 'dev_old', 'op-1', :now)"), {"now": now})
    engine.dispose()


def test_the_first_releases_database_upgrades_and_keeps_its_data(db_url):
    first_release_database(db_url)
    db = Database(db_url)
    with db.read() as conn:
        assert migrate.current(conn) == migrate.FIRST_RELEASE
    prepare_database(db)
    assert differences(db.engine) == []
    with db.read() as conn:
        assert migrate.current(conn) == migrate.head()
        assert conn.execute(sa.text("SELECT name FROM devices WHERE id = 'dev_old'")).scalar() == "Old car"
        assert conn.execute(sa.text("SELECT value_json FROM sync_items WHERE key = 'home'")).scalar() \
            == '{"name": "Home"}'
    db.dispose()


def test_a_backend_serves_a_migrated_first_release_database(db_url):
    first_release_database(db_url)
    with TestClient(create_app(db_url)) as http:
        assert http.get("/v1/health").json()["status"] == "ok"
        registered = http.post("/v1/devices", json={"name": "New car", "kind": "car"})
        assert registered.status_code == 201


def test_every_revision_downgrades_cleanly(sqlite_url):
    """A revision that cannot be undone is a trap on the day an upgrade must be rolled back."""
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "head")
        command.downgrade(migrate.config(conn), "base")
        assert sa.inspect(conn).get_table_names() == ["alembic_version"]
    engine.dispose()


def test_the_revision_files_are_the_models(tmp_path):
    """A change to db.py without its revision fails here: `headunit-backend migrations new MESSAGE`."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'scratch.db'}")
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "head")
    assert differences(engine) == []
    engine.dispose()


def test_the_migrate_command_says_from_which_revision_to_which(sqlite_url, tmp_path, capsys):
    from headunit_backend.cli import main

    first_release_database(sqlite_url)
    assert main(["migrate", "--db", sqlite_url]) == 0
    assert f"revision {migrate.FIRST_RELEASE} -> {migrate.head()}" in capsys.readouterr().out
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("shopping list\n" * 100)
    assert main(["migrate", "--db", str(not_a_database)]) == 1
    assert "notes.txt: file is not a database" in capsys.readouterr().err
    assert not_a_database.read_text() == "shopping list\n" * 100
