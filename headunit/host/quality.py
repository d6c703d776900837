"""The quality tiers of `headunit plugins check --strict` (docs/plugin-quality.md).

Every criterion is read from the plugin's files: the manifest, the sources parsed as text or syntax trees, the
translation catalogues (compared with what lupdate and lrelease make of them). None of the plugin's code runs
here; what only importing and compiling can find comes from headunit.host.check_child, run before grading.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from functools import cache
from pathlib import Path
from typing import Any

from headunit.host.manifest import Manifest

#: Languages every plugin is expected to speak besides English, as the shell does.
LANGUAGES = ("de", "zh_CN")
ICON_PREFIX = "mdi6."
#: Folders whose files are not the plugin's running code.
_NOT_CODE = ("tests", "translations", "__pycache__")
_TEMPLATE_METHODS = {"show", "push", "tile"}
_TESTING_PLUGIN = Path(__file__).resolve().parent.parent / "testing" / "plugin.py"


class Tier(IntEnum):
    """The tiers, in order; a plugin reaches a tier when it meets every criterion of it and of those below."""

    NONE = 0
    BRONZE = 1
    SILVER = 2
    GOLD = 3

    @property
    def title(self) -> str:
        return "below Bronze" if self is Tier.NONE else self.name.capitalize()


@dataclass(frozen=True)
class Criterion:
    """One thing checked: the tier it belongs to, a short name, whether it is met and why (or what is missing)."""

    tier: Tier
    name: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class Grade:
    """The criteria of every tier for one plugin, and the warnings of `plugins check`."""

    plugin_id: str
    criteria: tuple[Criterion, ...]
    warnings: tuple[str, ...]

    @property
    def tier(self) -> Tier:
        """The highest tier whose criteria, and those of every tier below, all pass."""
        reached = Tier.NONE
        for tier in (Tier.BRONZE, Tier.SILVER, Tier.GOLD):
            if not all(c.passed for c in self.criteria if c.tier <= tier):
                break
            reached = tier
        return reached

    def missing(self) -> list[Criterion]:
        """What stands between the plugin and the next tier: the failed criteria up to that tier."""
        if self.tier is Tier.GOLD:
            return []
        following = Tier(self.tier + 1)
        return [c for c in self.criteria if c.tier <= following and not c.passed]

    def failures(self) -> list[str]:
        """Why `--strict` fails (empty when it passes): below Bronze, or any warning."""
        reasons = []
        if self.tier is Tier.NONE:
            reasons.append("it is below Bronze")
        if self.warnings:
            reasons.append(f"{len(self.warnings)} warning(s)")
        return reasons


def grade(manifest: Manifest, *, problems: list[str], warnings: list[str]) -> Grade:
    """Grade the plugin of `manifest` from its files, given what `plugins check` found (errors and warnings)."""
    criteria = [check(manifest, problems) for check in _BRONZE]
    criteria += [check(manifest) for check in _SILVER]
    criteria += [check(manifest) for check in _GOLD_FILES]
    criteria.append(_no_warnings(warnings))
    return Grade(manifest.id, tuple(criteria), tuple(warnings))


# Bronze: the plugin works and presents itself


def _checked(manifest: Manifest, problems: list[str]) -> Criterion:
    if problems:
        return Criterion(Tier.BRONZE, "check", False, f"`plugins check` found {len(problems)} error(s)")
    return Criterion(Tier.BRONZE, "check", True, "the manifest is valid, the Python imports and the QML compiles")


def _description(manifest: Manifest, _problems: list[str]) -> Criterion:
    if manifest.description.strip():
        return Criterion(Tier.BRONZE, "description", True, "the manifest has a description")
    return Criterion(Tier.BRONZE, "description", False,
                     "no description in the manifest (the app mall and Settings › Apps show it)")


def _icon(manifest: Manifest, _problems: list[str]) -> Criterion:
    if manifest.icon.endswith(".svg"):  # the manifest's own checks made sure the file exists
        return Criterion(Tier.BRONZE, "icon", True, f"an SVG icon, {manifest.icon}")
    if manifest.icon.startswith(ICON_PREFIX) and manifest.icon.removeprefix(ICON_PREFIX) in _icon_names():
        return Criterion(Tier.BRONZE, "icon", True, f"{manifest.icon} is an icon of the font")
    return Criterion(Tier.BRONZE, "icon", False,
                     f"{manifest.icon!r} is neither an SVG file nor an mdi6.<name> of the icon font: it would "
                     f"show as a question mark")


@cache
def _icon_names() -> frozenset[str]:
    """The names of the Material Design Icons font the shell draws icons with (headunit.shell.icons)."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        return frozenset()
    charmap = next((Path(spec.origin).parent / "fonts").glob("materialdesignicons6-webfont-charmap-*.json"), None)
    return frozenset(json.loads(charmap.read_text(encoding="utf-8"))) if charmap else frozenset()


