"""What `publish` checks in a developer's package before the store signs it (headunit.packages.format)."""

from __future__ import annotations

import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from headunit.packages import format as package_format
from headunit.packages import signing
from headunit_backend.apps_repo import StoreError


@dataclass(frozen=True)
class Checked:
    id: str
    version: str
    api: int
    name: str
    description: str
    capabilities: tuple[str, ...]
    category: str
    icon: str
    developer_key: str


def check(package: Path) -> Checked:
    """The package read in full (every entry against the header, the manifest against its schema) and its
    developer signature verified; StoreError with the reason otherwise."""
    if not package.is_file():
        raise StoreError(f"no such file: {package}")
    try:
        contents = package_format.read(package)
    except package_format.PackageError as error:
        raise StoreError(f"{package.name}: refused: {error}") from None
    header, developer = contents.header, contents.signatures.get("developer")
    if developer is None:
        raise StoreError(f"{package.name}: refused: it has no developer signature (sign it with "
                         "`headunit plugin sign` first)")
    if not signing.verify(developer, header, None):
        raise StoreError(f"{package.name}: refused: the developer signature does not match the package "
                         "(altered after signing)")
    manifest = tomllib.loads(header.manifest_text)  # read_header checked it against the schema already
    return Checked(id=header.id, version=header.version, api=header.api, name=header.name,
                   description=manifest.get("description", ""), capabilities=header.capabilities,
                   category=manifest.get("category", ""), icon=manifest.get("icon", ""), developer_key=developer.key_id)


def store_signed(package: Path, store_key: Path) -> bytes:
    """The package's bytes with the store's signature added (the original file is left as it was)."""
    folder = Path(tempfile.mkdtemp(prefix="headunit-publish-"))
    try:
        copy = folder / package.name
        shutil.copyfile(package, copy)
        try:
            signing.sign(copy, store_key, role="store")
        except package_format.PackageError as error:
            raise StoreError(f"cannot add the store signature: {error}") from None
        return copy.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
