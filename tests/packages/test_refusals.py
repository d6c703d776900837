"""An attacker's packages: each is refused with a reason that names what is wrong, and nothing on disk changes
(the data folder, where plugins are installed, and the config folder are compared file by file)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
import time
import zlib
from pathlib import Path

import pytest

from headunit.packages import format as package_format
from headunit.packages.format import MAX_FILE_SIZE, MAX_PACKAGE_SIZE, PackageError, records_digest
from headunit.packages.installer import Installer
from headunit.packages.signing import sign
from headunit.packages.trust import add_trusted_key
from tests.packages.conftest import (PLUGIN_ID, always, disk, entry, header_bytes, header_of, members, rewrite,
                                     write_raw)


@pytest.fixture
def installed(make_package) -> Installer:
    """Version 1.0.0 installed and running, so a refusal must also leave an existing plugin as it was."""
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    return installer


def refused(installer: Installer, package: Path, *reason: str) -> str:
    """Install is refused naming every part of `reason`, inspect agrees, and nothing on disk changed."""
    before = disk()
    consent = always(True)
    with pytest.raises(PackageError) as caught:
        installer.install(package, consent=consent)
    message = str(caught.value)
    for part in reason:
        assert part in message, message
    assert not consent.asked, "asked for consent before the package was verified"
    assert disk() == before
    with pytest.raises(PackageError):
        installer.inspect(package)
    assert disk() == before
    return message


def with_file(entries, name: str, data: bytes):
    """Replace one file's bytes, keeping the header (and the signatures) as they were."""
    out = []
    for info, old in entries:
        if info.name == name:
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            old = data
        out.append((info, old))
    return out


def before_signatures(entries, *extra):
    """The entries with `extra` inserted after the files, before the signatures (as a packer would put them)."""
    files = [e for e in entries if not e[0].name.startswith("META/signatures/")]
    sigs = [e for e in entries if e[0].name.startswith("META/signatures/")]
    return files + list(extra) + sigs


# Altered contents and headers


def test_a_file_altered_after_signing_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    bad = rewrite(good, tmp_path / "bad.hupkg",
                  lambda e: with_file(e, "files/main.py", b"import os; os.system('rm -rf ~')  # same size?\n"))
    refused(installed, bad, "files/main.py", "bytes but the header records")
    same_size = b"x" * len(dict((i.name, d) for i, d in members(good))["files/main.py"])
    bad = rewrite(good, tmp_path / "bad2.hupkg", lambda e: with_file(e, "files/main.py", same_size))
    refused(installed, bad, "files/main.py", "does not match the header's sha256")


def test_a_header_altered_after_signing_is_refused(installed, make_package, tmp_path):
    """The attacker edits the header's records to match a swapped file, and the digest with them: the
    signatures no longer verify."""
    good = make_package("1.1.0")
    evil = b"import os\n"
    header = header_of(good)
    for record in header["files"]:
        if record["path"] == "main.py":
            record["size"], record["sha256"] = len(evil), hashlib.sha256(evil).hexdigest()
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])

    def change(entries):
        entries = with_file(entries, "files/main.py", evil)
        info, _ = entries[0]
        return [entry(info.name, header_bytes(header))] + entries[1:]

    refused(installed, rewrite(good, tmp_path / "bad.hupkg", change), "developer.sig", "does not verify")


def test_a_header_whose_digest_does_not_match_its_records_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    header = header_of(good)
    header["files"][0]["size"] += 1
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "META/header.json", "digest")


def test_a_header_promising_fewer_capabilities_than_the_manifest_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0", capabilities=("storage", "location"))
    header = header_of(good)
    header["capabilities"] = ["storage"]
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "META/header.json", "capabilities", "location")


def test_a_header_that_is_not_first_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: e[1:2] + e[:1] + e[2:])
    refused(installed, bad, "the first entry must be META/header.json")


