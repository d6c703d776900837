"""Walks a QML scene for text a driver could not read: clipped, cut short or overlapping.

Text in a scrolling view that is out of view is skipped: scrolling reaches it. Text clipped anywhere
else, elided, or painted over other text is a problem.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow


@dataclass
class TextBox:
    text: str
    rect: QRectF
    item: QQuickItem

    def __str__(self) -> str:
        r = self.rect
        return f"{self.text!r} at ({r.x():.0f},{r.y():.0f} {r.width():.0f}×{r.height():.0f})"


def _scrollable(item: QQuickItem) -> bool:
    return item.inherits("QQuickFlickable") and (
        item.property("contentHeight") > item.height() + 1 or item.property("contentWidth") > item.width() + 1)


def _visible_items(item: QQuickItem, clip: QRectF, viewport: QRectF | None = None):
    """(item, the scene rect it may paint in, the nearest scrolling viewport's scene rect or None)."""
    if not item.isVisible() or item.opacity() == 0:
        return
    rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    yield item, clip, viewport
    if item.clip():
        clip = clip.intersected(rect)
        if _scrollable(item):
            viewport = clip
    for child in item.childItems():
        yield from _visible_items(child, clip, viewport)


def _alignment(item: QQuickItem) -> tuple[int, int]:
    """(horizontal, vertical) alignment flags; read through QML since PySide cannot convert the enums."""
    owner = item
    while QQmlEngine.contextForObject(owner) is None:
        owner = owner.parentItem()
    value, failed = QQmlExpression(QQmlEngine.contextForObject(owner), item,
                                   "effectiveHorizontalAlignment * 1000 + verticalAlignment").evaluate()
    assert not failed, "could not read a Text's alignment"
    return divmod(int(value), 1000)


def texts(window: QQuickWindow) -> tuple[list[TextBox], list[str]]:
    """Every visible, non-empty text item with its painted box; and the problems found."""
    boxes, problems = [], []
    screen = QRectF(0, 0, window.width(), window.height())
    for item, clip, viewport in _visible_items(window.contentItem(), screen):
        if not item.inherits("QQuickText") or not item.property("text"):
            continue
        w, h = item.property("contentWidth"), item.property("contentHeight")
        # The painted text, placed by the item's alignment inside its box.
        align, valign = _alignment(item)
        x = 0 if align & 0x1 else (item.width() - w if align & 0x2 else (item.width() - w) / 2)
        y = 0 if valign & 0x20 else (item.height() - h if valign & 0x40 else (item.height() - h) / 2)
        rect = item.mapRectToScene(QRectF(x, y, min(w, item.width()), min(h, item.height())))
        box = TextBox(item.property("text"), rect, item)
        if item.property("truncated"):
            problems.append(f"cut short: {box}")
        if viewport is not None and not viewport.adjusted(-1, -1, 1, 1).contains(rect):
            continue  # scrolled out of view, or at the edge of a list: scrolling shows it
        if not clip.adjusted(-1, -1, 1, 1).contains(rect):
            problems.append(f"clipped: {box}")
        boxes.append(box)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = a.rect.intersected(b.rect)
            if overlap.width() > 1 and overlap.height() > 1:
                problems.append(f"overlap: {a} and {b}")
    return boxes, problems
