"""image://cloud/… in a sandboxed plugin's page: its process asks the shell, which checks the path and the
plugin's `network` capability, fetches with the device's token and counts the bytes as the plugin's."""

from __future__ import annotations

import pytest

from tests.sandbox.conftest import _bubblewrap_installed, open_sandboxed, template_rows  # noqa: F401 - its check

PICTURES = '''
from PySide6.QtCore import QObject, Slot
from headunit.sandbox.remote import call
from headunit.sdk import Plugin


class Report(QObject):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.rows = ctx, {}
        for name, image in (("account", "v1/account/key"), ("dots", "v1/catalog/images/../../account/key"),
                            ("direct", "IMAGE")):
            try:  # past the page's own provider, straight to the shell
                answer = call(ctx._channel, "cloud.image", image=image)
                self.rows[name] = "ok " + answer["type"]
            except BaseException as exc:
                self.rows[name] = type(exc).__name__ + ": " + str(exc)[:120]
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
Rectangle {
    required property QtObject report
    color: "white"
    Image {
        source: "image://cloud/IMAGE"; sourceSize.width: 96; sourceSize.height: 96
        onStatusChanged: if (status === Image.Ready || status === Image.Error)
                             parent.report.image("page", status, implicitWidth, implicitHeight)
    }
    Image {
        x: 100; source: "image://cloud/v1/account/key"
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
    """The image of a product the backend lists now, as QML names it after image://cloud/."""
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
    assert rows["account"].startswith("HeadUnitError:") and "not a catalog image" in rows["account"]
    assert rows["dots"].startswith("HeadUnitError:") and "dot segment" in rows["dots"]
    assert runtime.cloud.client.bytes_by_plugin()["org.example.pictures"][1] > 0  # counted as the plugin's

    open_sandboxed(qtbot, runtime, window, "org.example.offline")
    qtbot.waitUntil(lambda: "page" in template_rows(runtime, "org.example.offline"), timeout=15_000)
    rows = template_rows(runtime, "org.example.offline")
    assert rows["page"].startswith("3 ")  # no `network`: no image
    assert rows["direct"].startswith("PermissionDenied") and "'network'" in rows["direct"]
    assert "org.example.offline" not in runtime.cloud.client.bytes_by_plugin()
