"""The .qmltypes that qmllint reads describe the Python types QML uses, as the code declares them today."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from headunit.host.context import VehicleReader
from headunit.shell.formats import _FUNCTIONS, Format
from headunit.shell.settings import DEFAULTS, Settings
from headunit.shell.theme import METRICS, PALETTES, Theme
from headunit.vehicle.profile import PUBLIC, VehicleProfile, VehicleProfileView
from headunit.vehicle.restrictions import FLAGS, UxRestrictions
from headunit.vehicle.state import READINGS, VehicleState

ROOT = Path(__file__).resolve().parents[2]
QMLTYPES = ROOT / "headunit" / "qml" / "HeadUnit" / "HeadUnit.qmltypes"


def test_the_checked_in_qmltypes_match_the_python_code():
    """A property, signal or slot added in Python and not written to the .qmltypes (`make qmltypes`) would be
    an "unknown member" to qmllint and to the QML compiler."""
    done = subprocess.run([sys.executable, "scripts/qmltypes.py", "--check"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def _component(name: str) -> str:
    text = QMLTYPES.read_text(encoding="utf-8")
    start = text.index(f'        name: "{name}"\n')
    end = text.find("\n    Component {", start)
    return text[start:end if end != -1 else len(text)]


def _qml_properties(component: str) -> dict[str, str]:
    """Property name -> its notify signal, as qmllint sees them."""
    found = {}
    for block in re.findall(r"Property \{(.*?)\}", component, re.S):
        name = re.search(r'name: "(\w+)"', block).group(1)
        notify = re.search(r'notify: "(\w+)"', block)
        found[name] = notify.group(1) if notify else ""
    return found


@pytest.mark.parametrize(("qml_name", "names", "notify"), [
    ("Theme", [*PALETTES["day"]], "paletteChanged"),
    ("Theme", [*METRICS], "metricsChanged"),
    ("Settings", [*DEFAULTS], "changed"),
    ("UxRestrictions", [*FLAGS], "changed"),
    ("VehicleState", [*READINGS], None),
    ("VehicleProfile", [*PUBLIC], "changed"),
    ("Format", [*_FUNCTIONS], "changed"),
])
def test_every_token_setting_and_reading_is_a_declared_property_qmllint_knows(qml_name, names, notify):
    """Adding a colour, a setting or a reading to its table without declaring its property fails here, rather
    than as an undefined value on screen."""
    properties = _qml_properties(_component(qml_name))
    for name in names:
        assert name in properties, f"{qml_name}.{name} is not declared"
        assert properties[name] == (notify or f"{name}Changed"), f"{qml_name}.{name} notifies {properties[name]}"


@pytest.mark.parametrize(("cls", "names", "notify"), [
    (Theme, [*PALETTES["day"], *METRICS], None),
    (Settings, [*DEFAULTS], "changed"),
    (UxRestrictions, [*FLAGS], "changed"),
    (VehicleState, [*READINGS], None),
    (VehicleProfile, [*PUBLIC], "changed"),
    (VehicleProfileView, [*PUBLIC], "changed"),
    (VehicleReader, [*READINGS], None),
    (Format, [*_FUNCTIONS], "changed"),
])
def test_the_running_types_have_the_same_properties_and_signals(cls, names, notify):
    meta = cls.staticMetaObject
    by_name = {meta.property(i).name(): meta.property(i) for i in range(meta.propertyCount())}
    for name in names:
        prop = by_name.get(name)
        assert prop is not None, f"{cls.__name__}.{name} is missing"
        assert prop.hasNotifySignal(), f"{cls.__name__}.{name} does not notify"
        if notify or cls in (VehicleState, VehicleReader):
            expected = notify or f"{name}Changed"
            assert prop.notifySignal().name().data().decode() == expected


def test_settings_properties_write_through_to_the_settings():
    settings = Settings(None)
    settings.setProperty("distanceUnit", "mi")
    assert settings.get("distanceUnit") == "mi"
    settings.setProperty("musicFolders", ["/media/usb"])
    assert settings.property("musicFolders") == ["/media/usb"]


def test_location_readings_stay_hidden_from_a_plugin_without_the_capability():
    state = VehicleState()
    state.publish(latitude=43.7, longitude=7.4, speed=30.0)
    hidden, shown = VehicleReader(state, location=False), VehicleReader(state, location=True)
    assert hidden.property("speed") == 30.0 and shown.property("latitude") == 43.7
    assert hidden.property("latitude") != hidden.property("latitude")  # NaN


def _qmllint(tmp_path: Path, body: str) -> str:
    qml = tmp_path / "Probe.qml"
    qml.write_text("import QtQuick\nimport HeadUnit\n\nItem {\n" + body + "\n}\n", encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).parent / "pyside6-qmllint"), "-I", str(ROOT / "headunit" / "qml"), str(qml)],
                          capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def test_qmllint_knows_the_singletons_and_catches_a_misspelt_token(tmp_path):
    """With the .qmltypes, qmllint checks `Theme.…`, `Settings.…` and `Vehicle.…` against the Python classes: a
    misspelt colour is an error before anyone sees a black label."""
    good = _qmllint(tmp_path, "    property color ink: Theme.textMuted\n    property real gap: Theme.spacingM\n"
                              "    property string units: Settings.distanceUnit\n    property real speed: Vehicle.speed")
    assert good.strip() == "", good
    bad = _qmllint(tmp_path, "    property color ink: Theme.textMutd")
    assert 'Member "textMutd" not found on type "Theme"' in bad
