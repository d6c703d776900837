"""The WCAG 2 contrast ratio, as the driving-safety rules count it (4.5:1 for text, 3:1 for controls)."""

from __future__ import annotations

from PySide6.QtGui import QColor


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(color: QColor | str) -> float:
    """WCAG relative luminance of an sRGB colour (alpha ignored)."""
    c = QColor(color)
    return 0.2126 * _linear(c.redF()) + 0.7152 * _linear(c.greenF()) + 0.0722 * _linear(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(top: QColor | str, opacity: float, bottom: QColor | str) -> QColor:
    """`top` painted at `opacity` over `bottom`, blended per sRGB channel as the scene graph does."""
    t, b = QColor(top), QColor(bottom)
    mix = lambda x, y: x * opacity + y * (1 - opacity)  # noqa: E731
    return QColor.fromRgbF(mix(t.redF(), b.redF()), mix(t.greenF(), b.greenF()), mix(t.blueF(), b.blueF()))
