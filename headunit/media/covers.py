"""Cover art: pictures embedded in the files or lying beside them (cover.jpg, folder.png, front.jpg …),
kept once per image in a folder of their own and named by their content's hash.

Twelve tracks of an album that each embed the same picture make one file; the UI shows it from there
without opening a music file. Pictures that are not images, or are absurdly large, are ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Picture files beside the music, in the order they are preferred.
NAMES = tuple(f"{stem}.{ext}" for stem in ("cover", "folder", "front", "album") for ext in ("jpg", "jpeg", "png"))
MAX_BYTES = 16 * 1024 * 1024


def image_type(data: bytes) -> str | None:
    """"jpg", "png", "gif", "webp" or "bmp" by the image's own signature, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:2] == b"BM":
        return "bmp"
    return None


def beside(folder: str | Path) -> Path | None:
    """The cover picture in `folder` (names compared without case), or None."""
    try:
        names = {entry.name.lower(): entry.name for entry in os.scandir(folder) if entry.is_file()}
    except OSError:
        return None
    found = next((names[n] for n in NAMES if n in names), None)
    return Path(folder, found) if found else None


class CoverCache:
    """The covers folder: `store(data)` returns the picture's file name in it, writing it only once."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.written = 0  # pictures written by this cache (each new image once)

    def store(self, data: bytes | None) -> str:
        """The file name of picture `data` in the folder, or "" when it is not an image."""
        if not data or len(data) > MAX_BYTES:
            return ""
        kind = image_type(data)
        if kind is None:
            return ""
        import hashlib  # here, not at the top: it loads OpenSSL (4 MB), which only a scan finding pictures needs

        name = f"{hashlib.sha1(data).hexdigest()}.{kind}"
        path = self.folder / name
        if not path.exists():
            partial = path.with_name(f".{name}.{os.getpid()}.part")
            try:
                partial.write_bytes(data)
                partial.replace(path)  # never a half-written picture under its final name
            except OSError:
                partial.unlink(missing_ok=True)
                return ""  # a full disk costs the cover, not the track
            self.written += 1
        return name

    def store_file(self, path: Path) -> str:
        """store() for a picture file; "" when it cannot be read."""
        try:
            if path.stat().st_size > MAX_BYTES:
                return ""
            return self.store(path.read_bytes())
        except OSError:
            return ""

    def prune(self, keep: set[str], older_than: float) -> int:
        """Delete the pictures no track uses any more (written before `older_than`, a time.time(): one
        written for a scan still running elsewhere stays); returns how many."""
        removed = 0
        for path in self.folder.iterdir():
            try:
                if path.name not in keep and not path.name.startswith(".") and path.stat().st_mtime < older_than:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed
