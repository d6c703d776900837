"""Shared fixtures: per-test user data, one Qt application, runtimes that always shut down, and
throw-away plugin folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from headunit.host import loader
from headunit.runtime import Options, Runtime, ensure_app

PLAIN_PAGE = "import QtQuick\n\nItem {}\n"


@pytest.fixture(autouse=True)
def headunit_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty HEADUNIT_HOME and no plugin paths from the environment."""
    home = tmp_path / "headunit-home"
    home.mkdir()
    monkeypatch.setenv("HEADUNIT_HOME", str(home))
    monkeypatch.delenv("HEADUNIT_PLUGINS_PATH", raising=False)
    return home


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """After each test, once pytest has let go of its fixtures: plugins it imported are imported afresh by the
    next, and its Qt objects caught in reference cycles are freed now, before the next test starts (on the GUI
    thread, as headunit.collector does while the shell runs). What is left is long-lived (modules, caches,
    session fixtures) and is frozen, so that the next test's collection walks only the objects it made: a
    collection of the whole heap after every test cost a third of the suite's time."""
    reports = yield
    loader.unload()
    gc.collect()
    gc.freeze()
    return reports


@pytest.fixture(scope="session")
def qapp():
    """The process's one QGuiApplication, made the way HeadUnit makes it (pytest-qt uses it too)."""
    return ensure_app()


class Runtimes:
    """Starts Runtimes and shuts down whichever a test left running."""

    def __init__(self) -> None:
        self._running: list[Runtime] = []

    def start(self, *plugin_paths: str | Path, **options) -> Runtime:
        """A runtime with the test's plugin folders trusted like the shell's own (in its process); pass
        `plugin_paths=` among the options for third-party (sandboxed) folders."""
        options.setdefault("simulator", True)
        runtime = Runtime(Options(vendor_plugin_paths=tuple(str(p) for p in plugin_paths), **options))
        self._running.append(runtime)
        return runtime

    def stop(self, runtime: Runtime) -> None:
        self._running.remove(runtime)
        runtime.shutdown()

    def stop_all(self) -> None:
        while self._running:
            self.stop(self._running[-1])


@pytest.fixture
def runtimes(qapp):
    manager = Runtimes()
    yield manager
    manager.stop_all()


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def write_plugin(parent: Path, plugin_id: str, *, python: str | None = None, capabilities: tuple[str, ...] = (),
                 intents: dict[str, dict[str, str]] | None = None, settings: list[dict] | None = None,
                 page: str = PLAIN_PAGE, tile: str | None = None, category: str = "utility") -> Path:
    """A plugin folder `parent/plugin_id` named "Test app": plugin.toml, qml/Main.qml and, given `python`,
    main.py whose class Main is the entry."""
    folder = parent / plugin_id
    (folder / "qml").mkdir(parents=True)
    lines = [
        "manifest = 1", f"id = {_toml_value(plugin_id)}", 'name = "Test app"', 'version = "1.0.0"',
        "api = 1", f"category = {_toml_value(category)}", 'icon = "mdi6.puzzle"',
        f"capabilities = {_toml_value(list(capabilities))}", "", "[entry]", 'page = "qml/Main.qml"',
    ]
    (folder / "qml" / "Main.qml").write_text(page)
    if tile is not None:
        lines.append('tile = "qml/Tile.qml"')
        (folder / "qml" / "Tile.qml").write_text(tile)
    if python is not None:
        lines.append('python = "main:Main"')
        (folder / "main.py").write_text(textwrap.dedent(python))
    for intent, params in (intents or {}).items():
        lines += ["", "[[intents]]", f"name = {_toml_value(intent)}"]
        if params:
            lines.append("params = { " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in params.items()) + " }")
    for setting in settings or []:
        lines += ["", "[[settings]]"] + [f"{k} = {_toml_value(v)}" for k, v in setting.items()]
    (folder / "plugin.toml").write_text("\n".join(lines) + "\n")
    return folder


@pytest.fixture
def plugin_factory(tmp_path: Path) -> Callable[..., Path]:
    """write_plugin into this test's own plugins folder (tmp_path/plugins), which it returns as `.root`."""
    root = tmp_path / "plugins"
    root.mkdir()

    def make(plugin_id: str, **kwargs) -> Path:
        return write_plugin(root, plugin_id, **kwargs)

    make.root = root
    return make



