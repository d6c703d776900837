"""A stand-in PluginContext and shop for the store's service desk: a backend answered from a dict, a worker that
runs at once, a clock the test moves, and every notification, toast and intent recorded."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from concurrent.futures import Future
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Property, QObject, Signal

from headunit.sdk import CloudUnavailable
from tests.plugin_parts import plugin_part

PACKAGE = "headunit_plugin_org_headunit_store"


def service_module():
    return plugin_part("org.headunit.store/store", "service", package=PACKAGE)


@dataclass
class Reading:
    data: Any
    age_seconds: float = 0.0
    from_cache: bool = False
    stale: bool = False
    status: int = 200


class FakeCloud(QObject):
    finished = Signal(str, str, int)

    def __init__(self):
        super().__init__()
        self.answers: dict[str, Any] = {}  # path -> data, or a function (params) -> data
        self.offline_age: float | None = None  # offline: every answer comes from the cache, this old
        self.gets: list[tuple[str, dict | None]] = []
        self.submitted: list[dict] = []

    def get(self, path: str, params: dict | None = None) -> Reading:
        self.gets.append((path, params))
        answer = self.answers.get(path)
        if answer is None:
            raise CloudUnavailable(f"nothing cached for {path}")
        data = answer(params) if callable(answer) else answer
        if self.offline_age is not None:
            return Reading(data, self.offline_age, True, True)
        return Reading(data)

    def submit(self, lane: str, method: str, path: str, body: Any = None, *, not_after: float | None = None) -> str:
        op_id = f"op-{len(self.submitted) + 1}"
        self.submitted.append({"op_id": op_id, "lane": lane, "method": method, "path": path, "body": body,
                               "not_after": not_after})
        return op_id


class FakeDriving(QObject):
    stateChanged = Signal()

    def __init__(self):
        super().__init__()
        self._state = "parked"

    def set(self, state: str) -> None:
        self._state = state
        self.stateChanged.emit()

    @property
    def state(self) -> str:
        return self._state

    @property
    def parked(self) -> bool:
        return self._state == "parked"


class FakeNavigationState(QObject):
    routeChanged = Signal()

    def __init__(self):
        super().__init__()
        self._shape: list = []

    def guide(self, shape: list) -> None:
        self._shape = [list(p) for p in shape]
        self.routeChanged.emit()

    def _active(self) -> bool:
        return bool(self._shape)

    def _route(self) -> list:
        return self._shape

    active = Property(bool, _active, notify=routeChanged)
    routeShape = Property(list, _route, notify=routeChanged)


class FakeVehicleProfile(QObject):
    changed = Signal()

    def __init__(self, odometer_km: float):
        super().__init__()
        self._odometer = odometer_km

    def drive(self, km: float) -> None:
        self._odometer += km
        self.changed.emit()

    def _get_odometer(self) -> float:
        return self._odometer

    odometerKm = Property(float, _get_odometer, notify=changed)


@dataclass
class Clock:
    now: float = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC).timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


class FakeShop(QObject):
    orderConfirmed = Signal(dict)
    changed = Signal()

    def __init__(self, profile: Any = None, parts: dict[str, list[dict]] | None = None):
        super().__init__()
        self._profile = profile
        self.parts = parts or {}
        self.asked: list[list[str]] = []
        self.opened: list[str] = []

    def profile(self):
        return self._profile

    def verdicts_for_categories(self, categories):
        self.asked.append(list(categories))
        return [p for c in categories for p in self.parts.get(c, [])]

    def openProduct(self, product_id: str) -> None:
        self.opened.append(product_id)


@dataclass
class FakeContext:
    db_path: str
    id: str = "org.headunit.store"
    cloud: FakeCloud = field(default_factory=FakeCloud)
    driving: FakeDriving = field(default_factory=FakeDriving)
    notifications: list[tuple[str, str, str]] = field(default_factory=list)
    toasts: list[tuple[str, str]] = field(default_factory=list)
    intents: list[tuple[str, dict]] = field(default_factory=list)
    position: tuple[float, float] = (43.7384, 7.4246)  # Monaco-Ville, by the car park of the Rocher
    vehicle_profile: FakeVehicleProfile = field(default_factory=lambda: FakeVehicleProfile(23_400))
    route: FakeNavigationState = field(default_factory=FakeNavigationState)
    log: logging.Logger = logging.getLogger("headunit.plugin.org.headunit.store")

    def __post_init__(self):
        self._db: sqlite3.Connection | None = None
        self.navigation = SimpleNamespace(state=self.route)

    @property
    def vehicle(self):
        return SimpleNamespace(latitude=self.position[0], longitude=self.position[1], profile=self.vehicle_profile)

    def storage(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(self.db_path, check_same_thread=False)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def tr(self, text: str) -> str:
        return text

    def notify(self, title: str, body: str = "", level: str = "info") -> int:
        self.notifications.append((title, body, level))
        return len(self.notifications)

    def toast(self, text: str, level: str = "info") -> None:
        self.toasts.append((text, level))

    def send_intent(self, name: str, /, **params: Any) -> Any:
        self.intents.append((name, params))
        return None
