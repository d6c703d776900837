"""Dev mode: `headunit emulator --dev DIR` runs the plugin in DIR as it would run once installed (third-party,
in its sandbox) and reloads it as its files change, the emulator and its simulated car going on running.

watcher: when the folder's files change. reloader: what is reloaded for each change, and failures shown.
child: the plugin process's side of a page reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.devmode.reloader import Reloader
    from headunit.runtime import Runtime


def start(runtime: "Runtime", window, folder: Path) -> "Reloader":
    """Watch `folder` (registered among the runtime's plugin paths) and reload its plugin as it changes. Called
    before the plugins load, its processes run the dev runtime from the first; a process already running is
    restarted."""
    from headunit.devmode.reloader import Reloader, say

    if not (folder / "plugin.toml").is_file():
        say(f"{folder}: not a plugin folder (it has no plugin.toml)")
        raise SystemExit(2)
    record = next((r for r in runtime.host.records() if r.folder.resolve() == folder.expanduser().resolve()), None)
    if record is not None and record.origin == "builtin" and not runtime.host.registry.sandbox_builtins:
        say(f"{folder} is one of the shell's own plugins, which run in its process: add --sandbox-all to run it "
            "sandboxed, as dev mode runs a plugin")
        raise SystemExit(2)
    reloader = Reloader(runtime, window, folder, runtime.host)
    reloader.start()
    return reloader
