"""A car with no account: its local profile keeps everything, loads no network code, keeps its files
private, and can be linked to an account later (pending, approved, merged) or lose its place on one
(revoked) without losing any data."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import requests

from headunit.sync import SyncClient, UnavailableError
from tests.sync.conftest import FAST

NETWORK_MODULES = ("requests", "requests_cache", "urllib3", "ssl")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- the local profile ---------------------------------------------------------------------------------


def test_with_no_backend_user_data_and_writes_survive_a_restart(tmp_path):
    profile = tmp_path / "car"
    car = SyncClient(None, profile, settings=FAST)
    car.start(device_name="car")
    car.put_item("favourites", "home", {"lat": 43.74}, plugin="org.headunit.navigation")
    car.put_item("playlists", "road", ["a", "b"], plugin="org.headunit.music")
    car.put_item("destinations", "gone", 1, plugin="org.headunit.navigation")
    car.delete_item("destinations", "gone", plugin="org.headunit.navigation")
    op_id = car.enqueue("reviews", "POST", "/v1/catalog/products/p1/reviews", {"rating": 5, "text": "ok"},
                        plugin="org.headunit.store")
    status = car.status()
    assert (status.linked, status.pending, status.reason) == (False, 5, "no backend")
    assert not car.network_loaded
    with pytest.raises(UnavailableError, match="no backend link"):
        car.get("/v1/weather", plugin="org.headunit.weather")
    car.close()

    again = SyncClient(None, profile, settings=FAST)
    try:
        assert again.items("favourites") == {"home": {"lat": 43.74}}
        assert again.items("playlists") == {"road": ["a", "b"]}
        assert again.items("destinations") == {}
        assert again.operation(op_id).state == "pending"
        assert again.status().pending == 5  # every write waits for a later link, in order
    finally:
        again.close()


def test_a_plugins_own_collection_is_kept_on_the_car(tmp_path):
    """The wallet keeps its receipts in a collection of its own: durable like the others, never sent."""
    car = SyncClient(None, tmp_path / "car", settings=FAST)
    assert car.put_item("receipts", "pay_1", {"amount_cents": 1250}, plugin="org.headunit.wallet") == ""
    car.put_item("receipts", "pay_2", {"amount_cents": 300}, plugin="org.headunit.wallet")
    car.delete_item("receipts", "pay_2", plugin="org.headunit.wallet")
    assert car.status().pending == 0
    with pytest.raises(ValueError, match="collection"):
        car.put_item("Bad/Name", "k", 1, plugin="org.headunit.wallet")
    car.close()
    again = SyncClient(None, tmp_path / "car", settings=FAST)
    try:
        assert again.items("receipts") == {"pay_1": {"amount_cents": 1250}}
    finally:
        again.close()


SHELL_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    app = QCoreApplication([])
    from headunit.host.cloud_access import PluginCloud
    from headunit.shell.cloud import NO_BACKEND, Cloud, CloudConfig

    class Connectivity(QObject):
        onlineChanged = Signal()
        online = True

    profile, step = Path(sys.argv[1]), sys.argv[2]
    cloud = Cloud(Connectivity())
    cloud.start(CloudConfig(backend=NO_BACKEND, profile_dir=profile, backend_dir=profile.parent / "backend"))
    wallet = PluginCloud(cloud, "org.headunit.wallet", ("network", "payments"))
    navigation = PluginCloud(cloud, "org.headunit.navigation", ("network",))
    if step == "write":
        wallet.put("receipts", "pay_1", {"merchant": "Fuel & Go", "amount_cents": 4210})
        navigation.put("favourites", "casino", {"name": "Casino de Monte-Carlo"})
        navigation.put("destinations", "port", {"name": "Port Hercule"})
        navigation.delete("destinations", "port")
    try:
        navigation.get("/v1/weather", {"lat": 43.7, "lon": 7.4})
        read = "answered"
    except Exception as exc:
        read = f"{type(exc).__name__}: {exc}"
    app.processEvents()
    result = {"receipts": wallet.items("receipts"), "favourites": navigation.items("favourites"),
              "destinations": navigation.items("destinations"), "read": read,
              "available": cloud.available, "localProfile": cloud.localProfile, "pending": cloud.client.status().pending,
              "loaded": [m for m in %r if m in sys.modules]}
    cloud.stop()
    print(json.dumps(result))
""" % (NETWORK_MODULES,))