def _name_translations(manifest: Manifest, _problems: list[str]) -> Criterion:
    missing = [lang for lang in LANGUAGES if lang not in manifest.name_translations]
    if missing:
        return Criterion(Tier.BRONZE, "name translations", False,
                         f"[name_translations] has no {', '.join(missing)}")
    return Criterion(Tier.BRONZE, "name translations", True, f"the name in {', '.join(LANGUAGES)}")


_BRONZE: tuple[Callable[[Manifest, list[str]], Criterion], ...] = (_checked, _description, _icon, _name_translations)


# Silver: translated, and there for the driver while the car moves


def _catalogues_complete(manifest: Manifest) -> Criterion:
    missing, unfinished = [], []
    for lang in LANGUAGES:
        ts = _ts(manifest, lang)
        if not ts.is_file():
            missing.append(ts.name)
            continue
        try:
            count = sum(1 for _context, _key, done in _messages(ts) if not done)
        except ET.ParseError as exc:
            return Criterion(Tier.SILVER, "translations", False, f"translations/{ts.name} is not valid XML ({exc})")
        if count:
            unfinished.append(f"{ts.name} has {count} unfinished")
    if missing or unfinished:
        parts = ([f"translations/{', '.join(missing)} missing (python -m headunit.i18n_build update DIR)"]
                 if missing else []) + unfinished
        return Criterion(Tier.SILVER, "translations", False, "; ".join(parts))
    return Criterion(Tier.SILVER, "translations", True, f"a finished catalogue for {', '.join(LANGUAGES)}")


def _catalogues_current(manifest: Manifest) -> Criterion:
    """Every string the sources translate is in the catalogues, and none that they no longer use."""
    from headunit import i18n_build

    if not all(_ts(manifest, lang).is_file() for lang in LANGUAGES):
        return Criterion(Tier.SILVER, "translations current", False, "no catalogue to compare with the sources")
    try:
        catalogue = i18n_build.plugin_catalogue(manifest.folder)
        with tempfile.TemporaryDirectory(prefix="headunit-quality-") as tmp:
            fresh = i18n_build.update(catalogue, LANGUAGES[:1], into=Path(tmp))[0]
            wanted = {(context, key) for context, key, _done in _messages(fresh)}
    except (SystemExit, OSError, subprocess.CalledProcessError, ET.ParseError) as exc:
        return Criterion(Tier.SILVER, "translations current", False, f"lupdate could not read the sources ({exc})")
    stale = []
    for lang in LANGUAGES:
        kept = {(context, key) for context, key, _done in _messages(_ts(manifest, lang))}
        if kept != wanted:
            stale.append(f"{_ts(manifest, lang).name} lacks {len(wanted - kept)} and keeps {len(kept - wanted)} "
                         f"unused string(s)")
    if stale:
        return Criterion(Tier.SILVER, "translations current", False,
                         "; ".join(stale) + " (python -m headunit.i18n_build update DIR)")
    return Criterion(Tier.SILVER, "translations current", True,
                     f"the catalogues hold exactly the {len(wanted)} string(s) the sources translate")


def _catalogues_compiled(manifest: Manifest) -> Criterion:
    """Each .qm holds every finished translation of its current .ts, as Qt reads it: compared by what it says,
    not by file times (a checkout sets them anew) nor by bytes (another Qt's lrelease writes others)."""
    from PySide6.QtCore import QTranslator

    stale = []
    for lang in LANGUAGES:
        ts = _ts(manifest, lang)
        qm = ts.with_suffix(".qm")
        if not ts.is_file() or not qm.is_file():
            stale.append(f"{(qm if ts.is_file() else ts).name} missing")
            continue
        translator = QTranslator()
        if not translator.load(str(qm)):
            stale.append(f"{qm.name} cannot be read")
            continue
        try:
            differing = sum(1 for context, (source, comment), forms in _translations(ts)
                            if not _compiled(translator, context, source, comment, forms))
        except ET.ParseError:
            stale.append(f"{ts.name} is not valid XML")
            continue
        if differing:
            stale.append(f"{qm.name} lacks {differing} translation(s) of the current {ts.name}")
    if stale:
        return Criterion(Tier.SILVER, "translations compiled", False,
                         "; ".join(stale) + " (python -m headunit.i18n_build release DIR)")
    return Criterion(Tier.SILVER, "translations compiled", True, "each .qm holds what its current .ts says")


