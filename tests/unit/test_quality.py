"""`headunit plugins check --strict`: the quality tiers as an author meets them (docs/plugin-quality.md)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from headunit import i18n_build
from headunit.host.check_child import check_in_child
from headunit.host.lint import raw_type_warnings
from headunit.host.manifest import load_manifest
from headunit.host.quality import Tier, grade

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_ID = "org.example.good"

#: What each first-party plugin reaches, and the criteria it fails: they are the examples authors read, so a
#: change here is a change in what the examples teach. See docs/plugin-quality.md for why each one fails.
FIRST_PARTY = {
    "org.headunit.music": (Tier.BRONZE, {"driving template", "tile template", "tests", "readme", "no warnings"}),
    "org.headunit.navigation": (Tier.BRONZE, {"driving template", "tile template", "tests", "readme",
                                              "no warnings"}),
    "org.headunit.places": (Tier.BRONZE, {"driving template", "tests", "readme", "no warnings"}),
    "org.headunit.store": (Tier.SILVER, {"tests", "readme", "no warnings"}),
    "org.headunit.tripcomputer": (Tier.SILVER, {"tests", "readme"}),
    "org.headunit.wallet": (Tier.BRONZE, {"settings translated", "tile template", "tests", "readme",
                                          "no warnings"}),
    "org.headunit.weather": (Tier.SILVER, {"tests", "readme", "no warnings"}),
    "org.headunit.appmall": (Tier.SILVER, {"tests", "readme", "no warnings"}),
}

MANIFEST = f"""\
manifest = 1
id = "{PLUGIN_ID}"
name = "Good"
version = "1.0.0"
api = 1
category = "utility"
icon = "mdi6.hand-wave"
description = "Says hello, parked or driving."

[name_translations]
de = "Gut"
zh_CN = "好"

[entry]
page = "qml/Main.qml"
tile = "qml/Tile.qml"
python = "good:Good"

[[settings]]
key = "loud"
type = "choice"
title = "Loudness"
title_translations = {{ de = "Lautstärke", zh_CN = "音量" }}
default = "low"
choices = ["low", "high"]
choice_titles = {{ low = "Low", high = "High" }}
choice_titles_translations = {{ de = {{ low = "Leise", high = "Laut" }}, zh_CN = {{ low = "低", high = "高" }} }}
"""
PAGE = """\
import QtQuick
import HeadUnit.Controls

Item {
    DetailPane { anchors.fill: parent; title: qsTr("Hello") }
}
"""
TILE = """\
import QtQuick

Item {}
"""
PYTHON = """\
from headunit.sdk import Plugin


class Good(Plugin):
    def start(self, ctx):
        self.ctx = ctx
        templates = ctx.templates
        templates.show("pane", title=ctx.tr("Good morning"))
        self.ctx.templates.tile("Good", ctx.tr("Good morning"))
"""
TEST_IMPORTING = """\
from headunit.testing import plugin


def test_the_sdk_ships_a_pytest_plugin():
    assert plugin.__doc__
