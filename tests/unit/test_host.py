"""The plugin host as a plugin author meets it: lazy loading, capabilities, intents, settings, enable/disable."""

from __future__ import annotations

import math
import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from headunit.host.errors import IntentError, PermissionDenied
from headunit.host.loader import namespace_for

NAVIGATOR = "org.test.navigator"
SENDER = "org.test.sender"

RECORDING_PLUGIN = """
from headunit.sdk import Plugin

EVENTS = []


class Main(Plugin):
    def start(self, ctx):
        self.ctx = ctx
        EVENTS.append("start")

    def stop(self):
        EVENTS.append("stop")
"""

NAVIGATOR_PLUGIN = """
from headunit.sdk import Plugin

RECEIVED = []


class Main(Plugin):
    def start(self, ctx):
        ctx.handle_intent("navigate-to", self.navigate)
        ctx.handle_intent("set-volume", lambda params: RECEIVED.append(params))

    def navigate(self, params):
        RECEIVED.append(params)
        if params["name"] == "crash":
            raise RuntimeError("routing engine crashed")
        return {"accepted": True, "destination": params["name"]}
"""

NAVIGATOR_INTENTS = {
    "navigate-to": {"lat": "number", "lon": "number", "name": "string"},
    "set-volume": {"level": "integer", "mute": "boolean"},
}


def module_of(plugin_id: str):
    return sys.modules[f"{namespace_for(plugin_id)}.main"]


def imported(plugin_id: str) -> bool:
    namespace = namespace_for(plugin_id)
    return any(name == namespace or name.startswith(namespace + ".") for name in sys.modules)


