"""A first-party plugin's Python modules in a unit test: imported the way the host imports them, as modules of a
package, but without running the package's __init__ (which needs a running shell)."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

from headunit.paths import BUILTIN_PLUGINS_DIR


def plugin_part(folder: str, module: str, *, package: str) -> ModuleType:
    """Module `module` of the package in plugins/`folder` (e.g. "org.headunit.music/music"), imported as
    `package.module`. Tests that name the package as the host does share its modules with the host's."""
    path = BUILTIN_PLUGINS_DIR / folder
    if package not in sys.modules:
        spec = importlib.util.spec_from_file_location(package, path / "__init__.py",
                                                      submodule_search_locations=[str(path)])
        sys.modules[package] = importlib.util.module_from_spec(spec)
    return importlib.import_module(f"{package}.{module}")
