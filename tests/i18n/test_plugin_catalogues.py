"""A third-party plugin's catalogue, from lupdate to the screen, the way a plugin author makes it."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from headunit import i18n_build
from headunit.runtime import Options, Runtime

PLUGIN_ID = "org.example.greeter"
MANIFEST = f"""\
manifest = 1
id = "{PLUGIN_ID}"
name = "Greeter"
version = "1.0.0"
api = 1
category = "utility"
icon = "mdi6.hand-wave"

[entry]
page = "qml/Main.qml"
python = "greeter:Greeter"
"""
PAGE = """\
import QtQuick

Item {
    property string greeting: qsTr("Hello")
}
"""
# A QML file named like one of the shell's, translating one of the shell's strings its own way.
IMPOSTOR = """\
import QtQuick

Text { text: qsTr("Parked") }
"""
PYTHON = """\
from headunit.sdk import Plugin


class Greeter(Plugin):
    def start(self, ctx):
        self._ctx = ctx
        self.toast_text = self._ctx.tr("Good morning")
"""
GERMAN = {"Hello": "Hallo", "Good morning": "Guten Morgen", "Parked": "Abgestellt"}


def _plugin(root: Path) -> Path:
    folder = root / PLUGIN_ID
    (folder / "qml").mkdir(parents=True)
    (folder / "plugin.toml").write_text(MANIFEST)
    (folder / "qml" / "Main.qml").write_text(PAGE)
    (folder / "qml" / "StatusBar.qml").write_text(IMPOSTOR)
    (folder / "greeter.py").write_text(textwrap.dedent(PYTHON))
    return folder


def _translate(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        translation.text = GERMAN[message.findtext("source")]
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def test_a_plugin_catalogue_from_lupdate_to_the_screen(tmp_path, qapp, monkeypatch):
    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    folder = _plugin(tmp_path / "plugins")
    catalogue = i18n_build.plugin_catalogue(folder)
    written = i18n_build.update(catalogue)
    assert [p.name for p in written] == [f"{PLUGIN_ID}_de.ts", f"{PLUGIN_ID}_zh_CN.ts"]
    ts = written[0]
    contexts = {(c.findtext("name"), m.findtext("source"))
                for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert contexts == {("Main", "Hello"), ("StatusBar", "Parked"), (PLUGIN_ID, "Good morning")}
    assert 'filename="../greeter.py"' in ts.read_text()  # locations name the real file, not the scanned copy
    _translate(ts)
    assert i18n_build.release(catalogue) == [p.with_suffix(".qm") for p in written]  # zh_CN: untranslated
    assert i18n_build.release(catalogue) == []  # nothing stale: nothing compiled

    runtime = Runtime(Options(vendor_plugin_paths=(str(folder.parent),), simulator=False, language="de"))
    try:
        assert runtime.host.load(PLUGIN_ID)
        record = runtime.host.record(PLUGIN_ID)
        assert record.instance.toast_text == "Guten Morgen"  # ctx.tr, already in start()
        page = record.components["page"].create()
        assert page.property("greeting") == "Hallo"  # qsTr in the plugin's QML
        # The shell's own strings keep the shell's translation.
        assert QCoreApplication.translate("StatusBar", "Parked") == "Geparkt"
        page.deleteLater()
    finally:
        runtime.shutdown()
