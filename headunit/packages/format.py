"""The plugin package: `<id>-<version>.hupkg`, a gzip'd tar read as a stream, never extracted wholesale.

Members, in this order (docs/package-format.md):

- `META/header.json`: format, id, version, api, name, capabilities, the manifest text, the file records
  (path, size, sha256) and `digest`, the SHA-256 over those records. It comes first so the manifest is read
  without unpacking anything else.
- `files/...`: the plugin folder's files, regular files only.
- `META/signatures/developer.sig`, `META/signatures/store.sig`: detached Ed25519 signatures (signing.py).

A package comes from strangers, so reading one trusts nothing in it: every entry's type, path and size are
checked before its bytes are read, the gzip stream is inflated here with caps on size and ratio (a bomb is
stopped while it inflates, not after), and every file must match its record in the header.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import tarfile
import tempfile
import tomllib
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from headunit.host.manifest import MANIFEST_FILE, ManifestError, ValidationCache, load_manifest

FORMAT = 1
SUFFIX = ".hupkg"
HEADER_NAME = "META/header.json"
SIGNATURE_DIR = "META/signatures"
ROLES = ("developer", "store")
FILES_PREFIX = "files/"

# Limits: a plugin is QML, Python, translations and a few images; these leave room for that and refuse
# what could fill the car's storage or memory.
MAX_PACKAGE_SIZE = 64 * 1024 * 1024  # the .hupkg file itself, compressed
MAX_FILE_SIZE = 32 * 1024 * 1024  # one file, unpacked
MAX_TOTAL_SIZE = 128 * 1024 * 1024  # every file together, unpacked
MAX_ENTRIES = 2000  # files in a package
MAX_PATH_LENGTH = 240  # characters in an entry's path
MAX_HEADER_SIZE = 1024 * 1024
MAX_SIGNATURE_SIZE = 4096
#: Inflating more than this many times the compressed bytes read so far, past the first RATIO_FLOOR bytes, is a
#: compression bomb (text compresses 3-10 times, a run of zeros 1000 times).
MAX_RATIO = 100
RATIO_FLOOR = 4 * 1024 * 1024
_TAR_OVERHEAD = 1024  # a tar header and the padding after a file's last block, at most
_CHUNK = 64 * 1024
_HEX64 = re.compile(r"[0-9a-f]{64}")


class PackageError(Exception):
    """A package that cannot be used; the message names the entry (or field) and the reason."""


@dataclass(frozen=True)
class FileRecord:
    path: str  # relative to the plugin folder, such as qml/Main.qml
    size: int
    sha256: str

    def as_json(self) -> dict:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class Header:
    id: str
    version: str
    api: int
    name: str
    capabilities: tuple[str, ...]
    digest: str
    manifest_text: str
    files: tuple[FileRecord, ...] = ()
    raw: bytes = field(default=b"", repr=False)  # header.json as stored: what the signatures sign


@dataclass(frozen=True)
class Signature:
    role: str  # developer or store
    key_id: str
    public_key: bytes  # raw Ed25519 public key, 32 bytes
    signature: bytes  # 64 bytes
    raw: bytes = field(default=b"", repr=False)  # the .sig member as stored (the store signature covers it)

    def as_json(self) -> dict:
        return {"role": self.role, "key_id": self.key_id,
                "public_key": base64.b64encode(self.public_key).decode(),
                "signature": base64.b64encode(self.signature).decode()}


def records_digest(records: tuple[FileRecord, ...] | list[FileRecord]) -> str:
    """SHA-256 over the file records sorted by path, one `path\\0size\\0sha256\\n` line each."""
    h = hashlib.sha256()
    for record in sorted(records, key=lambda r: r.path):
        h.update(f"{record.path}\0{record.size}\0{record.sha256}\n".encode())
    return h.hexdigest()


def package_name(plugin_id: str, version: str) -> str:
    return f"{plugin_id}-{version}{SUFFIX}"


# Writing


def pack(folder: Path, out_dir: Path) -> Path:
    """Pack a plugin folder (its manifest checked first) into `out_dir/<id>-<version>.hupkg`, unsigned."""
    folder = Path(folder)
    try:
        manifest = load_manifest(folder, id_is_folder=False)
    except ManifestError as exc:
        raise PackageError(str(exc)) from None
    files = _folder_files(folder)
    records = [FileRecord(rel, path.stat().st_size, _file_sha256(path)) for rel, path in files]
    manifest_text = (folder / MANIFEST_FILE).read_text(encoding="utf-8")
    header = {
        "format": FORMAT, "id": manifest.id, "version": manifest.version, "api": manifest.api,
        "name": manifest.name, "capabilities": sorted(manifest.capabilities), "manifest": manifest_text,
        "files": [r.as_json() for r in records], "digest": records_digest(records),
    }
    header_bytes = json.dumps(header, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    _check_header_bytes(header_bytes)  # what the installer refuses, pack refuses too
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / package_name(manifest.id, manifest.version)
    members = [(HEADER_NAME, header_bytes)] + [(FILES_PREFIX + rel, path) for rel, path in files]
    write_package(target, members)
    return target


def _folder_files(folder: Path) -> list[tuple[str, Path]]:
    """Every regular file in the folder by its relative POSIX path, sorted; caches and VCS folders left out.
    A symbolic link is refused rather than followed: the package would carry what it points at."""
    skipped_dirs = {"__pycache__", ".git", ".hg", ".svn", ".pytest_cache", ".ruff_cache", ".mypy_cache"}
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in skipped_dirs)
        for d in dirs:
            if (Path(root) / d).is_symlink():
                raise PackageError(f"{Path(root, d)}: a symbolic link; packages hold regular files only")
        for name in names:
            path = Path(root) / name
            if name.endswith((".pyc", ".hupkg")) or name == ".DS_Store":
                continue
            if path.is_symlink() or not path.is_file():
                raise PackageError(f"{path}: not a regular file (a link or a device); packages hold regular files only")
            found.append((path.relative_to(folder).as_posix(), path))
    if len(found) > MAX_ENTRIES:
        raise PackageError(f"{folder}: {len(found)} files, more than the {MAX_ENTRIES} a package may hold")
    return sorted(found)


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def write_package(target: Path, members: list[tuple[str, bytes | Path]]) -> None:
    """Write members (bytes or a file's path) in order as a package,
    atomically: a temporary file beside `target`, renamed over it."""
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as raw, _gzip_writer(raw) as gz, \
                tarfile.open(fileobj=gz, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            for name, content in members:
                info = tarfile.TarInfo(name)
                info.mode, info.mtime, info.uname, info.gname = 0o644, 0, "", ""
                if isinstance(content, bytes):
                    info.size = len(content)
                    tar.addfile(info, io.BytesIO(content))
                else:
                    info.size = content.stat().st_size
                    with content.open("rb") as f:
                        tar.addfile(info, f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _gzip_writer(raw: BinaryIO):
    import gzip

    # mtime 0 and no file name: the same folder packs to the same bytes.
    return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0)


# Reading


class _Inflater(io.RawIOBase):
    """The package's gzip stream inflated on demand, refusing a bomb as it inflates: more bytes than any
    allowed package unpacks to, or a ratio past MAX_RATIO once past RATIO_FLOOR."""

    def __init__(self, raw: BinaryIO, where: Callable[[], str]):
        self._raw, self._where = raw, where
        self._inflate = zlib.decompressobj(wbits=31)  # gzip framing
        self._pending = b""
        self.compressed = self.inflated = 0
        self._limit = MAX_TOTAL_SIZE + MAX_HEADER_SIZE + len(ROLES) * MAX_SIGNATURE_SIZE \
            + (MAX_ENTRIES + 4) * _TAR_OVERHEAD + 20 * 512

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        want = len(buffer)
        while not self._pending and not self._inflate.eof:
            data = self._inflate.unconsumed_tail
            if not data:
                data = self._raw.read(_CHUNK)
                self.compressed += len(data)
                if not data:
                    raise PackageError(f"{self._where()}: the package ends early (truncated or not gzip'd)")
            try:
                self._pending = self._inflate.decompress(data, max(want, _CHUNK))
            except zlib.error as exc:
                raise PackageError(f"{self._where()}: damaged compressed data ({exc})") from None
            self.inflated += len(self._pending)
            if self.inflated > self._limit:
                raise PackageError(f"{self._where()}: unpacks to more than {self._limit} bytes, past the package "
                                   f"size limits (a compression bomb)")
            if self.inflated > RATIO_FLOOR and self.inflated > MAX_RATIO * max(self.compressed, 1):
                raise PackageError(f"{self._where()}: compressed more than {MAX_RATIO} times "
                                   f"({self.inflated} bytes from {self.compressed}), a compression bomb")
        n = min(want, len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def check_trailer(self, tar: tarfile.TarFile, buffered: BinaryIO) -> None:
        """After the tar's end: only the tar's zero padding may follow, and nothing after the gzip stream. The
        padding starts in what tarfile's stream already buffered (`buf`, a private attribute: absent in some
        future Python, that part goes unchecked, and nothing reads it either)."""
        if getattr(tar.fileobj, "buf", b"").strip(b"\0"):
            raise PackageError(f"{self._where()}: data after the end of the archive")
        while chunk := buffered.read(_CHUNK):
            if chunk.strip(b"\0"):
                raise PackageError(f"{self._where()}: data after the end of the archive")
        if self._inflate.unused_data or self._raw.read(1):
            raise PackageError(f"{self._where()}: data after the end of the compressed archive")


@dataclass
class Contents:
    """What a full read found: the header, the signatures, and (given a target) where the files went."""
    header: Header
    signatures: dict[str, Signature]


def read_header(package: Path) -> Header:
    """The header alone, checked on its own (fields, records, digest, manifest schema); nothing else is read."""
    with _open_tar(package) as (tar, _, where):
        info = _next_member(tar, where)
        if info is None:
            raise PackageError(f"{package.name}: an empty archive; expected {HEADER_NAME} first")
        return _read_header_member(tar, info)


def signatures(package: Path) -> dict[str, Signature]:
    """The package's signatures by role, after a full read that checks every entry against the header."""
    return read(package).signatures


