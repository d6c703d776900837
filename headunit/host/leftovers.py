"""What a failed plugin leaves running in the shell's process: the QObjects it made and still holds.

A plugin that fails never finishes its work, and its `stop()` may not release what `start()` took. Its timers
would go on firing into its code, kept alive by their connections to it. The host finds the plugin's own objects
and stops and deletes them; the shell's services it held are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer

#: How many Python objects the search looks at, at most: a plugin holding a vast list is not walked whole.
MAX_VISITS = 100_000


def plugin_objects(instance: Any, context: QObject | None, namespace: str, shared: Iterable[QObject]) -> list[QObject]:
    """The plugin's own QObjects that nothing but the plugin owns: those it holds, reached from its instance
    through containers and objects of its own classes (defined under `namespace`), that have no parent, or
    whose outermost parent is its context. Objects in `shared` (the shell's) and their children are not its."""
    shared_ids = {id(obj) for obj in shared}
    found, seen, pending, visits = [], set(), [instance], 0
    while pending and visits < MAX_VISITS:
        obj = pending.pop()
        visits += 1
        if id(obj) in seen or id(obj) in shared_ids:
            continue
        seen.add(id(obj))
        if isinstance(obj, QObject):
            if not shiboken6.isValid(obj):
                continue
            outermost = _outermost(obj)
            if obj is not context and (outermost is obj or outermost is context):
                found.append(obj)
        if isinstance(obj, dict):
            pending.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            pending.extend(obj)
        elif obj is instance or _defined_under(type(obj), namespace):
            pending.extend(getattr(obj, "__dict__", {}).values())
    return found


def _outermost(obj: QObject) -> QObject:
    while (parent := obj.parent()) is not None:
        obj = parent
    return obj


def _defined_under(cls: type, namespace: str) -> bool:
    module = getattr(cls, "__module__", None) or ""
    return module == namespace or module.startswith(namespace + ".")


def stop_timers(objects: Iterable[QObject]) -> None:
    """Stop every timer among `objects` and their children (those living on this thread: a timer stops on its own)."""
    here = QThread.currentThread()
    for obj in objects:
        timers = obj.findChildren(QTimer)
        if isinstance(obj, QTimer):
            timers.append(obj)
        for timer in timers:
            if timer.thread() is here:
                timer.stop()
