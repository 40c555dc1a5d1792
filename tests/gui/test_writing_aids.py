"""Writing aids in the real window: spelling underlines and suggestions, checks dock, find and replace, counts."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from minutes_editor.gui import ask
from minutes_editor.gui.counts_dialog import CountsDialog
from minutes_editor.gui.find_replace import replace_in_window
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.model import search
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Footnote,
    FootnoteRef,
    Report,
    Section,
    SectionKind,
    Span,
    TitleBlock,
)
from minutes_editor.model.search import Match, Query, ReplacePlan, ReportCounts, apply_edits
from minutes_editor.spelling.dictionaries import enchant_module
from minutes_editor.storage.minutes_file import save_report
from minutes_editor.storage.presets import load_preset
from tests.support.examples import example_path

# The tests read, search and check a report as the window and the command line do: with its language's preset.


def count_report(report: Report) -> ReportCounts:
    return search.count_report(report, load_preset(report.language))


def find_replacements(report: Report, query: Query, replacement: str) -> list[tuple[Match, str]]:
    return search.find_replacements(report, query, replacement, preset=load_preset(report.language))


def replace_all(report: Report, query: Query, replacement: str) -> ReplacePlan:
    return search.replace_all(report, query, replacement, preset=load_preset(report.language))


EXAMPLE = example_path("ar")
needs_enchant = pytest.mark.skipif(enchant_module() is None, reason="the Enchant library is not installed")


@pytest.fixture
def open_window(qtbot, monkeypatch, tmp_path: Path):
    """A window with a report open (the Arabic example unless another is given)."""
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(report: Report | None = None) -> MainWindow:
        if report is None:
            target = tmp_path / EXAMPLE.name
            shutil.copyfile(EXAMPLE, target)
        else:
            target = tmp_path / "report.minutes"
            save_report(report, target)
        window = MainWindow("en")
        qtbot.addWidget(window)
        assert window.open_path(target, check_saved=False)
        window.show()
        # The spell checker follows the report's language once the window has shown it.
        qtbot.waitUntil(lambda: window.writing_aids.spelling.language == window.report.language)
        return window

    return make


def _underlined(block) -> list[str]:
    text = block.text()
    return [
        text[item.start : item.start + item.length]
        for item in block.layout().formats()
        if item.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def _type_at_end(editor, text: str) -> None:
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(text)


def _point_in(editor, block, offset: int):
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    return editor.cursorRect(cursor).center()


# ------------------------------------------------------------ spelling


@needs_enchant
def test_misspelt_words_are_underlined_as_you_type_and_corrected_from_the_menu(open_window) -> None:
    window = open_window()
    window.show_part(window.report.sections[2])
    editor = window.current_editor()
    assert _underlined(editor.document().firstBlock()) == []  # the example's own words are right
    QApplication.processEvents()
    # Underlining is no edit: the body is not taken for changed.
    assert not window.store.dirty
    _type_at_end(editor, " الاجتمع والاتحاد")
    block = editor.document().lastBlock()
    assert _underlined(block) == ["الاجتمع"]
    # The body editor's own context menu puts the suggestions first: read it while it is open, then close it.
    shown: list[list[str]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        shown.append([action.text() for action in menu.actions()])
        menu.close()

    offset = block.text().index("الاجتمع") + 2
    position = _point_in(editor, block, offset)
    assert editor.cursorForPosition(position).block() == block
    QTimer.singleShot(0, read_menu)
    editor.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, editor.mapToGlobal(position)))
    assert shown
    assert "الاجتماع" in shown[0][:6]
    assert "Add to dictionary" in shown[0]
    actions = window.writing_aids.context_actions(editor, position)
    steps = window.document.undo_stack.count()
    next(action for action in actions if action.text() == "الاجتماع").trigger()
    assert editor.document().lastBlock().text().endswith(" الاجتماع والاتحاد")
    assert window.document.undo_stack.count() == steps + 1
    assert _underlined(editor.document().lastBlock()) == []
    window.undo()
    assert editor.document().lastBlock().text().endswith(" الاجتمع والاتحاد")


@needs_enchant
def test_the_word_being_typed_is_marked_once_typing_pauses(open_window, qtbot) -> None:
    window = open_window()
    window.show_part(window.report.sections[2])
    editor = window.current_editor()
    editor.setFocus()
    _type_at_end(editor, " تسيهاي")
    # Still under the cursor: a half-typed word is not marked, and no key waits for the dictionary.
    assert _underlined(editor.document().lastBlock()) == []
    window.flush()
    steps = window.document.undo_stack.count()
    qtbot.waitUntil(lambda: _underlined(editor.document().lastBlock()) == ["تسيهاي"], timeout=3000)
    # Marking it after the pause is no edit.
    assert not window.store.dirty
    assert window.document.undo_stack.count() == steps
    # A word the cursor has left is marked at once.
    _type_at_end(editor, " والاتحادد والا")
    assert _underlined(editor.document().lastBlock()) == ["تسيهاي", "والاتحادد"]
    qtbot.waitUntil(lambda: "والا" in _underlined(editor.document().lastBlock()), timeout=3000)


@needs_enchant
def test_typing_inside_a_marked_word_unmarks_it_until_the_pause(open_window, qtbot) -> None:
    window = open_window()
    window.show_part(window.report.sections[2])
    editor = window.current_editor()
    _type_at_end(editor, " الاجتمع والاتحاد")
    block = editor.document().lastBlock()
    assert _underlined(block) == ["الاجتمع"]
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("الاجتمع") + len("الاجتم"))
    editor.setTextCursor(cursor)
    editor.insertPlainText("ا")  # الاجتماع: right now, but only checked once typing pauses
    assert _underlined(editor.document().lastBlock()) == []
    window.writing_aids.spelling.check_typed_words()
    assert _underlined(editor.document().lastBlock()) == []
    editor.insertPlainText("ز")  # الاجتمازع: wrong again, marked after the pause
    assert _underlined(editor.document().lastBlock()) == []
    qtbot.waitUntil(lambda: _underlined(editor.document().lastBlock()) == ["الاجتمازع"], timeout=3000)


@needs_enchant
def test_checking_a_word_after_a_pause_leaves_the_undo_steps_of_typing_alone(open_window, type_text) -> None:
    window = open_window()
    window.show_part(window.report.sections[2])
    editor = window.current_editor()
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = editor.document().toPlainText()
    stack = window.document.undo_stack
    steps = stack.index()
    type_text(editor, " تسي")
    window.writing_aids.spelling.check_typed_words()  # what the pause does in the middle of the word
    type_text(editor, "هاي كلمة")
    assert _underlined(editor.document().lastBlock()) == ["تسيهاي"]
    # One step, as without the pause.
    assert stack.index() == steps + 1
    window.undo()
    assert editor.document().toPlainText() == before
    window.redo()
    assert editor.document().toPlainText() == before + " تسيهاي كلمة"


@needs_enchant
def test_add_to_dictionary_saves_the_word_and_clears_every_underline(open_window, qtbot) -> None:
    window = open_window()
    window.show_part(window.report.sections[2])
    editor = window.current_editor()
    _type_at_end(editor, " تسيهاي")
    block = editor.document().lastBlock()
    qtbot.waitUntil(lambda: _underlined(block) == ["تسيهاي"], timeout=3000)
    actions = window.writing_aids.context_actions(editor, _point_in(editor, block, len(block.text()) - 2))
    next(action for action in actions if action.text() == "Add to dictionary").trigger()
    assert _underlined(editor.document().lastBlock()) == []
    path = window.writing_aids.spelling.personal_path
    assert path.read_text(encoding="utf-8").splitlines() == ["تسيهاي"]
    # Highlighting is no edit: the body was not marked changed by it.
    steps = window.document.undo_stack.count()
    window.writing_aids.spelling.rehighlight()
    assert window.document.undo_stack.count() == steps


@needs_enchant
def test_a_report_without_its_dictionary_says_so_in_the_status_bar(open_window) -> None:
    report = Report(language="ur", title=TitleBlock(meeting="اجلاس"), sections=[Section(SectionKind.DISCUSSION)])
    window = open_window(report)
    assert "Urdu" in window.statusBar().currentMessage()
    assert window.writing_aids.spelling.checker is not None
    assert not window.writing_aids.spelling.checker.available


def test_spelling_can_be_turned_off(open_window) -> None:
    window = open_window()
    window.show_part(window.report.sections[2])
    editor = window.current_editor()
    _type_at_end(editor, " الاجتمع ")
    window.actions_by_name["spelling"].setChecked(False)
    assert _underlined(editor.document().lastBlock()) == []
    assert window.writing_aids.context_actions(editor, _point_in(editor, editor.document().lastBlock(), 3)) == []


# ------------------------------------------------------------ checks


def test_check_report_lists_problems_and_jumps_to_each(open_window) -> None:
    report = Report(
        language="ar",
        title=TitleBlock(meeting="اجتماع", location="فيينا, النمسا"),
        sections=[
            Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.PARAGRAPH, [Span("نص سليم")])]),
            Section(
                SectionKind.DISCUSSION,
                heading="المناقشة",
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span("فقرة أولى")]),
                    Block(BlockKind.PARAGRAPH, [Span("الدول المشاركة, والمنظمات")]),
                ],
            ),
        ],
    )
    window = open_window(report)
    window.actions_by_name["check_report"].trigger()
    dock = window.writing_aids.checks
    assert dock.isVisible()
    assert [problem.code for problem in dock.problems] == ["latin-punctuation", "latin-punctuation"]
    assert dock.list.topLevelItemCount() == 2
    dock.list.itemActivated.emit(dock.list.topLevelItem(1), 0)
    editor = window.current_editor()
    assert editor.owner is window.report.sections[1]
    cursor = editor.textCursor()
    assert cursor.block().blockNumber() == 1
    assert cursor.selectedText() == ","
    dock.list.itemActivated.emit(dock.list.topLevelItem(0), 0)
    assert window.editor_stack.currentWidget() is window.title_page
    assert window.title_page.location.selectedText() == ","
    # Fixed in the editor, checked again: nothing left there.
    dock.list.itemActivated.emit(dock.list.topLevelItem(1), 0)
    window.current_editor().textCursor().insertText("،")
    assert [problem.where for problem in dock.refresh()] == ["title.location"]


def test_checks_dock_on_the_example_points_at_the_open_parenthesis(open_window) -> None:
    window = open_window()
    dock = window.writing_aids.show_checks()
    assert [problem.code for problem in dock.problems] == ["bracket-unbalanced"]
    dock.list.itemActivated.emit(dock.list.topLevelItem(0), 0)
    assert window.current_editor().textCursor().selectedText() == "("


# ------------------------------------------------------------ find and replace


def test_replace_all_in_the_window_gives_what_the_engine_gives_and_is_one_undo_step(open_window) -> None:
    window = open_window()
    window.flush()
    original = copy.deepcopy(window.report)
    query = Query("الهجرة", whole_word=True)
    expected = copy.deepcopy(original)
    plan = replace_all(expected, query, "التنقّل")
    apply_edits(expected, plan.edits)
    assert plan.count > 3
    dialog = window.writing_aids.show_find()
    dialog.find_edit.setText("الهجرة")
    dialog.whole_word.setChecked(True)
    dialog.replace_edit.setText("التنقّل")
    steps = window.document.undo_stack.count()
    assert dialog.replace_all() == plan.count
    window.flush()
    assert window.report == expected
    assert window.document.undo_stack.count() == steps + 1
    window.undo()
    window.flush()
    assert window.report == original
    window.redo()
    window.flush()
    assert window.report == expected


def test_replacing_in_title_heading_participants_goals_and_notes_undoes_exactly(open_window) -> None:
    report = Report(
        language="en",
        title=TitleBlock(meeting="Budapest Process meeting", location="Budapest"),
        sections=[
            Section(SectionKind.PARTICIPATION, blocks=[Block(BlockKind.PARAGRAPH, [Span("Present:")])]),
            Section(
                SectionKind.DISCUSSION,
                heading="Budapest talks",
                blocks=[Block(BlockKind.PARAGRAPH, [Span("In Budapest"), FootnoteRef("n")])],
            ),
        ],
        footnotes=[Footnote("n", [Span("Budapest, Hungary")])],
    )
    from minutes_editor.model.report import Participant, Session

    report.sections[0].participants = [Participant("Budapest City", "org:BP"), Participant("Austria", "AT")]
    report.sections[1].sessions = [
        Session("Budapest session", goals=["Budapest goal", "Other"], blocks=[Block(BlockKind.PARAGRAPH, [Span("x")])])
    ]
    window = open_window(report)
    window.flush()
    original = copy.deepcopy(window.report)
    query = Query("Budapest", case_sensitive=True)
    expected = copy.deepcopy(original)
    apply_edits(expected, replace_all(expected, query, "Rabat").edits)
    steps = window.document.undo_stack.count()
    assert replace_in_window(window, find_replacements(window.report, query, "Rabat"), "Replace all") == 8
    window.flush()
    assert window.report == expected
    assert window.document.undo_stack.count() == steps + 1
    window.undo()
    window.flush()
    assert window.report == original


def test_replacement_keeps_emphasis_and_footnote_marks_like_the_engine(open_window) -> None:
    report = Report(
        language="en",
        title=TitleBlock(meeting="Meeting"),
        sections=[
            Section(
                SectionKind.DISCUSSION,
                blocks=[
                    Block(
                        BlockKind.PARAGRAPH,
                        [Span("In "), Span("Kosovo", bold=True), FootnoteRef("k"), Span(", and Kosovo again")],
                    )
                ],
            )
        ],
        footnotes=[Footnote("k", [Span("Designation.")])],
    )
    window = open_window(report)
    window.show_part(window.report.sections[0])
    for pattern, regex in (("Kosovo", False), (r"sovo.,", True), (r"\ufffc, and", True), ("In Kos", False)):
        window.flush()
        original = copy.deepcopy(window.report)
        query = Query(pattern, regex=regex)
        expected = copy.deepcopy(original)
        apply_edits(expected, replace_all(expected, query, "X").edits)
        replace_in_window(window, find_replacements(window.report, query, "X"), "Replace all")
        window.flush()
        assert window.report == expected, pattern
        window.undo()
        window.flush()
        assert window.report == original, pattern


def test_find_next_walks_the_matches_and_replace_goes_on(open_window) -> None:
    window = open_window()
    dialog = window.writing_aids.show_find()
    dialog.find_edit.setText("الاتحاد الأوروبي")
    first = dialog.find_next()
    second = dialog.find_next()
    assert first is not None
    assert second is not None
    assert (first.path, first.start) != (second.path, second.start)
    editor = window.current_editor()
    assert editor.textCursor().selectedText() == "الاتحاد الأوروبي"
    dialog.replace_edit.setText("الاتحاد الأوروبّي")
    dialog.replace()  # replaces the second and moves on to the third
    window.flush()
    assert dialog.current is not None
    assert (dialog.current.path, dialog.current.start) != (second.path, second.start)
    dialog.regex.setChecked(True)
    dialog.find_edit.setText("(unclosed")
    assert dialog.find_next() is None
    assert "not valid" in dialog.status.text()


def test_word_count_dialog_shows_the_engines_counts(open_window) -> None:
    window = open_window()
    dialog = window.writing_aids.show_counts()
    assert isinstance(dialog, CountsDialog)
    window.flush()
    counts = count_report(window.report)
    table = dialog.table
    assert table.topLevelItemCount() == len(window.report.sections) + 3
    total = table.topLevelItem(table.topLevelItemCount() - 1)
    assert total.text(1) == dialog.locale().toString(counts.total.words)
    assert table.topLevelItem(1).text(1) == dialog.locale().toString(counts.sections[0].words)
    dialog.close()
    QApplication.processEvents()


def test_keys_from_the_one_shortcuts_table_open_the_aids(open_window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from minutes_editor.gui.shortcuts import shortcut

    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.actions_by_name["check_report"].shortcuts() == shortcut("check_report").sequences()
    QTest.keyClick(window, Qt.Key.Key_F7)
    assert window.writing_aids.checks.isVisible()
    window.show_part(window.report.sections[2])
    window.current_editor().setFocus()
    QTest.keyClick(window.current_editor(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.writing_aids.find_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.close()
