"""IntentRouter: delivers an intent to the shell or to the first enabled app whose manifest declares it.

It checks the parameters against the declaration before the app is loaded, so a wrong call never starts an app;
the runtime that serves the app calls its handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from headunit.host.errors import IntentError

if TYPE_CHECKING:
    from headunit.host.manifest import Manifest
    from headunit.host.registry import PluginRecord, PluginRegistry

PARAM_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "number": (int, float), "integer": (int,), "boolean": (bool,),
}


class IntentRouter:
    def __init__(self, registry: "PluginRegistry", *, load: Callable[[str], bool],
                 deliver: Callable[["PluginRecord", str, dict[str, Any]], Any]):
        self._registry, self._load, self._deliver = registry, load, deliver
        #: Built-in intent handlers (such as open-app), tried before plugins.
        self.shell_intents: dict[str, Callable[..., Any]] = {}

    def route(self, sender: str, name: str, params: dict[str, Any]) -> Any:
        """Deliver intent `name` and return the answer; raise IntentError when nobody can take it."""
        if name in self.shell_intents:
            handler = self.shell_intents[name]
            # A handler that needs to know who asks (the shell's `pay`) says so.
            return handler(params, sender) if getattr(handler, "wants_sender", False) else handler(params)
        record = self.target(sender, name, params)
        assert record is not None  # None only for the shell's own intents, answered above
        return self._deliver(record, name, dict(params))

    def target(self, sender: str, name: str, params: dict[str, Any]) -> "PluginRecord | None":
        """The app that takes intent `name`, its parameters checked and the app loaded; None for the shell's own
        intents. Raises IntentError when nobody can take it."""
        if name in self.shell_intents:
            return None
        for record in self._registry.records():
            m = record.manifest
            if record.status != "ok" or m is None or name not in m.intents:
                continue
            check_params(m, name, params)
            if not self._load(record.key):
                raise IntentError(f"intent {name!r}: {record.id} failed to load: {record.reason}")
            return record
        raise IntentError(f"intent {name!r} from {sender}: no enabled app handles it")


def check_params(manifest: "Manifest", name: str, params: dict[str, Any]) -> None:
    """Raise IntentError naming each missing, extra or wrongly typed parameter (a bool is no number)."""
    declared = manifest.intents[name]
    problems = [f"{p}: missing" for p in declared if p not in params]
    problems += [f"{p}: not a parameter of {name!r}" for p in params if p not in declared]
    problems += [
        f"{p}: expected {declared[p]}, got {params[p]!r}" for p in params
        if p in declared and (not isinstance(params[p], PARAM_TYPES[declared[p]])
                              or (declared[p] != "boolean" and isinstance(params[p], bool)))
    ]
    if problems:
        raise IntentError(f"intent {name!r} for {manifest.id}: " + "; ".join(problems))
