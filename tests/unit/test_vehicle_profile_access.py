"""Plugins read the car's vehicle profile through ctx.vehicle.profile (capability vehicle-data), in the shell's
process and in a sandbox, and cannot change it."""

from __future__ import annotations

import json

import pytest

from headunit.fitment import SIMULATED_CAR, Profile
from headunit.sdk import PermissionDenied

READER = """
    from headunit.sdk import Plugin

    class Main(Plugin):
        def start(self, ctx):
            self.ctx = ctx
"""

#: A sandboxed plugin that shows what it reads of the profile, and what its attempts to change it did.
SANDBOXED_READER = '''
import json

from headunit.sdk import Plugin


def attempt(fn):
    try:
        return "ok: " + repr(fn())
    except BaseException as exc:
        return type(exc).__name__


class Main(Plugin):
    def start(self, ctx):
        self.ctx = ctx
        self.profile = ctx.vehicle.profile
        self.profile.changed.connect(self.show)
        self.show()

    def show(self):
        p = self.profile

        def write():
            p.make = "Trabant"

        rows = [("summary", p.summary), ("odometer", str(p.odometerKm)), ("data", json.dumps(p.data())),
                ("write", attempt(write)), ("setProperty", repr(p.setProperty("make", "Trabant"))),
                ("mirror edit", repr(self.ctx._mirrors.vehicle_profile.setVin("1HGCM82633A004352")))]
        self.ctx.templates.show("list", title="profile", rows=[{"title": n, "subtitle": v} for n, v in rows])
'''


@pytest.fixture
def shell(runtimes, plugin_factory):
    plugin_factory("org.example.reader", python=READER, capabilities=("vehicle-data",))
    plugin_factory("org.example.blind", python=READER)
    runtime = runtimes.start(plugin_factory.root, drive="parked")
    for plugin in ("org.example.reader", "org.example.blind"):
        assert runtime.host.load(plugin)
    return runtime


def context(runtime, plugin_id):
    return runtime.host.record(plugin_id).context


def test_a_plugin_reads_the_profile_and_hears_it_change(shell, qtbot):
    profile = context(shell, "org.example.reader").vehicle.profile
    assert profile is context(shell, "org.example.reader").vehicle.profile  # one object, owned by the context
    assert Profile.from_json(profile.data()) == SIMULATED_CAR  # the emulator's car
    assert (profile.make, profile.year, profile.tyreSize, profile.configured) == ("Volkswagen", 2021, "205/55 R16", True)

    with qtbot.waitSignal(profile.changed):
        assert shell.vehicle_profile.pick("Toyota", "Corolla", "E210", "1.8 Hybrid")
    assert (profile.make, profile.model, profile.fuel, profile.summary) == \
        ("Toyota", "Corolla", "hybrid", "Toyota Corolla 1.8 Hybrid")
    assert profile.data()["make"] == "Toyota" and profile.data()["tyre_size"] is None


def test_a_plugin_cannot_change_the_profile(shell):
    profile = context(shell, "org.example.reader").vehicle.profile
    with pytest.raises(AttributeError):
        profile.make = "Trabant"
    assert profile.setProperty("make", "Trabant") is False
    profile.data()["make"] = "Trabant"  # a copy
    for name in ("setVin", "pick", "setOdometer", "setTyreSize", "setBody", "setYear", "clear"):
        assert not hasattr(profile, name), name
    assert shell.vehicle_profile.make == profile.make == "Volkswagen"


def test_without_vehicle_data_there_is_no_profile(shell):
    with pytest.raises(PermissionDenied, match="capability 'vehicle-data'"):
        context(shell, "org.example.blind").vehicle.profile  # noqa: B018


def test_a_sandboxed_plugin_reads_a_copy_that_follows_the_shell(make_shell, qtbot, plugin_factory):
    from headunit.sandbox import bwrap
    from tests.sandbox.conftest import open_sandboxed, template_rows

    assert bwrap.available() is None, "run `scripts/install-system-deps` (make test does)"
    plugin_factory("org.example.sandboxed", python=SANDBOXED_READER, capabilities=("vehicle-data",))
    runtime, window = make_shell(1280, 720, third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.sandboxed")
    rows = template_rows(runtime, "org.example.sandboxed")
    assert rows["summary"] == "2021 Volkswagen Golf 1.5 eTSI" and rows["odometer"] == "23400.0"
    assert Profile.from_json(json.loads(rows["data"])) == SIMULATED_CAR
    assert rows["write"] == "AttributeError" and rows["setProperty"] == "False"
    assert rows["mirror edit"] == "False"  # its own copy refuses too; the shell's is not reachable

    assert runtime.vehicle_profile.pick("BYD", "Atto 3", "", "60.5 kWh")
    qtbot.waitUntil(lambda: template_rows(runtime, "org.example.sandboxed")["summary"] == "BYD Atto 3 60.5 kWh",
                    timeout=10_000)
    assert json.loads(template_rows(runtime, "org.example.sandboxed")["data"])["battery_kwh"] > 0
    assert runtime.vehicle_profile.make == "BYD"
