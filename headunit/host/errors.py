"""Errors a plugin may see from its context.

    HeadUnitError
    ├── PermissionDenied   the manifest did not declare the capability the call needs
    ├── IntentError        no app handles the intent, its parameters are wrong, or its handler failed
    ├── CloudUnavailable   no backend link, or a read with nothing cached while the backend is out of reach
    └── WrongThread        a call that touches what QML shows, made from a worker thread
"""


class HeadUnitError(Exception):
    """Base of every error the plugin API raises."""


class PermissionDenied(HeadUnitError):
    """A call that needs a capability the manifest does not list; `plugin_id` and `capability` say which."""

    def __init__(self, plugin_id: str, capability: str, what: str):
        super().__init__(
            f"{plugin_id}: {what} needs the capability {capability!r}; add it to capabilities in plugin.toml"
        )
        self.plugin_id, self.capability = plugin_id, capability


class IntentError(HeadUnitError):
    """An intent that could not be delivered or handled."""


class CloudUnavailable(HeadUnitError):
    """No backend link (none is configured, or it could not start), or a read that was never cached
    while the backend is out of reach. Offline alone is not this: reads come from the cache and writes
    wait in the outbox."""


class WrongThread(HeadUnitError):
    """A call that changes what QML shows (publishing the route, speaking) made off the GUI thread: send the
    result back with a queued signal and call it there."""


def require_gui_thread(what: str) -> None:
    from PySide6.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() is not app.thread():
        raise WrongThread(f"{what} must be called on the GUI thread, not from {QThread.currentThread().objectName() or 'a worker'}")
