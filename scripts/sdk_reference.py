"""Writes docs/sdk-reference.md, the reference of the plugin API `headunit.sdk`, from its docstrings.

Every name in `headunit.sdk.__all__` (the lazy ones too) with its signature and docstring; for a class, its
public methods, properties and signals, including those it inherits from HeadUnit's own base classes; for the
`formats` module, every name in its `__all__`. Constants and signals have no docstring of their own: their text
is the `#:` comment right above their assignment in the source.

    .venv/bin/python scripts/sdk_reference.py                 write docs/sdk-reference.md
    .venv/bin/python scripts/sdk_reference.py --check         exit 1 if the file differs from what would be written
    .venv/bin/python scripts/sdk_reference.py --undocumented  exit 1, naming each public name without a docstring
    .venv/bin/python scripts/sdk_reference.py --run-examples  run every example in the docstrings: exit 1 on a failure

Examples are `>>>` lines (run with doctest, output compared) and ```python blocks (run with exec). Each
docstring's examples run in a namespace of their own, so they import what they use. tests/unit/test_sdk_reference.py
runs all four.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import doctest
import importlib
import inspect
import re
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the HeadUnit of this tree, wherever the script is run from

OUTPUT = ROOT / "docs" / "sdk-reference.md"
#: A name quoted inside an annotation (`list['Route']`), a forward reference: shown as the name.
_QUOTED_NAME = re.compile(r"""['"]([A-Za-z_][\w.]*)['"]""")
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
#: Members every QObject subclass has, not part of the API.
_SKIPPED_MEMBERS = {"staticMetaObject"}


@dataclass(frozen=True)
class Member:
    """One documented member of a class: a method, a property, a signal or an attribute."""

    name: str
    kind: str  # method, classmethod, staticmethod, property, signal, field, attribute
    signature: str
    doc: str
    required: bool  # a docstring is required (methods and properties)


@dataclass(frozen=True)
class Entry:
    """One public name of headunit.sdk (or of headunit.sdk.formats)."""

    name: str
    kind: str  # class, function, module, constant
    signature: str
    doc: str
    defined_in: str
    members: tuple[Member, ...] = ()
    constructor: str = ""  # how a plugin makes one: for data classes and exceptions only


class _Text:
    """An annotation written as its source text (annotations are strings under `from __future__ import
    annotations`; inspect would quote them)."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _annotation(value: Any) -> Any:
    if value is inspect.Parameter.empty:
        return value
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    return _Text(_QUOTED_NAME.sub(r"\1", text))


def _signature(fn: Callable[..., Any], *, drop_first: bool = False) -> str:
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return "(...)"
    parameters = list(signature.parameters.values())[1 if drop_first else 0:]
    parameters = [p.replace(annotation=_annotation(p.annotation),
                            default=p.default if p.default is inspect.Parameter.empty else _Text(_default(p.default)))
                  for p in parameters]
    return str(signature.replace(parameters=parameters, return_annotation=_annotation(signature.return_annotation)))


def _default(value: Any) -> str:
    """A default as source would write it, without addresses (a factory is named, not shown)."""
    if callable(value):
        return getattr(value, "__qualname__", type(value).__name__)
    return repr(value)


def _doc(obj: Any) -> str:
    """The object's own docstring, cleaned; never one inherited from its type or a base class."""
    if inspect.isclass(obj):
        doc = obj.__dict__.get("__doc__")
        if dataclasses.is_dataclass(obj) and doc and doc.startswith(f"{obj.__name__}("):
            doc = None  # what @dataclass writes when the class has none
    else:
        doc = getattr(obj, "__doc__", None)
        if doc is not None and doc == getattr(type(obj), "__doc__", None):
            doc = None
    return inspect.cleandoc(doc) if doc else ""


# Comments (`#:`) above an assignment, the docstring of what cannot have one


def _comments_above(source: str, line: int) -> str:
    """The `#:` comment lines right above line `line` (1-based) of `source`."""
    lines = source.splitlines()
    found = []
    i = line - 2
    while i >= 0 and lines[i].strip().startswith("#:"):
        found.append(lines[i].strip()[2:].strip())
        i -= 1
    return " ".join(reversed(found))