def run_shell_step(profile: Path, step: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SHELL_SCRIPT, str(profile), step], capture_output=True, text=True,
                          env=env, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_plugins_data_survives_a_restart_with_no_backend_and_no_network_code_loads(tmp_path):
    """As a plugin sees it (ctx.cloud) with `--backend none`, in two processes: no requests, requests-cache,
    urllib3 or ssl is ever imported."""
    profile = tmp_path / "profiles" / "default"
    first = run_shell_step(profile, "write")
    second = run_shell_step(profile, "read")
    for result in (first, second):
        assert result["loaded"] == []
        assert result["receipts"] == {"pay_1": {"merchant": "Fuel & Go", "amount_cents": 4210}}
        assert result["favourites"] == {"casino": {"name": "Casino de Monte-Carlo"}}
        assert result["destinations"] == {}
        assert (result["available"], result["localProfile"]) == (False, True)
        assert result["pending"] == 3  # the favourite and the destination's two writes, for a later link
        assert result["read"].startswith("CloudUnavailable") and "no backend" in result["read"]


# -- file modes ----------------------------------------------------------------------------------------


def profile_files(profile: Path) -> dict[str, int]:
    return {p.name: mode(p) for p in profile.iterdir()}


def test_the_profiles_files_are_private(make_client, tmp_path):
    profile = tmp_path / "car"
    car = make_client("car", profile=profile)
    car.put_item("favourites", "home", 1)
    assert car.drain(10)
    car.get("/v1/weather", {"lat": 43.74, "lon": 7.42}, plugin="org.headunit.weather")
    files = profile_files(profile)
    for name in ("sync.db", "sync.db-wal", "sync.db-shm", "http-cache.sqlite", "device.json", "sync.lock"):
        assert files.get(name) == 0o600, (name, files)
    assert all(m == 0o600 for m in files.values()), files
    assert mode(profile) == 0o700


def test_looser_modes_are_tightened_when_the_profile_opens(tmp_path):
    profile = tmp_path / "car"
    car = SyncClient(None, profile, settings=FAST)
    car.put_item("favourites", "home", 1)
    car.close()
    (profile / "device.json").write_text(json.dumps({"device_id": "d", "account_id": "a", "token": "t",
                                                      "account_key": "k", "base_url": "http://127.0.0.1:9/"}))
    for path in profile.iterdir():
        path.chmod(0o644)
    profile.chmod(0o755)
    again = SyncClient(None, profile, settings=FAST)
    try:
        again.start()
        assert mode(profile) == 0o700
        assert profile_files(profile) and all(m == 0o600 for m in profile_files(profile).values()), profile_files(profile)
    finally:
        again.close()


def test_a_new_profile_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        car = SyncClient(None, tmp_path / "car", settings=FAST)
        car.put_item("favourites", "home", 1)
        files = profile_files(tmp_path / "car")
        car.close()
    finally:
        os.umask(old)
    assert files["sync.db"] == 0o600 and all(m == 0o600 for m in files.values()), files
    assert mode(tmp_path / "car") == 0o700


# -- linking -------------------------------------------------------------------------------------------


def approve(backend, approver, device_id: str) -> None:
    answer = requests.post(f"{backend.url}/v1/devices/{device_id}/approve", timeout=10,
                           headers={"Authorization": f"Bearer {approver.registration.token}"})
    assert answer.status_code == 200, answer.text


