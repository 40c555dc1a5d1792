"""The interface speaks English and Arabic: the catalogue is complete, current, loaded, and mirrors the window."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from minutes_editor.gui import i18n
from minutes_editor.gui.directions import is_rtl_language, set_enum_property, set_layout_direction
from minutes_editor.gui.i18n import (
    choose_language,
    install_translations,
    remove_translations,
    translations_dir,
)

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = translations_dir() / "minutes_editor_ar.ts"
ARABIC_LETTERS = range(0x0600, 0x0700)
# Display formats of date and time edits are the same in every language.
DATE_FORMAT = re.compile(r"[yMdHhmsAap:/.\- ]+")


@pytest.fixture
def interface(qapp: QApplication):
    """Leave the application in English, left to right, whatever the test switched to."""
    default_locale = QLocale()
    yield qapp
    remove_translations()
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(default_locale)


def has_arabic(text: str) -> bool:
    return any(ord(character) in ARABIC_LETTERS for character in text)


def ts_messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_the_arabic_catalogue_translates_our_strings_and_qts(interface: QApplication) -> None:
    assert QCoreApplication.translate("RecoveryDialog", "&Restore") == "&Restore"
    install_translations("ar")
    assert QCoreApplication.translate("RecoveryDialog", "&Restore") == "&استعادة"
    assert QCoreApplication.translate("RecoveryDialog", "Saved at") == "وقت الحفظ"
    # Qt's own strings come from PySide6's qtbase_ar.qm (the buttons of every QMessageBox).
    assert has_arabic(QCoreApplication.translate("QPlatformTheme", "Cancel"))
    assert interface.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().language() == QLocale.Language.Arabic


def test_switching_back_to_english_removes_the_translations(interface: QApplication) -> None:
    install_translations("ar")
    install_translations("en")
    assert QCoreApplication.translate("RecoveryDialog", "&Restore") == "&Restore"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert interface.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QLocale().language() != QLocale.Language.Arabic


def test_a_language_without_our_catalogue_keeps_english_strings_and_its_direction(interface: QApplication) -> None:
    install_translations("fa")
    assert QCoreApplication.translate("RecoveryDialog", "&Restore") == "&Restore"
    assert interface.layoutDirection() == Qt.LayoutDirection.RightToLeft
    install_translations("fr")
    assert interface.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_missing_catalogue_is_an_error_not_a_silent_english_window(
    interface: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    with pytest.raises(FileNotFoundError, match=r"minutes_editor_ar\.qm"):
        install_translations("ar")


def test_every_string_of_the_catalogue_is_translated() -> None:
    messages = ts_messages()
    assert len(messages) > 40
    untranslated = []
    for context, message in messages:
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not all(f.strip() for f in forms):
            untranslated.append(f"{context}: {message.findtext('source')}")
    assert untranslated == []


def test_translations_keep_accelerators_and_placeholders() -> None:
    problems = []
    for context, message in ts_messages():
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")]
        if forms and "%n" in source and not any("%n" in form for form in forms):
            problems.append(f"{context}: {source!r}: no plural form shows the number")
        for text in forms or [translation.text or ""]:
            # Arabic writes one and two without the number ("ثانية واحدة", "ثانيتان"): %n is checked above.
            problems.extend(
                f"{context}: {source!r}: {placeholder} in one but not the other"
                for placeholder in ("%1", "%2", "%3", *(() if forms else ("%n",)))
                if (placeholder in source) != (placeholder in text)
            )
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append(f"{context}: {source!r}: keyboard accelerator & in one but not the other")
            if not has_arabic(text) and any(c.isalpha() for c in source) and not DATE_FORMAT.fullmatch(source):
                problems.append(f"{context}: {source!r}: translation {text!r} has no Arabic")
    assert problems == []


def test_the_catalogue_matches_the_sources_and_the_qm_is_built_from_it() -> None:
    # lupdate over the sources must find exactly the strings of the committed .ts, and lrelease must
    # give the committed .qm: a string added to the window without a translation fails here.
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("environment", "setting", "system", "expected"),
    [
        ("", "", ["ar-EG", "en-US"], "ar"),
        ("", "", ["fr-FR", "en-GB"], "en"),
        ("", "", ["de-DE"], "en"),
        ("", "en", ["ar-EG"], "en"),
        ("", "ar", ["en-US"], "ar"),
        ("ar_SA.UTF-8", "en", ["en-US"], "ar"),
        ("", "xx", ["ar"], "ar"),
    ],
)
def test_choosing_the_interface_language(
    monkeypatch: pytest.MonkeyPatch, environment: str, setting: str, system: list[str], expected: str
) -> None:
    if environment:
        monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, environment)
    else:
        monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)
    assert choose_language(setting, system) == expected


@pytest.mark.parametrize(("language", "expected"), [("ar", True), ("fa-IR", True), ("ur_PK", True), ("en", False)])
def test_right_to_left_interface_languages(qapp: QApplication, language: str, expected: bool) -> None:
    widget = QWidget()
    set_layout_direction(widget, is_rtl_language(language))
    assert widget.layoutDirection() == (Qt.LayoutDirection.RightToLeft if expected else Qt.LayoutDirection.LeftToRight)


def test_an_unknown_enum_key_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="layoutDirection"):
        set_enum_property(QWidget(), "layoutDirection", "Sideways")
    label = QLabel()
    set_enum_property(label, "alignment", "AlignRight|AlignBottom")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
