"""Installing, updating with consent, rollback with the data as it was, uninstall, revocation, developer mode."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from headunit import paths
from headunit.host.discovery import discover
from headunit.packages.format import PackageError
from headunit.packages.installer import Installer
from headunit.packages.trust import add_trusted_key
from tests.packages.conftest import PLUGIN_ID, always, disk


def running_version() -> str | None:
    """The version discovery would load, read from the installed folder's manifest."""
    manifest = paths.user_plugins_dir() / PLUGIN_ID / "plugin.toml"
    if not manifest.exists():
        return None
    return next(line.split('"')[1] for line in manifest.read_text().splitlines() if line.startswith("version"))


def data_folder() -> Path:
    return paths.data_dir() / "plugin-data" / PLUGIN_ID


def test_a_fresh_install_asks_once_and_is_found_by_discovery_as_a_user_plugin(make_package):
    installer = Installer()
    consent = always(True)
    result = installer.install(make_package("1.0.0", capabilities=("storage", "network")), consent=consent)
    assert (result.status, result.version) == ("installed", "1.0.0")
    [change] = consent.asked
    assert (change.old_version, change.new_version) == (None, "1.0.0")
    assert change.added_capabilities == ("network", "storage")
    [found] = [c for c in discover(builtin=False, entry_points=False) if c.folder.name == PLUGIN_ID]
    assert found.origin == "user"
    [listed] = installer.installed()
    assert (listed.id, listed.version, listed.capabilities, listed.source, listed.revoked) == (
        PLUGIN_ID, "1.0.0", ("network", "storage"), "store", False)
    assert listed.previous_version is None


def test_a_declined_fresh_install_leaves_nothing(make_package):
    package = make_package("1.0.0")
    before = disk()
    result = Installer().install(package, consent=always(False))
    assert result.status == "declined" and result.version is None
    assert disk() == before


