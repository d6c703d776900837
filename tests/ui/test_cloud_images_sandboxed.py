"""Catalog images in a sandboxed plugin's page: with `network` its sandbox holds an image socket of its own,
which the shell serves: it checks the path, fetches with the device's token and counts the bytes as the
plugin's. Without `network` there is no socket."""

from __future__ import annotations

import pytest

from tests.sandbox.conftest import _bubblewrap_installed, open_sandboxed, template_rows  # noqa: F401 - its check

PICTURES = '''
import os
import socket
import urllib.request
from PySide6.QtCore import QObject, Slot
from headunit.sdk import Plugin


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return f"ok {answer.headers['Content-Type']}"
    except Exception as exc:
        return type(exc).__name__ + ": " + str(exc)[:120]


def through_the_socket(path):
    # past the forwarder, straight at the socket the shell bound in, as an attacker would
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(10)
            s.connect(os.path.join(os.environ.get("XDG_RUNTIME_DIR", ""), "images"))
            s.sendall(f"GET {path} HTTP/1.0\\r\\n\\r\\n".encode())
            return s.recv(64).decode(errors="replace").split("\\r\\n")[0]
    except Exception as exc:
        return type(exc).__name__


class Report(QObject):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.rows = ctx, {}
        try:
            cloud = ctx.cloud
            self.rows["direct"] = fetch(cloud.image_url("IMAGE"))
            self.rows["account"] = fetch(cloud.image_url("v1/account/key"))
        except Exception as exc:
            self.rows["direct"] = type(exc).__name__ + ": " + str(exc)[:120]
        self.rows["dots"] = through_the_socket("/v1/catalog/images/../../account/key")
        self.publish()

    def publish(self):
        self.ctx.templates.show("list", rows=[{"title": k, "subtitle": v} for k, v in sorted(self.rows.items())])

    @Slot(str, int, int, int)
    def image(self, name, status, width, height):
        self.rows[name] = f"{status} {width}x{height}"
        self.publish()


class Main(Plugin):
    def start(self, ctx):
        ctx.expose("report", Report(ctx))
'''

PAGE = '''import QtQuick
import HeadUnit
Rectangle {
    required property QtObject report
    color: "white"
    Image {
        source: Cloud.imageUrl("IMAGE"); sourceSize.width: 96; sourceSize.height: 96
        onStatusChanged: if (status === Image.Ready || status === Image.Error)
                             parent.report.image("page", status, implicitWidth, implicitHeight)
    }
    Image {
        x: 100; source: Cloud.imageUrl("v1/account/key")
        onStatusChanged: if (status === Image.Ready || status === Image.Error)
                             parent.report.image("refused", status, implicitWidth, implicitHeight)
    }
}
'''


@pytest.fixture
def backend(tmp_path):
    from headunit_backend.process import ServerProcess

    with ServerProcess(f"sqlite:///{tmp_path / 'backend.db'}") as server:
        yield server


def a_product_image(backend, folder) -> str:
    """The image of a product the backend lists now, as `Cloud.imageUrl` names it."""
    from headunit.sync import SyncClient

    with SyncClient(backend.url, folder) as reader:
        reader.register("reader", "car")
        products = reader.get("/v1/catalog/products", {"limit": 1}, plugin="test").data["items"]
    return products[0]["images"][0].lstrip("/")


def test_a_sandboxed_page_shows_a_catalog_image_through_the_shell(make_shell, qtbot, plugin_factory, backend,
                                                                  tmp_path):
    image = a_product_image(backend, tmp_path / "reader")
    for plugin_id, capabilities in (("org.example.pictures", ("network",)), ("org.example.offline", ())):
        plugin_factory(plugin_id, python=PICTURES.replace("IMAGE", image), page=PAGE.replace("IMAGE", image),
                       capabilities=capabilities)
    runtime, window = make_shell(1280, 720, drive="parked", backend=backend.url,
                                 third_party_paths=[plugin_factory.root])
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error

    open_sandboxed(qtbot, runtime, window, "org.example.pictures", timeout=45_000)  # a loaded CI machine is slow
    qtbot.waitUntil(lambda: {"page", "refused"} <= set(template_rows(runtime, "org.example.pictures")),
                    timeout=15_000)
    rows = template_rows(runtime, "org.example.pictures")
    assert rows["page"] == "1 96x96"  # Image.Ready, at the size asked for
    assert rows["refused"].startswith("3 ")  # Image.Error
    assert rows["direct"] == "ok image/svg+xml"
    assert rows["account"].startswith("HTTPError") and "400" in rows["account"]
    assert rows["dots"].endswith(" 400 Bad Request")
    assert runtime.cloud.client.bytes_by_plugin()["org.example.pictures"][1] > 0  # counted as the plugin's

    open_sandboxed(qtbot, runtime, window, "org.example.offline")
    qtbot.waitUntil(lambda: "page" in template_rows(runtime, "org.example.offline"), timeout=15_000)
    rows = template_rows(runtime, "org.example.offline")
    assert rows["page"].startswith("3 ")  # no `network`: no image
    assert rows["direct"].startswith("PermissionDenied") and "'network'" in rows["direct"]
    assert rows["dots"] in ("FileNotFoundError", "ConnectionRefusedError")  # no image socket in its sandbox
    assert "org.example.offline" not in runtime.cloud.client.bytes_by_plugin()
