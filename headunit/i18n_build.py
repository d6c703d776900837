"""Translation sources (.ts) and compiled catalogues (.qm) of the shell and of plugins, with Qt's tools.

    python -m headunit.i18n_build update [PLUGIN_DIR ...]    lupdate: new strings in, vanished ones out
    python -m headunit.i18n_build release [PLUGIN_DIR ...]   lrelease every .qm missing or older than its .ts

Without PLUGIN_DIR both act on the shell (qml/ and headunit/ into translations/) and on every folder in
plugins/. `make translations` runs `update`; `make install` compiles the catalogues.

The shell's catalogue is `translations/headunit_<lang>.ts`; a plugin's is `<plugin>/translations/<id>_<lang>.ts`.
Contexts are what Qt looks strings up by: a QML file's base name for `qsTr`, the class name for a QObject's
`self.tr`, and the plugin id for a plugin's `ctx.tr`. lupdate would take the receiver (`ctx`, `self._ctx`) as the
context of `ctx.tr("…")`, so plugin Python is scanned from a copy where those calls read
`QCoreApplication.translate("<id>", "…")`, with the same line numbers. lupdate also reads every `#:` comment
in Python as a note to translators; in the copies only those right above a line that translates stay notes
(elsewhere `#:` documents an attribute).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from headunit import paths

#: Languages with a catalogue; English is the source language.
TRANSLATED = ("de", "zh_CN")
SHELL_CATALOGUE = "headunit"
SHELL_TRANSLATIONS_DIR = paths.SHELL_TRANSLATIONS_DIR
# ctx.tr( / self._ctx.tr( / self.ctx.tr( in plugin Python.
_CTX_TR = re.compile(r"(?<![\w.])(?:self\.)?_?ctx\.tr\(")
_TRANSLATES = re.compile(r"\btr\(|\btranslate\(|QT_TR_NOOP\(|QT_TRANSLATE_NOOP\(")


@dataclass(frozen=True)
class Catalogue:
    name: str  # headunit, or the plugin id
    folder: Path  # what lupdate scans
    sources: tuple[Path, ...]
    translations_dir: Path
    plugin: bool

    def ts(self, language: str) -> Path:
        return self.translations_dir / f"{self.name}_{language}.ts"


def _files(folder: Path, *suffixes: str, skip: tuple[str, ...] = ()) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in suffixes and p.is_file()
                  and not any(part in skip or part.startswith(".") for part in p.relative_to(folder).parts))


def shell_catalogue() -> Catalogue:
    # The shell's QML and Python; the first-party plugins inside the package have catalogues of their own.
    sources = _files(paths.QML_DIR, ".qml", ".js") + _files(
        paths.PACKAGE_DIR, ".py", skip=("__pycache__", "plugins", "templates", "qml"))
    return Catalogue(SHELL_CATALOGUE, paths.PACKAGE_DIR, tuple(sources), SHELL_TRANSLATIONS_DIR, plugin=False)


def plugin_catalogue(folder: Path) -> Catalogue:
    from headunit.host.manifest import load_manifest

    manifest = load_manifest(folder.resolve(), id_is_folder=False)
    sources = _files(manifest.folder, ".qml", ".js", ".py", skip=("__pycache__", "tests", "translations"))
    return Catalogue(manifest.id, manifest.folder, tuple(sources), manifest.folder / "translations", plugin=True)


def catalogues(plugin_dirs: list[Path]) -> list[Catalogue]:
    if plugin_dirs:
        return [plugin_catalogue(d) for d in plugin_dirs]
    builtin = sorted(d for d in paths.BUILTIN_PLUGINS_DIR.iterdir() if (d / "plugin.toml").is_file())
    return [shell_catalogue()] + [plugin_catalogue(d) for d in builtin]


def qt_tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease, from this Python's environment first."""
    tool = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if tool is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6 (make install)")
    return tool


def update(catalogue: Catalogue, languages: tuple[str, ...] = TRANSLATED, into: Path | None = None) -> list[Path]:
    """Run lupdate over the catalogue's sources into one .ts per language; return the .ts files.

    `into` writes to another folder instead (a check that the catalogue is up to date copies it there first)."""
    folder = into or catalogue.translations_dir
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="headunit-lupdate-") as tmp:
        scanned = [_scan_copy(catalogue, p, Path(tmp)) for p in catalogue.sources]
        for language in languages:
            ts = folder / catalogue.ts(language).name
            subprocess.run([qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
                            "-source-language", "en", "-target-language", language,
                            *map(str, scanned), "-ts", str(ts)], check=True)
            # Locations in the copies point back to the real files.
            text = ts.read_text(encoding="utf-8")
            copies, originals = _rel(Path(tmp), ts.parent), _rel(catalogue.folder, ts.parent)
            text = text.replace(f'filename="{copies}/', f'filename="{originals}/')
            ts.write_text(text, encoding="utf-8")
            written.append(ts)
    return written


def _scan_copy(catalogue: Catalogue, source: Path, tmp: Path) -> Path:
    """The file lupdate should read: Python as lupdate should see it (see the module's docstring), anything
    else as it is."""
    if source.suffix != ".py":
        return source
    original = source.read_text(encoding="utf-8")
    text = _CTX_TR.sub(f'QCoreApplication.translate("{catalogue.name}", ', original) if catalogue.plugin else original
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#:"):
            following = next((n for n in lines[i + 1:] if not n.lstrip().startswith("#")), "")
            if not _TRANSLATES.search(following):
                lines[i] = line.replace("#:", "# ", 1)
    text = "\n".join(lines)
    if text == original:
        return source
    copy = tmp / source.relative_to(catalogue.folder)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(text, encoding="utf-8")
    return copy


def _rel(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def release(catalogue: Catalogue) -> list[Path]:
    """Compile each .ts whose .qm is missing or older; return the .qm files written."""
    written = []
    for ts in sorted(catalogue.translations_dir.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m headunit.i18n_build", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("update", "release"))
    parser.add_argument("plugin_dirs", nargs="*", type=Path, metavar="PLUGIN_DIR")
    args = parser.parse_args(argv)
    for catalogue in catalogues(args.plugin_dirs):
        if args.action == "update":
            for ts in update(catalogue):
                print(f"{_rel(ts, Path.cwd())}: {_summary(ts)}")
        else:
            for qm in release(catalogue):
                print(f"compiled {_rel(qm, Path.cwd())}")
    return 0


def _summary(ts: Path) -> str:
    text = ts.read_text(encoding="utf-8")
    total, unfinished = text.count("<message"), text.count('type="unfinished"')
    return f"{total} strings, {unfinished} to translate" if unfinished else f"{total} strings, all translated"


if __name__ == "__main__":
    sys.exit(main())
