"""The process of the plugin under development runs `headunit.devmode.child`, the sandbox's plugin runtime that
can also reload its page. Every other plugin's process is started as without dev mode."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.sandbox.service import Sandbox

DEV_RUNTIME_MODULE = "headunit.devmode.child"


def install(sandbox: "Sandbox", folder: Path) -> None:
    sandbox.runtime_modules[folder.resolve()] = DEV_RUNTIME_MODULE


def uninstall(sandbox: "Sandbox", folder: Path) -> None:
    sandbox.runtime_modules.pop(folder.resolve(), None)


def runs_dev_runtime(sandbox: "Sandbox", key: str) -> bool:
    """Whether the plugin has no process, or one started with the dev runtime."""
    process = sandbox.process_of(key)
    return process is None or process.runtime_module == DEV_RUNTIME_MODULE
