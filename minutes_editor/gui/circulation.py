"""What a window gets for circulating the report: File > Export to PDF, Print and Print preview, View > Zoom.

``install_circulation(view)`` builds the three parts (gui/pdf_export.py,
gui/print_part.py, gui/zoom.py) once the window's pages exist; printing
makes its pages with the PDF export's job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from minutes_editor.gui.pdf_export import PdfExport
from minutes_editor.gui.print_part import PrintPart
from minutes_editor.gui.zoom import Zoom

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView


class Circulation(NamedTuple):
    """The parts installed in one window."""

    pdf_export: PdfExport
    printing: PrintPart
    zoom: Zoom


def install_circulation(view: EditorView) -> Circulation:
    """Add PDF export, printing and zoom to ``view``."""
    pdf_export = PdfExport(view)
    return Circulation(pdf_export, PrintPart(view, pdf_export), Zoom(view))
