"""The reference backend head units sync with: devices, idempotent writes, user data, weather, catalog,
wallet, orders and payments over SQLite or PostgreSQL.

Entry points: `headunit_backend.app.create_app` (the ASGI app), `headunit_backend.process.ServerProcess`
(a real server in a subprocess, for tests and benchmarks) and the `headunit-backend serve` command.
"""

from headunit import __version__  # one version for the head unit and its backend, set in headunit/__init__.py

__all__ = ["__version__"]
