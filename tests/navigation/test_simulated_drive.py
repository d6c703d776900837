"""End to end: the emulator's car drives a route with the navigation app guiding it, misses a turn, gets a
new route, and arrives; the prompts go through the shell's voice (Speech Dispatcher into a PulseAudio null
sink) while music ducks."""

from __future__ import annotations

import math

import pytest

from tests.shell import settle

NAVIGATION = "org.headunit.navigation"
CASINO = (43.73942, 7.42772)
#: Rue Louis Notari in La Condamine, behind Port Hercule: about 1.6 km from the casino by road.
CONDAMINE = (43.7347, 7.4206)


@pytest.fixture
def drive(make_shell, install_region, sound_server, qtbot):
    install_region("monaco")
    runtime, window = make_shell(1280, 720)
    assert runtime.apps.openApp(NAVIGATION)
    settle(qtbot)
    store = runtime.host.record(NAVIGATION).instance.store
    spoken = []
    runtime.speech.started.connect(lambda owner, text: spoken.append((owner, text)))
    return runtime, window, store, spoken


def _distance_m(a, b) -> float:
    x = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(x, math.radians(b[0] - a[0])) * 6_371_000


def test_a_simulated_drive_is_guided_rerouted_and_arrives_with_spoken_prompts(drive, qtbot):
    runtime, window, store, spoken = drive
    runtime.audio_focus.request_media("org.example.music")
    ducked = []
    runtime.speech.started.connect(lambda *_: ducked.append(runtime.audio_focus.ducked))

    # Route: up to two alternatives, each with a distance and a duration.
    store.previewTo("Rue Louis Notari", *CONDAMINE)
    qtbot.waitUntil(lambda: store.canStart, timeout=10_000)
    assert 1 <= store.routes.rowCount() <= 3
    store.start()
    qtbot.waitUntil(lambda: runtime.navigation.active and store.progress.instruction != "", timeout=5_000)
    first_shape = list(runtime.navigation.routeShape)
    assert _distance_m(first_shape[0], CASINO) < 100 and _distance_m(first_shape[-1], CONDAMINE) < 100

    # Guidance: the car follows the route fast, and the first prompts are spoken.
    runtime.simulator.setSpeed(200)
    runtime.simulator.driveRoute(first_shape)
    qtbot.waitUntil(lambda: len(spoken) >= 2, timeout=30_000)

    # Leaving the route: off-route is detected and a new route arrives within 2 s.
    runtime.simulator.leaveRoute()
    qtbot.waitUntil(lambda: runtime.navigation.routeShape != first_shape, timeout=15_000)
    assert 0 < store.lastRerouteSeconds < 2.0
    new_shape = list(runtime.navigation.routeShape)
    here = (runtime.vehicle.latitude, runtime.vehicle.longitude)
    assert _distance_m(new_shape[0], here) < 150  # the new route starts where the car is
    assert _distance_m(new_shape[-1], CONDAMINE) < 100

    # Arrival along the new route.
    runtime.simulator.driveRoute(new_shape)
    qtbot.waitUntil(lambda: store.state == "arrived", timeout=90_000)
    qtbot.waitUntil(lambda: not runtime.speech.speaking, timeout=30_000)
    settle(qtbot)

    texts = [text for owner, text in spoken]
    assert all(owner == NAVIGATION for owner, _ in spoken)
    assert texts == store.prompts  # every prompt the app gave was spoken, in order
    assert runtime.speech.available, "no voice: is speech-dispatcher with espeak-ng installed?"
    assert any("left" in t.lower() or "right" in t.lower() for t in texts)
    assert "destination" in texts[-1].lower()
    assert all(ducked) and not runtime.audio_focus.ducked  # the music ducked for each prompt, and came back
    print("\nspoken prompts:\n" + "\n".join(f"  {t}" for t in texts))
