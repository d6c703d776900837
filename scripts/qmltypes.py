"""Writes the .qmltypes of the QML modules that Python registers, so qmllint and the QML compiler know them.

Every Python file that sets `QML_IMPORT_NAME` belongs to that module. pyside6-metaobjectdump reads the
decorated classes (QmlElement, QmlSingleton, Property, Signal, Slot) from the source, and
pyside6-qmltyperegistrar turns them into a .qmltypes file beside a qmldir that names it:

- `HeadUnit` (headunit/): headunit/qml/HeadUnit/qmldir and HeadUnit.qmltypes, in the shell's import path;
- `HeadUnit.Plugins.X` (headunit/plugins/<id>/): headunit/plugins/<id>/types/HeadUnit/Plugins/X/, an import
  path only the linter uses (the plugin's own Python registers the types when it starts).

    python scripts/qmltypes.py          write them
    python scripts/qmltypes.py --check  exit 1, naming the files, if what is checked in differs from the code
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "headunit"
PLUGINS = PACKAGE / "plugins"
BIN = Path(sys.executable).parent
IMPORT_NAME = re.compile(r'^QML_IMPORT_NAME = "([\w.]+)"$', re.MULTILINE)
#: Python types as PySide registers them with Qt (a `Property(list, …)` is a QVariantList at run time), where
#: pyside6-metaobjectdump writes the Python name.
QT_TYPES = {"list": "QVariantList", "dict": "QVariantMap", "float": "double", "object": "QVariant"}


def qt_metatypes_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "metatypes"


def modules() -> dict[str, tuple[list[Path], Path]]:
    """Import name -> (its Python files, the folder its qmldir and .qmltypes go in)."""
    found: dict[str, tuple[list[Path], Path]] = {}
    sources = sorted(PACKAGE.rglob("*.py"))  # the shell's and, under plugins/, the first-party plugins'

    for path in sources:
        match = IMPORT_NAME.search(path.read_text(encoding="utf-8"))
        if not match:
            continue
        name = match.group(1)
        if name == "HeadUnit":
            folder = PACKAGE / "qml" / "HeadUnit"
        else:
            plugin = path.relative_to(PLUGINS).parts[0]
            folder = PLUGINS / plugin / "types" / Path(*name.split("."))
        files, known = found.setdefault(name, ([], folder))
        if known != folder:
            raise SystemExit(f"{path}: module {name} is registered from two places ({known} and {folder})")
        files.append(path)
    return found


def metaobject_dump(files: list[Path]) -> list[dict]:
    """What pyside6-metaobjectdump writes for `files`, one entry per file with classes. Run in this process,
    with relative imports (`from . import x`, which the tool cannot read) skipped."""
    from PySide6.scripts import metaobjectdump as mod

    visit_import_from = mod.MetaObjectDumpVisitor.visit_ImportFrom

    def tolerant(self, node):  # type: ignore[no-untyped-def]
        if node.module is not None:
            visit_import_from(self, node)

    mod.MetaObjectDumpVisitor.visit_ImportFrom = tolerant
    context = mod.VisitorContext()
    entries = []
    for path in files:
        try:
            data = mod.parse_file(path, context, suppress_file=True)
        except AttributeError as exc:
            raise SystemExit(f"{path.relative_to(ROOT)}: pyside6-metaobjectdump cannot read it ({exc}); declare "
                             "properties as Property(Type, getter, …) or with @Property(Type, …)") from exc
        if data:
            for cls in data["classes"]:
                _qt_types(cls)
            # qmltyperegistrar resolves base classes (QObject…) only for types with a source file.
            data["inputFile"] = path.relative_to(ROOT).as_posix()
            if isinstance(data.get("QT_MODULES"), set):
                data["QT_MODULES"] = sorted(data["QT_MODULES"])
            entries.append(data)
    return entries


def _qt_types(cls: dict) -> None:
    for prop in cls.get("properties", ()):
        prop["type"] = QT_TYPES.get(prop["type"], prop["type"])
    for method in (*cls.get("signals", ()), *cls.get("slots", ()), *cls.get("methods", ())):
        if "returnType" in method:
            method["returnType"] = QT_TYPES.get(method["returnType"], method["returnType"])
        for argument in method.get("arguments", ()):
            argument["type"] = QT_TYPES.get(argument["type"], argument["type"])


def generate(name: str, files: list[Path], out: Path) -> dict[str, str]:
    """The qmldir and .qmltypes of module `name` from `files`: file name -> text."""
    stem = name.rsplit(".", 1)[-1]
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "metatypes.json"
        entries = metaobject_dump(files)
        dump.write_text(json.dumps(entries, indent=1), encoding="utf-8")
        used = {"QtCore", "QtGui", "QtQml"}
        for entry in entries:
            used.update(entry.get("QT_MODULES", ()))
        metatypes = qt_metatypes_dir()
        foreign = sorted(str(p) for module in used for p in metatypes.glob(f"qt6{module[2:].lower()}_*metatypes.json"))
        qmltypes = Path(tmp) / f"{stem}.qmltypes"
        subprocess.run([str(BIN / "pyside6-qmltyperegistrar"), "--generate-qmltypes", str(qmltypes),
                        "-o", str(Path(tmp) / "registrations.cpp"), "--import-name", name,
                        "--major-version", "1", "--minor-version", "0",
                        f"--foreign-types={','.join(foreign)}", str(dump)],
                       cwd=ROOT, check=True, capture_output=True, text=True)
        types = qmltypes.read_text(encoding="utf-8")
    # The types use QtQuick's value types (color…) and QObject from QtQml.
    qmldir = f"module {name}\ntypeinfo {stem}.qmltypes\ndepends QtQuick\n"
    existing = out / "qmldir"
    if name == "HeadUnit" and existing.exists():
        # The shell's qmldir may list more than the typeinfo; keep its other lines.
        lines = [line for line in existing.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith(("module ", "typeinfo ", "depends QtQuick"))]
        qmldir += "".join(f"{line}\n" for line in lines)
    return {"qmldir": qmldir, f"{stem}.qmltypes": types}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = parser.parse_args()
    stale = []
    for name, (files, out) in sorted(modules().items()):
        for file_name, text in generate(name, files, out).items():
            path = out / file_name
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == text:
                continue
            if args.check:
                stale.append(path.relative_to(ROOT))
            else:
                out.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("Out of date with the Python code (run `make qmltypes`):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
