"""Typing in a long body editor: the view follows the cursor, a letter repaints its line, lines keep their height."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.model.report import Block, BlockKind, Direction, Report, Session, Span
from minutes_editor.storage.minutes_file import load_report, save_report
from tests.support.examples import example_path

EXAMPLE = example_path("ar")


def _first_session(report: Report) -> Session:
    return next(section.sessions[0] for section in report.sections if section.sessions)


@pytest.fixture
def long_body(qtbot, monkeypatch, tmp_path: Path):
    """A window showing a session body of 300 paragraphs, the cursor at its end, in the report's direction."""
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(direction: Direction) -> MainWindow:
        report = load_report(EXAMPLE)
        if direction is Direction.LTR:
            report.language = "en"
        session = _first_session(report)
        source = [block for block in report.all_blocks() if block.plain_text.strip()]
        session.blocks = [
            Block(BlockKind.PARAGRAPH, [Span(copy.deepcopy(source[index % len(source)]).plain_text)])
            for index in range(300)
        ]
        path = tmp_path / "long.minutes"
        save_report(report, path)
        window = MainWindow("en")
        qtbot.addWidget(window)
        assert window.open_path(path, check_saved=False)
        window.show()
        qtbot.waitExposed(window)
        window.show_part(_first_session(window.report))
        editor = window.current_editor()
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        QApplication.processEvents()
        return window

    return make


def _cursor_in_view(editor) -> bool:
    return editor.viewport().rect().contains(editor.cursorRect())


def _at_bottom(editor) -> bool:
    """Scrolled down to the last line (the document's margin below it may stay out of view)."""
    bar = editor.verticalScrollBar()
    return bar.maximum() - editor.document().documentMargin() <= bar.value() <= bar.maximum()


@pytest.mark.parametrize("direction", [Direction.RTL, Direction.LTR])
def test_the_view_follows_the_cursor_down_and_back_up(long_body, type_text, direction: Direction) -> None:
    window = long_body(direction)
    editor = window.current_editor()
    bar = editor.verticalScrollBar()
    assert bar.maximum() > 0
    assert _cursor_in_view(editor)
    for _line in range(8):
        type_text(editor, "سطر جديد line\n")
        QApplication.processEvents()
        assert _cursor_in_view(editor)
    assert _at_bottom(editor)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    assert bar.value() <= editor.document().documentMargin()
    assert _cursor_in_view(editor)
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert _at_bottom(editor)
    assert _cursor_in_view(editor)


class _Paints(QObject):
    """Collects the rectangles a widget is asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())
        return False


def test_a_letter_at_the_end_of_a_long_right_to_left_body_repaints_its_line_not_the_view(long_body, type_text) -> None:
    window = long_body(Direction.RTL)
    editor = window.current_editor()
    assert editor.isRightToLeft()
    type_text(editor, "و")
    QApplication.processEvents()
    paints = _Paints()
    editor.viewport().installEventFilter(paints)
    heights = []
    for letter in "قال ممثل":
        paints.rects.clear()
        type_text(editor, letter)
        QApplication.processEvents()
        assert paints.rects
        heights.append(max(rect.height() for rect in paints.rects))
    editor.viewport().removeEventFilter(paints)
    # QTextEdit's own "show the cursor" step repainted the whole view at every key in a right-to-left editor.
    assert max(heights) < editor.viewport().height() / 4, heights


@pytest.mark.parametrize("letter", ["ا", "م", "،"])
def test_a_new_paragraph_keeps_its_height_when_its_first_letter_is_typed(long_body, type_text, letter: str) -> None:
    window = long_body(Direction.RTL)
    editor = window.current_editor()
    layout = editor.document().documentLayout()
    type_text(editor, "\n")
    empty = layout.blockBoundingRect(editor.textCursor().block()).height()
    size = layout.documentSize().height()
    type_text(editor, letter)
    assert layout.blockBoundingRect(editor.textCursor().block()).height() == empty
    assert layout.documentSize().height() == size
