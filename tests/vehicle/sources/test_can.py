"""CAN through python-can's virtual bus with the demo car's DBC: frames encoded by cantools, as an ECU sends
them, reach VehicleState; a bus gone quiet fails closed."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest

from headunit.vehicle.driving import DrivingState
from headunit.vehicle.sources.base import SpecError
from headunit.vehicle.sources.manager import VehicleSources
from headunit.vehicle.sources.registry import create
from headunit.vehicle.state import VehicleState

can = pytest.importorskip("can")
cantools = pytest.importorskip("cantools")

ROOT = Path(__file__).resolve().parents[3]
DBC = ROOT / "tests" / "fixtures" / "vehicle" / "demo-car.dbc"
EXAMPLE_DBC = ROOT / "packaging" / "vehicle" / "example.dbc"


class Car:
    """The car's ECUs: each message of `frames` sent every 20 ms on a virtual bus until `quiet()`."""

    def __init__(self, channel: str, **frames: dict[str, object]):
        self.db = cantools.database.load_file(DBC)
        self.frames = frames
        self.bus = can.Bus(interface="virtual", channel=channel)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            for name, signals in list(self.frames.items()):
                message = self.db.get_message_by_name(name)
                full = {s.name: 0 for s in message.signals} | signals
                self.bus.send(can.Message(arbitration_id=message.frame_id, data=message.encode(full, strict=False),
                                          is_extended_id=message.is_extended_frame))

    def quiet(self) -> None:
        self._stop.set()
        self._thread.join()
        self.bus.shutdown()


@pytest.fixture
def channel():
    return f"headunit-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def car(channel):
    cars: list[Car] = []

    def start(**frames: dict[str, object]) -> Car:
        cars.append(Car(channel, **frames))
        return cars[-1]

    yield start
    for c in cars:
        if not c._stop.is_set():
            c.quiet()


@pytest.fixture
def sources():
    made: list[VehicleSources] = []

    def start(vehicle: VehicleState, spec: str) -> VehicleSources:
        made.append(VehicleSources(vehicle, [spec]))
        made[-1].start()
        return made[-1]

    yield start
    for s in made:
        s.stop()


def test_frames_encoded_with_the_dbc_change_the_vehicle_state(qtbot, car, channel, sources):
    vehicle = VehicleState()
    source = sources(vehicle, f"can:virtual:{channel}:{DBC}").running()[0]
    assert set(source.provides) == {"speed", "gear", "headlights", "parkingBrake", "rpm"}
    ecus = car(ABS_Speed={"VehicleSpeed": 42.5}, ECM_Engine={"EngineSpeed": 2000.0},
               TCM_Gear={"GearLever": "Drive"}, BCM_Lights={"LowBeam": 1, "ParkingBrake": "Released"})
    qtbot.waitUntil(lambda: vehicle.value("speed") == 42.5 and vehicle.value("rpm") == 2000.0, timeout=3_000)
    assert (vehicle.value("gear"), vehicle.value("headlights"), vehicle.value("parkingBrake")) == ("D", True, False)
    assert source.alive and source.error == ""

    ecus.frames["TCM_Gear"] = {"GearLever": "Reverse"}
    qtbot.waitUntil(lambda: vehicle.value("gear") == "R", timeout=3_000)
    ecus.frames["TCM_Gear"] = {"GearLever": "Sport"}  # a forward gear of the selector's own
    qtbot.waitUntil(lambda: vehicle.value("gear") == "D", timeout=3_000)
    # A value the table names but that is no gear, or a speed the ABS unit cannot tell, is not published.
    ecus.frames["TCM_Gear"] = {"GearLever": "Invalid"}
    ecus.frames["ABS_Speed"] = {"VehicleSpeed": "SNA"}
    qtbot.waitUntil(lambda: vehicle.age("gear") > 0.3 and vehicle.age("speed") > 0.3, timeout=3_000)
    assert vehicle.value("gear") == "D" and vehicle.value("speed") == 42.5 and vehicle.age("rpm") < 0.3


def test_a_quiet_bus_makes_the_driving_state_fail_closed(qtbot, car, channel, sources):
    vehicle = VehicleState()
    driving = DrivingState(vehicle)
    source = sources(vehicle, f"can:virtual:{channel}:{DBC}").running()[0]
    ecus = car(ABS_Speed={"VehicleSpeed": 0.0}, TCM_Gear={"GearLever": "Park"},
               BCM_Lights={"ParkingBrake": "Applied"})
    qtbot.waitUntil(lambda: driving.state == "parked" and not driving.stale, timeout=3_000)

    ecus.quiet()
    qtbot.waitUntil(lambda: driving.stale and driving.state == "moving", timeout=4_000)
    qtbot.waitUntil(lambda: not source.alive, timeout=2_000)
    assert source.error == f"no frame of {', '.join(source.provides)} on CAN virtual {channel}"


