"""Every string the window and its dialogs show is translated: in Arabic, no English word is left on screen."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.gui.dialogs import NewReportDialog, ShortcutsDialog
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.i18n import install_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.recovery import Autosaver, find_recoverable
from minutes_editor.gui.recovery_offer import RecoveryDialog
from minutes_editor.gui.table_dialog import TableDialog, TableSize
from tests.support.examples import example_path

EXAMPLE = example_path("ar")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Words an Arabic interface shows as they are: a product name, key names, time-zone abbreviations, file types.
ALLOWED = {
    "Word",
    "PDF",
    "Ctrl",
    "Alt",
    "Shift",
    "Tab",
    "Enter",
    "Return",
    "Esc",
    "Del",
    "Backspace",
    "Space",
    "PgUp",
    "PgDown",
    "Home",
    "End",
    "Ins",
    "UTC",
    "GMT",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "minutes",
    "docx",
    "English",
    "en",
    "ar",
}


@pytest.fixture
def arabic_window(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    report = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, report)
    app = QApplication.instance()
    install_translations("ar")
    configure_application(app, "ar")
    window = create_window(report, "ar")
    qtbot.addWidget(window)
    window.show()
    yield window
    install_translations("en")
    configure_application(app, "en")


def chrome_texts(root: QWidget) -> list[tuple[str, str]]:
    """The interface's own strings under ``root`` (labels, buttons, menus, headers, placeholders), not report text."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget | QAction, *texts: str) -> None:
        found.extend((f"{type(widget).__name__} {widget.objectName()}", text) for text in texts if text)

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, widget.toolTip(), widget.whatsThis())
        if widget.isWindow():
            add(widget, widget.windowTitle())
        if isinstance(widget, QLabel):
            add(widget, widget.text())
        if isinstance(widget, QAbstractButton):
            add(widget, widget.text())
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            add(widget, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, QMenu):
            add(widget, widget.title())
        if isinstance(widget, QComboBox):
            add(widget, *(widget.itemText(index) for index in range(widget.count())))
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            add(widget, *(header.text(column) for column in range(header.columnCount())))
        if isinstance(widget, QTableWidget):
            add(widget, *(widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())))
            cells = [widget.item(r, c) for r in range(widget.rowCount()) for c in range(widget.columnCount())]
            add(widget, *(cell.text() for cell in cells if cell is not None))
        if isinstance(widget, QMessageBox):
            add(widget, widget.text(), widget.informativeText())
    for action in root.findChildren(QAction):
        add(action, action.text(), action.toolTip(), action.statusTip())
    return found


# File names and paths are the user's, not the interface's.
USER_PATHS = re.compile(r"(/[^\s«»“”]*)|([\w.-]+\.(minutes|docx))")
# Report languages are named in their own language with their code ("Français (fr)"), in every interface.
ENDONYM = re.compile(r"[^()]+ \([a-z]{2,3}(-[A-Za-z0-9]+)*\)")


def english_left(texts: list[tuple[str, str]]) -> list[str]:
    return sorted(
        {
            f"{where}: {text!r}"
            for where, text in texts
            if not ENDONYM.fullmatch(text)
            and set(LATIN_WORD.findall(USER_PATHS.sub("", text.replace("&", "")))) - ALLOWED
        }
    )


def test_the_arabic_window_shows_no_english(arabic_window: MainWindow) -> None:
    window = arabic_window
    report = window.report
    texts: list[tuple[str, str]] = []
    for part in [report.title, *report.sections, *(s for section in report.sections for s in section.sessions)]:
        window.show_part(part)
        QApplication.processEvents()
        texts += chrome_texts(window)
    assert len(texts) > 100
    assert english_left(texts) == []


def test_the_arabic_dialogs_show_no_english_and_run_right_to_left(arabic_window: MainWindow, tmp_path: Path) -> None:
    window = arabic_window
    new_report = NewReportDialog(window, "ar").dialog
    shortcuts = ShortcutsDialog(window)
    unsaved = ask.build_unsaved_changes(window, "budapest.minutes")
    exported = ask.build_after_export(window, tmp_path / "budapest.docx", [])
    saver = Autosaver(ReportDocument(window.report), folder=tmp_path / "recovery", interval_ms=10)
    saver.document.undo_stack.resetClean()
    saver.save_now()
    saver.detach()
    entries = find_recoverable(tmp_path / "recovery")
    recovery = RecoveryDialog(entries, window)
    quick = window.quick_insert_name()
    table = TableDialog(TableSize(), window)
    dialogs = [new_report, shortcuts, unsaved, exported, recovery, table]
    texts: list[tuple[str, str]] = []
    for dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft, type(dialog).__name__
        texts += chrome_texts(dialog)
        dialog.close()
    texts += chrome_texts(quick)
    quick.close()
    for entry in entries:
        entry.discard()
    assert english_left(texts) == []
