"""`headunit` as a plugin author and an engineer run it: version, plugins list/check/enable/disable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from headunit import __version__

ROOT = Path(__file__).resolve().parents[2]
GALLERY = ROOT / "tests" / "fixtures" / "broken_plugins"
TRIP_ID = "org.headunit.tripcomputer"
TRIP_FOLDER = ROOT / "headunit" / "plugins" / TRIP_ID
BUILTINS = sorted(p.parent for p in (ROOT / "headunit" / "plugins").glob("*/plugin.toml"))
GALLERY_FOLDERS = sorted(p for p in GALLERY.iterdir() if p.is_dir())
#: Broken only once loaded or used: `plugins list` reads manifests and runs no plugin code, so they register.
BROKEN_WHEN_LOADED = ("org.broken.badqml", "org.broken.importerror", "org.broken.slotraises", "org.broken.startraises")
#: Prints at import and in start(), and leaves a file behind when started.
NOISY = """\
import os
from pathlib import Path

from headunit.sdk import Plugin

print('[{"id": "printed at import"}]')


class Main(Plugin):
    def start(self, ctx):
        print("printed by start()")
        Path(os.environ["HEADUNIT_HOME"], "started.txt").write_text("start() ran")
"""


def headunit(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HEADUNIT_PLUGINS_PATH"}
    env.update(HEADUNIT_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "headunit", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def listing(home: Path, *args: str) -> list[dict]:
    result = headunit("plugins", "list", "--json", *args, home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_version(headunit_home):
    """`headunit --version` prints the package version."""
    result = headunit("--version", home=headunit_home)
    assert (result.returncode, result.stdout.strip()) == (0, f"headunit {__version__}")


def test_list_json_with_the_gallery(headunit_home):
    """`plugins list --json` reports every gallery plugin that fails at registration failed with a reason naming
    its folder, and the first-party plugins and those that fail only when loaded ok with a null reason."""
    rows = listing(headunit_home, "--plugins-path", "tests/fixtures/broken_plugins")
    assert all({"id", "version", "status", "reason"} <= row.keys() for row in rows)
    assert [Path(row["folder"]) for row in rows] == BUILTINS + GALLERY_FOLDERS
    by_folder = {Path(row["folder"]): row for row in rows}
    for folder in BUILTINS:
        assert (by_folder[folder]["status"], by_folder.pop(folder)["reason"]) == ("ok", None)
    trip = next(row for row in rows if Path(row["folder"]) == TRIP_FOLDER)
    assert (trip["id"], trip["version"], trip["status"], trip["reason"]) == (TRIP_ID, "1.0.0", "ok", None)

    for name in BROKEN_WHEN_LOADED:
        loaded_later = by_folder.pop(GALLERY / name)
        assert (loaded_later["status"], loaded_later["reason"]) == ("ok", None)
    for folder, row in by_folder.items():
        assert row["status"] == "failed", folder
        assert row["reason"] and str(folder) in row["reason"], row
    assert by_folder[GALLERY / "not-a-plugin"]["id"] == str(GALLERY / "not-a-plugin")
    assert by_folder[GALLERY / "not-a-plugin"]["version"] is None
    assert by_folder[GALLERY / "org.broken.badmanifest"]["version"] is None


def test_list_runs_no_plugin_code(headunit_home, plugin_factory):
    """`plugins list --json` neither imports nor starts a plugin: what its module prints at import or in start()
    never reaches the JSON, and the file its start() writes never appears."""
    plugin_factory("org.example.noisy", python=NOISY)
    result = headunit("plugins", "list", "--json", "--plugins-path", str(plugin_factory.root), home=headunit_home)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    noisy = next(row for row in rows if row["id"] == "org.example.noisy")
    assert (noisy["status"], noisy["reason"]) == ("ok", None)
    assert "printed" not in result.stdout + result.stderr
    assert not (headunit_home / "started.txt").exists()


def test_list_as_a_table(headunit_home):
    """Without --json the list is a table with a header and one line per plugin."""
    result = headunit("plugins", "list", home=headunit_home)
    assert result.returncode == 0
    header, *lines = result.stdout.splitlines()
    assert header.split() == ["id", "version", "status", "reason"]
    assert [TRIP_ID, "1.0.0", "ok"] in [line.split() for line in lines]
    assert len(lines) == len(BUILTINS)


def test_plugins_path_from_the_environment(headunit_home):
    """HEADUNIT_PLUGINS_PATH adds plugins just as --plugins-path does."""
    env_run = subprocess.run(
        [sys.executable, "-m", "headunit", "plugins", "list", "--json"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "HEADUNIT_HOME": str(headunit_home), "HEADUNIT_PLUGINS_PATH": str(GALLERY)}, timeout=60)
    assert [Path(row["folder"]) for row in json.loads(env_run.stdout)] == BUILTINS + GALLERY_FOLDERS


@pytest.mark.parametrize(("folder", "error"), [
    ("org.broken.badmanifest", "plugin.toml: version: expected a semantic version such as 1.2.0, got 'one'"),
    ("org.broken.missingpage", "plugin.toml: entry.page: expected an existing QML file, 'qml/Main.qml' is missing"),
    ("org.broken.futureapi", "plugin.toml: api: expected 1 (the API this host implements), got 2"),
    ("org.broken.badqml", "qml/Main.qml:9: Expected token `}'"),
    ("org.broken.importerror", "importerror.py:1: loading importerror:ImportFails: ModuleNotFoundError"),
    ("not-a-plugin", "plugin.toml: cannot be read"),
])
def test_check_a_broken_plugin_exits_1_with_the_error(headunit_home, folder, error):
    """`plugins check` on a broken plugin exits 1 and prints the error with the file's path."""
    result = headunit("plugins", "check", f"tests/fixtures/broken_plugins/{folder}", home=headunit_home)
    assert result.returncode == 1
    assert f"{GALLERY / folder}/{error}" in result.stdout


def test_check_the_trip_computer_exits_0(headunit_home):
    """`plugins check` on a good plugin exits 0 and says it is valid."""
    result = headunit("plugins", "check", "headunit/plugins/org.headunit.tripcomputer", home=headunit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"{TRIP_FOLDER}: {TRIP_ID} 1.0.0 is valid"


def test_check_keeps_what_the_plugin_prints_out_of_its_output(headunit_home, plugin_factory):
    """`plugins check` imports the entry in a child process whose output goes to stderr: stdout holds the
    verdict alone. start() is never called."""
    folder = plugin_factory("org.example.noisy", python=NOISY)
    result = headunit("plugins", "check", str(folder), home=headunit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{folder}: org.example.noisy 1.0.0 is valid\n"
    assert "printed at import" in result.stderr
    assert "printed by start()" not in result.stderr
    assert not (headunit_home / "started.txt").exists()


def test_check_reports_a_path_out_of_the_plugin_folder(headunit_home, plugin_factory):
    """A manifest naming a file outside its folder fails the check before any of its code runs."""
    folder = plugin_factory("org.example.escape", python=NOISY)
    manifest = folder / "plugin.toml"
    manifest.write_text(manifest.read_text().replace('page = "qml/Main.qml"', 'page = "../../Main.qml"'))
    result = headunit("plugins", "check", str(folder), home=headunit_home)
    assert result.returncode == 1
    assert result.stdout == (f"{manifest}: entry.page: expected a path inside the plugin folder, without '..', "
                             "got '../../Main.qml'\n")
    assert "printed" not in result.stderr


def test_disable_then_enable_persists(headunit_home):
    """`plugins disable` is remembered in the user's settings and shown by `plugins list`; `enable` undoes it."""
    result = headunit("plugins", "disable", TRIP_ID, home=headunit_home)
    assert (result.returncode, result.stdout.strip()) == (0, f"{TRIP_ID}: disabled")
    assert json.loads((headunit_home / "config" / "settings.json").read_text())["disabledPlugins"] == [TRIP_ID]
    statuses = {row["id"]: (row["status"], row["reason"]) for row in listing(headunit_home)}
    assert statuses.pop(TRIP_ID) == ("disabled", None)
    assert set(statuses.values()) == {("ok", None)}

    assert headunit("plugins", "enable", TRIP_ID, home=headunit_home).returncode == 0
    assert {row["id"]: row["status"] for row in listing(headunit_home)}[TRIP_ID] == "ok"


def test_disable_an_unknown_plugin_exits_1(headunit_home):
    """Disabling an id nobody has exits 1 and says so."""
    result = headunit("plugins", "disable", "org.example.nothing", home=headunit_home)
    assert result.returncode == 1
    assert "no plugin with id 'org.example.nothing'" in result.stdout

