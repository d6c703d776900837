"""Which sources the car has: `--source` flags, else `vehicle.toml` (`sources = ["gpsd:127.0.0.1:2947", …]`).

The user's `<config>/vehicle.toml` comes before the system's `/etc/headunit/vehicle.toml` (the package's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from headunit import paths

SYSTEM_CONFIG = Path("/etc/headunit/vehicle.toml")
FILE_NAME = "vehicle.toml"


class ConfigError(ValueError):
    """A vehicle.toml that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Configured:
    specs: tuple[str, ...]
    origin: str  # "--source", a file's path, or "" when nothing is configured


def config_files() -> tuple[Path, ...]:
    return (paths.config_dir() / FILE_NAME, SYSTEM_CONFIG)


def read_config(path: Path) -> tuple[str, ...]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ConfigError(f"{path}: sources: expected a list of spec strings such as "
                          f"[\"gpsd:127.0.0.1:2947\"], got {sources!r}")
    return tuple(sources)


def configured(flags: tuple[str, ...] = ()) -> Configured:
    """The flags' specs if any, else the first vehicle.toml that exists; raise ConfigError for a bad file."""
    if flags:
        return Configured(tuple(flags), "--source")
    for path in config_files():
        if path.is_file():
            return Configured(read_config(path), str(path))
    return Configured((), "")
