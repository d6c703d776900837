"""What Settings › About shows: versions, licences and data attribution."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Property, QObject, qVersion
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import API_VERSION, __version__
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

LICENCES = [
    ("HeadUnit", "Apache-2.0"),
    ("Qt 6 and PySide6", "LGPL-3.0"),
    ("Material Design Icons (via QtAwesome)", "Apache-2.0 (icons), OFL-1.1 (font)"),
    ("Noto Sans and Noto Sans CJK", "OFL-1.1"),
    ("platformdirs, jsonschema, QtAwesome", "MIT"),
    ("sqlite-utils, requests", "Apache-2.0"),
]
MAP_ATTRIBUTION = "Map data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)"


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns this")
class About(QObject):
    create = singleton_of("about")

    @Property("QVariantList", constant=True, final=True)
    def versions(self) -> list:
        return [
            {"name": "HeadUnit", "value": f"{__version__} (plugin API {API_VERSION})"},
            {"name": "Qt", "value": qVersion()},
            {"name": "PySide6", "value": pyside_version},
            {"name": "Python", "value": platform.python_version()},
        ]

    @Property("QVariantList", constant=True, final=True)
    def licences(self) -> list:
        return [{"name": name, "value": licence} for name, licence in LICENCES]

    @Property(str, constant=True, final=True)
    def mapAttribution(self) -> str:
        return MAP_ATTRIBUTION
