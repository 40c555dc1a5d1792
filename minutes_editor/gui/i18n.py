"""The interface language: which one to show, Qt's and our translations, and the layout direction that follows.

The interface language is not the report's language: an Arabic report can be
written from an English interface. It is chosen, in order, from the
``MINUTES_EDITOR_LANG`` environment variable, the user's setting, and the
system's UI languages, falling back to English. Our strings are translated by
``resources/translations/minutes_editor_XX.qm`` (built from the ``.ts`` by
``tools/build_translations.py``); Qt's own dialogs and context menus by the
``qtbase_XX.qm`` that PySide6 ships.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from minutes_editor.gui.directions import is_rtl_language, set_layout_direction
from minutes_editor.paths import resources_dir

# Interface languages with a complete translation; English is the source language.
SUPPORTED_LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}
ENVIRONMENT_VARIABLE = "MINUTES_EDITOR_LANG"
CATALOG = "minutes_editor"
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Folder of our .ts and .qm files."""
    return resources_dir() / "translations"


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-", 1)[0].lower()


def supported_language(tag: str) -> str | None:
    """The shipped interface language a tag asks for ("ar_EG.UTF-8" gives "ar"), or None."""
    primary = _primary(tag) if tag else ""
    return primary if primary in SUPPORTED_LANGUAGES else None


def choose_language(setting: str = "", system_languages: Iterable[str] | None = None) -> str:
    """The interface language to use: environment, then setting, then system, else English."""
    if system_languages is None:
        system_languages = QLocale.system().uiLanguages()
    candidates = [os.environ.get(ENVIRONMENT_VARIABLE, ""), setting, *system_languages]
    for candidate in candidates:
        language = supported_language(candidate)
        if language is not None:
            return language
    return SOURCE_LANGUAGE


def install_translations(language: str) -> list[QTranslator]:
    """Show the interface in ``language``: load its translations, set the default locale and the direction.

    Replaces translations installed by an earlier call, so the language can
    be switched while running (widgets then receive a LanguageChange event).
    A language we ship no catalogue for (Persian, say) keeps our strings in
    English but gets Qt's own translation and its direction. Returns the
    installed translators; raises FileNotFoundError when the catalogue of a
    shipped language is missing (a broken installation).
    """
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("create the QApplication before installing translations")
    language = _primary(language)
    remove_translations()
    if language != SOURCE_LANGUAGE:
        qt_translator = QTranslator(application)
        # Qt's own strings (standard buttons, context menus); a missing file only leaves them in English.
        if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _install(qt_translator)
        if language in SUPPORTED_LANGUAGES:
            ours = QTranslator(application)
            if not ours.load(f"{CATALOG}_{language}", str(translations_dir())):
                raise FileNotFoundError(f"no translation {CATALOG}_{language}.qm in {translations_dir()}")
            _install(ours)
    system = QLocale.system()
    locale = system if _primary(system.name()) == language else QLocale(language)
    QLocale.setDefault(locale)
    if hasattr(application, "setLayoutDirection"):
        set_layout_direction(application, is_rtl_language(language))
    return list(_installed)


def remove_translations() -> None:
    """Go back to the source language's strings (English)."""
    application = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if application is not None:
            QCoreApplication.removeTranslator(translator)


def _install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
