"""plugin.toml: what a plugin author gets back for a good manifest and for each kind of mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from headunit.host.manifest import ManifestError, ValidationCache, load_manifest

PLUGIN_ID = "org.example.weather"

VALID = '''\
manifest = 1
id = "org.example.weather"
name = "Weather"
version = "1.2.0"
api = 1
category = "weather"
icon = "mdi6.weather-partly-cloudy"
description = "Forecasts for where the car is."
capabilities = ["network", "location"]

[name_translations]
de = "Wetter"

[entry]
page = "qml/Main.qml"
tile = "qml/Tile.qml"
python = "weather:Weather"

[[intents]]
name = "show-weather"
params = { lat = "number", lon = "number" }

[[settings]]
key = "units"
type = "choice"
title = "Units"
default = "metric"
choices = ["metric", "imperial"]

[[settings]]
key = "alerts"
type = "bool"
title = "Severe weather alerts"
default = true
'''


def make_folder(parent: Path, text: str = VALID, name: str = PLUGIN_ID) -> Path:
    folder = parent / name
    (folder / "qml").mkdir(parents=True)
    (folder / "qml" / "Main.qml").write_text("import QtQuick\nItem {}\n")
    (folder / "qml" / "Tile.qml").write_text("import QtQuick\nItem {}\n")
    (folder / "weather.py").write_text("from headunit.sdk import Plugin\n\nclass Weather(Plugin):\n    pass\n")
    (folder / "plugin.toml").write_text(text)
    return folder


def errors_for(tmp_path: Path, text: str, name: str = PLUGIN_ID) -> list[str]:
    folder = make_folder(tmp_path, text, name)
    with pytest.raises(ManifestError) as raised:
        load_manifest(folder)
    assert str(raised.value) == "\n".join(raised.value.errors)
    return raised.value.errors


def only_error(tmp_path: Path, text: str, name: str = PLUGIN_ID) -> str:
    errors = errors_for(tmp_path, text, name)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / name / 'plugin.toml'}: ")
    return errors[0]


def test_valid_manifest_loads_every_field(tmp_path):
    """A complete manifest gives the host everything it declares."""
    folder = make_folder(tmp_path)
    m = load_manifest(folder)
    assert (m.id, m.name, m.version, m.api, m.category) == (PLUGIN_ID, "Weather", "1.2.0", 1, "weather")
    assert m.path == folder / "plugin.toml"
    assert (m.page, m.tile, m.python) == ("qml/Main.qml", "qml/Tile.qml", "weather:Weather")
    assert m.capabilities == {"network", "location"}
    assert m.intents == {"show-weather": {"lat": "number", "lon": "number"}}
    assert [(s.key, s.type, s.default, s.choices) for s in m.settings] == [
        ("units", "choice", "metric", ("metric", "imperial")), ("alerts", "bool", True, ()),
    ]
    assert m.display_name("de_AT") == "Wetter"
    assert m.display_name("fr") == "Weather"


def test_minimal_manifest_needs_no_python_tile_or_capabilities(tmp_path):
    """Only the required fields: a QML-only app with no capabilities."""
    text = VALID.split("\n[name_translations]")[0].replace('capabilities = ["network", "location"]\n', "")
    text += '\n[entry]\npage = "qml/Main.qml"\n'
    m = load_manifest(make_folder(tmp_path, text))
    assert (m.tile, m.python, m.capabilities, m.intents, m.settings) == (None, None, frozenset(), {}, ())


def test_missing_required_field(tmp_path):
    """A missing top-level field is named."""
    error = only_error(tmp_path, VALID.replace('name = "Weather"\n', ""))
    assert error.endswith("name: required field is missing")


def test_missing_required_field_inside_a_table(tmp_path):
    """A missing field inside [entry] is named with its table."""
    error = only_error(tmp_path, VALID.replace('page = "qml/Main.qml"\n', ""))
    assert error.endswith("entry.page: required field is missing")


def test_version_that_is_not_semver(tmp_path):
    """A version that is not semver says what a version looks like."""
    error = only_error(tmp_path, VALID.replace('version = "1.2.0"', 'version = "one"'))
    assert error.endswith("version: expected a semantic version such as 1.2.0, got 'one'")


def test_id_that_is_not_reverse_dns(tmp_path):
    """An id that is not reverse-DNS says what an id looks like."""
    error = only_error(tmp_path, VALID.replace(f'id = "{PLUGIN_ID}"', 'id = "Weather App"'), name="Weather App")
    assert "id: expected a reverse-DNS id such as org.example.weather" in error
    assert error.endswith("got 'Weather App'")


def test_id_must_equal_the_folder_name(tmp_path):
    """A folder plugin's id must be its folder name."""
    error = only_error(tmp_path, VALID, name="weather-copy")
    assert error.endswith(f"id: expected the folder name 'weather-copy', got '{PLUGIN_ID}'")


