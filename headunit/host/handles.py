"""A request an app makes and the shell carries out (a payment, an install): the app keeps a handle that hears
each step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal


class RequestHandle(QObject):
    """One request. `outcome(state, details)` fires for each step; after a state in `FINAL` nothing more comes."""

    #: The states after which a handle hears nothing more (each kind of request names its own).
    FINAL: tuple[str, ...] = ()

    outcome = Signal(str, dict)

    def __init__(self, request_id: str, parent: QObject | None = None):
        super().__init__(parent)
        self._id, self._state = request_id, "pending"
        self._details: dict[str, Any] = {}

    @property
    def id(self) -> str:
        """The request's id, the same in every `outcome`."""
        return self._id

    def _get_state(self) -> str:
        """"pending" until the first step, then the last `outcome` state. Signal: stateChanged."""
        return self._state

    stateChanged = Signal()
    state = Property(str, _get_state, notify=stateChanged, final=True)

    @property
    def details(self) -> dict[str, Any]:
        """The last step's details (a copy)."""
        return dict(self._details)

    @property
    def done(self) -> bool:
        """True once the request has ended (its state is one of `FINAL`)."""
        return self._state in self.FINAL

    def _deliver(self, state: str, details: dict[str, Any]) -> None:
        if self.done:
            return
        self._state, self._details = state, dict(details)
        self.stateChanged.emit()
        self.outcome.emit(state, dict(details))
