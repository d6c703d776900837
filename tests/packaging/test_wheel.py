"""The wheel is the product: built with `pip wheel .` and installed into a fresh venv in an empty folder, far
from the checkout, it gives a working `headunit` (its QML, first-party plugins, translations, assets and
schemas come from the installed package) and a working `headunit-backend`. The wheel is conftest.py's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import requests
from PIL import Image

import headunit

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = sorted(p.name for p in (ROOT / "headunit" / "plugins").iterdir() if (p / "plugin.toml").is_file())


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=300)
    subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    f"{wheel}[backend]"], check=True, timeout=1500)
    return folder


@pytest.fixture
def outside(tmp_path) -> tuple[Path, dict[str, str]]:
    """An empty working folder and an environment that knows nothing of the checkout."""
    work = tmp_path / "empty"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(HEADUNIT_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    return work, env


def test_the_wheel_carries_the_shell_the_plugins_and_the_compiled_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("headunit/qml/HeadUnit/Shell/qmldir", "headunit/host/manifest_schema.json",
                   "headunit/translations/headunit_de.qm", "headunit/translations/headunit_zh_CN.qm",
                   "headunit/assets/maps/monaco.osm.pbf", "headunit/templates/plugin/plugin.toml.j2",
                   "headunit/packages/keys/store/demo-store.pub", "headunit_backend/data/catalog.json",
                   "headunit_backend/migrations/env.py"):
        assert needed in names
    for plugin in FIRST_PARTY:
        assert f"headunit/plugins/{plugin}/plugin.toml" in names
        assert f"headunit/plugins/{plugin}/translations/{plugin}_de.qm" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]


def test_installed_headunit_runs_from_its_own_files(venv, outside):
    work, env = outside
    run = [str(venv / "bin" / "headunit")]
    version = subprocess.run(run + ["--version"], cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"headunit {headunit.__version__}"

    where = subprocess.run([str(venv / "bin" / "python"), "-c", (
        "import headunit.paths as p; from PySide6.QtCore import QTranslator; t = QTranslator();"
        "print(p.PACKAGE_DIR); print(t.load(str(p.SHELL_TRANSLATIONS_DIR / 'headunit_de.qm')))")],
        cwd=work, env=env, capture_output=True, text=True, timeout=60, check=True).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1] == "True"

    listed = subprocess.run(run + ["plugins", "list", "--json"], cwd=work, env=env, capture_output=True, text=True,
                            timeout=120)
    plugins = {p["id"]: p for p in json.loads(listed.stdout)}
    assert sorted(plugins) == FIRST_PARTY
    assert all(p["status"] == "ok" for p in plugins.values()), plugins


def test_installed_emulator_draws_home(venv, outside):
    work, env = outside
    shot = work / "home.png"
    done = subprocess.run([str(venv / "bin" / "headunit"), "emulator", "--size", "800x480", "--backend", "none",
                           "--lang", "de", "--screenshot", str(shot)],
                          cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "is not installed" not in done.stderr and "not found" not in done.stderr, done.stderr
    image = Image.open(shot).convert("RGB")
    assert image.size == (800, 480)
    assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50, "home is drawn, not a blank frame"


def test_installed_backend_serves(venv, outside):
    work, env = outside
    port_file = work / "port"
    server = subprocess.Popen([str(venv / "bin" / "headunit-backend"), "serve", "--port", "0",
                               "--port-file", str(port_file)],
                              cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while not port_file.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert port_file.exists(), server.stdout.read() if server.poll() is not None else "no port in 120 s"
        url = f"http://127.0.0.1:{port_file.read_text().strip()}/v1/health"
        for _ in range(100):
            try:
                health = requests.get(url, timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert health.status_code == 200
        assert health.json()["status"] == "ok" and health.json()["version"] == headunit.__version__
        assert (work / "headunit-backend.db").is_file(), "its database is made where it was started"
    finally:
        server.terminate()
        server.wait(timeout=30)
