"""`headunit plugins check` runs a plugin's code only in a child process: what a hostile or broken plugin can do
at import, and what the check then says."""

from __future__ import annotations

import argparse
import builtins
import sys
import time
from pathlib import Path

import pytest

from headunit.host import check_child
from headunit.host.check_child import check_in_child
from headunit.host.loader import NAMESPACE_PREFIX
from headunit.plugin_commands import check_plugin
from headunit.sandbox import bwrap

PLUGIN_ID = "org.example.probe"
CLASS = "\n\nclass Main(Plugin):\n    pass\n"


def plugin(plugin_factory, body: str) -> Path:
    return plugin_factory(PLUGIN_ID, python="from headunit.sdk import Plugin\n" + body + CLASS)


def test_the_commands_process_never_imports_the_plugin(plugin_factory, capfd):
    """The verdict is the same as ever, but no module of the plugin is ever in the command's process."""
    folder = plugin(plugin_factory, "import builtins\nbuiltins.probe_was_here = True\n")
    assert check_plugin(argparse.Namespace(path=folder, strict=False)) == 0
    assert capfd.readouterr().out == f"{folder}: {PLUGIN_ID} 1.0.0 is valid\n"
    assert not [name for name in sys.modules if name.startswith(NAMESPACE_PREFIX)]
    assert not hasattr(builtins, "probe_was_here")


def test_what_the_plugin_prints_goes_to_stderr(plugin_factory, capfd):
    """print() and a raw write to file descriptor 1 both land on stderr, never in the command's stdout."""
    folder = plugin(plugin_factory, "import os\nprint('by print')\nos.write(1, b'by os.write\\n')\n")
    assert check_plugin(argparse.Namespace(path=folder, strict=False)) == 0
    out, err = capfd.readouterr()
    assert out == f"{folder}: {PLUGIN_ID} 1.0.0 is valid\n"
    assert "by print" in err and "by os.write" in err


def test_an_endless_loop_at_import_is_stopped(plugin_factory):
    """The check gives up after its timeout and says which plugin hung."""
    folder = plugin(plugin_factory, "while True:\n    pass\n")
    started = time.monotonic()
    problems = check_in_child(folder, PLUGIN_ID, timeout=2)
    assert time.monotonic() - started < 15
    assert problems == [f"{folder}: {PLUGIN_ID}: importing its Python and compiling its QML took longer than 2 s, "
                        "so the check stopped it"]


def test_the_default_timeout_is_half_a_minute():
    assert check_child.CHILD_TIMEOUT == 30


def test_a_thread_left_running_at_import_does_not_hold_the_check(plugin_factory):
    folder = plugin(plugin_factory, "import threading, time\nthreading.Thread(target=time.sleep, args=(3600,)).start()\n")
    started = time.monotonic()
    assert check_in_child(folder, PLUGIN_ID, timeout=20) == []
    assert time.monotonic() - started < 15


def test_an_import_that_ends_the_process(plugin_factory):
    """os._exit() at import leaves no report: the check says the process ended, with its status."""
    folder = plugin(plugin_factory, "import os\nos._exit(3)\n")
    assert check_in_child(folder, PLUGIN_ID) == [
        f"{folder}: {PLUGIN_ID}: importing its Python or compiling its QML ended the check's process "
        "(exit status 3) before it could report"]


def test_sys_exit_at_import_is_an_import_failure(plugin_factory):
    folder = plugin(plugin_factory, "import sys\nsys.exit('bye')\n")
    assert check_in_child(folder, PLUGIN_ID) == [f"{folder / 'main.py'}:3: loading main:Main: SystemExit: bye"]


def test_an_entry_that_is_not_a_plugin(plugin_factory):
    folder = plugin_factory(PLUGIN_ID, python="class Main:\n    pass\n")
    assert check_in_child(folder, PLUGIN_ID) == [
        f"{folder / 'plugin.toml'}: entry.python: main:Main is not a subclass of headunit.sdk.Plugin"]


def test_qml_is_compiled_after_the_import_that_registers_its_types(plugin_factory):
    """A page using a type its Python registers compiles; a misspelt type is reported with file and line."""
    python = """\
        from PySide6.QtCore import QObject
        from PySide6.QtQml import QmlElement

        from headunit.sdk import Plugin

        QML_IMPORT_NAME = "Probe"
        QML_IMPORT_MAJOR_VERSION = 1


        @QmlElement
        class Reading(QObject):
            pass


        class Main(Plugin):
            pass
        """
    folder = plugin_factory(PLUGIN_ID, python=python, page="import QtQuick\nimport Probe\n\nItem { Reading {} }\n",
                            tile="import QtQuick\n\nItem { Rectangel {} }\n")
    assert check_in_child(folder, PLUGIN_ID) == [f"tile QML: {folder / 'qml' / 'Tile.qml'}:3: Rectangel is not a type"]


@pytest.mark.skipif(bwrap.available() is not None, reason=f"no sandbox here: {bwrap.available()}")
def test_the_import_runs_in_the_sandbox(plugin_factory, headunit_home):
    """Where bubblewrap works, the import sees its own folder read-only and no user data: it cannot write into
    HEADUNIT_HOME or into its own folder."""
    body = f"""
import pathlib
for path in (pathlib.Path({str(headunit_home)!r}, "written.txt"), pathlib.Path(__file__).with_name("own.txt")):
    try:
        path.write_text("x")
    except OSError:
        pass
"""
    folder = plugin(plugin_factory, body)
    assert check_in_child(folder, PLUGIN_ID) == []
    assert not (headunit_home / "written.txt").exists()
    assert not (folder / "own.txt").exists()


@pytest.mark.skipif(bwrap.available() is not None, reason=f"no sandbox here: {bwrap.available()}")
def test_the_sandbox_cannot_read_what_lies_beside_the_plugin(plugin_factory, tmp_path, capfd):
    """A file next to the plugin folder does not exist for the import."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the user's")
    folder = plugin(plugin_factory, f"import pathlib\ntry:\n    print(pathlib.Path({str(secret)!r}).read_text())\n"
                                    "except OSError as exc:\n    print('refused:', type(exc).__name__)\n")
    assert check_in_child(folder, PLUGIN_ID) == []
    err = capfd.readouterr().err
    assert "refused: FileNotFoundError" in err and "the user's" not in err


def test_without_bubblewrap_the_child_runs_unwrapped_and_says_so(plugin_factory, monkeypatch, capfd):
    monkeypatch.setattr(bwrap, "available", lambda: "bubblewrap (bwrap) is not installed")
    folder = plugin(plugin_factory, "")
    assert check_in_child(folder, PLUGIN_ID) == []
    assert f"{folder}: checked without a sandbox: bubblewrap (bwrap) is not installed" in capfd.readouterr().err
