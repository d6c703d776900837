"""The shell's type, for the shell and for every sandboxed plugin's process alike."""

from __future__ import annotations

from PySide6.QtGui import QFont

#: Noto Sans, and Noto Sans CJK SC for the Chinese glyphs Noto Sans lacks.
FONT_FAMILIES = ["Noto Sans", "Noto Sans CJK SC"]


def ui_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies(FONT_FAMILIES)
    return font
