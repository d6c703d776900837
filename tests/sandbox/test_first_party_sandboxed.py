"""The shell's own plugins run sandboxed (`--sandbox-all`): each works through the channel as it does in the
shell's process, so the sandboxed API is complete."""

from __future__ import annotations

import array
import json
import math
import sqlite3
import subprocess
import time

import shiboken6
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtTest import QTest

from headunit import paths
from headunit.maps.geo import distance_m
from tests.music_files import copy_library, encode_tone, write_tags
from tests.sandbox.conftest import open_sandboxed
from tests.shell import descendants, find, link_with_a_card, named, settle

TRIP = "org.headunit.tripcomputer"
WEATHER = "org.headunit.weather"
PLACES = "org.headunit.places"
NAVIGATION = "org.headunit.navigation"
MUSIC = "org.headunit.music"
WALLET = "org.headunit.wallet"
PLACES_DATA = paths.BUILTIN_PLUGINS_DIR / PLACES / "data" / "monaco-places.json"


def saved_trip(runtime) -> float:
    """The distance since reset the trip computer last wrote to its own storage, in metres."""
    db = runtime.host.data_root / TRIP / "storage.db"
    if not db.exists():
        return -1.0
    with sqlite3.connect(db) as connection:
        try:
            row = connection.execute("SELECT distance_m FROM trip WHERE name = 'since_reset'").fetchone()
        except sqlite3.OperationalError:
            return -1.0
    return row[0] if row else -1.0


def test_trip_computer_counts_distance_while_driving_and_resets_by_intent(make_shell, qtbot):
    runtime, window = make_shell(800, 480, drive="parked", sandbox_all=True)
    open_sandboxed(qtbot, runtime, window, TRIP)
    runtime.simulator.applyDrive("moving")  # 50 km/h: about 14 m a second
    qtbot.wait(2500)
    runtime.sandbox.stop(TRIP)  # its stop() saves the trip since reset
    qtbot.waitUntil(lambda: saved_trip(runtime) > 10, timeout=5000)
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    runtime.host.route_intent("org.headunit.navigation", "reset-trip", {})  # starts it again
    qtbot.waitUntil(lambda: any("Trip reset" in t for t in toasts), timeout=10_000)
    qtbot.waitUntil(lambda: 0 <= saved_trip(runtime) < 10, timeout=5000)
    assert runtime.host.record(TRIP).status == "ok"


def test_weather_reads_the_forecast_through_the_shell_and_publishes_the_outside_temperature(make_shell, qtbot,
                                                                                            monkeypatch):
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    runtime, window = make_shell(800, 480, drive="parked", backend="embedded", sandbox_all=True)
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    open_sandboxed(qtbot, runtime, window, WEATHER)
    qtbot.waitUntil(lambda: runtime.weather.available, timeout=20_000)  # ctx.weather.publish, from its process
    assert runtime.weather.demo and runtime.weather.condition
    shown = [i.property("text") for i in named(window, "outsideTemperatureText") if i.isVisible()]
    assert shown == [f"{math.floor(runtime.weather.temperatureC + 0.5)} °C"]  # the unit once, after a space
    runtime.settings.set("temperatureUnit", "F")  # the plugin's QML reads Settings: its mirror follows
    qtbot.wait(300)
    assert runtime.host.record(WEATHER).status == "ok"


def implicit_width(runtime, qml: str) -> float:
    """The implicit width of one of the shell's controls, as a plugin's page lays it out (same Theme)."""
    component = QQmlComponent(runtime.engine)
    component.setData(f"import QtQuick\nimport HeadUnit.Controls\n{qml}".encode(), QUrl())
    item = component.create()
    assert item is not None, component.errorString()
    width = item.property("implicitWidth")
    shiboken6.delete(item)
    shiboken6.delete(component)  # before the engine it was made with goes
    return width


