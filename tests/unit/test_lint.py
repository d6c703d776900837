"""`headunit plugins check`'s static scan: raw input, list and video types, and the imports and JavaScript that
bypass the restrictions or the capabilities, found however a plugin writes them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from headunit.host.lint import PARKED, REPLACEMENTS, raw_type_warnings
from headunit.plugin_commands import check_plugin


def scan(tmp_path: Path, source: str, name: str = "Main.qml") -> list[tuple[int, str]]:
    """(line, text after 'warning: ') for each warning about the one file written."""
    path = tmp_path / name
    path.write_text(source)
    found = []
    for warning in raw_type_warnings(tmp_path):
        where, text = warning.split(": warning: ")
        file, line = where.rsplit(":", 1)
        assert file == str(path)
        found.append((int(line), text))
    return found


def kinds(tmp_path: Path, source: str, name: str = "Main.qml") -> list[tuple[int, str]]:
    """(line, what) for each warning: what is the type or import named before 'bypasses'."""
    return [(line, text.split(" bypasses ")[0]) for line, text in scan(tmp_path, source, name)]


def test_the_warning_names_the_template_and_says_a_plugins_page_shows_when_parked(tmp_path):
    [(line, text)] = scan(tmp_path, "import QtQuick.Controls\n\nItem {\n    TextField {}\n}\n")
    assert line == 4
    assert text == ("a raw TextField bypasses the driving restrictions (the shell shows a third-party plugin's own "
                    "page only when parked); use TextEntry (or SearchEntry) from HeadUnit.Controls: no keyboard while "
                    "driving, alternatives instead")


@pytest.mark.parametrize("kind", sorted(REPLACEMENTS))
def test_every_raw_type_is_named_with_its_template(tmp_path, kind):
    [(line, text)] = scan(tmp_path, f"import QtQuick\n\nItem {{\n    {kind} {{ id: raw }}\n}}\n")
    assert (line, text) == (4, f"a raw {kind} bypasses the driving restrictions ({PARKED}); use {REPLACEMENTS[kind]}")


@pytest.mark.parametrize(("source", "line"), [
    ("Item {\n    T.TextField {}\n}\n", 2),  # qualified by the import's alias
    ("Loader {\n    sourceComponent: TextField {}\n}\n", 2),  # as a property's value
    ("Item {\n    Component { id: field; TextField {} }\n}\n", 2),  # in a Component, on one line
    ("Item {\n    Component {\n        id: field\n        TextField {}\n    }\n}\n", 4),  # in a Component
    ("Item {\n    component Entry: TextField {}\n}\n", 2),  # an inline component
    ("Item {\n    property Item field: TextField{}\n}\n", 2),  # no space before the brace
    ("Item { data: [Rectangle {}, TextField {}] }\n", 1),  # in a list
])
def test_a_type_written_in_any_place_an_object_goes(tmp_path, source, line):
    assert kinds(tmp_path, source) == [(line, "a raw TextField")]


def test_flickable_and_repeater_make_a_scrolling_list(tmp_path):
    source = "Flickable {\n    Column {\n        Repeater {\n            model: 100\n        }\n    }\n}\n"
    assert kinds(tmp_path, source) == [(1, "a raw Flickable"), (3, "a raw Repeater")]


@pytest.mark.parametrize("source", [
    "Item {\n    // TextField {}\n}\n",
    "Item {\n    /* ListView {\n    } */\n}\n",
    'Item {\n    property string hint: "use a TextField"\n}\n',
    "Flickable.StopAtBounds\nListView.Horizontal\n",  # attached properties and enums
    "Item {\n    property Flickable view\n    property list<Repeater> makers\n}\n",
    "Item {\n    property var textField: { return 1 }\n}\n",
    "Item {\n    function Repeater() { return 1 }\n}\n",
    "Item {\n    TextFieldLike {}\n    MyListView {}\n}\n",
])
def test_what_is_not_a_raw_type(tmp_path, source):
    assert scan(tmp_path, source) == []


def test_a_comment_marker_inside_a_string_is_not_a_comment(tmp_path):
    assert kinds(tmp_path, 'Item {\n    property url u: "http://example.org"\n    TextField {}\n}\n') == [
        (3, "a raw TextField")]


class TestQmlBuiltFromStrings:
    def test_qt_create_qml_object(self, tmp_path):
        source = 'Item {\n    Component.onCompleted: Qt.createQmlObject("import QtQuick.Controls; TextField {}", this)\n}\n'
        assert kinds(tmp_path, source) == [(2, "a raw TextField")]

    def test_with_a_line_break_escaped(self, tmp_path):
        source = "Item {\n    Component.onCompleted: Qt.createQmlObject('import QtQuick.Controls\\nListView {}', this)\n}\n"
        assert kinds(tmp_path, source) == [(2, "a raw ListView")]

    def test_joined_from_pieces(self, tmp_path):
        source = ('Item {\n    Component.onCompleted: Qt.createQmlObject("import QtQuick.Controls; " +\n'
                  '        "Text" + "Field {}", this)\n}\n')
        assert kinds(tmp_path, source) == [(3, "a raw TextField")]

    def test_with_escaped_letters(self, tmp_path):
        source = 'Item {\n    Component.onCompleted: Qt.createQmlObject("Te\\u0078tField {}", this)\n}\n'
        assert kinds(tmp_path, source) == [(2, "a raw TextField")]

    def test_in_a_template_literal_over_several_lines(self, tmp_path):
        source = "Item {\n    Component.onCompleted: Qt.createQmlObject(`\n        import QtQuick\n        Video {}`, this)\n}\n"
        assert kinds(tmp_path, source) == [(4, "a raw Video")]

    def test_an_import_inside_the_string(self, tmp_path):
        source = 'Item {\n    Component.onCompleted: Qt.createQmlObject("import QtMultimedia; Item {}", this)\n}\n'
        assert kinds(tmp_path, source) == [(2, "import QtMultimedia")]

    @pytest.mark.parametrize("argument", ["qml", '"import QtQuick; " + kind + " {}"', "`${kind} {}`"])
    def test_qml_chosen_at_run_time_is_named_as_such(self, tmp_path, argument):
        source = f"Item {{\n    Component.onCompleted: Qt.createQmlObject({argument}, this)\n}}\n"
        [(line, text)] = scan(tmp_path, source)
        assert line == 2
        assert text == (f"Qt.createQmlObject with QML chosen at run time bypasses the driving restrictions ({PARKED}); "
                        "use the templates of HeadUnit.Controls")

    def test_a_call_in_a_comment_is_no_call(self, tmp_path):
        assert scan(tmp_path, "Item {\n    // Qt.createQmlObject(qml, this)\n}\n") == []


class TestQtCreateComponent:
    def test_a_type_by_module_and_name(self, tmp_path):
        source = 'Item {\n    property Component c: Qt.createComponent("QtQuick.Controls", "TextField")\n}\n'
        [(line, text)] = scan(tmp_path, source)
        assert (line, text.split(" bypasses ")[0]) == (2, "a raw TextField from Qt.createComponent")
        assert text.endswith(f"use {REPLACEMENTS['TextField']}")

    def test_a_name_chosen_at_run_time(self, tmp_path):
        source = 'Item {\n    property Component c: Qt.createComponent("QtQuick.Controls", name)\n}\n'
        assert kinds(tmp_path, source) == [(2, "Qt.createComponent with QML chosen at run time")]

    @pytest.mark.parametrize("call", ['Qt.createComponent("Row.qml")', 'Qt.createComponent("Row.qml", Component.Asynchronous)',
                                      'Qt.createComponent("QtQuick", "Rectangle")'])
    def test_a_file_or_an_unrestricted_type(self, tmp_path, call):
        assert scan(tmp_path, f"Item {{\n    property Component c: {call}\n}}\n") == []


class TestImportsAndJavaScript:
    @pytest.mark.parametrize(("line", "module"), [
        ("import QtQuick.VirtualKeyboard", "QtQuick.VirtualKeyboard"),
        ("import QtQuick.VirtualKeyboard.Settings", "QtQuick.VirtualKeyboard"),
        ("import QtMultimedia", "QtMultimedia"),
        ("import QtWebEngine 1.10", "QtWebEngine"),
        ("import QtWebView", "QtWebView"),
    ])
    def test_modules_for_raw_input_video_and_web_pages(self, tmp_path, line, module):
        [(at, text)] = scan(tmp_path, f"import QtQuick\n{line}\n\nItem {{}}\n")
        assert (at, text.split(" bypasses ")[0]) == (2, f"import {module}")
        assert f"the driving restrictions ({PARKED}); use " in text

    def test_local_storage_past_the_storage_capability(self, tmp_path):
        [(line, text)] = scan(tmp_path, "import QtQuick\nimport QtQuick.LocalStorage\n\nItem {}\n")
        assert (line, text) == (2, "import QtQuick.LocalStorage bypasses the plugin's capabilities; use ctx.storage() "
                                   "from Python (capability storage), in the plugin's own data folder")

    def test_a_javascript_file_importing_local_storage(self, tmp_path):
        assert kinds(tmp_path, ".import QtQuick.LocalStorage 2.0 as Sql\n\nfunction f() {}\n", "db.js") == [
            (1, "import QtQuick.LocalStorage")]

    @pytest.mark.parametrize("name", ["Main.qml", "net.js", "net.mjs"])
    def test_xml_http_request(self, tmp_path, name):
        source = "function fetch() {\n    // not XMLHttpRequest here\n    const request = new XMLHttpRequest()\n}\n"
        [(line, text)] = scan(tmp_path, source, name)
        assert (line, text) == (3, "XMLHttpRequest bypasses the plugin's capabilities; use ctx.cloud from Python "
                                   "(capability network)")

    def test_unrelated_modules(self, tmp_path):
        assert scan(tmp_path, "import QtQuick\nimport QtQuick.Controls\nimport QtMultimediaKit\n\nItem {}\n") == []


def test_files_in_subfolders_in_order(tmp_path):
    (tmp_path / "qml" / "parts").mkdir(parents=True)
    (tmp_path / "qml" / "Main.qml").write_text("Item {\n    ListView {}\n}\n")
    (tmp_path / "qml" / "parts" / "Entry.qml").write_text("TextField {}\n")
    assert raw_type_warnings(tmp_path) == [
        f"{tmp_path / 'qml' / 'Main.qml'}:2: warning: a raw ListView bypasses the driving restrictions ({PARKED}); "
        f"use {REPLACEMENTS['ListView']}",
        f"{tmp_path / 'qml' / 'parts' / 'Entry.qml'}:1: warning: a raw TextField bypasses the driving restrictions "
        f"({PARKED}); use {REPLACEMENTS['TextField']}",
    ]


def test_warnings_leave_the_check_passing(plugin_factory, capfd):
    """Warnings are advice: the check still exits 0 and counts them."""
    folder = plugin_factory("org.example.raw", page="import QtQuick\nimport QtQuick.Controls\n\nItem {\n"
                                                    "    Flickable { Repeater { model: 20; Text {} } }\n}\n")
    assert check_plugin(argparse.Namespace(path=folder, strict=False)) == 0
    out = capfd.readouterr().out.splitlines()
    assert [line.split(": warning: ")[1].split(" bypasses ")[0] for line in out[:-1]] == [
        "a raw Flickable", "a raw Repeater"]
    assert out[-1] == f"{folder}: org.example.raw 1.0.0 is valid, with 2 warning(s)"
