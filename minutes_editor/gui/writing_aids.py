"""The writing aids in the window: spell checking as you type, the checks dock, find and replace, word count.

``install_writing_aids(window)`` adds them to a window (an ``EditorView``: its session and
action registry): actions in the
Edit and Report menus, the checks dock on the start side, the spelling
underlines in every body document the window shows and its suggestions in
the body editors' context menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTextEdit

from minutes_editor.gui.checks_dock import ChecksDock
from minutes_editor.gui.shortcuts import shortcut
from minutes_editor.gui.spelling_support import SpellingService, personal_dictionary_path

if TYPE_CHECKING:
    from minutes_editor.gui.counts_dialog import CountsDialog
    from minutes_editor.gui.document import ReportDocument
    from minutes_editor.gui.find_replace import FindReplaceDialog
    from minutes_editor.gui.parts import EditorView


class WritingAids(QObject):
    """Owns the aids of one window and keeps them following its open report."""

    def __init__(self, window: EditorView) -> None:
        super().__init__(window.as_window())
        self.window = window
        settings_file = window.settings.file_name if window.settings is not None else None
        self.spelling = SpellingService(personal_dictionary_path(settings_file), self)
        self.spelling.notice.connect(lambda message: window.as_window().statusBar().showMessage(message, 15000))
        self.checks = ChecksDock(window)
        window.as_window().addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.checks)
        self.checks.hide()
        self.find_dialog: FindReplaceDialog | None = None
        self.actions = self._create_actions()
        editors = [panel.editor for panel in (window.section_page.body, window.session_page.body)]
        for editor in editors:
            editor.context_extras = self.context_actions
        self.spelling.watch_editors(editors)
        window.session.document_closing.connect(self._document_closing)
        window.session.document_replaced.connect(self._document_replaced)
        self._document_replaced(window.document)

    def _create_actions(self) -> dict[str, QAction]:
        window = self.window.as_window()
        registry = self.window.registry
        find = QAction(shortcut("find_replace").label(), window)
        find.setObjectName("action_find_replace")
        find.setShortcuts(shortcut("find_replace").sequences())
        find.triggered.connect(self.show_find)
        spelling = QAction(self.tr("Check &spelling as you type"), window)
        spelling.setObjectName("action_spelling")
        spelling.setCheckable(True)
        spelling.setChecked(True)
        spelling.toggled.connect(self.spelling.set_enabled)
        check = QAction(shortcut("check_report").label(), window)
        check.setObjectName("action_check_report")
        check.setShortcuts(shortcut("check_report").sequences())
        check.triggered.connect(self.show_checks)
        counts = QAction(self.tr("&Word count…"), window)
        counts.setObjectName("action_word_count")
        counts.triggered.connect(self.show_counts)
        actions = {"find_replace": find, "spelling": spelling, "check_report": check, "word_count": counts}
        registry.add_separator("edit")
        registry.add_separator("report")
        for name, action in actions.items():
            registry.add(name, action, "edit" if name in {"find_replace", "spelling"} else "report")
        return actions

    def _document_closing(self, _document: ReportDocument) -> None:
        # The body documents go with their report: no highlighter may outlive its document's report.
        for body in self.window.store.documents():
            self.spelling.detach(body)

    def _document_replaced(self, document: ReportDocument) -> None:
        # Loading Enchant and a dictionary takes a moment: after the window has shown the report.
        self.window.run_after_first_paint(self._follow_language)
        if self.checks.isVisible():
            self.checks.refresh()

    def _follow_language(self) -> None:
        self.spelling.set_language(self.window.report.language)

    def context_actions(self, editor: QTextEdit, position: QPoint) -> list[QAction]:
        """The spelling actions for the word under the mouse (the body editor puts them first)."""
        return self.spelling.context_actions(editor, position)

    def show_find(self) -> FindReplaceDialog:
        """Open (or raise) the find and replace dialog, the selected text as what to find."""
        if self.find_dialog is None:
            # Imported on first use: the search code is not needed to show the window.
            from minutes_editor.gui.find_replace import FindReplaceDialog

            self.find_dialog = FindReplaceDialog(self.window)
        editor = self.window.current_editor()
        selected = editor.textCursor().selectedText() if editor is not None else ""
        if selected and "\u2029" not in selected:
            self.find_dialog.find_edit.setText(selected)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.activateWindow()
        self.find_dialog.find_edit.setFocus()
        self.find_dialog.find_edit.selectAll()
        return self.find_dialog

    def show_checks(self) -> ChecksDock:
        """Run the checks and show the dock listing what they found."""
        self.checks.show()
        self.checks.raise_()
        self.checks.refresh()
        return self.checks

    def show_counts(self) -> CountsDialog:
        """Show the word and character counts of the report as it is now."""
        from minutes_editor.gui.counts_dialog import CountsDialog

        dialog = CountsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def install_writing_aids(window: EditorView) -> WritingAids:
    """Add the writing aids to ``window``."""
    return WritingAids(window)
