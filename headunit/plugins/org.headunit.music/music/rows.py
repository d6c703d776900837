"""RowList: rows for the shell's list and grid templates (title, subtitle, icon, trailing), plus `image`
(a cover's URL, for views that draw one large) and `current` (the row that plays now)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Property, QAbstractListModel, QByteArray, QModelIndex, QObject, Qt, QUrl, Signal
from PySide6.QtQml import QmlAnonymous

QML_IMPORT_NAME = "HeadUnit.Plugins.Music"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True)
class Row:
    title: str
    subtitle: str = ""
    icon: str = ""
    trailing: str = ""
    image: str = ""
    current: bool = False


def image_url(path: str) -> str:
    """A cover file as a URL QML loads ("" for none)."""
    return QUrl.fromLocalFile(path).toString() if path else ""


class _Role(IntEnum):
    Title = Qt.UserRole + 1
    Subtitle = Qt.UserRole + 2
    Icon = Qt.UserRole + 3
    Trailing = Qt.UserRole + 4
    Image = Qt.UserRole + 5
    Current = Qt.UserRole + 6


@QmlAnonymous  # QML reads its `count`; views take it as a model
class RowList(QAbstractListModel):
    countChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        if rows == self._rows:
            return
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            self.countChanged.emit()
        else:  # same length (a new language, the next song marked): rows keep their delegates
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
            case _Role.Image: return row.image
            case _Role.Current: return row.current
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {r.value: QByteArray(r.name.lower()) for r in _Role}
