"""Autosave never stops silently, and no recovery file in a hostile place keeps the window from appearing.

A recovery folder that is a file: the window says at once that autosave is
off, in the interface's language, offers another folder, remembers it and
autosaves there. A pipe in the place of a recovery sidecar, or as the file a
recovery names as the report's own, is passed over without blocking.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from minutes_editor.gui import ask
from minutes_editor.gui.app import create_window
from minutes_editor.gui.i18n import install_translations, remove_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.recovery import RECOVERY_FORMAT, find_recoverable, restore_document
from minutes_editor.gui.services import attach_services
from minutes_editor.gui.settings import Settings
from minutes_editor.storage.minutes_file import load_report, report_to_bytes
from tests.support.examples import example_path

EXAMPLE = example_path("ar")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings: Settings, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(folder: Path | None, path: Path | None = None) -> MainWindow:
        window = create_window(path, "en", settings)
        qtbot.addWidget(window)
        window.services = attach_services(window, settings, recovery_folder=folder)
        window.show()
        return window

    return make


# ------------------------------------------------------------ the recovery folder


def test_a_recovery_folder_that_is_a_file_is_told_at_once_and_another_is_remembered(
    make_window, tmp_path: Path, settings: Settings, monkeypatch, qtbot
) -> None:
    blocked = tmp_path / "recovery"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    told: list[tuple[Path, str]] = []

    def unusable(_parent: object, folder: Path, reason: str) -> bool:
        told.append((folder, reason))
        return True

    monkeypatch.setattr(ask, "recovery_folder_unusable", unusable)
    monkeypatch.setattr(ask, "choose_folder", lambda *_args: elsewhere)
    window = make_window(blocked)
    autosave = window.services.autosave  # what the first paint starts
    assert told == [(blocked, "File exists")]
    saver = autosave.saver
    assert saver is not None
    assert saver.folder == elsewhere
    assert settings.recovery_folder() == elsewhere
    assert window.statusBar().currentMessage() == ""
    # And it autosaves there.
    window.document.report.title.meeting = "changed"
    window.document.undo_stack.resetClean()
    saver.note_change()
    with qtbot.waitSignal(saver.saved, timeout=5000):
        saver.save_now()
    assert list(elsewhere.glob("*.minutes"))


def test_going_on_without_autosave_leaves_a_word_in_the_status_bar(make_window, tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "recovery"
    blocked.write_text("", encoding="utf-8")
    told: list[Path] = []
    monkeypatch.setattr(ask, "recovery_folder_unusable", lambda _p, folder, _r: told.append(folder) is not None)
    window = make_window(blocked)
    assert window.services.autosave.saver is None
    assert told == [blocked]
    assert "Autosave is off" in window.statusBar().currentMessage()
    # Another report in the same window: the folder is still unusable, and the user was told already.
    window.set_document(type(window.document)(load_report(EXAMPLE)))
    assert told == [blocked]


def test_the_box_speaks_the_interface_language(qtbot, tmp_path: Path) -> None:
    install_translations("ar")
    try:
        box = ask.build_recovery_folder_unusable(None, tmp_path / "recovery", "File exists")
        qtbot.addWidget(box)
        assert box.windowTitle() == "الحفظ التلقائي متوقف"
        assert "File exists" in box.informativeText()
        choose = next(button for button in box.buttons() if button.objectName() == "choose_folder")
        assert choose.text() == "اختيار مجلد…"
        assert box.button(QMessageBox.StandardButton.Ignore).text() == "المتابعة دون حفظ تلقائي"
    finally:
        remove_translations()


def test_the_settings_menu_offers_another_folder(make_window, tmp_path: Path, settings: Settings, monkeypatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    second.mkdir()
    window = make_window(first)
    assert window.services.autosave.saver.folder == first
    monkeypatch.setattr(ask, "choose_folder", lambda *_args: second)
    window.services.menu.recovery_folder_action.trigger()
    assert window.services.autosave.saver.folder == second
    assert settings.recovery_folder() == second


# ------------------------------------------------------------ pipes among the recovery files

pipes = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _left_behind(folder: Path, original: Path | None) -> Path:
    """The recovery files a crashed session leaves: a snapshot and its sidecar; returns the snapshot."""
    folder.mkdir(exist_ok=True)
    snapshot = folder / "20240101T000000-1-abcdef01.minutes"
    snapshot.write_bytes(report_to_bytes(load_report(EXAMPLE)))
    meta = {"format": RECOVERY_FORMAT, "version": 1, "original_path": str(original) if original else None}
    snapshot.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    return snapshot


@pipes
def test_a_pipe_as_a_recovery_sidecar_is_passed_over(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    snapshot = _left_behind(folder, None)
    sidecar = snapshot.with_suffix(".json")
    sidecar.unlink()
    os.mkfifo(sidecar)
    [entry] = find_recoverable(folder)
    try:
        assert entry.original_path is None
        assert entry.load() == load_report(EXAMPLE)
    finally:
        entry.release()


@pipes
def test_restoring_a_recovery_whose_original_file_is_now_a_pipe(make_window, tmp_path: Path) -> None:
    original = tmp_path / "report.minutes"
    os.mkfifo(original)
    folder = tmp_path / "recovery"
    _left_behind(folder, original)
    [entry] = find_recoverable(folder)
    document = restore_document(entry)
    entry.discard()
    assert document.path == original
    assert document.disk_hash is None
    assert not document.changed_on_disk()
    window = make_window(tmp_path / "autosave")
    window.set_document(document)
    assert window.document.report == load_report(EXAMPLE)


def test_a_recovery_folder_chosen_before_is_used_at_the_next_start(
    make_window, tmp_path: Path, settings: Settings
) -> None:
    chosen = tmp_path / "chosen"
    settings.set_recovery_folder(chosen)
    window = make_window(None)
    assert window.services.autosave.saver.folder == chosen
    shutil.rmtree(chosen, ignore_errors=True)