def tap(window, app, x: float, y: float) -> None:
    """A tap at (x, y) of the app's page, which its surface receives."""
    point = app.mapToScene(QPointF(x, y)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_places_lists_fuel_near_the_car_and_sends_the_chosen_one_to_navigation(make_shell, qtbot):
    runtime, window = make_shell(800, 480, drive="parked", sandbox_all=True)
    sent = []
    find_target = runtime.host.intents.target  # every intent is routed through it, from any app to any app
    runtime.host.intents.target = lambda sender, name, params: (sent.append((sender, name, params)),
                                                                find_target(sender, name, params))[1]
    app = open_sandboxed(qtbot, runtime, window, PLACES)
    # The page: a row of the search field and the Fuel, Parking and Food buttons, then the list.
    theme = runtime.theme
    margin, spacing, target = (theme.property(n) for n in ("spacingM", "spacingS", "touchTarget"))
    button = implicit_width(runtime, 'TouchButton { iconName: "mdi6.gas-station" }')
    right = app.width() - margin
    tap(window, app, right - 2 * (button + spacing) - button / 2, margin + target / 2)  # Fuel
    qtbot.wait(500)
    tap(window, app, app.width() / 2, margin + target + spacing + target / 2)  # the first row
    qtbot.waitUntil(lambda: any(name == "navigate-to" for _, name, _ in sent), timeout=5000)
    sender, _, params = next(s for s in sent if s[1] == "navigate-to")
    places = json.loads(PLACES_DATA.read_text(encoding="utf-8"))
    car = (runtime.vehicle.value("latitude"), runtime.vehicle.value("longitude"))
    nearest_fuel = min((p for p in places if p["category"] == "fuel"),
                       key=lambda p: distance_m(car[0], car[1], p["lat"], p["lon"]))
    assert sender == PLACES and params == {"lat": nearest_fuel["lat"], "lon": nearest_fuel["lon"],
                                           "name": nearest_fuel["name"]}
    assert runtime.host.record(PLACES).status == "ok"


def card_bottom(window, app, margin: float) -> float:
    """Where the card at the page's top left ends (its own colour runs down its left padding to its border)."""
    image = window.grabWindow()
    corner = app.mapToScene(QPointF(margin + 4, margin + 24)).toPoint()
    colour = image.pixelColor(corner)
    y = corner.y()
    while y < image.height() - 1 and _near(image.pixelColor(corner.x(), y + 1), colour):
        y += 1
    return app.mapFromScene(QPointF(corner.x(), y)).y()


def _near(a, b) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 12


def test_navigation_routes_guides_and_draws_its_map_through_the_shell(make_shell, qtbot, install_region, monkeypatch):
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    install_region("monaco")
    runtime, window = make_shell(1280, 720, drive="parked", sandbox_all=True)
    spoken = []
    runtime.speech.started.connect(lambda owner, text: spoken.append(owner))
    app = open_sandboxed(qtbot, runtime, window, NAVIGATION)
    runtime.host.route_intent(PLACES, "navigate-to", {"lat": 43.7275, "lon": 7.4156, "name": "Stade Louis II"})
    # Its MapView's tiles come from the shell's tile server, through the socket bound into its sandbox.
    qtbot.waitUntil(lambda: runtime.maps._server is not None and runtime.maps._server.stats["rendered"] > 4,
                    timeout=10_000)
    # The preview: its card grows by a row for each route (ctx.maps.route, served on the shell's I/O thread).
    margin, target = runtime.theme.property("spacingM"), runtime.theme.property("touchTarget")
    qtbot.waitUntil(lambda: card_bottom(window, app, margin) > margin + 4 * target, timeout=10_000)
    # Each alternative adds a row: Start, the card's last row, stays put once the card has not grown for 0.5 s
    # (on a loaded machine the last route can come seconds after the first).
    seen = {"bottom": None, "since": time.monotonic()}

    def card_settled() -> bool:
        bottom = card_bottom(window, app, margin)
        if bottom != seen["bottom"]:
            seen.update(bottom=bottom, since=time.monotonic())
        return time.monotonic() - seen["since"] > 0.5
    qtbot.waitUntil(card_settled, timeout=15_000)
    tap(window, app, 2 * margin + target / 2, card_bottom(window, app, margin) - margin - target / 2)  # Start
    qtbot.waitUntil(lambda: runtime.navigation.active, timeout=15_000)  # ctx.navigation.set_route
    assert runtime.navigation.publisher == NAVIGATION
    assert runtime.navigation.destinationName == "Stade Louis II"
    qtbot.waitUntil(lambda: not math.isnan(runtime.navigation.remainingMeters), timeout=5000)  # set_progress
    assert 1000 < runtime.navigation.remainingMeters < 6000
    qtbot.waitUntil(lambda: NAVIGATION in spoken, timeout=5000)  # ctx.audio.speak
    assert runtime.host.record(NAVIGATION).status == "ok"


def loudness(qtbot, ms: int = 500) -> int:
    """The loudest sample the test session's sound server played in the next `ms` (its "car" sink's monitor)."""
    recorder = subprocess.Popen(["parec", "--device=car.monitor", "--format=s16le", "--channels=1", "--rate=8000"],
                                stdout=subprocess.PIPE)
    qtbot.wait(ms)
    recorder.terminate()
    data = recorder.communicate(timeout=5)[0]
    samples = array.array("h", data[:len(data) // 2 * 2])
    return max(map(abs, samples), default=0)


def library_answers(runtime) -> list[tuple[str, object]]:
    """Every answer the shell gives the plugins' `ctx.media.library` calls: (query, result)."""
    calls = next(h for h in runtime.sandbox.call_handlers if hasattr(h, "_call_media_library"))
    answers, serve = [], calls._call_media_library

    def spied(key, params):
        work = serve(key, params)
        run = work.fn
        work.fn = lambda: (answer := run(), answers.append((params["query"], answer.get("result"))))[0]
        return work
    calls._call_media_library = spied
    return answers


def test_music_lists_the_library_and_plays_a_track_through_the_sound_server(make_shell, qtbot, monkeypatch, tmp_path,
                                                                           sound_server, music_library):
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    folder = copy_library(music_library["folder"], tmp_path / "Music")
    (folder / "The Long Drives").mkdir()
    track = encode_tone(folder / "The Long Drives" / "01 Slip Road.flac", seconds=8.0)
    write_tags(track, {"title": "Slip Road", "artist": "The Long Drives", "album": "Motorway", "track_no": 1})
    monkeypatch.setenv("HEADUNIT_MUSIC_DIR", str(folder))
    runtime, window = make_shell(800, 480, drive="parked", sandbox_all=True)
    answers = library_answers(runtime)
    with qtbot.waitSignal(runtime.media.scanFinished, timeout=30_000):
        runtime.start_media()
    open_sandboxed(qtbot, runtime, window, MUSIC)
    # The scan's news reached it (its mirror of the scanner) and it read the library's counts again.
    qtbot.waitUntil(lambda: ("stats", runtime.media.library.stats()) in answers, timeout=10_000)
    runtime.host.route_intent(PLACES, "play-media", {"uri": str(track)})  # a file in its read-only music folder
    qtbot.waitUntil(lambda: runtime.audio_focus.mediaOwner == MUSIC, timeout=10_000)  # ctx.audio.request_media
    qtbot.waitUntil(lambda: loudness(qtbot) > 1000, timeout=10_000)  # its own QtMultimedia, into PulseAudio
    runtime.audio_focus.pressMediaKey("pause")  # to the app holding the focus, in its process
    qtbot.waitUntil(lambda: loudness(qtbot) < 100, timeout=5000)
    runtime.audio_focus.pressMediaKey("play")
    qtbot.waitUntil(lambda: loudness(qtbot) > 1000, timeout=5000)
    # Half of it played: the play is recorded in the shell's library (ctx.media.library.record_play).
    qtbot.waitUntil(lambda: [t.path for t in runtime.media.library.recent(1)] == [str(track)], timeout=10_000)
    assert runtime.host.record(MUSIC).status == "ok"


def test_while_moving_the_trip_computer_shows_its_driving_template_and_reset_works(make_shell, qtbot):
    runtime, window = make_shell(800, 480, drive="parked", sandbox_all=True)
    open_sandboxed(qtbot, runtime, window, TRIP)
    runtime.simulator.applyDrive("moving")  # 50 km/h

    def since_reset() -> str:
        page = runtime.sandbox.pageTemplate(TRIP, 0) or {}
        return next((row["value"] for row in page.get("rows", []) if row["label"] == "Since reset"), "")

    qtbot.waitUntil(lambda: since_reset().split(" · ")[0] not in ("", "0 m"), timeout=10_000)
    distance, time, average = since_reset().split(" · ")
    assert distance.endswith(" m") and average.endswith(" km/h")
    shown = [i.property("text") for i in descendants(window.contentItem()) if i.isVisible()
             and i.property("text") in ("Since start", "Since reset", "Reset")]
    assert sorted(set(shown)) == ["Reset", "Since reset", "Since start"]  # the shell draws it, not the app
    runtime.sandbox.activate(TRIP, "page", "reset", -1)
    qtbot.waitUntil(lambda: since_reset().startswith("0 m"), timeout=5000)


def test_while_moving_the_weather_shows_its_driving_template(make_shell, qtbot, monkeypatch):
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    runtime, window = make_shell(800, 480, drive="parked", backend="embedded", sandbox_all=True)
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    open_sandboxed(qtbot, runtime, window, WEATHER)
    qtbot.waitUntil(lambda: runtime.weather.available, timeout=20_000)
    runtime.simulator.applyDrive("moving")

    def rows() -> dict[str, str]:
        page = runtime.sandbox.pageTemplate(WEATHER, 0) or {}
        return {row["label"]: row["value"] for row in page.get("rows", [])}

    qtbot.waitUntil(lambda: "Now" in rows(), timeout=10_000)
    assert rows()["Now"].startswith(f"{math.floor(runtime.weather.temperatureC + 0.5)} °C")
    assert set(rows()) == {"Now", "Feels like", "Wind"}
    tile = runtime.sandbox.tileTemplate(WEATHER, 0)
    assert tile["title"] == "Weather" and tile["subtitle"] == rows()["Now"]



#: By the sandbox parking zone Casino (tests/plugins/test_wallet.py).
AT_THE_CASINO = (43.7396, 7.4281)


def button_runs(window, app, x: float, colour) -> list[tuple[float, float]]:
    """Where buttons of `colour` lie down the column at `x` of the app's page: (top, bottom), page coordinates."""
    image = window.grabWindow()
    runs, top = [], None
    for y in range(int(app.height())):
        inside = _near(image.pixelColor(app.mapToScene(QPointF(x, y)).toPoint()), colour)
        if inside and top is None:
            top = y
        elif not inside and top is not None:
            runs.append((top, y - 1))
            top = None
    return [(a, b) for a, b in runs if b - a > 20]  # buttons, not a stroke of a letter


def test_wallet_starts_parking_on_the_shells_sheet_and_its_page_reads_no_store_that_is_gone(
        make_shell, qtbot, install_region, plugin_log):
    install_region("monaco")
    runtime, window = make_shell(1280, 720, drive="parked", backend="embedded", sandbox_all=True)
    link_with_a_card(runtime, qtbot)
    runtime.simulator.setPosition(*AT_THE_CASINO)
    app = open_sandboxed(qtbot, runtime, window, WALLET)
    qtbot.waitUntil(lambda: (runtime.sandbox.pageTemplate(WALLET, 0) or {}).get("title") == "Wallet", timeout=10_000)
    # Its tabs down the left: Fuel (chosen), Parking, Cards, Receipts.
    small, target = runtime.theme.property("spacingS"), runtime.theme.property("touchTarget")
    tab_x = small + 4
    unchosen = window.grabWindow().pixelColor(app.mapToScene(QPointF(tab_x, small + 2.5 * target + 2 * small)).toPoint())
    tap(window, app, small + target / 2, small + 1.5 * target + small)  # Parking
    # The zones near the car come through the shell (ctx.maps, ctx.cloud); then its duration buttons, two
    # across: 30 and 60 min, 120 and 240 min, the last two rows of buttons at the page's right.
    right = app.width() - runtime.theme.property("spacingM") - 6
    qtbot.waitUntil(lambda: len(button_runs(window, app, right, unchosen)) >= 2, timeout=15_000)
    settle(qtbot)
    top, bottom = button_runs(window, app, right, unchosen)[-2]
    tap(window, app, right - 10, (top + bottom) / 2)  # 60 min
    qtbot.waitUntil(lambda: runtime.payments.shown and runtime.payments.cardId != "", timeout=10_000)
    settle(qtbot)
    assert find(window, "paymentAmount").property("text") == "Hold €4.80"
    runtime.payments.confirm()

    def rows() -> dict[str, str]:
        page = runtime.sandbox.pageTemplate(WALLET, 0) or {}
        return {row["label"]: row["value"] for row in page.get("rows", [])}

    qtbot.waitUntil(lambda: rows().get("Zone") == "Sandbox zone Casino", timeout=20_000)
    runtime.simulator.applyDrive("moving")  # the shell draws its template: the session, nothing to pay
    settle(qtbot)
    shown = {i.property("text") for i in descendants(window.contentItem()) if i.isVisible()}
    assert "Sandbox zone Casino" in shown and "Payments are available when parked" in shown
    process = runtime.sandbox.process_of(WALLET)
    with qtbot.waitSignal(process.ended, timeout=10_000):
        runtime.sandbox.stop(WALLET)
    assert runtime.host.record(WALLET).status == "ok"
    # Its page never read a store that was not there: not before the plugin handed it over, not as it stopped.
    output = plugin_log()
    assert "WalletView.qml" not in output and "Main.qml" not in output, output[-2000:]
