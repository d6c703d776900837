"""Apps: the shell's view of the plugin host, for QML.

A list model of every plugin (the home grid, the dock and Settings › Apps read it) and the shell's
navigation: which app is open, the recent apps, home and back.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (QAbstractListModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Property,
                            Signal, Slot)
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable
from PySide6.QtQuick import QQuickItem

from headunit.host.errors import IntentError
from headunit.host.host import PluginHost
from headunit.host.registry import PluginRecord
from headunit.shell.qml_services import singleton_of
from headunit.shell.roles import DISPLAY_ROLE, USER_ROLE, role_names

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

MAX_RECENTS = 6
#: Settings' pages in their order, by the names the `open-settings` intent takes; an unknown name opens the first.
SETTINGS_PAGES = ("display", "units", "language", "apps", "about", "account", "vehicle", "diagnostics")


class _Role(IntEnum):
    PluginId = USER_ROLE + 1
    Name = USER_ROLE + 2
    Icon = USER_ROLE + 3
    Category = USER_ROLE + 4
    Version = USER_ROLE + 5
    Status = USER_ROLE + 6
    Reason = USER_ROLE + 7
    Capabilities = USER_ROLE + 8
    HasTile = USER_ROLE + 9
    Loaded = USER_ROLE + 10
    Origin = USER_ROLE + 11
    Description = USER_ROLE + 12


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the apps")
class Apps(QAbstractListModel):  # type: ignore[operator]  # PySide's stubs: QmlUncreatable, a class
    create = singleton_of("apps")

    currentAppChanged = Signal()
    launchableChanged = Signal()
    recentAppsChanged = Signal()
    namesChanged = Signal()
    #: Ask the shell to show a view that is not an app, such as "settings" or "notifications".
    shellViewRequested = Signal(str)
    #: Settings should show this page (one of SETTINGS_PAGES); `settingsPage` keeps it for a view made later.
    settingsPageRequested = Signal(str)
    #: The apps installed from packages changed (versions, what can be rolled back): `packageOf` again.
    packagesChanged = Signal()

    def __init__(self, host: PluginHost, language: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        self._host = host
        self._language = language
        self._keys = self._ordered_keys()
        self._current = ""
        self._recents: list[str] = []
        host.recordChanged.connect(self._on_record_changed)
        host.pluginFailed.connect(self._on_failed)
        host.pluginCrashed.connect(self._on_crashed)
        self._settings_page = ""
        self._packages = None  # the shell's PackageDesk (set_packages)
        host.shell_intents["open-app"] = lambda params: self.openApp(str(params.get("id", "")))
        host.shell_intents["open-settings"] = self._open_settings_intent

    def _ordered_keys(self) -> list[str]:
        """Discovery order (first-party first), except that the shell's own app that installs apps (the app mall)
        comes after its other apps: the dock's few slots and home's first tiles stay the ones used on the road."""
        records = self._host.records()
        builtin = [r for r in records if r.origin == "builtin"]
        mall = [r for r in builtin if r.manifest is not None and "install" in r.manifest.capabilities]
        rest = [r for r in records if r.origin != "builtin"]
        return [r.key for r in [*(r for r in builtin if r not in mall), *mall, *rest]]

    def set_language(self, language: str) -> None:
        self._language = language
        if self._keys:
            self.dataChanged.emit(self.index(0), self.index(len(self._keys) - 1), [_Role.Name])
        self.namesChanged.emit()

    def _on_record_changed(self, key: str) -> None:
        self.launchableChanged.emit()
        if key in self._keys:
            row = self._keys.index(key)
            self.dataChanged.emit(self.index(row), self.index(row))
        record = self._host.record(key)
        if record and record.status != "ok":
            self._forget(key)

    def _on_failed(self, key: str, reason: str) -> None:
        record = self._host.record(key)
        #: A toast after an app failed; %1 is the app's name.
        text = self.tr("%1 stopped working and was closed")
        self._host.services.notifications.show_toast(text.replace("%1", self._name(record) if record else key), "error")

    def _on_crashed(self, key: str, kind: str) -> None:
        """A sandboxed app's process ended: it closes (opening it again starts it afresh) and says why."""
        self._forget(key)
        record = self._host.record(key)
        texts = {
            #: A toast: %1 is the app's name; it used more memory than an app may.
            "memory": self.tr("%1 used too much memory and was closed"),
            #: A toast: %1 is the app's name; it kept a processor busy for a minute.
            "cpu": self.tr("%1 used too much processor time and was closed"),
            #: A toast: %1 is the app's name; the driver closed it after it stopped responding.
            "unresponsive": self.tr("%1 was closed"),
            #: A toast: %1 is the app's name; it stopped three times in ten minutes.
            "disabled": self.tr("%1 kept stopping and was turned off; turn it on in Settings › Apps"),
        }
        text = texts.get(kind) or self.tr("%1 stopped working and was closed")
        self._host.services.notifications.show_toast(text.replace("%1", self._name(record) if record else key), "error")

    def _forget(self, key: str) -> None:
        if key in self._recents:
            self._recents.remove(key)
            self.recentAppsChanged.emit()
        if self._current == key:
            self._set_current("")

    def _set_current(self, key: str) -> None:
        if key != self._current:
            self._current = key
            self.currentAppChanged.emit()

    # Navigation

    @Property(str, notify=currentAppChanged, final=True)
    def currentApp(self) -> str:
        """The id of the open app; empty at home."""
        return self._current

    @Property("QStringList", notify=launchableChanged, final=True)  # type: ignore[arg-type]  # a C++ type name
    def launchable(self) -> list[str]:
        """The apps that can be opened, first-party first (in the order `_ordered_keys` says)."""
        return [k for k in self._keys if self._record(k).status == "ok"]

    @Property("QStringList", notify=recentAppsChanged, final=True)  # type: ignore[arg-type]  # a C++ type name
    def recentApps(self) -> list[str]:
        return list(self._recents)

    @Slot(str, result=bool)
    def openApp(self, key: str) -> bool:
        """Open an app full screen, loading it first if it is not yet. False (and a toast) if it cannot."""
        record = self._host.record(key)
        if record is None or record.status != "ok" or not self._host.load(key):
            return False
        if key in self._recents:
            self._recents.remove(key)
        self._recents.insert(0, key)
        del self._recents[MAX_RECENTS:]
        self.recentAppsChanged.emit()
        self._set_current(key)
        return True

    @Slot()
    def goHome(self) -> None:
        self._set_current("")

    @Slot(str)
    def closeApp(self, key: str) -> None:
        """Take an app out of the recent apps (Recents' close button): its page is let go, and opening it
        again starts it afresh. The open app closes to home."""
        self._forget(key)

    @Slot(str)
    def showShellView(self, view: str) -> None:
        self.shellViewRequested.emit(view)

    @Slot(str, result=str)
    def openSettings(self, page: str) -> str:
        """Show Settings at `page` (one of SETTINGS_PAGES; any other name: the first page). Returns the page."""
        page = page if page in SETTINGS_PAGES else SETTINGS_PAGES[0]
        self._settings_page = page
        self.settingsPageRequested.emit(page)
        self.shellViewRequested.emit("settings")
        return page

    @Property(str, notify=settingsPageRequested, final=True)
    def settingsPage(self) -> str:
        """The page Settings was last asked to show ("" if none was)."""
        return self._settings_page

    def _open_settings_intent(self, params: dict) -> bool:
        """The built-in intent `open-settings` (`page`: "vehicle", …)."""
        page = params.get("page", "")
        if not isinstance(page, str):
            raise IntentError(f"intent 'open-settings': page: expected string, got {page!r}")
        self.openSettings(page)
        return True

    @Slot(str, str, QQuickItem, result=QQuickItem)
    def createView(self, key: str, kind: str, parent: QQuickItem) -> QQuickItem | None:
        return self._host.create_view(key, kind, parent)

    @Property("QVariantMap", notify=namesChanged, final=True)  # type: ignore[arg-type]  # a C++ type name
    def names(self) -> dict[str, str]:
        """Each plugin's name in the current language, by id: `Apps.names[id]` follows a language switch."""
        return {key: self._name(self._record(key)) for key in self._keys}

    @Slot(str, result=str)
    def nameOf(self, key: str) -> str:
        record = self._host.record(key)
        return self._name(record) if record else ""

    @Slot(str, result=str)
    def iconOf(self, key: str) -> str:
        record = self._host.record(key)
        return record.manifest.icon_source() if record and record.manifest else ""

    # Settings › Apps

    @Slot(str, bool)
    def setEnabled(self, key: str, enabled: bool) -> None:
        self._host.set_disabled(key, not enabled)

    @Slot(str, result="QVariantList")
    def settingsOf(self, key: str) -> list:
        record = self._host.record(key)
        if not (record and record.manifest):
            return []
        return [
            {"key": s.key, "type": s.type, "title": s.display_title(self._language),
             "value": self._host.plugin_setting(key, s.key), "choices": list(s.choices),
             "choiceTitles": [s.display_choice(c, self._language) for c in s.choices]}
            for s in record.manifest.settings
        ]

    @Slot(str, str, "QVariant")
    def setSetting(self, key: str, setting_key: str, value) -> None:
        self._host.set_plugin_setting(key, setting_key, value)

    # Settings › Apps: apps installed from packages. Uninstalling and rolling back are asked on the shell's
    # consent sheet; the driver's tap there does it.

    def set_packages(self, desk) -> None:
        self._packages = desk
        desk.catalogChanged.connect(self.packagesChanged)

    def reload_records(self) -> None:
        """The host's records changed (an app installed, updated or removed): the list follows."""
        self.beginResetModel()
        self._keys = self._ordered_keys()
        self.endResetModel()
        for key in [k for k in self._recents if k not in self._keys]:
            self._forget(key)
        self.launchableChanged.emit()
        self.namesChanged.emit()

    @Slot(str, result="QVariantMap")
    def packageOf(self, key: str) -> dict:
        """{version, previous_version, …} for an app installed from a package; empty for any other."""
        return (self._packages.installed_app(key) or {}) if self._packages is not None else {}

    @Slot(str, bool)
    def askPackageChange(self, key: str, rollback: bool) -> None:
        """Show the shell's sheet to uninstall `key` (asking keep or delete data) or roll it back."""
        if self._packages is not None:
            self._packages.request("headunit", "rollback" if rollback else "uninstall", key)

    # QAbstractListModel

    def _record(self, key: str) -> PluginRecord:
        record = self._host.record(key)
        assert record is not None  # every key here is a registered plugin's
        return record

    def _name(self, record: PluginRecord) -> str:
        return record.manifest.display_name(self._language) if record.manifest else record.folder.name

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        record = self._record(self._keys[index.row()])
        m = record.manifest
        match role:
            case _Role.PluginId: return record.key
            case _Role.Name: return self._name(record)
            case _Role.Icon: return m.icon_source() if m else "mdi6.puzzle-remove"
            case _Role.Category: return m.category if m else ""
            case _Role.Version: return m.version if m else ""
            case _Role.Status: return record.status
            case _Role.Reason: return record.reason or ""
            case _Role.Capabilities: return sorted(m.capabilities) if m else []
            case _Role.HasTile: return bool(m and m.tile)
            case _Role.Loaded: return record.loaded
            case _Role.Origin: return record.origin
            case _Role.Description: return m.description if m else ""
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return role_names(_Role)
