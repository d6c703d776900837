"""Ed25519 keys and the detached signatures in a package.

A developer signature signs `header.json` (which holds every file's sha256, so it covers the files). The store
signature signs the header and the developer signature together: the store vouches for this developer's
package, and neither can be swapped for another's without breaking it. Each signature message starts with its
role, so one role's signature can never be passed off as the other's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from headunit.packages.format import (FILES_PREFIX, HEADER_NAME, ROLES, SIGNATURE_DIR, Header, PackageError,
                                      Signature, read, write_package)

Role = Literal["developer", "store"]


def key_id(public_key: Ed25519PublicKey | bytes) -> str:
    """The first 16 hex digits of the SHA-256 of the raw public key."""
    raw = public_key if isinstance(public_key, bytes) else _raw(public_key)
    return hashlib.sha256(raw).hexdigest()[:16]


def _raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def generate_key(path: Path) -> str:
    """A new Ed25519 key: the private key as PEM at `path` (mode 0600) and the public one at `path.pub`.
    Returns the key id. An existing key is never overwritten."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path}: already exists; a key is not overwritten")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    Path(f"{path}.pub").write_bytes(public_pem(key.public_key()))
    return key_id(key.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """An Ed25519 private key from a PEM file (comment lines before it are allowed)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    start = data.find(b"-----BEGIN")
    try:
        key = serialization.load_pem_private_key(data[max(start, 0):], password=None)
    except (ValueError, TypeError) as exc:
        raise PackageError(f"{path}: not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackageError(f"{path}: not an Ed25519 key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """An Ed25519 public key from a PEM file (`*.pub`, as generate_key writes)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    start = data.find(b"-----BEGIN")
    try:
        key = serialization.load_pem_public_key(data[max(start, 0):])
    except (ValueError, TypeError) as exc:
        raise PackageError(f"{path}: not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise PackageError(f"{path}: not an Ed25519 public key")
    return key


def message(role: str, header: Header, developer: Signature | None) -> bytes:
    """What a role signs: the role's name, then the header's SHA-256, and for the store the developer
    signature's SHA-256 (empty when there is none)."""
    parts = [f"headunit-package/{role}/1\n".encode(), hashlib.sha256(header.raw).digest()]
    if role == "store":
        parts.append(hashlib.sha256(developer.raw if developer else b"").digest())
    return b"".join(parts)


def verify(signature: Signature, header: Header, developer: Signature | None) -> bool:
    """Whether `signature` is its embedded key's signature over this package; trust in the key is trust.py's."""
    if key_id(signature.public_key) != signature.key_id:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(signature.public_key).verify(
            signature.signature, message(signature.role, header, developer))
    except (InvalidSignature, ValueError):
        return False
    return True


def sign(package: Path, key_path: Path, role: Role = "developer") -> None:
    """Add or replace `role`'s signature. The package is read in full and checked first (nothing invalid is
    signed), then rewritten beside itself and renamed over it. A new developer signature drops the store's,
    which covered the old one."""
    if role not in ROLES:
        raise PackageError(f"{role}: not a signature role (developer or store)")
    package = Path(package)
    key = load_private_key(key_path)
    staging = Path(tempfile.mkdtemp(prefix=".sign-", dir=package.parent))
    try:
        contents = read(package, staging)
        header, sigs = contents.header, dict(contents.signatures)
        if role == "developer":
            sigs.pop("store", None)
        developer = sigs.get("developer")
        new = Signature(role, key_id(key.public_key()), _raw(key.public_key()),
                        key.sign(message(role, header, developer)))
        sigs[role] = Signature(new.role, new.key_id, new.public_key, new.signature,
                               json.dumps(new.as_json(), indent=2).encode() + b"\n")
        members: list[tuple[str, bytes | Path]] = [(HEADER_NAME, header.raw)]
        members += [(FILES_PREFIX + r.path, staging / r.path) for r in sorted(header.files, key=lambda r: r.path)]
        members += [(f"{SIGNATURE_DIR}/{r}.sig", sigs[r].raw) for r in ROLES if r in sigs]
        write_package(package, members)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
