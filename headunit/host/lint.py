"""Warnings for plugin QML and JavaScript that bypasses the driving restrictions or the capabilities.

The shell's templates (HeadUnit.Controls) enforce the restrictions; raw QtQuick types don't. Nothing stops a
plugin from using them, so `headunit plugins check` says which template to use instead. These stay warnings:
while the car moves the shell shows no third-party plugin's own page at all, whatever this scan says.

The scan reads the source, so it finds a type however it is written down: as an object (`TextField {`,
`T.TextField {`, `delegate: TextField {`, inside a Component or an inline component), inside any string (the
QML given to Qt.createQmlObject), and as Qt.createComponent("QtQuick.Controls", "TextField"); and the imports
and JavaScript that bring raw input, video, web pages, storage or network. QML built at run time from values
it cannot read is named as such.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Raw type -> the template that enforces the restrictions for it.
REPLACEMENTS = {
    "TextField": "TextEntry (or SearchEntry) from HeadUnit.Controls: no keyboard while driving, alternatives instead",
    "TextArea": "TextEntry from HeadUnit.Controls: no keyboard while driving",
    "TextInput": "TextEntry from HeadUnit.Controls: no keyboard while driving",
    "TextEdit": "TextEntry from HeadUnit.Controls: no keyboard while driving",
    "InputPanel": "TextEntry from HeadUnit.Controls, whose keyboard is the shell's: hidden while driving",
    "ListView": "ItemList from HeadUnit.Controls: at most 6 rows and no scrolling while driving",
    "GridView": "ItemGrid from HeadUnit.Controls: at most 6 tiles and no scrolling while driving",
    "PathView": "ItemList from HeadUnit.Controls: at most 6 rows and no scrolling while driving",
    "TableView": "ItemList from HeadUnit.Controls: at most 6 rows and no scrolling while driving",
    "TreeView": "ItemList from HeadUnit.Controls: at most 6 rows, 3 levels and no scrolling while driving",
    "Flickable": "ItemList or ItemGrid from HeadUnit.Controls: at most 6 items and no scrolling while driving",
    "ScrollView": "ItemList or ItemGrid from HeadUnit.Controls: at most 6 items and no scrolling while driving",
    "Repeater": "ItemList or ItemGrid from HeadUnit.Controls: at most 6 items while driving, the rest when parked",
    "VideoOutput": "VideoSurface from HeadUnit.Controls around it: blanked while driving",
    "Video": "VideoSurface from HeadUnit.Controls around it: blanked while driving",
    "MediaPlayer": "VideoSurface from HeadUnit.Controls around its picture: blanked while driving",
    "WebView": "the templates of HeadUnit.Controls: nothing restricts a web page while driving",
    "WebEngineView": "the templates of HeadUnit.Controls: nothing restricts a web page while driving",
}

#: Modules whose import brings raw input, video or web pages -> what to use instead.
RESTRICTED_IMPORTS = {
    "QtQuick.VirtualKeyboard": REPLACEMENTS["InputPanel"],
    "QtMultimedia": "VideoSurface from HeadUnit.Controls around any video: blanked while driving",
    "QtWebEngine": REPLACEMENTS["WebView"],
    "QtWebView": REPLACEMENTS["WebView"],
}

#: Modules and JavaScript that reach storage or the network without the plugin's capabilities.
UNGATED = {
    "QtQuick.LocalStorage": "ctx.storage() from Python (capability storage), in the plugin's own data folder",
    "QtWebSockets": "ctx.cloud from Python (capability network)",
    "XMLHttpRequest": "ctx.cloud from Python (capability network)",
}

PARKED = "the shell shows a third-party plugin's own page only when parked"

_TYPES = "|".join(REPLACEMENTS)
# An object `Name {`, optionally qualified (`T.TextField {`), wherever an object may start: a line, after
# `:` (a property or an inline component), `{`, `[`, `(`, `,` or `;`. Never a property (`name: {`).
_INSTANCE = re.compile(r"(?:^|(?<=[\s:{\[(,;]))(?:[A-Za-z_]\w*\.)?(" + _TYPES + r")\s*\{", re.MULTILINE)
_IMPORT = re.compile(r"(?:^|(?<=[\s;]))\.?import\s+(" + "|".join(map(re.escape, [*RESTRICTED_IMPORTS, *UNGATED]))
                     + r")(?![\w])", re.MULTILINE)
_XHR = re.compile(r"\bXMLHttpRequest\b")
# A string literal; a template literal only without ${…}, which makes it a value of run time.
_STRING = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)"""
_LITERAL = r"(" + _STRING + r"(?:\s*\+\s*" + _STRING + r")*)"  # a string, or plain strings joined with +
_CREATE_QML_OBJECT = re.compile(r"\bQt\s*\.\s*createQmlObject\s*\(")
# Qt.createComponent("QtQuick.Controls", "TextField"): a type by its module and name.
_CREATE_BY_NAME = re.compile(r"\bQt\s*\.\s*createComponent\s*\(\s*" + _LITERAL + r"\s*,")
_LITERAL_ARGUMENT = re.compile(r"\s*" + _LITERAL + r"\s*[,)]")
# A string's inside, piece by piece: an escape, or a run of plain characters.
_PIECE = re.compile(r"\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)|[^\\]+", re.DOTALL)
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": "", "\r\n": ""}


