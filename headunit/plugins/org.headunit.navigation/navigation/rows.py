"""RowList: rows for the shell's list template (title, subtitle, icon, trailing)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Property, QAbstractListModel, QByteArray, QModelIndex, QObject, Qt, Signal


@dataclass(frozen=True)
class Row:
    title: str
    subtitle: str = ""
    icon: str = ""
    trailing: str = ""


class _Role(IntEnum):
    Title = Qt.UserRole + 1
    Subtitle = Qt.UserRole + 2
    Icon = Qt.UserRole + 3
    Trailing = Qt.UserRole + 4


class RowList(QAbstractListModel):
    countChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        if rows == self._rows:
            return
        counted = len(rows) != len(self._rows)
        if counted:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            self.countChanged.emit()
        else:  # same length (new units or language): rows keep their delegates
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def rows(self) -> list[Row]:
        return list(self._rows)

    @Property(int, notify=countChanged, final=True)
    def count(self) -> int:
        return len(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        match role:
            case _Role.Title | Qt.DisplayRole: return row.title
            case _Role.Subtitle: return row.subtitle
            case _Role.Icon: return row.icon
            case _Role.Trailing: return row.trailing
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {r.value: QByteArray(r.name.lower()) for r in _Role}
