"""PlayQueue: what plays now and next, with shuffle and repeat; no Qt, so its rules are tested on their own.

Shuffle keeps the entries where they are and plays them in another order, the current one first, so turning
it off goes on from the same song. Repeat is "off", "all" (start again after the last) or "one".
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .entries import FM, Entry, fm

REPEAT_MODES = ("off", "all", "one")


class PlayQueue:
    def __init__(self, rng: random.Random | None = None):
        self._rng = rng or random.Random()
        self.entries: list[Entry] = []
        self._order: list[int] = []   # indices into entries, in playing order
        self._pos = -1                # where in _order the current entry is
        self.shuffle = False
        self.repeat = "off"

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def current(self) -> Entry | None:
        return self.entries[self._order[self._pos]] if 0 <= self._pos < len(self._order) else None

    @property
    def index(self) -> int:
        """The current entry's place in `entries` (the order the driver chose), -1 when empty."""
        return self._order[self._pos] if 0 <= self._pos < len(self._order) else -1

    def set(self, entries: Sequence[Entry], start: int = 0, shuffle: bool | None = None) -> None:
        """Play `entries`, from `start` (with shuffle on, `start` first and the rest in a new order)."""
        self.entries = list(entries)
        if shuffle is not None:
            self.shuffle = shuffle
        start = min(max(0, start), len(self.entries) - 1) if self.entries else -1
        self._reorder(start)

    def _reorder(self, current: int) -> None:
        indices = list(range(len(self.entries)))
        if self.shuffle and current >= 0:
            rest = [i for i in indices if i != current]
            self._rng.shuffle(rest)
            self._order, self._pos = [current] + rest, 0
        else:
            self._order, self._pos = indices, current

    def set_shuffle(self, on: bool) -> None:
        if on != self.shuffle:
            self.shuffle = on
            self._reorder(self.index)

    def set_repeat(self, mode: str) -> None:
        if mode not in REPEAT_MODES:
            raise ValueError(f"repeat: expected one of {REPEAT_MODES}, got {mode!r}")
        self.repeat = mode

    def jump(self, index: int) -> bool:
        """Make entry `index` the current one."""
        if not 0 <= index < len(self.entries):
            return False
        self._pos = self._order.index(index)
        return True

    def advance(self, *, finished: bool) -> bool:
        """Move on to the next entry: `finished` when the current one played to its end (repeat one plays
        it again then), not when the driver skipped. False at the end of the queue without repeat."""
        if not self.entries:
            return False
        if finished and self.repeat == "one":
            return True
        if self._pos + 1 < len(self._order):
            self._pos += 1
            return True
        if self.repeat in ("all", "one"):
            self._pos = 0
            return True
        return False

    def back(self) -> bool:
        """Move to the entry before; False at the start without repeat."""
        if not self.entries:
            return False
        if self._pos > 0:
            self._pos -= 1
            return True
        if self.repeat in ("all", "one"):
            self._pos = len(self._order) - 1
            return True
        return False

    def upcoming(self) -> list[int]:
        """Entry indices in playing order, from the current one."""
        return self._order[self._pos:] if self._pos >= 0 else []

    def append(self, entries: Sequence[Entry]) -> None:
        """Add `entries` after everything queued (or start a queue with them)."""
        first = len(self.entries)
        self.entries.extend(entries)
        added = list(range(first, len(self.entries)))
        if self.shuffle:
            self._rng.shuffle(added)
        self._order.extend(added)
        if self._pos < 0 and self.entries:
            self._pos = 0

    def as_json(self) -> dict:
        return {"entries": [e.as_json() for e in self.entries], "order": list(self._order), "pos": self._pos,
                "shuffle": self.shuffle, "repeat": self.repeat}

    def restore(self, data: dict) -> None:
        """The queue as `as_json` saved it; a damaged save gives an empty queue, never an exception."""
        try:
            entries = [Entry.from_json(e) for e in data.get("entries", [])]
            for entry in entries:
                if entry.kind == FM:
                    fm(float(entry.uri))  # a frequency outside the band is a damaged save
            order = [int(i) for i in data.get("order", [])]
            pos = int(data.get("pos", -1))
            if sorted(order) != list(range(len(entries))) or not (-1 <= pos < len(order)):
                order, pos = list(range(len(entries))), min(max(pos, 0), len(entries) - 1)
            self.entries, self._order, self._pos = entries, order, pos if entries else -1
            self.shuffle = bool(data.get("shuffle", False))
            self.set_repeat(data.get("repeat", "off"))
        except (TypeError, ValueError, KeyError):
            self.entries, self._order, self._pos = [], [], -1
