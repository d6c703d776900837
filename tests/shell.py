"""Helpers for tests that drive a running shell."""

from __future__ import annotations

from PySide6.QtQuick import QQuickItem


def settle(qtbot, ms: int = 400) -> None:
    """Let bindings, layouts and 250 ms transitions finish."""
    qtbot.wait(ms)


def descendants(root: QQuickItem) -> list[QQuickItem]:
    """Every item under `root` in the visual tree (Repeater and ListView delegates are only there)."""
    found, pending = [], list(root.childItems())
    while pending:
        item = pending.pop()
        found.append(item)
        pending.extend(item.childItems())
    return found


def named(window, name: str) -> list[QQuickItem]:
    """Every item of the window called `name`."""
    return [i for i in descendants(window.contentItem()) if i.objectName() == name]


def find(window, name: str) -> QQuickItem:
    """The item called `name`; fails the test if there is none."""
    items = named(window, name)
    assert items, f"no item named {name!r}"
    return items[0]


def link_with_a_card(runtime, qtbot) -> None:
    """The shell linked to its backend (started with `backend="embedded"`), with a Visa card on file."""
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    runtime.cloud.client.enqueue("payments", "POST", "/v1/wallet/cards", {"processor_token": "tok_visa"},
                                 plugin="headunit")
    qtbot.waitUntil(lambda: runtime.cloud.client.status().pending == 0, timeout=15_000)
