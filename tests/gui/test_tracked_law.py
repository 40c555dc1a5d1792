"""The law of tracking over random key scripts: accepted(tracked edit) = the untracked edit, rejected = before.

Two body editors hold the same body; one tracks (Track changes on), the other
does not. The same script of real key events goes to both: typing (Latin and
Arabic), Backspace, Delete, Enter, Shift+Enter, Tab and Shift+Tab, Ctrl+B, I and
U, the paragraph, bullet and label keys, and copy, cut and paste of a stretch of
one paragraph (each editor pastes what the untracked one copied last: the same
visible text; Qt types the paragraphs of a paste of several its own way).
Placing the cursor or a selection is by offset in the visible text (deleted
text left out, as the accepted text has it): the arrow keys step through
deleted text in the tracking editor, so the same presses would land
elsewhere. The edits are keys.
After each step the tracking editor's visible text is the other's text. (The
Arabic has no combining marks: Qt's cursor inside a letter and its mark, where
Backspace can leave it, moves by rules of its own.)
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from minutes_editor.gui.body_editor import BodyEditor
from minutes_editor.gui.rich_text import normalise_blocks
from minutes_editor.gui.table_text import body_to_document, document_to_body
from minutes_editor.gui.tracked_text import end_deleted, is_deleted
from minutes_editor.model import review
from minutes_editor.model.report import Block, BlockKind, Change, Direction, Report, Section, SectionKind, Span

ME = Change("Amal", dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC))
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Pane(QWidget):
    """A body editor with the window's format keys, as the window gives them (Ctrl+B, Ctrl+0, ...)."""

    def __init__(self, blocks: list[Block], direction: Direction, tracking: bool) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.editor = BodyEditor()
        layout.addWidget(self.editor)
        document = QTextDocument(self.editor)
        body_to_document(document, blocks, direction)
        self.editor.setDocument(document)
        self.editor.tracking = (lambda: ME) if tracking else None
        keys = {
            "Ctrl+B": self.editor.toggle_bold,
            "Ctrl+I": self.editor.toggle_italic,
            "Ctrl+U": self.editor.toggle_underline,
            "Ctrl+0": lambda: self.editor.set_kind(BlockKind.PARAGRAPH),
            "Ctrl+Shift+L": lambda: self.editor.set_kind(BlockKind.BULLET),
            "Ctrl+Shift+B": lambda: self.editor.set_kind(BlockKind.LABEL),
        }
        for key, handler in keys.items():
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            self.addAction(action)

    def report(self) -> Report:
        return Report(sections=[Section(SectionKind.GENERIC, blocks=document_to_body(self.editor.document()))])


def boundaries(document: QTextDocument) -> tuple[str, list[int]]:
    """The visible text (paragraph ends as "\\n") and the position just after each of its characters (0 first)."""
    text: list[str] = []
    positions = [0]
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            if not is_deleted(fragment.charFormat()):
                for index, char in enumerate(fragment.text()):
                    text.append(char)
                    positions.append(fragment.position() + index + 1)
        if block.next().isValid() and not end_deleted(block):
            text.append("\n")
            positions.append(block.next().position())
        block = block.next()
    return "".join(text), positions


def body(report: Report) -> list[Block]:
    return normalise_blocks(report.sections[0].blocks)


KEYS = {
    "backspace": (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    "delete": (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    "enter": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    "backtab": (Qt.Key.Key_Backtab, SHIFT),
    "bold": (Qt.Key.Key_B, CTRL),
    "italic": (Qt.Key.Key_I, CTRL),
    "underline": (Qt.Key.Key_U, CTRL),
    "line_break": (Qt.Key.Key_Return, SHIFT),
    "paste": (Qt.Key.Key_V, CTRL),
    "paragraph": (Qt.Key.Key_0, CTRL),
    "bullet": (Qt.Key.Key_L, CTRL | SHIFT),
    "label": (Qt.Key.Key_B, CTRL | SHIFT),
}

steps = st.one_of(
    st.tuples(st.just("place"), st.floats(0, 1)),
    st.tuples(st.just("select"), st.floats(0, 1), st.floats(0, 1)),
    st.tuples(st.just("type"), st.sampled_from(["x", "ab", " ", "yes no", "سلام", "ب"])),
    st.tuples(st.just("key"), st.sampled_from(sorted(KEYS))),
    st.tuples(st.just("key"), st.sampled_from(["backspace", "delete", "enter"])),
    st.tuples(st.sampled_from(["copy", "cut"]), st.floats(0, 1), st.floats(0, 1)),
)

START = [
    Block(BlockKind.LABEL, [Span("Lead: ")]),
    Block(BlockKind.PARAGRAPH, [Span("One "), Span("two", bold=True), Span(" three.")]),
    Block(BlockKind.BULLET, [Span("first point")]),
    Block(BlockKind.BULLET, [Span("deeper", italic=True)], level=2),
    Block(BlockKind.PARAGRAPH, [Span("رحب الرئيس بالوفود.")]),
]


def run(pane: Pane, step: tuple, type_text) -> None:  # type: ignore[type-arg]
    editor = pane.editor
    editor.setFocus()
    _text, positions = boundaries(editor.document())
    kind = step[0]
    if kind in ("place", "select"):
        cursor = editor.textCursor()
        first = positions[round(step[1] * (len(positions) - 1))]
        cursor.setPosition(first)
        if kind == "select":
            cursor.setPosition(positions[round(step[2] * (len(positions) - 1))], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    elif kind in ("copy", "cut"):
        # A stretch of one paragraph: Qt gives the paragraphs of a paste of several types of its own.
        text, _positions = boundaries(editor.document())
        first = round(step[1] * len(text))
        paragraph_end = text.find("\n", first)
        last = first + round(step[2] * ((len(text) if paragraph_end < 0 else paragraph_end) - first))
        cursor = editor.textCursor()
        cursor.setPosition(positions[first])
        cursor.setPosition(positions[last], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        QTest.keyClick(editor, Qt.Key.Key_C if kind == "copy" else Qt.Key.Key_X, CTRL)
    elif kind == "type":
        type_text(editor, step[1])
    else:
        key, modifiers = KEYS[step[1]]
        QTest.keyClick(editor, key, modifiers)


@pytest.fixture
def panes(qtbot):
    made: list[Pane] = []

    def make(blocks: list[Block], direction: Direction = Direction.LTR) -> tuple[Pane, Pane]:
        pair = (Pane(blocks, direction, tracking=True), Pane(blocks, direction, tracking=False))
        for pane in pair:
            qtbot.addWidget(pane)
            pane.show()
            made.append(pane)
        return pair

    return make


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=st.lists(steps, min_size=1, max_size=24), rtl=st.booleans())
def test_accepting_a_tracked_edit_gives_the_untracked_edit_and_rejecting_it_the_text_before(
    panes, type_text, script, rtl
) -> None:
    tracked, plain = panes(START, Direction.RTL if rtl else Direction.LTR)
    original = tracked.report()
    for step in script:
        for pane in (tracked, plain):
            pane.activateWindow()
            run(pane, step, type_text)
        assert boundaries(tracked.editor.document())[0] == boundaries(plain.editor.document())[0], step
    result = tracked.report()
    assert body(review.accepted(result)) == body(plain.report())
    assert body(review.rejected(result)) == body(original)
    for pane in (tracked, plain):
        pane.close()
        pane.deleteLater()
