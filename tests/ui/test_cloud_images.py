"""Catalog images in QML from a real backend, fetched by the shell with a token QML never sees; offline from
the cache; every other path, and every caller the shell did not give a URL, refused before a request is made."""

from __future__ import annotations

import http.client
import json
import logging
import subprocess
import sys
import textwrap
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickView

from headunit.shell import cloud_images
from headunit.shell.cloud_images import CloudImageServer, ImageRefused, check_body, cloud_fetcher, image_path
from headunit.sync import FaultInjector, SyncClient
from tests.sync.conftest import FAST, Recorder

READY, ERROR = 1, 3  # QML Image.status
APP = "org.example.pictures"


@pytest.fixture
def backend(tmp_path):
    """A backend of this test's own: some tests stop it."""
    from headunit_backend.process import ServerProcess

    with ServerProcess(f"sqlite:///{tmp_path / 'backend.db'}") as server:
        yield server


@pytest.fixture
def car(backend, tmp_path):
    """A registered car whose every request the recorder sees, and two product images the backend lists now."""
    client = SyncClient(backend.url, tmp_path / "car", settings=FAST)
    client.register("car", "car")
    products = client.get("/v1/catalog/products", {"limit": 2}, plugin="test").data["items"]
    assert len(products) == 2, "the test backend lists fewer than two products"
    client.recorder = Recorder()
    client.adapter.faults = FaultInjector(rate=0.0, match=client.recorder)
    client.images = [p["images"][0].lstrip("/") for p in products]
    yield client
    client.close()


def shell_cloud(client: SyncClient | None, error: str = "") -> SimpleNamespace:
    """What the server needs of the shell's Cloud: its opened sync client (None without a backend link)."""
    return SimpleNamespace(opened_client=lambda timeout=30: client, error=error)


@pytest.fixture
def server():
    """`server(cloud)`: the shell's image server over that cloud, closed after the test."""
    made: list[CloudImageServer] = []

    def make(cloud) -> CloudImageServer:
        made.append(CloudImageServer(lambda plugin: cloud_fetcher(cloud, plugin)))
        return made[-1]

    yield make
    for each in made:
        each.close()


@pytest.fixture
def show(qtbot, tmp_path):
    """`show(images)`: an offscreen view showing one Image per (url, width, height); returns the view and its
    Images once each is Ready or Error."""
    views: list[QQuickView] = []

    def make(images: list[tuple[str, int, int]]) -> tuple[QQuickView, list[QQuickItem]]:
        view = QQuickView()
        views.append(view)
        items = "\n".join(
            f'Image {{ objectName: "image{i}"; property int loadStatus: status; x: {i * 10}; '
            f"source: {json.dumps(url)}; sourceSize.width: {w}; sourceSize.height: {h} }}"
            for i, (url, w, h) in enumerate(images))
        page = tmp_path / f"page{len(views)}.qml"
        page.write_text(f"import QtQuick\nRectangle {{ width: 400; height: 300; color: \"white\"\n{items}\n}}\n")
        view.setSource(QUrl.fromLocalFile(str(page)))
        assert view.status() == QQuickView.Status.Ready, view.errors()
        view.show()
        found = [view.rootObject().findChild(QQuickItem, f"image{i}") for i in range(len(images))]
        qtbot.waitUntil(lambda: all(i.property("loadStatus") in (READY, ERROR) for i in found), timeout=15_000)
        return view, found

    yield make
    for view in views:
        view.close()
        view.deleteLater()