def read(package: Path, target: Path | None = None) -> Contents:
    """Read the whole package, checking every entry; with `target` (a new, empty folder), write the plugin's
    files into it. On any refusal a PackageError names the entry; the caller removes `target`."""
    with _open_tar(package) as (tar, inflater, where):
        info = _next_member(tar, where)
        if info is None:
            raise PackageError(f"{package.name}: an empty archive; expected {HEADER_NAME} first")
        header = _read_header_member(tar, info)
        expected = {FILES_PREFIX + r.path: r for r in header.files}
        seen: set[str] = {HEADER_NAME}
        sigs: dict[str, Signature] = {}
        while (info := _next_member(tar, where)) is not None:
            name = info.name
            if name in seen:
                raise PackageError(f"{name}: appears twice in the package")
            seen.add(name)
            if name in expected:
                if sigs:
                    raise PackageError(f"{name}: a file after the signatures; files come before them")
                _read_file(tar, info, expected[name], target)
            elif name.startswith(SIGNATURE_DIR + "/"):
                role = name[len(SIGNATURE_DIR) + 1:].removesuffix(".sig")
                if name != f"{SIGNATURE_DIR}/{role}.sig" or role not in ROLES:
                    raise PackageError(f"{name}: not a signature this format knows (developer.sig, store.sig)")
                sigs[role] = parse_signature(role, _read_small(tar, info, MAX_SIGNATURE_SIZE), name)
            elif name.startswith(FILES_PREFIX):
                raise PackageError(f"{name}: a file the header does not list (an extra file)")
            else:
                raise PackageError(f"{name}: outside files/ and META/; not part of a package")
        missing = sorted(set(expected) - seen)
        if missing:
            raise PackageError(f"{missing[0]}: listed in the header but missing from the package"
                               + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
        inflater.check_trailer(tar, where.buffered)
    return Contents(header, sigs)


class _open_tar:
    """Open a package as a streaming tar over our own inflater; PackageError for anything tarfile refuses."""

    def __init__(self, package: Path):
        self._package = Path(package)
        self.current = self._package.name

    def __enter__(self):
        try:
            size = self._package.stat().st_size
            self._file = self._package.open("rb")
        except OSError as exc:
            raise PackageError(f"{self._package}: cannot be read ({exc.strerror or exc})") from None
        if size > MAX_PACKAGE_SIZE:
            self._file.close()
            raise PackageError(f"{self._package.name}: {size} bytes, more than the {MAX_PACKAGE_SIZE} a package "
                               "may be")
        self._inflater = _Inflater(self._file, lambda: self.current)
        self.buffered = io.BufferedReader(self._inflater, buffer_size=_CHUNK)
        try:
            self._tar = tarfile.open(fileobj=self.buffered, mode="r|")
        except tarfile.TarError as exc:
            self._file.close()
            raise PackageError(f"{self._package.name}: not a package archive ({exc})") from None
        except PackageError:
            self._file.close()
            raise
        return self._tar, self._inflater, self

    def __exit__(self, kind, error, traceback) -> None:
        self._file.close()
        # Whatever else malformed input makes the parsers raise is a refusal too, naming where it happened.
        if kind is not None and issubclass(kind, (tarfile.TarError, EOFError, zlib.error, UnicodeError,
                                                  RecursionError)):
            raise PackageError(f"{self.current}: the archive is damaged here ({error})") from None

    def __call__(self, name: str) -> None:
        self.current = name


def _next_member(tar: tarfile.TarFile, where: _open_tar) -> tarfile.TarInfo | None:
    try:
        info = tar.next()
    except tarfile.TarError as exc:
        raise PackageError(f"{where.current}: the archive is damaged after this entry ({exc})") from None
    if info is None:
        return None
    where(info.name)
    _check_entry(info)
    return info


def _check_entry(info: tarfile.TarInfo) -> None:
    """The entry's type and path, before any of its bytes are read."""
    name = info.name
    if info.issym():
        raise PackageError(f"{name}: a symbolic link (to {info.linkname!r}); packages hold regular files only")
    if info.islnk():
        raise PackageError(f"{name}: a hard link (to {info.linkname!r}); packages hold regular files only")
    if info.isdev() or info.isfifo():
        raise PackageError(f"{name}: a device or pipe; packages hold regular files only")
    if info.isdir():
        raise PackageError(f"{name}: a directory entry; packages hold regular files only (folders are implied)")
    if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):  # not even sparse or contiguous files
        raise PackageError(f"{name}: an entry of tar type {info.type!r}; packages hold regular files only")
    problem = path_problem(name)
    if problem:
        raise PackageError(f"{name}: {problem}")


