"""Dialogs in both interface languages, the participant picker, the Kosovo offer, export and a light start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application, interface_language
from minutes_editor.gui.dialogs import NewReportDialog
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.names import NameOverrides, country_entries, fold
from minutes_editor.gui.shortcuts import SHORTCUTS
from minutes_editor.model.report import Footnote, FootnoteRef, Participant, Report, Section, SectionKind, Span
from tests.support.examples import example_path

EXAMPLE = example_path("ar")
LANGUAGES = {"en": Qt.LayoutDirection.LeftToRight, "ar": Qt.LayoutDirection.RightToLeft}


@pytest.fixture
def window(qtbot, monkeypatch, request):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_a: ask.UnsavedChoice.DISCARD)
    language = getattr(request, "param", "en")
    configure_application(QApplication.instance(), language)
    window = MainWindow(language)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.is_complete)  # menus and keys come right after the first paint
    yield window
    configure_application(QApplication.instance(), "en")


@pytest.mark.parametrize("window", list(LANGUAGES), indirect=True)
def test_every_dialog_opens_in_the_interface_direction(qtbot, window):
    expected = LANGUAGES[window.interface_language]
    assert window.layoutDirection() == expected
    dialogs: list[QWidget] = []
    new = NewReportDialog(window)
    dialogs.append(new.dialog)
    assert new.language.count() >= 2
    shortcuts = window.show_shortcuts()
    dialogs.append(shortcuts)
    # The Ctrl+K popup lists names in the report's language and follows its direction (a new report is English).
    quick = window.quick_insert_name()
    assert quick.isVisible()
    assert quick.layoutDirection() == Qt.LayoutDirection.LeftToRight
    quick.close()
    dialogs.append(ask.build_unsaved_changes(window, "report.minutes"))
    dialogs.append(ask.build_after_export(window, Path("/tmp/report.docx"), ["a warning"]))
    dialogs.append(ask.build_message(window, QMessageBox.Icon.Warning, "title", "text"))
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        # Dialogs are windows of their own: they take the application's direction, mirrored in Arabic.
        assert dialog.layoutDirection() == expected, dialog
        dialog.close()


def test_shortcuts_dialog_lists_the_one_table(window):
    dialog = window.show_shortcuts()
    assert dialog.table.rowCount() == len(SHORTCUTS)
    keys = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert "Ctrl+K" in keys
    assert "Ctrl+E" in keys
    assert "Ctrl+Shift+N" in keys
    # Every window action carries the keys the table lists.
    for entry in SHORTCUTS:
        action = window.actions_by_name.get(entry.name)
        if action is not None:
            assert action.shortcuts() == entry.sequences()
    dialog.close()


def test_keyboard_shortcuts_are_unique(window):
    seen: dict[str, str] = {}
    for entry in SHORTCUTS:
        for sequence in entry.sequences():
            text = sequence.toString()
            assert text not in seen, f"{text} is both {seen[text]} and {entry.name}"
            seen[text] = entry.name
    assert QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_K)).toString() in seen


def test_interface_language_from_option_environment_or_default(monkeypatch):
    monkeypatch.delenv("MINUTES_EDITOR_LANG", raising=False)
    assert interface_language(["prog", "--lang", "ar"]) == "ar"
    assert interface_language(["--lang", "ar"]) == "ar"
    monkeypatch.setenv("MINUTES_EDITOR_LANG", "ar")
    assert interface_language(["prog"]) == "ar"
    assert interface_language(["prog", "--lang=en"]) == "en"
    # The last --lang wins, wherever the report's path is.
    assert interface_language(["prog", "--lang", "en", "report.minutes", "--lang", "fa"]) == "fa"
    assert interface_language(["prog", "report.minutes", "--lang"]) == "ar"


def test_new_report_dialog_is_accepted_and_rejected(qtbot, window, monkeypatch):
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = window.report
    assert not window.new_report()
    assert window.report is before
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert window.new_report()
    assert window.report is not before


def test_participant_picker_search_both_scripts_reorder_and_sentence(qtbot, type_text, window):
    report = Report(language="ar", sections=[Section(SectionKind.PARTICIPATION)])
    window.new_report(report)
    section = report.sections[0]
    window.outline.select(section)
    picker = window.section_page.picker
    assert picker.isVisible()
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "austria")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    type_text(picker.search, "صربي")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    type_text(picker.search, "بلدية فيينا")
    qtbot.mouseClick(picker.add_free_button, Qt.MouseButton.LeftButton)
    assert section.participants == [
        Participant("النمسا", "AT"),
        Participant("صربيا", "RS"),
        Participant("بلدية فيينا", ""),
    ]
    assert picker.sentence.text() == "النمسا وصربيا وبلدية فيينا."
    picker.chosen.setFocus()
    picker.chosen.setCurrentRow(2)
    qtbot.keyClick(picker.chosen, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [p.code for p in section.participants] == ["AT", "", "RS"]
    assert picker.sentence.text() == "النمسا وبلدية فيينا وصربيا."
    window.undo()
    assert [p.code for p in section.participants] == ["AT", "RS", ""]
    assert picker.sentence.text() == "النمسا وصربيا وبلدية فيينا."
    # Adding a name twice is refused with a note.
    qtbot.keyClicks(picker.search, "austria")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert len(section.participants) == 3
    assert not picker.note.isHidden()


def test_a_renamed_country_is_remembered_for_later_reports(qtbot, window, tmp_path):
    overrides = NameOverrides(tmp_path / "overrides.json")
    overrides.set("ar", "HU", "المجر")
    again = NameOverrides(tmp_path / "overrides.json")
    assert again.get("ar", "HU") == "المجر"
    entries = again.apply("ar", country_entries("ar"))
    hungary = next(entry for entry in entries if entry.code == "HU")
    assert hungary.name == "المجر"
    assert hungary.matches("هنغاريا")
    assert hungary.matches("Hungary")
    again.set("ar", "HU", None)
    assert NameOverrides(tmp_path / "overrides.json").get("ar", "HU") is None


def test_names_match_in_either_script_ignoring_marks():
    entries = country_entries("ar")
    macedonia = next(entry for entry in entries if entry.code == "MK")
    assert macedonia.matches("مقدو")
    assert macedonia.matches("north mac")
    assert macedonia.matches("MK")
    assert not macedonia.matches("serb")
    assert fold("أوروبّا") == fold("اوروبا")
    assert all(len(entry.code) == 2 for entry in entries)
    codes = {entry.code for entry in entries}
    assert "XK" in codes
    assert "EU" not in codes
    assert "UN" not in codes
    assert "ZZ" not in codes


def test_kosovo_is_offered_the_designation_footnote(qtbot, type_text, window):
    report = Report(language="ar", sections=[Section(SectionKind.PARTICIPATION), Section(SectionKind.DISCUSSION)])
    window.new_report(report)
    window.outline.select(report.sections[0])
    picker = window.section_page.picker
    type_text(picker.search, "كوسوفو")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert report.sections[0].participants == [Participant("كوسوفو", "XK")]
    assert "Kosovo" in picker.note.text()
    window.outline.select(report.sections[1])
    editor = window.current_editor()
    editor.setFocus()
    type_text(editor, "في ألبانيا وكوسوفو، مقدونيا")
    window.refresh_preview()
    panel = window.current_body_panel()
    assert panel.banner.isVisible()
    qtbot.mouseClick(panel.banner_button, Qt.MouseButton.LeftButton)
    window.refresh_preview()
    assert not panel.banner.isVisible()
    content = report.sections[1].blocks[0].content
    assert [type(item).__name__ for item in content] == ["Span", "FootnoteRef", "Span"]
    assert content[0].text.endswith("وكوسوفو")
    note = report.footnote(content[1].footnote_id)
    assert "1244" in note.content[0].text
    assert "1244" in window.preview.toPlainText()


def test_the_designation_footnote_goes_after_the_name_with_an_emoji_before_it(qtbot, type_text, window):
    # The name is found in the text by Python index; the cursor counts an emoji as two positions.
    report = Report(language="ar", sections=[Section(SectionKind.DISCUSSION)])
    window.new_report(report)
    window.outline.select(report.sections[0])
    editor = window.current_editor()
    editor.setFocus()
    type_text(editor, "\U0001f600 في ألبانيا وكوسوفو، مقدونيا")
    window.refresh_preview()
    qtbot.mouseClick(window.current_body_panel().banner_button, Qt.MouseButton.LeftButton)
    window.flush()
    content = report.sections[0].blocks[0].content
    assert [type(item).__name__ for item in content] == ["Span", "FootnoteRef", "Span"]
    assert content[0].text.endswith("وكوسوفو")
    assert content[2].text == "، مقدونيا"


def test_export_imports_python_docx_only_when_exporting_and_offers_to_open(
    qtbot, window, example, tmp_path, monkeypatch
):
    assert window.open_path(example, check_saved=False)
    choices = []
    opened = []
    monkeypatch.setattr(ask, "save_path", lambda *_a: tmp_path / "out")
    monkeypatch.setattr(
        ask, "after_export", lambda _p, path, warnings: choices.append(path) or ask.ExportChoice.OPEN_FOLDER
    )
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", opened.append)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "out.docx"
    assert choices == [target]
    assert opened[0].toLocalFile() == str(tmp_path)
    with zipfile.ZipFile(target) as package:
        assert "word/document.xml" in package.namelist()
        assert "word/footnotes.xml" in package.namelist()


def test_start_up_shows_the_example_without_python_docx(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from minutes_editor.gui.app import create_window
        window = create_window(Path({str(EXAMPLE)!r}), "ar")
        window.show()
        app.processEvents()
        assert window.report.sections, "the example did not open"
        print("docx" in sys.modules, "lxml" in sys.modules)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_footnote_panel_numbers_follow_the_report_order(qtbot, type_text, window):
    report = Report(
        language="en",
        sections=[Section(SectionKind.GENERIC), Section(SectionKind.GENERIC)],
        footnotes=[Footnote("b", [Span("note B")])],
    )
    from minutes_editor.model.report import Block, BlockKind

    report.sections[1].blocks = [Block(BlockKind.PARAGRAPH, [Span("text"), FootnoteRef("b")])]
    window.new_report(report)
    window.outline.select(report.sections[1])
    panel = window.current_body_panel()
    assert panel.notes.edits["b"].text() == "note B"
    window.outline.select(report.sections[0])
    editor = window.current_editor()
    editor.setFocus()
    type_text(editor, "first")
    new_id = window.insert_footnote("note A")
    window.refresh_preview()
    assert window.store.numbers == {new_id: 1, "b": 2}
    window.outline.select(report.sections[1])
    label = panel.notes._rows.itemAt(0, panel.notes._rows.ItemRole.LabelRole).widget()
    assert label.text() == "2"


def test_pasting_a_registration_list_matches_standard_names(qtbot, window):
    report = Report(language="ar", sections=[Section(SectionKind.PARTICIPATION)])
    window.new_report(report)
    window.outline.select(report.sections[0])
    picker = window.section_page.picker
    QApplication.clipboard().setText("Austria\nصربيا، تركيا\n  Hungary ; بلدية فيينا.\nAustria")
    qtbot.mouseClick(picker.paste_button, Qt.MouseButton.LeftButton)
    assert [(p.name, p.code) for p in report.sections[0].participants] == [
        ("النمسا", "AT"),
        ("صربيا", "RS"),
        ("تركيا", "TR"),
        ("هنغاريا", "HU"),
        ("بلدية فيينا", ""),
    ]
    window.undo()
    assert report.sections[0].participants == []
