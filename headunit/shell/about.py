"""What Settings › About shows (the version, licences and data attribution, in the driver's language) and
what its Diagnostics page adds for support: the platform's versions, the data folders and the radio hardware."""

from __future__ import annotations

import platform
from collections.abc import Callable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QObject, Signal, Slot, qVersion
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import API_VERSION, __version__, paths
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

# Names and licences, translated when shown (context "About").
LICENCES = [
    ("HeadUnit", "Apache-2.0"),
    (QT_TRANSLATE_NOOP("About", "Qt 6 and PySide6"), "LGPL-3.0"),
    (QT_TRANSLATE_NOOP("About", "Material Design Icons (via QtAwesome)"),
     QT_TRANSLATE_NOOP("About", "Apache-2.0 (icons), OFL-1.1 (font)")),
    (QT_TRANSLATE_NOOP("About", "Noto Sans and Noto Sans CJK"), "OFL-1.1"),
    ("platformdirs, jsonschema, QtAwesome", "MIT"),
    ("sqlite-utils, requests", "Apache-2.0"),
]
MAP_ATTRIBUTION = QT_TRANSLATE_NOOP(
    "About", "Map data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("About", text)


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns this")
class About(QObject):
    create = singleton_of("about")

    #: The language changed: every text is read again.
    changed = Signal()

    def __init__(self, tuner=None, parent: QObject | None = None):
        """`tuner`: the shell's TunerProvider, asked about the radio hardware only when Diagnostics is shown."""
        super().__init__(parent)
        self._tuner = tuner
        #: The car's sources' status (VehicleSources.status), set by the runtime; None: no sources.
        self.vehicle_sources: Callable[[], list[dict]] | None = None

    @Slot()
    def retranslate(self) -> None:
        self.changed.emit()

    @Property("QVariantList", notify=changed, final=True)
    def versions(self) -> list:
        #: The version of HeadUnit (%1) and of the plugin API it implements (%2).
        api = QCoreApplication.translate("About", "%1 (plugin API %2)")
        return [
            {"name": "HeadUnit", "value": api.replace("%1", __version__).replace("%2", str(API_VERSION))},
            {"name": "Qt", "value": qVersion()},
            {"name": "PySide6", "value": pyside_version},
            {"name": "Python", "value": platform.python_version()},
        ]

    @Property(str, notify=changed, final=True)
    def version(self) -> str:
        """HeadUnit's version, as the driver's About page shows it."""
        return __version__

    @Property("QVariantList", notify=changed, final=True)
    def folders(self) -> list:
        """Where HeadUnit keeps its files (Diagnostics)."""
        return [
            {"name": _tr("Settings"), "value": str(paths.config_dir())},
            {"name": _tr("Data"), "value": str(paths.data_dir())},
            {"name": _tr("Cache"), "value": str(paths.cache_dir())},
            {"name": _tr("Music folder"), "value": str(paths.music_dir())},
        ]

    @Slot(result=str)
    def radioHardware(self) -> str:
        """The FM tuner (an RTL-SDR USB stick and rtl_fm) as the shell finds it now (Diagnostics)."""
        if self._tuner is None:
            return _tr("Not looked for")
        tuner = self._tuner.current()
        return _tr("RTL-SDR stick ready (rtl_fm)") if tuner.available else (tuner.reason or tuner.reasonCode)

    @Slot(result="QVariantList")
    def vehicleSources(self) -> list:
        """Each vehicle source as it is now, {spec, alive, error} (Diagnostics); empty without any."""
        status = self.vehicle_sources() if self.vehicle_sources else []
        return [{"spec": s["spec"], "alive": s["alive"], "error": s["error"]} for s in status]

    @Property("QVariantList", notify=changed, final=True)
    def licences(self) -> list:
        return [{"name": _tr(name), "value": _tr(licence)} for name, licence in LICENCES]

    @Property(str, notify=changed, final=True)
    def mapAttribution(self) -> str:
        return _tr(MAP_ATTRIBUTION)
