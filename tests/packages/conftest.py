"""Packages made the way an author makes them, and the tools an attacker would use to bend them: raw tar
entries of any type, headers rewritten, signatures moved between packages."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from headunit import paths
from headunit.packages import format as package_format
from headunit.packages.signing import generate_key, sign
from tests.conftest import write_plugin

ROOT = Path(__file__).resolve().parents[2]
DEMO_STORE_KEY = ROOT / "headunit_backend" / "data" / "demo-store-key.pem"
PLUGIN_ID = "org.example.notes"


@dataclass
class Keys:
    developer: Path  # a developer's key (not trusted by the car unless a test trusts it)
    store: Path  # the demo store's key, whose public half the shell ships
    rogue_store: Path  # a key that says it is a store, trusted by no one


@pytest.fixture
def keys(tmp_path: Path) -> Keys:
    folder = tmp_path / "keys"
    generate_key(folder / "developer.pem")
    generate_key(folder / "rogue-store.pem")
    return Keys(folder / "developer.pem", DEMO_STORE_KEY, folder / "rogue-store.pem")


@pytest.fixture
def make_package(tmp_path: Path, keys: Keys) -> Callable[..., Path]:
    """make_package(version="1.0.0", capabilities=("storage",), signed=("developer", "store"), **write_plugin
    options) -> a package of PLUGIN_ID made with pack and sign, in its own folder."""
    counter = iter(range(1000))

    def make(version: str = "1.0.0", capabilities: tuple[str, ...] = ("storage",),
             signed: tuple[str, ...] = ("developer", "store"), edit: Callable[[Path], None] | None = None,
             **options) -> Path:
        n = next(counter)
        source = tmp_path / "src" / str(n)
        folder = write_plugin(source, PLUGIN_ID, capabilities=capabilities,
                              python=options.pop("python", "class Main:\n    pass\n"), **options)
        manifest = folder / "plugin.toml"
        manifest.write_text(manifest.read_text().replace('version = "1.0.0"', f'version = "{version}"'))
        if edit:
            edit(folder)
        package = package_format.pack(folder, tmp_path / "out" / str(n))
        if "developer" in signed:
            sign(package, keys.developer, "developer")
        if "store" in signed:
            sign(package, keys.store, "store")
        return package

    return make


def members(package: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    """Every entry with its bytes (read with tarfile: the tests' own packages are trusted input)."""
    with tarfile.open(package, "r:gz") as tar:
        return [(info, tar.extractfile(info).read() if info.isreg() else b"") for info in tar.getmembers()]


def entry(name: str, data: bytes = b"", *, kind: bytes = tarfile.REGTYPE, link: str = "") -> tuple[tarfile.TarInfo,
                                                                                                    bytes]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size, info.mode = kind, link, len(data) if kind == tarfile.REGTYPE else 0, 0o644
    return info, data


def write_raw(target: Path, entries: list[tuple[tarfile.TarInfo, bytes]], *, trailer: bytes = b"") -> Path:
    """A gzip'd tar of exactly these entries, whatever they are, with `trailer` after the tar's end."""
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            for info, data in entries:
                tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
        gz.write(trailer)
    return target


def rewrite(package: Path, target: Path, change: Callable[[list], list]) -> Path:
    """The package's entries passed through `change`, written as a new package."""
    return write_raw(target, change(members(package)))


def header_of(package: Path) -> dict:
    return json.loads(members(package)[0][1])


def header_bytes(header: dict) -> bytes:
    return json.dumps(header, indent=2).encode()


def tree(folder: Path) -> dict[str, str]:
    """Every file, link and folder under `folder` with a hash of what it holds: equal trees, equal dicts."""
    found: dict[str, str] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + str(path.readlink())
        elif path.is_dir():
            found[rel] = "dir"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def disk() -> dict[str, str]:
    """The whole data folder (plugins, plugin data, the installer's own folders) and the config folder."""
    return {"data": tree(paths.data_dir()), "config": tree(paths.config_dir())}


def always(answer: bool) -> Callable:
    asked = []

    def consent(change) -> bool:
        asked.append(change)
        return answer

    consent.asked = asked
    return consent