"""
TRANSLATED = {"de": {"Hello": "Hallo", "Good morning": "Guten Morgen"},
              "zh_CN": {"Hello": "你好", "Good morning": "早上好"}}


def _translate(ts: Path, words: dict[str, str]) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        translation.text = words[message.findtext("source")]
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def _catalogues(folder: Path) -> None:
    """What an author runs: lupdate, translate every string, lrelease."""
    catalogue = i18n_build.plugin_catalogue(folder)
    for ts in i18n_build.update(catalogue):
        _translate(ts, TRANSLATED[ts.stem.removeprefix(f"{PLUGIN_ID}_")])
    for qm in catalogue.translations_dir.glob("*.qm"):
        qm.unlink()
    i18n_build.release(catalogue)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A plugin meeting every criterion: Gold."""
    folder = tmp_path / "plugins" / PLUGIN_ID
    (folder / "qml").mkdir(parents=True)
    (folder / "tests").mkdir()
    (folder / "plugin.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "qml" / "Main.qml").write_text(PAGE)
    (folder / "qml" / "Tile.qml").write_text(TILE)
    (folder / "good.py").write_text(PYTHON)
    (folder / "tests" / "test_good.py").write_text(TEST_IMPORTING)
    (folder / "README.md").write_text("# Good\n\nSays hello. Try it: `headunit emulator --dev .`\n")
    _catalogues(folder)
    return folder


def graded(folder: Path, *, run_child: bool = False):
    manifest = load_manifest(folder)
    problems = check_in_child(folder, manifest.id) if run_child else []
    return grade(manifest, problems=problems, warnings=raw_type_warnings(folder))


def failed(result) -> set[str]:
    return {c.name for c in result.criteria if not c.passed}


def reason(result, name: str) -> str:
    return next(c.reason for c in result.criteria if c.name == name)


def strict(folder: Path, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HEADUNIT_PLUGINS_PATH"}
    env.update(HEADUNIT_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "headunit", "plugins", "check", "--strict", str(folder)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def compiled_catalogues():
    """The .qm files are built, not kept in git: compiled as `make install` does."""
    for folder in (ROOT / "headunit" / "plugins").glob("*/plugin.toml"):
        i18n_build.release(i18n_build.plugin_catalogue(folder.parent))


@pytest.mark.usefixtures("compiled_catalogues")
@pytest.mark.parametrize("plugin_id", sorted(FIRST_PARTY))
def test_every_first_party_plugin_reaches_its_recorded_tier(plugin_id):
    """The first-party plugins, graded as an author's plugin is (their code imported in a child process)."""
    result = graded(ROOT / "headunit" / "plugins" / plugin_id, run_child=True)
    tier, fails = FIRST_PARTY[plugin_id]
    assert (result.tier, failed(result)) == (tier, fails), [c for c in result.criteria if not c.passed]


def test_the_record_covers_every_first_party_plugin():
    assert sorted(p.parent.name for p in (ROOT / "headunit" / "plugins").glob("*/plugin.toml")) == sorted(FIRST_PARTY)


def test_a_plugin_meeting_every_criterion_is_gold_and_strict_passes(good, headunit_home):
    result = graded(good)
    assert (result.tier, failed(result), result.missing()) == (Tier.GOLD, set(), [])
    run = strict(good, headunit_home)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "quality: Gold" in run.stdout
    assert " FAIL " not in run.stdout


def test_pytest_plugins_naming_headunit_testing_counts_and_a_mere_mention_does_not(good):
    test = '"""Not headunit.testing."""\n\n\ndef test_sum():\n    assert "headunit.testing"\n'
    (good / "tests" / "test_good.py").write_text(test)
    assert "tests" in failed(graded(good))
    (good / "tests" / "test_good.py").write_text('pytest_plugins = ["headunit.testing.plugin"]\n\n\n' + test)
    assert graded(good).tier is Tier.GOLD


def test_tests_that_do_not_use_headunit_testing_stop_at_silver(good):
    (good / "tests" / "test_good.py").write_text("def test_sum():\n    assert 1 + 1 == 2\n")
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.SILVER, {"tests"})
    assert "none using headunit.testing" in reason(result, "tests")
    assert [c.name for c in result.missing()] == ["tests"]


def test_a_tests_folder_without_tests_and_no_readme_stop_at_silver(good):
    (good / "tests" / "test_good.py").write_text("import os\n")
    (good / "README.md").unlink()
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.SILVER, {"tests", "readme"})
    assert "no test function" in reason(result, "tests")


def test_a_raw_list_keeps_it_from_gold_and_fails_strict(good, headunit_home):
    (good / "qml" / "Main.qml").write_text(PAGE.replace("DetailPane {", "ListView { model: 3 }\n    DetailPane {"))
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.SILVER, {"no warnings"})
    run = strict(good, headunit_home)
    assert run.returncode == 1
    assert "a raw ListView" in run.stdout
    assert "quality: Silver" in run.stdout
    assert "strict: fails, 1 warning(s)" in run.stdout


def test_the_same_warning_without_strict_still_exits_0(good, headunit_home):
    (good / "qml" / "Main.qml").write_text(PAGE.replace("DetailPane {", "ListView { model: 3 }\n    DetailPane {"))
    env = {**os.environ, "HEADUNIT_HOME": str(headunit_home), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "headunit", "plugins", "check", str(good)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0
    assert "quality:" not in run.stdout


def test_an_unfinished_string_stops_it_at_bronze(good):
    ts = good / "translations" / f"{PLUGIN_ID}_zh_CN.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("<translation>早上好</translation>",
                                                          '<translation type="unfinished"></translation>'),
                  encoding="utf-8")
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"translations"})
    assert f"{PLUGIN_ID}_zh_CN.ts has 1 unfinished" in reason(result, "translations")


def test_a_new_string_not_yet_in_the_catalogues_is_found(good):
    (good / "qml" / "Main.qml").write_text(PAGE.replace('qsTr("Hello")', 'qsTr("Hello") + qsTr("again")'))
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"translations current"})
    assert "lacks 1 and keeps 0" in reason(result, "translations current")


def test_a_translation_changed_without_lrelease_is_found(good):
    ts = good / "translations" / f"{PLUGIN_ID}_de.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("Hallo", "Servus"), encoding="utf-8")
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"translations compiled"})
    assert reason(result, "translations compiled").startswith(
        f"{PLUGIN_ID}_de.qm lacks 1 translation(s) of the current {PLUGIN_ID}_de.ts")


def test_a_catalogue_compiled_differently_still_counts(good):
    """What the .qm says counts, not its bytes: compiled with other options (as another Qt's lrelease may write
    it), it holds the same translations."""
    from headunit.i18n_build import qt_tool

    for ts in (good / "translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        before = qm.read_bytes()
        subprocess.run([qt_tool("lrelease"), "-silent", "-compress", str(ts), "-qm", str(qm)], check=True)
        assert qm.read_bytes() != before
    assert "translations compiled" not in failed(graded(good))


def test_a_catalogue_that_is_not_one_is_named(good):
    (good / "translations" / f"{PLUGIN_ID}_de.qm").write_bytes(b"not a catalogue")
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"translations compiled"})
    assert reason(result, "translations compiled").startswith(f"{PLUGIN_ID}_de.qm cannot be read")