def test_an_update_with_the_same_capabilities_does_not_ask(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    consent = always(False)
    result = installer.install(make_package("1.0.1"), consent=consent)
    assert (result.status, result.version, result.previous_version) == ("updated", "1.0.1", "1.0.0")
    assert consent.asked == [] and running_version() == "1.0.1"
    assert installer.installed()[0].previous_version == "1.0.0"


def test_an_update_adding_location_waits_for_consent_then_approve_installs_it(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    consent = always(False)
    result = installer.install(make_package("2.0.0", capabilities=("storage", "location")), consent=consent)
    assert result.status == "pending" and result.version == "1.0.0"
    [asked] = consent.asked
    assert (asked.old_capabilities, asked.new_capabilities, asked.added_capabilities) == (
        ("storage",), ("location", "storage"), ("location",))
    assert running_version() == "1.0.0"  # the running version stays
    assert installer.installed()[0].version == "1.0.0"
    [pending] = installer.pending()
    assert (pending.id, pending.old_version, pending.new_version, pending.added_capabilities) == (
        PLUGIN_ID, "1.0.0", "2.0.0", ("location",))
    # A new Installer (the next run) still knows it.
    result = Installer().approve(PLUGIN_ID)
    assert (result.status, result.version, result.previous_version) == ("approved", "2.0.0", "1.0.0")
    assert running_version() == "2.0.0"
    assert installer.pending() == []
    assert installer.installed()[0].capabilities == ("location", "storage")


def test_a_declined_pending_update_is_dropped(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    installer.install(make_package("2.0.0", capabilities=("storage", "location")), consent=always(False))
    installer.decline(PLUGIN_ID)
    assert installer.pending() == []
    assert not (paths.data_dir() / "packages" / "pending" / PLUGIN_ID).exists()
    with pytest.raises(PackageError, match="no pending update"):
        installer.approve(PLUGIN_ID)
    assert running_version() == "1.0.0"


def test_rollback_restores_the_previous_version_and_its_data(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    data_folder().mkdir(parents=True)
    (data_folder() / "notes.txt").write_text("written by 1.0.0")
    installer.install(make_package("2.0.0", capabilities=("storage", "location")), consent=always(True))
    (data_folder() / "notes.txt").write_text("migrated by 2.0.0")
    (data_folder() / "v2-cache.db").write_text("only 2.0.0 knows this format")

    result = installer.rollback(PLUGIN_ID)

    assert (result.status, result.version, result.previous_version) == ("rolled back", "1.0.0", "2.0.0")
    assert running_version() == "1.0.0"
    assert (data_folder() / "notes.txt").read_text() == "written by 1.0.0"
    assert not (data_folder() / "v2-cache.db").exists()
    [listed] = installer.installed()
    assert (listed.version, listed.capabilities, listed.previous_version) == ("1.0.0", ("storage",), None)
    with pytest.raises(PackageError, match="no previous version"):
        installer.rollback(PLUGIN_ID)


def test_a_refused_update_keeps_the_previous_version_and_rollback_target(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    installer.install(make_package("1.1.0"), consent=always(True))
    before = disk()
    with pytest.raises(PackageError, match="not signed"):
        installer.install(make_package("1.2.0", signed=()), consent=always(True))
    assert disk() == before
    assert installer.rollback(PLUGIN_ID).version == "1.0.0"


def test_downgrades_and_reinstalls_are_refused(make_package):
    installer = Installer()
    old = make_package("1.0.0")
    installer.install(make_package("1.1.0"), consent=always(True))
    before = disk()
    with pytest.raises(PackageError, match="older than the installed 1.1.0"):
        installer.install(old, consent=always(True))
    with pytest.raises(PackageError, match="already installed"):
        installer.install(make_package("1.1.0"), consent=always(True))
    assert disk() == before


def test_a_folder_not_installed_from_a_package_is_not_overwritten(make_package):
    hand_made = paths.user_plugins_dir() / PLUGIN_ID
    hand_made.mkdir(parents=True)
    (hand_made / "plugin.toml").write_text("mine")
    before = disk()
    with pytest.raises(PackageError, match="not installed from a package"):
        Installer().install(make_package("1.0.0"), consent=always(True))
    assert disk() == before


@pytest.mark.parametrize("keep_data", [True, False])
def test_uninstall_keeps_the_data_unless_asked(make_package, keep_data):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    installer.install(make_package("1.1.0"), consent=always(True))
    data_folder().mkdir(parents=True)
    (data_folder() / "notes.txt").write_text("mine")
    installer.uninstall(PLUGIN_ID, keep_data=keep_data)
    assert installer.installed() == []
    assert not (paths.user_plugins_dir() / PLUGIN_ID).exists()
    assert not list((paths.data_dir() / "packages").glob(f"*/{PLUGIN_ID}"))  # no previous version left either
    assert (data_folder() / "notes.txt").exists() == keep_data
    with pytest.raises(PackageError, match="not installed"):
        installer.uninstall(PLUGIN_ID, keep_data=True)


def test_a_revoked_version_is_disabled_and_cannot_come_back(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    installer.install(make_package("1.1.0"), consent=always(True))
    installer.revoke(PLUGIN_ID, "1.1.0", "sends the car's position to a third party")
    [listed] = installer.installed()
    assert listed.revoked and "third party" in listed.revoked_reason
    assert PLUGIN_ID not in [c.folder.name for c in discover(builtin=False, entry_points=False)]
    assert installer.rollback(PLUGIN_ID).version == "1.0.0"
    assert running_version() == "1.0.0"
    with pytest.raises(PackageError, match="revoked by the store"):
        installer.install(make_package("1.1.0"), consent=always(True))


def test_a_revoked_previous_version_is_no_rollback_target(make_package):
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    installer.install(make_package("1.1.0"), consent=always(True))
    installer.revoke(PLUGIN_ID, "1.0.0", "unsafe")
    assert installer.installed()[0].previous_version is None
    with pytest.raises(PackageError, match="no previous version"):
        installer.rollback(PLUGIN_ID)


def test_developer_mode_installs_a_package_signed_by_a_trusted_developer_key_alone(make_package, keys):
    package = make_package("1.0.0", signed=("developer",))
    add_trusted_key(Path(f"{keys.developer}.pub"), "developer")
    result = Installer(developer_mode=True).install(package, consent=always(True))
    assert result.status == "installed"
    assert Installer().installed()[0].source == "developer"


def test_the_state_file_is_plain_json_and_survives_a_new_installer(make_package):
    Installer().install(make_package("1.0.0"), consent=always(True))
    state = json.loads((paths.data_dir() / "packages" / "state.json").read_text())
    assert state["installed"][PLUGIN_ID]["version"] == "1.0.0"
    assert [i.id for i in Installer().installed()] == [PLUGIN_ID]
    assert not list((paths.data_dir() / "packages").glob(".state-*"))  # no temporary file left


def test_inspect_verifies_without_writing(make_package):
    package = make_package("1.0.0", capabilities=("storage", "location"))
    before = disk()
    verified = Installer().inspect(package)
    assert (verified.header.id, verified.header.capabilities, verified.source) == (
        PLUGIN_ID, ("location", "storage"), "store")
    assert set(verified.signatures) == {"developer", "store"}
    assert disk() == before


def test_a_pipe_in_the_plugins_data_does_not_block_an_update(make_package):
    """A plugin with storage can make a named pipe in its data folder: the snapshot skips it rather than fail
    on it (which would block every update of that plugin)."""
    installer = Installer()
    installer.install(make_package("1.0.0"), consent=always(True))
    data_folder().mkdir(parents=True)
    (data_folder() / "notes.txt").write_text("kept")
    os.mkfifo(data_folder() / "trap")
    assert installer.install(make_package("1.1.0"), consent=always(True)).status == "updated"
    installer.rollback(PLUGIN_ID)
    assert (data_folder() / "notes.txt").read_text() == "kept"
