"""Settings › Vehicle: the car's profile at a glance, a VIN typed parked (the reason instead while driving), what
the VIN says or why it is refused, the backend's richer answer, the pick lists; opened by the open-settings
intent. At the smallest and a wide screen, day and night, parked and moving: nothing cut short, clipped or
overlapping."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QPointF, QRectF

from headunit.sdk import IntentError
from tests.shell import descendants, find, settle
from tests.ui.geometry import texts

VEHICLE = 6  # Settings' seventh section
GOLF_VIN = "WVWZZZCDZMW072395"  # the simulated car's

SENDER = """
    from headunit.sdk import Plugin

    class Main(Plugin):
        def start(self, ctx):
            self.ctx = ctx
"""


@pytest.fixture
def make_shell(make_shell, tmp_path):
    """The shell as conftest's make_shell starts it, with the store turned off: its service reminders toast over
    the page at start, which is not what these tests look at."""
    settings = tmp_path / "home" / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"disabledPlugins": ["org.headunit.store"]}))
    return make_shell


def _open_vehicle(window, qtbot):
    find(window, "shell").setProperty("overlay", "settings")
    find(window, "settingsView").setProperty("section", VEHICLE)
    settle(qtbot)


def _inside(window, name: str, within: str = "vehicleSection"):
    """The item called `name` on the vehicle page (other apps' pages have text fields too)."""
    items = [i for i in descendants(find(window, within)) if i.objectName() == name]
    assert items, f"no item named {name!r} in {within}"
    return items[0]


def _shown(window, name: str) -> bool:
    return any(i.objectName() == name and i.isVisible() for i in descendants(find(window, "vehicleSection")))


def _scroll_to_end(window, qtbot) -> None:
    section = find(window, "vehicleSection")
    section.setProperty("contentY", max(0.0, section.property("contentHeight") - section.height()))
    settle(qtbot, 200)


@pytest.mark.parametrize("size", [(800, 480), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
def test_parked_the_vin_can_be_typed_and_the_car_picked(make_shell, qtbot, tmp_path, size, night):
    runtime, window = make_shell(*size, night=night)
    _open_vehicle(window, qtbot)
    assert find(window, "vehicleTitle").property("text") == "2021 Volkswagen Golf 1.5 eTSI"
    assert find(window, "vehicleDetails").property("text") == "Mk8 · Petrol · Hatchback · 50 L tank · 205/55 R16"
    assert find(window, "vehicleOdometer").property("text") == "Odometer 23,400 km"
    assert _shown(window, "textEntryField") and _shown(window, "vinDecode")
    assert _shown(window, "vehiclePicker") and not _shown(window, "vehicleEditReason")
    assert find(window, "make:Volkswagen").property("checked") and find(window, "generation:Mk8").property("checked")
    assert find(window, "engine:1.5 eTSI").property("checked") and find(window, "year:2021").property("checked")
    window.grabWindow().save(str(tmp_path / "top.png"))
    assert texts(window)[1] == []
    _scroll_to_end(window, qtbot)
    window.grabWindow().save(str(tmp_path / "end.png"))
    assert texts(window)[1] == []


@pytest.mark.parametrize("size", [(800, 480), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
def test_moving_the_field_gives_way_to_the_reason_and_nothing_can_be_changed(make_shell, qtbot, tmp_path, size,
                                                                              night):
    runtime, window = make_shell(*size, night=night, drive="moving")
    _open_vehicle(window, qtbot)
    assert find(window, "vehicleTitle").property("text") == "2021 Volkswagen Golf 1.5 eTSI"
    assert not _shown(window, "textEntryField") and _shown(window, "typingWhenParked")
    assert not _shown(window, "vinDecode") and not _shown(window, "vehiclePicker")
    assert _shown(window, "vehicleEditReason")
    window.grabWindow().save(str(tmp_path / "moving.png"))
    assert texts(window)[1] == []
    assert "The vehicle can be changed when parked" in {b.text for b in texts(window)[0]}


def test_a_vin_typed_parked_is_decoded_or_refused_with_the_reason(make_shell, qtbot, tmp_path):
    runtime, window = make_shell(800, 480)
    _open_vehicle(window, qtbot)
    field = _inside(window, "textEntryField", "vinEntry")
    field.setProperty("text", "1HGCM82633A004353")  # one character off: the check digit does not calculate
    settle(qtbot, 100)
    find(window, "vinDecode").clicked.emit()
    settle(qtbot)
    verdict = find(window, "vinVerdict").property("text")
    assert verdict == ("1HGCM82633A004353 is refused: "
                       "The check digit (character 9) does not match: a character is mistyped")
    assert runtime.vehicle_profile.make == "Volkswagen"  # nothing changed
    window.grabWindow().save(str(tmp_path / "refused.png"))
    assert texts(window)[1] == []

    field.setProperty("text", "1HGCM82633A004352")
    settle(qtbot, 100)
    find(window, "vinDecode").clicked.emit()
    settle(qtbot)
    assert find(window, "vinVerdict").property("text") == \
        "Honda · North America, United States · model year 2003"
    assert find(window, "vinLookup").property("text") == "Decoded on this car (no backend link)"
    assert find(window, "vehicleTitle").property("text") == "2003 Honda"
    assert find(window, "make:Honda").property("checked") and _shown(window, "modelChoices")
    window.grabWindow().save(str(tmp_path / "decoded.png"))
    assert texts(window)[1] == []


def test_the_odometer_is_typed_in_the_drivers_unit(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    _open_vehicle(window, qtbot)
    entry = _inside(window, "textEntryField", "odometerEntry")
    entry.setProperty("text", "41 250")
    settle(qtbot, 100)
    find(window, "odometerSet").clicked.emit()
    settle(qtbot)
    assert runtime.vehicle_profile.odometerKm == 41_250
    assert find(window, "vehicleOdometer").property("text") == "Odometer 41,250 km"
    runtime.settings.set("distanceUnit", "mi")
    settle(qtbot)
    assert find(window, "vehicleOdometer").property("text") == "Odometer 25,631 mi"


# Intents

@pytest.fixture
def sender(make_shell, plugin_factory, qtbot):
    plugin_factory("org.example.sender", python=SENDER)
    runtime, window = make_shell(800, 480, plugin_paths=[plugin_factory.root])
    return runtime, window, runtime.host.record("org.example.sender").context


def test_open_settings_opens_the_vehicle_page_in_view(sender, qtbot):
    runtime, window, ctx = sender
    assert ctx.send_intent("open-settings", page="vehicle") is True
    settle(qtbot)
    assert find(window, "shell").property("overlay") == "settings"
    assert find(window, "settingsView").property("section") == VEHICLE and find(window, "vehicleSection").isVisible()
    # The section list is taller than an 800x480 screen: the vehicle's button is scrolled into view.
    button, listing = find(window, "section:6"), find(window, "sectionList")
    shown = listing.mapRectToScene(QRectF(0, 0, listing.width(), listing.height()))
    assert shown.contains(button.mapRectToScene(QRectF(0, 0, button.width(), button.height())))
    assert button.property("checked")


def test_open_settings_at_an_unknown_page_opens_the_first_and_a_wrong_page_is_refused(sender, qtbot):
    runtime, window, ctx = sender
    assert ctx.send_intent("open-settings", page="vehicle") is True
    settle(qtbot)
    find(window, "shell").setProperty("overlay", "")
    assert ctx.send_intent("open-settings", page="garage") is True
    settle(qtbot)
    assert find(window, "shell").property("overlay") == "settings"
    assert find(window, "settingsView").property("section") == 0
    assert ctx.send_intent("open-settings") is True and find(window, "settingsView").property("section") == 0
    with pytest.raises(IntentError, match="open-settings.*page: expected string, got 6"):
        ctx.send_intent("open-settings", page=6)


# The backend's richer answer

#: An answer built from vPIC's documented DecodeVinValuesExtended format (Results[0] of string values, ""
#: where NHTSA has no data), not one recorded from NHTSA: the test machines have no internet.
VPIC_GOLF = {
    "Count": 1, "Message": "Results returned successfully", "SearchCriteria": f"VIN:{GOLF_VIN}",
    "Results": [{"VIN": GOLF_VIN, "ErrorCode": "1",
                 "ErrorText": "1 - Check Digit (9th position) does not calculate properly",
                 "Make": "VOLKSWAGEN", "Model": "Golf", "ModelYear": "2021",
                 "BodyClass": "Hatchback/Liftback/Notchback", "FuelTypePrimary": "Gasoline",
                 "ElectrificationLevel": "", "DisplacementL": "1.5", "EngineCylinders": "4", "EngineModel": "DPBA",
                 "Trim": "", "Series": "", "PlantCountry": "GERMANY"}],
}


@pytest.fixture
def vpic():
    """A stand-in for vPIC on loopback, answering VPIC_GOLF for the Golf's VIN; it counts the requests."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            asked.append(self.path)
            found = GOLF_VIN in self.path
            body = json.dumps(VPIC_GOLF if found else {"Results": []}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.asked = asked
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def backend(tmp_path, vpic):
    """A real backend on loopback whose vPIC is the stand-in."""
    from headunit_backend.process import ServerProcess

    url = f"http://127.0.0.1:{vpic.server_address[1]}"
    with ServerProcess(f"sqlite:///{tmp_path / 'backend.db'}", args=["--vpic-url", url],
                       env={"XDG_CACHE_HOME": str(tmp_path / "backend-cache")}) as server:
        yield server


def test_the_backend_fills_what_the_vin_alone_cannot(make_shell, qtbot, backend, vpic, tmp_path):
    runtime, window = make_shell(1280, 720, backend=backend.url)
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    profile = runtime.vehicle_profile
    assert profile.clear()
    _open_vehicle(window, qtbot)

    assert profile.setVin(GOLF_VIN)
    assert (profile.make, profile.year, profile.model) == ("Volkswagen", 2021, "")  # decoded on the car at once
    qtbot.waitUntil(lambda: profile.lookupState == "found", timeout=15_000)
    assert any(GOLF_VIN in path for path in vpic.asked)
    assert profile.lookup == {"make": "VOLKSWAGEN", "model": "Golf", "year": 2021, "engine": "1.5 L",
                              "fuel": "petrol", "body": "hatchback"}
    # In the reference list's words: the 1.5-litre petrol Golf of 2021 is the Mk8's 1.5 eTSI, with its 50 L tank.
    assert (profile.make, profile.model, profile.generation, profile.engine, profile.tankLitres, profile.body) == \
        ("Volkswagen", "Golf", "Mk8", "1.5 eTSI", 50.0, "hatchback")
    settle(qtbot)
    assert find(window, "vinLookup").property("text") == "From the backend: Golf, 1.5 L, Petrol, Hatchback"
    window.grabWindow().save(str(tmp_path / "enriched.png"))
    assert texts(window)[1] == []


@pytest.mark.parametrize("language", ["de", "zh_CN"])
@pytest.mark.parametrize("drive", ["parked", "moving"])
def test_translated_the_page_fits_at_800x480(make_shell, qtbot, tmp_path, language, drive):
    runtime, window = make_shell(800, 480, language=language, drive=drive)
    _open_vehicle(window, qtbot)
    window.grabWindow().save(str(tmp_path / "top.png"))
    problems = texts(window)[1]
    _scroll_to_end(window, qtbot)
    window.grabWindow().save(str(tmp_path / "end.png"))
    assert problems + texts(window)[1] == []


def test_the_field_typed_in_rises_above_the_keyboard_which_goes_when_the_text_is_taken(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    _open_vehicle(window, qtbot)
    field = _inside(window, "textEntryField", "odometerEntry")  # the last field, at the end of the page
    window.requestActivate()
    field.forceActiveFocus()
    qtbot.waitUntil(lambda: _shown(window, "odometerSet") and find(window, "keyboard").isVisible(), timeout=5000)
    settle(qtbot)
    keyboard = find(window, "keyboard")
    top_of_keyboard = keyboard.mapToScene(QPointF(0, 0)).y()
    bottom_of_field = field.mapRectToScene(QRectF(0, 0, field.width(), field.height())).bottom()
    assert bottom_of_field < top_of_keyboard
    field.setProperty("text", "61000")
    find(window, "odometerSet").clicked.emit()
    settle(qtbot)
    assert runtime.vehicle_profile.odometerKm == 61_000
    assert not field.hasActiveFocus() and not find(window, "keyboard").isVisible()
