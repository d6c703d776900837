"""Where plugins come from: the tree, the user's folder, extra paths, the environment and entry points."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from headunit import paths
from headunit.host.discovery import discover
from headunit.host.manifest import load_manifest

ROOT = Path(__file__).resolve().parents[2]
TRIP_FOLDER = ROOT / "headunit" / "plugins" / "org.headunit.tripcomputer"
BUILTINS = sorted(p.parent for p in (ROOT / "headunit" / "plugins").glob("*/plugin.toml"))


def found(candidates) -> dict[Path, str]:
    return {c.folder: c.origin for c in candidates}


def test_builtin_plugins_come_from_the_tree():
    """Every folder in the tree's plugins/ is a builtin candidate, in name order, before anything else."""
    assert paths.BUILTIN_PLUGINS_DIR == ROOT / "headunit" / "plugins"
    candidates = discover(entry_points=False)
    assert TRIP_FOLDER in BUILTINS
    assert [(c.folder, c.origin) for c in candidates] == [(folder, "builtin") for folder in BUILTINS]


def test_builtin_plugins_can_be_left_out(plugin_factory):
    """builtin=False lists only the given paths."""
    folder = plugin_factory("org.test.extra")
    assert found(discover([plugin_factory.root], builtin=False, entry_points=False)) == {folder: "path"}


def test_user_plugin_folder_under_headunit_home(headunit_home, tmp_path):
    """A plugin dropped into <HEADUNIT_HOME>/data/plugins is found without any option."""
    user_dir = headunit_home / "data" / "plugins"
    user_dir.mkdir(parents=True)
    (user_dir / "org.test.mine").mkdir()
    (user_dir / "org.test.mine" / "plugin.toml").write_text("")
    assert found(discover(entry_points=False))[user_dir / "org.test.mine"] == "user"


def test_no_user_plugin_folder_is_not_an_error():
    """A fresh HEADUNIT_HOME without a plugins folder lists only the builtin plugins."""
    assert found(discover(entry_points=False)) == {folder: "builtin" for folder in BUILTINS}


def test_extra_path_to_a_single_plugin_folder(plugin_factory):
    """A path holding plugin.toml is one plugin."""
    folder = plugin_factory("org.test.single")
    assert found(discover([folder], builtin=False, entry_points=False)) == {folder: "path"}


def test_extra_path_to_a_folder_of_plugins(plugin_factory):
    """Every sub-folder is a plugin candidate, sorted; hidden and underscore folders are skipped."""
    b = plugin_factory("org.test.b")
    a = plugin_factory("org.test.a")
    (plugin_factory.root / ".git").mkdir()
    (plugin_factory.root / "__pycache__").mkdir()
    (plugin_factory.root / "notes.txt").write_text("not a folder")
    candidates = discover([plugin_factory.root], builtin=False, entry_points=False)
    assert [c.folder for c in candidates] == [a, b]
    assert all(c.origin == "path" and c.id_is_folder for c in candidates)


def test_extra_path_relative_and_with_tilde(plugin_factory, monkeypatch, tmp_path):
    """Relative paths and ~ are resolved before use."""
    folder = plugin_factory("org.test.rel")
    monkeypatch.chdir(tmp_path)
    assert found(discover(["plugins"], builtin=False, entry_points=False)) == {folder: "path"}
    monkeypatch.setenv("HOME", str(tmp_path))
    assert found(discover(["~/plugins"], builtin=False, entry_points=False)) == {folder: "path"}


def test_missing_extra_path_finds_nothing(tmp_path):
    """A path that does not exist adds nothing and raises nothing."""
    assert discover([tmp_path / "nowhere"], builtin=False, entry_points=False) == []


def test_environment_variable_lists_several_paths(plugin_factory, tmp_path, monkeypatch):
    """HEADUNIT_PLUGINS_PATH takes several os.pathsep-separated paths and ignores empty entries."""
    one = plugin_factory("org.test.one")
    other_root = tmp_path / "more"
    other_root.mkdir()
    (other_root / "org.test.two").mkdir()
    (other_root / "org.test.two" / "plugin.toml").write_text("")
    monkeypatch.setenv("HEADUNIT_PLUGINS_PATH", os.pathsep.join([str(one), "", str(other_root)]))
    assert found(discover(builtin=False, entry_points=False)) == {one: "path", other_root / "org.test.two": "path"}