def path_problem(name: str) -> str | None:
    """Why an entry's path is refused, or None: absolute, `..`, empty or `.` parts, backslashes, control
    characters, too long."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "a path that is not valid UTF-8"
    if len(name) > MAX_PATH_LENGTH:
        return f"a path longer than {MAX_PATH_LENGTH} characters"
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        return "a path with control characters"
    if "\\" in name:
        return "a path with a backslash; paths use /"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path; entries are relative to the package"
    parts = name.split("/")
    if ".." in parts:
        return "a path with '..', which would escape the plugin folder"
    if any(p in ("", ".") for p in parts):
        return "a path with an empty or '.' part; paths are written plainly"
    if not (name.startswith(FILES_PREFIX) or name.startswith("META/")):
        return "outside files/ and META/; not part of a package"
    return None


def _read_small(tar: tarfile.TarFile, info: tarfile.TarInfo, limit: int) -> bytes:
    if info.size > limit:
        raise PackageError(f"{info.name}: {info.size} bytes, more than the {limit} it may be")
    stream = tar.extractfile(info)
    assert stream is not None  # a regular file, checked
    data = stream.read(info.size + 1)
    if len(data) != info.size:
        raise PackageError(f"{info.name}: the archive ends inside this entry")
    return data


def _read_header_member(tar: tarfile.TarFile, info: tarfile.TarInfo) -> Header:
    if info.name != HEADER_NAME:
        raise PackageError(f"{info.name}: the first entry must be {HEADER_NAME}")
    return _check_header_bytes(_read_small(tar, info, MAX_HEADER_SIZE))


def _check_header_bytes(raw: bytes) -> Header:
    """header.json's fields, the records and their digest, and the manifest it carries against the schema."""
    def bad(reason: str) -> PackageError:
        return PackageError(f"{HEADER_NAME}: {reason}")

    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique_keys)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise bad(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise bad("expected a JSON object")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise bad("a string that is not valid UTF-8 (an escaped lone surrogate)") from None
    if data.get("format") != FORMAT:
        raise bad(f"format: expected {FORMAT}, got {data.get('format')!r}")
    for key, kind in (("id", str), ("version", str), ("name", str), ("manifest", str), ("digest", str),
                      ("api", int), ("capabilities", list), ("files", list)):
        if type(data.get(key)) is not kind:
            raise bad(f"{key}: expected a {kind.__name__}, got {data.get(key)!r}")
    if not all(isinstance(c, str) for c in data["capabilities"]):
        raise bad("capabilities: expected a list of names")
    records = []
    for i, item in enumerate(data["files"]):
        if not (isinstance(item, dict) and set(item) == {"path", "size", "sha256"}
                and isinstance(item["path"], str) and type(item["size"]) is int and item["size"] >= 0
                and isinstance(item["sha256"], str) and _HEX64.fullmatch(item["sha256"])):
            raise bad(f"files.{i}: expected path, size and sha256 (64 hex digits), got {item!r}")
        problem = path_problem(FILES_PREFIX + item["path"])
        if problem:
            raise bad(f"files.{i}: {item['path']!r} is {problem}")
        if item["size"] > MAX_FILE_SIZE:
            raise bad(f"files.{i}: {item['path']!r} is {item['size']} bytes, more than the {MAX_FILE_SIZE} "
                      "one file may be")
        records.append(FileRecord(item["path"], item["size"], item["sha256"]))
    if len(records) > MAX_ENTRIES:
        raise bad(f"files: {len(records)} files, more than the {MAX_ENTRIES} a package may hold")
    paths = [r.path for r in records]
    if len(set(paths)) != len(paths):
        raise bad(f"files: {next(p for p in paths if paths.count(p) > 1)!r} is listed twice")
    as_folders = {"/".join(p.split("/")[:i]) for p in paths for i in range(1, p.count("/") + 1)}
    clash = sorted(set(paths) & as_folders)
    if clash:
        raise bad(f"files: {clash[0]!r} is both a file and a folder")
    total = sum(r.size for r in records)
    if total > MAX_TOTAL_SIZE:
        raise bad(f"files: {total} bytes unpacked, more than the {MAX_TOTAL_SIZE} a package may hold")
    if records_digest(records) != data["digest"]:
        raise bad("digest: does not match the file records (the header was altered)")
    manifest_text = data["manifest"]
    manifest_record = next((r for r in records if r.path == MANIFEST_FILE), None)
    if manifest_record is None:
        raise bad(f"files: no {MANIFEST_FILE}")
    if hashlib.sha256(manifest_text.encode("utf-8")).hexdigest() != manifest_record.sha256:
        raise bad(f"manifest: differs from files/{MANIFEST_FILE}")
    try:
        manifest = tomllib.loads(manifest_text)
        problems = ValidationCache(None).errors(manifest_text, manifest)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise bad(f"manifest: not valid TOML ({exc})") from None
    if problems:
        raise bad(f"manifest: {problems[0]}")
    for key in ("id", "version", "api", "name"):
        if manifest[key] != data[key]:
            raise bad(f"{key}: {data[key]!r} but the manifest says {manifest[key]!r}")
    if sorted(manifest.get("capabilities", [])) != sorted(data["capabilities"]):
        raise bad(f"capabilities: {sorted(data['capabilities'])} but the manifest says "
                  f"{sorted(manifest.get('capabilities', []))}")
    return Header(id=data["id"], version=data["version"], api=data["api"], name=data["name"],
                  capabilities=tuple(sorted(data["capabilities"])), digest=data["digest"],
                  manifest_text=manifest_text, files=tuple(records), raw=raw)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are all different: with a key twice, two readers could see two headers."""
    keys = [k for k, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise ValueError(f"{key!r} appears twice")
    return dict(pairs)


def _read_file(tar: tarfile.TarFile, info: tarfile.TarInfo, record: FileRecord, target: Path | None) -> None:
    """Stream one file, hashing it, into target (if any); refused unless it matches its record."""
    if info.size != record.size:
        raise PackageError(f"{info.name}: {info.size} bytes but the header records {record.size}")
    stream = tar.extractfile(info)
    assert stream is not None
    h = hashlib.sha256()
    out = None
    if target is not None:
        path = target / record.path
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL and O_NOFOLLOW: never write through something already there.
        out = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644), "wb")
    try:
        left = info.size
        while left:
            chunk = stream.read(min(_CHUNK, left))
            if not chunk:
                raise PackageError(f"{info.name}: the archive ends inside this file")
            left -= len(chunk)
            h.update(chunk)
            if out:
                out.write(chunk)
    finally:
        if out:
            out.close()
    if h.hexdigest() != record.sha256:
        raise PackageError(f"{info.name}: its content does not match the header's sha256 (the file was altered)")


def parse_signature(role: str, raw: bytes, where: str) -> Signature:
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique_keys)
        public_key = base64.b64decode(data["public_key"], validate=True)
        signature = base64.b64decode(data["signature"], validate=True)
        key_id = data["key_id"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise PackageError(f"{where}: not a signature (expected JSON with key_id, public_key and signature: "
                           f"{exc})") from None
    if data.get("role", role) != role or not isinstance(key_id, str) or not re.fullmatch(r"[0-9a-f]{16}", key_id) \
            or len(public_key) != 32 or len(signature) != 64:
        raise PackageError(f"{where}: not an Ed25519 {role} signature")
    return Signature(role, key_id, public_key, signature, raw)