def _bad_dbc(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "car.dbc"
    path.write_text(text)
    return path


def test_a_dbc_that_does_not_parse_is_named_and_the_source_never_alive(tmp_path, channel):
    path = _bad_dbc(tmp_path, 'VERSION ""\n\nBO_ 256 ABS_Speed 8 ABS\n SG_ VehicleSpeed : 0|16@1+ (0.01,0) [0|1] "" HU\n')
    vehicle = VehicleState()
    sources = VehicleSources(vehicle, [f"can:virtual:{channel}:{path}"])
    [failed] = sources.sources
    assert not failed.alive
    assert f"DBC file {path} does not parse" in failed.error and "line 3" in failed.error


@pytest.mark.parametrize(("dbc", "field", "words"), [
    (None, "dbc", "No such file"),
    ('VERSION ""\n\nBO_ 512 TCM: 1 TCM\n SG_ Gear : 0|4@1+ (1,0) [0|15] "" HU\n', "dbc", "no value table"),
    ('VERSION ""\n\nBO_ 256 ABS: 2 ABS\n SG_ Speed : 0|16@1+ (1,0) [0|65535] "furlong" HU\n', "dbc", "furlong"),
    ('VERSION ""\n\nBO_ 1 X: 1 ECU\n SG_ Wipers : 0|1@1+ (1,0) [0|1] "" HU\n', "dbc", "no signal is named like"),
])
def test_a_dbc_that_cannot_be_used_says_why(tmp_path, dbc, field, words):
    path = tmp_path / "missing.dbc" if dbc is None else _bad_dbc(tmp_path, dbc)
    with pytest.raises(SpecError) as caught:
        create(f"can:virtual:x:{path}")
    assert caught.value.field == field and words in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(("rest", "field"), [
    ("virtual:x", "can"),
    (f"carrier-pigeon:x:{DBC}", "interface"),
    (f"virtual:x:{DBC}:wipers=Wipers", "wipers"),
    (f"virtual:x:{DBC}:bitrate=fast", "bitrate"),
    (f"virtual:x:{DBC}:speed=VehicleSpeed,gear", "options"),
    (f"virtual:x:{DBC}:speed=NoSuchSignal", "dbc"),
])
def test_a_bad_spec_names_its_field(rest, field):
    with pytest.raises(SpecError) as caught:
        create(f"can:{rest}")
    assert caught.value.field == field


def test_signals_named_in_the_spec_win_over_the_names_the_dbc_gives_them():
    source = create(f"can:virtual:x:{DBC}:speed=ABS_Speed.WheelSpeedFL,gear=GearEngaged:bitrate=500000")
    assert "speed=ABS_Speed.WheelSpeedFL" in source.describe() and "gear=TCM_Gear.GearEngaged" in source.describe()
    assert source.bitrate == 500000


def test_the_example_dbc_binds_every_reading_by_its_signal_names():
    source = create(f"can:socketcan:can0:{EXAMPLE_DBC}")
    assert set(source.provides) == {"speed", "gear", "headlights", "parkingBrake", "rpm"}


def test_a_can_interface_that_is_not_there_is_named(qtbot, tmp_path):
    source = create(f"can:socketcan:headunit-no-such-can:{DBC}")
    source.start()
    try:
        qtbot.waitUntil(lambda: "headunit-no-such-can" in source.error, timeout=3_000)
        assert not source.alive
    finally:
        source.stop()


def test_value_tables_give_gears_and_flags_and_units_give_km_h():
    from headunit.vehicle.sources import dbc

    db = cantools.database.load_string(
        'VERSION ""\n\nBO_ 1 Body: 3 ECU\n SG_ Speed : 0|8@1+ (1,0) [0|255] "mph" HU\n'
        ' SG_ PRNDL : 8|4@1+ (1,0) [0|15] "" HU\n SG_ HandBrake : 12|2@1+ (1,0) [0|3] "" HU\n'
        'VAL_ 1 PRNDL 0 "P" 1 "R" 2 "N" 3 "D" 4 "L" 5 "M3" 6 "Between" ;\n'
        'VAL_ 1 HandBrake 0 "Not Applied" 1 "Applied" 2 "Fault" ;\n', database_format="dbc")
    convert = {b.reading: b.convert for b in dbc.bind(db, {}, "body.dbc")}
    assert convert["speed"](100) == pytest.approx(160.9344)
    assert [convert["gear"](raw) for raw in range(8)] == ["P", "R", "N", "D", "D", "D", None, None]
    assert [convert["parkingBrake"](raw) for raw in range(3)] == [False, True, None]
