"""File > Print… (Ctrl+P) and File > Print preview…: the report printed as exported, page for page.

What is printed is the PDF export itself (gui/pdf_export.py, LibreOffice
from our .docx), its pages drawn by PDFium (pypdfium2) onto the printer, so
the paper shows the exported layout: the template's margins, headers,
footers and watermark, Word numbering, footnotes at the foot of their page,
and the same page breaks as the PDF and the Word document. The preview's
QTextDocument would print its own layout instead, and PySide6's QtPdf is not
in the PySide6-Essentials we pin. Each page is drawn at the printer's
resolution (at most ``MAX_DPI``) on the whole sheet, whose size is the
PDF's page size.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from minutes_editor.gui import ask
from minutes_editor.gui.shortcuts import shortcut

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.gui.pdf_export import PdfExport

#: The highest resolution a page is drawn at, in dots per inch (a page at 300 dpi takes 35 MB).
MAX_DPI = 300


class PdfPages:
    """The pages of a PDF file, drawn as images by PDFium."""

    def __init__(self, path: Path) -> None:
        import pypdfium2

        self._document: Any = pypdfium2.PdfDocument(str(path))
        self._images: dict[tuple[int, int], QImage] = {}

    def __len__(self) -> int:
        return len(self._document)

    def size_pt(self, index: int) -> QSizeF:
        """The size of page ``index`` in points."""
        width, height = self._document[index].get_size()
        return QSizeF(width, height)

    def image(self, index: int, dpi: int) -> QImage:
        """Page ``index`` drawn at ``dpi`` (kept for the next paint: the preview paints again on every zoom)."""
        key = (index, dpi)
        if key not in self._images:
            bitmap = self._document[index].render(scale=dpi / 72, prefer_bgrx=True)
            data = bytes(bitmap.buffer)
            image_format = QImage.Format.Format_RGB32 if bitmap.n_channels == 4 else QImage.Format.Format_BGR888
            # copy(): the image owns its pixels once the bitmap and its bytes are gone.
            self._images[key] = QImage(data, bitmap.width, bitmap.height, bitmap.stride, image_format).copy()
        return self._images[key]

    def paint(self, printer: QPrinter) -> None:
        """Draw every page on ``printer``, one sheet each, filling the sheet."""
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # the preview shows pages small
            dpi = min(printer.resolution(), MAX_DPI)
            for index in range(len(self)):
                if index:
                    printer.newPage()
                sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                sheet.moveTo(0, 0)
                painter.drawImage(sheet, self.image(index, dpi))
        finally:
            painter.end()

    def close(self) -> None:
        """Let go of the file."""
        self._images.clear()
        self._document.close()


def printer_for(pages: PdfPages) -> QPrinter:
    """A printer whose sheet is the PDF's page, no margins: the page's own margins are in the drawing."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if len(pages):
        size = QPageSize(pages.size_pt(0), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setDocName("report")
    return printer


class PrintPart(QObject):
    """File > Print… and File > Print preview… of one window."""

    def __init__(self, view: EditorView, exporter: PdfExport) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.exporter = exporter
        self.pages: PdfPages | None = None
        self.dialog: QPrintPreviewDialog | QPrintDialog | None = None
        self.printer: QPrinter | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._wanted = ""
        self.actions: dict[str, QAction] = {}
        after = "export_pdf"
        for name, handler in (("print", self.print_report), ("print_preview", self.preview)):
            action = QAction(shortcut(name).label(), window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts(shortcut(name).sequences())
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            view.registry.add(name, action, "file", after=after)
            self.actions[name] = action
            after = name
        exporter.finished.connect(self._pdf_made)

    def print_report(self) -> None:
        """Make the PDF, then show the print dialog and print it."""
        self._make_pdf("print")

    def preview(self) -> None:
        """Make the PDF, then show it in the print preview (which can print too)."""
        self._make_pdf("preview")

    def _make_pdf(self, wanted: str) -> None:
        if self._wanted:
            return  # the PDF for the last request is still being made
        self._release()
        self._folder = tempfile.TemporaryDirectory(prefix="minutes-editor-print-")
        name = (self.view.document.path.stem if self.view.document.path else "report") + ".pdf"
        if self.exporter.export_to(Path(self._folder.name) / name, offer_open=False) is not None:
            self._wanted = wanted
            message = self.tr("Preparing the pages to print…")
            self.view.as_window().statusBar().showMessage(message)

    def _pdf_made(self, path: Path | None) -> None:
        wanted, self._wanted = self._wanted, ""
        if not wanted or path is None:
            return  # an export of the user's own, or a failure the exporter has shown
        try:
            self.pages = PdfPages(path)
        except ImportError:
            ask.error(
                self.view.as_window(),
                self.tr("Cannot print"),
                self.tr("Printing needs the Python package pypdfium2, which is not installed."),
            )
            return
        self.view.as_window().statusBar().clearMessage()
        if wanted == "preview":
            self.show_preview()
        else:
            self.show_print_dialog()

    def show_preview(self) -> QPrintPreviewDialog:
        """The print preview of the PDF made last (window-modal; it has its own Print button)."""
        assert self.pages is not None
        pages = self.pages
        # The dialog keeps a pointer to the printer, not a reference: the part holds it until the next print.
        self.printer = printer_for(pages)
        dialog = QPrintPreviewDialog(self.printer, self.view.as_window())
        dialog.setObjectName("print_preview")
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(pages.paint)
        dialog.finished.connect(lambda _result: self._release())
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_print_dialog(self) -> QPrintDialog:
        """The print dialog for the PDF made last; accepting it prints."""
        assert self.pages is not None
        pages = self.pages
        printer = self.printer = printer_for(pages)
        dialog = QPrintDialog(printer, self.view.as_window())
        dialog.setObjectName("print_dialog")
        # finished comes before accepted: print there, then let go of the pages.
        dialog.finished.connect(lambda result: self._print_finished(result, pages, printer))
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def _print_finished(self, result: int, pages: PdfPages, printer: QPrinter) -> None:
        if result == QPrintDialog.DialogCode.Accepted:
            pages.paint(printer)
        self._release()

    def _release(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
