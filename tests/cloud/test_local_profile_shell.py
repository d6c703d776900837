"""The shell's Cloud with the car's local profile: no backend, data that survives a restart, and a link to an
account that waits for approval (`Cloud.approvalPending`) before it syncs."""

from __future__ import annotations

import pytest
import requests

from headunit.sdk import CloudUnavailable
from tests.shell import settle

WALLET = """
    from headunit.sdk import Plugin

    class Main(Plugin):
        def start(self, ctx):
            self.ctx = ctx
"""


def wallet(runtime):
    return runtime.host.record("org.example.wallet").context.cloud


def test_with_no_backend_a_plugins_data_survives_a_restart_of_the_shell(make_shell, plugin_factory, qtbot):
    plugin_factory("org.example.wallet", python=WALLET, capabilities=("network", "payments"))
    runtime, _ = make_shell(plugin_paths=[plugin_factory.root])  # --backend none
    runtime.start_cloud()
    wallet(runtime).put("receipts", "pay_1", {"merchant": "Fuel & Go", "amount_cents": 4210})
    wallet(runtime).put("favourites", "station", {"name": "Fuel & Go"})
    qtbot.waitUntil(lambda: runtime.cloud.localProfile, timeout=5000)
    assert not runtime.cloud.available and not runtime.cloud.approvalPending and runtime.cloud.linkReason == ""
    runtime.cloud.stop()  # as at shutdown: the profile is closed

    again, _ = make_shell(plugin_paths=[plugin_factory.root])
    again.start_cloud()
    assert wallet(again).items("receipts") == {"pay_1": {"merchant": "Fuel & Go", "amount_cents": 4210}}
    assert wallet(again).items("favourites") == {"station": {"name": "Fuel & Go"}}
    with pytest.raises(CloudUnavailable, match="no backend"):
        wallet(again).get("/v1/weather", {"lat": 43.74, "lon": 7.42})
    assert again.cloud.client.status().pending == 1  # the favourite waits for a later link; the receipt stays here


@pytest.fixture
def server(tmp_path_factory):
    from headunit_backend.process import ServerProcess

    folder = tmp_path_factory.mktemp("backend")
    with ServerProcess(f"sqlite:///{folder / 'backend.db'}") as server:
        yield server


def test_settings_can_say_the_car_waits_for_approval(make_shell, plugin_factory, server, tmp_path, qtbot):
    from headunit import paths
    from headunit.sync import SyncClient

    plugin_factory("org.example.wallet", python=WALLET, capabilities=("network", "payments"))
    runtime, _ = make_shell(plugin_paths=[plugin_factory.root])  # sets HEADUNIT_HOME
    phone = SyncClient(server.url, tmp_path / "phone")
    try:
        phone.register("phone", "phone")
        car = SyncClient(server.url, paths.data_dir() / "profiles" / "linked")
        car.put_item("favourites", "home", {"lat": 43.74})
        registration = car.link(phone.registration.account_key, device_name="car")  # headunit account link
        car.close()

        linked, _ = make_shell(plugin_paths=[plugin_factory.root], backend=server.url, profile="linked")
        linked.start_cloud()
        qtbot.waitUntil(lambda: linked.cloud.approvalPending, timeout=10_000)
        assert not linked.cloud.linked and "approval" in linked.cloud.linkReason
        assert wallet(linked).items("favourites") == {"home": {"lat": 43.74}}

        answer = requests.post(f"{server.url}/v1/devices/{registration.device_id}/approve", timeout=10,
                               headers={"Authorization": f"Bearer {phone.registration.token}"})
        assert answer.status_code == 200, answer.text
        qtbot.waitUntil(lambda: linked.cloud.linked and not linked.cloud.approvalPending, timeout=20_000)
        qtbot.waitUntil(lambda: linked.cloud.pending == 0, timeout=10_000)
        settle(qtbot)
        phone.pull()
        assert phone.items("favourites") == {"home": {"lat": 43.74}}
    finally:
        phone.close()