def _compiled(translator: Any, context: str, source: str, comment: str, forms: list[str]) -> bool:
    """Whether the catalogue says what the .ts does for one message: its text, or each plural form it picks."""
    if len(forms) == 1:
        return translator.translate(context, source, comment or None) == forms[0]
    return all(translator.translate(context, source, comment or None, n) in forms for n in (1, 2, 5))


def _settings_translated(manifest: Manifest) -> Criterion:
    gaps = []
    for i, setting in enumerate(manifest.settings):
        for lang in LANGUAGES:
            if lang not in setting.title_translations:
                gaps.append(f"settings.{i} ({setting.key}): title_translations has no {lang}")
            if setting.choice_titles:
                titles = setting.choice_titles_translations.get(lang, {})
                untitled = [c for c in setting.choice_titles if c not in titles]
                if untitled:
                    gaps.append(f"settings.{i} ({setting.key}): choice_titles_translations.{lang} has no "
                                f"{', '.join(untitled)}")
    if gaps:
        return Criterion(Tier.SILVER, "settings translated", False, "; ".join(gaps))
    if not manifest.settings:
        return Criterion(Tier.SILVER, "settings translated", True, "no settings")
    return Criterion(Tier.SILVER, "settings translated", True,
                     f"every setting's title and choice titles in {', '.join(LANGUAGES)}")


def _driving_page(manifest: Manifest) -> Criterion:
    if not manifest.python:
        return Criterion(Tier.SILVER, "driving template", False,
                         "a QML-only plugin publishes no driving template: while the car moves a sandboxed plugin "
                         "shows \"Available when parked\"; add a Python entry that calls ctx.templates.show()")
    used = _template_calls(manifest.folder)
    if used & {"show", "push"}:
        return Criterion(Tier.SILVER, "driving template", True,
                         "the Python publishes a driving template (ctx.templates.show), drawn while the car moves")
    return Criterion(Tier.SILVER, "driving template", False,
                     "no call of ctx.templates.show() in the plugin's Python: while the car moves a sandboxed "
                     "plugin's page is hidden and the app says \"Available when parked\"")


def _driving_tile(manifest: Manifest) -> Criterion:
    if not manifest.tile:
        return Criterion(Tier.SILVER, "tile template", True, "no entry.tile: home shows the icon and the name")
    if manifest.python and "tile" in _template_calls(manifest.folder):
        return Criterion(Tier.SILVER, "tile template", True, "the Python publishes its home tile (ctx.templates.tile)")
    return Criterion(Tier.SILVER, "tile template", False,
                     "entry.tile is set but the Python never calls ctx.templates.tile(): sandboxed, the tile QML is "
                     "not loaded and home shows only the name")


_SILVER: tuple[Callable[[Manifest], Criterion], ...] = (
    _catalogues_complete, _catalogues_current, _catalogues_compiled, _settings_translated, _driving_page,
    _driving_tile)


# Gold: tested, documented, and nothing the checks warn about


def _tests(manifest: Manifest) -> Criterion:
    folder = manifest.folder / "tests"
    if not folder.is_dir():
        return Criterion(Tier.GOLD, "tests", False, "no tests/ folder")
    files = sorted(p for p in folder.rglob("*.py")
                   if (p.name.startswith("test_") or p.name.endswith("_test.py")) and "__pycache__" not in p.parts)
    fixtures = _testing_fixtures()
    count, using = 0, []
    for file in files:
        tree = _parse(file)
        if tree is None:
            continue
        tests = [f for f in _functions(tree) if f.name.startswith("test")]
        count += len(tests)
        if tests and _uses_testing(tree, tests, fixtures):
            using.append(file.relative_to(manifest.folder).as_posix())
    if not count:
        return Criterion(Tier.GOLD, "tests", False, "tests/ holds no test function (test_*.py with def test_…)")
    if not using:
        return Criterion(Tier.GOLD, "tests", False,
                         f"{count} test(s), none using headunit.testing (its fixtures or an import of it)")
    return Criterion(Tier.GOLD, "tests", True, f"{count} test(s), using headunit.testing in {', '.join(using)}")


