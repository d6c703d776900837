"""Reading a music file's tags with mutagen: title, artists, album, genre, numbers, length and the cover
picture, from ID3 (MP3, WAV), MP4 atoms (M4A) and Vorbis comments (FLAC, Ogg Vorbis, Opus).

A file whose content cannot be decoded raises `Unreadable` with a reason a person understands ("not an
audio file", "damaged or cut short (…)"). A file the system could not read (no permission, gone, a stick
pulled out: an OSError with an errno) raises `FileUnavailable` instead: nothing is known about its content, so
it is worth trying again. Tags themselves are taken as they come: numbers like "3/12" or "2004-05-01" are
understood, nonsense becomes "unknown", and text is cleaned of NULs and kept to a sane length.

mutagen is imported with the first file read: a scan that finds nothing new (most starts) does not load it.
"""

from __future__ import annotations

import base64
import errno
import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mutagen.id3 import ID3
    from mutagen.mp4 import MP4
#: File name extensions the scanner looks at (others are not music and are passed over silently).
EXTENSIONS = frozenset({".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".wav"})
MAX_TEXT = 500
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"\d{4}")


class Unreadable(Exception):
    """The file was read and is not music this library can decode; str() says why."""


class FileUnavailable(Exception):
    """The system could not read the file now (no permission, gone, input/output error); str() says why."""


@dataclass
class Tags:
    title: str
    artist: str
    album: str
    album_artist: str
    genre: str
    track_no: int | None
    disc_no: int | None
    year: int | None
    duration: float
    format: str
    picture: bytes | None  # the embedded cover (front cover preferred)


@functools.cache
def formats() -> dict[type, str]:
    """The mutagen file types read, and the format name each is stored as."""
    from mutagen.flac import FLAC
    from mutagen.mp3 import MP3
    from mutagen.mp4 import MP4
    from mutagen.oggopus import OggOpus
    from mutagen.oggvorbis import OggVorbis
    from mutagen.wave import WAVE

    return {MP3: "mp3", FLAC: "flac", OggVorbis: "ogg", OggOpus: "opus", MP4: "m4a", WAVE: "wav"}


def read(path: str | Path) -> Tags:
    """The tags of the file at `path`; raises Unreadable. The title falls back to the file name's stem."""
    import mutagen
    from mutagen.mp3 import HeaderNotFoundError

    try:
        audio = mutagen.File(path, options=list(formats()))
    except HeaderNotFoundError:
        raise Unreadable("not an audio file: no MP3 audio in it") from None
    except mutagen.MutagenError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc.__cause__ or exc.__context__
        if _is_system_failure(cause):
            raise FileUnavailable(_system_reason(cause)) from None
        raise Unreadable(f"damaged or cut short ({_detail(exc)})") from None
    except OSError as exc:
        if _is_system_failure(exc):
            raise FileUnavailable(_system_reason(exc)) from None
        raise Unreadable(f"damaged or cut short ({_detail(exc)})") from None
    except Exception as exc:  # mutagen meets every kind of damage; none of it may stop a scan
        raise Unreadable(f"damaged or cut short ({_detail(exc)})") from None
    if audio is None:
        raise Unreadable("not an audio file (not MP3, FLAC, Ogg Vorbis, Opus, M4A or WAV)")
    try:
        return _tags(audio, Path(path))
    except Exception as exc:
        raise Unreadable(f"damaged tags ({_detail(exc)})") from None


def _is_system_failure(exc: BaseException | None) -> bool:
    """Whether the system failed to read the file: an OSError with an errno. Mutagen raises OSError without
    one when the data runs out, and a seek before the start (EINVAL) is damaged data too."""
    return isinstance(exc, OSError) and exc.errno is not None and exc.errno != errno.EINVAL


def _system_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "no permission to read it"
    if isinstance(exc, (FileNotFoundError, IsADirectoryError)):
        return "it went away while it was being read"
    return f"cannot be read ({exc.strerror or exc})"


def _detail(exc: BaseException) -> str:
    return _text(str(exc)) or type(exc).__name__


def _tags(audio, path: Path) -> Tags:
    from mutagen.id3 import ID3
    from mutagen.mp4 import MP4

    kind = formats()[type(audio)]
    if isinstance(audio, MP4):
        values = _mp4(audio)
    elif isinstance(audio.tags, ID3):
        values = _id3(audio.tags)
    elif audio.tags is not None and kind in ("flac", "ogg", "opus"):
        values = _vorbis(audio)
    else:
        values = {}
    length = getattr(audio.info, "length", 0.0) or 0.0
    return Tags(
        title=values.get("title") or path.stem,
        artist=values.get("artist", ""),
        album=values.get("album", ""),
        album_artist=values.get("album_artist", ""),
        genre=values.get("genre", ""),
        track_no=_number(values.get("track_no")),
        disc_no=_number(values.get("disc_no")),
        year=_year(values.get("year")),
        duration=float(length) if math.isfinite(length) and length > 0 else 0.0,
        format=kind,
        picture=values.get("picture"),
    )


def _text(value) -> str:
    """Tag text as the index can hold it: no NULs, no lone surrogates, at most MAX_TEXT characters."""
    text = str(value).replace("\x00", " ").strip()[:MAX_TEXT]
    return text.encode("utf-8", "replace").decode("utf-8")


def _joined(values) -> str:
    return ", ".join(dict.fromkeys(t for t in (_text(v) for v in values or ()) if t))


def _number(text) -> int | None:
    match = _NUMBER.search(str(text)) if text else None
    number = int(match[0]) if match and len(match[0]) < 6 else 0
    return number if 0 < number < 10_000 else None


def _year(text) -> int | None:
    match = _YEAR.search(str(text)) if text else None
    return int(match[0]) if match and int(match[0]) > 0 else None


def _id3(tags: ID3) -> dict:
    values = {}
    for frame, key in (("TIT2", "title"), ("TPE1", "artist"), ("TALB", "album"), ("TPE2", "album_artist"),
                       ("TRCK", "track_no"), ("TPOS", "disc_no")):
        if frame in tags:
            values[key] = _joined(tags[frame].text)
    if "TCON" in tags:
        values["genre"] = _joined(tags["TCON"].genres)  # "(17)" and "17" are ID3v1 numbers: "Rock"
    for frame in ("TDRC", "TYER", "TDRL", "TDOR"):
        if frame in tags and tags[frame].text:
            values["year"] = str(tags[frame].text[0])
            break
    pictures = tags.getall("APIC")
    if pictures:
        values["picture"] = next((p.data for p in pictures if p.type == 3), pictures[0].data)
    return values


def _mp4(audio: MP4) -> dict:
    tags = audio.tags or {}
    values = {}
    for atom, key in (("\xa9nam", "title"), ("\xa9ART", "artist"), ("\xa9alb", "album"), ("aART", "album_artist"),
                      ("\xa9gen", "genre"), ("\xa9day", "year")):
        if atom in tags:
            values[key] = _joined(tags[atom])
    for atom, key in (("trkn", "track_no"), ("disk", "disc_no")):
        if tags.get(atom):
            values[key] = str(tags[atom][0][0])
    if tags.get("covr"):
        values["picture"] = bytes(tags["covr"][0])
    return values


def _vorbis(audio) -> dict:
    from mutagen.flac import FLAC, Picture

    tags = audio.tags
    values = {}
    for keys, key in ((("title",), "title"), (("artist",), "artist"), (("album",), "album"),
                      (("albumartist", "album artist", "album_artist"), "album_artist"), (("genre",), "genre"),
                      (("tracknumber",), "track_no"), (("discnumber",), "disc_no"),
                      (("date", "year", "originaldate"), "year")):
        for name in keys:
            if name in tags:
                values[key] = _joined(tags[name])
                break
    pictures = list(audio.pictures) if isinstance(audio, FLAC) else []
    for encoded in tags.get("metadata_block_picture", []):
        try:
            pictures.append(Picture(base64.b64decode(encoded)))
        except Exception:
            continue  # one damaged picture does not make the track unreadable
    if pictures:
        values["picture"] = next((p.data for p in pictures if p.type == 3), pictures[0].data)
    elif tags.get("coverart"):
        try:
            values["picture"] = base64.b64decode(tags["coverart"][0])
        except Exception:
            pass
    return values