def _module_comment(module: ModuleType, name: str, seen: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(the module that assigns a module-level name, its `#:` comment), following `from X import name`."""
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return module.__name__, ""
    for node in ast.parse(source).body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return module.__name__, _comments_above(source, node.lineno)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module not in seen and any(
                a.name == name and a.asname is None for a in node.names):
            return _module_comment(importlib.import_module(node.module), name, seen | {node.module})
    return module.__name__, ""


def _class_assignments(cls: type) -> dict[str, tuple[str, str]]:
    """Name -> (the assigned expression or annotation, its comment) for each assignment in the class body and
    each `self.<name> = ` in its `__init__`. The comment is the `#:` lines above, else one at the line's end."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    if not tree.body or not isinstance(tree.body[0], ast.ClassDef):
        return {}
    lines = source.splitlines()
    found: dict[str, tuple[str, str]] = {}

    def note(name: str, text: str, node: ast.stmt) -> None:
        trailing = lines[node.lineno - 1].partition("  # ")[2] if node.lineno == node.end_lineno else ""
        found.setdefault(name, (text, _comments_above(source, node.lineno) or trailing.strip()))

    for node in tree.body[0].body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    note(target.id, ast.unparse(node.value), node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            note(node.target.id, ast.unparse(node.annotation), node)
        elif isinstance(node, ast.FunctionDef) and node.name == "__init__":
            for statement in ast.walk(node):
                if isinstance(statement, ast.Assign | ast.AnnAssign):
                    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                    for target in targets:
                        for one in target.elts if isinstance(target, ast.Tuple) else [target]:
                            if (isinstance(one, ast.Attribute) and isinstance(one.value, ast.Name)
                                    and one.value.id == "self" and not one.attr.startswith("_")):
                                note(f"self.{one.attr}", "", statement)
    return found


# What is documented


def _public_names() -> list[tuple[str, Any, ModuleType]]:
    import headunit.sdk as sdk

    formats = importlib.import_module("headunit.sdk.formats")
    names = [(name, getattr(sdk, name), sdk) for name in sdk.__all__]
    names += [(f"formats.{name}", getattr(formats, name), formats) for name in formats.__all__]
    return names


def entries(names: list[tuple[str, Any, ModuleType]] | None = None) -> list[Entry]:
    """Every public name, in the order of `__all__`, then the names of `formats` (or those given: (name, object,
    the module it is a name of))."""
    result = []
    for name, obj, module in _public_names() if names is None else names:
        target = inspect.unwrap(obj) if callable(obj) and not inspect.isclass(obj) else obj
        if inspect.ismodule(obj):
            result.append(Entry(name, "module", "", _doc(obj), obj.__name__))
        elif inspect.isclass(obj):
            result.append(Entry(name, "class", _bases(obj), _doc(obj), obj.__module__, _members(obj), _constructor(obj)))
        elif callable(obj):
            result.append(Entry(name, "function", _signature(target), _doc(target), target.__module__))
        else:
            where, comment = _module_comment(module, name.split(".")[-1])
            result.append(Entry(name, "constant", f" = {obj!r}", comment, where))
    return result


def _bases(cls: type) -> str:
    bases = [b for b in cls.__bases__ if b is not object]
    return f"({', '.join(b.__name__ for b in bases)})" if bases else ""


def _constructor(cls: type) -> str:
    """The call that makes one, for the classes a plugin makes itself: data classes and exceptions. The
    others (the context and what it hands out) are made by the host."""
    if not (dataclasses.is_dataclass(cls) or issubclass(cls, BaseException)):
        return ""
    signature = _signature(cls)
    return "" if signature == "(...)" else f"{cls.__name__}{signature}".removesuffix(" -> None")


#: Packages whose classes' members are not the SDK's: a QObject's or an Exception's are Qt's and Python's.
_FOREIGN = {"builtins", "PySide6", "Shiboken", "shiboken6"}


def _documented_bases(cls: type) -> list[type]:
    """The class and those of its bases that are not Qt's or Python's, the furthest first, so members show in
    the order they were first defined."""
    return [c for c in reversed(cls.__mro__) if c.__module__.split(".")[0] not in _FOREIGN]


def _members(cls: type) -> tuple[Member, ...]:
    members: dict[str, Member] = {}
    fields = {f.name: f for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else {}
    for owner in _documented_bases(cls):
        assignments = _class_assignments(owner)
        for name, value in vars(owner).items():
            if name.startswith("_") or name in _SKIPPED_MEMBERS or name in fields:
                continue
            member = _member(name, value, assignments.get(name, ("", "")))
            if member is not None:
                members[name] = member  # a subclass's definition replaces its base's, in the base's place
        for name, (_text, comment) in assignments.items():
            attribute = name.removeprefix("self.")
            if name.startswith("self.") and attribute not in members and not hasattr(owner, attribute):
                members[attribute] = Member(attribute, "attribute", "", comment, False)
    for name, field in fields.items():
        comment = next((_class_assignments(c).get(name, ("", ""))[1] for c in _documented_bases(cls)
                        if name in c.__dict__.get("__annotations__", {})), "")
        default = ("" if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
                   else f" = {_default(field.default)}" if field.default is not dataclasses.MISSING
                   else f" = {_default(field.default_factory)}()")
        members[name] = Member(name, "field", f": {_annotation(field.type)!r}{default}", comment, False)
    return tuple(members.values())


def _member(name: str, value: Any, assignment: tuple[str, str]) -> Member | None:
    from PySide6.QtCore import Property, Signal

    expression, comment = assignment
    if isinstance(value, staticmethod | classmethod):
        kind = "staticmethod" if isinstance(value, staticmethod) else "classmethod"
        return Member(name, kind, _signature(value.__func__, drop_first=kind == "classmethod"), _doc(value.__func__),
                      True)
    if inspect.isfunction(value):
        return Member(name, "method", _signature(value, drop_first=True), _doc(value), True)
    if isinstance(value, property | Property):
        getter = value.fget
        returns = inspect.signature(getter).return_annotation if getter else inspect.Signature.empty
        kind = "property" if value.fset is None else "property, settable"
        text = f": {_annotation(returns)!r}" if returns is not inspect.Signature.empty else ""
        return Member(name, kind, text, _doc(getter) if getter else "", True)
    if isinstance(value, Signal):
        arguments = expression.removeprefix("Signal")
        return Member(name, "signal", arguments if arguments.startswith("(") else "()", comment, False)
    if callable(value):
        return None  # nested classes are not API
    return Member(name, "attribute", f" = {value!r}", comment, False)


def undocumented(items: list[Entry] | None = None) -> list[str]:
    """Each public name, and each method and property of a public class, that has no docstring."""
    missing = []
    for entry in entries() if items is None else items:
        if not entry.doc:
            missing.append(f"{entry.name} ({entry.kind}, {entry.defined_in})")
        missing += [f"{entry.name}.{m.name} ({m.kind}, {entry.defined_in})"
                    for m in entry.members if m.required and not m.doc]
    return missing


# Rendering


def _anchor(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", name.lower().replace(" ", "-"))


def render() -> str:
    """The text of docs/sdk-reference.md."""
    import headunit.sdk as sdk

    items = entries()
    lines = [
        "# `headunit.sdk` reference",
        "",
        "<!-- Written by scripts/sdk_reference.py from the docstrings: edit those, then run the script. -->",
        "",
        f"The plugin API, version {sdk.API_VERSION}: every name a plugin may import from `headunit.sdk`, and the",
        "functions of `headunit.sdk.formats`. The [plugin guide](plugin-guide.md) explains how they fit together;",
        "this page is what the code says of each. Classes list their public methods, properties and signals,",
        "those they inherit from HeadUnit's own base classes included.",
        "",
        "## Contents",
        "",
    ]
    lines += [f"- [`{e.name}`](#{_anchor(e.name)}) ({e.kind})" for e in items]
    for entry in items:
        lines += ["", f"## {entry.name}", ""]
        lines += ["```python", _heading(entry), "```", ""]
        lines += [_body(entry.doc), "", f"Defined in `{entry.defined_in}`."]
        for title, kinds, column in _TABLES:
            rows = [m for m in entry.members if m.kind in kinds]
            if rows:
                lines += ["", f"{title}:", "", f"| name | {column} | |", "|---|---|---|"]
                lines += [f"| `{m.name}` | {_code(m.signature.removeprefix(': ').strip())} | {_cell(m.doc)} |"
                          for m in rows]
        for member in entry.members:
            if member.kind in _TABLED:
                continue
            lines += ["", f"### {entry.name}.{member.name}", ""]
            lines += ["```python", _member_heading(member), "```", ""]
            lines.append(_body(member.doc))
    return "\n".join(lines).rstrip() + "\n"


#: Members without docstrings of their own, listed in a table under their class rather than each under a heading.
_TABLES = (("Fields", {"field"}, "type"), ("Signals", {"signal"}, "arguments"), ("Attributes", {"attribute"}, "value"))
_TABLED = {kind for _title, kinds, _column in _TABLES for kind in kinds}


def _code(text: str) -> str:
    return f"`{_cell(text)}`" if text else ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _heading(entry: Entry) -> str:
    name = entry.name.split(".")[-1]
    match entry.kind:
        case "module":
            return f"import {entry.defined_in}"
        case "class":
            return f"class {name}{entry.signature}" + (f"\n{entry.constructor}" if entry.constructor else "")
        case "function":
            return f"def {name}{entry.signature}"
    return f"{name}{entry.signature}"


def _member_heading(member: Member) -> str:
    match member.kind:
        case "method" | "classmethod" | "staticmethod":
            prefix = "" if member.kind == "method" else f"@{member.kind}\n"
            return f"{prefix}def {member.name}{member.signature}"
        case "signal":
            return f"{member.name} = Signal{member.signature}"
        case "property" | "property, settable" | "field":
            return f"{member.name}{member.signature}  # {member.kind}"
    return f"{member.name}{member.signature}"


def _body(doc: str) -> str:
    return doc if doc else "*(undocumented)*"


# Examples


@dataclass(frozen=True)
class Example:
    """The examples of one docstring."""

    where: str
    doc: str


def _docstrings(items: list[Entry]) -> Iterator[Example]:
    for entry in items:
        yield Example(entry.name, entry.doc)
        for member in entry.members:
            yield Example(f"{entry.name}.{member.name}", member.doc)


def examples(items: list[Entry] | None = None) -> list[Example]:
    """Every docstring that holds a `>>>` example or a ```python block."""
    return [e for e in _docstrings(entries() if items is None else items)
            if ">>>" in e.doc or _PYTHON_BLOCK.search(e.doc)]


def run_examples(found: list[Example] | None = None) -> list[str]:
    """Run every example (or those given); return a description of each failure."""
    failures = []
    parser = doctest.DocTestParser()
    for example in examples() if found is None else found:
        test = parser.get_doctest(example.doc, {}, example.where, None, 0)
        if test.examples:
            out: list[str] = []
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            result = runner.run(test, out=out.append, clear_globs=True)
            if result.failed:
                failures.append(f"{example.where}: {result.failed} of {result.attempted} doctest example(s) "
                                f"failed\n{''.join(out)}")
        for i, block in enumerate(_PYTHON_BLOCK.findall(example.doc)):
            try:
                exec(compile(block, f"<{example.where}, python block {i + 1}>", "exec"), {"__name__": "example"})
            except Exception:  # noqa: BLE001 - any failure of an example is reported, with its traceback
                failures.append(f"{example.where}: python block {i + 1} failed\n{traceback.format_exc()}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="exit 1 if docs/sdk-reference.md is out of date")
    action.add_argument("--undocumented", action="store_true", help="exit 1 naming public names without docstrings")
    action.add_argument("--run-examples", action="store_true", help="run the docstrings' examples; exit 1 on failure")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"the file to write or check (default {OUTPUT})")
    args = parser.parse_args(argv)
    if args.undocumented:
        missing = undocumented()
        print("\n".join(f"no docstring: {m}" for m in missing))
        return 1 if missing else 0
    if args.run_examples:
        failures = run_examples()
        print("\n".join(failures) or f"{len(examples())} docstring(s) with examples: all ran")
        return 1 if failures else 0
    text = render()
    if args.check:
        if not args.output.is_file() or args.output.read_text(encoding="utf-8") != text:
            print(f"{args.output} is out of date: run python scripts/sdk_reference.py")
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
