"""Tables and action items in a shared room: one window makes them with its keys, the other has them, typing merges.

Two real windows (offscreen) joined to one room of a real relay process, as
in tests/gui/test_coedit.py: Amira inserts a table (Ctrl+Alt+Shift+T, the
dialog's Enter) and types into its cells with Tab, then makes an action item
(Ctrl+Shift+I) and gives it an owner (F4); Bruno's window shows both, and
both type into the same cell at once and keep their letters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minutes_editor.gui.table_dialog import TableDialog
from minutes_editor.gui.table_text import body_items, qt_column
from minutes_editor.model.report import BlockKind
from tests.gui.test_coedit import WAIT_MS, _editor_at_end_of, _pair, _same, relay, windows  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def _table_of(window):
    [table] = [block for block in window.document.read().sections[0].blocks if block.kind is BlockKind.TABLE]
    return table.table


def test_a_table_and_an_action_item_made_in_one_window_reach_the_other_and_cell_typing_merges(
    qtbot,
    windows,  # noqa: F811
    relay,  # noqa: F811
    tmp_path: Path,
) -> None:
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    editor_a = _editor_at_end_of(amira, amira.report.sections[0], 0)
    QTest.keyClick(editor_a, Qt.Key.Key_Return)
    amira.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is amira)

    def answer_dialog() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TableDialog) and w.isVisible())
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # 3 by 3 with a header row

    qtbot.waitUntil(editor_a.hasFocus)
    QTimer.singleShot(100, answer_dialog)
    QTest.keyClick(editor_a, Qt.Key.Key_T, CTRL | ALT | SHIFT)
    for text in ("Country", "Activity", "When", "Serbia"):
        QTest.keyClicks(editor_a, text)
        QTest.keyClick(editor_a, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _same(amira, bruno), timeout=WAIT_MS)
    table = _table_of(bruno)
    assert [[table.cell_text(0, c) for c in range(3)], table.cell_text(1, 0)] == [
        ["Country", "Activity", "When"],
        "Serbia",
    ]
    assert table.header

    # Both type into the same cell (row 1, "Activity") at once: both keep their letters.
    for window, word in ((amira, "joint"), (bruno, "team")):
        editor = _editor_at_end_of(window, window.report.sections[0], 0)
        qt_table = next(item for item in body_items(editor.document()) if hasattr(item, "cellAt"))
        cursor = qt_table.cellAt(1, qt_column(qt_table, 1)).lastCursorPosition()
        editor.setTextCursor(cursor)
        QTest.keyClicks(editor, word)
    qtbot.waitUntil(lambda: _same(amira, bruno), timeout=WAIT_MS)
    merged = _table_of(amira).cell_text(1, 1)
    assert sorted(merged) == sorted("jointteam")

    # An action item with an owner, made in Bruno's window, reaches Amira's.
    bruno.activateWindow()  # offscreen, a window's shortcuts work in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bruno)
    editor_b = _editor_at_end_of(bruno, bruno.report.sections[0], 0)
    QTest.keyClick(editor_b, Qt.Key.Key_End, CTRL)
    QTest.keyClick(editor_b, Qt.Key.Key_Return)
    QTest.keyClick(editor_b, Qt.Key.Key_I, CTRL | SHIFT)
    QTest.keyClicks(editor_b, "Send the timeline")
    assert any(b.kind is BlockKind.ACTION for b in bruno.document.read().sections[0].blocks)
    QTest.keyClick(editor_b, Qt.Key.Key_F4)  # the item's panel: its owners
    owners = QApplication.focusWidget()
    QTest.keyClicks(owners, "Serbia")
    QTest.keyClick(owners, Qt.Key.Key_Return)

    def amiras_item():
        items = [b for b in amira.document.read().sections[0].blocks if b.kind is BlockKind.ACTION]
        return items[0] if items else None

    qtbot.waitUntil(lambda: amiras_item() is not None and amiras_item().action.owners == ["Serbia"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _same(amira, bruno), timeout=WAIT_MS)
    assert amiras_item().plain_text == "Send the timeline"
