"""File > Export to PDF…: the report as a PDF/A through LibreOffice, off the GUI thread, its progress in the status bar.

``PdfJob`` runs ``export.pdf.export_pdf_steps`` on a thread of its own (a
``QThread``): the window keeps answering while LibreOffice converts, each
stage shows in the status bar with a progress bar, and closing the window
cancels a running export (LibreOffice is stopped; nothing is written). The
report is copied on the GUI thread before the job starts, so typing on
while it runs changes neither the PDF nor the report under the thread.
The print part (gui/print_part.py) makes its PDF with the same job.
"""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QProgressBar

from minutes_editor.gui import ask
from minutes_editor.gui.file_errors import file_error_text
from minutes_editor.gui.shortcuts import shortcut

if TYPE_CHECKING:
    from minutes_editor.export.docx_writer import ExportResult
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.report import Report

#: How long the status bar says where the PDF went.
DONE_MS = 8000


class PdfJob(QThread):
    """One PDF export on a thread of its own; ``step``, then ``done(ExportResult)`` or ``failed(message)``."""

    #: A stage starts: stages over, stages in all, what it is (in the interface's language).
    step = Signal(int, int, str)
    #: The PDF is written (its ExportResult).
    done = Signal(object)
    #: The export failed: the message in the interface's language.
    failed = Signal(str)

    def __init__(
        self, report: Report, path: Path, *, template: Path | str | None, sources: list[Path], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.template = template
        self.sources = sources
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop the export (LibreOffice is stopped; nothing is written)."""
        self._cancel.set()

    def run(self) -> None:
        """Export, reporting each stage (on the job's thread)."""
        from minutes_editor.export.pdf import default_profile, export_pdf_steps

        try:
            steps = export_pdf_steps(
                self.report,
                self.path,
                template=self.template,
                sources=self.sources,
                profile=default_profile(),
                cancelled=self._cancel.is_set,
            )
            while True:
                try:
                    stage = next(steps)
                except StopIteration as finished:
                    self.done.emit(finished.value)
                    return
                self.step.emit(stage.done, stage.total, QCoreApplication.translate("Export", stage.what))
        except Exception as error:  # every failure is shown to the user: the thread must not end silently
            self.failed.emit(file_error_text(error))


class PdfExport(QObject):
    """File > Export to PDF… of one window, and the progress of a running export in its status bar."""

    #: An export finished: the PDF's path, or None when it failed or was cancelled.
    finished = Signal(object)

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.job: PdfJob | None = None
        self._offer_open = True
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)
        self.action = QAction(shortcut("export_pdf").label(), window)
        self.action.setObjectName("action_export_pdf")
        self.action.setShortcuts(shortcut("export_pdf").sequences())
        self.action.triggered.connect(lambda _checked=False: self.export_dialog())
        view.registry.add("export_pdf", self.action, "file", after="export")
        # The Word export's dialog offers PDF too, and hands a .pdf to this part.
        view.session.pdf_exporter = self.export_to
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)
        window.destroyed.connect(lambda _object=None: self.cancel())

    def suggested_path(self) -> Path:
        """Where the save dialog starts: beside the report, named after it."""
        document = self.view.document
        if document.path is not None:
            return document.path.with_suffix(".pdf")
        if document.source is not None:
            return document.source.with_suffix(".pdf")
        return Path(self.view.session.name() + ".pdf")

    def export_dialog(self) -> PdfJob | None:
        """Ask where to write the PDF, then export there."""
        title = QCoreApplication.translate("PdfExport", "Export to PDF")
        path = ask.save_path(self.view.as_window(), title, str(self.suggested_path()), ask.PDF_FILTER)
        return self.export_to(path) if path is not None else None

    def export_to(self, path: Path, *, offer_open: bool = True) -> PdfJob | None:
        """Start exporting the open report to ``path`` (``.pdf`` added if missing); None while one runs."""
        if self.job is not None:
            self.view.as_window().statusBar().showMessage(self.tr("A PDF export is already running."), DONE_MS)
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from minutes_editor.export.template import template_for

        document = self.view.document
        report = copy.deepcopy(document.read())  # the thread's own: typing goes on meanwhile
        template = template_for(report.template, document.path)
        sources = [p for p in (document.path, Path(template) if template else None) if p is not None]
        job = PdfJob(report, path, template=template, sources=sources, parent=self)
        job.step.connect(self._show_step)
        job.done.connect(self._done)
        job.failed.connect(self._failed)
        job.finished.connect(self._job_over)
        self.job, self._offer_open = job, offer_open
        self.action.setEnabled(False)
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.progress.show()
        job.start()
        return job

    def cancel(self) -> None:
        """Stop a running export and wait for its thread (the window is closing)."""
        job = self.job
        if job is not None:
            job.cancel()
            job.wait(10_000)

    def _show_step(self, done: int, total: int, what: str) -> None:
        if self.job is not None and self.job.path:
            what = f"{what} ({self.job.path.name})"
        self.view.as_window().statusBar().showMessage(what)
        if total and done == 1:
            self.progress.setRange(0, 0)  # LibreOffice says nothing while it converts: a busy bar
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        # A bound method, not a lambda: PySide6 then queues the call to this object's (the GUI) thread.
        path = result.path
        self.view.as_window().statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(path)), DONE_MS)
        self.finished.emit(path)
        if not self._offer_open:
            return
        choice = ask.after_export(self.view.as_window(), path, [])
        if choice == ask.ExportChoice.OPEN_FILE:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif choice == ask.ExportChoice.OPEN_FOLDER:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _failed(self, message: str) -> None:
        self.view.as_window().statusBar().clearMessage()
        self.finished.emit(None)
        ask.error(self.view.as_window(), self.tr("Cannot export the report to PDF"), message)

    def _job_over(self) -> None:
        job, self.job = self.job, None
        self.progress.hide()
        self.action.setEnabled(True)
        if job is not None:
            job.deleteLater()
