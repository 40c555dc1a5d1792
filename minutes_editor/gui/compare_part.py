"""File > Compare with…: the open report compared with an earlier draft, opened as a new report of pending changes.

``install_compare(view, reviewer)`` adds the action to the File menu (after
Import Word document…). It asks about unsaved changes as Open does, then for
the earlier draft (a .minutes report, or a Word draft imported the way File >
Open imports one), and compares: ``model.compare.compare(old=earlier,
new=the open report as read now)``, every change by the reviewer's name (the
one the review part's comments carry, asked the first time) and dated now.
The result opens as a new unsaved report named "<this> compared with
<earlier>", through the session like an imported draft, so the review pane
lists its changes (it opens itself on a report that has some), and they are
accepted or rejected, saved and exported like any others. An unreadable
earlier draft is said as File > Open says it, and the open report stays.
The comparison runs in the window's thread under a wait cursor: the 100x
report compares in about a second (benchmarks/bench_compare.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask, docx_import
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.file_errors import file_error_text

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.report import Report

# How long the status bar says what was compared (ms).
MESSAGE_MS = 6000


class ComparePart(QObject):
    """File > Compare with… of one window."""

    def __init__(self, view: EditorView, reviewer: Callable[[], str | None]) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.reviewer = reviewer
        self.action = QAction(window)  # not QAction(text, parent): see ActionRegistry.create
        self.action.setObjectName("action_compare_with")
        self.action.setText(self.tr("Co&mpare with…"))
        self.action.setStatusTip(
            self.tr("Compare the open report with an earlier draft: the changes open as a new report to review")
        )
        self.action.triggered.connect(lambda _checked=False: self.compare_dialog())
        registry = view.registry
        registry.add("compare_with", self.action)
        # After File > Import Word document… (an item the session gives the menu, not one of the registry's).
        menu = registry.menu("file")
        listed = menu.actions()
        after = [index for index, item in enumerate(listed) if item.objectName() == "action_import_docx"]
        if after and after[0] + 1 < len(listed):
            menu.insertAction(listed[after[0] + 1], self.action)
        else:
            menu.addAction(self.action)

    def compare_dialog(self) -> bool:
        """Ask about unsaved changes, then for the earlier draft, and compare the open report with it."""
        session = self.view.session
        if not session.maybe_save():
            return False
        document = session.document
        known = document.path or document.source
        folder = str(known.parent) if known is not None else ""
        path = ask.open_path(
            self.view.as_window(), self.tr("Compare with an earlier draft"), folder, docx_import.open_filter()
        )
        return self.compare_with(path) if path is not None else False

    def compare_with(self, path: Path) -> bool:
        """Open, as a new unsaved report, the open report with its changes since ``path``; False if nothing opened."""
        earlier = self._read(Path(path))
        if earlier is None:
            return False
        author = self.reviewer()
        if author is None:
            return False
        session = self.view.session
        current_name = _stem(session.name())
        current = session.document.read()
        from minutes_editor.model import review
        from minutes_editor.model.compare import compare

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = compare(earlier, current, author=author, date=dt.datetime.now(dt.UTC).replace(microsecond=0))
        finally:
            QApplication.restoreOverrideCursor()
        if not review.has_changes(result):
            ask.info(
                self.view.as_window(),
                self.tr("No differences"),
                self.tr("The open report says the same as “%1”.").replace("%1", Path(path).name),
            )
            return False
        compared = ReportDocument(result)
        compared.title = self.tr("%1 compared with %2").replace("%1", current_name).replace("%2", Path(path).stem)
        # A new report with no file yet: shown modified, and closing or opening another asks first.
        compared.undo_stack.resetClean()
        session.set_document(compared)
        session.message.emit(
            self.tr("Compared with “%1”: the changes are listed in the review pane.").replace("%1", Path(path).name),
            MESSAGE_MS,
        )
        return True

    def _read(self, path: Path) -> Report | None:
        """The earlier draft, or None when it cannot be read (said as File > Open says it)."""
        window = self.view.as_window()
        if docx_import.is_word_document(path):
            read = docx_import.read_word_document(window, path)
            if read is None:
                return None
            document, notes = read
            report = document.report
            document.deleteLater()
            if notes:
                docx_import.show_notes(window, path, notes)
            return report
        from minutes_editor.storage.minutes_file import ReportFileError, load_report

        try:
            return load_report(path)
        except ReportFileError as error:
            ask.error(
                window,
                self.tr("Cannot read the earlier draft"),
                file_error_text(error),
                self.tr("The open report was not changed."),
            )
            return None


def _stem(name: str) -> str:
    """A report's name without its file suffix (a .minutes or .docx name; any other name as it is)."""
    for suffix in (".minutes", ".docx"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def install_compare(view: EditorView, reviewer: Callable[[], str | None]) -> ComparePart:
    """Add File > Compare with… to ``view``; ``reviewer`` gives the name the changes carry (None: cancelled)."""
    return ComparePart(view, reviewer)
