"""Which keys the car trusts to sign packages, and the decision whether a package's signatures suffice.

- Store keys: those the shell ships in `headunit/packages/keys/store/*.pub` (the demo store's), plus any added
  with `headunit plugins trust-key FILE` into `<config>/trusted-keys/store/`.
- Developer keys: only those added with `headunit plugins trust-key FILE --developer`, into
  `<config>/trusted-keys/developer/`. They count only in developer mode.

A package needs both signatures, the store's by a trusted store key; in developer mode a developer signature
by a trusted developer key is enough. A signature that is present but does not verify refuses the package
either way: it was altered.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from headunit import paths
from headunit.packages.format import Header, PackageError, Signature
from headunit.packages.signing import key_id, load_public_key, verify

SHIPPED_STORE_KEYS = Path(__file__).with_name("keys") / "store"


def user_keys_dir(role: str) -> Path:
    return paths.config_dir() / "trusted-keys" / role


def trusted_keys(role: str) -> dict[str, Path]:
    """Trusted public keys of a role (developer or store) by key id, with the file each came from."""
    folders = ([SHIPPED_STORE_KEYS] if role == "store" else []) + [user_keys_dir(role)]
    keys: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.pub")) if folder.is_dir() else ():
            try:
                keys[key_id(load_public_key(path))] = path
            except PackageError:
                continue  # a damaged key file trusts no one
    return keys


def add_trusted_key(path: Path, role: str) -> str:
    """Trust the public key in `path` for `role`; returns its key id. It is copied, named by its id."""
    key = load_public_key(path)
    kid = key_id(key)
    folder = user_keys_dir(role)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, folder / f"{kid}.pub")
    return kid


def developer_mode_setting() -> bool:
    """The `developer_mode` setting from the shell's settings file, read without Qt; off when unreadable."""
    try:
        data = json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))
        return data.get("shell", {}).get("developer_mode") is True
    except (OSError, ValueError, AttributeError):
        return False


@dataclass(frozen=True)
class Trust:
    source: str  # "store" or "developer": which signature made the package acceptable
    key_id: str  # the key that vouched for it


def decide(header: Header, signatures: dict[str, Signature], *, developer_mode: bool) -> Trust:
    """Whether these signatures make the package installable here; PackageError with the reason if not."""
    developer, store = signatures.get("developer"), signatures.get("store")
    for sig in (developer, store):
        if sig is not None and not verify(sig, header, developer):
            raise PackageError(f"META/signatures/{sig.role}.sig: does not verify (the package was altered after "
                               f"signing, or the signature was) — key {sig.key_id}")
    if developer is None and store is None:
        raise PackageError(f"{header.id} {header.version}: not signed; install needs a developer signature and a "
                           "store signature")
    if store is not None:
        if store.key_id in trusted_keys("store"):
            if developer is None and not developer_mode:
                raise PackageError(f"{header.id} {header.version}: no developer signature; outside developer "
                                   "mode both signatures are required")
            return Trust("store", store.key_id)
        if not developer_mode:
            raise PackageError(f"META/signatures/store.sig: signed by key {store.key_id}, which is not a trusted "
                               "store key")
    if developer is None:
        raise PackageError(f"META/signatures/store.sig: signed by key {store.key_id}, which is not a trusted store "
                           "key, and there is no developer signature")
    if not developer_mode:
        raise PackageError(f"{header.id} {header.version}: only a developer signature (key {developer.key_id}); "
                           "a store signature is required unless developer mode is on")
    if developer.key_id not in trusted_keys("developer"):
        raise PackageError(f"META/signatures/developer.sig: signed by key {developer.key_id}, which is not a "
                           "trusted developer key (headunit plugins trust-key FILE --developer)")
    return Trust("developer", developer.key_id)