def revoke(backend, by, device_id: str) -> None:
    answer = requests.delete(f"{backend.url}/v1/devices/{device_id}", timeout=10,
                             headers={"Authorization": f"Bearer {by.registration.token}"})
    assert answer.status_code == 200, answer.text


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_local_car_links_waits_for_approval_then_merges_into_the_account(backend, make_client, tmp_path):
    phone = make_client("phone")  # the account, with data of its own
    phone.put_item("favourites", "work", {"lat": 60.2})
    phone.put_item("favourites", "home", {"lat": 1.0})  # the car has its own "home"
    phone.put_item("settings", "units", "metric")  # the car has the same value
    assert phone.drain(10)

    profile = tmp_path / "car"
    local = SyncClient(None, profile, settings=FAST)  # weeks with no account
    local.put_item("favourites", "home", {"lat": 43.74})
    local.put_item("destinations", "port", {"name": "Port Hercule"})
    local.put_item("settings", "units", "metric")
    local.put_item("receipts", "pay_1", {"amount_cents": 4210})
    local.close()

    car = SyncClient(backend.url, profile, settings=FAST)
    try:
        registration = car.link(phone.registration.account_key, device_name="car")
        status = car.status()
        assert (status.linked, status.approval) == (False, "pending")
        assert "approval" in status.reason
        with pytest.raises(UnavailableError, match="approval"):
            car.get("/v1/weather", {"lat": 43.74, "lon": 7.42}, plugin="org.headunit.weather")
        assert not car.drain(1.5)  # held, never rejected
        # The backend's own word, if a lane sends anyway: 403 device_not_approved holds the operation.
        head = car.outbox.pending("user-data")[0]
        outcome = car.drainer.attempt(head)
        assert not outcome.final and car.operation(head.op_id).state == "pending"
        assert car.status().approval == "pending" and car.status().rejected == 0

        approve(backend, phone, registration.device_id)
        assert car.drain(10)
        status = car.status()
        assert (status.linked, status.approval, status.pending, status.rejected) == (True, "approved", 0, 0)

        on_account = backend.db.items(registration.account_id)
        assert on_account[("favourites", "home")] == {"lat": 43.74}  # the car's value wins
        assert on_account[("favourites", "work")] == {"lat": 60.2}
        assert on_account[("destinations", "port")] == {"name": "Port Hercule"}
        assert on_account[("settings", "units")] == "metric"
        assert not any(c == "receipts" for c, _ in on_account)  # kept on the car only
        assert car.items("favourites") == {"home": {"lat": 43.74}, "work": {"lat": 60.2}}
        assert car.items("receipts") == {"pay_1": {"amount_cents": 4210}}
        replaced = car.replaced_on_merge()  # nothing lost: the account's "home" is kept on the car
        assert [(r["collection"], r["key"], r["value"]) for r in replaced] == [("favourites", "home", {"lat": 1.0})]

        phone.pull()  # a second device sees the car's data
        assert phone.items("favourites") == {"home": {"lat": 43.74}, "work": {"lat": 60.2}}
        assert phone.items("destinations") == {"port": {"name": "Port Hercule"}}
    finally:
        car.close()


def test_a_car_on_its_own_account_brings_its_synced_data_when_linked(backend, make_client, tmp_path):
    """Items already acknowledged by the car's first account have no pending write: the merge sends them."""
    car = make_client("car")
    car.put_item("favourites", "home", {"lat": 43.74})
    car.put_item("playlists", "road", ["a"])
    assert car.drain(10)
    phone = make_client("phone")
    phone.put_item("favourites", "work", {"lat": 60.2})
    assert phone.drain(10)

    registration = car.link(phone.registration.account_key)
    assert car.status().approval == "pending"
    approve(backend, phone, registration.device_id)
    assert car.drain(10)
    assert car.status().pending == 0 and car.status().linked
    assert backend.db.items(registration.account_id) == {
        ("favourites", "home"): {"lat": 43.74}, ("playlists", "road"): ["a"], ("favourites", "work"): {"lat": 60.2}}
    assert car.items("favourites") == {"home": {"lat": 43.74}, "work": {"lat": 60.2}}


def test_a_started_car_waits_for_approval_in_the_background(backend, make_client, tmp_path):
    from dataclasses import replace

    phone = make_client("phone")
    car = SyncClient(backend.url, tmp_path / "car", settings=replace(FAST, approval_poll_interval=0.1))
    try:
        car.put_item("favourites", "home", {"lat": 43.74})
        seen = []
        car.subscribe(seen.append)
        registration = car.link(phone.registration.account_key, device_name="car")
        car.start()
        time.sleep(0.3)
        assert car.status().approval == "pending" and car.status().pending == 1
        approve(backend, phone, registration.device_id)
        wait_for(lambda: car.status().pending == 0)
        assert backend.db.items(registration.account_id) == {("favourites", "home"): {"lat": 43.74}}
        assert any(s.approval == "pending" and not s.linked for s in seen)
        assert seen[-1].linked and seen[-1].approval == "approved"
    finally:
        car.close()