def raw_type_warnings(folder: Path) -> list[str]:
    """One warning per raw restricted type, restricted import and ungated API in the plugin's QML and JS."""
    warnings = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".qml", ".js", ".mjs") and p.is_file()):
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # unreadable QML is reported by compiling it
        warnings += [f"{path}:{source.count(chr(10), 0, offset) + 1}: warning: {text}"
                     for offset, text in sorted(set(_findings(source)))]
    return warnings


def _findings(source: str) -> list[tuple[int, str]]:
    """(offset, text) for each finding in one file."""
    code, spans = _split(source)
    found = _in_code(code)
    for chain in _chains(code, spans):  # QML kept in strings, as Qt.createQmlObject takes it
        text, offsets = _joined(source, chain)
        found += [(offsets[at], message) for at, message in _in_code(text)]
    return found + _created(source, code)


def _in_code(code: str) -> list[tuple[int, str]]:
    found = [(m.start(1), _driving(f"a raw {m.group(1)}", REPLACEMENTS[m.group(1)])) for m in _INSTANCE.finditer(code)]
    for m in _IMPORT.finditer(code):
        module = m.group(1)
        found.append((m.start(1), _driving(f"import {module}", RESTRICTED_IMPORTS[module]) if module in RESTRICTED_IMPORTS
                      else _ungated(f"import {module}", UNGATED[module])))
    found += [(m.start(), _ungated("XMLHttpRequest", UNGATED["XMLHttpRequest"])) for m in _XHR.finditer(code)]
    return found


def _created(source: str, code: str) -> list[tuple[int, str]]:
    """Qt.createComponent("Module", "Type") with a restricted type; Qt.createQmlObject and
    Qt.createComponent(module, type) given anything but plain strings, whose QML is chosen at run time."""
    found = []
    for call, pattern in (("Qt.createQmlObject", _CREATE_QML_OBJECT), ("Qt.createComponent", _CREATE_BY_NAME)):
        for m in pattern.finditer(source):
            if code[m.start()] == " ":
                continue  # inside a comment or a string: `code` has those blanked
            if m.groups() and _is_url(_value(m.group(1))):
                continue  # Qt.createComponent("Row.qml", …): a file, scanned on its own
            argument = _LITERAL_ARGUMENT.match(source, m.end())
            if argument is None:
                found.append((m.start(), _driving(f"{call} with QML chosen at run time",
                                                  "the templates of HeadUnit.Controls")))
            elif call == "Qt.createComponent" and _value(argument.group(1)) in REPLACEMENTS:
                kind = _value(argument.group(1))
                found.append((argument.start(1), _driving(f"a raw {kind} from Qt.createComponent", REPLACEMENTS[kind])))
    return found


def _is_url(module: str) -> bool:
    """Qt.createComponent's first argument is a file or URL (`"Row.qml"`), not a module (`"QtQuick.Controls"`)."""
    return module.endswith(".qml") or any(c in module for c in "/:")


def _value(literal: str) -> str:
    """What a string literal, or plain literals joined with +, says."""
    _, spans = _split(literal)
    return _joined(literal, spans)[0]


def _driving(subject: str, advice: str) -> str:
    return f"{subject} bypasses the driving restrictions ({PARKED}); use {advice}"


def _ungated(subject: str, advice: str) -> str:
    return f"{subject} bypasses the plugin's capabilities; use {advice}"


def _split(source: str) -> tuple[str, list[tuple[int, int]]]:
    """The source with comments and the insides of strings blanked (offsets and line breaks kept, so lines
    count as in the source), and where each string literal starts and ends."""
    code = list(source)
    spans = []
    i, n = 0, len(source)
    while i < n:
        two = source[i:i + 2]
        if two in ("//", "/*"):
            end = source.find("\n" if two == "//" else "*/", i + 2)
            end = n if end < 0 else end + (0 if two == "//" else 2)
            _blank(code, i, end)
            i = end
        elif source[i] in "\"'`":
            end = _string_end(source, i)
            spans.append((i, end))
            _blank(code, i + 1, end - 1)
            i = end
        else:
            i += 1
    return "".join(code), spans


def _string_end(source: str, start: int) -> int:
    """The offset just past the string opened at `start` (past the line's end for a broken '…' or "…")."""
    quote, i = source[start], start + 1
    while i < len(source):
        if source[i] == "\\":
            i += 2
        elif source[i] == quote or (source[i] == "\n" and quote != "`"):
            return i + 1
        else:
            i += 1
    return len(source)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _chains(code: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The string literals, those joined by a bare + ("Text" + "Field {}") taken together."""
    chains: list[list[tuple[int, int]]] = []
    for span in spans:
        if chains and code[chains[-1][-1][1]:span[0]].strip() == "+":
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


def _joined(source: str, chain: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """What the strings say, escapes undone, and for each character (and the end) its offset in the source."""
    text: list[str] = []
    offsets: list[int] = []
    for start, end in chain:
        for m in _PIECE.finditer(source, start + 1, end - 1):
            escaped = m.group().startswith("\\")
            piece = _unescape(m.group()) if escaped else m.group()
            text.append(piece)
            offsets += [m.start()] * len(piece) if escaped else range(m.start(), m.end())
    offsets.append(chain[-1][1])
    return "".join(text), offsets


def _unescape(escape: str) -> str:
    body = escape[1:]
    if body.startswith("u{"):
        return chr(int(body[2:-1], 16))
    if body[:1] in "ux" and len(body) > 1:
        return chr(int(body[1:], 16))
    return _ESCAPED.get(body, body)
