"""Autosave and restore in the real main window: typing reaches the recovery copy, saving clears it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.app import create_window
from minutes_editor.gui.i18n import install_translations, remove_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.recovery import find_recoverable
from minutes_editor.gui.recovery_offer import RecoveryDialog
from minutes_editor.gui.services import attach_services, offer_restore
from minutes_editor.gui.settings import Settings
from minutes_editor.model.report import Session
from minutes_editor.storage.minutes_file import ReportFileError, load_report
from tests.support.examples import example_path

EXAMPLE = example_path("ar")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "reports" / EXAMPLE.name
    target.parent.mkdir()
    shutil.copyfile(EXAMPLE, target)
    return target


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def make_window(qtbot, tmp_path: Path, folder: Path, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    settings = Settings(tmp_path / "settings.ini")

    def make(path: Path | None = None, interval_ms: int = 100) -> MainWindow:
        settings.set_autosave_interval_ms(interval_ms)
        window = create_window(path, "en", settings)
        qtbot.addWidget(window)
        window.services = attach_services(window, settings, recovery_folder=folder)
        window.show()
        return window

    return make


def first_session(window: MainWindow) -> Session:
    return next(session for section in window.report.sections for session in section.sessions)


def type_at_end(window: MainWindow, session: Session, text: str, type_text) -> None:
    window.show_part(session)
    window.focus_editor()
    editor = window.current_editor()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, text)


def body(session: Session) -> str:
    return "\n".join(block.plain_text for block in session.blocks)


def recovered_body(window: MainWindow) -> str:
    saver = window.services.autosave.saver
    saver.wait()
    recovered = load_report(saver.report_path)
    return body(next(session for section in recovered.sections for session in section.sessions))


def test_typing_in_a_body_reaches_the_recovery_copy_not_the_users_file(
    make_window, example: Path, type_text, qtbot
) -> None:
    before = example.read_bytes()
    window = make_window(example)
    session = first_session(window)
    original = body(session)
    saver = window.services.autosave.saver
    with qtbot.waitSignal(saver.saved, timeout=5000):
        type_at_end(window, session, " وأكد الرئيس\nثم رفعت الجلسة", type_text)
    assert recovered_body(window) == original + " وأكد الرئيس\nثم رفعت الجلسة"
    assert example.read_bytes() == before
    assert window.isWindowModified()


def test_saving_from_the_window_removes_the_recovery_copy(make_window, example: Path, type_text, qtbot) -> None:
    window = make_window(example)
    saver = window.services.autosave.saver
    with qtbot.waitSignal(saver.saved, timeout=5000):
        type_at_end(window, first_session(window), " تم", type_text)
    assert window.save()
    saver.wait()
    assert not saver.report_path.exists()
    assert find_recoverable(saver.folder) == []


def test_opening_another_report_drops_the_old_copy_and_follows_the_new_one(
    make_window, example: Path, type_text, qtbot, tmp_path: Path
) -> None:
    window = make_window(example)
    old = window.services.autosave.saver
    with qtbot.waitSignal(old.saved, timeout=5000):
        type_at_end(window, first_session(window), " ش", type_text)
    other = tmp_path / "other.minutes"
    shutil.copyfile(example_path("en"), other)
    assert window.open_path(other)  # the user chose Discard when asked
    assert not old.report_path.exists()
    new = window.services.autosave.saver
    assert new is not old
    assert new.document is window.document
    with qtbot.waitSignal(new.saved, timeout=5000):
        type_at_end(window, first_session(window), " and", type_text)
    assert recovered_body(window).endswith(" and")


def _crash(window: MainWindow) -> None:
    # What a crash leaves: the recovery files stay, nobody holds their lock.
    window.services.autosave.saver.detach()
    window.services.autosave.saver = None


@pytest.fixture
def crashed(make_window, example: Path, type_text, qtbot) -> str:
    """A session on ``example`` that typed a word and crashed; returns the body it had."""
    window = make_window(example)
    with qtbot.waitSignal(window.services.autosave.saver.saved, timeout=5000):
        type_at_end(window, first_session(window), " أخيرا", type_text)
    expected = body(first_session(window))
    _crash(window)
    return expected


def _restore_when_offered(seen: list[RecoveryDialog]) -> None:
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            seen.append(dialog)
            dialog.restore_button.click()
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


def test_restoring_at_start_up_shows_the_report_modified_in_the_start_window(
    make_window, example: Path, crashed: str, folder: Path
) -> None:
    window = make_window(example)  # the next start, on the same file
    seen: list[RecoveryDialog] = []
    _restore_when_offered(seen)
    assert offer_restore(window, lambda: pytest.fail("no second window needed"), recovery_folder=folder) == 1
    assert len(seen) == 1
    assert window.document.is_modified
    assert window.isWindowModified()
    assert window.document.path == example
    assert body(first_session(window)) == crashed
    # The restored report is autosaved in turn, and the old copy is gone.
    saver = window.services.autosave.saver
    saver.wait()
    assert saver.document is window.document
    assert [path.name for path in folder.glob("*.minutes")] == [saver.report_path.name]


def test_a_restored_report_gets_its_own_window_when_the_start_window_shows_another(
    make_window, example: Path, crashed: str, folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.minutes"
    shutil.copyfile(example_path("en"), other)
    window = make_window(other)
    made: list[MainWindow] = []

    def new_window() -> MainWindow:
        made.append(make_window())
        return made[-1]

    _restore_when_offered([])
    assert offer_restore(window, new_window, recovery_folder=folder) == 1
    assert window.document.path == other
    [second] = made
    assert second.document.path == example
    assert second.document.is_modified
    assert body(first_session(second)) == crashed


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_restore_dialog_in_each_interface_language(
    qtbot, example: Path, crashed: str, folder: Path, language: str
) -> None:
    direction = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    install_translations(language)
    try:
        entries = find_recoverable(folder)
        dialog = RecoveryDialog(entries)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.layoutDirection() == direction
        expected = QCoreApplication.translate("RecoveryDialog", "&Restore")
        assert dialog.restore_button.text() == expected
        assert (language == "ar") == any("\u0600" <= c <= "\u06ff" for c in dialog.windowTitle())
        assert dialog.list.topLevelItem(0).text(1) == example.name
        for entry in entries:
            entry.release()
    finally:
        remove_translations()
        install_translations("en")


def test_closing_the_window_removes_the_copy_but_a_cancelled_close_keeps_it(
    make_window, example: Path, type_text, qtbot, monkeypatch
) -> None:
    window = make_window(example)
    saver = window.services.autosave.saver
    with qtbot.waitSignal(saver.saved, timeout=5000):
        type_at_end(window, first_session(window), " س", type_text)
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.CANCEL)
    assert not window.close()
    saver.wait()
    assert saver.report_path.exists()  # still editing: the copy stays
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    assert window.close()
    saver.wait()
    assert not saver.report_path.exists()
    assert window.services.autosave.saver is None
    window.show()  # shown again: autosave follows the report again
    assert window.services.autosave.saver is not None


def test_a_failed_autosave_is_told_in_the_status_bar(
    make_window, example: Path, type_text, qtbot, folder: Path
) -> None:
    window = make_window(example)
    saver = window.services.autosave.saver
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_text("not a folder")  # the data folder went away
    with qtbot.waitSignal(saver.failed, timeout=5000):
        type_at_end(window, first_session(window), " ف", type_text)
    qtbot.waitUntil(lambda: saver.report_path.stem in window.statusBar().currentMessage())
    saver.detach()


@pytest.mark.usefixtures("crashed")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_damaged_recovery_copy_is_told_in_the_interface_language_and_kept(
    make_window, example: Path, folder: Path, monkeypatch, language: str
) -> None:
    [copy] = folder.glob("*.minutes")
    copy.write_bytes(copy.read_bytes()[:200])  # cut short, as a full disk or a power cut may leave it
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, *_rest: told.append((title, text)))
    install_translations(language)
    try:
        window = make_window(example)
        _restore_when_offered([])
        assert offer_restore(window, lambda: pytest.fail("nothing to open"), recovery_folder=folder) == 0
    finally:
        remove_translations()
        install_translations("en")
    [(_title, text)] = told
    assert copy.name in text
    arabic = any("\u0600" <= character <= "\u06ff" for character in text.replace(copy.name, ""))
    assert arabic is (language == "ar")
    if language == "en":  # the loader's own message, word for word
        with pytest.raises(ReportFileError) as failure:
            load_report(copy)
        assert text == str(failure.value)
    # Nothing is lost: the damaged copy stays for another try, and the user's file is as it was.
    assert copy.exists()
    assert load_report(example).title == load_report(EXAMPLE).title


def test_typing_reaches_the_journal_long_before_a_snapshot_and_restores_where_the_user_was(
    make_window, example: Path, type_text, qtbot, folder: Path
) -> None:
    # Snapshots only after a minute's pause: what a crash gives back here came through the journal.
    window = make_window(example, interval_ms=60_000)
    saver = window.services.autosave.saver
    session = first_session(window)
    with qtbot.waitSignal(saver.saved, timeout=5000):
        type_at_end(window, session, " أ", type_text)  # the first change takes the snapshot the journal follows
    with qtbot.waitSignal(saver.journaled, timeout=5000):
        type_at_end(window, session, "كد الرئيس\nوختم", type_text)
    qtbot.waitUntil(lambda: "وختم" in saver.journal_path.read_text(encoding="utf-8"), timeout=5000)
    editor = window.current_editor()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter, n=3)
    editor.setTextCursor(cursor)
    type_text(editor, "ـ")  # a kashida, three letters before the end: the cursor the journal keeps
    position = editor.textCursor().position()
    saver.write_everything()
    expected = body(session)
    assert expected.endswith("وـختم")
    assert saver.journal_path.read_text(encoding="utf-8").count("\n") >= 3  # header and lines of changes
    _crash(window)

    restarted = make_window(example, interval_ms=60_000)
    _restore_when_offered([])
    assert offer_restore(restarted, lambda: pytest.fail("no second window"), recovery_folder=folder) == 1
    assert body(first_session(restarted)) == expected
    assert restarted.outline.current_part() is first_session(restarted)
    assert restarted.current_editor().textCursor().position() == position
    assert restarted.focusWidget() is restarted.current_editor()  # typing goes on where it stopped


def test_a_restored_imported_draft_keeps_its_name(make_window, type_text, qtbot, folder: Path, tmp_path: Path) -> None:
    from minutes_editor.export.docx_writer import export_docx

    draft = tmp_path / "draft-v2.docx"
    export_docx(load_report(EXAMPLE), draft)
    window = make_window(draft)
    assert window.document.source == draft
    with qtbot.waitSignal(window.services.autosave.saver.saved, timeout=5000):
        type_at_end(window, first_session(window), " تم", type_text)
    window.services.autosave.saver.write_everything()
    _crash(window)

    restarted = make_window()
    _restore_when_offered([])
    assert offer_restore(restarted, lambda: pytest.fail("no second window"), recovery_folder=folder) == 1
    assert restarted.document.path is None
    assert restarted.document.source == draft
    assert "draft-v2" in restarted.windowTitle()
    assert body(first_session(restarted)).endswith(" تم")


def test_typing_in_the_title_block_and_a_heading_reaches_the_journal(
    make_window, example: Path, type_text, qtbot
) -> None:
    from minutes_editor.storage.journal_replay import read_recovery

    window = make_window(example, interval_ms=60_000)
    saver = window.services.autosave.saver
    window.show_part(window.report.title)
    window.title_page.location.setFocus()
    with qtbot.waitSignal(saver.saved, timeout=5000):
        type_text(window.title_page.location, " (زووم)")  # the first change: the snapshot
    with qtbot.waitSignal(saver.journaled, timeout=5000):
        type_text(window.title_page.location, " ثم")  # merged into the same undo step: still journaled
    section = window.report.sections[0]
    window.show_part(section)
    window.section_page.heading.setFocus()
    with qtbot.waitSignal(saver.journaled, timeout=5000):
        type_text(window.section_page.heading, "الأهداف")
    saver.wait()
    replayed = read_recovery(saver.report_path)
    assert replayed.report.title.location == window.report.title.location
    assert replayed.report.title.location.endswith("(زووم) ثم")
    assert replayed.report.sections[0].heading == window.report.sections[0].heading
    assert replayed.report.sections[0].heading.endswith("الأهداف")
