"""A running shell in an offscreen window, at a screen preset."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def make_shell(qtbot, tmp_path, monkeypatch):
    """make_shell(width, height, drive="parked", night=False) -> (runtime, window), plugins loaded."""
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit.runtime import Options, Runtime
    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    runtimes = []

    def make(width: int, height: int, drive: str = "parked", night: bool = False, plugin_paths=()):
        runtime = Runtime(Options(dpi=dpi_for(width, height, SCREEN_PRESETS[(width, height)]), drive=drive,
                                  night=night, plugin_paths=tuple(plugin_paths)))
        runtimes.append(runtime)
        window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=width, shellHeight=height)
        window.show()
        with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
            runtime.host.load_all_in_idle()
        settle(qtbot)
        return runtime, window

    yield make
    for runtime in runtimes:
        runtime.shutdown()


def settle(qtbot, ms: int = 400) -> None:
    """Let bindings, layouts and 250 ms transitions finish."""
    qtbot.wait(ms)