def test_missing_catalogues_are_named(good):
    for file in (good / "translations").iterdir():
        file.unlink()
    result = graded(good)
    assert failed(result) == {"translations", "translations current", "translations compiled"}
    assert f"{PLUGIN_ID}_de.ts, {PLUGIN_ID}_zh_CN.ts missing" in reason(result, "translations")


def test_an_untranslated_setting_choice_is_named(good):
    manifest = good / "plugin.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(', high = "高"', ""), encoding="utf-8")
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"settings translated"})
    assert reason(result, "settings translated") == "settings.0 (loud): choice_titles_translations.zh_CN has no high"


def test_without_a_driving_template_it_stops_at_bronze(good):
    (good / "good.py").write_text(PYTHON.replace('templates.show("pane", title=ctx.tr("Good morning"))',
                                                 'self.greeting = ctx.tr("Good morning")'))
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"driving template"})
    assert "Available when parked" in reason(result, "driving template")


def test_a_tile_without_a_tile_template_stops_at_bronze(good):
    (good / "good.py").write_text(PYTHON.replace('self.ctx.templates.tile("Good", ctx.tr("Good morning"))',
                                                 'self.subtitle = ctx.tr("Good morning")'))
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.BRONZE, {"tile template"})


def test_a_template_call_only_in_the_tests_does_not_count(good):
    """The tests are not the plugin's running code."""
    (good / "good.py").write_text(PYTHON.replace("templates.show(", "print("))
    (good / "tests" / "test_good.py").write_text(TEST_IMPORTING + "\n\ndef test_show(ctx):\n    ctx.templates.show('pane')\n")
    assert "driving template" in failed(graded(good))


def test_a_qml_only_plugin_has_no_driving_template(good):
    manifest = good / "plugin.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('python = "good:Good"\n', ""), encoding="utf-8")
    result = graded(good)
    assert "driving template" in failed(result)
    assert "QML-only" in reason(result, "driving template")


@pytest.mark.parametrize(("old", "new", "criterion"), [
    ('zh_CN = "好"\n', "", "name translations"),
    ('description = "Says hello, parked or driving."\n', "", "description"),
    ('icon = "mdi6.hand-wave"', 'icon = "mdi6.no-such-icon"', "icon"),
])
def test_an_incomplete_manifest_is_below_bronze_and_fails_strict(good, headunit_home, old, new, criterion):
    manifest = good / "plugin.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = graded(good)
    assert (result.tier, failed(result)) == (Tier.NONE, {criterion})
    assert [c.name for c in result.missing()] == [criterion]
    run = strict(good, headunit_home)
    assert run.returncode == 1
    assert "quality: below Bronze" in run.stdout
    assert f"missing for Bronze: {criterion}" in run.stdout
    assert "strict: fails, it is below Bronze" in run.stdout


def test_a_plugin_that_does_not_import_is_below_bronze(good, headunit_home):
    (good / "good.py").write_text(PYTHON + "\nraise RuntimeError('broken at import')\n")
    run = strict(good, headunit_home)
    assert run.returncode == 1
    assert "Bronze  FAIL  check: `plugins check` found 1 error(s)" in run.stdout
    assert "strict: fails, it is below Bronze and 1 error(s)" in run.stdout


def test_an_unreadable_manifest_is_below_bronze(good, headunit_home):
    (good / "plugin.toml").write_text("manifest = \n")
    run = strict(good, headunit_home)
    assert run.returncode == 1
    assert "quality: below Bronze: the manifest is not valid" in run.stdout


def test_grading_runs_none_of_the_plugins_code(good, tmp_path):
    """Reading a plugin's Python and tests for the grade never imports or runs them."""
    marker = tmp_path / "ran.txt"
    payload = f"\nfrom pathlib import Path\nPath({str(marker)!r}).write_text('ran')\n"
    (good / "good.py").write_text(PYTHON + payload)
    (good / "tests" / "conftest.py").write_text(payload)
    (good / "tests" / "test_good.py").write_text(TEST_IMPORTING + payload)
    result = grade(load_manifest(good), problems=[], warnings=[])
    assert result.tier is Tier.GOLD
    assert not marker.exists()


def test_a_test_asking_for_a_fixture_of_headunit_testing_uses_it(good):
    """The SDK's pytest plugin is an entry point: a test may use its fixtures without importing anything."""
    from headunit.host.quality import _testing_fixtures

    fixtures = sorted(_testing_fixtures())
    if not fixtures:
        pytest.skip("headunit.testing.plugin defines no fixture yet")
    test = "def test_it({}):\n    assert {}\n"
    (good / "tests" / "test_good.py").write_text(test.format("not_a_fixture_of_the_sdk", "not_a_fixture_of_the_sdk"))
    assert "tests" in failed(graded(good))
    (good / "tests" / "test_good.py").write_text(test.format(fixtures[0], fixtures[0]))
    assert "tests" not in failed(graded(good))
