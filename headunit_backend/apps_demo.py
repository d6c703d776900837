"""The demo apps a new store starts with (`data/demo-apps/<id>/`): packed, signed with the demo developer's
key and published like any developer's package, so the app mall has something to show."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sqlalchemy.engine import Connection

from headunit.packages import format as package_format
from headunit.packages import signing
from headunit_backend.apps_repo import AppRepository, Published

DEMO_APPS = Path(__file__).with_name("data") / "demo-apps"
#: Published with the source: the demo apps' developer key, never to be trusted outside a demo.
DEMO_DEVELOPER_KEY = Path(__file__).with_name("data") / "demo-developer-key.pem"
#: Seeded ratings (sum of stars, count), so the listing shows what a rated app looks like.
RATINGS = {"com.example.parkingtimer": (211, 48), "com.example.units": (97, 23)}


def packages(out_dir: Path) -> list[Path]:
    """Each demo app packed and developer-signed into `out_dir`."""
    made = []
    for folder in sorted(p for p in DEMO_APPS.iterdir() if (p / "plugin.toml").is_file()):
        package = package_format.pack(folder, out_dir)
        signing.sign(package, DEMO_DEVELOPER_KEY, role="developer")
        made.append(package)
    return made


def seed(conn: Connection, repository: AppRepository) -> list[Published]:
    """Publish every demo app (in the caller's transaction)."""
    folder = Path(tempfile.mkdtemp(prefix="headunit-demo-apps-"))
    try:
        return [repository.publish(conn, package, ratings=RATINGS.get(package_format.read_header(package).id))
                for package in packages(folder)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
