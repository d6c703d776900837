"""Warnings for plugin QML that bypasses the driving restrictions.

The shell's templates (HeadUnit.Controls) enforce the restrictions; raw QtQuick types don't. Nothing
stops a plugin from using them, so `headunit plugins check` says which template to use instead.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Raw type -> the template that enforces the restrictions for it.
REPLACEMENTS = {
    "TextField": "TextEntry (or SearchEntry) from HeadUnit.Controls: no keyboard while driving, alternatives instead",
    "TextArea": "TextEntry from HeadUnit.Controls: no keyboard while driving",
    "TextInput": "TextEntry from HeadUnit.Controls: no keyboard while driving",
    "ListView": "ItemList from HeadUnit.Controls: at most 6 rows and no scrolling while driving",
    "GridView": "ItemGrid from HeadUnit.Controls: at most 6 tiles and no scrolling while driving",
    "VideoOutput": "VideoSurface from HeadUnit.Controls around it: blanked while driving",
}

# A type instantiated as `Name {`, optionally qualified (`T.TextField {`), not a property (`name: {`).
_INSTANCE = re.compile(r"^\s*(?:[A-Za-z_]\w*\.)?(" + "|".join(REPLACEMENTS) + r")\s*\{", re.MULTILINE)


def raw_type_warnings(folder: Path) -> list[str]:
    """One warning per raw restricted type found in the plugin's QML files."""
    warnings = []
    for qml in sorted(folder.rglob("*.qml")):
        try:
            source = qml.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # unreadable QML is reported by compiling it
        for match in _INSTANCE.finditer(source):
            line = source.count("\n", 0, match.start()) + 1
            kind = match.group(1)
            warnings.append(f"{qml}:{line}: warning: a raw {kind} bypasses the driving restrictions; "
                            f"use {REPLACEMENTS[kind]}")
    return warnings