class TestLazyLoading:
    def test_registration_imports_no_plugin_code(self, plugin_factory, runtimes):
        """Tiles render from the manifest alone; no plugin's Python runs before it is needed."""
        plugin_factory("org.test.lazy", python=RECORDING_PLUGIN, tile="import QtQuick\nItem {}\n")
        runtime = runtimes.start(plugin_factory.root)
        records = {r.key: r for r in runtime.host.records()}
        assert {"org.headunit.tripcomputer", "org.test.lazy"} <= set(records)
        for key, record in records.items():
            assert record.status == "ok" and not record.loaded
            assert not imported(key), key
        # Discovery order, but the shell's app that installs apps comes after its other apps.
        mall = "org.headunit.appmall"
        builtin = [k for k, r in records.items() if r.origin == "builtin" and k != mall]
        assert runtime.apps.launchable == builtin + [mall] + [k for k, r in records.items() if r.origin != "builtin"]
        assert runtime.apps.nameOf("org.test.lazy") == "Test app"

    def test_load_imports_and_starts_the_plugin(self, plugin_factory, runtimes):
        """host.load imports and starts that plugin only and compiles its page."""
        plugin_factory("org.test.lazy", python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        assert runtime.host.load("org.test.lazy")
        assert imported("org.test.lazy")
        assert module_of("org.test.lazy").EVENTS == ["start"]
        record = runtime.host.record("org.test.lazy")
        assert record.loaded and set(record.components) == {"page"}
        assert not imported("org.headunit.tripcomputer")

    def test_opening_an_app_loads_it(self, plugin_factory, runtimes):
        """Opening an app from the shell loads it and puts it first in the recents."""
        plugin_factory("org.test.lazy", python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        assert runtime.apps.openApp("org.test.lazy")
        assert runtime.apps.currentApp == "org.test.lazy"
        assert runtime.apps.recentApps == ["org.test.lazy"]
        assert module_of("org.test.lazy").EVENTS == ["start"]

    def test_idle_loading_loads_every_plugin(self, plugin_factory, runtimes, qtbot):
        """Idle-time loading loads every registered plugin and then says so."""
        plugin_factory("org.test.lazy", python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=5000):
            runtime.host.load_all_in_idle()
        assert all(r.loaded for r in runtime.host.records())

    def test_media_apps_load_first_so_the_music_resumes_at_once(self, plugin_factory, runtimes, qtbot):
        """Idle loading starts the media app before the others, whatever the order they were found in."""
        for plugin_id in ("org.test.aaa", "org.test.player", "org.test.zzz"):
            plugin_factory(plugin_id, python=RECORDING_PLUGIN, category="media" if plugin_id == "org.test.player" else "utility")
        runtime = runtimes.start(plugin_factory.root)
        order = []
        runtime.host.pluginLoading.connect(order.append)
        with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=5000):
            runtime.host.load_all_in_idle()
        ours = [key for key in order if key.startswith("org.test.")]
        assert ours == ["org.test.player", "org.test.aaa", "org.test.zzz"]
        media = {r.key for r in runtime.host.records() if r.manifest and r.manifest.category == "media"}
        assert set(order[:len(media)]) == media

    def test_shutdown_stops_loaded_plugins(self, plugin_factory, runtimes):
        """Shutting down calls stop() on every started plugin."""
        plugin_factory("org.test.lazy", python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.lazy")
        events = module_of("org.test.lazy").EVENTS
        runtimes.stop(runtime)
        assert events == ["start", "stop"]


class TestCapabilities:
    def test_undeclared_capability_in_start_fails_the_plugin(self, plugin_factory, runtimes):
        """ctx.storage() without the storage capability fails the plugin with a PermissionDenied reason naming
        main.py, its line and the capability."""
        folder = plugin_factory("org.test.nostorage", python="""
            from headunit.sdk import Plugin


            class Main(Plugin):
                def start(self, ctx):
                    self.db = ctx.storage()
            """)
        runtime = runtimes.start(plugin_factory.root)
        assert not runtime.apps.openApp("org.test.nostorage")
        record = runtime.host.record("org.test.nostorage")
        assert record.status == "failed"
        assert record.reason.startswith(f"{folder / 'main.py'}:7: start(): PermissionDenied: ")
        assert "storage() needs the capability 'storage'; add it to capabilities in plugin.toml" in record.reason
        assert runtime.apps.currentApp == ""
        assert "org.test.nostorage" not in runtime.apps.launchable

    def test_context_refuses_each_undeclared_capability(self, plugin_factory, runtimes):
        """Storage, data_dir, vehicle and notify each raise PermissionDenied naming the missing capability; driving
        state needs none."""
        plugin_factory("org.test.bare", python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.bare")
        ctx = runtime.host.record("org.test.bare").instance.ctx
        for attempt, capability in [
            (lambda: ctx.storage(), "storage"),
            (lambda: ctx.data_dir, "storage"),
            (lambda: ctx.vehicle, "vehicle-data"),
            (lambda: ctx.notify("hello"), "notifications"),
            (lambda: ctx.maps, "location"),
            (lambda: ctx.navigation, "location"),
            (lambda: ctx.audio, "audio"),
            (lambda: ctx.media, "media-library"),
        ]:
            with pytest.raises(PermissionDenied) as raised:
                attempt()
            assert raised.value.capability == capability
            assert raised.value.plugin_id == "org.test.bare"
        assert runtime.notifications.count == 0
        assert ctx.driving.state in ("parked", "idling", "moving")

    def test_only_a_navigation_app_publishes_the_route(self, plugin_factory, runtimes):
        """Any app with location reads the drive in progress; publishing it is for category navigation."""
        plugin_factory("org.test.reader", python=RECORDING_PLUGIN, capabilities=("location",))
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.reader")
        ctx = runtime.host.record("org.test.reader").instance.ctx
        assert ctx.navigation.state is runtime.navigation and not ctx.navigation.state.active
        with pytest.raises(PermissionDenied) as raised:
            ctx.navigation.set_route("Casino", (43.739, 7.428), [(43.74, 7.42), (43.739, 7.428)])
        assert raised.value.capability == "category navigation"
        assert not runtime.navigation.active

    def test_storage_is_the_plugins_own(self, plugin_factory, runtimes, headunit_home):
        """A plugin's storage is a SQLite file in its own folder under HEADUNIT_HOME."""
        plugin_factory("org.test.store", python=RECORDING_PLUGIN, capabilities=("storage",))
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.store")
        ctx = runtime.host.record("org.test.store").instance.ctx
        with ctx.storage() as db:
            db.execute("CREATE TABLE notes (text TEXT)")
            db.execute("INSERT INTO notes VALUES ('hello')")
        assert ctx.data_dir == headunit_home / "data" / "plugin-data" / "org.test.store"
        with sqlite3.connect(ctx.data_dir / "storage.db") as db:
            assert db.execute("SELECT text FROM notes").fetchall() == [("hello",)]

    def test_storage_asked_first_from_two_threads_is_one_database(self, plugin_factory, runtimes):
        """The GUI thread and the worker asking for storage at the same moment get the same connection."""
        plugin_factory("org.test.racing", python=RECORDING_PLUGIN, capabilities=("storage",))
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.racing")
        ctx = runtime.host.record("org.test.racing").instance.ctx
        barrier = threading.Barrier(8)

        def first_ask():
            barrier.wait()
            return ctx.storage()

        with ThreadPoolExecutor(8) as pool:
            connections = list(pool.map(lambda _: first_ask(), range(8)))
        assert all(c is connections[0] for c in connections)

    def test_position_needs_the_location_capability(self, plugin_factory, runtimes):
        """With vehicle-data only, speed reads but latitude, longitude and heading read NaN."""
        plugin_factory("org.test.speedonly", python=RECORDING_PLUGIN, capabilities=("vehicle-data",))
        plugin_factory("org.test.located", python=RECORDING_PLUGIN, capabilities=("vehicle-data", "location"))
        runtime = runtimes.start(plugin_factory.root, drive="moving")
        runtime.simulator.setSpeed(72)
        runtime.host.load("org.test.speedonly")
        runtime.host.load("org.test.located")
        blind = runtime.host.record("org.test.speedonly").instance.ctx.vehicle
        sighted = runtime.host.record("org.test.located").instance.ctx.vehicle
        assert blind.speed == sighted.speed == 72.0
        assert all(math.isnan(getattr(blind, name)) for name in ("latitude", "longitude", "heading"))
        assert (sighted.latitude, sighted.longitude) == (runtime.vehicle.latitude, runtime.vehicle.longitude)
        assert not math.isnan(sighted.latitude)

    def test_notifications_reach_the_notification_centre(self, plugin_factory, runtimes):
        """ctx.notify posts to the notification centre under the plugin's id."""
        plugin_factory("org.test.notifier", python=RECORDING_PLUGIN, capabilities=("notifications",))
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.notifier")
        ctx = runtime.host.record("org.test.notifier").instance.ctx
        ctx.notify("Parking ends in 10 min", "Rue Grimaldi")
        assert [(n.source, n.title, n.body) for n in runtime.notifications.items()] == [
            ("org.test.notifier", "Parking ends in 10 min", "Rue Grimaldi")]

    def test_exception_on_the_plugins_worker_fails_the_plugin(self, plugin_factory, runtimes, qtbot):
        """An exception in work submitted with ctx.submit fails the plugin with the worker's file and line."""
        folder = plugin_factory("org.test.worker", python="""
            from headunit.sdk import Plugin


            def sync():
                raise OSError("disk full")


            class Main(Plugin):
                def start(self, ctx):
                    ctx.submit(sync)
            """)
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.worker")
        record = runtime.host.record("org.test.worker")
        qtbot.waitUntil(lambda: record.status == "failed", timeout=2000)
        assert record.reason == f"{folder / 'main.py'}:6: worker: OSError: disk full"


class TestIntents:
    @pytest.fixture
    def runtime(self, plugin_factory, runtimes):
        plugin_factory(NAVIGATOR, python=NAVIGATOR_PLUGIN, intents=NAVIGATOR_INTENTS)
        plugin_factory(SENDER, python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        # The built-in navigation app comes first in discovery order; the driver has turned it off.
        runtime.host.set_disabled("org.headunit.navigation", True)
        runtime.host.load(SENDER)
        return runtime

    @pytest.fixture
    def sender(self, runtime):
        return runtime.host.record(SENDER).instance.ctx

    def test_routed_to_the_declaring_plugin_which_loads_on_demand(self, runtime, sender):
        """An intent reaches the plugin that declares it, which loads on demand, and its answer returns to the
        sender."""
        assert not runtime.host.record(NAVIGATOR).loaded
        answer = sender.send_intent("navigate-to", lat=43.7384, lon=7.4246, name="Port Hercule")
        assert answer == {"accepted": True, "destination": "Port Hercule"}
        assert runtime.host.record(NAVIGATOR).loaded
        assert module_of(NAVIGATOR).RECEIVED == [{"lat": 43.7384, "lon": 7.4246, "name": "Port Hercule"}]

    def test_integer_is_a_number(self, sender):
        """An integer passes where a number is declared; integer and boolean parameters arrive as sent."""
        sender.send_intent("navigate-to", lat=43, lon=7, name="Monaco")
        sender.send_intent("set-volume", level=3, mute=False)
        assert module_of(NAVIGATOR).RECEIVED == [{"lat": 43, "lon": 7, "name": "Monaco"}, {"level": 3, "mute": False}]

    @pytest.mark.parametrize(("params", "problem"), [
        ({"lat": 43.7, "name": "x"}, "lon: missing"),
        ({"lat": 43.7, "lon": 7.4, "name": "x", "zoom": 3}, "zoom: not a parameter of 'navigate-to'"),
        ({"lat": "43.7", "lon": 7.4, "name": "x"}, "lat: expected number, got '43.7'"),
        ({"lat": True, "lon": 7.4, "name": "x"}, "lat: expected number, got True"),
        ({"lat": 43.7, "lon": 7.4, "name": 5}, "name: expected string, got 5"),
    ])
    def test_wrong_parameters_are_refused_naming_the_parameter(self, runtime, sender, params, problem):
        """Missing, extra and wrongly typed parameters raise IntentError naming the parameter, before the handler
        loads."""
        with pytest.raises(IntentError, match=f"intent 'navigate-to' for {NAVIGATOR}: .*{problem}"):
            sender.send_intent("navigate-to", **params)
        assert not runtime.host.record(NAVIGATOR).loaded

    @pytest.mark.parametrize(("params", "problem"), [
        ({"level": 2.5, "mute": False}, "level: expected integer, got 2.5"),
        ({"level": True, "mute": False}, "level: expected integer, got True"),
        ({"level": 2, "mute": 0}, "mute: expected boolean, got 0"),
    ])
    def test_integer_and_boolean_are_strict(self, sender, params, problem):
        """A float or bool is not an integer, and 0 is not a boolean."""
        with pytest.raises(IntentError, match=problem):
            sender.send_intent("set-volume", **params)

    def test_open_app_is_handled_by_the_shell(self, runtime, sender):
        """open-app opens the app in the shell and answers whether it could."""
        assert sender.send_intent("open-app", id=NAVIGATOR) is True
        assert runtime.apps.currentApp == NAVIGATOR
        assert sender.send_intent("open-app", id="org.test.nowhere") is False
        assert runtime.apps.currentApp == NAVIGATOR

    def test_unknown_intent_is_an_error(self, sender):
        """An intent nobody declares raises IntentError naming the intent and the sender."""
        with pytest.raises(IntentError, match=f"intent 'dim-lights' from {SENDER}: no enabled app handles it"):
            sender.send_intent("dim-lights", level=3)

    def test_intent_of_a_disabled_app_is_not_delivered(self, runtime, sender):
        """A disabled app does not receive intents."""
        runtime.apps.setEnabled(NAVIGATOR, False)
        with pytest.raises(IntentError, match="no enabled app handles it"):
            sender.send_intent("navigate-to", lat=43.7, lon=7.4, name="x")

    def test_handler_that_raises_fails_its_plugin_not_the_sender(self, runtime, sender):
        """A handler that raises fails its own plugin; the sender gets an IntentError and keeps running."""
        with pytest.raises(IntentError, match=f"intent 'navigate-to': {NAVIGATOR} failed while handling it"):
            sender.send_intent("navigate-to", lat=43.7, lon=7.4, name="crash")
        navigator = runtime.host.record(NAVIGATOR)
        assert navigator.status == "failed"
        assert "main.py" in navigator.reason and "RuntimeError: routing engine crashed" in navigator.reason
        assert runtime.host.record(SENDER).status == "ok"

    def test_handling_an_undeclared_intent_is_refused(self, sender):
        """handle_intent for an intent missing from the manifest raises IntentError pointing at plugin.toml."""
        with pytest.raises(IntentError, match=r"plugin\.toml: intents: handle_intent\('pay'\) needs an \[\[intents\]\]"):
            sender.handle_intent("pay", lambda params: None)


class TestPluginSettings:
    SETTINGS = [
        {"key": "voice", "type": "bool", "title": "Voice guidance", "default": True},
        {"key": "route", "type": "choice", "title": "Route", "default": "fast", "choices": ["fast", "short", "eco"]},
    ]
    PLUGIN = """
        from headunit.sdk import Plugin

        CHANGES = []


        class Main(Plugin):
            def start(self, ctx):
                ctx.settingChanged.connect(lambda key: CHANGES.append((key, ctx.setting(key))))
                self.ctx = ctx
        """

    def test_defaults_come_from_the_manifest(self, plugin_factory, runtimes):
        """Settings › Apps shows the manifest's settings with their defaults, and the plugin reads the same."""
        plugin_factory("org.test.nav", python=self.PLUGIN, settings=self.SETTINGS)
        runtime = runtimes.start(plugin_factory.root)
        assert runtime.apps.settingsOf("org.test.nav") == [
            {"key": "voice", "type": "bool", "title": "Voice guidance", "value": True, "choices": [],
             "choiceTitles": []},
            {"key": "route", "type": "choice", "title": "Route", "value": "fast", "choices": ["fast", "short", "eco"],
             "choiceTitles": ["fast", "short", "eco"]},
        ]
        runtime.host.load("org.test.nav")
        assert runtime.host.record("org.test.nav").instance.ctx.setting("route") == "fast"

    def test_set_reaches_the_plugin_and_survives_a_restart(self, plugin_factory, runtimes):
        """A changed setting notifies the running plugin and is still set after a restart."""
        plugin_factory("org.test.nav", python=self.PLUGIN, settings=self.SETTINGS)
        runtime = runtimes.start(plugin_factory.root)
        runtime.host.load("org.test.nav")
        runtime.apps.setSetting("org.test.nav", "route", "eco")
        runtime.apps.setSetting("org.test.nav", "voice", False)
        assert module_of("org.test.nav").CHANGES == [("route", "eco"), ("voice", False)]
        runtimes.stop(runtime)

        again = runtimes.start(plugin_factory.root)
        assert [s["value"] for s in again.apps.settingsOf("org.test.nav")] == [False, "eco"]

    def test_invalid_values_are_refused(self, plugin_factory, runtimes):
        """A choice outside the list raises ValueError, an unknown key KeyError, and nothing is stored."""
        plugin_factory("org.test.nav", python=self.PLUGIN, settings=self.SETTINGS)
        runtime = runtimes.start(plugin_factory.root)
        with pytest.raises(ValueError, match="setting 'route': expected one of"):
            runtime.host.set_plugin_setting("org.test.nav", "route", "scenic")
        with pytest.raises(KeyError, match="no setting 'colour'"):
            runtime.host.set_plugin_setting("org.test.nav", "colour", "red")
        assert runtime.host.plugin_setting("org.test.nav", "route") == "fast"


class TestEnableDisable:
    def test_disabled_plugin_is_stopped_hidden_and_remembered(self, plugin_factory, runtimes):
        """Disabling stops the plugin, closes it and hides it; it stays disabled after a restart until enabled
        again."""
        plugin_factory("org.test.radio", python=RECORDING_PLUGIN)
        runtime = runtimes.start(plugin_factory.root)
        assert runtime.apps.openApp("org.test.radio")
        events = module_of("org.test.radio").EVENTS

        runtime.apps.setEnabled("org.test.radio", False)
        record = runtime.host.record("org.test.radio")
        assert (record.status, record.reason, record.loaded) == ("disabled", None, False)
        assert events == ["start", "stop"]
        assert runtime.apps.currentApp == ""
        assert "org.test.radio" not in runtime.apps.launchable
        assert not runtime.apps.openApp("org.test.radio")
        runtimes.stop(runtime)

        again = runtimes.start(plugin_factory.root)
        assert again.host.record("org.test.radio").status == "disabled"
        again.apps.setEnabled("org.test.radio", True)
        assert again.host.record("org.test.radio").status == "ok"
        assert again.apps.openApp("org.test.radio")
        runtimes.stop(again)

        assert runtimes.start(plugin_factory.root).host.record("org.test.radio").status == "ok"

    def test_plugin_that_failed_to_register_cannot_be_toggled(self, plugin_factory, runtimes):
        """A folder without a usable manifest cannot be disabled or enabled."""
        folder = plugin_factory.root / "org.test.broken"
        folder.mkdir()
        runtime = runtimes.start(plugin_factory.root)
        with pytest.raises(ValueError, match="cannot be enabled or disabled"):
            runtime.host.set_disabled(str(folder), True)