def test_an_extra_file_and_a_missing_file_are_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    extra = rewrite(good, tmp_path / "extra.hupkg",
                    lambda e: before_signatures(e, entry("files/qml/Extra.qml", b"import QtQuick\nItem {}\n")))
    refused(installed, extra, "files/qml/Extra.qml", "does not list")
    missing = rewrite(good, tmp_path / "missing.hupkg", lambda e: [x for x in e if x[0].name != "files/main.py"])
    refused(installed, missing, "files/main.py", "missing")


def test_a_duplicate_entry_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    twice = rewrite(good, tmp_path / "bad.hupkg",
                    lambda e: before_signatures(e, *[x for x in e if x[0].name == "files/main.py"]))
    refused(installed, twice, "files/main.py", "appears twice")


def test_an_entry_outside_files_and_meta_is_refused(installed, make_package, tmp_path):
    bad = rewrite(make_package("1.1.0"), tmp_path / "bad.hupkg",
                  lambda e: before_signatures(e, entry("plugin.toml", b"x")))
    refused(installed, bad, "plugin.toml", "outside files/ and META/")


# Signatures


def test_an_unsigned_package_is_refused(installed, make_package):
    refused(installed, make_package("1.1.0", signed=()), "not signed")


def test_a_package_signed_by_an_untrusted_store_key_is_refused(installed, make_package, keys):
    package = make_package("1.1.0", signed=("developer",))
    sign(package, keys.rogue_store, "store")
    refused(installed, package, "store.sig", "not a trusted store key")


def test_a_developer_signature_alone_is_refused_outside_developer_mode(installed, make_package, keys):
    add_trusted_key(Path(f"{keys.developer}.pub"), "developer")  # even a trusted developer key is not enough
    message = refused(installed, make_package("1.1.0", signed=("developer",)), "only a developer signature",
                      "unless developer mode is on")
    assert PLUGIN_ID in message


def test_in_developer_mode_an_untrusted_developer_key_is_refused(make_package):
    refused(Installer(developer_mode=True), make_package("1.0.0", signed=("developer",)),
            "developer.sig", "not a trusted developer key")


def test_a_store_signature_alone_is_refused_outside_developer_mode(installed, make_package):
    refused(installed, make_package("1.1.0", signed=("store",)), "no developer signature")


def test_the_store_signature_covers_the_developer_signature(installed, make_package, keys, tmp_path):
    """Another developer's valid signature over the same header cannot replace the one the store vouched for."""
    good = make_package("1.1.0")
    other = tmp_path / "other.hupkg"
    other.write_bytes(good.read_bytes())
    from headunit.packages.signing import generate_key

    generate_key(tmp_path / "other-developer.pem")
    sign(other, tmp_path / "other-developer.pem", "developer")  # drops the store signature
    other_sig = {i.name: (i, d) for i, d in members(other)}["META/signatures/developer.sig"]
    swapped = rewrite(good, tmp_path / "bad.hupkg",
                      lambda e: [other_sig if i.name == other_sig[0].name else (i, d) for i, d in e])
    refused(installed, swapped, "store.sig", "does not verify")


def test_signatures_moved_from_another_package_do_not_verify(installed, make_package, tmp_path):
    genuine = {i.name: (i, d) for i, d in members(make_package("1.1.0"))}
    forged = make_package("1.2.0", signed=(), capabilities=("storage", "network"))
    bad = rewrite(forged, tmp_path / "bad.hupkg",
                  lambda e: e + [genuine["META/signatures/developer.sig"], genuine["META/signatures/store.sig"]])
    refused(installed, bad, "does not verify")


# Entries that would escape or are not plain files


