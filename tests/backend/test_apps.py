"""The app store's backend: the catalog served as signed TUF metadata, publish and revoke, malformed requests."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import Metadata

from headunit.packages import format as package_format
from headunit.packages import signing
from headunit.packages.appstore import TRUSTED_ROOT
from headunit_backend.app import create_app
from headunit_backend.apps_demo import DEMO_APPS, DEMO_DEVELOPER_KEY
from headunit_backend.apps_repo import DEMO_STORE_KEY, Keys, app_metadata
from headunit_backend.cli import main
from tests.backend.conftest import TestClient

ROLES = ("timestamp", "snapshot", "targets")


def verify(root: Metadata, role: str, md: Metadata) -> None:
    root.signed.verify_delegate(role, md.signed_bytes, md.signatures)


def signed(http: TestClient, name: str) -> Metadata:
    answer = http.get(f"/v1/apps/metadata/{name}")
    assert answer.status_code == 200, answer.text
    return Metadata.from_bytes(answer.content)


def targets(http: TestClient) -> dict:
    return signed(http, "targets.json").signed.targets


def developer_package(tmp_path: Path, app: str = "com.example.units", version: str = "1.1.0",
                      capabilities: list[str] | None = None) -> Path:
    """A demo app at a new version, packed and signed by its developer, as a developer would upload it."""
    folder = tmp_path / "src" / app
    shutil.copytree(DEMO_APPS / app, folder)
    manifest = (folder / "plugin.toml").read_text().replace('version = "1.0.0"', f'version = "{version}"')
    if capabilities:
        manifest = manifest.replace("[name_translations]",
                                    f"capabilities = {json.dumps(capabilities)}\n\n[name_translations]")
    (folder / "plugin.toml").write_text(manifest)
    package = package_format.pack(folder, tmp_path / "out")
    signing.sign(package, DEMO_DEVELOPER_KEY, role="developer")
    return package


@pytest.fixture
def store(sqlite_url: str):
    with TestClient(create_app(sqlite_url, sweep_interval=0)) as http:
        yield http


def test_every_role_is_served_without_a_token_and_signed_by_the_keys_the_shipped_root_names(client):
    root = Metadata.from_bytes(TRUSTED_ROOT.read_bytes())
    verify(root, "root", root)
    served_root = signed(client, "1.root.json")
    assert served_root.signed == root.signed  # the chain a car follows starts at the root it ships
    now = dt.datetime.now(dt.UTC)
    for role, lifetime in (("timestamp", dt.timedelta(days=1)), ("snapshot", dt.timedelta(days=7)),
                           ("targets", dt.timedelta(days=7))):
        md = signed(client, f"{role}.json")
        verify(root, role, md)  # raises unless the role's key from the root signed it
        assert now + lifetime - dt.timedelta(minutes=5) < md.signed.expires <= now + lifetime
    # A signature by any other role's key does not count: the targets file re-signed by the timestamp key.
    forged = signed(client, "targets.json")
    forged.signatures.clear()
    forged.sign(Keys.from_environment().signer("timestamp"))
    with pytest.raises(UnsignedMetadataError):
        verify(root, "targets", forged)


def test_the_demo_apps_are_listed_with_what_the_app_mall_shows_and_their_packages_match(client):
    listed = targets(client)
    assert sorted(listed) == ["com.example.parkingtimer-1.0.0.hupkg", "com.example.units-1.0.0.hupkg"]
    units = listed["com.example.units-1.0.0.hupkg"]
    assert units.custom == {
        "id": "com.example.units", "name": "Units", "version": "1.0.0",
        "description": "Converts kilometres and miles, litres and gallons, °C and °F, and fuel economy at a touch.",
        "category": "utility", "icon": "mdi6.swap-horizontal", "capabilities": [], "api": 1,
        "screenshots": ["com.example.units-1.svg", "com.example.units-2.svg"],
        "ratings": {"average": "4.22", "count": 23}, "revoked": False, "revoked_reason": None}
    digest = units.hashes["sha256"]
    answer = client.get(f"/v1/apps/targets/{digest}.com.example.units-1.0.0.hupkg")
    assert answer.status_code == 200 and len(answer.content) == units.length
    assert hashlib.sha256(answer.content).hexdigest() == digest
    assert "immutable" in answer.headers["cache-control"]
    # The published file carries the developer's signature and the store's, both valid.
    package = Path(__file__).parent / "_units.hupkg"
    try:
        package.write_bytes(answer.content)
        contents = package_format.read(package)
    finally:
        package.unlink(missing_ok=True)
    developer, store_signature = contents.signatures["developer"], contents.signatures["store"]
    assert signing.verify(developer, contents.header, None)
    assert signing.verify(store_signature, contents.header, developer)
    assert store_signature.key_id == signing.key_id(signing.load_private_key(DEMO_STORE_KEY).public_key())
    screenshot = client.get("/v1/apps/screenshots/com.example.units-2.svg")
    assert screenshot.status_code == 200 and screenshot.headers["content-type"] == "image/svg+xml"
    assert b"Converts kilometres" in screenshot.content


def test_versioned_metadata_never_changes_and_the_newest_is_revalidated(store):
    timestamp = store.get("/v1/apps/metadata/timestamp.json")
    assert timestamp.headers["cache-control"] == "no-cache"
    version = signed(store, "timestamp.json").signed.snapshot_meta.version
    pinned = store.get(f"/v1/apps/metadata/{version}.snapshot.json")
    assert "immutable" in pinned.headers["cache-control"]
    again = store.get("/v1/apps/metadata/timestamp.json", headers={"If-None-Match": timestamp.headers["etag"]})
    assert again.status_code == 304


def test_publish_adds_the_store_signature_and_a_new_catalog_version(store, sqlite_url, tmp_path, capsys):
    before = {role: signed(store, f"{role}.json").signed.version for role in ROLES}
    package = developer_package(tmp_path, capabilities=["location"])
    assert main(["apps", "publish", str(package), "--db", sqlite_url]) == 0
    assert "published com.example.units 1.1.0" in capsys.readouterr().out
    after = {role: signed(store, f"{role}.json").signed.version for role in ROLES}
    assert all(after[role] > before[role] for role in ROLES)
    new = targets(store)["com.example.units-1.1.0.hupkg"]
    assert new.custom["version"] == "1.1.0" and new.custom["capabilities"] == ["location"]
    assert new.custom["ratings"] == {"average": "4.22", "count": 23}  # an app's ratings carry over
    served = store.get(f"/v1/apps/targets/{new.hashes['sha256']}.com.example.units-1.1.0.hupkg").content
    assert served != package.read_bytes()  # the store's signature was added to a copy
    assert "store" not in package_format.signatures(package)
    # A published version never changes.
    assert main(["apps", "publish", str(package), "--db", sqlite_url]) == 1
    assert "already published" in capsys.readouterr().err


def test_publish_refuses_an_unsigned_package_and_one_altered_after_signing(store, sqlite_url, tmp_path, capsys):
    before = signed(store, "targets.json").signed.version
    unsigned = package_format.pack(DEMO_APPS / "com.example.parkingtimer", tmp_path / "unsigned")
    assert main(["apps", "publish", str(unsigned), "--db", sqlite_url]) == 1
    assert "no developer signature" in capsys.readouterr().err

    # An attacker swaps a file and rewrites the header to match, keeping the developer's signature.
    package = developer_package(tmp_path, version="1.2.0")
    developer_sig = package_format.read(package).signatures["developer"].raw
    altered = tmp_path / "altered" / "com.example.units"
    shutil.copytree(tmp_path / "src" / "com.example.units", altered)
    (altered / "qml" / "Main.qml").write_text("import QtQuick\nItem { Component.onCompleted: steal() }\n")
    repacked = package_format.pack(altered, tmp_path / "altered-out")
    members = [(package_format.HEADER_NAME, package_format.read_header(repacked).raw)]
    members += [(f"files/{path.relative_to(altered).as_posix()}", path)
                for path in sorted(altered.rglob("*")) if path.is_file()]
    members += [("META/signatures/developer.sig", developer_sig)]
    package_format.write_package(repacked, members)
    assert main(["apps", "publish", str(repacked), "--db", sqlite_url]) == 1
    assert "developer signature does not match" in capsys.readouterr().err

    # A byte flipped inside the archive: refused as a broken package.
    broken = tmp_path / "broken.hupkg"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    assert main(["apps", "publish", str(broken), "--db", sqlite_url]) == 1
    assert "refused" in capsys.readouterr().err
    assert signed(store, "targets.json").signed.version == before  # nothing was listed


def test_revoke_marks_the_version_and_says_why(store, sqlite_url, capsys):
    before = signed(store, "timestamp.json").signed.version
    assert main(["apps", "revoke", "com.example.units", "1.0.0", "--reason", "Shows wrong fuel economy",
                 "--db", sqlite_url]) == 0
    assert "cars disable it at their next sync" in capsys.readouterr().out
    units = targets(store)["com.example.units-1.0.0.hupkg"].custom
    assert units["revoked"] is True and units["revoked_reason"] == "Shows wrong fuel economy"
    assert targets(store)["com.example.parkingtimer-1.0.0.hupkg"].custom["revoked"] is False
    assert signed(store, "timestamp.json").signed.version > before
    assert main(["apps", "revoke", "com.example.units", "9.9.9", "--reason", "x", "--db", sqlite_url]) == 1
    assert "never published" in capsys.readouterr().err
    assert main(["apps", "revoke", "com.example.units", "1.0.0", "--reason", "  ", "--db", sqlite_url]) == 1
    assert "say why" in capsys.readouterr().err


def test_a_timestamp_near_its_expiry_is_signed_again_when_asked_for(store, sqlite_url):
    first = signed(store, "timestamp.json").signed.version
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:  # as if 20 of its 24 hours had gone by
        conn.execute(app_metadata.update().where(app_metadata.c.role == "timestamp")
                     .values(expires=dt.datetime.now(dt.UTC) + dt.timedelta(hours=4)))
    engine.dispose()
    renewed = signed(store, "timestamp.json").signed
    assert renewed.version == first + 1
    assert renewed.expires > dt.datetime.now(dt.UTC) + dt.timedelta(hours=23)
    assert signed(store, "timestamp.json").signed.version == first + 1  # once, not on every request


@pytest.mark.parametrize("path, status", [
    ("/v1/apps/metadata/targets", 404),
    ("/v1/apps/metadata/0.root.json", 404),
    ("/v1/apps/metadata/7.root.json", 404),  # past the newest root: how a car knows the chain ends
    ("/v1/apps/metadata/3.timestamp.json", 404),
    ("/v1/apps/metadata/1.secrets.json", 404),
    ("/v1/apps/metadata/..%2F..%2Fapp.py", 404),
    ("/v1/apps/metadata/" + "9" * 50 + ".root.json", 422),
    ("/v1/apps/targets/nothing.hupkg", 404),
    ("/v1/apps/targets/" + "0" * 64 + ".com.example.units-1.0.0.hupkg", 404),  # the wrong hash
    ("/v1/apps/targets/..%2Fdemo-store-key.pem", 404),
    ("/v1/apps/screenshots/com.example.nothing-1.svg", 404),
    ("/v1/apps/screenshots/com.example.units-3.svg", 404),
    ("/v1/apps/screenshots/" + "x" * 300, 422),
])
def test_malformed_or_unknown_requests_get_a_4xx_in_the_error_shape(store, path, status):
    answer = store.get(path)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["error"] in ("not_found", "invalid_request") and body["detail"]


def test_writes_are_not_allowed(store):
    answer = store.put("/v1/apps/metadata/root.json", content=b"{}")
    assert answer.status_code == 405 and answer.json()["error"] == "method_not_allowed"
