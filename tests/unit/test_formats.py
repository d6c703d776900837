"""One formatter for the figures a driver reads: the same wording everywhere, per language and units."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtQml import QQmlComponent, QQmlEngine

from headunit.sdk import formats
from headunit.shell import formats as shell_formats
from headunit.shell import qml_services
from headunit.shell.formats import Format
from headunit.shell.settings import Settings


@pytest.fixture(autouse=True)
def _defaults():
    before = formats.current()
    yield
    shell_formats.use(language=before["language"], distance_unit=before["distanceUnit"],
                temperature_unit=before["temperatureUnit"], clock24h=before["clock24h"])


@pytest.mark.parametrize(("seconds", "en", "de", "zh"), [
    (10, "just now", "gerade eben", "刚刚"),
    (5 * 60 + 20, "5 min ago", "vor 5 Min.", "5分钟前"),
    (2 * 3600 + 100, "2 h ago", "vor 2 Std.", "2小时前"),
    (30 * 3600, "yesterday", "gestern", "昨天"),
    (3 * 86400 + 10, "3 days ago", "vor 3 Tagen", "3天前"),
])
def test_age_reads_the_same_in_every_language(seconds, en, de, zh):
    assert (formats.age(seconds, language="en"), formats.age(seconds, language="de"),
            formats.age(seconds, language="zh_CN")) == (en, de, zh)


@pytest.mark.parametrize(("metres", "en", "de", "zh"), [
    (80, "80 m", "80 m", "80 米"),
    (704, "700 m", "700 m", "700 米"),
    (1230, "1.2 km", "1,2 km", "1.2 公里"),
    (12_400, "12 km", "12 km", "12 公里"),
    (1_234_000, "1,234 km", "1.234 km", "1,234 公里"),
])
def test_distance_switches_units_once_and_never_mixes_them(metres, en, de, zh):
    assert (formats.distance(metres, language="en", unit="km"), formats.distance(metres, language="de", unit="km"),
            formats.distance(metres, language="zh_CN", unit="km")) == (en, de, zh)


def test_chinese_uses_chinese_units_throughout():
    """No "m" or "km" next to 公里: metres, kilometres and speeds all in Chinese units."""
    texts = [formats.distance(m, language="zh_CN", unit="km") for m in (5, 80, 999, 1000, 25_000)]
    texts.append(formats.speed(50, language="zh_CN", unit="km"))
    texts.append(formats.duration(600, language="zh_CN"))
    assert all("m" not in t.replace("公里", "") and "k" not in t for t in texts), texts
    assert texts[2:4] == ["1.0 公里", "1.0 公里"]  # 999 m rounds to a kilometre, not "1000 米"


def test_imperial_distance_and_speed():
    assert formats.distance(30, language="en_US", unit="mi") == "100 ft"
    assert formats.distance(1609.344 * 0.8, language="en_US", unit="mi") == "0.8 mi"
    assert formats.distance(1609.344 * 12, language="en_US", unit="mi") == "12 mi"
    assert formats.speed(80.47, language="en_US", unit="mi") == "50 mph"


@pytest.mark.parametrize(("seconds", "en", "de", "zh"), [
    (20, "< 1 min", "< 1 Min.", "不到 1 分钟"),
    (12 * 60, "12 min", "12 Min.", "12 分钟"),
    (3600 + 5 * 60, "1 h 05 min", "1 Std. 05 Min.", "1 小时 05 分钟"),
    (59 * 60 + 50, "1 h 00 min", "1 Std. 00 Min.", "1 小时 00 分钟"),
])
def test_duration(seconds, en, de, zh):
    assert (formats.duration(seconds, language="en"), formats.duration(seconds, language="de"),
            formats.duration(seconds, language="zh_CN")) == (en, de, zh)


def test_temperature_carries_its_unit_once():
    assert formats.temperature(8.2, unit="C") == "8 °C"
    assert formats.degrees(8.2, unit="C") == "8°"
    assert formats.temperature(-0.3, unit="C") == "0 °C"  # never "-0"
    assert formats.temperature(-3.6, unit="C") == "-4 °C"
    assert formats.temperature(10, unit="F") == "50 °F"
    assert formats.temperature(8, unit="C").count("°") == 1


def test_speed_and_numbers_per_language():
    assert formats.speed(49.6, language="de", unit="km") == "50 km/h"
    assert (formats.speed_value(49.6, unit="km"), formats.speed_unit(language="zh_CN", unit="km")) == ("50", "公里/时")
    assert formats.number(1234.5, 1, language="de") == "1.234,5"
    assert formats.number(1234.5, 1, language="en") == "1,234.5"


def test_clock_without_seconds():
    when = dt.datetime(2026, 3, 1, 14, 5, 59).timestamp()
    assert formats.clock(when, clock24h=True) == "14:05"
    assert formats.clock(when, language="en_US", clock24h=False) == "2:05 PM"
    assert formats.clock(when, language="zh_CN", clock24h=False) == "下午2:05"


@pytest.mark.parametrize("missing", [None, float("nan"), float("inf"), "x"])
def test_missing_values_read_as_a_dash(missing):
    for function in (formats.age, formats.distance, formats.duration, formats.speed, formats.temperature,
                     formats.degrees, formats.clock):
        assert function(missing) == "–"


def test_qml_format_follows_the_drivers_language_and_units(qapp, tmp_path):
    """`Format.distance(…)` in a binding changes when the driver picks another language or unit."""
    settings = Settings(tmp_path / "settings.json")
    settings.set("language", "en")

    class Services:
        format = Format(settings)

    engine = QQmlEngine()
    qml_services.attach(engine, Services)
    component = QQmlComponent(engine)
    component.setData(b"import QtQuick\nimport HeadUnit\nQtObject {\n"
                      b"  property string d: Format.distance(1230)\n"
                      b"  property string t: Format.temperature(8)\n"
                      b"  property string a: Format.age(undefined)\n}\n", "file:///format-test.qml")
    item = component.create()
    assert item is not None, component.errors()
    assert (item.property("d"), item.property("t"), item.property("a")) == ("1.2 km", "8 °C", "–")
    settings.set("language", "zh_CN")
    assert item.property("d") == "1.2 公里"
    settings.set("distanceUnit", "mi")
    assert item.property("d") == "0.8 mi".replace("mi", "英里")
    settings.set("temperatureUnit", "F")
    assert item.property("t") == "46 °F"
    # Plugin Python follows the same settings.
    assert formats.distance(1230) == "0.8 英里"
    del item
    engine.deleteLater()
