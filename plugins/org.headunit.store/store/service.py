"""ServiceDesk: workshops, bookings, orders and maintenance for the store's QML.

Constructed by the store plugin as `ServiceDesk(ctx, shop)` and exposed to QML as `service`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import PluginContext

QML_IMPORT_NAME = "HeadUnit.Plugins.Store"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("made by the store app")
class ServiceDesk(QObject):
    changed = Signal()

    def __init__(self, ctx: PluginContext, shop: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.shop = shop

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass
