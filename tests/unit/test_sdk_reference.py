"""The `headunit.sdk` reference (docs/sdk-reference.md): every public name documented, the file current, and
every example in a docstring still running."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

import headunit.sdk as sdk

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "sdk_reference.py"


def _script():
    spec = importlib.util.spec_from_file_location("sdk_reference", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


reference = _script()


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HEADUNIT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=home, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def api(tmp_path):
    """A module of its own, from source in a file (the script reads `#:` comments there), as an author's is."""
    made = []

    def make(source: str) -> types.ModuleType:
        name = f"example_api_{len(made)}"
        path = tmp_path / f"{name}.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        made.append(name)
        spec.loader.exec_module(module)
        return module

    yield make
    for name in made:
        sys.modules.pop(name, None)


def test_every_public_name_and_member_has_a_docstring():
    assert reference.undocumented() == []


def test_every_lazy_export_is_in_all_so_it_is_documented():
    """headunit.sdk imports some names on first use (`__getattr__`); the reference follows `__all__`."""
    lazy = set(sdk._FITMENT) | {"formats"}
    assert lazy <= set(sdk.__all__)
    assert {e.name for e in reference.entries()} >= lazy


def test_the_reference_is_what_the_script_writes(headunit_home):
    result = run("--check", home=headunit_home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_stale_reference_is_found(headunit_home, tmp_path):
    stale = tmp_path / "sdk-reference.md"
    stale.write_text((ROOT / "docs" / "sdk-reference.md").read_text(encoding="utf-8").replace(
        "Subclass this and name the subclass in the manifest.", "Subclass this."), encoding="utf-8")
    result = run("--check", "--output", str(stale), home=headunit_home)
    assert result.returncode == 1
    assert "is out of date: run python scripts/sdk_reference.py" in result.stdout


def test_every_example_in_the_docstrings_runs(headunit_home):
    """In a process of its own: examples import what they use, as an author's code would."""
    result = run("--run-examples", home=headunit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {e.where for e in reference.examples()} >= {"Plugin", "decode_vin", "formats"}


def test_every_public_name_has_a_section_and_every_method_a_heading():
    text = (ROOT / "docs" / "sdk-reference.md").read_text(encoding="utf-8")
    for name in sdk.__all__:
        assert f"\n## {name}\n" in text, name
    for name in ("templates", "storage", "submit", "send_intent", "handle_intent", "tr", "expose", "notify"):
        assert f"\n### PluginContext.{name}\n" in text, name
    assert "| `settingChanged` | `(str)` | A setting changed: its key. |" in text
    assert "\n## formats.distance\n" in text


def test_a_name_or_member_without_a_docstring_is_named(api):
    module = api('''
        from PySide6.QtCore import Property, QObject, Signal

        def documented():
            """Does a thing."""

        def bare(x: int) -> int:
            return x

        class Thing(QObject):
            """A thing."""

            #: Something changed.
            changed = Signal(str)
            quiet = Signal()

            def said(self) -> None:
                """Says so."""

            def silent(self) -> None:
                pass

            @property
            def size(self) -> int:
                return 1

            @Property(float, notify=changed)
            def speed(self) -> float:
                return 0.0

            @Property(float, notify=changed)
            def told(self) -> float:
                """km/h."""
                return 0.0

        class Undocumented(Exception):
            pass
    ''')
    names = [(n, getattr(module, n), module) for n in ("documented", "bare", "Thing", "Undocumented")]
    entries = reference.entries(names)
    missing = reference.undocumented(entries)
    assert [m.split(" ")[0] for m in missing] == ["bare", "Thing.silent", "Thing.size", "Thing.speed", "Undocumented"]
    # A signal has no docstring to require; its `#:` comment, when there is one, is what it says.
    thing = next(e for e in entries if e.name == "Thing")
    signals = {m.name: (m.signature, m.doc) for m in thing.members if m.kind == "signal"}
    assert signals == {"changed": ("(str)", "Something changed."), "quiet": ("()", "")}


def test_a_broken_example_is_reported_with_where_it_is(api):
    module = api('''
        def wrong_output():
            """
            >>> 1 + 1
            3
            """

        def raises():
            """
            ```python
            from headunit.sdk import NoSuchName
            ```
            """

        def fine():
            """
            >>> from headunit.sdk import API_VERSION
            >>> API_VERSION
            1

            ```python
            from headunit.sdk import Plugin
            assert issubclass(Plugin, object)
            ```
            """
    ''')
    names = [(n, getattr(module, n), module) for n in ("wrong_output", "raises", "fine")]
    found = reference.examples(reference.entries(names))
    assert [e.where for e in found] == ["wrong_output", "raises", "fine"]
    failures = reference.run_examples(found)
    assert len(failures) == 2
    assert failures[0].startswith("wrong_output: 1 of 1 doctest example(s) failed")
    assert failures[1].startswith("raises: python block 1 failed")
    assert "ImportError" in failures[1]


@pytest.mark.parametrize("name", ["Profile", "GuidanceUpdate"])
def test_a_data_class_shows_how_to_make_one_and_its_fields(name):
    entry = next(e for e in reference.entries() if e.name == name)
    assert entry.constructor.startswith(f"{name}(")
    assert [m.name for m in entry.members if m.kind == "field"] == [
        f.name for f in dataclasses.fields(getattr(sdk, name))]
