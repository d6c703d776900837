"""Where HeadUnit finds its own files and keeps the user's.

HEADUNIT_HOME puts every per-user folder under one directory: the emulator's profiles and the
tests use it so that they never touch the real user's data.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The checkout or installed tree holding qml/, plugins/ and assets/.
ROOT = Path(__file__).resolve().parent.parent
QML_DIR = ROOT / "qml"
BUILTIN_PLUGINS_DIR = ROOT / "plugins"
ASSETS_DIR = ROOT / "assets"


def _user_dir(kind: str) -> Path:
    home = os.environ.get("HEADUNIT_HOME")
    if home:
        path = Path(home) / kind
    else:
        import platformdirs

        path = Path(getattr(platformdirs, f"user_{kind}_dir")("headunit", appauthor=False))
    return path


def config_dir() -> Path:
    return _user_dir("config")


def data_dir() -> Path:
    return _user_dir("data")


def cache_dir() -> Path:
    return _user_dir("cache")


def user_plugins_dir() -> Path:
    """Plugins the user installed: `<data>/plugins/<id>/`."""
    return data_dir() / "plugins"


def music_dir() -> Path:
    """The user's music folder: $HEADUNIT_MUSIC_DIR; under HEADUNIT_HOME its Music folder (tests and emulator
    profiles never scan the real user's music); else the system's (~/Music)."""
    folder = os.environ.get("HEADUNIT_MUSIC_DIR")
    if folder:
        return Path(folder).expanduser()
    home = os.environ.get("HEADUNIT_HOME")
    if home:
        return Path(home) / "Music"
    import platformdirs

    return Path(platformdirs.user_music_dir())


def media_mounts() -> Path:
    """Where removable media are mounted, each stick a folder: $HEADUNIT_MEDIA_MOUNTS; under HEADUNIT_HOME its
    media folder; else /media (which holds /media/<stick> or, as desktops mount them, /media/<user>/<stick>)."""
    folder = os.environ.get("HEADUNIT_MEDIA_MOUNTS")
    if folder:
        return Path(folder).expanduser()
    home = os.environ.get("HEADUNIT_HOME")
    return Path(home) / "media" if home else Path("/media")
