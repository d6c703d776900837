"""Signed packages for the app mall's tests, and a store that hands them out as the backend's catalog would.

The packages are real: packed, signed by the demo developer and by the demo store (whose public key the shell
trusts), so the shell's installer checks them exactly as it checks the store's.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from headunit.packages import format as package_format
from headunit.packages import signing
from headunit_backend.apps_demo import DEMO_DEVELOPER_KEY

DEMO_STORE_KEY = DEMO_DEVELOPER_KEY.with_name("demo-store-key.pem")


def make_package(root: Path, plugin_id: str, version: str, capabilities: tuple[str, ...], *,
                 name: str = "Parking timer", store_signed: bool = True) -> Path:
    """A QML-only plugin packed and signed: `<root>/out/<id>-<version>.hupkg`."""
    folder = root / f"src-{version}" / plugin_id
    (folder / "qml").mkdir(parents=True, exist_ok=True)
    caps = ", ".join(f'"{c}"' for c in capabilities)
    (folder / "plugin.toml").write_text(textwrap.dedent(f"""\
        manifest = 1
        id = "{plugin_id}"
        name = "{name}"
        version = "{version}"
        api = 1
        category = "utility"
        icon = "mdi6.timer-outline"
        description = "Counts down the time left on a parking ticket."
        capabilities = [{caps}]

        [entry]
        page = "qml/Main.qml"
        """), encoding="utf-8")
    (folder / "qml" / "Main.qml").write_text("import QtQuick\nItem {}\n", encoding="utf-8")
    out = root / "out"
    out.mkdir(parents=True, exist_ok=True)
    package = package_format.pack(folder, out)
    signing.sign(package, DEMO_DEVELOPER_KEY, role="developer")
    if store_signed:
        signing.sign(package, DEMO_STORE_KEY, role="store")
    return package


class PackageShelf:
    """The app store as the car sees it: a catalog and the package of each app's newest version. Stands in for
    the network; what it hands out is checked by the real installer."""

    def __init__(self) -> None:
        self.listings: dict[str, dict[str, Any]] = {}
        self.files: dict[str, Path] = {}
        self.downloads: list[str] = []

    def publish(self, package: Path, *, rating: float = 4.4, ratings: int = 48) -> None:
        header = package_format.read_header(package)
        self.listings[header.id] = {
            "id": header.id, "name": header.name, "version": header.version, "developer": "Example Apps",
            "description": "Counts down the time left on a parking ticket, so the car is back before it runs out.",
            "icon": "mdi6.timer-outline", "rating": rating, "ratings_count": ratings,
            "capabilities": list(header.capabilities), "screenshots": [],
        }
        self.files[header.id] = package

    # The AppStore API the shell uses

    def refresh(self) -> None:
        pass

    def apps(self) -> list[dict[str, Any]]:
        return list(self.listings.values())

    def download(self, app_id: str) -> Path:
        self.downloads.append(app_id)
        return self.files[app_id]
