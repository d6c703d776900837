"""Whether the car is online, for the status bar and for the sync client.

The emulator's network switch sets it; on a device a network monitor does.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns connectivity")
class Connectivity(QObject):
    create = singleton_of("connectivity")

    onlineChanged = Signal()

    def __init__(self, online: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self._online = online

    @Property(bool, notify=onlineChanged, final=True)
    def online(self) -> bool:
        return self._online

    def set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self.onlineChanged.emit()