def raw_get(url: str, path: str | None = None) -> tuple[int, bytes]:
    """GET as any local process could: the exact bytes of `path` (default: the URL's own), no normalising."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.putrequest("GET", path if path is not None else parts.path, skip_accept_encoding=True)
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def test_a_product_image_is_drawn_at_the_size_asked_for_with_the_token_out_of_qml(car, server, show, qtbot,
                                                                                  caplog):
    caplog.set_level(logging.INFO)
    images = server(shell_cloud(car))
    view, (fitted, by_width) = show([(images.url(car.images[0], APP), 120, 80),
                                     (images.url(car.images[1], APP), 150, 0)])
    assert fitted.property("loadStatus") == READY and by_width.property("loadStatus") == READY
    # The catalog's pictures are square: inside 120x80 is 80x80; 150 wide is 150 high too.
    assert (fitted.property("implicitWidth"), fitted.property("implicitHeight")) == (80, 80)
    assert (by_width.property("implicitWidth"), by_width.property("implicitHeight")) == (150, 150)

    qtbot.wait(100)
    frame = view.grabWindow()
    painted = {frame.pixelColor(x, y).name() for x in range(0, 80, 4) for y in range(0, 80, 4)}
    assert len(painted) > 1 and painted != {QColor("white").name()}  # the picture, not the page's background

    token = car.registration.token
    assert all(token not in item.property("source").toString() for item in (fitted, by_width))
    root = view.rootObject()
    for item in [root, *root.findChildren(QQuickItem)]:
        meta = item.metaObject()
        for index in range(meta.propertyCount()):
            try:
                value = item.property(meta.property(index).name())
            except RuntimeError:  # a type Python cannot hold (an enum of QtQuick's): not text either
                continue
            assert token not in str(value)
    assert token not in caplog.text
    assert sorted(path.lstrip("/") for _, path in car.recorder.requests) == sorted(car.images)
    assert car.bytes_by_plugin()[APP][1] > 0  # counted as the app's that asked for the URL


def test_each_app_gets_its_own_address_and_its_own_count(car, server):
    images = server(shell_cloud(car))
    mine, theirs = images.url(car.images[0], APP), images.url(car.images[0], "org.example.other")
    assert urlsplit(mine).path.split("/")[1] != urlsplit(theirs).path.split("/")[1]
    assert images.url(car.images[1], APP).split("/")[3] == mine.split("/")[3]  # one secret per app
    assert raw_get(theirs)[0] == 200
    assert "org.example.other" in car.bytes_by_plugin() and APP not in car.bytes_by_plugin()


def test_offline_a_loaded_image_comes_from_the_cache_and_one_never_loaded_is_an_error(car, backend, server, show,
                                                                                     caplog):
    images = server(shell_cloud(car))
    show([(images.url(car.images[0], APP), 64, 64)])
    backend.stop()
    caplog.set_level(logging.INFO, logger="headunit.shell.cloud_images")

    _, (cached, never) = show([(images.url(car.images[0], APP) + "#again", 64, 64),
                               (images.url(car.images[1], APP), 64, 64)])
    assert cached.property("loadStatus") == READY and cached.property("implicitWidth") == 64
    assert never.property("loadStatus") == ERROR
    assert car.images[1] in caplog.text  # the reason is logged, naming the image


def test_without_a_backend_link_an_image_is_an_error(server, show, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="headunit.shell.cloud_images")
    local = SyncClient(None, tmp_path / "local")
    _, (no_link,) = show([(server(shell_cloud(local)).url("v1/catalog/images/x.svg", APP), 64, 64)])
    _, (no_client,) = show([(server(shell_cloud(None, "the sync database is damaged")).url(
        "v1/catalog/images/y.svg", APP), 64, 64)])
    assert no_link.property("loadStatus") == ERROR and no_client.property("loadStatus") == ERROR
    assert "no backend link" in caplog.text and "the sync database is damaged" in caplog.text
    assert not local.network_loaded
    local.close()


ATTACKS = [
    "v1/account/key",
    "v1/catalog/products",
    "v1/catalog/images/../../account/key",
    "v1/catalog/images/%2e%2e/%2e%2e/account/key",
    "v1/catalog/images/%252e%252e/key",
    "v1/catalog/images/..%2faccount",
    "v1/catalog/images//x.svg",
    "/v1/catalog/images/x.svg",
    "v1//catalog/images/x.svg",
    "v1/catalog/images/x.svg?token=1",
    "v1/catalog/images/x.svg%3Fa=1",
    "v1/catalog/images/x.svg#top",
    "v1/catalog/images/x%00.svg",
    "v1/catalog/images/.hidden",
    "v1/catalog/images/" + "a" * 101,
    "V1/catalog/images/x.svg",
    "v1/catalog/imagesx.svg",
    "v1/catalog/images/",
    "v1/catalog/images/a/b.svg",
    "http://127.0.0.1/v1/catalog/images/x.svg",
]


@pytest.mark.parametrize("image_id", ATTACKS)
def test_only_catalog_image_paths_are_allowed(image_id):
    with pytest.raises(ImageRefused):
        image_path(image_id)


def test_allowed_names(car):
    assert image_path("v1/catalog/images/wiper-blade_600.v2.svg") == "/v1/catalog/images/wiper-blade_600.v2.svg"
    assert image_path(car.images[0]) == "/" + car.images[0]


def test_refused_paths_are_answered_400_and_no_request_is_made(car, server, caplog):
    caplog.set_level(logging.WARNING, logger="headunit.shell.cloud_images")
    images = server(shell_cloud(car))
    secret = urlsplit(images.url(car.images[0], APP)).path.split("/")[1]
    before = car.bytes_by_plugin()
    for attack in ATTACKS:
        if "\x00" in attack or "#" in attack:
            continue  # not something that can be put on a request line
        status, body = raw_get(images.url(car.images[0], APP), f"/{secret}/{attack}")
        assert status == 400, (attack, status, body)
        assert body.strip(), attack  # with the reason
    assert car.recorder.requests == []
    assert car.bytes_by_plugin() == before
    assert caplog.text.count("catalog image refused") >= len(ATTACKS) - 2


def test_an_address_the_shell_did_not_give_out_is_refused(car, server):
    images = server(shell_cloud(car))
    url = images.url(car.images[0], APP)
    secret = urlsplit(url).path.split("/")[1]
    other = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    for path in (f"/{car.images[0]}", f"/wrong/{car.images[0]}", f"/{other}/{car.images[0]}",
                 f"/{secret.upper()}/{car.images[0]}", "/"):
        assert raw_get(url, path)[0] == 403, path
    assert car.recorder.requests == []


def _encoded(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data.data())


@pytest.mark.parametrize("fmt, media_type", [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_png_and_jpeg_are_served(qapp, fmt, media_type):
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2f6db5"))
    assert check_body(_encoded(picture, fmt), media_type + "; charset=binary") == media_type


def test_bad_bodies_are_refused_with_the_reason(qapp):
    with pytest.raises(ImageRefused, match="not a valid SVG"):
        check_body(b"<svg oops", "image/svg+xml")
    with pytest.raises(ImageRefused, match="not a readable image"):
        check_body(b"\x89PNG\r\n\x1a\n broken", "image/png")
    with pytest.raises(ImageRefused, match="type 'application/json'"):
        check_body(b'{"error": "x"}', "application/json")
    with pytest.raises(ImageRefused, match="an empty body"):
        check_body(b"", "image/png")
    with pytest.raises(ImageRefused, match="at most 2097152"):
        check_body(b"x" * (cloud_images.MAX_IMAGE_BYTES + 1), "image/png")
    huge = QImage(cloud_images.MAX_DECODED_SIDE + 1, 1, QImage.Format.Format_Mono)
    huge.fill(0)
    with pytest.raises(ImageRefused, match="at most 8192 a side"):
        check_body(_encoded(huge, "PNG"), "image/png")


def test_a_body_that_is_not_an_image_is_an_error_in_qml(car, server, show, monkeypatch):
    images = server(shell_cloud(car))
    monkeypatch.setattr(car, "get_bytes", lambda path, **_: SimpleNamespace(content=b'{"a": 1}',
                                                                            content_type="application/json"))
    _, (item,) = show([(images.url(car.images[0], APP), 32, 32)])
    assert item.property("loadStatus") == ERROR


def test_after_the_server_is_closed_an_image_is_an_error_not_a_crash(car, server, show):
    images = server(shell_cloud(car))
    url = images.url(car.images[0], APP)
    images.close()  # as when the shell stops
    _, (late,) = show([(url, 32, 32)])
    assert late.property("loadStatus") == ERROR
    assert car.recorder.requests == []


FREEZE_CHECK = textwrap.dedent("""
    import sys, threading
    from types import SimpleNamespace
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickView
    from headunit.shell.cloud_images import CloudImageServer

    app = QGuiApplication(sys.argv)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'
    images = CloudImageServer(lambda plugin: lambda path: (svg, "image/svg+xml"))
    page = sys.argv[1]
    for round in range(40):  # Python makes pages of images while earlier ones are still loading
        urls = [images.url(f"v1/catalog/images/p{round}-{i}.svg", "app") for i in range(12)]
        with open(page, "w") as f:
            f.write("import QtQuick\\nItem {\\n" + "\\n".join(
                f'Image {{ source: "{u}"; asynchronous: {str(i % 2 == 0).lower()} }}' for i, u in enumerate(urls))
                    + "\\n}\\n")
        view = QQuickView()
        view.setSource(QUrl.fromLocalFile(page))
        view.show()
        app.processEvents()
        view.deleteLater()
    images.close()
    print("done")
""")


def test_python_making_pages_of_images_never_freezes_the_gui_thread(tmp_path):
    """A Python image provider deadlocked here: Qt's reader thread waited for Python's lock while the GUI thread,
    holding it in setSource, waited for the reader's. Served over loopback, Python is never on that thread."""
    done = subprocess.run([sys.executable, "-c", FREEZE_CHECK, str(tmp_path / "page.qml")], capture_output=True,
                          text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "done" in done.stdout, done.stderr[-2000:]


def test_the_shell_qml_gets_urls_from_cloud(runtimes):
    runtime = runtimes.start()
    url = runtime.cloud.imageUrl("v1/catalog/images/x.svg")
    assert url.startswith("http://127.0.0.1:") and url.endswith("/v1/catalog/images/x.svg")
