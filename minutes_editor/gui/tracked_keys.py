"""The keys of a body editor while Track changes is on: typing, Backspace, Delete, cut, each a tracked edit.

``tracked_key`` answers the keys that change text (gui/tracked_text.py does
the change); every other key (movement, selection, copy) is left to Qt. Enter,
Tab and the format keys are the body editor's own, which asks the same module.
Backspace and Delete are logical in Qt, in right-to-left text too: Backspace
takes the character before the cursor in reading order, whichever side of the
screen it is on, and so does the tracked Backspace.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QTextEdit

from minutes_editor.gui.rich_text import LINE_SEPARATOR
from minutes_editor.gui.tracked_insert import insert_text
from minutes_editor.gui.tracked_text import delete_next, delete_previous, delete_selection
from minutes_editor.model.report import Change

_KEY = QKeySequence.StandardKey
_WORD_KEYS = {
    _KEY.DeleteStartOfWord: QTextCursor.MoveOperation.PreviousWord,
    _KEY.DeleteEndOfWord: QTextCursor.MoveOperation.NextWord,
    _KEY.DeleteCompleteLine: QTextCursor.MoveOperation.EndOfLine,
}


def typed_text(event: QKeyEvent) -> str:
    """The text a key event types ("" for a shortcut or a control key), as Qt's text control accepts it."""
    text = event.text()
    modifiers = event.modifiers()
    control = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
    if not text or (control and not modifiers & Qt.KeyboardModifier.AltModifier):
        return ""
    return text if all(char.isprintable() or char == LINE_SEPARATOR for char in text) else ""


def tracked_key(editor: QTextEdit, event: QKeyEvent, me: Change) -> bool:
    """Make the edit a key asks for as a tracked change by ``me``; False for a key that edits nothing here."""
    cursor = editor.textCursor()
    if event.matches(_KEY.Cut):
        if cursor.hasSelection():
            editor.copy()
            delete_selection(cursor, me)
    elif event.key() == Qt.Key.Key_Backspace and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
        if cursor.hasSelection():
            delete_selection(cursor, me, to_start=True)
        else:
            delete_previous(cursor, me)
    elif event.matches(_KEY.Delete):
        if cursor.hasSelection():
            delete_selection(cursor, me)
        else:
            delete_next(cursor, me)
    elif (move := next((move for key, move in _WORD_KEYS.items() if event.matches(key)), None)) is not None:
        if not cursor.hasSelection():
            if move is QTextCursor.MoveOperation.EndOfLine:
                cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
            cursor.movePosition(move, QTextCursor.MoveMode.KeepAnchor)
        if cursor.hasSelection():
            delete_selection(cursor, me, to_start=move is QTextCursor.MoveOperation.PreviousWord)
    elif event.matches(_KEY.InsertLineSeparator):
        insert_text(cursor, LINE_SEPARATOR, me)
    elif text := typed_text(event):
        insert_text(cursor, text, me)
    else:
        return False
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    return True
