"""A Word template that cannot be used: File > Export and File > New report say why in the interface's language.

Real hostile templates (a FIFO, a billion-laughs styles part) through the real window; only the message
box wrapper (ask.py) and the New report dialog's ``get_choice`` are replaced.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application
from minutes_editor.gui.dialogs import NewReportChoice, NewReportDialog
from minutes_editor.gui.i18n import install_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.paths import default_template
from minutes_editor.storage.minutes_file import save_report
from tests.export.reports import arabic_report

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": boxes.append((title, text)))
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    monkeypatch.setattr(ask, "after_export", lambda *_args: pytest.fail("the export went ahead"))
    return boxes


@pytest.fixture(params=["ar", "en"])
def window(request, qtbot, qapp: QApplication):
    install_translations(request.param)
    configure_application(qapp, request.param)
    window = MainWindow(request.param)
    qtbot.addWidget(window)
    window.show()
    yield window
    install_translations("en")
    configure_application(qapp, "en")


def laughs(path: Path) -> Path:
    with zipfile.ZipFile(default_template()) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    entities = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "lol"}">' for n in range(10))
    members["word/styles.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE s [{entities}]><w:styles xmlns:w="{W}"><w:style>&l9;</w:style></w:styles>'
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def check(window: MainWindow, boxes: list[tuple[str, str]], name: str, english: str) -> None:
    assert len(boxes) == 1, boxes
    title, text = boxes[0]
    assert name in text
    if window.interface_language == "en":
        assert text.startswith(f"{name}: this Word template cannot be used: {english}"), text
    else:
        assert ARABIC_LETTER.search(title), title
        assert text.startswith("الملف «"), text
        assert "قالب Word" in text
        assert english not in text


def test_export_with_a_template_that_is_a_fifo_says_why_and_writes_nothing(window, shown, tmp_path):
    os.mkfifo(tmp_path / "letterhead.docx")
    report = arabic_report()
    report.template = "letterhead.docx"  # beside the report
    source = tmp_path / "report.minutes"
    save_report(report, source)
    assert window.open_path(source, check_saved=False)
    before = window.document.report
    target = tmp_path / "out.docx"
    assert window.export_docx(target) is None
    check(window, shown, "letterhead.docx", "this is not a regular file")
    assert not target.exists()
    assert window.document.report is before


def test_new_report_with_a_hostile_template_says_why_and_changes_nothing(window, shown, tmp_path, monkeypatch):
    bad = laughs(tmp_path / "laughs.docx")
    choice = NewReportChoice("ar", "standard", str(bad))
    monkeypatch.setattr(NewReportDialog, "get_choice", classmethod(lambda _cls, *_args: (choice, True)))
    document = window.document
    assert not window.new_report()
    check(window, shown, "laughs.docx", "part word/styles.xml declares a DTD or entities")
    assert window.document is document