@pytest.fixture
def make_shell(qtbot, qapp, tmp_path, monkeypatch):
    """make_shell(width=800, height=480, *, drive, night, language, plugin_paths, backend) -> (runtime, window):
    the in-car window offscreen at a screen preset, with every plugin loaded. `language` is what --lang
    passes; None keeps the saved setting. `backend` is what --backend passes (no backend by default)."""
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit.shell.theme import SCREEN_PRESETS, dpi_for
    from tests.shell import settle

    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    started = []

    def make(width: int = 800, height: int = 480, *, drive: str = "parked", night: bool = False,
             language: str | None = None, plugin_paths=(), third_party_paths=(), backend: str = "none",
             **options):
        # `plugin_paths` are trusted like the shell's own plugins; `third_party_paths` run sandboxed.
        runtime = Runtime(Options(dpi=dpi_for(width, height, SCREEN_PRESETS[(width, height)]), drive=drive,
                                  night=night, language=language, vendor_plugin_paths=tuple(map(str, plugin_paths)),
                                  plugin_paths=tuple(map(str, third_party_paths)), backend=backend, **options))
        started.append(runtime)
        window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=width, shellHeight=height)
        window.show()
        with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
            runtime.host.load_all_in_idle()
        settle(qtbot)
        return runtime, window

    yield make
    for runtime in started:
        runtime.shutdown()


@pytest.fixture
def plugin_log(caplog) -> Callable[[], str]:
    """plugin_log() -> what plugins have logged so far, one line a record: a sandboxed plugin's output (its
    prints, log records and QML messages, relayed by headunit.sandbox.output) and in-process plugins' ctx.log."""
    import logging

    caplog.set_level(logging.INFO, logger="headunit.plugin")

    def text() -> str:
        return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("headunit.plugin."))

    return text


@pytest.fixture
def toasts(monkeypatch) -> list[str]:
    """The text of every toast a shell made in this test shows, from its first moment: a plugin whose tile starts
    it may toast before make_shell returns."""
    from headunit.shell.notifications import Notifications

    seen: list[str] = []
    made = Notifications.__init__

    def recording(self, *args, **kwargs):
        made(self, *args, **kwargs)
        self.toast.connect(lambda text, level: seen.append(text))

    monkeypatch.setattr(Notifications, "__init__", recording)
    return seen


# Map regions: each extract is imported once a session, then linked into the data folder of each test that
# asks for it (hard links: a test that removes its region leaves the session's copy whole).

EXTRACTS = {
    "monaco": Path(__file__).resolve().parent.parent / "headunit" / "assets" / "maps" / "monaco.osm.pbf",
    "helsinki": Path(__file__).resolve().parent / "data" / "osm" / "helsinki.osm.pbf",
}


@pytest.fixture(scope="session")
def imported_regions(tmp_path_factory):
    """imported_regions(name) -> Region: the extract imported into a session-wide library, once."""
    from headunit.maps.regions import MapLibrary

    library = MapLibrary(tmp_path_factory.mktemp("map-regions"))

    def get(name: str):
        if name not in {r.name for r in library.regions()}:
            library.import_pbf(EXTRACTS[name], name=name)
        return library.get(name)

    return get


@pytest.fixture
def install_region(imported_regions):
    """install_region("monaco") -> Region: the region installed in this test's HEADUNIT_HOME, as
    `headunit maps import` would leave it. Call it before starting a runtime."""
    import shutil

    from headunit import paths
    from headunit.maps.regions import MapLibrary

    def install(name: str = "monaco"):
        source = imported_regions(name)
        library = MapLibrary(paths.data_dir() / "maps")
        target = library.root / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(source.path, target, copy_function=os.link)
        return library.get(name)

    return install


@pytest.fixture(scope="session")
def sound_server():
    """A PulseAudio server with a null sink named "car", private to the test session, so audio output
    (music, spoken prompts through Speech Dispatcher) is real and heard by nobody. Yields its runtime dir."""
    import shutil
    import subprocess

    if shutil.which("pulseaudio") is None:
        pytest.fail("pulseaudio is not installed: run `scripts/install-system-deps test` (make test does)")
    # Short, as /run/user/UID is: sockets made under it (a plugin's channel) must fit a socket address's 108 bytes.
    runtime_dir = Path(tempfile.mkdtemp(prefix="xdg-"))
    saved = {k: os.environ.get(k) for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER")}
    os.environ["XDG_RUNTIME_DIR"] = str(runtime_dir)
    os.environ.pop("PULSE_SERVER", None)
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "--system=false", "-n",
                    "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=car",
                    "--load=module-always-sink"], check=True, capture_output=True)
    yield runtime_dir
    subprocess.run(["pulseaudio", "--kill"], capture_output=True)
    _stop_processes_using(runtime_dir)  # the Speech Dispatcher the voice started, with its socket there
    shutil.rmtree(runtime_dir, ignore_errors=True)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _stop_processes_using(folder: Path) -> None:
    import psutil

    for process in psutil.process_iter(["cmdline"]):
        if any(str(folder) in arg for arg in process.info["cmdline"] or ()):
            process.terminate()


@pytest.fixture(scope="session")
def music_library(tmp_path_factory) -> dict:
    """A real music library written once a session (tests/music_files.py): MP3, FLAC, Ogg Vorbis, Opus,
    M4A and WAV tracks with their tags and covers, and broken files. Returns make_library's dict: "folder",
    "good" (path, format, cover, tags), "broken" (path, kind, reason), "covers". Read it, never change it:
    a test that changes files copies it first (tests.music_files.copy_library)."""
    from tests.music_files import make_library

    return make_library(tmp_path_factory.mktemp("music") / "Music")
