"""Short video clips for tests, encoded with PyAV (FFmpeg) at test time: no media is kept in the repository."""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path

import av

OUTSIDE_PLUGINS = Path(__file__).resolve().parent / "fixtures" / "outside_plugins"

#: The clip's colour: bright green, far from every colour of the rogue page and of the shell.
CLIP_RGB = (0, 255, 0)


def encode_clip(path: Path, *, seconds: float = 2.0, size: int = 64, fps: int = 25,
                rgb: tuple[int, int, int] = CLIP_RGB) -> Path:
    """A silent MPEG-4 clip of `size`×`size` pixels in the colour `rgb`, with a black bar sweeping across so
    each frame differs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="mp4") as output:
        stream = output.add_stream("mpeg4", rate=fps)
        stream.width = stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.codec_context.time_base = Fraction(1, fps)
        count = int(seconds * fps)
        for n in range(count):
            bar = n * size // count
            row = b"".join(bytes((0, 0, 0)) if bar <= x < bar + 4 else bytes(rgb) for x in range(size))
            frame = av.VideoFrame(size, size, "rgb24")
            stride = frame.planes[0].line_size
            frame.planes[0].update((row + bytes(stride - 3 * size)) * size)
            frame.pts = n
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                output.mux(packet)
        for packet in stream.encode(None):
            output.mux(packet)
    return path


def rogue_with_clip(folder: Path) -> Path:
    """A copy of the outside plugins' folder in `folder`, the rogue plugin with its clip (media/clip.mp4)."""
    target = folder / "outside_plugins"
    shutil.copytree(OUTSIDE_PLUGINS, target)
    encode_clip(target / "org.example.rogue" / "media" / "clip.mp4")
    return target
