"""Translations: the shell's Qt translator and one per loaded plugin, in the driver's language.

The language is `Settings.language` (which `--lang` overrides for one run). When it changes, the translators
are swapped, the default QLocale follows (numbers, dates) and the QML engine re-evaluates every binding that
uses qsTr: the shell switches language without a restart.

Catalogues are compiled .qm files beside their .ts sources (`make install` builds them, see i18n_build):
`translations/headunit_<lang>.qm` for the shell, `<plugin>/translations/<id>_<lang>.qm` for a plugin. Qt looks a
string up by context: the QML file's base name for qsTr, the class name for a QObject's tr, the plugin id for a
plugin's `ctx.tr`. English is the source language and needs no catalogue.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtQml import QQmlEngine

from headunit import paths
from headunit.shell.settings import LANGUAGES, Settings, locale_name

log = logging.getLogger(__name__)

SHELL_CATALOGUE = "headunit"
SHELL_TRANSLATIONS_DIR = paths.SHELL_TRANSLATIONS_DIR


def normalize_language(code: str) -> str | None:
    """The supported language a code means (de_DE -> de, en-GB -> en, zh -> zh_CN), or None (fr, zh_TW)."""
    code = code.replace("-", "_")
    if code in LANGUAGES:
        return code
    base, _, region = code.partition("_")
    base, region = base.lower(), region.upper()
    if base == "en":
        return "en_US" if region == "US" else "en"
    # A region the catalogue is not for (Traditional Chinese in zh_TW) is not the same language.
    matches = [c for c in LANGUAGES if c.partition("_")[0] == base and not (region and c.partition("_")[2]
                                                                             not in ("", region))]
    return matches[0] if len(matches) == 1 else None


def catalogue(translations_dir: Path, name: str, language: str) -> Path | None:
    """The compiled catalogue for `language` (falling back to its base language), or None."""
    for code in dict.fromkeys((language, language.split("_")[0])):
        qm = translations_dir / f"{name}_{code}.qm"
        if qm.is_file():
            ts = qm.with_suffix(".ts")
            if ts.is_file() and ts.stat().st_mtime > qm.stat().st_mtime:
                log.warning("%s is older than its .ts; run `make install` to compile the translations", qm)
            return qm
        if qm.with_suffix(".ts").is_file():
            log.warning("%s is missing; run `make install` to compile the translations", qm)
    return None


class Translations(QObject):
    """Installs the translators for the current language and swaps them when it changes."""

    #: The language changed and every translator has been swapped: the new language.
    languageChanged = Signal(str)

    def __init__(self, settings: Settings, engine: QQmlEngine | None = None,
                 shell_dir: Path = SHELL_TRANSLATIONS_DIR, parent: QObject | None = None):
        super().__init__(parent)
        self._settings, self._engine, self._shell_dir = settings, engine, shell_dir
        self._plugins: dict[str, Path] = {}  # plugin id -> its translations folder
        self._installed: list[QTranslator] = []
        self._shell: QTranslator | None = None
        self._language = ""
        self._initial_locale = QLocale()
        self._apply(settings.get("language"))
        settings.changed.connect(self._on_settings_changed)

    @property
    def language(self) -> str:
        return self._language

    def add_plugin(self, plugin_id: str, folder: Path) -> None:
        """Install the plugin's translator (context: its id for ctx.tr, its QML files' names for qsTr)
        before its Python runs and its QML compiles."""
        if plugin_id in self._plugins:
            return
        self._plugins[plugin_id] = folder / "translations"
        if self._install(self._plugins[plugin_id], plugin_id) and self._shell is not None:
            # Back on top: the shell's own strings never take a plugin's translation of them.
            QCoreApplication.removeTranslator(self._shell)
            QCoreApplication.installTranslator(self._shell)

    def _on_settings_changed(self) -> None:
        language = self._settings.get("language")
        if language != self._language:
            self._apply(language)
            if self._engine is not None:
                self._engine.retranslate()
            self.languageChanged.emit(language)

    def _apply(self, language: str) -> None:
        self._remove_all()
        self._language = language
        locale = QLocale(locale_name(language))
        QLocale.setDefault(locale)
        if self._engine is not None:
            self._engine.setUiLanguage(locale.name())  # Qt.uiLanguage, for QML that formats by language
        # Qt searches the translator installed last first: Qt's own texts (Quick Controls, multimedia, location)
        # go first, then the plugins', then the shell's, whose strings no plugin can translate differently.
        if not language.startswith("en"):
            self._install(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), "qt")
        for plugin_id, folder in self._plugins.items():
            self._install(folder, plugin_id)
        self._shell = self._install(self._shell_dir, SHELL_CATALOGUE)

    def close(self) -> None:
        """Remove every translator and give back the default locale found at the start."""
        self._settings.changed.disconnect(self._on_settings_changed)
        self._remove_all()
        QLocale.setDefault(self._initial_locale)

    def _remove_all(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
        self._shell = None

    def _install(self, folder: Path, name: str) -> QTranslator | None:
        qm = catalogue(folder, name, self._language)
        if qm is None:
            return None  # English, or a plugin without this language: its source strings show
        translator = QTranslator(self)
        if not translator.load(str(qm)):
            log.warning("%s: not a valid translation catalogue", qm)
            return None
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)
        return translator
