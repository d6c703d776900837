"""How a plugin's failure is worded, wherever it happened: the shell, `plugins check` or a plugin's process."""

from __future__ import annotations

import traceback
from pathlib import Path


def reason_for(exc: BaseException, folder: Path | str, phase: str) -> str:
    """'<file>:<line>: <phase>: <Type>: <message>', at the deepest frame inside the plugin folder."""
    folder = Path(folder)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if inside(f.filename, folder)]
    if isinstance(exc, SyntaxError) and exc.filename and inside(exc.filename, folder):
        where = f"{exc.filename}:{exc.lineno}: "
    elif frames:
        where = f"{frames[-1].filename}:{frames[-1].lineno}: "
    else:
        where = f"{folder}: "
    return f"{where}{phase}: {type(exc).__name__}: {exc}"


def inside(filename: str, folder: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False
