"""Third-party plugins in their sandbox, driven through the shell as a driver and an attacker would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem

from headunit.sandbox import bwrap

OUTSIDE_PLUGINS = Path(__file__).resolve().parent.parent / "fixtures" / "outside_plugins"


@pytest.fixture(autouse=True)
def _bubblewrap_installed():
    why = bwrap.available()
    if why is not None:
        pytest.fail(f"{why}: run `scripts/install-system-deps` (make test does)")


def sandboxed_app(window) -> QQuickItem | None:
    return next((i for i in window.findChildren(QQuickItem, "sandboxedApp") if i.isVisible()), None)


def open_sandboxed(qtbot, runtime, window, plugin_id: str, timeout: int = 15_000) -> QQuickItem:
    """Open the app as a tap on its tile would, and wait until it shows its page or its template."""
    assert runtime.apps.openApp(plugin_id)
    qtbot.waitUntil(lambda: sandboxed_app(window) is not None and sandboxed_app(window).property("settled"),
                    timeout=timeout)
    qtbot.wait(300)
    return sandboxed_app(window)


def template_rows(runtime, plugin_id: str) -> dict[str, str]:
    """The rows of the list template the plugin published: title -> subtitle."""
    template = runtime.sandbox.pageTemplate(plugin_id, 0) or {}
    return {row["title"]: row.get("subtitle", "") for row in template.get("rows", [])}