def _readme(manifest: Manifest) -> Criterion:
    for name in ("README.md", "README.rst", "README.txt", "README"):
        path = manifest.folder / name
        if path.is_file():
            if path.read_text(encoding="utf-8", errors="replace").strip():
                return Criterion(Tier.GOLD, "readme", True, f"{name}")
            return Criterion(Tier.GOLD, "readme", False, f"{name} is empty")
    return Criterion(Tier.GOLD, "readme", False, "no README.md saying what the plugin does and how to try it")


def _no_warnings(warnings: list[str]) -> Criterion:
    if warnings:
        return Criterion(Tier.GOLD, "no warnings", False,
                         f"{len(warnings)} warning(s) from `plugins check` (raw QtQuick types and the like)")
    return Criterion(Tier.GOLD, "no warnings", True, "`plugins check` warns about nothing")


_GOLD_FILES: tuple[Callable[[Manifest], Criterion], ...] = (_tests, _readme)


# Reading files


def _ts(manifest: Manifest, language: str) -> Path:
    return manifest.folder / "translations" / f"{manifest.id}_{language}.ts"


def _messages(ts: Path) -> Iterator[tuple[str, tuple[str, str], bool]]:
    """(context, (source, disambiguation), finished) for each live message of a .ts file."""
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            has_text = translation is not None and (bool((translation.text or "").strip())
                                                    or translation.find("numerusform") is not None)
            finished = kind != "unfinished" and has_text
            yield name, (message.findtext("source") or "", message.findtext("comment") or ""), finished


def _translations(ts: Path) -> Iterator[tuple[str, tuple[str, str], list[str]]]:
    """(context, (source, disambiguation), its translation or plural forms) of each finished message."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type", "") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = ([f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
                     else [translation.text or ""])
            yield name, (message.findtext("source") or "", message.findtext("comment") or ""), forms


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py")
                  if not any(part in _NOT_CODE or part.startswith(".") for part in p.relative_to(folder).parts))


def _parse(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None


def _template_calls(folder: Path) -> set[str]:
    """The ctx.templates methods (show, push, tile) the plugin's Python calls, found in its syntax trees: through
    any expression ending in `.templates`, or a name or attribute that one was assigned to."""
    used: set[str] = set()
    for file in _python_files(folder):
        tree = _parse(file)
        if tree is None:
            continue
        aliases: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _is_templates(node.value, set()):
                aliases.update(t.id if isinstance(t, ast.Name) else t.attr
                               for t in node.targets if isinstance(t, ast.Name | ast.Attribute))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in _TEMPLATE_METHODS and _is_templates(node.func.value, aliases)):
                used.add(node.func.attr)
    return used


def _is_templates(node: ast.expr, aliases: set[str]) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "templates" or node.attr in aliases
    return isinstance(node, ast.Name) and node.id in aliases


def _functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def _uses_testing(tree: ast.Module, tests: list[ast.FunctionDef | ast.AsyncFunctionDef],
                  fixtures: frozenset[str]) -> bool:
    """An import of headunit.testing, `pytest_plugins` naming it, or a test asking for one of its fixtures."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("headunit.testing"):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "headunit" and any(
                a.name == "testing" for a in node.names):
            return True
        if isinstance(node, ast.Import) and any(a.name.startswith("headunit.testing") for a in node.names):
            return True
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytest_plugins"
                                                 for t in node.targets)
                and any(isinstance(c, ast.Constant) and str(c.value).startswith("headunit.testing")
                        for c in ast.walk(node.value))):
            return True
    return any(arg.arg in fixtures for test in tests for arg in test.args.args + test.args.kwonlyargs)


@cache
def _testing_fixtures() -> frozenset[str]:
    """The fixtures of the pytest plugin shipped with the SDK, read from its source."""
    tree = _parse(_TESTING_PLUGIN) if _TESTING_PLUGIN.is_file() else None
    if tree is None:
        return frozenset()
    names = set()
    for node in _functions(tree):
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if (isinstance(target, ast.Attribute) and target.attr == "fixture") or (
                    isinstance(target, ast.Name) and target.id == "fixture"):
                name = _fixture_name(decorator) or node.name
                names.add(name)
    return frozenset(names)


def _fixture_name(decorator: ast.expr) -> str | None:
    """`name=` given to @pytest.fixture, which renames the fixture."""
    if isinstance(decorator, ast.Call):
        for keyword in decorator.keywords:
            if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                return str(keyword.value.value)
    return None
