"""A real music library on disk for tests and benchmarks: short tones encoded with PyAV (FFmpeg) in every
format the library reads, tagged with mutagen the way taggers and rippers do, plus the broken files a
real collection has (and a FIFO, which must never be opened).

`make_library(folder)` writes it and returns what it wrote, so tests compare the index against the truth.
"""

from __future__ import annotations

import base64
import math
import os
import shutil
import struct
from fractions import Fraction
from pathlib import Path

import av
from av.audio.resampler import AudioResampler
from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3, TALB, TCON, TDRC, TIT2, TPE1, TPE2, TPOS, TRCK
from mutagen.mp4 import MP4, MP4Cover
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

# extension -> (container, codec, sample rate, channels). FFmpeg's own Vorbis encoder is experimental and
# stereo only; Opus is always 48 kHz.
ENCODINGS = {
    "mp3": ("mp3", "libmp3lame", 22050, "mono"),
    "m4a": ("ipod", "aac", 22050, "mono"),
    "flac": ("flac", "flac", 22050, "mono"),
    "ogg": ("ogg", "vorbis", 22050, "stereo"),
    "opus": ("ogg", "libopus", 48000, "mono"),
    "wav": ("wav", "pcm_s16le", 22050, "mono"),
}

# (relative path, tags, cover): cover "embedded" puts the album's picture in the file, "folder" means a
# cover.jpg beside it, "" none. Tags left out are absent from the file.
_DANGEROUSLY = {"artist": "Beyoncé", "album": "Dangerously in Love", "album_artist": "Beyoncé",
                "genre": "R&B", "year": 2003}
_QILIXIANG = {"artist": "周杰伦", "album": "七里香", "album_artist": "周杰伦", "genre": "Mandopop", "year": 2004}
_FIELD = {"artist": "Zoë Kravitz & The Névé Ensemble", "album": "Field Recordings",
          "album_artist": "The Névé Ensemble", "genre": "Ambient", "year": 2019}
TRACKS = [
    ("Beyoncé/Dangerously in Love/01 Crazy in Love.mp3",
     {**_DANGEROUSLY, "title": "Crazy in Love", "track_no": 1, "disc_no": 1}, "embedded"),
    ("Beyoncé/Dangerously in Love/02 Naughty Girl.m4a",
     {**_DANGEROUSLY, "title": "Naughty Girl", "track_no": 2, "disc_no": 1}, "embedded"),
    ("周杰伦/七里香/01 我的地盘.flac", {**_QILIXIANG, "title": "我的地盘", "track_no": 1}, "embedded"),
    ("周杰伦/七里香/02 七里香.ogg", {**_QILIXIANG, "title": "七里香", "track_no": 2}, "embedded"),
    ("Field Recordings/2-01 Evening.opus",
     {**_FIELD, "title": "Evening", "track_no": 1, "disc_no": 2}, "folder"),
    ("Field Recordings/1-01 Morning.wav",
     {**_FIELD, "title": "Morning", "track_no": 1, "disc_no": 1}, "folder"),
    ("Field Recordings/1-02 Rain on the Café Roof.mp3",
     {**_FIELD, "artist": "The Névé Ensemble", "title": "Rain on the Café Roof", "track_no": 2, "disc_no": 1},
     "folder"),
    ("Loose/untagged take.wav", {}, ""),
]
TAG_NAMES = ("title", "artist", "album", "album_artist", "genre", "track_no", "disc_no", "year")
SECONDS = 2.0


