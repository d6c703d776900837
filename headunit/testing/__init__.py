"""Testing plugins the way HeadUnit tests its own: see headunit.testing.plugin for the pytest fixtures and
headunit.testing.host for the HeadUnit they start.

The names below are imported on first use: pytest loads headunit.testing.plugin in every session, and that
must not start Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["HeadUnitHost", "HostError", "find", "named", "tap", "texts", "wait", "wait_until"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from headunit.testing import host

        return getattr(host, name)
    raise AttributeError(f"module 'headunit.testing' has no attribute {name!r}")