def make_entry_point_distribution(site: Path) -> Path:
    """An installed distribution `hu-ep-demo` exposing the package hu_ep_demo as a plugin."""
    package = site / "hu_ep_demo"
    (package / "qml").mkdir(parents=True)
    (package / "__init__.py").write_text("raise RuntimeError('discovery must not import a plugin package')\n")
    (package / "qml" / "Main.qml").write_text("import QtQuick\nItem {}\n")
    (package / "plugin.toml").write_text(
        'manifest = 1\nid = "org.example.epdemo"\nname = "EP demo"\nversion = "1.0.0"\napi = 1\n'
        'category = "utility"\nicon = "mdi6.puzzle"\n\n[entry]\npage = "qml/Main.qml"\n'
    )
    dist = site / "hu_ep_demo-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: hu-ep-demo\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[headunit.plugins]\ndemo = hu_ep_demo\n")
    return package


def test_entry_point_package_is_found_without_importing_it(tmp_path, monkeypatch):
    """An installed distribution in the headunit.plugins group is a plugin; its folder may be named as
    Python allows, and its code is not run by discovery."""
    package = make_entry_point_distribution(tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    candidates = [c for c in discover(builtin=False) if c.origin == "entry-point"]
    assert [(c.folder, c.id_is_folder) for c in candidates] == [(package, False)]
    assert "hu_ep_demo" not in sys.modules
    assert load_manifest(candidates[0].folder, id_is_folder=candidates[0].id_is_folder).id == "org.example.epdemo"


def test_entry_points_are_remembered_until_a_distribution_is_installed_or_removed(tmp_path, monkeypatch):
    """Reading every installed distribution's metadata is done once: later discoveries read the cache, until
    a folder on sys.path changes, as installing or removing a distribution changes it."""
    import importlib.metadata

    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    scans = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: scans.append(kw) or real(**kw))

    def entry_point_folders():
        return [c.folder for c in discover(builtin=False) if c.origin == "entry-point"]

    assert entry_point_folders() == [] and len(scans) == 1
    assert entry_point_folders() == [] and len(scans) == 1  # from the cache
    package = make_entry_point_distribution(site)  # "installed": the site folder changed
    importlib.invalidate_caches()
    assert entry_point_folders() == [package] and len(scans) == 2
    assert entry_point_folders() == [package] and len(scans) == 2
    for folder in (package, site / "hu_ep_demo-1.0.dist-info"):  # removed
        for f in sorted(folder.rglob("*"), reverse=True):
            f.rmdir() if f.is_dir() else f.unlink()
        folder.rmdir()
    importlib.invalidate_caches()
    assert entry_point_folders() == [] and len(scans) == 3


def test_an_unreadable_entry_point_cache_is_scanned_again(tmp_path, monkeypatch):
    """A cache file that is not one discovery wrote (garbage, another shape) costs a scan, never an error."""
    package = make_entry_point_distribution(tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    cache = paths.cache_dir() / "entry-points.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    for garbage in ("not json", "[]", '{"key": 1}', '{"group": "headunit.plugins", "key": [], "folders": 3}'):
        cache.write_text(garbage)
        assert [c.folder for c in discover(builtin=False) if c.origin == "entry-point"] == [package]


def test_entry_points_can_be_left_out(tmp_path, monkeypatch):
    """entry_points=False ignores installed distributions."""
    make_entry_point_distribution(tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    assert discover(builtin=False, entry_points=False) == []


def test_order_is_builtin_user_path_then_entry_points(headunit_home, plugin_factory, tmp_path, monkeypatch):
    """Discovery order is builtin, user, extra paths, then entry points."""
    user = headunit_home / "data" / "plugins" / "org.test.user"
    user.mkdir(parents=True)
    (user / "plugin.toml").write_text("")
    extra = plugin_factory("org.test.path")
    make_entry_point_distribution(tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    assert [c.origin for c in discover([extra])] == ["builtin"] * len(BUILTINS) + ["user", "path", "entry-point"]


def test_same_folder_reached_twice_is_listed_once(plugin_factory, tmp_path, monkeypatch):
    """The same folder by two paths (a symlink, the env var, the builtin tree) is one candidate, first wins."""
    folder = plugin_factory("org.test.twice")
    link = tmp_path / "link-to-plugins"
    link.symlink_to(plugin_factory.root, target_is_directory=True)
    monkeypatch.setenv("HEADUNIT_PLUGINS_PATH", str(folder))
    candidates = discover([plugin_factory.root, link, folder, ROOT / "headunit" / "plugins", TRIP_FOLDER], entry_points=False)
    assert [(c.folder, c.origin) for c in candidates] == [(b, "builtin") for b in BUILTINS] + [(folder, "path")]
