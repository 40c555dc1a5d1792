"""Opening a Word draft report in the window: imported into a new unsaved report, with its import notes listed.

File > Open accepts .docx files (and hands other word-processor files to the
importer, which names what they are), and File > Import Word document… asks
for one directly. The import (minutes_editor.importer, no Qt) gives a report
and notes: what was kept as text or left out. The report opens as a new
document with no file of its own, marked modified, so Save asks where (beside
the .docx, as NAME.minutes) and closing asks first; the notes are listed in a
dialog that does not block the window, each rendered in the interface's
language from its template (context ``ImportNotes`` of our catalogue) with the
document's own words left as they are. A file the importer refuses shows its
message, in the interface's language too (``file_errors``), and leaves the
open report as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from minutes_editor.gui import ask
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.file_errors import file_error_text, translate_error_template
from minutes_editor.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Sequence

    from minutes_editor.gui.dialogs import ImportNotesDialog
    from minutes_editor.gui.main_window import MainWindow
    from minutes_editor.importer import ImportNote, Phrase

REPORTS_AND_WORD_FILTER = QT_TRANSLATE_NOOP("DocxImport", "Reports and Word documents (*.minutes *.docx)")
# Files File > Open gives to the importer rather than the .minutes loader; it names the ones it cannot read.
WORD_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot", ".rtf", ".odt"})
# Milliseconds the status bar says what was imported.
STATUS_MS = 6000


def open_filter() -> str:
    """The name filters of File > Open: reports and Word documents together, then each alone."""
    return ";;".join(
        [
            QCoreApplication.translate("DocxImport", REPORTS_AND_WORD_FILTER),
            QCoreApplication.translate("ask", ask.MINUTES_FILTER),
            QCoreApplication.translate("ask", ask.DOCX_FILTER),
        ]
    )


def is_word_document(path: Path) -> bool:
    """Whether File > Open should import ``path`` (a word-processor file) instead of loading it as a report."""
    return Path(path).suffix.lower() in WORD_SUFFIXES


def suggested_path(document: ReportDocument, suffix: str) -> Path | None:
    """Where to suggest saving an imported report: beside the Word document it came from, with ``suffix``."""
    source = document.source
    return source.with_suffix(suffix) if source is not None else None


def import_action(window: MainWindow) -> QAction:
    """The File menu's "Import Word document…" action of ``window``."""
    action = QAction(parent=window)  # not QAction(text, parent): see MainWindow._create_actions
    action.setText(QCoreApplication.translate("DocxImport", "&Import Word document…"))
    action.setObjectName("action_import_docx")
    action.setStatusTip(QCoreApplication.translate("DocxImport", "Open a .docx draft report as a new report"))
    action.triggered.connect(lambda _checked=False: import_dialog(window))
    return action


def import_dialog(window: MainWindow) -> bool:
    """Ask for a Word document and import it (after asking about unsaved changes)."""
    if not window.maybe_save():
        return False
    document = window.document
    known = document.path or document.source
    folder = str(known.parent) if known is not None else ""
    path = ask.open_path(
        window, QCoreApplication.translate("DocxImport", "Import Word document"), folder, ask.DOCX_FILTER
    )
    return import_word_document(window, path) if path else False


def import_word_document(window: MainWindow, path: Path) -> bool:
    """Import ``path`` into a new unsaved report in ``window``; False (nothing changed) when it cannot be read."""
    # lxml and the importer are loaded on first use, not at start-up.
    from PySide6.QtCore import Qt  # not at import: this module is loaded with the window's first frame

    from minutes_editor.importer import DocxImportError, import_docx

    path = Path(path)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # In the GUI thread: the 100x report imports in about half a second (benchmarks/bench_import.py).
        result = import_docx(path)
    except DocxImportError as error:
        failure: DocxImportError | None = error
    else:
        failure = None
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        ask.error(
            window,
            QCoreApplication.translate("DocxImport", "Cannot open the Word document"),
            file_error_text(failure),
            QCoreApplication.translate("DocxImport", "The open report was not changed."),
        )
        return False
    document = ReportDocument(result.report)
    document.source = path
    # A new report with no file yet: the window shows it modified, and closing or opening another asks first.
    document.undo_stack.resetClean()
    window.set_document(document)
    window.statusBar().showMessage(
        QCoreApplication.translate("DocxImport", "Imported “%1” as a new report.").replace("%1", path.name), STATUS_MS
    )
    if result.structured_notes:
        show_notes(window, path, result.structured_notes)
    return True


def translate_note_template(template: str, count: int | None) -> str:
    """A note's template in the interface's language, its ``%n`` filled with ``count`` in the right plural form.

    A note may quote a file error (a damaged part), whose templates are in the file errors' context.
    """
    if count is None:
        text = QCoreApplication.translate("ImportNotes", template)
        return text if text != template else translate_error_template(template, None)
    return QCoreApplication.translate("ImportNotes", template, None, count)


def note_text(note: Phrase) -> str:
    """An import note (or a place it names) as a sentence in the interface's language."""
    return note.render(translate_note_template)


def show_notes(parent: QWidget, source: Path, notes: Sequence[ImportNote]) -> ImportNotesDialog:
    """Show the import notes beside the window, without blocking it."""
    from PySide6.QtCore import Qt

    from minutes_editor.gui.dialogs import ImportNotesDialog

    dialog = ImportNotesDialog(source, notes, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
