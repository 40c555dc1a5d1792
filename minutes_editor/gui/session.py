"""The document session: the open report, its undo stack and its file life cycle.

One ``DocumentSession`` per window owns the open ``ReportDocument`` (its
undo stack is the report's one history) and everything that replaces or
writes it: new, open (a .minutes file, or a Word draft imported), save,
save as, export to Word, the recent files, and the question about unsaved
changes. It knows nothing of the window's editors: replacing the report
emits ``document_closing(old)`` (whoever holds one of its body documents
lets go), then ``document_shown(new)`` (the window shows it), then
``document_replaced(new)`` (autosave, writing aids follow it). Feature parts
take the session, never the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from minutes_editor.gui import ask, docx_import
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.file_errors import file_error_text
from minutes_editor.model.report import Report
from minutes_editor.storage.atomic import WriteError
from minutes_editor.storage.minutes_file import SUFFIX, ReportFileError

#: How many recent files are remembered without settings.
RECENT_COUNT = 10


class DocumentSession(QObject):
    """The open report of one window and its file life cycle (dialogs are parented to ``window``)."""

    #: The open report (its ReportDocument) is about to be deleted: whoever holds one of its body
    #: documents, cursors or highlighters lets go now.
    document_closing = Signal(object)
    #: A report is to be shown (the first one too): the window fills its editors from it.
    document_shown = Signal(object)
    #: Another report was opened or created (the new ReportDocument): autosave follows it.
    document_replaced = Signal(object)
    #: The report was saved to a file (its Path).
    saved = Signal(object)
    #: A message for the status bar and how long it stays (ms).
    message = Signal(str, int)

    def __init__(self, window: QWidget, settings: Any | None, document: ReportDocument) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.document = document
        self._recent_fallback: list[Path] = []
        #: Exports a .pdf chosen in the Word export's dialog (set by gui/pdf_export.py; None: .docx only).
        self.pdf_exporter: Callable[[Path], object] | None = None
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def set_document(self, document: ReportDocument) -> None:
        """Make ``document`` (a new or opened report) the open one; the old one is closed."""
        old = self.document
        if old is not document:
            # Everything showing or watching the old report's body documents lets go of them now:
            # they are deleted with it, and an editor left on one would use freed memory.
            self.document_closing.emit(old)
            old.close()
        # The window owns the open report (and so its body documents): Qt deletes a window's children in
        # the order they came, so the editors, made before any report was given, go before the bodies.
        document.setParent(self.window)
        self.document = document
        self.document_shown.emit(document)
        if old is not document:
            self.document_replaced.emit(document)

    def name(self) -> str:
        """The open report's name for titles and questions."""
        if self.document.path:
            return self.document.path.name
        if self.document.source:
            return self.tr("%1 (imported)").replace("%1", self.document.source.name)
        if self.document.title:
            return self.document.title
        return self.tr("Untitled report")

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the open report."""
        if not self.document.is_modified:
            return True
        choice = ask.unsaved_changes(self.window, self.name())
        if choice == ask.UnsavedChoice.SAVE:
            return self.save()
        return choice == ask.UnsavedChoice.DISCARD

    def new_report(self, report: Report | None = None) -> bool:
        """Start a new report (asking its language and skeleton unless one is given)."""
        if not self.maybe_save():
            return False
        if report is None:
            from minutes_editor.gui.dialogs import NewReportDialog

            choice, accepted = NewReportDialog.get_choice(self.window, self.document.report.language)
            self.window.activateWindow()
            if not accepted:
                return False
            report = choice.report()
            if report.template and not self._template_usable(report.template):
                return False
        self.set_document(ReportDocument(report))
        return True

    def _template_usable(self, template: str) -> bool:
        """Whether a chosen Word template can serve; if not, say why in the interface's language."""
        from minutes_editor.export.template import TemplateError, prepare, template_for

        try:
            prepare(template_for(template, None))
        except TemplateError as error:
            ask.error(self.window, self.tr("Cannot use this Word template"), file_error_text(error))
            return False
        return True

    def open_dialog(self) -> bool:
        """Ask for a report file and open it."""
        if not self.maybe_save():
            return False
        known = self.document.path or self.document.source
        folder = str(known.parent) if known else ""
        path = ask.open_path(self.window, self.tr("Open report"), folder, docx_import.open_filter())
        return self.open_path(path, check_saved=False) if path else False

    def open_path(self, path: Path, *, check_saved: bool = True) -> bool:
        """Open a .minutes file or import a Word document as a new report; an unreadable file changes nothing."""
        if check_saved and not self.maybe_save():
            return False
        if docx_import.is_word_document(Path(path)):
            return self.import_word_document(Path(path))
        try:
            document = ReportDocument.open(Path(path))
        except ReportFileError as error:
            ask.error(self.window, self.tr("Cannot open the report"), file_error_text(error))
            return False
        self.set_document(document)
        self.add_recent(Path(path))
        return True

    def import_action(self) -> QAction:
        """The File menu's action that imports a Word draft."""
        action = docx_import.import_action(self.window)
        action.triggered.connect(lambda _checked=False: self.import_dialog())
        return action

    def import_dialog(self) -> bool:
        """Ask for a Word document and import it (after asking about unsaved changes)."""
        if not self.maybe_save():
            return False
        path = docx_import.ask_word_document(self.window, self.document)
        return self.import_word_document(path) if path else False

    def import_word_document(self, path: Path) -> bool:
        """Import ``path`` into a new unsaved report; False (nothing changed) when it cannot be read."""
        read = docx_import.read_word_document(self.window, Path(path))
        if read is None:
            return False
        document, notes = read
        self.set_document(document)
        self.message.emit(docx_import.imported_message(Path(path)), docx_import.STATUS_MS)
        if notes:
            docx_import.show_notes(self.window, Path(path), notes)
        return True

    def save(self) -> bool:
        """Save to the report's file (asking for one if it has none)."""
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self, path: Path | None = None) -> bool:
        """Save to a new file."""
        if path is None:
            imported = docx_import.suggested_path(self.document, SUFFIX)
            suggestion = str(self.document.path or imported or self.name() + SUFFIX)
            path = ask.save_path(self.window, self.tr("Save report as"), suggestion, ask.MINUTES_FILTER)
            if path is None:
                return False
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        document = self.document
        if (
            path == document.path
            and document.changed_on_disk()
            and not ask.confirm(
                self.window,
                self.tr("The file changed on disk"),
                self.tr("“%1” was changed by another program since you opened it. Overwrite it?").replace(
                    "%1", path.name
                ),
                self.tr("Choose No and use Save As to keep both versions."),
            )
        ):
            return False
        try:
            document.save(path)
        except (WriteError, OSError) as error:
            ask.error(self.window, self.tr("Cannot save the report"), file_error_text(error))
            return False
        self.saved.emit(path)
        self.add_recent(path)
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    def export_docx(self, path: Path | None = None) -> Path | None:
        """Export the report to Word and offer to open the file or its folder."""
        document = self.document
        if path is None:
            base = document.path.with_suffix(".docx") if document.path else Path(self.name() + ".docx")
            if not document.path and document.source:
                base = document.source  # the draft it was imported from, revised
            filters = (ask.DOCX_FILTER, ask.PDF_FILTER) if self.pdf_exporter else ask.DOCX_FILTER
            path = ask.save_path(self.window, self.tr("Export to Word"), str(base), filters)
            if path is None:
                return None
            if path.suffix.lower() == ".pdf" and self.pdf_exporter is not None:
                self.pdf_exporter(path)  # on a thread of its own: gui/pdf_export.py
                return path
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        # python-docx is imported only here, not at start-up.
        from minutes_editor.export.docx_writer import TemplateError, export_docx
        from minutes_editor.export.template import template_for

        report = document.read()
        template = template_for(report.template, document.path)
        try:
            result = export_docx(report, path, template=template)
        except TemplateError as error:
            ask.error(self.window, self.tr("Cannot export the report"), file_error_text(error))
            return None
        except (OSError, ValueError, WriteError) as error:
            ask.error(self.window, self.tr("Cannot export the report"), file_error_text(error))
            return None
        warnings = [str(warning) for warning in getattr(result, "warnings", [])]
        choice = ask.after_export(self.window, path, warnings)
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if choice == ask.ExportChoice.OPEN_FILE:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif choice == ask.ExportChoice.OPEN_FOLDER:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        return path

    # ---------------------------------------------------------------- recent files

    def recent_files(self) -> list[Path]:
        """Recently opened or saved reports, newest first."""
        if self.settings is not None:
            return list(self.settings.recent_files())
        return list(self._recent_fallback)

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        if self.settings is not None:
            self.settings.add_recent_file(path)
        else:
            self._recent_fallback = [path, *[p for p in self._recent_fallback if p != path]][:RECENT_COUNT]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.open_path(path))
        if not files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
