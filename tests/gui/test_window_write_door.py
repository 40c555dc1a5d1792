"""Save as and Export to a path the door for writing refuses: the window says why in its language; nothing changes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application
from minutes_editor.gui.i18n import install_translations
from minutes_editor.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_a: ask.UnsavedChoice.DISCARD)
    install_translations("ar")
    configure_application(QApplication.instance(), "ar")
    window = MainWindow("ar")
    qtbot.addWidget(window)
    yield window
    install_translations("en")
    configure_application(QApplication.instance(), "en")


def _errors(monkeypatch) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": told.append((title, text)))
    return told


def test_save_as_onto_a_fifo_or_a_read_only_file_says_why_and_changes_nothing(
    window, example: Path, tmp_path: Path, monkeypatch
) -> None:
    assert window.open_path(example, check_saved=False)
    window.document.undo_stack.resetClean()
    told = _errors(monkeypatch)
    fifo = tmp_path / "pipe.minutes"
    os.mkfifo(fifo)
    read_only = tmp_path / "kept.minutes"
    read_only.write_bytes(b"kept")
    read_only.chmod(0o444)
    for path in (fifo, read_only):
        monkeypatch.setattr(ask, "save_path", lambda *_a, path=path: path)
        assert window.save_as() is False
    assert [title for title, _ in told] == ["تعذّر حفظ التقرير"] * 2
    assert told[0][1] == f"تعذّر حفظ pipe.minutes: {fifo} أنبوب (FIFO) وليس ملفًا. لم يُكتب شيء."
    assert told[1][1].startswith("تعذّر حفظ kept.minutes: الملف للقراءة فقط.")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert read_only.read_bytes() == b"kept"
    assert window.document.path == example  # still the report it was
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.endswith((".bak", ".tmp"))) == []


def test_export_into_a_folder_with_an_overlong_name_says_why(
    window, example: Path, tmp_path: Path, monkeypatch
) -> None:
    assert window.open_path(example, check_saved=False)
    told = _errors(monkeypatch)
    monkeypatch.setattr(ask, "save_path", lambda *_a: tmp_path / ("م" * 150))
    before = sorted(tmp_path.iterdir())
    assert window.export_docx() is None
    [(_title, text)] = told
    assert text.endswith(": اسم الملف أو مساره أطول من المسموح.")
    assert sorted(tmp_path.iterdir()) == before
