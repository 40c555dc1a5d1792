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

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from minutes_editor.gui import ask
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.file_errors import file_error_text
from minutes_editor.gui.import_notes import note_text, translate_note_template
from minutes_editor.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from minutes_editor.gui.dialogs import ImportNotesDialog
    from minutes_editor.importer import ImportNote

__all__ = ["note_text", "translate_note_template"]  # also here: where the notes come from

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


def import_action(parent: QObject) -> QAction:
    """The File menu's "Import Word document…" action (its handler is connected by the document session)."""
    action = QAction(parent=parent)  # not QAction(text, parent): see ActionRegistry.create
    action.setText(QCoreApplication.translate("DocxImport", "&Import Word document…"))
    action.setObjectName("action_import_docx")
    action.setStatusTip(QCoreApplication.translate("DocxImport", "Open a .docx draft report as a new report"))
    return action


def ask_word_document(parent: QWidget, document: ReportDocument) -> Path | None:
    """Ask for a Word document to import, in the folder of the open report (or of its draft)."""
    known = document.path or document.source
    folder = str(known.parent) if known is not None else ""
    return ask.open_path(
        parent, QCoreApplication.translate("DocxImport", "Import Word document"), folder, ask.DOCX_FILTER
    )


def read_word_document(parent: QWidget, path: Path) -> tuple[ReportDocument, Sequence[ImportNote]] | None:
    """Import ``path`` as a new unsaved report and its notes; None (said to the user) when it cannot be read."""
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
            parent,
            QCoreApplication.translate("DocxImport", "Cannot open the Word document"),
            file_error_text(failure),
            QCoreApplication.translate("DocxImport", "The open report was not changed."),
        )
        return None
    document = ReportDocument(result.report)
    document.source = path
    document.draft_tracks_changes = result.track_changes
    # A new report with no file yet: the window shows it modified, and closing or opening another asks first.
    document.undo_stack.resetClean()
    return document, result.structured_notes


def imported_message(path: Path) -> str:
    """What the status bar says after an import."""
    return QCoreApplication.translate("DocxImport", "Imported “%1” as a new report.").replace("%1", path.name)


def show_notes(parent: QWidget, source: Path, notes: Sequence[ImportNote]) -> ImportNotesDialog:
    """Show the import notes beside the window, without blocking it."""
    from PySide6.QtCore import Qt

    from minutes_editor.gui.dialogs import ImportNotesDialog

    dialog = ImportNotesDialog(source, notes, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