def test_id_may_differ_from_the_folder_of_an_entry_point_package(tmp_path):
    """Entry-point packages are named as Python allows, so their folder need not be the id."""
    m = load_manifest(make_folder(tmp_path, VALID, name="weather_pkg"), id_is_folder=False)
    assert m.id == PLUGIN_ID


def test_newer_api_is_unsupported(tmp_path):
    """A plugin for API 2 is refused, saying which API the host implements."""
    error = only_error(tmp_path, VALID.replace("api = 1", "api = 2"))
    assert error.endswith("api: expected 1 (the API this host implements), got 2")


def test_api_must_be_an_integer(tmp_path):
    """api as a string is refused, naming the expected type."""
    error = only_error(tmp_path, VALID.replace("api = 1", 'api = "1"'))
    assert error.endswith("api: expected integer, got str '1'")


def test_unknown_field(tmp_path):
    """A misspelt or unknown top-level field is named."""
    error = only_error(tmp_path, VALID.replace('icon = "', 'colour = "red"\nicon = "'))
    assert "unknown field" in error and "'colour'" in error


def test_unknown_field_inside_entry(tmp_path):
    """An unknown field inside [entry] is named with its table."""
    error = only_error(tmp_path, VALID.replace('tile = "qml/Tile.qml"', 'widget = "qml/Tile.qml"'))
    assert error.split(": ", 1)[1].startswith("entry: unknown field") and "'widget'" in error


def test_missing_page_qml_file(tmp_path):
    """A page QML file that does not exist is named."""
    folder = make_folder(tmp_path)
    (folder / "qml" / "Main.qml").unlink()
    with pytest.raises(ManifestError) as raised:
        load_manifest(folder)
    assert raised.value.errors == [
        f"{folder / 'plugin.toml'}: entry.page: expected an existing QML file, 'qml/Main.qml' is missing"
    ]


def test_missing_python_module(tmp_path):
    """A Python entry whose module is not in the folder is named."""
    error = only_error(tmp_path, VALID.replace('python = "weather:Weather"', 'python = "forecast:Weather"'))
    assert error.endswith("entry.python: expected a module forecast.py or package forecast/ in the plugin folder")


def test_python_entry_written_without_a_class(tmp_path):
    """entry.python without :Class says how to write it."""
    error = only_error(tmp_path, VALID.replace('python = "weather:Weather"', 'python = "weather"'))
    assert "entry.python: expected a Python entry written module:Class" in error


def test_category_outside_the_list(tmp_path):
    """An unknown category lists the allowed ones."""
    error = only_error(tmp_path, VALID.replace('category = "weather"', 'category = "games"'))
    assert error.endswith(
        "category: expected one of navigation, media, weather, payments, store, poi, vehicle, utility, got 'games'")


def test_unknown_capability(tmp_path):
    """An unknown capability is named by its position and lists the allowed ones."""
    error = only_error(tmp_path, VALID.replace('"network", "location"', '"network", "camera"'))
    assert "capabilities.1: expected one of network, location" in error and error.endswith("got 'camera'")


def test_choice_default_not_among_the_choices(tmp_path):
    """A choice setting whose default is not a choice is refused."""
    error = only_error(tmp_path, VALID.replace('default = "metric"', 'default = "kelvin"'))
    assert error.endswith("settings.0.choices: expected a list that includes the default 'kelvin'")


CHOICE_TITLES = """choices = ["metric", "imperial"]
choice_titles = { metric = "Metric (km, °C)", imperial = "Imperial (mi, °F)" }
choice_titles_translations = { de = { metric = "Metrisch (km, °C)" } }"""


def test_choices_have_titles_in_the_drivers_language(tmp_path):
    """Buttons say what a choice means, in the driver's language, falling back to the title and the value."""
    folder = make_folder(tmp_path, VALID.replace('choices = ["metric", "imperial"]', CHOICE_TITLES))
    units = load_manifest(folder).settings[0]
    assert units.display_choice("metric", "de") == "Metrisch (km, °C)"
    assert units.display_choice("imperial", "de") == "Imperial (mi, °F)"
    assert units.display_choice("metric", "en") == "Metric (km, °C)"


