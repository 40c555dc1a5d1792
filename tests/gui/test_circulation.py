"""The window's Export to PDF, Print preview and Zoom (gui/pdf_export.py, gui/print_part.py, gui/zoom.py).

The PDF export runs LibreOffice on a thread of its own: while it converts,
the window keeps handling events (a timer on the GUI thread keeps ticking)
and shows the stage in the status bar. One real export serves the export
and the preview tests (module fixture).
"""

from __future__ import annotations

import itertools
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.settings import Settings
from minutes_editor.gui.zoom import LEVELS
from tests.support.examples import example_path
from tests.support.libreoffice import missing_tools, pdf_pages

needs_libreoffice = pytest.mark.skipif(
    bool(missing_tools("soffice", "pdfinfo")), reason="needs LibreOffice and poppler-utils"
)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    target = tmp_path / "report.minutes"
    shutil.copyfile(example_path("ar"), target)
    window = MainWindow("en", settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_path(target, check_saved=False)
    window.show()
    window.complete()
    return window


def test_the_file_menu_offers_pdf_and_print_after_the_word_export(window: MainWindow) -> None:
    names = [action.objectName() for action in window.registry.menu("file").actions()]
    start = names.index("action_export")
    assert names[start : start + 4] == ["action_export", "action_export_pdf", "action_print", "action_print_preview"]
    assert window.registry["print"].shortcuts()[0].toString() == "Ctrl+P"
    view = window.registry.menu("view")
    bar = [action.menu() for action in window.menuBar().actions()]
    assert bar.index(view) == bar.index(window.registry.menu("go")) - 1
    assert [action.objectName() for action in view.actions()] == [
        "action_zoom_in",
        "action_zoom_out",
        "action_zoom_reset",
    ]
    assert window.registry["zoom_reset"].shortcuts() == []


def test_the_word_export_dialog_offers_pdf_too(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    offered: list[object] = []
    chosen = tmp_path / "out.pdf"
    monkeypatch.setattr(ask, "save_path", lambda _w, _t, _s, filters: offered.append(filters) or chosen)
    started: list[Path] = []
    window.session.pdf_exporter = started.append
    assert window.export_docx() == chosen
    assert offered == [(ask.DOCX_FILTER, ask.PDF_FILTER)]
    assert started == [chosen]


@needs_libreoffice
def test_export_to_pdf_runs_with_the_window_responding(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    offers: list[Path] = []
    monkeypatch.setattr(ask, "after_export", lambda _w, path, _warnings: offers.append(path) or ask.ExportChoice.CLOSE)
    monkeypatch.setattr(ask, "error", lambda *args: pytest.fail(f"error shown: {args}"))
    target = tmp_path / "exported.pdf"
    monkeypatch.setattr(ask, "save_path", lambda *_args: target)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.registry["export_pdf"].trigger()
    part = window.features.circulation.pdf_export
    assert part.job is not None
    assert not window.registry["export_pdf"].isEnabled()
    assert part.progress.isVisible()
    qtbot.waitUntil(lambda: bool(offers), timeout=120_000)
    timer.stop()
    assert offers == [target]
    assert pdf_pages(target) == 3
    # The GUI thread kept turning while LibreOffice converted: no pause of a second between two ticks.
    assert len(ticks) > 20
    assert max(later - earlier for earlier, later in itertools.pairwise(ticks)) < 1.0
    assert any("LibreOffice" in message for message in messages)
    qtbot.waitUntil(lambda: part.job is None)
    assert window.registry["export_pdf"].isEnabled()
    assert not part.progress.isVisible()


def test_an_export_that_fails_says_why(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    from minutes_editor.export import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    errors: list[str] = []
    monkeypatch.setattr(ask, "error", lambda _w, _title, text, *_rest: errors.append(text))
    window.features.circulation.pdf_export.export_to(tmp_path / "x.pdf")
    qtbot.waitUntil(lambda: bool(errors))
    assert "libreoffice-writer-nogui" in errors[0]
    assert not (tmp_path / "x.pdf").exists()
    qtbot.waitUntil(lambda: window.features.circulation.pdf_export.job is None)


@needs_libreoffice
def test_print_preview_shows_the_exported_pages(window: MainWindow, qtbot, tmp_path: Path) -> None:
    printing = window.features.circulation.printing
    printing.preview()
    qtbot.waitUntil(lambda: printing.dialog is not None, timeout=120_000)
    dialog = printing.dialog
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == 3)
    # The same drawing on a PDF printer gives the exported pages again.
    assert printing.pages is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    printing.pages.paint(printer)
    assert pdf_pages(tmp_path / "printed.pdf") == 3
    image = printing.pages.image(0, 36)
    assert (image.width(), image.height()) == (298, 421)  # A4 at 36 dpi
    dialog.reject()
    qtbot.waitUntil(lambda: printing.dialog is None)


def _editor_size(window: MainWindow) -> float:
    return window.section_page.body.editor.font().pointSizeF()


def test_zoom_keys_scale_the_editors_text_and_are_remembered(window: MainWindow, qtbot, tmp_path: Path) -> None:
    window.show_part(window.report.sections[0])
    editor = window.section_page.body.editor
    editor.setFocus()
    base = _editor_size(window)
    qtbot.keyClick(editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert _editor_size(window) == pytest.approx(base * 1.1)
    assert editor.document().defaultFont().pointSizeF() == pytest.approx(base * 1.1)
    qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert _editor_size(window) == pytest.approx(base * 1.25)
    qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert _editor_size(window) == pytest.approx(base * 1.1)
    assert Settings(tmp_path / "settings.ini").zoom_percent() == 110
    # Ctrl+0 still makes a paragraph: reset is in the menu only.
    window.registry["zoom_reset"].trigger()
    assert _editor_size(window) == pytest.approx(base)
    assert window.settings.zoom_percent() == 100


def test_ctrl_wheel_zooms_and_the_next_window_starts_zoomed(window: MainWindow, qtbot, tmp_path: Path) -> None:
    editor = window.section_page.body.editor
    base = _editor_size(window)
    for _ in range(2):
        wheel = QWheelEvent(
            QPointF(10, 10),
            QPointF(editor.viewport().mapToGlobal(QPoint(10, 10))),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(editor.viewport(), wheel)
    assert _editor_size(window) == pytest.approx(base * 1.25)
    window.settings.sync()
    again = MainWindow("en", settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    again.complete()
    assert again.features.circulation.zoom.percent == 125
    assert _editor_size(again) == pytest.approx(base * 1.25)
    for _ in range(len(LEVELS)):
        again.features.circulation.zoom.zoom_out()
    assert again.features.circulation.zoom.percent == LEVELS[0]
    assert not again.registry["zoom_out"].isEnabled()
