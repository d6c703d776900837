"""The package commands as an author and a driver run them: keygen, pack, sign, install (from a file and a URL),
updates, approve, rollback, uninstall, trust-key; exit status 1 with the reason on stderr when refused."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from headunit import paths
from headunit.packages.format import MAX_PACKAGE_SIZE
from tests.conftest import write_plugin
from tests.packages.conftest import DEMO_STORE_KEY, PLUGIN_ID

ROOT = Path(__file__).resolve().parents[2]


def headunit(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`headunit ARGS` in a process of its own, with this test's HEADUNIT_HOME; stdin is not a terminal."""
    return subprocess.run([sys.executable, "-m", "headunit", *map(str, args)], cwd=ROOT, env=dict(os.environ),
                          input=stdin or "", capture_output=True, text=True, timeout=120)


def ok(*args: str | Path) -> str:
    done = headunit(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def refused(*args: str | Path, reason: str) -> None:
    done = headunit(*args)
    assert done.returncode == 1, done.stdout
    assert reason in done.stderr, done.stderr


def listed() -> dict:
    rows = json.loads(ok("plugins", "list", "--json"))
    return next((r for r in rows if r["id"] == PLUGIN_ID), {})


def author_package(tmp_path: Path, version: str, capabilities: tuple[str, ...] = ("storage",)) -> Path:
    source = write_plugin(tmp_path / f"src-{version}", PLUGIN_ID, capabilities=capabilities,
                          python="class Main:\n    pass\n")
    manifest = source / "plugin.toml"
    manifest.write_text(manifest.read_text().replace('"1.0.0"', f'"{version}"'))
    out = ok("plugin", "pack", source, "-o", tmp_path / "dist").splitlines()
    package = Path(out[0])
    assert package == tmp_path / "dist" / f"{PLUGIN_ID}-{version}.hupkg" and package.exists()
    assert out[1].startswith("digest ") and out[2].startswith("sha256 ")
    return package


def test_keygen_pack_sign_install_and_the_plugin_is_listed(tmp_path):
    key = tmp_path / "me.pem"
    assert "key " in ok("plugin", "keygen", key)
    assert oct(key.stat().st_mode & 0o777) == "0o600" and Path(f"{key}.pub").exists()
    refused("plugin", "keygen", key, reason="already exists")

    package = author_package(tmp_path, "1.0.0")
    refused("plugins", "install", package, "--yes", reason="not signed")
    ok("plugin", "sign", package, "--key", key)
    refused("plugins", "install", package, "--yes", reason="a store signature is required")
    assert "signed as store" in ok("plugin", "sign", package, "--key", DEMO_STORE_KEY, "--store")
    assert listed() == {}

    out = ok("plugins", "install", package, "--yes")
    assert "Storage: keep its own files on the head unit (storage)" in out  # the capability in plain words
    assert f"installed {PLUGIN_ID} 1.0.0" in out
    row = listed()
    assert (row["status"], row["origin"], row["runtime"], row["version"]) == ("ok", "user", "sandboxed", "1.0.0")


def test_an_update_adding_location_waits_then_approve_rollback_and_uninstall(tmp_path):
    key = tmp_path / "me.pem"
    ok("plugin", "keygen", key)
    packages = {}
    for version, capabilities in (("1.0.0", ("storage",)), ("2.0.0", ("storage", "location"))):
        packages[version] = author_package(tmp_path, version, capabilities)
        ok("plugin", "sign", packages[version], "--key", key)
        ok("plugin", "sign", packages[version], "--key", DEMO_STORE_KEY, "--store")
    ok("plugins", "install", packages["1.0.0"], "--yes")
    data = paths.data_dir() / "plugin-data" / PLUGIN_ID
    data.mkdir(parents=True)
    (data / "notes.txt").write_text("1.0.0's notes")

    done = headunit("plugins", "install", packages["2.0.0"])  # not a terminal: not asked, so not agreed
    assert done.returncode == 1 and "pending update" in done.stderr
    assert "see where the car is" in done.stdout  # before and after, in plain words
    assert listed()["version"] == "1.0.0"
    updates = ok("plugins", "updates")
    assert "1.0.0 -> 2.0.0" in updates and "before:" in updates and "after:" in updates
    assert updates.index("see where the car is") > updates.index("after:")

    assert "updated" in ok("plugins", "approve", PLUGIN_ID)
    assert listed()["version"] == "2.0.0" and "location" in listed()["capabilities"]
    assert "no pending updates" in ok("plugins", "updates")
    (data / "notes.txt").write_text("2.0.0 rewrote them")

    assert "rolled back" in ok("plugins", "rollback", PLUGIN_ID)
    assert listed()["version"] == "1.0.0"
    assert (data / "notes.txt").read_text() == "1.0.0's notes"
    refused("plugins", "rollback", PLUGIN_ID, reason="no previous version")

    assert "kept its data" in ok("plugins", "uninstall", PLUGIN_ID)
    assert listed() == {} and (data / "notes.txt").exists()
    refused("plugins", "uninstall", PLUGIN_ID, reason="not installed")


def test_developer_mode_and_a_trusted_developer_key(tmp_path):
    key = tmp_path / "me.pem"
    ok("plugin", "keygen", key)
    package = author_package(tmp_path, "1.0.0")
    ok("plugin", "sign", package, "--key", key)
    settings = paths.config_dir() / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"shell": {"developer_mode": True}}))
    refused("plugins", "install", package, "--yes", reason="not a trusted developer key")
    assert "trusted developer key" in ok("plugins", "trust-key", f"{key}.pub", "--developer")
    ok("plugins", "install", package, "--yes")
    assert listed()["status"] == "ok"


