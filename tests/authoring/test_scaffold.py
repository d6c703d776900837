"""`headunit plugin new` as an author runs it: a plugin that passes `headunit plugins check` with nothing to warn
about, whose own tests pass under pytest, and clear refusals of a bad id or a folder that exists."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from headunit.cli import main
from headunit.host.manifest import load_manifest
from tests.authoring.conftest import HELLO

HEADUNIT = [str(Path(sys.executable).parent / "headunit")]  # the command an author runs


def _run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_new_makes_every_part_of_a_plugin(tmp_path, capsys):
    assert main(["plugin", "new", HELLO, "--dir", str(tmp_path)]) == 0
    folder = tmp_path / HELLO
    assert f"made {folder}/ (Hello)" in capsys.readouterr().out
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert files == {
        ".gitignore", "plugin.toml", "README.md", "qml/Main.qml", "qml/Tile.qml", "hello/__init__.py", "hello/store.py",
        "tests/test_plugin.py", f"translations/{HELLO}_de.ts", f"translations/{HELLO}_zh_CN.ts",
        f"translations/{HELLO}_de.qm", f"translations/{HELLO}_zh_CN.qm",
    }
    manifest = load_manifest(folder)
    assert (manifest.id, manifest.api, manifest.name, manifest.version) == (HELLO, 1, "Hello", "0.1.0")
    assert len(manifest.capabilities) <= 1
    raw = tomllib.loads((folder / "plugin.toml").read_text())
    assert raw["entry"] == {"page": "qml/Main.qml", "tile": "qml/Tile.qml", "python": "hello:Hello"}
    # Nothing of the template's own syntax is left in what the author reads.
    for name in files - {f"translations/{HELLO}_de.qm", f"translations/{HELLO}_zh_CN.qm"}:
        text = (folder / name).read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, name


@pytest.mark.parametrize("language, greeting", [("de", "Hallo, Welt"), ("zh_CN", "你好，世界")])
def test_the_translations_hold_every_string_translated(hello, language, greeting):
    ts = (hello / "translations" / f"{HELLO}_{language}.ts").read_text(encoding="utf-8")
    assert ts.count("<message>") == 11 and 'type="unfinished"' not in ts
    assert f"<translation>{greeting}</translation>" in ts
    assert (hello / "translations" / f"{HELLO}_{language}.qm").stat().st_size > 0


def test_a_name_and_an_id_with_dashes_give_python_and_qml_names_that_work(tmp_path):
    assert main(["plugin", "new", "org.example.my-2nd_app", "--dir", str(tmp_path), "--name", "My second app"]) == 0
    folder = tmp_path / "org.example.my-2nd_app"
    manifest = tomllib.loads((folder / "plugin.toml").read_text())
    assert manifest["name"] == "My second app" and manifest["entry"]["python"] == "my_2nd_app:My2ndApp"
    assert "import Org.Example.My2ndApp" in (folder / "qml" / "Main.qml").read_text()
    result = _run([*HEADUNIT, "plugins", "check", str(folder)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_plugin_passes_check_without_a_warning_and_reaches_gold(hello):
    result = _run([*HEADUNIT, "plugins", "check", str(hello)], hello.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"{hello}: {HELLO} 0.1.0 is valid"  # no warning line, no ", with N warning(s)"
    strict = _run([*HEADUNIT, "plugins", "check", "--strict", str(hello)], hello.parent)
    assert strict.returncode == 0 and "quality: Gold" in strict.stdout, strict.stdout + strict.stderr


def test_the_plugins_own_tests_pass_under_pytest(tmp_path):
    # As an author would: make it, then `pytest` in its folder, with nothing of HeadUnit's own test setup.
    assert main(["plugin", "new", HELLO, "--dir", str(tmp_path)]) == 0
    folder = tmp_path / HELLO
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], folder, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
    # Each of its tests had a HeadUnit home of its own: nothing reached the one in the environment (a shell that
    # stops saves its settings there).
    assert list(Path(os.environ["HEADUNIT_HOME"]).iterdir()) == []


def test_a_failing_author_test_fails_with_the_plugins_reason(tmp_path):
    # The fixtures do not hide a broken plugin: a page that does not compile fails the test, saying where.
    assert main(["plugin", "new", HELLO, "--dir", str(tmp_path)]) == 0
    folder = tmp_path / HELLO
    main_qml = folder / "qml" / "Main.qml"
    main_qml.write_text(main_qml.read_text().replace("Readout {", "Readoutt {"))
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "greets"], folder)
    assert result.returncode == 1
    assert "Readoutt is not a type" in result.stdout


def test_the_plugin_folder_can_be_named_on_the_command_line(hello, tmp_path):
    tests = tmp_path / "elsewhere"
    tests.mkdir()
    (tests / "test_where.py").write_text(
        "def test_where(headunit_plugin_dir):\n"
        f"    assert str(headunit_plugin_dir) == {str(hello)!r}\n")
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--headunit-plugin", str(hello)],
                  tests)
    assert result.returncode == 0, result.stdout + result.stderr
    without = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], tests)
    assert without.returncode == 1 and "no plugin.toml above this test" in without.stdout


@pytest.mark.parametrize("bad_id", ["hello", "Com.Example.Hello", "com.example.", "1com.example", "com..example",
                                    "com.example.hello world", "com.example/../../etc", "com." + "a" * 150])
def test_an_invalid_id_is_refused_and_nothing_is_written(tmp_path, capsys, bad_id):
    parent = tmp_path / "work"
    parent.mkdir()
    assert main(["plugin", "new", bad_id, "--dir", str(parent)]) == 1
    error = capsys.readouterr().err
    assert f"{bad_id!r} is not a plugin id" in error and "reverse-DNS" in error
    assert list(parent.iterdir()) == [] and not (tmp_path / "etc").exists()


def test_an_existing_folder_is_refused_and_left_as_it_was(tmp_path, capsys):
    folder = tmp_path / HELLO
    folder.mkdir()
    (folder / "plugin.toml").write_text("mine")
    assert main(["plugin", "new", HELLO, "--dir", str(tmp_path)]) == 1
    assert f"{folder} already exists" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["plugin.toml"] and (folder / "plugin.toml").read_text() == "mine"


def test_the_folder_is_made_in_the_current_folder_by_default(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["plugin", "new", HELLO]) == 0
    assert (tmp_path / HELLO / "plugin.toml").is_file()
    assert f"made {HELLO}/" in capsys.readouterr().out
