"""Mall: the app mall's state for its QML: the catalog browsed and searched, one app's page, the updates.

It never installs anything itself. Install, Update, Uninstall and Roll back ask the shell through
`ctx.packages`; the shell draws its own consent sheet and the driver's tap there decides. This object only
follows what the shell reports (downloading, waiting for consent, installing, done or why not).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import PluginContext

QML_IMPORT_NAME = "HeadUnit.Plugins.AppMall"
QML_IMPORT_MAJOR_VERSION = 1

SECTIONS = ("browse", "updates", "installed")
#: How old the catalog may be when the mall is opened again.
REFRESH_AFTER_S = 5 * 60
#: Rows in the driving template (the shell's limit while moving).
TEMPLATE_ROWS = 6


def _matches(app: dict[str, Any], query: str) -> bool:
    words = query.casefold().split()
    text = " ".join((app["name"], app["description"], app["developer"], app["id"])).casefold()
    return all(w in text for w in words)


@QmlElement
@QmlUncreatable("created by the plugin; views take it as a required property")
class Mall(QObject):
    changed = Signal()

    def __init__(self, ctx: PluginContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._packages = ctx.packages
        self._section, self._query, self._app_id = "browse", "", ""
        self._status, self._level = "", ""
        self._pending: dict[str, Any] = {}  # the request in flight: its handle, by app id
        self._apps: list[dict[str, Any]] = []
        self._refreshed_at: float | None = None
        self._packages.changed.connect(self._reload)
        ctx.driving.stateChanged.connect(self._driving_changed)
        self._reload()

    def stop(self) -> None:
        self._packages.changed.disconnect(self._reload)
        self.ctx.driving.stateChanged.disconnect(self._driving_changed)

    def _reload(self) -> None:
        self._apps = self._packages.catalog()
        if self._packages.error:
            self._refreshed_at = None  # not fresh: the next opening tries again
        self.changed.emit()
        self.publish_template()

    def _driving_changed(self) -> None:
        self.changed.emit()
        self.publish_template()

    # Browsing

    @Slot()
    def refresh(self) -> None:
        if self._packages.refresh():
            self._refreshed_at = time.monotonic()
        self.changed.emit()

    @Slot()
    def refreshIfOld(self) -> None:
        """Opened or shown again: a catalog older than a few minutes (or never read) is read again."""
        if self._refreshed_at is None or time.monotonic() - self._refreshed_at > REFRESH_AFTER_S:
            self.refresh()

    @Property(bool, notify=changed, final=True)
    def refreshing(self) -> bool:
        return self._packages.refreshing

    @Property(str, notify=changed, final=True)
    def errorText(self) -> str:
        if not self._packages.error:
            return ""
        if self._apps:
            return self.ctx.tr("Offline: the apps as last seen")
        return self.ctx.tr("The app store cannot be reached")

    @Property(str, notify=changed, final=True)
    def section(self) -> str:
        return self._section

    @Slot(str)
    def showSection(self, section: str) -> None:
        if section in SECTIONS:
            self._section, self._app_id = section, ""
            self.changed.emit()

    @Property(str, notify=changed, final=True)
    def query(self) -> str:
        return self._query

    @Slot(str)
    def search(self, text: str) -> None:
        self._query = text.strip()
        self._app_id = ""
        self.changed.emit()

    def _shown_apps(self) -> list[dict[str, Any]]:
        apps = self._apps
        if self._section == "updates":
            apps = [a for a in apps if a["update"]]
        elif self._section == "installed":
            apps = [a for a in apps if a["installed_version"]]
        if self._query:
            apps = [a for a in apps if _matches(a, self._query)]
        return apps

    def _badge(self, app: dict[str, Any]) -> str:
        if app["revoked"]:
            return self.ctx.tr("Withdrawn")
        if app["update"]:
            return self.ctx.tr("Update")
        if app["installed_version"]:
            return self.ctx.tr("Installed")
        return ""

    def _rating_text(self, app: dict[str, Any]) -> str:
        if not app["ratings"]:
            return self.ctx.tr("No ratings yet")
        return "★ %.1f" % app["rating"]

    @Property("QVariantList", notify=changed, final=True)
    def rows(self) -> list[dict[str, Any]]:
        """The list: {id, title, subtitle, icon, trailing} for the section and the search."""
        return [{"id": a["id"], "title": a["name"], "icon": a["icon"], "trailing": self._badge(a),
                 "subtitle": " · ".join(t for t in (self._rating_text(a), a["description"]) if t)}
                for a in self._shown_apps()]

    @Property(int, notify=changed, final=True)
    def updatesCount(self) -> int:
        return sum(1 for a in self._apps if a["update"])

    @Property(int, notify=changed, final=True)
    def total(self) -> int:
        return len(self._apps)

    # One app's page

    @Slot(str)
    def openApp(self, app_id: str) -> None:
        if any(a["id"] == app_id for a in self._apps):
            self._app_id = app_id
            self._status, self._level = "", ""
            self.changed.emit()

    @Slot(result=bool)
    def back(self) -> bool:
        """Back inside the mall: from an app's page to the list. False when there is nowhere to go back to."""
        if self._app_id:
            self._app_id = ""
            self.changed.emit()
            return True
        return False

    def _current(self) -> dict[str, Any] | None:
        return next((a for a in self._apps if a["id"] == self._app_id), None)

    @Property("QVariantMap", notify=changed, final=True)
    def app(self) -> dict[str, Any]:
        """The app whose page is open ({} when the list shows), with its texts ready to show."""
        app = self._current()
        if app is None:
            return {}
        if app["ratings"]:
            ratings = self.ctx.tr("★ %1 · %2 ratings").replace("%1", "%.1f" % app["rating"]).replace(
                "%2", str(app["ratings"]))
        else:
            ratings = self.ctx.tr("No ratings yet")
        if app["update"]:
            version = self.ctx.tr("Version %1 installed, %2 available").replace(
                "%1", app["installed_version"]).replace("%2", app["version"])
        else:
            version = self.ctx.tr("Version %1").replace("%1", app["installed_version"] or app["version"])
        return {**app, "ratingText": ratings, "versionText": version, "badge": self._badge(app)}

    @Property(str, notify=changed, final=True)
    def appId(self) -> str:
        return self._app_id

    @Property(bool, notify=changed, final=True)
    def parked(self) -> bool:
        return self.ctx.driving.parked

    @Property(bool, notify=changed, final=True)
    def busy(self) -> bool:
        """The shell is working on a request of this app's (its sheet may be up)."""
        return bool(self._pending)

    @Property(str, notify=changed, final=True)
    def actionNote(self) -> str:
        """Why Install, Update, Uninstall and Roll back cannot be pressed now ("" when they can)."""
        if not self.ctx.driving.parked:
            return self.ctx.tr("Installing and removing apps is available when parked")
        if self._pending:
            return self.ctx.tr("Waiting for the one in progress")
        return ""

    @Property(str, notify=changed, final=True)
    def statusText(self) -> str:
        return self._status

    @Property(str, notify=changed, final=True)
    def statusLevel(self) -> str:
        return self._level

    # Asking the shell

    @Slot()
    def install(self) -> None:
        """Install or update the open app: the shell asks the driver."""
        self._ask("install", self._app_id)

    @Slot(str)
    def installApp(self, app_id: str) -> None:
        self._ask("install", app_id)

    @Slot()
    def uninstall(self) -> None:
        self._ask("uninstall", self._app_id)

    @Slot()
    def rollback(self) -> None:
        self._ask("rollback", self._app_id)

    @Slot()
    def openInstalled(self) -> None:
        """Open the installed app itself."""
        if self._app_id:
            self.ctx.send_intent("open-app", id=self._app_id)

    def _ask(self, action: str, app_id: str) -> None:
        if not app_id or self._pending:
            return
        handle = getattr(self._packages, action)(app_id)
        self._pending[app_id] = handle
        handle.outcome.connect(lambda state, details, app_id=app_id, action=action:
                               self._outcome(app_id, action, state, details))
        self._set_status(self.ctx.tr("Asking…"), "")

    def _outcome(self, app_id: str, action: str, state: str, details: dict) -> None:
        tr = self.ctx.tr
        reason = str(details.get("reason", ""))
        texts = {
            "downloading": (tr("Downloading and checking…"), ""),
            "waiting_for_consent": (tr("Waiting for your answer on the sheet"), ""),
            "installing": (tr("Installing…"), ""),
            "uninstalling": (tr("Uninstalling…"), ""),
            "rolling_back": (tr("Rolling back…"), ""),
            "installed": (tr("Installed"), "success"),
            "uninstalled": (tr("Uninstalled"), "success"),
            "rolled_back": (tr("Rolled back"), "success"),
            "declined_by_driver": (tr("Installing apps needs the car parked") if reason == "not-parked"
                                   else tr("Nothing was changed"), "warning"),
            "failed": (tr("Not done: %1").replace("%1", reason) if reason != "busy"
                       else tr("Another request is waiting on the sheet"), "error"),
        }
        if state in ("installed", "uninstalled", "rolled_back", "declined_by_driver", "failed"):
            self._pending.pop(app_id, None)
        text, level = texts.get(state, ("", ""))
        self._set_status(text, level)

    def _set_status(self, text: str, level: str) -> None:
        self._status, self._level = text, level
        self.changed.emit()

    # While the car is not parked (sandboxed, the shell draws this)

    def publish_template(self) -> None:
        updates = [a for a in self._apps if a["update"]]
        rows = [{"title": a["name"], "subtitle": self.ctx.tr("Update to %1").replace("%1", a["version"]),
                 "icon": "mdi6.update"} for a in updates[:TEMPLATE_ROWS - 1]]
        rows.append({"title": self.ctx.tr("Install and update when parked"),
                     "subtitle": self.ctx.tr("Apps in the mall: %1").replace("%1", str(len(self._apps))),
                     "icon": "mdi6.storefront-outline"})
        try:
            self.ctx.templates.show("list", title=self.ctx.tr("App mall"), rows=rows)
            self.ctx.templates.tile(self.ctx.tr("App mall"),
                                    self.ctx.tr("Updates waiting: %1").replace("%1", str(len(updates))) if updates
                                    else self.ctx.tr("Apps for your car"), "mdi6.storefront-outline")
        except ValueError as exc:
            self.ctx.log.warning("template: %s", exc)