def test_pack_checks_the_manifest_first(tmp_path):
    source = write_plugin(tmp_path, PLUGIN_ID)
    (source / "qml" / "Main.qml").unlink()
    refused("plugin", "pack", source, "-o", tmp_path / "dist", reason="entry.page")
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())


class _Server:
    """A web server on loopback serving `routes`: path -> (headers, body)."""

    def __init__(self, routes: dict[str, tuple[dict, bytes]]):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server name
                headers, body = routes.get(self.path, ({}, b""))
                self.send_response(200 if self.path in routes else 404)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def web():
    servers = []

    def start(routes):
        servers.append(_Server(routes))
        return servers[-1].url

    yield start
    for server in servers:
        server.close()


def test_install_from_a_url_and_a_size_cap_on_the_download(tmp_path, web):
    key = tmp_path / "me.pem"
    ok("plugin", "keygen", key)
    package = author_package(tmp_path, "1.0.0")
    ok("plugin", "sign", package, "--key", key)
    ok("plugin", "sign", package, "--key", DEMO_STORE_KEY, "--store")
    url = web({"/app.hupkg": ({}, package.read_bytes()),
               "/huge.hupkg": ({"Content-Length": str(MAX_PACKAGE_SIZE + 1)}, b"")})
    refused("plugins", "install", f"{url}/huge.hupkg", "--yes", reason="larger than")
    refused("plugins", "install", f"{url}/missing.hupkg", "--yes", reason="cannot be downloaded")
    ok("plugins", "install", f"{url}/app.hupkg", "--yes")
    assert listed()["version"] == "1.0.0"
    assert not list((paths.data_dir() / "packages").glob(".download-*"))  # the download is not kept


def test_a_name_with_terminal_escapes_cannot_repaint_the_consent_question(tmp_path):
    """A name that clears the screen and writes its own question is shown with the escapes defused."""
    source = write_plugin(tmp_path / "src", PLUGIN_ID, capabilities=("payments",))
    manifest = source / "plugin.toml"
    manifest.write_text(manifest.read_text().replace('name = "Test app"', 'name = "\\u001b[2J\\u001b[HSafe"'))
    package = Path(ok("plugin", "pack", source, "-o", tmp_path / "dist").splitlines()[0])
    key = tmp_path / "me.pem"
    ok("plugin", "keygen", key)
    ok("plugin", "sign", package, "--key", key)
    ok("plugin", "sign", package, "--key", DEMO_STORE_KEY, "--store")
    done = headunit("plugins", "install", package)
    assert done.returncode == 1
    assert "\x1b" not in done.stdout and "?[2J?[HSafe" in done.stdout
    assert "ask you to pay" in done.stdout
