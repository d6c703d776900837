"""plugin.toml: parsing and validation.

Every error names the file, the field and what was expected, for example
``plugins/org.example.x/plugin.toml: version: expected a semantic version such as 1.2.0, got 'one'``.

Schema validation uses jsonschema, which costs ~90 ms to import; manifests already found valid are
remembered by their text (see `ValidationCache`) so an unchanged set of plugins starts without it.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from headunit import API_VERSION

MANIFEST_FILE = "plugin.toml"
SCHEMA_PATH = Path(__file__).with_name("manifest_schema.json")


class ManifestError(Exception):
    """A plugin folder whose manifest cannot be used; `errors` lists every problem found."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Setting:
    """One of the plugin's settings, as `[[settings]]` in plugin.toml declares it."""

    key: str
    type: str
    title: str
    default: Any
    choices: tuple[str, ...] = ()
    title_translations: dict[str, str] = field(default_factory=dict)
    choice_titles: dict[str, str] = field(default_factory=dict)
    choice_titles_translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def display_title(self, language: str) -> str:
        """The title in `language`, falling back as `Manifest.display_name` does."""
        return _translated(self.title, self.title_translations, language)

    def display_choice(self, choice: str, language: str) -> str:
        """What the button for `choice` says in `language`: its translated title, its title, else the value."""
        translated = {lang: titles[choice] for lang, titles in self.choice_titles_translations.items()
                      if choice in titles}
        return _translated(self.choice_titles.get(choice, choice), translated, language)


@dataclass(frozen=True)
class Manifest:
    """A plugin's plugin.toml, read, validated and checked against its folder."""

    folder: Path
    id: str
    name: str
    version: str
    api: int
    category: str
    icon: str
    page: str
    tile: str | None = None
    python: str | None = None
    description: str = ""
    name_translations: dict[str, str] = field(default_factory=dict)
    capabilities: frozenset[str] = frozenset()
    intents: dict[str, dict[str, str]] = field(default_factory=dict)
    settings: tuple[Setting, ...] = ()

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST_FILE

    def display_name(self, language: str) -> str:
        """The name in `language` (such as de or zh_CN), falling back to the base language, then English."""
        return _translated(self.name, self.name_translations, language)

    def icon_source(self) -> str:
        """An icon-font name as is, or a file: URL for an SVG in the plugin folder."""
        return (self.folder / self.icon).as_uri() if self.icon.endswith(".svg") else self.icon


def _translated(text: str, translations: dict[str, str], language: str) -> str:
    return translations.get(language) or translations.get(language.split("_")[0]) or text


def _describe(error) -> str:
    """One jsonschema error as 'field: expected ..., got ...'."""
    where = ".".join(str(p) for p in error.absolute_path) or "(top level)"
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        prefix = f"{where}." if error.absolute_path else ""
        return f"{prefix}{missing}: required field is missing"
    if kind == "additionalProperties":
        return f"{where}: unknown field ({error.message.split('(')[-1].rstrip(')')})"
    if kind == "enum":
        return f"{where}: expected one of {', '.join(map(str, error.validator_value))}, got {error.instance!r}"
    if kind == "const":
        return f"{where}: expected {schema.get('description', repr(error.validator_value))}, got {error.instance!r}"
    if kind == "type":
        return f"{where}: expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    expected = schema.get("description") or error.message
    return f"{where}: expected {expected}, got {error.instance!r}"


