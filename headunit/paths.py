"""Where HeadUnit finds its own files and keeps the user's.

HEADUNIT_HOME puts every per-user folder under one directory: the emulator's profiles and the
tests use it so that they never touch the real user's data.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def _package_dir() -> Path:
    """The installed package's folder. QML, Qt's translator and the plugin loader open files by path, so the
    package must be installed as files (a wheel or a checkout), not imported from a zip."""
    root = files("headunit")
    if not isinstance(root, Path):
        raise RuntimeError(f"headunit must be installed as files on disk, not imported from {root}")
    return root


#: The package's own files: the shell's QML modules, the first-party plugins, the compiled translations,
#: the assets (the demo map and track) and the schemas all ship inside it, in a wheel as in a checkout.
PACKAGE_DIR = _package_dir()
QML_DIR = PACKAGE_DIR / "qml"
BUILTIN_PLUGINS_DIR = PACKAGE_DIR / "plugins"
ASSETS_DIR = PACKAGE_DIR / "assets"
SHELL_TRANSLATIONS_DIR = PACKAGE_DIR / "translations"


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
