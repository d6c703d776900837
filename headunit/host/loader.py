"""Importing a plugin's Python entry under a namespace of its own.

Each plugin folder becomes the package `headunit_plugin_<id>` (dots as underscores), so two plugins'
`store.py` never collide and a plugin's relative imports stay inside its folder.
"""

from __future__ import annotations

import importlib
import re
import sys
import types

from headunit.host.manifest import Manifest

NAMESPACE_PREFIX = "headunit_plugin_"

# QML caches what it knows of a type (its properties and methods) under the address of the type's
# meta-object. A freed plugin class could leave that address to a different class, which QML would then
# read with the old layout ("Property 'x' does not exist", methods that are "not a function"), so the
# modules of unloaded plugin code stay alive as long as the process.
_retired: list[types.ModuleType] = []


def namespace_for(plugin_id: str) -> str:
    return NAMESPACE_PREFIX + re.sub(r"\W", "_", plugin_id)


def load_entry_class(manifest: Manifest) -> type:
    """Import `module:Class` from the plugin folder and return the class."""
    if not manifest.python:
        raise ValueError(f"{manifest.id}: the manifest names no Python entry class")
    module_name, class_name = manifest.python.split(":")
    namespace = namespace_for(manifest.id)
    if namespace not in sys.modules:
        package = types.ModuleType(namespace, f"HeadUnit plugin {manifest.id}")
        package.__path__ = [str(manifest.folder)]
        sys.modules[namespace] = package
    module = importlib.import_module(f"{namespace}.{module_name}")
    try:
        return getattr(module, class_name)
    except AttributeError:
        raise ImportError(f"{module.__file__}: has no class {class_name!r} (entry.python)") from None


def load_plugin_class(manifest: Manifest) -> type:
    """The entry class, checked to be a `headunit.sdk.Plugin`: raises what its import raises, or TypeError."""
    from headunit.host.plugin import Plugin

    cls = load_entry_class(manifest)
    if not (isinstance(cls, type) and issubclass(cls, Plugin)):
        raise TypeError(f"{manifest.python} is not a subclass of headunit.sdk.Plugin")
    return cls


def unload(plugin_id: str | None = None) -> None:
    """Forget a plugin's modules (every plugin's without an id), so the next load imports its code afresh."""
    prefix = namespace_for(plugin_id) if plugin_id else NAMESPACE_PREFIX
    for name in [n for n in sys.modules if n == prefix or n.startswith(prefix + ("." if plugin_id else ""))]:
        _retired.append(sys.modules.pop(name))
