"""The car's app store client against a real backend on loopback, and against a mirror that lies."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from headunit import paths
from headunit.packages.appstore import AppStore, AppStoreError, apply_revocations
from headunit.packages.installer import Installer
from headunit_backend import apps as routes
from headunit_backend.app import prepare_database
from headunit_backend.apps_repo import DEMO_KEYS, AppRepository, Keys, Lifetimes
from headunit_backend.cli import main as backend_cli
from headunit_backend.db import Database
from tests.appstore.conftest import fetch, record
from tests.backend.test_apps import developer_package


def test_the_car_lists_the_demo_apps_and_downloads_a_package_it_can_install(backend, tmp_path):
    store = AppStore(backend.url, tmp_path / "cache")
    store.refresh()
    listed = {app.id: app for app in store.apps()}
    assert sorted(listed) == ["com.example.parkingtimer", "com.example.units"]
    timer = listed["com.example.parkingtimer"]
    assert (timer.name, timer.version, timer.api, timer.capabilities) == ("Parking timer", "1.0.0", 1, ())
    assert (timer.rating, timer.ratings_count, timer.revoked) == (4.4, 48, False)
    assert fetch(timer.screenshots[0]).startswith(b"<svg")
    package = store.download("com.example.parkingtimer", "1.0.0", tmp_path / "downloads")
    assert package.stat().st_size == timer.size
    verified = Installer().inspect(package)  # both signatures, the store's trusted by the shell
    assert (verified.header.id, verified.source) == ("com.example.parkingtimer", "store")
    assert store.revoked() == []


def test_a_new_version_published_reaches_the_car_at_its_next_refresh(backend, backend_db, tmp_path):
    store = AppStore(backend.url, tmp_path / "cache")
    store.refresh()
    assert backend_cli(["apps", "publish", str(developer_package(tmp_path, capabilities=["location"])),
                        "--db", backend_db]) == 0
    assert {app.id: app.version for app in store.apps()}["com.example.units"] == "1.0.0"  # until it refreshes
    store.refresh()
    units = {app.id: app for app in store.apps()}["com.example.units"]
    assert (units.version, units.capabilities) == ("1.1.0", ("location",))
    assert [item.version for item in store.listings() if item.id == "com.example.units"] == ["1.0.0", "1.1.0"]
    assert store.download("com.example.units", dest_dir=tmp_path / "d").name == "com.example.units-1.1.0.hupkg"


def short_lived_catalog(tmp_path: Path, seconds: int) -> tuple[dict[str, bytes], dt.datetime]:
    """The demo catalog signed with the demo keys, its timestamp valid for `seconds`: what a mirror captured."""
    db = Database(f"sqlite:///{tmp_path / 'captured.db'}")
    prepare_database(db)
    repository = AppRepository(Keys(DEMO_KEYS), Lifetimes(timestamp=dt.timedelta(seconds=seconds)))
    with db.write() as conn:
        routes.prepare(conn, repository)
    with db.read() as conn:
        timestamp = repository.latest(conn, "timestamp")
        files = {"metadata/timestamp.json": timestamp.body}
        for role in ("snapshot", "targets"):
            row = repository.latest(conn, role)
            files[f"metadata/{row.version}.{role}.json"] = row.body
    db.dispose()
    return files, timestamp.expires


def test_a_replayed_timestamp_is_refused_once_it_has_expired(mirror, tmp_path):
    """A freeze attack: the mirror keeps serving the catalog it captured, hiding newer versions and
    revocations. The timestamp's expiry bounds how long that works."""
    files, expires = short_lived_catalog(tmp_path, seconds=6)
    frozen = mirror(files)
    store = AppStore(frozen.url, tmp_path / "cache")
    store.refresh()  # still valid: accepted
    assert len(store.apps()) == 2
    time.sleep(max(0.0, (expires - dt.datetime.now(dt.UTC)).total_seconds()) + 1.0)
    with pytest.raises(AppStoreError) as refused:
        AppStore(frozen.url, tmp_path / "cache").refresh()
    assert refused.value.kind == "expired"
    with pytest.raises(AppStoreError) as refused:  # a car that never saw it refuses it too
        AppStore(frozen.url, tmp_path / "another-car").refresh()
    assert refused.value.kind == "expired"


def test_an_older_catalog_is_refused_after_a_newer_one_was_seen(backend, backend_db, mirror, tmp_path):
    """A rollback attack: replaying the catalog from before a version was revoked, to bring it back."""
    before = record(backend.url)
    assert backend_cli(["apps", "revoke", "com.example.units", "1.0.0", "--reason", "Crashes the page",
                        "--db", backend_db]) == 0
    store = AppStore(backend.url, tmp_path / "cache")
    store.refresh()
    assert store.revoked() == [("com.example.units", "1.0.0", "Crashes the page")]
    replay = mirror(before)
    with pytest.raises(AppStoreError) as refused:
        AppStore(replay.url, tmp_path / "cache").refresh()  # the same car, after a restart
    assert refused.value.kind == "rollback"
    # What the car already verified stays: the revocation is still known.
    assert store.revoked() == [("com.example.units", "1.0.0", "Crashes the page")]


