"""The Debian package (scripts/build_deb.py): built for this machine's architecture exactly as for a Pi's, it
holds a complete Python environment under /opt/headunit/venv, the unit and its users and folders, and
configuration dpkg keeps when the driver edits it."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

import headunit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_deb  # noqa: E402

ARCH = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine())
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"

pytestmark = pytest.mark.skipif(ARCH is None, reason=f"no package architecture for {platform.machine()}")


@pytest.fixture(scope="module")
def package(wheel, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    return build_deb.build(ARCH, out, PYTHON, wheel)


@pytest.fixture(scope="module")
def unpacked(package, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    return root


def deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], check=True, capture_output=True, text=True).stdout


def test_the_package_names_itself_and_what_it_needs(package):
    assert package.name == f"headunit_{headunit.__version__}_{ARCH}.deb"
    fields = deb("--field", str(package), "Package", "Version", "Architecture", "Depends")
    assert f"Version: {headunit.__version__}" in fields and f"Architecture: {ARCH}" in fields
    for needed in (f"python{PYTHON}", "bubblewrap", "libegl1", "libgbm1", "libpulse0", "libwayland-cursor0",
                   "fonts-noto-cjk"):
        assert needed in fields



def test_the_maintainer_scripts_are_sh_and_the_configuration_is_kept_on_upgrade(package):
    control = package.parent / "DEBIAN"
    subprocess.run(["dpkg-deb", "-e", str(package), str(control)], check=True)
    for script in ("postinst", "prerm", "postrm"):
        assert os.access(control / script, os.X_OK)
        assert subprocess.run(["sh", "-n", str(control / script)]).returncode == 0, f"{script} is not valid sh"
        assert "@" not in (control / script).read_text(), "every placeholder filled in"
    conffiles = sorted((control / "conffiles").read_text().split())
    assert conffiles == sorted(f"/{t}" for t in build_deb.FILES.values() if t.startswith("etc/"))


def test_the_package_holds_the_service_and_its_configuration(unpacked):
    for installed in build_deb.FILES.values():
        assert (unpacked / installed).is_file(), installed
    unit = (unpacked / "usr/lib/systemd/system/headunit.service").read_text()
    assert "ExecStart=/opt/headunit/venv/bin/headunit run" in unit and "Type=notify" in unit
    assert os.readlink(unpacked / "usr/bin/headunit") == "/opt/headunit/venv/bin/headunit"


def test_the_venv_is_made_for_the_target_interpreter(unpacked):
    venv = unpacked / "opt/headunit/venv"
    assert os.readlink(venv / "bin" / "python3") == f"/usr/bin/python{PYTHON}"
    assert f"version = {PYTHON}" in (venv / "pyvenv.cfg").read_text()
    for command in ("headunit", "headunit-backend"):
        assert (venv / "bin" / command).read_text().startswith("#!/opt/headunit/venv/bin/python3\n")


def test_the_venv_alone_runs_the_head_unit(unpacked, tmp_path):
    """Only the package's site-packages on the path (no checkout, no dev venv): every first-party plugin loads,
    and the car's sources' libraries are there."""
    site = unpacked / f"opt/headunit/venv/lib/python{PYTHON}/site-packages"
    code = (f"import site, sys; site.addsitedir({str(site)!r});"
            "import headunit, can, cantools, obd; print(headunit.__file__, flush=True);"
            "from headunit.cli import main; sys.exit(main(['plugins', 'list', '--json']))")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HEADUNIT_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    first, _, listing = done.stdout.partition("\n")
    assert Path(first).is_relative_to(site)
    plugins = json.loads(listing)
    assert len(plugins) == 8 and all(p["status"] == "ok" for p in plugins), plugins
