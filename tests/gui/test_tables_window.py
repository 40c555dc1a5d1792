"""Tables in the window: Edit > Insert a table…, the Table menu, keys in cells, undo, Arabic, Track changes.

Real windows offscreen, driven with real key events on the focused editor;
the model read back through ``ReportDocument.read()`` (the body store's flush).
"""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextTable
from PySide6.QtWidgets import QApplication, QDialog

from minutes_editor.gui import ask
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.review_comments import ReviewerNameDialog
from minutes_editor.gui.settings import Settings
from minutes_editor.gui.table_dialog import TableDialog
from minutes_editor.gui.table_text import body_items, qt_column, table_in
from minutes_editor.gui.text_marks import BLOCK_MARKS_PROPERTY
from minutes_editor.model import review
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Report,
    Section,
    SectionKind,
    Span,
    Table,
    TitleBlock,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
INSERT_TABLE = (Qt.Key.Key_T, CTRL | SHIFT | Qt.KeyboardModifier.AltModifier)


def cells(*rows: list[str], header: bool = True) -> Block:
    return Block(
        BlockKind.TABLE, [], table=Table([[[Span(text)] if text else [] for text in row] for row in rows], header)
    )


def english() -> Report:
    body = [Block(BlockKind.PARAGRAPH, [Span("Before.")]), Block(BlockKind.PARAGRAPH, [Span("After.")])]
    return Report(title=TitleBlock(meeting="Meeting"), sections=[Section(SectionKind.GENERIC, blocks=body)])


def arabic_with_table() -> Report:
    body = [
        Block(BlockKind.PARAGRAPH, [Span("قبل الجدول.")]),
        cells(["البند", "المسؤول"], ["المحضر", "أمل"]),
        Block(BlockKind.PARAGRAPH, [Span("بعد الجدول.")]),
    ]
    return Report(
        language="ar", title=TitleBlock(meeting="اجتماع"), sections=[Section(SectionKind.GENERIC, blocks=body)]
    )


@pytest.fixture
def open_report(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(report: Report) -> MainWindow:
        window = MainWindow("en", Settings(tmp_path / "settings.ini"), ReportDocument(report))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.is_complete)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


@pytest.fixture
def table_size(monkeypatch, qtbot):
    """The Insert a table dialog, answered with the keyboard: rows and columns typed, Enter pressed."""
    answers: dict[str, str] = {"rows": "2", "columns": "2"}

    def answer(dialog: TableDialog) -> int:
        for box in (dialog.rows, dialog.columns):
            box.selectAll()
            qtbot.keyClicks(box, answers[box.objectName().removeprefix("table_")])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TableDialog, "exec", answer)
    return answers


def fill(qtbot, text: str) -> None:
    """Type ``text`` into the focused editor, a tab-separated line as cells with Tab pressed between them."""
    for index, part in enumerate(text.split("\t")):
        if index:
            press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        for char in part:
            if char.isascii():
                qtbot.keyClick(widget, char)


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifiers)


def put_cursor(window: MainWindow, text: str, *, end: bool = True) -> None:
    section = window.document.report.sections[0]
    window.show_part(section)
    editor = window.current_editor()
    found = editor.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(editor.document())
    cursor.setPosition(found.selectionEnd() if end else found.selectionStart())
    editor.setTextCursor(cursor)
    editor.setFocus()


def body(window: MainWindow) -> list[Block]:
    return window.document.read().sections[0].blocks


def texts(block: Block) -> list[list[str]]:
    assert block.table is not None
    return [[block.table.cell_text(r, c) for c in range(block.table.columns)] for r in range(len(block.table.rows))]


def cell(table: QTextTable, row: int, column: int):
    """A cell by its place in reading order (a right-to-left table's columns are mirrored)."""
    return table.cellAt(row, qt_column(table, column))


def every_block(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def marked(block) -> bool:
    return bool(block.blockFormat().property(BLOCK_MARKS_PROPERTY))


def tables(window: MainWindow) -> list[QTextTable]:
    return [item for item in body_items(window.current_editor().document()) if isinstance(item, QTextTable)]


def test_insert_type_tab_between_cells_and_add_a_row(open_report, qtbot, table_size, type_text):
    window = open_report(english())
    before, after = (block.id for block in window.document.report.sections[0].blocks)
    put_cursor(window, "Before.")
    press(qtbot, *INSERT_TABLE)
    assert len(tables(window)) == 1
    editor = QApplication.focusWidget()
    assert table_in(editor.textCursor()) is not None
    fill(qtbot, "Item\tOwner\tMinutes\tAnn\tNext")  # Tab from the last cell adds a row
    blocks = body(window)
    assert [block.kind for block in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert (blocks[0].id, blocks[2].id) == (before, after)
    assert [blocks[0].plain_text, blocks[2].plain_text] == ["Before.", "After."]
    assert texts(blocks[1]) == [["Item", "Owner"], ["Minutes", "Ann"], ["Next", ""]]
    assert blocks[1].table.header
    # The table keeps its id through edits and flushes.
    table_id = blocks[1].id
    type_text(editor, " step")
    press(qtbot, Qt.Key.Key_Backtab)
    type_text(editor, "Shared")  # Shift+Tab went to the previous cell and selected its text: typing replaces it
    blocks = body(window)
    assert blocks[1].id == table_id
    assert texts(blocks[1])[1:] == [["Minutes", "Shared"], ["Next step", ""]]


def test_structure_actions_header_and_one_undo_step_each(open_report, qtbot, table_size, type_text):
    window = open_report(english())
    put_cursor(window, "Before.")
    press(qtbot, *INSERT_TABLE)
    editor = QApplication.focusWidget()
    fill(qtbot, "A\tB\tC\tD")
    actions = window.registry.actions_by_name
    actions["table_column_after"].trigger()
    assert texts(body(window)[1]) == [["A", "B", ""], ["C", "D", ""]]
    actions["table_row_above"].trigger()
    assert texts(body(window)[1]) == [["A", "B", ""], ["", "", ""], ["C", "D", ""]]
    actions["table_delete_column"].trigger()  # the cursor went to the new row, in the column it was in
    assert texts(body(window)[1]) == [["A", ""], ["", ""], ["C", ""]]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert texts(body(window)[1]) == [["A", "B", ""], ["", "", ""], ["C", "D", ""]]
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert texts(body(window)[1]) == [["A", ""], ["", ""], ["C", ""]]
    editor.setTextCursor(cell(tables(window)[0], 1, 0).firstCursorPosition())  # the empty row
    actions["table_delete_row"].trigger()
    assert texts(body(window)[1]) == [["A", ""], ["C", ""]]
    window.features.tables.update_actions()
    assert actions["table_header"].isChecked()
    actions["table_header"].trigger()
    assert not body(window)[1].table.header
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert body(window)[1].table.header
    actions["table_delete"].trigger()
    assert [block.plain_text for block in body(window)] == ["Before.", "After."]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert texts(body(window)[1]) == [["A", ""], ["C", ""]]


def test_ctrl_z_takes_a_new_table_away_and_ctrl_y_brings_it_back(open_report, qtbot, table_size, type_text):
    window = open_report(english())
    put_cursor(window, "Before.")
    press(qtbot, *INSERT_TABLE)
    fill(qtbot, "x\ty\tz\tw")
    press(qtbot, Qt.Key.Key_Tab)  # a new row
    assert len(body(window)[1].table.rows) == 3
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(body(window)[1].table.rows) == 2
    while window.document.undo_stack.canUndo():
        press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [block.kind for block in body(window)] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert not tables(window)
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert [block.kind for block in body(window)] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]


def test_enter_moves_down_paste_joins_lines_backspace_after_keeps_the_table(open_report, qtbot, table_size, type_text):
    window = open_report(english())
    put_cursor(window, "Before.")
    press(qtbot, *INSERT_TABLE)
    editor = QApplication.focusWidget()
    type_text(editor, "top")
    press(qtbot, Qt.Key.Key_Return)  # to the cell below: no second paragraph in the cell
    type_text(editor, "below")
    QGuiApplication.clipboard().setText("one\ntwo\r\nthree")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert texts(body(window)[1]) == [["top", ""], ["below", "one two three"]]
    press(qtbot, Qt.Key.Key_Return)  # from the last row: the paragraph after the table
    assert table_in(editor.textCursor()) is None
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    editor.setTextCursor(cursor)
    press(qtbot, Qt.Key.Key_Backspace)
    blocks = body(window)
    assert [block.kind for block in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert blocks[2].plain_text == "After."


def test_a_table_survives_the_model_round_trip_with_its_id(open_report, qtbot):
    report = english()
    report.sections[0].blocks.insert(1, cells(["a", "b"], ["c", "d"], header=False))
    report.sections[0].blocks.append(cells(["last"]))
    ids = [block.id for block in report.sections[0].blocks]
    window = open_report(report)
    window.show_part(window.document.report.sections[0])
    assert len(tables(window)) == 2
    read = window.document.read()
    assert read.sections[0].blocks == report.sections[0].blocks
    assert [block.id for block in read.sections[0].blocks] == ids
    again = open_report(copy.deepcopy(read))
    again.show_part(again.document.report.sections[0])
    assert again.document.read().sections[0].blocks == report.sections[0].blocks
    assert [block.id for block in again.document.read().sections[0].blocks] == ids
    assert tables(again)[0].format().headerRowCount() == 0


def test_arabic_cells_read_right_to_left(open_report, qtbot, type_text):
    window = open_report(arabic_with_table())
    window.show_part(window.document.report.sections[0])
    editor = window.current_editor()
    [table] = tables(window)
    assert table.format().layoutDirection() == Qt.LayoutDirection.RightToLeft
    first = editor.cursorRect(cell(table, 0, 0).firstCursorPosition())
    second = editor.cursorRect(cell(table, 0, 1).firstCursorPosition())
    assert first.left() > second.left()  # the first column is on the right
    assert cell(table, 0, 0).firstCursorPosition().block().text() == "البند"
    assert cell(table, 0, 0).firstCursorPosition().block().textDirection() == Qt.LayoutDirection.RightToLeft
    editor.setTextCursor(cell(table, 1, 0).lastCursorPosition())
    editor.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # in reading order: from the right-hand cell to the one on its left
    press(qtbot, Qt.Key.Key_End)
    type_text(editor, " ورنا")
    assert texts(body(window)[1]) == [["البند", "المسؤول"], ["المحضر", "أمل ورنا"]]


@pytest.fixture
def name_asked(monkeypatch, type_text):
    def answer(dialog: ReviewerNameDialog) -> int:
        dialog.name.selectAll()
        type_text(dialog.name, "Amal")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReviewerNameDialog, "exec", answer)


def test_tracked_new_table_is_proposed_inserted_and_editable(open_report, qtbot, table_size, type_text, name_asked):
    window = open_report(english())
    put_cursor(window, "Before.")
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)  # Track changes on
    assert window.document.tracked_by == "Amal"
    press(qtbot, *INSERT_TABLE)
    fill(qtbot, "a\tb\tc\td\te")
    press(qtbot, Qt.Key.Key_Backspace)
    blocks = body(window)
    table = blocks[1]
    assert table.inserted is not None
    assert table.inserted.author == "Amal"
    assert texts(table) == [["a", "b"], ["c", "d"], ["", ""]]
    assert all(not span.inserted for row in table.table.rows for cell in row for span in cell)
    report = window.document.read()
    assert review.accepted(report).sections[0].blocks[1].table == table.table
    assert [block.kind for block in review.rejected(report).sections[0].blocks] == [BlockKind.PARAGRAPH] * 2
    assert window.features.review.decide_all(accept=True)  # in the window: the table stays, settled, with its cells
    blocks = body(window)
    assert blocks[1].inserted is None
    assert texts(blocks[1]) == [["a", "b"], ["c", "d"], ["", ""]]
    assert tables(window)[0].format().background().style() == Qt.BrushStyle.NoBrush


def test_tracked_edit_of_an_existing_table_is_refused(open_report, qtbot, type_text, name_asked):
    window = open_report(arabic_with_table())
    window.show_part(window.document.report.sections[0])
    editor = window.current_editor()
    [table] = tables(window)
    editor.setTextCursor(cell(table, 1, 1).lastCursorPosition())
    editor.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    type_text(editor, "x")
    press(qtbot, Qt.Key.Key_Backspace)
    window.registry.actions_by_name["table_row_below"].trigger()
    assert texts(body(window)[1]) == [["البند", "المسؤول"], ["المحضر", "أمل"]]
    assert body(window)[1].inserted is None
    assert "only a table you inserted" in window.statusBar().currentMessage()
    assert editor.isReadOnly()
    press(qtbot, Qt.Key.Key_Tab)  # moving between cells still works
    assert table.cellAt(editor.textCursor()).row() == 1
    # Leaving the table, the text is editable (and tracked) again.
    cursor = editor.textCursor()
    cursor.setPosition(table.lastPosition() + 1)
    editor.setTextCursor(cursor)
    assert not editor.isReadOnly()
    press(qtbot, Qt.Key.Key_Backspace)  # at the start of the paragraph after the table: nothing to join
    assert [block.deleted for block in body(window)] == [None] * 3
    assert not any(marked(block) for block in every_block(editor.document()))  # nor a cell's end marked deleted
    assert texts(body(window)[1]) == [["البند", "المسؤول"], ["المحضر", "أمل"]]
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)  # off
    editor.setTextCursor(cell(table, 1, 1).lastCursorPosition())
    type_text(editor, "!")
    assert texts(body(window)[1])[1] == ["المحضر", "أمل!"]


def test_the_dialog_asks_rows_and_columns_with_the_keyboard(open_report, qtbot, monkeypatch):
    window = open_report(english())
    put_cursor(window, "After.", end=False)
    seen: list[tuple[int, int, bool]] = []

    def answer(dialog: TableDialog) -> int:
        seen.append(dialog.table_size())  # the defaults
        qtbot.keyClicks(dialog.rows, "4")  # the rows' number is selected: typing replaces it
        qtbot.keyClick(dialog.columns, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.columns, "1")
        qtbot.keyClick(dialog.header, Qt.Key.Key_Space)  # the header row off
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TableDialog, "exec", answer)
    window.registry.actions_by_name["insert_table"].trigger()
    assert seen == [(3, 3, True)]
    blocks = body(window)
    # At the start of a paragraph, the table goes before it and the paragraph keeps its id.
    assert [block.kind for block in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert blocks[2].id == window.document.report.sections[0].blocks[2].id
    assert texts(blocks[1]) == [[""]] * 4
    assert not blocks[1].table.header


def test_places_and_replace_find_the_paragraph_after_a_table(open_report, qtbot):
    from minutes_editor.gui.find_replace import replace_in_window
    from minutes_editor.gui.places import go_to
    from minutes_editor.model import search
    from minutes_editor.model.search import Query
    from minutes_editor.storage.presets import load_preset

    report = english()
    report.sections[0].blocks.insert(1, cells(["After.", "x"], ["y", "z"]))
    window = open_report(report)
    assert go_to(window, "sections[0].blocks[2]", 0, 5)
    editor = window.current_editor()
    assert editor.textCursor().selectedText() == "After"
    assert table_in(editor.textCursor()) is None
    query = Query("After")
    replacements = search.find_replacements(window.report, query, "Later", preset=load_preset("en"))
    assert replace_in_window(window, replacements, "Replace all") == 2  # the paragraph and the first cell
    blocks = body(window)
    assert blocks[2].plain_text == "Later."
    assert texts(blocks[1]) == [["Later.", "x"], ["y", "z"]]
    window.undo()
    assert texts(body(window)[1]) == [["After.", "x"], ["y", "z"]]
    assert body(window)[2].plain_text == "After."


def test_a_comment_after_a_table_stands_on_its_paragraph(open_report, qtbot, type_text, name_asked):
    report = english()
    report.sections[0].blocks.insert(1, cells(["a", "b"], ["c", "d"]))
    window = open_report(report)
    put_cursor(window, "After", end=False)
    press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT)
    assert window.current_editor().textCursor().selectedText().startswith("After")
    press(qtbot, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.AltModifier)
    pane = window.features.review.pane
    type_text(pane.composer_text, "Why?")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    comment = window.report.comments[-1]
    blocks = window.report.sections[0].blocks
    assert blocks[2].content[0].comments == (comment.id,)
    assert texts(blocks[1]) == [["a", "b"], ["c", "d"]]
    assert not any(span.comments for row in blocks[1].table.rows for cell in row for span in cell)


def test_a_tracked_deletion_of_a_table_is_proposed(open_report, qtbot, name_asked):
    window = open_report(arabic_with_table())
    window.show_part(window.document.report.sections[0])
    editor = window.current_editor()
    [table] = tables(window)
    editor.setTextCursor(cell(table, 0, 0).firstCursorPosition())
    editor.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    window.registry.actions_by_name["table_delete"].trigger()
    blocks = body(window)
    assert blocks[1].deleted is not None
    assert blocks[1].deleted.author == "Amal"
    assert table.format().background().color().alpha() > 0  # tinted in the author's colour
    report = window.document.read()
    assert [block.kind for block in review.accepted(report).sections[0].blocks] == [BlockKind.PARAGRAPH] * 2
    assert review.rejected(report).sections[0].blocks[1].table == blocks[1].table
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert body(window)[1].deleted is None
    press(qtbot, Qt.Key.Key_Y, CTRL)
    # Accept all in the window: the table goes from the model and from the editor; Ctrl+Z brings it back.
    assert window.features.review.decide_all(accept=True)
    assert [block.kind for block in body(window)] == [BlockKind.PARAGRAPH] * 2
    assert not tables(window)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert body(window)[1].deleted is not None
    assert len(tables(window)) == 1


def test_a_footnote_is_refused_in_a_cell_and_nothing_changes(open_report, qtbot, type_text):
    report = english()
    report.sections[0].blocks.insert(1, cells(["a", "b"], ["c", "d"]))
    window = open_report(report)
    put_cursor(window, "After.")
    editor = window.current_editor()
    table = tables(window)[0]
    editor.setTextCursor(cell(table, 1, 0).lastCursorPosition())
    before = window.document.read()
    notes = list(before.footnotes)
    press(qtbot, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.AltModifier)  # Insert a footnote
    assert "cannot go in a table" in window.statusBar().currentMessage()
    after = window.document.read()
    assert after.footnotes == notes
    assert texts(after.sections[0].blocks[1]) == [["a", "b"], ["c", "d"]]
    # Beside the table it goes in as ever.
    put_cursor(window, "After.")
    press(qtbot, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.AltModifier)
    assert len(window.document.read().footnotes) == len(notes) + 1
