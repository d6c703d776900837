"""Every translation source is complete, current and well-formed, for the shell and each first-party plugin."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from headunit import i18n_build, paths
from headunit.host.manifest import load_manifest

CATALOGUES = i18n_build.catalogues([])
PLUGIN_DIRS = sorted(d for d in paths.BUILTIN_PLUGINS_DIR.iterdir() if (d / "plugin.toml").is_file())
CASES = [(c, lang) for c in CATALOGUES for lang in i18n_build.TRANSLATED]
IDS = [f"{c.name}_{lang}" for c, lang in CASES]
#: Plural forms each language has in Qt's catalogues.
PLURAL_FORMS = {"de": 2, "zh_CN": 1}
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name"), message)
            for context in root.iter("context") for message in context.iter("message")]


def _keys(ts: Path) -> set[tuple[str, str]]:
    return {(context, message.findtext("source")) for context, message in _messages(ts)}


def test_every_first_party_part_has_a_catalogue():
    plugins = {d.name for d in PLUGIN_DIRS}
    assert {c.name for c in CATALOGUES} == {"headunit"} | plugins


@pytest.mark.parametrize(("catalogue", "language"), CASES, ids=IDS)
def test_translations_are_complete(catalogue, language):
    ts = catalogue.ts(language)
    assert ts.is_file(), f"{ts} is missing; run `make translations`"
    problems = []
    for context, message in _messages(ts):
        source = message.findtext("source")
        where = f"{ts.name}: {context}: {source!r}"
        translation = message.find("translation")
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            problems.append(f"{where}: {kind} (no longer in the sources; run `make translations`)")
            continue
        if kind == "unfinished":
            problems.append(f"{where}: unfinished")
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if len(forms) != PLURAL_FORMS[language] or not all(forms):
                problems.append(f"{where}: expected {PLURAL_FORMS[language]} plural forms, got {forms}")
            texts = forms
        else:
            texts = [translation.text or ""]
            if not texts[0].strip():
                problems.append(f"{where}: empty translation")
        for text in texts:
            if text and sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{where}: placeholders differ in {text!r}")
    assert problems == []


@pytest.mark.parametrize(("catalogue", "language"), CASES, ids=IDS)
def test_translations_cover_the_current_sources(catalogue, language, tmp_path):
    """lupdate over today's sources finds nothing new and nothing gone: `make translations` was run."""
    ts = catalogue.ts(language)
    shutil.copy(ts, tmp_path / ts.name)
    updated = i18n_build.update(catalogue, (language,), into=tmp_path)[0]
    assert _keys(updated) - _keys(ts) == set(), "new strings; run `make translations` and translate them"
    assert _keys(ts) - _keys(updated) == set(), "strings gone from the sources; run `make translations`"


def test_plugin_python_strings_are_in_the_plugin_id_context():
    """ctx.tr looks strings up in the context named after the plugin id: the catalogue has them there."""
    trip = next(c for c in CATALOGUES if c.name == "org.headunit.tripcomputer")
    assert ("org.headunit.tripcomputer", "Trip reset") in _keys(trip.ts("de"))


@pytest.mark.parametrize("folder", PLUGIN_DIRS, ids=lambda d: d.name)
def test_first_party_manifests_translate_names_and_setting_titles(folder):
    manifest = load_manifest(folder)
    for language in i18n_build.TRANSLATED:
        assert manifest.name_translations.get(language), f"{manifest.path}: name_translations.{language}"
        for setting in manifest.settings:
            assert setting.title_translations.get(language), \
                f"{manifest.path}: settings {setting.key}: title_translations.{language}"