@pytest.mark.parametrize(("name", "kind", "link", "reason"), [
    ("files/../../../.bashrc", tarfile.REGTYPE, "", "'..'"),
    ("files/qml/../../escape.qml", tarfile.REGTYPE, "", "'..'"),
    ("/etc/cron.d/evil", tarfile.REGTYPE, "", "an absolute path"),
    ("/files/qml/Main.qml", tarfile.REGTYPE, "", "an absolute path"),
    ("files/qml/passwd", tarfile.SYMTYPE, "/etc/passwd", "a symbolic link"),
    ("files/qml", tarfile.SYMTYPE, "../../../..", "a symbolic link"),
    ("files/qml/hard", tarfile.LNKTYPE, "/etc/shadow", "a hard link"),
    ("files/null", tarfile.CHRTYPE, "", "a device"),
    ("files/fifo", tarfile.FIFOTYPE, "", "a device or pipe"),
    ("files/qml", tarfile.DIRTYPE, "", "a directory entry"),
    ("files/./qml/Main.qml", tarfile.REGTYPE, "", "an empty or '.' part"),
    ("files\\..\\evil.py", tarfile.REGTYPE, "", "a backslash"),
])
def test_entries_that_are_links_devices_or_escape_the_folder_are_refused(installed, make_package, tmp_path, name,
                                                                         kind, link, reason):
    data = b"evil\n" if kind == tarfile.REGTYPE else b""
    bad = rewrite(make_package("1.1.0"), tmp_path / "bad.hupkg",
                  lambda e: e[:1] + [entry(name, data, kind=kind, link=link)] + e[1:])
    refused(installed, bad, name, reason)


def test_a_link_entry_is_refused_even_where_a_listed_file_should_be(installed, make_package, tmp_path):
    """The header lists qml/Main.qml; the archive holds a symbolic link by that name instead."""
    good = make_package("1.1.0")
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [
        entry(i.name, kind=tarfile.SYMTYPE, link="/etc/passwd") if i.name == "files/qml/Main.qml" else (i, d)
        for i, d in e])
    refused(installed, bad, "files/qml/Main.qml", "a symbolic link")


def test_a_header_listing_an_escaping_path_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    header = header_of(good)
    header["files"].append({"path": "../outside", "size": 1, "sha256": "0" * 64})
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "META/header.json", "'../outside'", "'..'")


def test_a_file_also_used_as_a_folder_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    header = header_of(good)
    header["files"].append({"path": "main.py/inner.py", "size": 1, "sha256": "0" * 64})
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "'main.py'", "both a file and a folder")


# Size and compression bombs


class Zeros(io.RawIOBase):
    """`size` zero bytes, made as they are read: a gigabyte without a gigabyte in memory or on disk."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = bytes(n)
        self.left -= n
        return n


def zeros_sha256(size: int) -> str:
    h, chunk = hashlib.sha256(), bytes(1024 * 1024)
    for _ in range(size // len(chunk)):
        h.update(chunk)
    h.update(bytes(size % len(chunk)))
    return h.hexdigest()


def bomb_package(good: Path, target: Path, size: int) -> Path:
    """`good` with files/zeros.bin of `size` zero bytes, listed honestly in its header, streamed through the
    compressor (level 1: fast) so the test never holds or writes the unpacked bytes."""
    header = header_of(good)
    header["files"].append({"path": "zeros.bin", "size": size, "sha256": zeros_sha256(size)})
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])
    entries = members(good)
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=1) as gz, \
            tarfile.open(fileobj=gz, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        info, data = entry("META/header.json", header_bytes(header))
        tar.addfile(info, io.BytesIO(data))
        for info, data in entries[1:]:
            if info.name.startswith("META/signatures/"):
                zeros = tarfile.TarInfo("files/zeros.bin")
                zeros.size, zeros.mode = size, 0o644
                tar.addfile(zeros, io.BufferedReader(Zeros(size), 1024 * 1024))
            tar.addfile(info, io.BytesIO(data))
    return target


def test_a_gigabyte_of_zeros_compressed_is_refused_by_its_size(installed, make_package, tmp_path):
    bomb = bomb_package(make_package("1.1.0"), tmp_path / "bomb.hupkg", 1024 ** 3)
    assert bomb.stat().st_size < 16 * 1024 * 1024  # over a hundred times smaller than what it unpacks to
    started = time.monotonic()
    refused(installed, bomb, "zeros.bin", str(1024 ** 3), "more than the", "one file may be")
    assert time.monotonic() - started < 10  # refused from the header, not after inflating a gigabyte


def test_a_compression_bomb_within_the_size_limits_is_stopped_while_it_inflates(installed, make_package, tmp_path):
    """Each file under the per-file cap, so the header passes; the ratio gives it away as it streams."""
    bomb = bomb_package(make_package("1.1.0"), tmp_path / "bomb.hupkg", MAX_FILE_SIZE - 1)
    refused(installed, bomb, "files/zeros.bin", "compression bomb")


def test_a_bomb_after_the_end_of_the_archive_is_stopped(installed, make_package, tmp_path):
    """A gigabyte of zeros after the tar's end marker: read past, it must not be inflated in full."""
    good = make_package("1.1.0")
    target = tmp_path / "bomb.hupkg"
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=1) as gz:
        with tarfile.open(fileobj=gz, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            for info, data in members(good):
                tar.addfile(info, io.BytesIO(data))
        chunk = bytes(1024 * 1024)
        for _ in range(1024):
            gz.write(chunk)
    started = time.monotonic()
    refused(installed, target, "compression bomb")
    assert time.monotonic() - started < 10


def test_data_after_the_archive_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    target = tmp_path / "trailing.hupkg"
    target.write_bytes(good.read_bytes() + gzip.compress(b"#!/bin/sh\n"))
    refused(installed, target, "data after the end of the compressed archive")
    padded = write_raw(tmp_path / "padded.hupkg", members(good), trailer=b"\0" * 1024 + b"hidden")
    refused(installed, padded, "data after the end of the archive")
    # Hidden in the last tar record, right after the two zero blocks that end the archive.
    plain = gzip.decompress(write_raw(tmp_path / "plain.hupkg", members(good)).read_bytes())
    end = plain.rindex(b"}\n") + 512 - (plain.rindex(b"}\n") % 512) + 1024  # past the last member and the end blocks
    inside = tmp_path / "inside.hupkg"
    inside.write_bytes(gzip.compress(plain[:end] + b"hidden" + plain[end + 6:]))
    assert len(plain) % 10240 == 0 and end + 6 <= len(plain)
    refused(installed, inside, "data after the end of the archive")


def test_an_oversized_package_file_is_refused_before_it_is_read(installed, tmp_path):
    big = tmp_path / "big.hupkg"
    with big.open("wb") as f:
        f.truncate(MAX_PACKAGE_SIZE + 1)  # sparse: no disk used
    refused(installed, big, "big.hupkg", "more than the", "a package may be")


def test_a_package_too_large_in_total_is_refused_from_its_header(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    header = header_of(good)
    header["files"] += [{"path": f"data/{i}.bin", "size": MAX_FILE_SIZE, "sha256": "0" * 64} for i in range(5)]
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "META/header.json", "bytes unpacked, more than the")


def test_too_many_files_are_refused_from_the_header(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    header = header_of(good)
    header["files"] += [{"path": f"f/{i}", "size": 0, "sha256": hashlib.sha256(b"").hexdigest()}
                        for i in range(package_format.MAX_ENTRIES)]
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "files:", "more than the")


@pytest.mark.parametrize("content", [b"", b"not gzip at all", gzip.compress(b"not a tar", mtime=0),
                                     zlib.compress(b"deflate, not gzip")],
                         ids=["empty", "not-gzip", "gzip-not-tar", "deflate"])
def test_what_is_not_a_package_is_refused(installed, tmp_path, content):
    junk = tmp_path / "junk.hupkg"
    junk.write_bytes(content)
    refused(installed, junk, "junk.hupkg")


def test_a_truncated_package_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0").read_bytes()
    cut = tmp_path / "cut.hupkg"
    cut.write_bytes(good[: len(good) * 2 // 3])
    refused(installed, cut)


def test_a_manifest_that_fails_the_host_check_is_refused_and_the_running_version_stays(installed, make_package,
                                                                                       keys, tmp_path):
    """Schema-valid, but its page is not in the package: refused after staging, which is removed."""
    good = make_package("1.1.0", signed=())
    header = header_of(good)
    header["files"] = [r for r in header["files"] if r["path"] != "qml/Main.qml"]
    header["digest"] = records_digest([package_format.FileRecord(**r) for r in header["files"]])
    package = rewrite(good, tmp_path / "no-page.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + [
        (i, d) for i, d in e[1:] if i.name != "files/qml/Main.qml"])
    sign(package, keys.developer, "developer")  # a real developer's mistake, signed and passed by the store
    sign(package, keys.store, "store")
    refused(installed, package, "files/plugin.toml", "entry.page", "qml/Main.qml")
    assert installed.installed()[0].version == "1.0.0"
    assert 'version = "1.0.0"' in (installed.plugins_dir / PLUGIN_ID / "plugin.toml").read_text()


def test_a_header_with_another_api_is_refused(installed, make_package, tmp_path):
    good = make_package("1.1.0")
    header = header_of(good)
    header["api"] = 2
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header_bytes(header))] + e[1:])
    refused(installed, bad, "META/header.json", "api")


