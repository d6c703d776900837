"""`headunit emulator --dev DIR` from the command line: the plugin in DIR opens, sandboxed, with dev mode watching."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from tests.devmode.conftest import QML_BLUE, close_to


def test_the_emulator_opens_the_plugin_under_development(hello_plugin: Path, tmp_path: Path, headunit_home: Path):
    shot = tmp_path / "dev.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HEADUNIT_HOME": str(headunit_home)}
    done = subprocess.run([sys.executable, "-m", "headunit", "emulator", "--dev", str(hello_plugin), "--backend",
                           "none", "--size", "800x480", "--screenshot", str(shot)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"watching {hello_plugin}" in done.stderr
    image = QImage(str(shot))
    # The page's upper half, QML blue, fills the middle of the upper app area.
    assert close_to(QColor(image.pixelColor(image.width() // 2, image.height() // 3)), QML_BLUE)


def test_a_folder_without_a_manifest_is_refused(tmp_path: Path, headunit_home: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HEADUNIT_HOME": str(headunit_home)}
    done = subprocess.run([sys.executable, "-m", "headunit", "emulator", "--dev", str(tmp_path), "--backend", "none",
                           "--screenshot", str(tmp_path / "x.png")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "has no plugin.toml" in done.stderr


def test_one_of_the_shells_own_plugins_is_refused_without_sandbox_all(tmp_path: Path, headunit_home: Path):
    weather = Path(__file__).resolve().parents[2] / "headunit" / "plugins" / "org.headunit.weather"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HEADUNIT_HOME": str(headunit_home)}
    done = subprocess.run([sys.executable, "-m", "headunit", "emulator", "--dev", str(weather), "--backend", "none",
                           "--screenshot", str(tmp_path / "x.png")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "--sandbox-all" in done.stderr
    assert not (tmp_path / "x.png").exists()
