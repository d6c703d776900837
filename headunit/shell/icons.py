"""Icons from the Material Design Icons font that the qtawesome package ships.

QML draws an icon as text in that font (`Icon { name: "mdi6.gauge" }` in HeadUnit.Controls), so it
takes any theme colour and stays sharp at every size. Only the font files are used: qtawesome's
Python side, which needs QtWidgets, is never imported.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import Property, QObject, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

PREFIX = "mdi6."
FALLBACK = "help-circle-outline"


def _fonts_dir() -> Path:
    spec = importlib.util.find_spec("qtawesome")
    return Path(spec.origin).parent / "fonts"


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the icons")
class Icons(QObject):
    create = singleton_of("icons")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        font = next(_fonts_dir().glob("materialdesignicons6-webfont-*.ttf"))
        font_id = QFontDatabase.addApplicationFont(str(font))
        families = QFontDatabase.applicationFontFamilies(font_id)
        if not families:
            raise RuntimeError(f"{font}: not a loadable font")
        self._family = families[0]
        self._charmap_path = font.with_name(font.name.replace("webfont-", "webfont-charmap-").replace(".ttf", ".json"))

    @cached_property
    def _charmap(self) -> dict[str, str]:
        return json.loads(self._charmap_path.read_text())

    @Property(str, constant=True, final=True)
    def fontFamily(self) -> str:
        return self._family

    @Slot(str, result=str)
    def glyph(self, name: str) -> str:
        """The character for `mdi6.<name>`, or a question-mark icon for an unknown name."""
        code = self._charmap.get(name.removeprefix(PREFIX)) or self._charmap[FALLBACK]
        return chr(int(code, 16))

    def exists(self, name: str) -> bool:
        return name.startswith(PREFIX) and name.removeprefix(PREFIX) in self._charmap
