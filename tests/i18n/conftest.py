"""Shells in a chosen language, with the compiled catalogues in place."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TRIP = "org.headunit.tripcomputer"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The .qm files `make install` builds, in case pytest runs without it (only stale ones are compiled)."""
    from headunit import i18n_build

    for catalogue in i18n_build.catalogues([]):
        i18n_build.release(catalogue)


@pytest.fixture
def make_shell(qtbot, qapp, tmp_path, monkeypatch):
    """make_shell(width, height, language=None, drive="parked") -> (runtime, window), plugins loaded.

    `language` is passed as --lang would pass it; None keeps the saved setting."""
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit.runtime import Options, Runtime
    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    runtimes = []

    def make(width: int = 800, height: int = 480, language: str | None = None, drive: str = "parked"):
        runtime = Runtime(Options(dpi=dpi_for(width, height, SCREEN_PRESETS[(width, height)]), drive=drive,
                                  night=False, language=language))
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


def find(window, name: str):
    """The visual item called `name` (Repeater delegates are only in the visual tree)."""
    pending = [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == name:
            return item
        pending.extend(item.childItems())
    raise AssertionError(f"no item named {name!r}")


def shown_texts(window) -> set[str]:
    """Every visible, non-empty text in the window."""
    from tests.ui.geometry import texts

    boxes, _ = texts(window)
    return {b.text for b in boxes}
