"""The shell ends cleanly: after a screenshot of Navigation, and when the emulator's window is closed.

Both used to write their picture and then abort (exit 134, "QFontDatabase: Must construct a QGuiApplication"):
the map and other Repeater delegates were still waiting on deleteLater when the event loop ended, and were
deleted after the application, fonts and all, was gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

NAVIGATION = "org.headunit.navigation"


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, HEADUNIT_HOME=str(home), QT_QPA_PLATFORM="offscreen", HEADUNIT_BACKEND="none")
    env.pop("HEADUNIT_PLUGINS_PATH", None)
    return env


def _headunit(*args: str) -> list[str]:
    return [sys.executable, "-m", "headunit", *args]


@pytest.fixture
def home(headunit_home, install_region) -> Path:
    install_region("monaco")  # with a region the page shows its map, whose teardown used to abort
    return headunit_home


def test_a_screenshot_of_navigation_exits_cleanly(home, tmp_path):
    shot = tmp_path / "navigation.png"
    done = subprocess.run(_headunit("emulator", "--open", NAVIGATION, "--screenshot", str(shot)),
                          env=_environment(home), capture_output=True, text=True, timeout=90)
    assert shot.stat().st_size > 10_000, done.stderr
    assert "QFontDatabase" not in done.stderr, done.stderr
    assert done.returncode == 0, f"exit status {done.returncode}:\n{done.stderr}"


def test_the_emulator_closes_cleanly_after_showing_navigation(home, tmp_path):
    """As a developer closing the window (or systemd stopping the unit): the event loop ends, shutdown runs."""
    process = subprocess.Popen(_headunit("emulator", "--open", NAVIGATION, "--timings"), env=_environment(home),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # --timings prints the phases once the plugins are loaded and the app is opened: then the map is up.
        deadline = time.monotonic() + 60
        for line in process.stdout:
            if "plugins loaded" in line or time.monotonic() > deadline:
                break
        time.sleep(1.5)  # the map's first tiles and frames
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert "QFontDatabase" not in stderr, stderr
    assert process.returncode == 0, f"exit status {process.returncode}:\n{stderr}"
