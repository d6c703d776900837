"""The process of the plugin under development runs `headunit.devmode.child`, the sandbox's plugin runtime that
can also reload its page. Every other plugin's process is started as without dev mode.

The sandbox makes its processes from `headunit.sandbox.process.PluginProcess`, looked up each time one starts;
dev mode puts a subclass there while it runs, which changes only the dev plugin's command, and puts the class
back when it ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from headunit.sandbox import process as sandbox_process

if TYPE_CHECKING:
    from headunit.sandbox.service import Sandbox

RUNTIME_MODULE = "headunit.sandbox.runtime_main"
DEV_RUNTIME_MODULE = "headunit.devmode.child"

_original = sandbox_process.PluginProcess


class DevPluginProcess(_original):
    #: The folder of the plugin under development: its process runs the dev runtime.
    dev_folder: Path | None = None

    def _command(self) -> tuple[list[str], dict[str, str]]:
        argv, env = super()._command()
        if self.dev_folder is not None and Path(self.folder).resolve() == self.dev_folder:
            argv = [DEV_RUNTIME_MODULE if arg == RUNTIME_MODULE else arg for arg in argv]
        return argv, env


def install(folder: Path) -> None:
    DevPluginProcess.dev_folder = folder.resolve()
    sandbox_process.PluginProcess = DevPluginProcess


def uninstall() -> None:
    DevPluginProcess.dev_folder = None
    sandbox_process.PluginProcess = _original


def process_of(sandbox: "Sandbox", key: str) -> "sandbox_process.PluginProcess | None":
    """The plugin's current process (starting, running or asked to stop), if it has one."""
    state = sandbox._apps.get(key)  # the sandbox tells its QML only whether a process is ready, not whether one runs
    return state.process if state is not None else None
