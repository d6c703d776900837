"""A plugin's view of the media on the device (capability: media-library): the music library the shell
scans (its own folder, USB sticks, configured folders) and the FM tuner, when the car has one.

The library is read-only to plugins: the shell alone scans, so two players never index the same stick
twice. Its reads touch disk: call them from the plugin's worker (`ctx.submit`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.media.library import Library
    from headunit.media.tuner import Tuner
    from headunit.shell.media import MediaLibrary


class PluginMedia:
    """`ctx.media`."""

    def __init__(self, service: "MediaLibrary", tuner: Callable[[], "Tuner"]):
        self._service, self._find_tuner = service, tuner

    @property
    def library(self) -> "Library":
        """Artists, albums, genres, folders, search and recently played (reads only)."""
        return self._service.library

    @property
    def service(self) -> "MediaLibrary":
        """The scanner's progress and news: `changed`, `scanFinished(report)`, `scanning`, `trackCount`…"""
        return self._service

    def rescan(self) -> None:
        """Look for new, changed and removed files now (incremental: unchanged files are not read)."""
        self._service.rescan()

    @property
    def tuner(self) -> "Tuner":
        """The FM tuner: `available` False (with `reason`) when the car has none. Looked for on first use."""
        return self._find_tuner()