def make_library(folder: Path) -> dict:
    """Write the library into `folder` (created). Returns {"folder", "good": [{"path", "format", "seconds",
    "cover" ("embedded"|"folder"|""), "tags": {...}, and each tag as a key}], "broken": [{"path", "kind",
    "reason"}], "covers": {album: image bytes}}. A tag absent from the file is "" (text) or None (number);
    an untagged file's title is its file name stem."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    covers = {
        _DANGEROUSLY["album"]: cover_image("png", (200, 40, 40)),
        _QILIXIANG["album"]: cover_image("png", (40, 160, 60)),
        _FIELD["album"]: cover_image("jpg", (40, 60, 200)),
    }
    templates: dict[str, Path] = {}
    good = []
    for index, (relative, tags, cover) in enumerate(TRACKS):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        extension = path.suffix[1:]
        encode_tone(path, extension, frequency=220 + 55 * index)
        templates.setdefault(extension, path)
        picture = covers[tags["album"]] if cover == "embedded" else None
        write_tags(path, tags, picture=picture)
        if cover == "folder":
            (path.parent / "cover.jpg").write_bytes(covers[tags["album"]])
        expected = {name: tags.get(name, None if name in ("track_no", "disc_no", "year") else "")
                    for name in TAG_NAMES}
        expected["title"] = expected["title"] or path.stem
        good.append({"path": path, "format": extension, "seconds": SECONDS, "cover": cover, "tags": expected,
                     **expected})
    return {"folder": folder, "good": good, "broken": _write_broken(folder / "Broken", templates["flac"]),
            "covers": covers}


def _write_broken(folder: Path, flac: Path) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    broken = []

    def add(name: str, kind: str, reason: str) -> Path:
        broken.append({"path": folder / name, "kind": kind, "reason": reason})
        return folder / name

    add("noise.mp3", "random-bytes", "not an audio file").write_bytes(
        bytes((i * 7919 + 13) % 251 for i in range(4096)))
    add("cut short.flac", "truncated", "damaged").write_bytes(flac.read_bytes()[:30])
    add("shopping list.ogg", "text", "not an audio file").write_text("milk\neggs\nbread\n" * 20)
    add("empty.m4a", "empty", "empty file").write_bytes(b"")
    os.mkfifo(add("pipe.mp3", "fifo", "not a regular file"))
    return broken


def encode_tone(path: Path, extension: str | None = None, *, seconds: float = SECONDS,
                frequency: float = 440.0) -> Path:
    """A sine tone encoded with FFmpeg into `path` in the format its extension names."""
    container, codec, rate, layout = ENCODINGS[extension or Path(path).suffix[1:]]
    options = {"strict": "experimental"} if codec == "vorbis" else {}
    with av.open(str(path), "w", format=container) as output:
        stream = output.add_stream(codec, rate=rate, options=options)
        stream.layout = layout
        resampler = AudioResampler(format=stream.codec_context.format.name, layout=layout, rate=rate)
        total = int(rate * seconds)
        for start in range(0, total, 1024):
            count = min(1024, total - start)
            frame = av.AudioFrame(format="s16", layout="mono", samples=count)
            frame.sample_rate = rate
            frame.pts = start
            frame.planes[0].update(struct.pack(f"<{count}h", *(
                int(8000 * math.sin(2 * math.pi * frequency * (start + i) / rate)) for i in range(count))))
            for resampled in resampler.resample(frame):
                output.mux(stream.encode(resampled))
        for resampled in resampler.resample(None):
            output.mux(stream.encode(resampled))
        output.mux(stream.encode(None))
    return Path(path)


def cover_image(kind: str, rgb: tuple[int, int, int], size: int = 160) -> bytes:
    """A square picture in the colour `rgb` (a diagonal fade to a darker shade, with rings like a record's
    grooves, so a screenshot shows a cover), encoded by FFmpeg as "png" or "jpg"."""
    codec, pixels = {"png": ("png", "rgb24"), "jpg": ("mjpeg", "yuvj420p")}[kind]
    context = av.CodecContext.create(codec, "w")
    context.width = context.height = size
    context.pix_fmt = pixels
    context.time_base = Fraction(1, 25)
    frame = av.VideoFrame(size, size, "rgb24")
    stride = frame.planes[0].line_size
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            shade = 1.0 - 0.55 * (x + y) / (2 * size)
            ring = math.hypot(x - size * 0.7, y - size * 0.7) / size * 14
            shade *= 0.88 if int(ring) % 2 else 1.0
            row += bytes(min(255, int(c * shade)) for c in rgb)
        rows.append(bytes(row) + bytes(stride - 3 * size))
    frame.planes[0].update(b"".join(rows))
    packets = context.encode(frame.reformat(format=pixels)) + context.encode(None)
    return b"".join(bytes(packet) for packet in packets)


def write_tags(path: Path, tags: dict, *, picture: bytes | None = None) -> None:
    """Tag `path` with mutagen the way common taggers do for its format: ID3v2.4 for MP3 and WAV, MP4 atoms
    for M4A, Vorbis comments (and a FLAC picture block) for FLAC, Ogg Vorbis and Opus."""
    path = Path(path)
    extension = path.suffix[1:]
    if extension in ("mp3", "wav"):
        _write_id3(path, tags, picture)
    elif extension == "m4a":
        _write_mp4(path, tags, picture)
    else:
        _write_vorbis_comments(path, tags, picture)


def _mime(picture: bytes) -> str:
    return "image/png" if picture.startswith(b"\x89PNG") else "image/jpeg"


def _write_id3(path: Path, tags: dict, picture: bytes | None) -> None:
    if path.suffix == ".wav":
        audio = WAVE(path)
        if audio.tags is None:
            audio.add_tags()
        frames = audio.tags
    else:
        audio, frames = None, ID3()
    for frame, key in ((TIT2, "title"), (TPE1, "artist"), (TALB, "album"), (TPE2, "album_artist"),
                       (TCON, "genre")):
        if tags.get(key):
            frames.add(frame(encoding=3, text=tags[key]))
    if tags.get("track_no"):
        frames.add(TRCK(encoding=3, text=str(tags["track_no"])))
    if tags.get("disc_no"):
        frames.add(TPOS(encoding=3, text=str(tags["disc_no"])))
    if tags.get("year"):
        frames.add(TDRC(encoding=3, text=str(tags["year"])))
    if picture:
        frames.add(APIC(encoding=3, mime=_mime(picture), type=3, desc="Cover", data=picture))
    if audio is not None:
        audio.save()
    else:
        frames.save(path)


def _write_mp4(path: Path, tags: dict, picture: bytes | None) -> None:
    audio = MP4(path)
    for atom, key in (("\xa9nam", "title"), ("\xa9ART", "artist"), ("\xa9alb", "album"),
                      ("aART", "album_artist"), ("\xa9gen", "genre")):
        if tags.get(key):
            audio[atom] = [tags[key]]
    if tags.get("track_no"):
        audio["trkn"] = [(tags["track_no"], 0)]
    if tags.get("disc_no"):
        audio["disk"] = [(tags["disc_no"], 0)]
    if tags.get("year"):
        audio["\xa9day"] = [str(tags["year"])]
    if picture:
        image_format = MP4Cover.FORMAT_PNG if _mime(picture) == "image/png" else MP4Cover.FORMAT_JPEG
        audio["covr"] = [MP4Cover(picture, imageformat=image_format)]
    audio.save()


def _write_vorbis_comments(path: Path, tags: dict, picture: bytes | None) -> None:
    audio = {"flac": FLAC, "ogg": OggVorbis, "opus": OggOpus}[path.suffix[1:]](path)
    for comment, key in (("title", "title"), ("artist", "artist"), ("album", "album"),
                         ("albumartist", "album_artist"), ("genre", "genre"), ("tracknumber", "track_no"),
                         ("discnumber", "disc_no"), ("date", "year")):
        if tags.get(key):
            audio[comment] = [str(tags[key])]
    if picture:
        block = Picture()
        block.type, block.mime, block.desc, block.data = 3, _mime(picture), "Cover", picture
        if isinstance(audio, FLAC):
            audio.clear_pictures()
            audio.add_picture(block)
        else:
            audio["metadata_block_picture"] = [base64.b64encode(block.write()).decode("ascii")]
    audio.save()


def copy_library(source: Path, target: Path) -> Path:
    """A copy of a made library (FIFOs included) for a test that changes or deletes files."""
    shutil.copytree(source, target, copy_function=shutil.copy2, ignore=_fifos)
    for fifo in (p for p in Path(source).rglob("*") if p.is_fifo()):
        os.mkfifo(Path(target) / fifo.relative_to(source))
    return Path(target)


def _fifos(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if Path(folder, n).is_fifo()]
