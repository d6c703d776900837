"""PlacesStore: the places app's state for its QML."""

from __future__ import annotations

import math
from enum import IntEnum

from PySide6.QtCore import (QAbstractListModel, QByteArray, QModelIndex, QObject, Property, Qt, QTimer, Signal,
                            Slot)
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import formats

from .catalog import Place, find

QML_IMPORT_NAME = "HeadUnit.Plugins.Places"
QML_IMPORT_MAJOR_VERSION = 1

ICONS = {"fuel": "mdi6.gas-station", "parking": "mdi6.parking", "food": "mdi6.silverware-fork-knife"}
#: While the car moves, the distances (and the order) are brought up to date this often.
MOVING_REFRESH_MS = 2000


class _Role(IntEnum):
    Title = Qt.UserRole + 1
    Subtitle = Qt.UserRole + 2
    Icon = Qt.UserRole + 3
    Trailing = Qt.UserRole + 4


class PlaceList(QAbstractListModel):
    """Results as rows for the shell's list template: title, subtitle, icon, trailing."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[Place, float]] = []
        self.category_names: dict[str, str] = {}

    def set_rows(self, rows: list[tuple[Place, float]]) -> None:
        if [p for p, _ in rows] == [p for p, _ in self._rows] and rows:
            self._rows = rows  # the same places in the same order: only the distances changed
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1), [_Role.Trailing.value])
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def place(self, row: int) -> Place:
        return self._rows[row][0]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        place, metres = self._rows[index.row()]
        match role:
            case _Role.Title: return place.name
            case _Role.Subtitle:
                kind = self.category_names.get(place.category, place.category)
                return f"{kind} · {place.street}" if place.street else kind
            case _Role.Icon: return ICONS.get(place.category, "mdi6.map-marker")
            case _Role.Trailing:
                if math.isnan(metres):
                    return ""
                return formats.distance(metres)  # the driver's language and units, as every screen says it
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {r.value: QByteArray(r.name.lower()) for r in _Role}


@QmlElement
@QmlUncreatable("created by the plugin; views take it as a required property")
class PlacesStore(QObject):
    queryChanged = Signal()
    #: A place was chosen: the plugin sends it to navigation.
    chosen = Signal(str, float, float)

    def __init__(self, vehicle, category_names: dict[str, str], parent: QObject | None = None):
        super().__init__(parent)
        self._vehicle = vehicle
        self._places: list[Place] = []
        self._text, self._category = "", ""
        self._results = PlaceList(self)
        self._results.category_names = category_names
        # Distances follow the car: a list read a kilometre ago must not say "50 m".
        self._moved = QTimer(self, singleShot=True, interval=MOVING_REFRESH_MS)
        self._moved.timeout.connect(self._refresh)
        vehicle.latitudeChanged.connect(self._car_moved)
        vehicle.longitudeChanged.connect(self._car_moved)

    def _car_moved(self) -> None:
        if not self._moved.isActive():
            self._moved.start()

    def set_places(self, places: list[Place]) -> None:
        self._places = places
        self._refresh()

    def _refresh(self) -> None:
        here = (self._vehicle.latitude, self._vehicle.longitude)
        found = find(self._places, text=self._text, category=self._category, near=here)
        self._results.set_rows([(p, p.distance_m(*here)) for p in found])

    @Property(QObject, constant=True, final=True)
    def results(self) -> PlaceList:
        return self._results

    @Property(str, notify=queryChanged, final=True)
    def category(self) -> str:
        return self._category

    @Slot(str)
    def search(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.queryChanged.emit()
            self._refresh()

    @Slot(str)
    def showCategory(self, category: str) -> None:
        """Only this category ("" for all), nearest first."""
        if category != self._category:
            self._category = category
            self.queryChanged.emit()
        self._refresh()

    @Slot(int)
    def choose(self, row: int) -> None:
        place = self._results.place(row)
        self.chosen.emit(place.name, place.lat, place.lon)
