"""Roles for the shell's list models.

The values are Qt's own (Qt.ItemDataRole); they are written out because importing PySide6's `Qt`
namespace object costs about 20 ms of start-up, before the first frame.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QByteArray

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole


def role_names(roles: type[IntEnum]) -> dict[int, QByteArray]:
    """QML names for a role enum: `PluginId` becomes `pluginId`."""
    return {r.value: QByteArray(r.name[0].lower() + r.name[1:]) for r in roles}
