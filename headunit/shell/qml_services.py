"""Shell services as QML singletons, one set per QML engine.

Every service class declares `create = singleton_of("name")`; QML's `import HeadUnit` then hands out
the instance that `attach(engine, services)` registered for that engine. No context properties: the
singletons are typed, so qmllint and the QML compiler see them.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from PySide6.QtQml import QQmlEngine

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

_by_engine: "WeakKeyDictionary[Any, Any]" = WeakKeyDictionary()


def attach(engine, services: Any) -> None:
    """Make `services` (an object with one attribute per singleton) what `engine`'s QML sees."""
    _by_engine[engine] = services


def singleton_of(attribute: str):
    def create(engine):
        # A plugin process offers only some of the shell's singletons: the others are null to its QML (a
        # TypeError where it reads one), never a Python exception left pending inside the engine.
        service = getattr(_by_engine[engine], attribute, None)
        if service is None:
            return None
        # The runtime owns its services; an engine must not delete them when it goes.
        QQmlEngine.setObjectOwnership(service, QQmlEngine.ObjectOwnership.CppOwnership)
        return service

    return staticmethod(create)