class ValidationCache:
    """The manifests that passed the schema, kept between runs together with the schema they passed.

    It keeps their texts, compared exactly, rather than digests: no collision can let an unchecked manifest
    through, and a start needs no hash function (hashlib loads OpenSSL, 4 MB of the head unit's memory). Only
    the manifests met in the last run are kept, so a plugin author's edits do not pile up in the file."""

    def __init__(self, path: Path | None):
        self._path = path
        self._schema = SCHEMA_PATH.read_text(encoding="utf-8")
        self._before: set[str] = set()  # passed in an earlier run
        self._valid: set[str] = set()  # passed in this one, from the cache or the validator
        self._validator: Any = None  # a jsonschema validator, made on first use
        if path and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("schema") == self._schema:
                    self._before = set(data.get("valid", []))
            except (OSError, ValueError, AttributeError, TypeError):
                pass  # a damaged cache only costs one validation

    def errors(self, text: str, data: dict) -> list[str]:
        if text in self._before:
            self._valid.add(text)
            return []
        if self._validator is None:
            import jsonschema

            self._validator = jsonschema.Draft202012Validator(json.loads(self._schema))
        found = sorted(self._validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        if not found:
            self._valid.add(text)
        return [_describe(e) for e in found]

    def save(self) -> None:
        if not self._path or self._valid == self._before:
            return
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._path.write_text(json.dumps({"schema": self._schema, "valid": sorted(self._valid)}),
                                  encoding="utf-8")
            self._before = set(self._valid)
        except OSError:
            pass  # a read-only cache folder only costs time


def load_manifest(folder: Path, *, cache: ValidationCache | None = None, id_is_folder: bool = True) -> Manifest:
    """Read and validate `folder/plugin.toml`; raise ManifestError naming every problem."""
    path = folder / MANIFEST_FILE
    cache = cache or ValidationCache(None)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError([f"{path}: cannot be read ({exc.strerror or exc})"]) from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError([f"{path}: not valid TOML ({exc})"]) from None

    problems = cache.errors(text, data)
    if not problems:
        problems = _check_consistency(folder, data, id_is_folder)
    if problems:
        raise ManifestError([f"{path}: {p}" for p in problems])

    entry = data["entry"]
    return Manifest(
        folder=folder,
        id=data["id"],
        name=data["name"],
        version=data["version"],
        api=data["api"],
        category=data["category"],
        icon=data["icon"],
        page=entry["page"],
        tile=entry.get("tile"),
        python=entry.get("python"),
        description=data.get("description", ""),
        name_translations=dict(data.get("name_translations", {})),
        capabilities=frozenset(data.get("capabilities", [])),
        intents={i["name"]: dict(i.get("params", {})) for i in data.get("intents", [])},
        settings=tuple(Setting(**{**s, "choices": tuple(s.get("choices", ())),
                                  "title_translations": dict(s.get("title_translations", {})),
                                  "choice_titles": dict(s.get("choice_titles", {})),
                                  "choice_titles_translations": {lang: dict(titles) for lang, titles in
                                                                 s.get("choice_titles_translations", {}).items()}})
                       for s in data.get("settings", [])),
    )


def _check_consistency(folder: Path, data: dict, id_is_folder: bool) -> list[str]:
    """What a schema cannot say: the id matches the folder, the files named exist inside it, the API is ours,
    settings fit."""
    problems = []
    if id_is_folder and data["id"] != folder.name:
        problems.append(f"id: expected the folder name {folder.name!r}, got {data['id']!r}")
    if data["api"] != API_VERSION:
        problems.append(f"api: expected {API_VERSION} (the API this host implements), got {data['api']}")
    entry = data["entry"]
    for key in ("page", "tile"):
        if key in entry:
            problems += _file_problems(folder, f"entry.{key}", entry[key], "an existing QML file")
    if "python" in entry:
        problems += _module_problems(folder, entry["python"].split(":")[0])
    problems += _icon_problems(folder, data["icon"])
    for section, key in (("settings", "key"), ("intents", "name")):
        names = [item[key] for item in data.get(section, [])]
        for name in sorted({n for n in names if names.count(n) > 1}):
            problems.append(f"{section}: expected each {key} once, {name!r} appears {names.count(name)} times")
    for i, setting in enumerate(data.get("settings", [])):
        where = f"settings.{i}"
        expected_type = {"bool": bool, "choice": str}[setting["type"]]
        if type(setting["default"]) is not expected_type:
            problems.append(f"{where}.default: expected a {setting['type']} value, got {setting['default']!r}")
        elif setting["type"] == "choice" and setting["default"] not in setting.get("choices", []):
            problems.append(f"{where}.choices: expected a list that includes the default {setting['default']!r}")
        titled = [("choice_titles", setting.get("choice_titles", {}))] + [
            (f"choice_titles_translations.{lang}", titles)
            for lang, titles in setting.get("choice_titles_translations", {}).items()]
        for field_name, titles in titled:
            for choice in titles:
                if choice not in setting.get("choices", []):
                    problems.append(f"{where}.{field_name}.{choice}: expected one of the choices, got {choice!r}")
    return problems


def outside_reason(folder: Path, name: str, relative: str) -> str | None:
    """Why `relative` would lead out of the plugin folder, or None: the shell opens these files with its own
    rights, so a manifest (or a template naming a picture) must not name /etc/passwd, ../other-plugin/x or a
    symbolic link to either."""
    flavours = (PurePosixPath(relative), PureWindowsPath(relative))
    if any(p.anchor for p in flavours):
        return f"{name}: expected a relative path inside the plugin folder, got {relative!r}"
    if any(".." in p.parts for p in flavours):
        return f"{name}: expected a path inside the plugin folder, without '..', got {relative!r}"
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()):
        return (f"{name}: expected a file inside the plugin folder, {relative!r} leads to {str(target)!r} "
                "through a symbolic link")
    return None


def _file_problems(folder: Path, name: str, relative: str, expected: str) -> list[str]:
    outside = outside_reason(folder, name, relative)
    if outside:
        return [outside]
    if not (folder / relative).is_file():
        return [f"{name}: expected {expected}, {relative!r} is missing"]
    return []


def _icon_problems(folder: Path, icon: str) -> list[str]:
    """An icon is a name in the icon font or an SVG file in the folder; anything else that looks like a
    path or a URL (the shell's Icon loads those) is refused."""
    if icon.endswith(".svg"):
        return _file_problems(folder, "icon", icon, "an existing SVG file")
    if any(c in icon for c in "/\\:"):
        return [f"icon: expected an icon name such as mdi6.gauge or an SVG file in the plugin folder, got {icon!r}"]
    return []


def _module_problems(folder: Path, module: str) -> list[str]:
    """The entry module and every package __init__.py on its way must be files inside the folder: importing
    `a.b` runs a/__init__.py too."""
    parts = module.split(".")
    if not all(part.isidentifier() for part in parts):
        return [f"entry.python: expected a dotted module path inside the plugin folder, got {module!r}"]
    path = "/".join(parts)
    for i in range(1, len(parts) + 1):
        package = "/".join(parts[:i])
        for candidate in (package, f"{package}/__init__.py") + ((f"{package}.py",) if i == len(parts) else ()):
            if (folder / candidate).is_symlink() or (folder / candidate).exists():
                outside = outside_reason(folder, "entry.python", candidate)
                if outside:
                    return [outside]
    if not ((folder / f"{path}.py").is_file() or (folder / path / "__init__.py").is_file()):
        return [f"entry.python: expected a module {path}.py or package {path}/ in the plugin folder"]
    return []
