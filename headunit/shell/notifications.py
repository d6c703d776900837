"""Notifications and toasts.

A notification stays in the notification centre until dismissed; a toast is a short message that
fades by itself. Both come from the shell or from plugins (through their context), never drawn by plugins.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, Property, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from headunit.shell.qml_services import singleton_of
from headunit.shell.roles import DISPLAY_ROLE, USER_ROLE, role_names

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

LEVELS = ("info", "success", "warning", "error")


@dataclass(frozen=True)
class Notification:
    """One notification in the centre: who sent it, what it says, and how urgent it is."""

    id: int
    source: str  # the plugin id, or "shell"
    title: str
    body: str
    level: str
    posted: float  # epoch seconds


class _Role(IntEnum):
    Id = USER_ROLE + 1
    Source = USER_ROLE + 2
    Title = USER_ROLE + 3
    Body = USER_ROLE + 4
    Level = USER_ROLE + 5
    Posted = USER_ROLE + 6


@QmlElement
@QmlSingleton
class Notifications(QAbstractListModel):
    create = singleton_of("notifications")

    countChanged = Signal()
    unreadChanged = Signal()
    #: A toast to show now: text and level.
    toast = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[Notification] = []
        self._ids = itertools.count(1)
        self._unread = 0

    # Python API (the shell and plugin contexts)

    def post(self, source: str, title: str, body: str = "", level: str = "info") -> int:
        if level not in LEVELS:
            raise ValueError(f"level: expected one of {', '.join(LEVELS)}, got {level!r}")
        item = Notification(next(self._ids), source, title, body, level, time.time())
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._items.insert(0, item)
        self.endInsertRows()
        self._unread += 1
        self.countChanged.emit()
        self.unreadChanged.emit()
        self.toast.emit(title, level)
        return item.id

    def show_toast(self, text: str, level: str = "info") -> None:
        if level not in LEVELS:
            raise ValueError(f"level: expected one of {', '.join(LEVELS)}, got {level!r}")
        self.toast.emit(text, level)

    def items(self) -> list[Notification]:
        return list(self._items)

    # QML API

    @Property(int, notify=countChanged, final=True)
    def count(self) -> int:
        return len(self._items)

    @Property("QVariantMap", notify=countChanged, final=True)
    def latest(self) -> dict:
        """The newest notification (id, source, title, body, level, posted in ms), or an empty map: home's
        "up next" card shows it."""
        if not self._items:
            return {}
        item = self._items[0]
        return {"id": item.id, "source": item.source, "title": item.title, "body": item.body,
                "level": item.level, "posted": item.posted * 1000}

    @Property(int, notify=unreadChanged, final=True)
    def unread(self) -> int:
        return self._unread

    @Slot()
    def markAllRead(self) -> None:
        if self._unread:
            self._unread = 0
            self.unreadChanged.emit()

    @Slot(int)
    def dismiss(self, notification_id: int) -> None:
        for row, item in enumerate(self._items):
            if item.id == notification_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
                self.countChanged.emit()
                return

    @Slot()
    def clearAll(self) -> None:
        self.beginResetModel()
        self._items.clear()
        self.endResetModel()
        self.countChanged.emit()
        self.markAllRead()

    # QAbstractListModel

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        return {
            _Role.Id: item.id, _Role.Source: item.source, _Role.Title: item.title, _Role.Body: item.body,
            _Role.Level: item.level, _Role.Posted: item.posted * 1000,
        }.get(role)

    def roleNames(self) -> dict[int, QByteArray]:
        return role_names(_Role)
