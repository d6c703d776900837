"""`get_bytes`: a catalog image through the same cache as the JSON reads, with its age offline and a 304 back."""

from __future__ import annotations

import time

import pytest

from headunit.sync import SyncClient, UnavailableError
from tests.sync.conftest import FAST


def a_product_image(client: SyncClient) -> str:
    """The image path of a product the backend lists now (the demo catalog changes over time)."""
    products = client.get("/v1/catalog/products", {"limit": 1}, plugin="store").data["items"]
    assert products, "the test backend lists no product"
    return products[0]["images"][0]


@pytest.fixture
def catalog_backend(tmp_path):
    """A backend whose catalog is fresh for one second, and a way to restart it on the same port."""
    from headunit_backend.process import ServerProcess

    db = f"sqlite:///{tmp_path / 'backend.db'}"
    args = ["--catalog-max-age", "1"]
    servers = [ServerProcess(db, args=args)]

    def restart() -> None:
        servers.append(ServerProcess(db, args=[*args, "--port", str(servers[0].port)]))

    yield servers, restart
    for server in servers:
        server.kill()


def test_an_image_is_bytes_with_its_type_and_its_age_offline_then_a_304(catalog_backend, tmp_path):
    servers, restart = catalog_backend
    client = SyncClient(servers[0].url, tmp_path / "driver", settings=FAST)
    client.register("car", "car")
    path = a_product_image(client)

    first = client.get_bytes(path, plugin="store")
    assert first.content.startswith(b"<svg") and first.content_type == "image/svg+xml"
    assert (first.from_cache, first.stale, first.status, first.age_seconds) == (False, False, 200, 0.0)
    assert client.get(path, plugin="store").data == first.content  # one cache entry for both reads

    servers[0].kill()
    time.sleep(1.3)
    client.set_online(False)
    offline = client.get_bytes(path, plugin="store")
    assert offline.content == first.content and offline.from_cache and offline.stale
    assert 1.2 < offline.age_seconds < 5
    client.set_online(True)

    restart()
    _, before = client.bytes_by_plugin()["store"]
    back = client.get_bytes(path, plugin="store")
    _, after = client.bytes_by_plugin()["store"]
    assert back.content == first.content and not back.stale and back.age_seconds == 0.0
    assert after - before < len(first.content)  # revalidated with a 304: the image was not sent again
    client.close()


def test_never_loaded_and_offline_is_an_error(backend, make_client):
    client = make_client()
    path = a_product_image(client)
    client.set_online(False)
    with pytest.raises(UnavailableError) as caught:
        client.get_bytes(path, plugin="store")
    assert caught.value.status is None and "offline" in caught.value.detail


def test_a_missing_image_and_a_body_over_the_limit_are_errors(backend, make_client):
    client = make_client()
    with pytest.raises(UnavailableError) as missing:
        client.get_bytes("/v1/catalog/images/no-such-product.svg", plugin="store")
    assert missing.value.status == 404
    with pytest.raises(UnavailableError) as large:
        client.get_bytes(a_product_image(client), plugin="store", max_bytes=10)
    assert "over the 10-byte limit" in large.value.detail


def test_without_a_backend_link_the_read_says_so(tmp_path):
    client = SyncClient(None, tmp_path / "local")
    with pytest.raises(UnavailableError) as caught:
        client.get_bytes("/v1/catalog/images/x.svg", plugin="store")
    assert "no backend link" in caught.value.detail
    assert not client.network_loaded
    client.close()
