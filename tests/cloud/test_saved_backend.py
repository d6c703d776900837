"""A car linked with `headunit account link --backend URL` keeps that backend at its next start, when no
`--backend` is given; an explicit `--backend none` still means local only, and an unlinked profile gets the
mode's default (the emulator's embedded backend, none on a car)."""

from __future__ import annotations

import json

import pytest

from headunit.gui import default_backend
from headunit.shell.cloud import EMBEDDED, NO_BACKEND


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HEADUNIT_BACKEND", raising=False)
    return tmp_path / "home"


@pytest.fixture
def server(tmp_path_factory):
    from headunit_backend.process import ServerProcess

    folder = tmp_path_factory.mktemp("backend")
    with ServerProcess(f"sqlite:///{folder / 'backend.db'}") as server:
        yield server


def test_an_unlinked_profile_gets_the_modes_default(home):
    assert default_backend("emulator") == EMBEDDED
    assert default_backend("run") == NO_BACKEND


def test_the_emulators_own_registration_is_not_taken_for_a_saved_backend(home):
    (home / "data" / "embedded-backend").mkdir(parents=True)
    (home / "data" / "embedded-backend" / "port").write_text("41234")
    profile = home / "data" / "profiles" / "default"
    profile.mkdir(parents=True)
    (profile / "device.json").write_text(json.dumps({
        "device_id": "d", "account_id": "a", "token": "t", "account_key": None,
        "base_url": "http://127.0.0.1:41234/"}))
    assert default_backend("emulator") == EMBEDDED


def test_a_car_linked_with_the_cli_keeps_its_backend(home, server, tmp_path, make_shell, qtbot, capsys):
    from headunit.cli import main
    from headunit.sync import SyncClient

    phone = SyncClient(server.url, tmp_path / "phone")
    try:
        phone.register("phone", "phone")
        assert main(["account", "link", "--backend", server.url, f"--key={phone.registration.account_key}",
                     "--name", "car"]) == 0
    finally:
        phone.close()
    capsys.readouterr()
    saved = server.url.rstrip("/") + "/"
    assert default_backend("run").rstrip("/") + "/" == saved  # no --backend: the profile's backend
    assert default_backend("emulator").rstrip("/") + "/" == saved

    runtime, _ = make_shell(backend=default_backend("run"))  # as `headunit run` with no --backend
    runtime.start_cloud()
    qtbot.waitUntil(lambda: runtime.cloud.approvalPending, timeout=10_000)  # it reached the saved backend
    assert runtime.cloud.available and runtime.cloud.url.rstrip("/") + "/" == saved
    runtime.cloud.stop()

    local, _ = make_shell(backend="none")  # --backend none, explicit: local only, whatever was saved
    local.start_cloud()
    qtbot.waitUntil(lambda: local.cloud.localProfile, timeout=5000)
    assert not local.cloud.available and local.cloud.url == ""


def test_the_environment_still_wins_over_the_saved_backend(home, monkeypatch):
    profile = home / "data" / "profiles" / "default"
    profile.mkdir(parents=True)
    (profile / "device.json").write_text(json.dumps({
        "device_id": "d", "account_id": "a", "token": "t", "account_key": None,
        "base_url": "https://backend.example/"}))
    assert default_backend("run") == "https://backend.example/"
    monkeypatch.setenv("HEADUNIT_BACKEND", "none")
    assert default_backend("run") == NO_BACKEND
