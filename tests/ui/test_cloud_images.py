"""image://cloud/…: a catalog image in QML from a real backend, fetched with a token QML never sees; offline
from the cache; every other path refused before a request is made."""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickView

from headunit.shell import cloud_images
from headunit.shell.cloud_images import ImageRefused, cloud_fetcher, image_path, install, render
from headunit.sync import FaultInjector, SyncClient
from headunit.sync.traffic import SHELL
from tests.sync.conftest import FAST, Recorder

READY, ERROR = 1, 3  # QML Image.status


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
    client.images = [p["images"][0] for p in products]
    yield client
    client.close()


def shell_cloud(client: SyncClient | None, error: str = "") -> SimpleNamespace:
    """What the provider needs of the shell's Cloud: its opened sync client (None without a backend link)."""
    return SimpleNamespace(opened_client=lambda timeout=30: client, error=error)


@pytest.fixture
def show(qtbot, tmp_path):
    """`show(cloud, images)`: an offscreen view with image://cloud, showing one Image per (source, width, height);
    returns the view and its Images once each is Ready or Error."""
    views: list[QQuickView] = []

    def make(cloud, images: list[tuple[str, int, int]]) -> tuple[QQuickView, list[QQuickItem]]:
        view = QQuickView()
        views.append(view)
        install(view.engine(), cloud_fetcher(cloud, plugin=SHELL))
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


def source(path: str) -> str:
    return "image://cloud" + path


def test_a_product_image_is_drawn_at_the_size_asked_for_with_the_token_out_of_qml(car, show, qtbot, caplog):
    caplog.set_level(logging.INFO)
    view, (fitted, by_width) = show(shell_cloud(car), [(source(car.images[0]), 120, 80),
                                                      (source(car.images[1]), 150, 0)])
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
    assert sorted(path for _, path in car.recorder.requests) == sorted(car.images)
    assert car.bytes_by_plugin()[SHELL][1] > 0  # the shell's engine: its images are the shell's traffic


def test_offline_a_loaded_image_comes_from_the_cache_and_one_never_loaded_is_an_error(car, backend, show, caplog):
    show(shell_cloud(car), [(source(car.images[0]), 64, 64)])
    backend.stop()
    caplog.set_level(logging.INFO, logger="headunit.shell.cloud_images")

    _, (cached, never) = show(shell_cloud(car), [(source(car.images[0]), 64, 64), (source(car.images[1]), 64, 64)])
    assert cached.property("loadStatus") == READY and cached.property("implicitWidth") == 64
    assert never.property("loadStatus") == ERROR
    assert car.images[1] in caplog.text  # the reason is logged, naming the image


def test_without_a_backend_link_an_image_is_an_error(show, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="headunit.shell.cloud_images")
    local = SyncClient(None, tmp_path / "local")
    _, (no_link,) = show(shell_cloud(local), [("image://cloud/v1/catalog/images/x.svg", 64, 64)])
    _, (no_client,) = show(shell_cloud(None, "the sync database is damaged"),
                           [("image://cloud/v1/catalog/images/y.svg", 64, 64)])
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
    assert image_path(car.images[0].lstrip("/")) == car.images[0]


def test_refused_paths_are_errors_in_qml_and_no_request_is_made(car, show, caplog):
    caplog.set_level(logging.WARNING, logger="headunit.shell.cloud_images")
    attacks = [a for a in ATTACKS if "%00" not in a]  # QML itself will not load a URL holding a NUL
    before = car.bytes_by_plugin()
    _, items = show(shell_cloud(car), [(f"image://cloud/{a}", 32, 32) for a in attacks])
    assert [i.property("loadStatus") for i in items] == [ERROR] * len(attacks)
    assert car.recorder.requests == []
    assert car.bytes_by_plugin() == before
    # One logged reason per request: QML asks once for URLs that are the same once decoded (%2e is a dot).
    assert caplog.text.count("image://cloud/") >= len({QUrl(f"image://cloud/{a}").toString() for a in attacks})


def _encoded(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data.data())


@pytest.mark.parametrize("fmt, media_type", [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_png_and_jpeg_are_decoded_and_scaled_keeping_their_ratio(qapp, fmt, media_type):
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2f6db5"))
    body = _encoded(picture, fmt)
    assert render(body, media_type, QSize(-1, -1)).size() == QSize(200, 100)
    scaled = render(body, media_type, QSize(50, 50))
    assert scaled.size() == QSize(50, 25)
    assert abs(scaled.pixelColor(25, 12).blue() - 0xB5) < 8


def test_bad_bodies_are_refused_with_the_reason(qapp):
    with pytest.raises(ImageRefused, match="not a valid SVG"):
        render(b"<svg oops", "image/svg+xml", QSize(10, 10))
    with pytest.raises(ImageRefused, match="not a readable image"):
        render(b"\x89PNG\r\n\x1a\n broken", "image/png", QSize(10, 10))
    with pytest.raises(ImageRefused, match="type 'application/json'"):
        render(b'{"error": "x"}', "application/json", QSize(10, 10))
    huge = QImage(cloud_images.MAX_DECODED_SIDE + 1, 1, QImage.Format.Format_Mono)
    huge.fill(0)
    with pytest.raises(ImageRefused, match="at most 8192 a side"):
        render(_encoded(huge, "PNG"), "image/png", QSize(10, 10))


def test_a_very_large_size_asked_for_is_capped(qapp):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
    image = render(svg, "image/svg+xml", QSize(100_000, 100_000))
    assert image.size() == QSize(cloud_images.MAX_SIDE, cloud_images.MAX_SIDE // 2)


def test_the_shell_registers_the_provider_in_its_engine(runtimes):
    runtime = runtimes.start()
    assert runtime.engine.imageProvider(cloud_images.PROVIDER) is not None


def test_after_the_provider_is_closed_an_image_is_an_error_not_a_crash(car, qtbot, tmp_path):
    view = QQuickView()
    provider = install(view.engine(), cloud_fetcher(shell_cloud(car), plugin=SHELL))
    provider.close()  # as when the shell's engine goes away
    page = tmp_path / "late.qml"
    page.write_text(f'import QtQuick\nImage {{ property int loadStatus: status; source: "{source(car.images[0])}" }}\n')
    view.setSource(QUrl.fromLocalFile(str(page)))
    qtbot.waitUntil(lambda: view.rootObject().property("loadStatus") in (READY, ERROR), timeout=5000)
    assert view.rootObject().property("loadStatus") == ERROR
    assert car.recorder.requests == []
    view.deleteLater()
