"""Builds the Debian package that makes a Raspberry Pi OS (or Debian 13) machine a head unit.

    python scripts/build_deb.py                   arm64, for Raspberry Pi OS on a Pi 4 or 5 (from any machine)
    python scripts/build_deb.py --arch amd64      the same for an x86-64 head unit or a test machine

The package carries its own Python environment, /opt/headunit/venv, made here from wheels for the target
(`pip install --platform`), so an arm64 package builds on an x86-64 machine and the car needs no network to
install it. Its interpreter is Debian's python3.13, a dependency like the shared libraries Qt loads. What goes
where is listed in docs/appliance.md ("The Debian package"); `dpkg-deb --contents` shows the rest.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PREFIX = Path("/opt/headunit/venv")
#: Debian architecture -> the wheel platform tags pip may install for it (glibc 2.41 on Debian 13).
PLATFORMS = {
    "arm64": [f"manylinux_2_{v}_aarch64" for v in (17, 28, 31, 34, 35, 39)] + ["manylinux2014_aarch64"],
    "amd64": [f"manylinux_2_{v}_x86_64" for v in (5, 17, 28, 31, 34, 35, 39)] + ["manylinux2014_x86_64"],
}
#: Packaged file -> where it is installed. The /etc files are conffiles: an edited one survives upgrades.
FILES = {
    "systemd/headunit.service": "usr/lib/systemd/system/headunit.service",
    "systemd/headunit.sysusers": "usr/lib/sysusers.d/headunit.conf",
    "systemd/headunit.tmpfiles": "usr/lib/tmpfiles.d/headunit.conf",
    "systemd/headunit.pam": "etc/pam.d/headunit",
    "systemd/headunit.env": "etc/headunit/headunit.env",
    "eglfs/eglfs.json": "etc/headunit/eglfs.json",
    "vehicle/vehicle.toml": "etc/headunit/vehicle.toml",
    "vehicle/example.dbc": "usr/share/doc/headunit/examples/example.dbc",  # a CAN bus's DBC, to start from
    # The display, input and serial drivers loaded before the unit starts: its device filter admits only the
    # devices that exist when it starts.
    "image/stage-headunit/00-headunit/files/modules-load.conf": "usr/lib/modules-load.d/headunit.conf",
}


def version() -> str:
    text = (ROOT / "headunit" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], check=True)


def build_wheel(into: Path) -> Path:
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools would reuse what an earlier build left there
    pip("wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(into))
    return next(into.glob("headunit-*.whl"))


def make_venv(stage: Path, wheel: Path, arch: str, python: str) -> None:
    """The venv as `python -m venv` would make it on the target, filled with the target's wheels."""
    venv = stage / PREFIX.relative_to("/")
    site = venv / "lib" / f"python{python}" / "site-packages"
    platforms = [arg for tag in PLATFORMS[arch] for arg in ("--platform", tag)]
    pip("install", "--quiet", "--no-compile", "--only-binary=:all:", "--implementation", "cp",
        "--python-version", python, *platforms, "--target", str(site), f"{wheel}[car]")
    (venv / "bin").mkdir(parents=True)
    # Console scripts: pip wrote them for this machine's interpreter; the car runs the venv's.
    for script in sorted((site / "bin").iterdir()):
        text = script.read_text(encoding="utf-8").split("\n", 1)
        if text[0].startswith("#!") and "python" in text[0]:
            target = venv / "bin" / script.name
            target.write_text(f"#!{PREFIX}/bin/python3\n{text[1]}", encoding="utf-8")
            target.chmod(0o755)
    shutil.rmtree(site / "bin")
    for name in ("python3", "python", f"python{python}"):
        (venv / "bin" / name).symlink_to(f"/usr/bin/python{python}")
    (venv / "pyvenv.cfg").write_text(
        f"home = /usr/bin\ninclude-system-site-packages = false\nversion = {python}\n"
        f"executable = /usr/bin/python{python}\n", encoding="utf-8")


def install_files(stage: Path) -> list[str]:
    conffiles = []
    for source, target in FILES.items():
        path = stage / target
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PACKAGING / source, path)
        path.chmod(0o644)
        if target.startswith("etc/"):
            conffiles.append(f"/{target}")
    usr_bin = stage / "usr" / "bin"
    usr_bin.mkdir(parents=True, exist_ok=True)
    (usr_bin / "headunit").symlink_to(PREFIX / "bin" / "headunit")  # the backend is a server's, not the car's
    docs = stage / "usr" / "share" / "doc" / "headunit"
    docs.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "deb" / "copyright", docs / "copyright")
    return conffiles


def control(stage: Path, arch: str, python: str, conffiles: list[str]) -> None:
    debian = stage / "DEBIAN"
    debian.mkdir()
    size_kb = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024
    text = (PACKAGING / "deb" / "control.in").read_text(encoding="utf-8")
    for key, value in {"VERSION": version(), "ARCH": arch, "PYTHON": python, "INSTALLED_SIZE": str(size_kb)}.items():
        text = text.replace(f"@{key}@", value)
    (debian / "control").write_text(text, encoding="utf-8")
    (debian / "conffiles").write_text("".join(f"{c}\n" for c in conffiles), encoding="utf-8")
    for script in ("postinst", "prerm", "postrm"):
        body = (PACKAGING / "deb" / script).read_text(encoding="utf-8").replace("@PYTHON@", python)
        (debian / script).write_text(body, encoding="utf-8")
        (debian / script).chmod(0o755)


def build(arch: str, out: Path, python: str, wheel: Path | None = None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="headunit-deb-") as scratch:
        scratch_dir = Path(scratch)
        wheel = wheel or build_wheel(scratch_dir / "wheel")
        stage = scratch_dir / f"headunit_{version()}_{arch}"
        make_venv(stage, wheel, arch, python)
        control(stage, arch, python, install_files(stage))
        package = out / f"{stage.name}.deb"
        # zstd: a tenth of xz's time on this size, and dpkg in Debian 12 and later reads it.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", "-z3", "--build", str(stage), str(package)],
                       check=True, stdout=subprocess.DEVNULL, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    return package


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", choices=sorted(PLATFORMS), default="arm64")
    parser.add_argument("--python", default="3.13", help="the target's Python (Debian 13: 3.13)")
    parser.add_argument("--wheel", type=Path, help="package this wheel instead of building one")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    if shutil.which("dpkg-deb") is None:
        print("build_deb: dpkg-deb is missing (Debian's dpkg package)", file=sys.stderr)
        return 1
    print(build(args.arch, args.out, args.python, args.wheel))
    return 0


if __name__ == "__main__":
    sys.exit(main())
