"""The maps, navigation, weather, media and focus calls are checked on the shell's side: a plugin that skips the
SDK and writes to its channel gets the same refusals (capability, category, argument types and sizes)."""

from __future__ import annotations

from tests.sandbox.conftest import open_sandboxed, template_rows

PROBE = '''
from headunit.sandbox.remote import call
from headunit.sdk import Plugin


def attempt(name, fn):
    try:
        return name, "ok: " + repr(fn())[:60]
    except BaseException as exc:
        return name, type(exc).__name__ + ": " + str(exc)[:100]


class Main(Plugin):
    def start(self, ctx):
        channel = ctx._channel  # past the SDK's own checks, straight to the shell
        ask = lambda method, **params: call(channel, method, **params)
        rows = [attempt(*a) for a in [
            ("route", lambda: ask("navigation.setRoute", name="x", destination=[43.7, 7.4], shape=[[43.7, 7.4]])),
            ("weather", lambda: ask("weather.publish", temperature_c=20, condition="clear", updated=0)),
            ("nearest", lambda: ask("maps.nearest", category="fuel", near=[43.7, 7.4])),
            ("bad point", lambda: ask("maps.nearest", category="fuel", near=[91, 7.4])),
            ("bad limit", lambda: ask("maps.search", text="x", near=[43.7, 7.4], limit=10**6)),
            ("huge shape", lambda: ask("maps.along", category="fuel", shape=[[43.7, 7.4]] * 60_000)),
            ("library", lambda: ask("media.library", query="stats", args={})),
            ("focus", lambda: ask("audio.requestMedia")),
            ("state", lambda: sorted(ask("shell.state"))),
        ]]
        ctx.templates.show("list", title="attempts", rows=[{"title": n, "subtitle": r} for n, r in rows])
'''


def test_each_call_is_refused_without_its_capability_or_category_and_with_bad_arguments(make_shell, qtbot,
                                                                                     plugin_factory):
    plugin_factory("org.example.plain", python=PROBE)
    plugin_factory("org.example.located", python=PROBE, capabilities=("location",))
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])

    open_sandboxed(qtbot, runtime, window, "org.example.plain")
    plain = template_rows(runtime, "org.example.plain")
    for name, capability in (("route", "location"), ("nearest", "location"), ("bad point", "location"),
                             ("library", "media-library"), ("focus", "audio")):
        assert plain[name].startswith("PermissionDenied") and repr(capability) in plain[name], (name, plain[name])
    assert plain["weather"].startswith("PermissionDenied") and "'category weather'" in plain["weather"]
    assert plain["state"] == "ok: ['category', 'settings', 'weather']"  # no drive, no map region, no link

    open_sandboxed(qtbot, runtime, window, "org.example.located")
    located = template_rows(runtime, "org.example.located")
    assert located["route"].startswith("PermissionDenied") and "'category navigation'" in located["route"]
    assert located["nearest"].startswith("ok: {'mapError'")  # allowed; no map region is installed
    assert located["bad point"].startswith("HeadUnitError: lat: 91.0")  # a refused argument: no service ran
    assert located["bad limit"].startswith("HeadUnitError: limit:")
    assert located["huge shape"].startswith("HeadUnitError: shape:")
    assert "'maps'" in located["state"] and "'navigation'" in located["state"]
    assert not runtime.navigation.active and not runtime.weather.available
    assert runtime.audio_focus.mediaOwner == ""