def test_a_title_for_a_choice_that_does_not_exist(tmp_path):
    """A title for a value not among the choices is a typo the author should hear about."""
    error = only_error(tmp_path, VALID.replace('choices = ["metric", "imperial"]',
                                               CHOICE_TITLES.replace("de = { metric", "de = { metrik")))
    assert error.endswith("settings.0.choice_titles_translations.de.metrik: expected one of the choices, got 'metrik'")


def test_bool_setting_with_a_string_default(tmp_path):
    """A bool setting with a string default is refused."""
    error = only_error(tmp_path, VALID.replace("default = true", 'default = "yes"'))
    assert error.endswith("settings.1.default: expected a bool value, got 'yes'")


def test_invalid_toml(tmp_path):
    """A TOML syntax error names the file and the line."""
    error = only_error(tmp_path, VALID.replace('name = "Weather"', 'name = "Weather'))
    assert "not valid TOML" in error and "line 3" in error


def test_missing_manifest_file(tmp_path):
    """A folder without plugin.toml says the file cannot be read."""
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(ManifestError) as raised:
        load_manifest(folder)
    assert raised.value.errors == [f"{folder / 'plugin.toml'}: cannot be read (No such file or directory)"]


def test_every_schema_problem_is_reported_at_once(tmp_path):
    """An author fixes all mistakes in one round, not one per run."""
    text = VALID.replace('version = "1.2.0"', 'version = "one"').replace('category = "weather"', 'category = "x"')
    errors = errors_for(tmp_path, text)
    assert [e.split(": ")[1] for e in errors] == ["category", "version"]


class TestValidationCache:
    def test_valid_manifest_is_remembered_across_runs(self, tmp_path):
        """A second start with unchanged manifests never builds the (slow to import) schema validator."""
        folder = make_folder(tmp_path)
        cache_file = tmp_path / "cache" / "manifest-validation.json"
        first = ValidationCache(cache_file)
        load_manifest(folder, cache=first)
        assert first._validator is not None
        first.save()
        assert cache_file.is_file()

        second = ValidationCache(cache_file)
        assert load_manifest(folder, cache=second).id == PLUGIN_ID
        assert second._validator is None

    def test_changed_manifest_is_validated_again(self, tmp_path):
        """An edited manifest is validated again, so its new mistake is reported."""
        folder = make_folder(tmp_path)
        cache_file = tmp_path / "manifest-validation.json"
        first = ValidationCache(cache_file)
        load_manifest(folder, cache=first)
        first.save()

        (folder / "plugin.toml").write_text(VALID.replace('version = "1.2.0"', 'version = "1.2"'))
        second = ValidationCache(cache_file)
        with pytest.raises(ManifestError, match="version: expected a semantic version"):
            load_manifest(folder, cache=second)
        assert second._validator is not None

    def test_invalid_manifest_is_never_remembered(self, tmp_path):
        """An invalid manifest fails on every run, never passing from the cache."""
        folder = make_folder(tmp_path, VALID.replace("api = 1", "api = 0"))
        cache_file = tmp_path / "manifest-validation.json"
        for _ in range(2):
            cache = ValidationCache(cache_file)
            with pytest.raises(ManifestError, match="api"):
                load_manifest(folder, cache=cache)
            cache.save()

    def test_consistency_is_checked_even_when_the_schema_result_is_cached(self, tmp_path):
        """The cache skips only the schema: a page deleted since the last run is still reported."""
        folder = make_folder(tmp_path)
        cache_file = tmp_path / "manifest-validation.json"
        first = ValidationCache(cache_file)
        load_manifest(folder, cache=first)
        first.save()
        (folder / "qml" / "Tile.qml").unlink()
        with pytest.raises(ManifestError, match="entry.tile: expected an existing QML file"):
            load_manifest(folder, cache=ValidationCache(cache_file))

    def test_a_plugin_authors_edits_do_not_pile_up_in_the_cache(self, tmp_path):
        """Each start keeps the manifests it met: after ten edits the cache holds the last one only."""
        folder = make_folder(tmp_path)
        cache_file = tmp_path / "manifest-validation.json"
        for patch in range(10):
            (folder / "plugin.toml").write_text(VALID.replace('version = "1.2.0"', f'version = "1.2.{patch}"'))
            cache = ValidationCache(cache_file)
            load_manifest(folder, cache=cache)
            cache.save()
        assert json.loads(cache_file.read_text())["valid"] == [(folder / "plugin.toml").read_text()]
        again = ValidationCache(cache_file)
        load_manifest(folder, cache=again)
        assert again._validator is None

    def test_damaged_cache_file_only_costs_a_validation(self, tmp_path):
        """A corrupt cache file is ignored and the manifest validated normally."""
        folder = make_folder(tmp_path)
        cache_file = tmp_path / "manifest-validation.json"
        cache_file.write_text("{not json")
        cache = ValidationCache(cache_file)
        assert load_manifest(folder, cache=cache).id == PLUGIN_ID
        assert cache._validator is not None


