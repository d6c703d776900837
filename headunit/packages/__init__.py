"""Plugin packages: the format, signatures, and installing, updating and rolling back plugins."""

from __future__ import annotations

from pathlib import Path

from headunit import paths

#: The installer's record of what is installed, pending and revoked, in `<data>/packages/`.
STATE_FILE = "state.json"


def state_file(data_dir: Path | None = None) -> Path:
    """Where the installer keeps its state. The shell reads what is installed only once this exists, so a head
    unit with no package installed never loads the package code (with OpenSSL's hashes, 5 MB at start)."""
    return (data_dir if data_dir is not None else paths.data_dir()) / "packages" / STATE_FILE