def test_read_header_reads_nothing_but_the_header(make_package, tmp_path):
    """The manifest comes from the first entry: a package whose files are damaged still shows its header."""
    good = make_package("1.0.0", capabilities=("storage", "location"))
    damaged = rewrite(good, tmp_path / "damaged.hupkg", lambda e: with_file(e, "files/main.py", b"!"))
    header = package_format.read_header(damaged)
    assert (header.id, header.version, header.capabilities) == (PLUGIN_ID, "1.0.0", ("location", "storage"))
    assert "capabilities" in header.manifest_text
    with pytest.raises(PackageError, match="files/main.py"):
        package_format.signatures(damaged)
    assert json.loads(header.raw)["digest"] == header.digest
    assert os.path.getsize(damaged) > 0


def test_a_header_with_a_key_twice_is_refused(installed, make_package, tmp_path):
    """Two `capabilities` keys: one JSON reader would take the first, another the last."""
    good = make_package("1.1.0")
    raw = members(good)[0][1].decode()
    twice = raw.replace('"capabilities":', '"capabilities": ["storage"],\n  "capabilities":', 1).encode()
    bad = rewrite(good, tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, twice)] + e[1:])
    refused(installed, bad, "META/header.json", "'capabilities' appears twice")


@pytest.mark.parametrize("header", [b"[" * 100_000 + b"]" * 100_000, b'{"format": 1, "id": "\\udc80"}',
                                    b"\xff\xfe", b'"a string"'])
def test_a_header_that_would_trip_a_json_reader_is_refused(installed, make_package, tmp_path, header):
    bad = rewrite(make_package("1.1.0"), tmp_path / "bad.hupkg", lambda e: [entry(e[0][0].name, header)] + e[1:])
    refused(installed, bad, "META/header.json")


def test_damaged_bytes_anywhere_are_refused_cleanly(installed, make_package, tmp_path):
    """A few random bytes changed inside the archive, 300 times: each read ends in a PackageError (or, where
    only tar padding was hit, the package still verifies); nothing else escapes and nothing is written."""
    import random

    good = make_package("1.1.0")
    plain = gzip.decompress(good.read_bytes())
    rng = random.Random(18)
    before = disk()
    target = tmp_path / "damaged.hupkg"
    for _ in range(300):
        data = bytearray(plain)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        target.write_bytes(gzip.compress(bytes(data)))
        try:
            installed.inspect(target)
        except PackageError:
            pass
    assert disk() == before
