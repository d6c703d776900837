"""The process of the plugin under development (`python -m headunit.devmode.child`): the sandbox's plugin runtime,
which in addition reloads its page when the shell says the plugin's QML changed (`dev.reloadPage`).

The page is made again in the same window, so the shell keeps compositing the same surface, and the plugin's
Python (its objects, what they hold) goes on running: only QML is read again.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from headunit.sandbox.runtime_main import PluginRuntime, confine, log_to_shell, raw_types_in

#: The notification the shell sends when the plugin's QML (and only its QML) changed.
RELOAD_PAGE = "dev.reloadPage"
#: A call the shell answers only after it has read what came before it on the channel.
FAILURE_READ = "dev.failureRead"

log = logging.getLogger("headunit.plugin-runtime")


class QmlError(Exception):
    """The edited page's QML does not load: Qt's errors, each with its file and line."""


class DevPluginRuntime(PluginRuntime):
    def _on_notification(self, method: str, params: dict[str, Any]) -> None:
        if method == RELOAD_PAGE:
            try:
                self.reload_page()
            except BaseException as exc:  # noqa: BLE001 - the edited QML may fail in any way
                self._report_failure(exc, "page QML")
            return
        super()._on_notification(method, params)

    def reload_page(self) -> None:
        """Read the page's QML again, dropping what the engine compiled of the old files."""
        from PySide6.QtCore import QCoreApplication, QEvent, QUrl
        from PySide6.QtQuick import QQuickView

        if self.view is None:  # not shown yet: the first show reads the files as they are now
            self.engine.clearComponentCache()
            return
        self.view.setSource(QUrl())  # lets go of the old page, so none of its components stays in use
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        self.engine.clearComponentCache()
        self.view.setInitialProperties(self.ctx.exposed())
        self.view.setSource(QUrl.fromLocalFile(str(self.manifest.folder / self.manifest.page)))
        if self.view.status() == QQuickView.Status.Error:
            raise QmlError("; ".join(e.toString() for e in self.view.errors()))
        self.channel.notify("report.rawTypes", {"types": raw_types_in(self.view.rootObject())})


    def _report_failure(self, exc: BaseException, phase: str) -> None:
        """As the sandbox's runtime reports a failure, but ending only once the shell has read the report: a
        process seen to end first reads as a crash, and the reason, which dev mode shows, is lost."""
        from headunit.host.reasons import reason_for

        reason = reason_for(exc, self.init["folder"], phase)
        try:
            self.channel.notify("failed", {"reason": reason})
            # Asked after the report on the same channel, so answered (with an error: no such call) after it is read.
            self.channel.call(FAILURE_READ, {}).exception(2)
        except Exception:  # noqa: BLE001 - the channel may be gone, or the shell slow: the exit code tells it
            pass
        log.error("%s", reason)
        os._exit(3)


def main() -> int:
    confine()
    log_to_shell()
    channel = os.environ.get("HEADUNIT_CHANNEL") or sys.argv[1]
    return DevPluginRuntime(channel).run()


if __name__ == "__main__":
    sys.exit(main())