def test_a_wrong_account_key_changes_nothing(backend, tmp_path):
    from headunit.sync import SyncError

    car = SyncClient(backend.url, tmp_path / "car", settings=FAST)
    try:
        car.put_item("favourites", "home", 1)
        with pytest.raises(SyncError, match="account key"):
            car.link("not-a-key")
        assert car.registration is None and car.items("favourites") == {"home": 1} and car.status().pending == 1
    finally:
        car.close()


def test_a_revoked_car_stops_sending_and_keeps_everything(backend, make_client, tmp_path):
    profile = tmp_path / "car"
    car = make_client("car", profile=profile)
    car.put_item("favourites", "home", {"lat": 43.74})
    assert car.drain(10)
    phone = make_client("phone", account_key=car.registration.account_key)  # approved by the fixture
    revoke(backend, phone, car.registration.device_id)

    op_id = car.put_item("favourites", "work", {"lat": 60.2})
    assert not car.drain(1.5)
    status = car.status()
    assert not status.linked and "removed" in status.reason and status.pending == 1
    assert car.operation(op_id).state == "pending"  # kept, never rejected
    assert car.items("favourites") == {"home": {"lat": 43.74}, "work": {"lat": 60.2}}
    with pytest.raises(UnavailableError, match="removed"):
        car.get("/v1/weather", {"lat": 43.74, "lon": 7.42}, plugin="org.headunit.weather")
    car.close()

    again = SyncClient(backend.url, profile, settings=FAST)  # the next start remembers it
    try:
        status = again.status()
        assert not status.linked and "removed" in status.reason and status.pending == 1
        # Linked again (approved by the phone), the kept write goes out.
        registration = again.link(phone.registration.account_key)
        approve(backend, phone, registration.device_id)
        assert again.drain(10)
        assert backend.db.items(registration.account_id)[("favourites", "work")] == {"lat": 60.2}
    finally:
        again.close()


def test_the_account_command_links_a_profile(backend, make_client, tmp_path, capsys):
    from headunit.cli import main

    phone = make_client("phone")
    profile = tmp_path / "car"
    local = SyncClient(None, profile, settings=FAST)
    local.put_item("favourites", "home", {"lat": 43.74})
    local.close()

    assert main(["account", "link", "--backend", backend.url, f"--key={phone.registration.account_key}",
                 "--profile", str(profile), "--name", "my car", "--json"]) == 0
    linked = json.loads(capsys.readouterr().out)
    assert (linked["linked"], linked["approval"], linked["pending_writes"]) == (False, "pending", 1)

    assert main(["account", "status", "--profile", str(profile), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["approval"] == "pending"

    class Device:  # the phone approves it
        registration = phone.registration

    approve(backend, Device, linked["device_id"])
    car = SyncClient(backend.url, profile, settings=FAST)
    try:
        assert car.drain(10)
        assert backend.db.items(linked["account_id"]) == {("favourites", "home"): {"lat": 43.74}}
    finally:
        car.close()
    assert main(["account", "link", "--backend", backend.url, "--key", "wrong", "--profile", str(profile)]) == 1


def test_a_deletion_made_before_the_link_deletes_on_the_account(backend, make_client, tmp_path):
    phone = make_client("phone")
    phone.put_item("favourites", "old", {"lat": 1.0})
    assert phone.drain(10)
    car = SyncClient(backend.url, tmp_path / "car", settings=FAST)
    try:
        car.delete_item("favourites", "old")  # the driver removed it on the car, with no account yet
        registration = car.link(phone.registration.account_key)
        approve(backend, phone, registration.device_id)
        assert car.drain(10)
        car.pull()
        assert car.items("favourites") == {}
        assert ("favourites", "old") not in backend.db.items(registration.account_id)
    finally:
        car.close()