def test_a_package_whose_bytes_differ_from_its_target_is_refused_and_nothing_is_written(backend, mirror, tmp_path):
    files = record(backend.url)
    name = next(path for path in files if path.endswith("com.example.units-1.0.0.hupkg"))
    altered = bytearray(files[name])
    altered[-100] ^= 0x01  # one bit, same length
    files[name] = bytes(altered)
    store = AppStore(mirror(files).url, tmp_path / "cache")
    store.refresh()  # the metadata itself is genuine
    with pytest.raises(AppStoreError) as refused:
        store.download("com.example.units", "1.0.0", tmp_path / "downloads")
    assert refused.value.kind == "tampered"
    assert list((tmp_path / "downloads").iterdir()) == []
    files[name] = files[name] + b"\0" * 4096  # longer than the target says
    with pytest.raises(AppStoreError) as refused:
        store.download("com.example.units", "1.0.0", tmp_path / "downloads")
    assert refused.value.kind == "tampered"
    assert list((tmp_path / "downloads").iterdir()) == []


def test_a_catalog_signed_by_keys_the_shipped_root_does_not_name_is_refused(mirror, tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'impostor.db'}")
    prepare_database(db)
    impostor = AppRepository(Keys(tmp_path / "impostor-keys"))  # a store of its own, with new keys
    with db.write() as conn:
        routes.prepare(conn, impostor)
    with db.read() as conn:
        files = {"metadata/timestamp.json": impostor.metadata(conn, "timestamp")}
    db.dispose()
    with pytest.raises(AppStoreError) as refused:
        AppStore(mirror(files).url, tmp_path / "cache").refresh()
    assert refused.value.kind == "untrusted"


def test_a_revoked_version_cannot_be_downloaded(backend, backend_db, tmp_path):
    assert backend_cli(["apps", "revoke", "com.example.parkingtimer", "1.0.0", "--reason", "Wrong times",
                        "--db", backend_db]) == 0
    store = AppStore(backend.url, tmp_path / "cache")
    store.refresh()
    assert [app.id for app in store.apps()] == ["com.example.units"]  # the mall no longer lists it
    with pytest.raises(AppStoreError) as refused:
        store.download("com.example.parkingtimer", "1.0.0", tmp_path / "downloads")
    assert refused.value.kind == "revoked" and "Wrong times" in str(refused.value)


def test_a_revocation_disables_the_installed_plugin_at_the_next_sync(backend, backend_db, tmp_path):
    installer = Installer()
    store = AppStore(backend.url, tmp_path / "cache")
    package = store.download("com.example.units", "1.0.0", tmp_path / "downloads")
    assert installer.install(package, consent=lambda change: True).status == "installed"
    running = paths.user_plugins_dir() / "com.example.units"
    assert (running / "plugin.toml").is_file()
    assert apply_revocations(AppStore(backend.url, tmp_path / "cache"), installer) == []  # nothing revoked yet

    assert backend_cli(["apps", "revoke", "com.example.units", "1.0.0", "--reason", "Shows wrong fuel economy",
                        "--db", backend_db]) == 0
    disabled = apply_revocations(AppStore(backend.url, tmp_path / "cache"), installer)
    assert disabled == [("com.example.units", "1.0.0", "Shows wrong fuel economy")]
    (item,) = installer.installed()
    assert item.revoked and item.revoked_reason == "Shows wrong fuel economy"
    assert not running.exists()  # out of discovery's sight: the shell no longer loads it
    assert apply_revocations(AppStore(backend.url, tmp_path / "cache"), installer) == []  # once


def test_a_store_that_cannot_be_reached_says_so(tmp_path):
    with pytest.raises(AppStoreError) as refused:
        AppStore("http://127.0.0.1:9", tmp_path / "cache").refresh()
    assert refused.value.kind == "unreachable"


def test_a_store_made_without_a_url_reads_the_one_the_environment_names(backend, tmp_path, monkeypatch):
    from headunit.packages import appstore

    monkeypatch.delenv(appstore.URL_ENV, raising=False)
    with pytest.raises(AppStoreError) as refused:
        AppStore(cache_dir=tmp_path / "cache").refresh()
    assert refused.value.kind == "unreachable"
    monkeypatch.setenv(appstore.URL_ENV, backend.url)
    store = AppStore()  # the cache goes under the car's cache folder
    assert [app.name for app in store.apps()] == ["Parking timer", "Units"]
    assert store.download("com.example.units").parent == paths.cache_dir() / "appstore" / "downloads"


def test_a_root_near_its_expiry_is_renewed_and_the_car_follows_the_chain(backend, backend_db, tmp_path):
    import sqlalchemy as sa
    from tuf.api.metadata import Metadata

    from headunit_backend.apps_repo import app_metadata

    store = AppStore(backend.url, tmp_path / "cache")
    store.refresh()
    engine = sa.create_engine(backend_db)
    with engine.begin() as conn:  # as if the shipped root had 30 days left
        conn.execute(app_metadata.update().where(app_metadata.c.role == "root")
                     .values(expires=dt.datetime.now(dt.UTC) + dt.timedelta(days=30)))
    engine.dispose()
    store.refresh()  # the service notices and signs root version 2 with the root key
    store.refresh()  # the car fetches 2.root.json, checks it against version 1's keys, and trusts it
    root = Metadata.from_file(str(store.metadata_dir / "root.json")).signed
    assert root.version == 2 and root.expires > dt.datetime.now(dt.UTC) + dt.timedelta(days=360)
    assert len(store.apps()) == 2
