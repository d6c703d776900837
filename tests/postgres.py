"""A throwaway PostgreSQL server on loopback, for tests and benchmarks.

Uses Debian's server binaries (the `postgresql` package, installed by `make test`). The cluster lives in a
temporary folder, listens on 127.0.0.1 at a free port with trust authentication, and is removed on stop.
Set HEADUNIT_TEST_POSTGRES to a URL to use an existing server instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import sqlalchemy


def _bindir() -> Path | None:
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(initdb).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TemporaryPostgres:
    """`with TemporaryPostgres() as url:` gives a postgresql+psycopg:// URL to an empty database."""

    def __init__(self):
        self.url = os.environ.get("HEADUNIT_TEST_POSTGRES") or None
        self._dir: Path | None = None

    @staticmethod
    def available() -> str | None:
        """None when a server can be started, otherwise why not."""
        if os.environ.get("HEADUNIT_TEST_POSTGRES"):
            return None
        if _bindir() is None:
            return "PostgreSQL server binaries not found (Debian package postgresql)"
        return None

    def _run(self, *argv: str) -> None:
        # initdb and postgres refuse to run as root; Debian's package creates the postgres user.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + list(argv), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> str:
        if self.url:
            return self.url
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError(self.available())
        self._dir = Path(tempfile.mkdtemp(prefix="headunit-pg-"))
        data = self._dir / "data"
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self._dir, pw.pw_uid, pw.pw_gid)
        self._run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync")
        port = _free_port()
        options = (f"-p {port} -k {self._dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        self._run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(self._dir / "log"),
                  "start")
        self._bindir = bindir
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        return self.url

    def fresh_database(self, name: str) -> str:
        """A new empty database on this server; its URL."""
        url = sqlalchemy.make_url(self.start())
        engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return url.set(database=name).render_as_string(hide_password=False)

    def stop(self) -> None:
        if self._dir is None:
            return
        try:
            self._run(str(self._bindir / "pg_ctl"), "-D", str(self._dir / "data"), "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self._dir, ignore_errors=True)
        self._dir = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

