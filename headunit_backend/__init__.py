"""The reference backend head units sync with: devices, idempotent writes, user data, weather, catalog,
wallet, orders and payments over SQLite or PostgreSQL.

Entry points: `headunit_backend.app.create_app` (the ASGI app), `headunit_backend.process.ServerProcess`
(a real server in a subprocess, for tests and benchmarks) and the `headunit-backend serve` command.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("headunit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
