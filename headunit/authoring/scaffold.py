"""`headunit plugin new`: a working plugin folder from the template kept in the package.

The template is `headunit/templates/plugin/`. Every file there is copied into the new folder; a file whose name
ends in `.j2` is rendered with Jinja2 first and written without that suffix. Path segments are rendered too,
so `{{ module }}/__init__.py.j2` becomes `hello/__init__.py`.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import asdict, dataclass
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "plugin"
SCHEMA = Path(__file__).resolve().parent.parent / "host" / "manifest_schema.json"


class ScaffoldError(Exception):
    """What stops a plugin being made, in a sentence an author can act on."""


@dataclass(frozen=True)
class Names:
    """Every name the template needs, derived from the plugin id (and the display name, if given)."""

    id: str  # com.example.hello
    name: str  # Hello: the app's name on its tile
    module: str  # hello: the Python package named by entry.python
    cls: str  # Hello: the Plugin subclass, and the prefix of the QML types
    qml_uri: str  # Com.Example.Hello: the QML module the plugin's Python registers its store in


def _id_rule() -> tuple[re.Pattern[str], int]:
    """The manifest schema's own rule for ids, so the scaffold refuses exactly what the host would."""
    rule = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]["id"]
    return re.compile(rule["pattern"]), int(rule["maxLength"])


def _words(part: str) -> list[str]:
    return [w for w in re.split(r"[-_]", part) if w]


def _camel(part: str) -> str:
    """`my-app` -> `MyApp`; a leading digit gets a letter, since QML and Python names cannot start with one."""
    text = "".join(w[:1].upper() + w[1:] for w in _words(part))
    return f"P{text}" if text[:1].isdigit() else text


def names_for(plugin_id: str, name: str | None = None) -> Names:
    """The names for `plugin_id`; raises ScaffoldError when the id is not one the manifest accepts."""
    pattern, max_length = _id_rule()
    if len(plugin_id) > max_length or not pattern.fullmatch(plugin_id):
        raise ScaffoldError(
            f"{plugin_id!r} is not a plugin id: use reverse-DNS in lower case, such as com.example.hello (letters, "
            f"digits, '_' and '-', at least two parts separated by dots, the first starting with a letter, "
            f"at most {max_length} characters)")
    last = plugin_id.rsplit(".", 1)[1]
    module = "_".join(_words(last)) or "plugin"
    if module[:1].isdigit():
        module = f"p{module}"
    if keyword.iskeyword(module) or module in {"headunit", "tests", "qml", "translations"}:
        module = f"{module}_plugin"
    display = (name or " ".join(_words(last)).capitalize()).strip()
    if not 1 <= len(display) <= 40:
        raise ScaffoldError(f"the name {display!r} must be 1 to 40 characters: the home tile shows it")
    cls = _camel(last) or "Main"
    if cls in {"Plugin", "Main", "Tile"}:
        cls = f"{cls}App"
    uri = ".".join(_camel(part) for part in plugin_id.split("."))
    return Names(id=plugin_id, name=display, module=module, cls=cls, qml_uri=uri)


def scaffold(plugin_id: str, parent: Path, name: str | None = None, *, compile_translations: bool = True) -> Path:
    """Make `parent/plugin_id` from the template and return it. Nothing is written when the id is invalid or
    the folder exists."""
    names = names_for(plugin_id, name)
    folder = parent / plugin_id
    if folder.exists() or folder.is_symlink():
        raise ScaffoldError(f"{folder} already exists: choose another id or folder (--dir), or remove it first")
    if parent.exists() and not parent.is_dir():
        raise ScaffoldError(f"{parent} is not a folder")
    from jinja2 import Environment, StrictUndefined

    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    context = {**asdict(names), "name_toml": json.dumps(names.name, ensure_ascii=False)}
    files: dict[Path, str | bytes] = {}
    for source in sorted(TEMPLATE_DIR.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts:
            continue
        relative = env.from_string(source.relative_to(TEMPLATE_DIR).as_posix()).render(context)
        if relative.endswith(".j2"):
            files[Path(relative.removesuffix(".j2"))] = env.from_string(source.read_text(encoding="utf-8")).render(context)
        else:
            files[Path(relative)] = source.read_bytes()
    folder.mkdir(parents=True)
    for relative, content in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if compile_translations:
        _compile_translations(folder)
    return folder


def _compile_translations(folder: Path) -> None:
    """The catalogues as `make translations` and `make install` leave them: lupdate puts each string's place in
    the sources into the .ts files (keeping the template's translations), lrelease compiles the .qm the shell
    loads."""
    from headunit import i18n_build

    catalogue = i18n_build.plugin_catalogue(folder)
    i18n_build.update(catalogue)
    i18n_build.release(catalogue)
