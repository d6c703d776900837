"""A writable copy of the session's music library per test, and a library index to scan it into."""

from __future__ import annotations

from pathlib import Path

import pytest

from headunit.media.library import Library
from tests.music_files import copy_library


@pytest.fixture
def music(music_library, tmp_path: Path) -> dict:
    """The session's library copied into this test's folder (change it freely): make_library's dict with
    the paths pointing into the copy."""
    folder = copy_library(music_library["folder"], tmp_path / "Music")
    moved = lambda path: folder / path.relative_to(music_library["folder"])  # noqa: E731
    return {**music_library, "folder": folder,
            "good": [{**g, "path": moved(g["path"])} for g in music_library["good"]],
            "broken": [{**b, "path": moved(b["path"])} for b in music_library["broken"]]}


@pytest.fixture
def library(tmp_path: Path):
    library = Library(tmp_path / "index" / "library.db", tmp_path / "index" / "covers")
    yield library
    library.close()
