"""UxRestrictions: what the driver may be shown right now, one policy for the whole head unit.

After Android Automotive's CarUxRestrictions, with the limits of docs/driving-safety.md. Whenever the car is not
parked (idling or moving, or its signals are stale) every restriction applies; parked, none does.
The shell's controls and templates read this service and enforce it, so no plugin can show a
keyboard, a long list or a video while the car moves. Plugins read it; nothing outside the shell
can change it.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of
from headunit.vehicle.driving import DrivingState

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

#: Limits while restricted (docs/driving-safety.md).
MAX_STRING_LENGTH = 80
MAX_ITEMS_PER_SCREEN = 6
MAX_ITEMS_PER_TASK = 50
MAX_DEPTH = 3
ELLIPSIS = "…"

#: Flag -> what it forbids, for documentation and `restricted_flags()`.
FLAGS = {
    "noKeyboard": "text entry with a keyboard",
    "noVideo": "moving pictures other than the map",
    "noSetup": "setting up accounts, devices and payment methods",
    "noMessageText": "the text of messages",
    "limitStringLength": f"strings longer than {MAX_STRING_LENGTH} characters",
    "limitContent": f"more than {MAX_ITEMS_PER_SCREEN} items a screen, {MAX_ITEMS_PER_TASK} a task, {MAX_DEPTH} levels deep",
    "noDecorativeAnimation": "animation that does not show a change of state",
}


@QmlNamedElement("Restrictions")
@QmlSingleton
@QmlUncreatable("the shell owns the driving restrictions")
class UxRestrictions(QObject):
    changed = Signal()

    create = singleton_of("restrictions")

    def __init__(self, driving: DrivingState, parent: QObject | None = None):
        super().__init__(parent)
        self._driving = driving
        self._active = not driving.parked
        driving.stateChanged.connect(self._update)

    def _update(self) -> None:
        active = not self._driving.parked
        if active != self._active:
            self._active = active
            self.changed.emit()

    @Property(bool, notify=changed, final=True)
    def active(self) -> bool:
        """True while any restriction applies: whenever the car is not parked."""
        return self._active

    # One property per flag in FLAGS: all of them apply while any does.

    @Property(bool, notify=changed, final=True)
    def noKeyboard(self) -> bool:
        return self._active

    @Property(bool, notify=changed, final=True)
    def noVideo(self) -> bool:
        return self._active

    @Property(bool, notify=changed, final=True)
    def noSetup(self) -> bool:
        return self._active

    @Property(bool, notify=changed, final=True)
    def noMessageText(self) -> bool:
        return self._active

    @Property(bool, notify=changed, final=True)
    def limitStringLength(self) -> bool:
        return self._active

    @Property(bool, notify=changed, final=True)
    def limitContent(self) -> bool:
        return self._active

    @Property(bool, notify=changed, final=True)
    def noDecorativeAnimation(self) -> bool:
        return self._active

    @Property(int, notify=changed, final=True)
    def maxStringLength(self) -> int:
        """Longest string a control may show now; 0 means no limit."""
        return MAX_STRING_LENGTH if self._active else 0

    @Property(int, notify=changed, final=True)
    def maxItemsPerScreen(self) -> int:
        """Most rows or cells a list or grid may show now; 0 means no limit."""
        return MAX_ITEMS_PER_SCREEN if self._active else 0

    @Property(int, notify=changed, final=True)
    def maxItemsPerTask(self) -> int:
        return MAX_ITEMS_PER_TASK if self._active else 0

    @Property(int, notify=changed, final=True)
    def maxDepth(self) -> int:
        """Deepest level of a drill-down a page may open now; 0 means no limit."""
        return MAX_DEPTH if self._active else 0

    @Slot(str, result=str)
    def limitString(self, text: str) -> str:
        """`text` cut to the limit with an ellipsis while restricted, unchanged when parked."""
        return limit_string(text, self.maxStringLength)

    def restricted_flags(self) -> list[str]:
        return [flag for flag in FLAGS if self._active]


def limit_string(text: str, limit: int) -> str:
    if limit <= 0 or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS
