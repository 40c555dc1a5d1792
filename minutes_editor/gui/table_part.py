"""Tables in the body editors: Edit > Insert a table…, the Table menu, and the keys inside a table.

``install_tables(view)`` adds the actions through the registry (the shortcuts
table names them) and watches both body editors. Inside a table Tab moves to
the next cell and Shift+Tab to the previous one; Tab in the last cell adds a
row, as in Word. A cell is one paragraph of the model, so Enter moves to the
cell below (from the last row, to the paragraph after the table) and a paste
of several lines joins them with spaces. Every change of a table is one edit
block of the body's document, hence one step of the report's undo stack.

While Track changes is on, a reviewer's change to a table is the table
proposed whole: a table inserted then is marked inserted by the user (its
grid and ground in their colour, gui/table_text.py), and the user edits the
cells and rows of such a table of their own freely. Any other table is
read-only while tracking (the status bar says why), and so is a selection
reaching into or across a table, since a tracked deletion cannot mark part of
a table; Table > Delete the table proposes such a table deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor, QTextLength, QTextTable
from PySide6.QtWidgets import QTextEdit

from minutes_editor.gui.shortcuts import shortcut
from minutes_editor.gui.table_dialog import TableDialog
from minutes_editor.gui.table_text import (
    at_position,
    cell_block_format,
    qt_column,
    selection_tables,
    show_table_marks,
    table_in,
    table_marks,
    write_table,
)
from minutes_editor.gui.text_marks import BLOCK_ID_PROPERTY, BLOCK_MARKS_PROPERTY, block_marks_text
from minutes_editor.gui.tracked_keys import typed_text
from minutes_editor.model.report import Block, BlockKind, Direction, Span, Table, new_id
from minutes_editor.model.rules import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS
from minutes_editor.model.tracking import is_mine

if TYPE_CHECKING:
    from minutes_editor.gui.body_editor import BodyEditor
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.report import Change

# How long the status bar shows why a table cannot be changed.
MESSAGE_MS = 5000
# The Table menu's actions after Insert a table…, ``None`` for a separator.
STRUCTURE_ACTIONS = (
    "table_row_above",
    "table_row_below",
    "table_column_before",
    "table_column_after",
    None,
    "table_delete_row",
    "table_delete_column",
    "table_delete",
    None,
    "table_header",
)
_MOVE_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter})
_WATCHED_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.DragEnter, QEvent.Type.Drop, QEvent.Type.ContextMenu, QEvent.Type.InputMethod}
)
# Modifiers that leave Tab, Shift+Tab and Enter moving between cells.
_MOVE_MODIFIERS = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier


class TablePart(QObject):
    """The table actions of one window and the keys of its body editors inside tables."""

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.editors: list[BodyEditor] = [panel.editor for panel in (view.section_page.body, view.session_page.body)]
        self.actions: dict[str, QAction] = {}
        registry = view.registry
        registry.insert_menu("table", self.tr("T&able"), before="report")
        handlers = {
            "insert_table": self.insert_table,
            "table_row_above": lambda: self.insert_row(below=False),
            "table_row_below": lambda: self.insert_row(below=True),
            "table_column_before": lambda: self.insert_column(after=False),
            "table_column_after": lambda: self.insert_column(after=True),
            "table_delete_row": self.delete_row,
            "table_delete_column": self.delete_column,
            "table_delete": self.delete_table,
            "table_header": self.toggle_header,
        }
        for name in ("insert_table", None, *STRUCTURE_ACTIONS):
            if name is None:
                registry.add_separator("table")
                continue
            action = QAction(shortcut(name).label(), window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts(shortcut(name).sequences())
            action.triggered.connect(lambda _checked=False, handler=handlers[name]: handler())
            registry.add(name, action, "table")
            self.actions[name] = action
        self.actions["table_header"].setCheckable(True)
        # Also beside the other insertions of the Edit menu.
        registry.menu("edit").addAction(self.actions["insert_table"])
        registry.menu("table").aboutToShow.connect(self.update_actions)
        # The editors and their viewports, by id: an event may come while an editor is being deleted.
        self._watched: dict[int, BodyEditor] = {}
        for editor in self.editors:
            for watched in (editor, editor.viewport()):
                watched.installEventFilter(self)
                self._watched[id(watched)] = editor
            editor.destroyed.connect(lambda _gone=None: self._watched.clear())
            editor.cursorPositionChanged.connect(lambda editor=editor: self._moved(editor))
            editor.selectionChanged.connect(lambda editor=editor: self._guard(editor))
        self.update_actions()

    # ---------------------------------------------------------- where the cursor is

    def editor(self) -> BodyEditor | None:
        """The body editor of the shown page, if a body is shown."""
        editor = self.view.current_editor()
        return editor if editor is not None and editor.owner is not None else None

    def current_table(self) -> tuple[BodyEditor, QTextCursor, QTextTable] | None:
        """The shown editor, its cursor and the table holding it, or None outside a table."""
        editor = self.editor()
        if editor is None:
            return None
        cursor = editor.textCursor()
        table = table_in(cursor)
        return None if table is None else (editor, cursor, table)

    def _direction(self) -> Direction:
        return self.view.document.report.direction

    def update_actions(self) -> None:
        """Enable the structure actions inside a table, and check Header row as the table has one."""
        found = self.current_table()
        for name in STRUCTURE_ACTIONS:
            if name is not None:
                self.actions[name].setEnabled(found is not None)
        header = found is not None and found[2].format().headerRowCount() > 0
        self.actions["table_header"].setChecked(header)

    def _moved(self, editor: BodyEditor) -> None:
        self._guard(editor)
        inside = table_in(editor.textCursor()) is not None
        if inside != self.actions["table_delete"].isEnabled():
            self.update_actions()

    # ---------------------------------------------------------- tracking

    def refusal(self, editor: BodyEditor) -> str:
        """Why the selection of ``editor`` cannot be edited now ("" when it can)."""
        me = editor.tracking() if editor.tracking is not None else None
        if me is None:
            return ""
        table, crossing = selection_tables(editor.textCursor())
        if crossing:
            return self.tr("While changes are tracked, select text outside a table or inside one table only")
        if table is not None and not self.own_table(table, me):
            return self.tr(
                "While changes are tracked, only a table you inserted can be edited (turn Track changes off to edit it)"
            )
        return ""

    @staticmethod
    def own_table(table: QTextTable, me: Change) -> bool:
        """Whether a table is the user's own proposed insertion (which tracking lets them edit as they like)."""
        inserted, deleted = table_marks(table)
        return deleted is None and is_mine(inserted, me)

    def _guard(self, editor: BodyEditor) -> bool:
        """Make ``editor`` read-only where an edit is refused (see the module docstring); True if it is."""
        refused = bool(self.refusal(editor))
        if refused != editor.isReadOnly():
            editor.setReadOnly(refused)
            if refused:
                # Still a cursor to move and select with: the keys leave the table as usual.
                editor.setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
                )
        return refused

    def _refuse(self, editor: BodyEditor) -> bool:
        message = self.refusal(editor)
        if message:
            self.view.as_window().statusBar().showMessage(message, MESSAGE_MS)
        return bool(message)

    # ---------------------------------------------------------- keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab, Shift+Tab, Enter and paste inside a table; refused edits while tracking."""
        kind = event.type()
        if kind not in _WATCHED_EVENTS:
            return False
        editor = self._watched.get(id(watched))
        if editor is None or editor.owner is None:
            return False
        if kind != QEvent.Type.KeyPress:
            self._guard(editor)
            return False
        if not isinstance(event, QKeyEvent):
            return False
        cursor = editor.textCursor()
        table = table_in(cursor)
        refused = self._guard(editor)
        moving = table is not None and event.key() in _MOVE_KEYS and not event.modifiers() & ~_MOVE_MODIFIERS
        if refused and not moving and (typed_text(event) or _edits(event)):
            self._refuse(editor)
            return True
        if table is None:
            return self._beside_table(editor, event)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            self.next_cell(editor, table)
            return True
        if key == Qt.Key.Key_Backtab:
            self.previous_cell(editor, table)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            self.cell_below(editor, table)
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_in_cell(editor)
            return True
        return False

    def _beside_table(self, editor: BodyEditor, event: QKeyEvent) -> bool:
        """Backspace just after a table and Delete just before one do nothing (tracked, they would join a cell)."""
        cursor = editor.textCursor()
        if cursor.hasSelection() or editor.tracked() is None:
            return False
        if event.key() == Qt.Key.Key_Backspace and cursor.atBlockStart():
            neighbour = cursor.position() - 1
        elif event.matches(QKeySequence.StandardKey.Delete) and cursor.atBlockEnd():
            neighbour = cursor.position() + 1
        else:
            return False
        return neighbour >= 0 and table_in(at_position(editor.document(), neighbour)) is not None

    def next_cell(self, editor: BodyEditor, table: QTextTable) -> None:
        """Move to the next cell in reading order; from the last one, add a row and move into it (as Word does)."""
        cell = table.cellAt(editor.textCursor())
        row, column = cell.row(), qt_column(table, cell.column()) + 1
        if column >= table.columns():
            row, column = row + 1, 0
        if row >= table.rows():
            if self._refuse(editor) or table.rows() >= MAX_TABLE_ROWS:
                return
            cursor = editor.textCursor()
            cursor.beginEditBlock()
            table.appendRows(1)
            self._format_row(table, table.rows() - 1)
            cursor.endEditBlock()
        self._to_cell(editor, table, row, column)

    def previous_cell(self, editor: BodyEditor, table: QTextTable) -> None:
        """Move to the previous cell (nothing before the first)."""
        cell = table.cellAt(editor.textCursor())
        row, column = cell.row(), qt_column(table, cell.column()) - 1
        if column < 0:
            row, column = row - 1, table.columns() - 1
        if row >= 0:
            self._to_cell(editor, table, row, column)

    def cell_below(self, editor: BodyEditor, table: QTextTable) -> None:
        """Enter: the cell below (a cell is one paragraph); from the last row, the paragraph after the table."""
        cell = table.cellAt(editor.textCursor())
        if cell.row() + 1 < table.rows():
            self._to_cell(editor, table, cell.row() + 1, qt_column(table, cell.column()))
            return
        cursor = editor.textCursor()
        cursor.setPosition(table.lastPosition() + 1)
        editor.setTextCursor(cursor)

    @staticmethod
    def _to_cell(editor: BodyEditor, table: QTextTable, row: int, column: int) -> None:
        cell = table.cellAt(row, qt_column(table, column))
        cursor = cell.lastCursorPosition()
        cursor.setPosition(cell.firstCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)  # the cell's text selected, as Word's Tab does
        editor.ensureCursorVisible()

    def paste_in_cell(self, editor: BodyEditor) -> None:
        """Paste plain text into a cell, its lines joined by spaces (a cell is one paragraph)."""
        if self._refuse(editor):
            return
        text = QGuiApplication.clipboard().text()
        joined = " ".join(part.strip() for part in text.replace("\u2029", "\n").splitlines() if part.strip())
        cursor = editor.textCursor()
        fmt = cursor.charFormat()
        if fmt.objectType() != 0:
            fmt = type(fmt)()
        cursor.insertText(joined, fmt)
        editor.setTextCursor(cursor)

    # ---------------------------------------------------------- actions

    def insert_table(self) -> bool:
        """Ask the size and put a new table at the cursor (proposed inserted while tracking); True if done."""
        editor = self.editor()
        if editor is None:
            return False
        if table_in(editor.textCursor()) is not None:
            self.view.as_window().statusBar().showMessage(self.tr("A table cannot go inside a table"), MESSAGE_MS)
            return False
        size, accepted = TableDialog.ask(self.view.as_window())
        if not accepted:
            return False
        me = editor.tracked()
        rows: list[list[list[Span]]] = [[[] for _column in range(size.columns)] for _row in range(size.rows)]
        block = Block(BlockKind.TABLE, [], table=Table(rows, header=size.header), inserted=me)
        self.put_table(editor, block)
        return True

    def put_table(self, editor: QTextEdit, block: Block) -> QTextTable:
        """Put a table block at the cursor of ``editor`` as one undo step; the cursor goes to its first cell."""
        cursor = editor.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        # Split at the start of a paragraph, the paragraph goes after the table and keeps its id.
        at_start = cursor.atBlockStart() and cursor.block().length() > 1
        kept = cursor.block()
        table = write_table(cursor, block, self._direction())
        after = cursor.block()
        if at_start:
            QTextCursor(after).setBlockFormat(kept.blockFormat())
            before = QTextCursor(editor.document())
            before.setPosition(table.firstPosition() - 1)
            fmt = before.blockFormat()
            fmt.setProperty(BLOCK_ID_PROPERTY, new_id())
            before.setBlockFormat(fmt)
        cursor.endEditBlock()
        editor.setTextCursor(table.cellAt(0, 0).firstCursorPosition())
        editor.ensureCursorVisible()
        return table

    def _structure(self) -> tuple[BodyEditor, QTextCursor, QTextTable] | None:
        found = self.current_table()
        if found is None or self._refuse(found[0]):
            return None
        return found

    def _format_row(self, table: QTextTable, row: int) -> None:
        header = table.format().headerRowCount() > 0 and row == 0
        for column in range(table.columns()):
            table.cellAt(row, column).firstCursorPosition().setBlockFormat(cell_block_format(self._direction(), header))

    def insert_row(self, *, below: bool) -> None:
        """Insert a row above or below the cursor's."""
        found = self._structure()
        if found is None:
            return
        editor, cursor, table = found
        if table.rows() >= MAX_TABLE_ROWS:
            return
        row = table.cellAt(cursor).row() + (1 if below else 0)
        cursor.beginEditBlock()
        table.insertRows(row, 1)
        self._format_row(table, row)
        cursor.endEditBlock()
        self._to_cell(editor, table, row, qt_column(table, table.cellAt(editor.textCursor()).column()))

    def insert_column(self, *, after: bool) -> None:
        """Insert a column before or after the cursor's (before and after in reading order)."""
        found = self._structure()
        if found is None:
            return
        editor, cursor, table = found
        if table.columns() >= MAX_TABLE_COLUMNS:
            return
        cell = table.cellAt(cursor)
        here = (cell.row(), qt_column(table, cell.column()) + (0 if after else 1))
        # The new column's place in reading order, then in the QTextTable (mirrored in a right-to-left report).
        column = qt_column(table, cell.column()) + (1 if after else 0)
        column = qt_column(table, column, table.columns() + 1)
        cursor.beginEditBlock()
        table.insertColumns(column, 1)
        for row in range(table.rows()):
            header = table.format().headerRowCount() > 0 and row == 0
            table.cellAt(row, column).firstCursorPosition().setBlockFormat(cell_block_format(self._direction(), header))
        self._even_columns(table)
        cursor.endEditBlock()
        self._to_cell(editor, table, *here)  # the cursor stays in its cell (Qt moves it along an insertion)

    def delete_row(self) -> None:
        """Delete the cursor's row (the last row deletes the table)."""
        found = self._structure()
        if found is None:
            return
        _editor, cursor, table = found
        if table.rows() == 1:
            self.delete_table()
            return
        cursor.beginEditBlock()
        table.removeRows(table.cellAt(cursor).row(), 1)
        cursor.endEditBlock()

    def delete_column(self) -> None:
        """Delete the cursor's column (the last column deletes the table)."""
        found = self._structure()
        if found is None:
            return
        _editor, cursor, table = found
        if table.columns() == 1:
            self.delete_table()
            return
        cursor.beginEditBlock()
        table.removeColumns(table.cellAt(cursor).column(), 1)
        self._even_columns(table)
        cursor.endEditBlock()

    def delete_table(self) -> None:
        """Delete the table holding the cursor (while tracking, propose it deleted); the cursor goes where it was."""
        found = self.current_table()
        if found is not None and self._propose_deleted(*found):
            return
        found = self._structure()
        if found is None:
            return
        editor, cursor, table = found
        cursor.beginEditBlock()
        position = table.firstPosition() - 1
        table.removeRows(0, table.rows())
        cursor.endEditBlock()
        cursor.setPosition(max(position, 0))
        editor.setTextCursor(cursor)

    def _propose_deleted(self, editor: BodyEditor, cursor: QTextCursor, table: QTextTable) -> bool:
        """While tracking, mark another's table deleted by the user (True), as Word's tracked table deletion."""
        me = editor.tracking() if editor.tracking is not None else None
        if me is None or self.own_table(table, me):
            return False
        inserted, deleted = table_marks(table)
        if deleted is None:
            marked = Block(BlockKind.TABLE, [], table=Table([[[]]]), inserted=inserted, deleted=me)
            fmt = table.format()
            fmt.setProperty(BLOCK_MARKS_PROPERTY, block_marks_text(marked))
            show_table_marks(fmt)
            cursor.beginEditBlock()
            table.setFormat(fmt)
            cursor.endEditBlock()
        return True

    def toggle_header(self) -> None:
        """Make the first row a header row, or an ordinary one."""
        found = self._structure()
        if found is None:
            self.update_actions()
            return
        _editor, cursor, table = found
        fmt = table.format()
        header = fmt.headerRowCount() == 0
        cursor.beginEditBlock()
        fmt.setHeaderRowCount(1 if header else 0)
        table.setFormat(fmt)
        self._format_row(table, 0)
        cursor.endEditBlock()
        self.actions["table_header"].setChecked(header)

    @staticmethod
    def _even_columns(table: QTextTable) -> None:
        fmt = table.format()
        columns = table.columns()
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns)
        show_table_marks(fmt)
        table.setFormat(fmt)


def _edits(event: QKeyEvent) -> bool:
    """Whether a key without text changes text: Backspace, Delete, Enter, cut, paste."""
    return (
        event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        or event.matches(QKeySequence.StandardKey.Cut)
        or event.matches(QKeySequence.StandardKey.Paste)
        or event.matches(QKeySequence.StandardKey.DeleteStartOfWord)
        or event.matches(QKeySequence.StandardKey.DeleteEndOfWord)
    )


def install_tables(view: EditorView) -> TablePart:
    """Add tables to ``view``: the actions, the Table menu and the keys inside tables."""
    return TablePart(view)
