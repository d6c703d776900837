"""The pytest plugin shipped with the SDK (registered as the `pytest11` entry point `headunit`).

Wherever HeadUnit is installed, pytest loads it, so a plugin's tests need no conftest.py:

    def test_the_page_greets(headunit_host):
        headunit_host.open()
        assert headunit_host.find("greeting").property("text") == "Hello, world"

    @pytest.mark.headunit(sandboxed=True, drive="moving")
    def test_driving_shows_the_template(headunit_host, headunit_screenshot):
        headunit_host.open()
        assert headunit_host.page_template()["title"] == "Hello, world"
        headunit_screenshot("moving")

The plugin under test is the folder holding plugin.toml: `--headunit-plugin DIR` (or the ini option
`headunit_plugin`), else the nearest folder above the test file, or pytest's rootdir, that holds one.

Every fixture's name starts with `headunit_`. Importing this module imports neither Qt nor the shell: pytest
loads it in every session, HeadUnit's own too; the fixtures import them when a test asks for one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from headunit.testing.host import HeadUnitHost

#: What `@pytest.mark.headunit(...)` may set: HeadUnitHost's options.
HOST_OPTIONS = ("sandboxed", "size", "drive", "language", "night")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("headunit", "HeadUnit plugin tests")
    group.addoption("--headunit-plugin", metavar="DIR", default=None,
                    help="the plugin folder under test (default: the folder holding plugin.toml above the tests)")
    parser.addini("headunit_plugin", "the plugin folder under test, relative to the ini file", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "headunit(sandboxed=False, size=(1280, 720), drive='parked', language=None, night=False): "
                   "how headunit_host starts the shell for this test")
    # Tests draw offscreen unless the session chose a platform (a real window under Xvfb, say).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _holding_manifest(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "plugin.toml").is_file():
            return folder
    return None


@pytest.fixture
def headunit_plugin_dir(request: pytest.FixtureRequest) -> Path:
    """The plugin folder under test: `--headunit-plugin DIR`, else the ini option `headunit_plugin` (relative to
    the ini file), else the nearest folder holding plugin.toml above the test file, else above pytest's
    rootdir. Fails the test, saying so, when none holds a plugin.toml."""
    config = request.config
    given = config.getoption("--headunit-plugin")
    if given:
        folder = Path(given).expanduser().resolve()
    elif config.getini("headunit_plugin"):
        base = config.inipath.parent if config.inipath else config.rootpath
        folder = (base / config.getini("headunit_plugin")).resolve()
    else:
        folder = _holding_manifest(request.path.parent) or _holding_manifest(config.rootpath)
        if folder is None:
            pytest.fail("no plugin.toml above this test or pytest's rootdir: run pytest in the plugin's folder, "
                        "or name it with --headunit-plugin DIR")
    if not (folder / "plugin.toml").is_file():
        pytest.fail(f"{folder} holds no plugin.toml (--headunit-plugin or headunit_plugin names the plugin folder)")
    return folder


@pytest.fixture
def headunit_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty HEADUNIT_HOME for this test (settings, plugin data, caches), so a test never reads or writes
    the user's own; plugin folders from HEADUNIT_PLUGINS_PATH are left out. Returns the folder."""
    home = tmp_path / "headunit"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HEADUNIT_HOME", str(home))
    monkeypatch.delenv("HEADUNIT_PLUGINS_PATH", raising=False)
    return home


@pytest.fixture
def headunit_backend(tmp_path: Path, headunit_data: Path) -> Iterator[Any]:
    """HeadUnit's backend on a free loopback port, with a database of this test's own, stopped after the test.
    `.url` is its address. A test that also takes `headunit_host` gets a shell linked to it (its account
    reached before the test starts), so `ctx.cloud` answers from it. Needs the backend extra
    (`pip install 'headunit[backend]'`)."""
    try:
        from headunit_backend.process import ServerProcess
    except ImportError:
        pytest.fail("headunit_backend needs HeadUnit's backend: pip install 'headunit[backend]'")
    with ServerProcess(f"sqlite:///{tmp_path / 'backend.db'}",
                       env={"XDG_CACHE_HOME": str(tmp_path / "backend-cache")}) as server:
        yield server


@pytest.fixture
def headunit_host(request: pytest.FixtureRequest, headunit_plugin_dir: Path, headunit_data: Path) -> Iterator[
        "HeadUnitHost"]:
    """The shell's window (offscreen, 1280x720) beside the simulated car, parked, with the plugin under test
    registered and loaded (headunit.testing.host.HeadUnitHost): `open()` opens its page; `find(name)`,
    `texts()` and `tap(name)` read and touch the screen; `drive(state)`, `page_template()`,
    `tile_template()`, `template_action(id)` and `screenshot(path)`; `runtime` is the whole HeadUnit
    (`runtime.simulator`, `runtime.settings`, ...).

    `@pytest.mark.headunit(sandboxed=True)` runs the plugin as an installed one runs, in its own process,
    where the shell draws its driving template while the car is not parked; the default runs it in the
    shell's process, where its page's items can be found. The marker also takes `size=(800, 480)`,
    `drive="moving"`, `language="de"` and `night=True`. A plugin that fails to load fails the test with the
    reason. Stopped, and the plugin's modules forgotten, after the test."""
    from headunit.host import loader
    from headunit.testing.host import HeadUnitHost

    options: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers("headunit"))):  # the closest marker wins
        unknown = set(marker.kwargs) - set(HOST_OPTIONS)
        if unknown or marker.args:
            pytest.fail(f"@pytest.mark.headunit takes only keywords among {', '.join(HOST_OPTIONS)}")
        options.update(marker.kwargs)
    if "headunit_backend" in request.fixturenames:
        options["backend"] = request.getfixturevalue("headunit_backend").url
    if "size" in options:
        options["size"] = tuple(options["size"])
    host = HeadUnitHost(headunit_plugin_dir, **options)
    try:
        yield host
    finally:
        host.close()
        loader.unload()


@pytest.fixture
def headunit_drive(headunit_host: "HeadUnitHost") -> Callable[[str], None]:
    """`headunit_drive("moving" | "idling" | "parked")`: the simulated car in that state, as the emulator's
    P, I and D keys put it, once the shell has followed (restrictions in force, a sandboxed page swapped for
    its driving template or back)."""
    return headunit_host.drive


@pytest.fixture
def headunit_screenshot(request: pytest.FixtureRequest, headunit_host: "HeadUnitHost",
                        tmp_path: Path) -> Callable[[str], Path]:
    """`headunit_screenshot("moving") -> Path`: the window as it is now, as a PNG in this test's tmp folder
    (`<tmp_path>/screenshots/moving.png`), to look at or compare. A name is used once per test."""
    taken: set[str] = set()

    def shoot(name: str) -> Path:
        if name in taken:
            pytest.fail(f"headunit_screenshot: {name!r} was already taken in this test")
        taken.add(name)
        return headunit_host.screenshot(tmp_path / "screenshots" / f"{name}.png")

    return shoot