class TestPathsStayInsideThePluginFolder:
    """The shell opens a manifest's files with its own rights: each one must lie inside the plugin folder,
    however the manifest tries to name something else."""

    def test_icon_that_climbs_out(self, tmp_path):
        error = only_error(tmp_path, VALID.replace('icon = "mdi6.weather-partly-cloudy"', 'icon = "../../x.svg"'))
        assert error.endswith("icon: expected a path inside the plugin folder, without '..', got '../../x.svg'")

    def test_icon_climbing_out_is_refused_even_when_the_file_exists(self, tmp_path):
        (tmp_path / "x.svg").write_text("<svg/>")
        error = only_error(tmp_path, VALID.replace('icon = "mdi6.weather-partly-cloudy"', 'icon = "../x.svg"'))
        assert "icon: expected a path inside the plugin folder, without '..'" in error

    @pytest.mark.parametrize("icon", ["/etc/passwd", "file:///etc/passwd", "qrc:/qt/x", "https://example.org/t.png"])
    def test_icon_that_is_a_path_or_a_url_but_no_svg(self, tmp_path, icon):
        error = only_error(tmp_path, VALID.replace('icon = "mdi6.weather-partly-cloudy"', f'icon = "{icon}"'))
        assert error.endswith("icon: expected an icon name such as mdi6.gauge or an SVG file in the plugin folder, "
                              f"got {icon!r}")

    def test_icon_with_an_absolute_path(self, tmp_path):
        error = only_error(tmp_path, VALID.replace('icon = "mdi6.weather-partly-cloudy"', 'icon = "/usr/share/x.svg"'))
        assert error.endswith("icon: expected a relative path inside the plugin folder, got '/usr/share/x.svg'")

    def test_icon_through_a_symlink_to_etc(self, tmp_path):
        folder = make_folder(tmp_path, VALID.replace('icon = "mdi6.weather-partly-cloudy"', 'icon = "art/x.svg"'))
        (folder / "art").symlink_to("/etc")
        with pytest.raises(ManifestError) as raised:
            load_manifest(folder)
        assert raised.value.errors == [f"{folder / 'plugin.toml'}: icon: expected a file inside the plugin folder, "
                                       "'art/x.svg' leads to '/etc/x.svg' through a symbolic link"]

    def test_svg_icon_inside_the_folder_is_accepted(self, tmp_path):
        folder = make_folder(tmp_path, VALID.replace('icon = "mdi6.weather-partly-cloudy"', 'icon = "art/x.svg"'))
        (folder / "art").mkdir()
        (folder / "art" / "x.svg").write_text("<svg/>")
        assert load_manifest(folder).icon_source() == (folder / "art" / "x.svg").as_uri()

    def test_page_that_climbs_out_through_its_own_folder(self, tmp_path):
        other = tmp_path / "other"
        other.mkdir()
        (other / "Main.qml").write_text("import QtQuick\nItem {}\n")
        error = only_error(tmp_path, VALID.replace('page = "qml/Main.qml"', 'page = "qml/../../other/Main.qml"'))
        assert error.endswith(
            "entry.page: expected a path inside the plugin folder, without '..', got 'qml/../../other/Main.qml'")

    def test_page_inside_the_folder_written_with_dot_dot_is_refused_too(self, tmp_path):
        """A `..` is never needed, so none is allowed: no argument about where it ends up."""
        error = only_error(tmp_path, VALID.replace('page = "qml/Main.qml"', 'page = "qml/../qml/Main.qml"'))
        assert "entry.page: expected a path inside the plugin folder, without '..'" in error

    def test_tile_with_an_absolute_path(self, tmp_path):
        error = only_error(tmp_path, VALID.replace('tile = "qml/Tile.qml"', 'tile = "/etc/Tile.qml"'))
        assert error.endswith("entry.tile: expected a relative path inside the plugin folder, got '/etc/Tile.qml'")

    def test_page_that_is_a_symlink_out(self, tmp_path):
        outside = tmp_path / "elsewhere.qml"
        outside.write_text("import QtQuick\nItem {}\n")
        folder = make_folder(tmp_path)
        (folder / "qml" / "Main.qml").unlink()
        (folder / "qml" / "Main.qml").symlink_to(outside)
        with pytest.raises(ManifestError) as raised:
            load_manifest(folder)
        assert raised.value.errors == [f"{folder / 'plugin.toml'}: entry.page: expected a file inside the plugin "
                                       f"folder, 'qml/Main.qml' leads to {str(outside)!r} through a symbolic link"]

    def test_page_that_is_a_symlink_within_the_folder_is_accepted(self, tmp_path):
        folder = make_folder(tmp_path)
        (folder / "qml" / "Start.qml").symlink_to(folder / "qml" / "Main.qml")
        assert load_manifest(folder).page == "qml/Main.qml"
        (folder / "plugin.toml").write_text(VALID.replace('page = "qml/Main.qml"', 'page = "qml/Start.qml"'))
        assert load_manifest(folder).page == "qml/Start.qml"

    def test_python_module_that_climbs_out(self, tmp_path):
        """`..evil:Plugin` would import from beside the plugin folder; the schema's pattern refuses it."""
        error = only_error(tmp_path, VALID.replace('python = "weather:Weather"', 'python = "..evil:Plugin"'))
        assert "entry.python: expected a Python entry written module:Class" in error
        assert error.endswith("got '..evil:Plugin'")

    def test_python_module_that_is_a_symlink_out(self, tmp_path):
        evil = tmp_path / "evil.py"
        evil.write_text("from headunit.sdk import Plugin\n\nclass Weather(Plugin):\n    pass\n")
        folder = make_folder(tmp_path)
        (folder / "weather.py").unlink()
        (folder / "weather.py").symlink_to(evil)
        with pytest.raises(ManifestError) as raised:
            load_manifest(folder)
        assert raised.value.errors == [f"{folder / 'plugin.toml'}: entry.python: expected a file inside the plugin "
                                       f"folder, 'weather.py' leads to {str(evil)!r} through a symbolic link"]

    def test_python_package_that_is_a_symlink_out(self, tmp_path):
        """`json.decoder:Weather` with json/ linked to the standard library would run code from outside."""
        folder = make_folder(tmp_path, VALID.replace('python = "weather:Weather"', 'python = "json.decoder:Weather"'))
        (folder / "json").symlink_to(Path(json.__file__).parent)
        with pytest.raises(ManifestError) as raised:
            load_manifest(folder)
        [error] = raised.value.errors
        assert error.startswith(f"{folder / 'plugin.toml'}: entry.python: expected a file inside the plugin folder, "
                                "'json' leads to ")

    def test_package_init_that_is_a_symlink_out(self, tmp_path):
        """Importing `pkg.weather` runs pkg/__init__.py first: it must be inside the folder too."""
        outside = tmp_path / "init.py"
        outside.write_text("")
        folder = make_folder(tmp_path, VALID.replace('python = "weather:Weather"', 'python = "pkg.weather:Weather"'))
        (folder / "pkg").mkdir()
        (folder / "weather.py").rename(folder / "pkg" / "weather.py")
        (folder / "pkg" / "__init__.py").symlink_to(outside)
        with pytest.raises(ManifestError) as raised:
            load_manifest(folder)
        assert raised.value.errors == [f"{folder / 'plugin.toml'}: entry.python: expected a file inside the plugin "
                                       f"folder, 'pkg/__init__.py' leads to {str(outside)!r} through a symbolic link"]

    def test_python_package_inside_the_folder_is_accepted(self, tmp_path):
        folder = make_folder(tmp_path, VALID.replace('python = "weather:Weather"', 'python = "pkg.weather:Weather"'))
        (folder / "pkg").mkdir()
        (folder / "pkg" / "__init__.py").write_text("")
        (folder / "weather.py").rename(folder / "pkg" / "weather.py")
        assert load_manifest(folder).python == "pkg.weather:Weather"

    def test_a_plugin_folder_reached_through_a_symlink_is_its_own_inside(self, tmp_path):
        """Installing a plugin as a link to a checkout is fine: inside means inside the folder's real path."""
        real = make_folder(tmp_path / "checkout")
        (tmp_path / "plugins").mkdir()
        (tmp_path / "plugins" / PLUGIN_ID).symlink_to(real)
        assert load_manifest(tmp_path / "plugins" / PLUGIN_ID).id == PLUGIN_ID
