"""Autosave writes a recovery copy apart from the user's file, and a later start offers it back."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.recovery import Autosaver, find_recoverable, restore_document
from minutes_editor.gui.recovery_offer import RecoveryChoice, RecoveryDialog, offer_recovery
from minutes_editor.model.report import Block, BlockKind, Report, Section, SectionKind, Session, Span, TitleBlock
from minutes_editor.storage.encoder import ParagraphJson, recovery_bytes
from minutes_editor.storage.minutes_file import load_report, report_from_bytes, report_to_bytes, save_report
from tests.strategies import reports

ROOT = Path(__file__).resolve().parents[2]


class AppendText(QUndoCommand):
    """Types ``text`` at the end of the first session's last paragraph, as the body editor would.

    As the window's body store does, the edited paragraph becomes a new Block in a new list: paragraphs
    are never changed in place (the journal relies on it).
    """

    def __init__(self, document: ReportDocument, text: str) -> None:
        super().__init__("typing")
        self.document = document
        self.text = text

    def _replace_last(self, change) -> None:
        session = self.document.report.sections[0].sessions[0]
        last = session.blocks[-1]
        span = last.content[-1]
        assert isinstance(span, Span)
        content = [*last.content[:-1], Span(change(span.text))]
        session.blocks = [*session.blocks[:-1], Block(last.kind, content, last.level)]

    def redo(self) -> None:
        self._replace_last(lambda text: text + self.text)

    def undo(self) -> None:
        self._replace_last(lambda text: text[: len(text) - len(self.text)])


def sample_report() -> Report:
    return Report(
        language="ar",
        title=TitleBlock(meeting="اجتماع عملية بودابست", location="عبر زووم"),
        sections=[
            Section(
                kind=SectionKind.DISCUSSION,
                sessions=[
                    Session(
                        title="الجلسة الأولى",
                        blocks=[Block(BlockKind.PARAGRAPH, [Span("افتتح الرئيس الجلسة")])],
                    )
                ],
            )
        ],
    )


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    path = tmp_path / "reports" / "budapest.minutes"
    path.parent.mkdir()
    save_report(sample_report(), path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovery"


def typed(document: ReportDocument, text: str) -> None:
    for character in text:
        document.undo_stack.push(AppendText(document, character))


def body_text(report: Report) -> str:
    return report.sections[0].sessions[0].blocks[-1].plain_text


def test_a_change_is_saved_to_the_recovery_file_not_the_users_file(qtbot, user_file: Path, folder: Path) -> None:
    before = user_file.read_bytes()
    before_mtime = user_file.stat().st_mtime_ns
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=100)
    assert not saver.report_path.exists()  # nothing changed yet, nothing written

    with qtbot.waitSignal(saver.saved, timeout=3000) as blocker:
        typed(document, " وقال")
    assert blocker.args == [saver.report_path]
    assert saver.report_path.is_relative_to(folder)
    assert body_text(load_report(saver.report_path)) == "افتتح الرئيس الجلسة وقال"
    assert json.loads(saver.report_path.read_bytes()) == json.loads(report_to_bytes(document.report))
    assert user_file.read_bytes() == before
    assert user_file.stat().st_mtime_ns == before_mtime
    assert not list(user_file.parent.glob("*.bak"))
    saver.close()


def test_saving_waits_for_a_pause_in_typing(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    # Snapshots alone: with the journal, the first change is written at once (tests below).
    saver = Autosaver(document, folder=folder, interval_ms=300, max_delay_ms=10_000, journal=False)
    writes: list[float] = []
    saver.saved.connect(lambda _path: writes.append(time.monotonic()))
    for character in "كلمة":
        typed(document, character)
        last_change = time.monotonic()
        qtbot.wait(100)  # shorter than the interval: still typing
    assert writes == []
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)
    assert writes[0] - last_change >= 0.25
    assert body_text(load_report(saver.report_path)).endswith("كلمة")
    saver.close()


def test_typing_without_a_pause_is_still_saved_before_the_deadline(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=300, max_delay_ms=700, journal=False)
    writes: list[float] = []
    saver.saved.connect(lambda _path: writes.append(time.monotonic()))
    start = time.monotonic()
    typed_text = ""
    while time.monotonic() - start < 2.0:
        typed(document, "ب")
        typed_text += "ب"
        qtbot.wait(50)
    # Every change waited at most the deadline: at least two saves in two seconds of unbroken typing.
    assert len(writes) >= 2
    assert writes[0] - start < 1.2
    saver.wait()
    saved = body_text(load_report(saver.report_path))
    assert saved.startswith("افتتح الرئيس الجلسة")
    assert len(saved) > len("افتتح الرئيس الجلسة") + len(typed_text) // 3
    saver.close()


def test_losing_focus_saves_at_once(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=60_000, max_delay_ms=60_000)
    typed(document, "م")
    assert saver.pending
    application = QApplication.instance()
    with qtbot.waitSignal(saver.saved, timeout=3000):
        # What Qt emits when the user switches to another application (offscreen never does).
        application.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert body_text(load_report(saver.report_path)).endswith("م")
    saver.close()


def test_losing_focus_without_changes_writes_nothing(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder)
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    saver.wait()
    assert not saver.report_path.exists()
    saver.close()


def test_saving_the_report_removes_the_recovery_copy(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, "ز")
    document.save()
    saver.wait()
    assert not saver.report_path.exists()
    assert not saver.meta_path.exists()
    assert body_text(load_report(user_file)).endswith("ز")
    saver.close()


def test_undoing_back_to_the_saved_state_removes_the_recovery_copy(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, "ت")
    document.undo_stack.undo()
    qtbot.wait(200)
    saver.wait()
    assert not saver.report_path.exists()
    saver.close()


def test_a_failed_write_is_reported(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_text("not a folder")  # e.g. the data folder was replaced or unmounted
    with qtbot.waitSignal(saver.failed, timeout=3000) as blocker:
        typed(document, "خ")
    assert saver.report_path.stem in blocker.args[0]  # the sidecar, written first, names the failure
    assert saver.pending  # the next change tries again
    saver.detach()


def test_recovery_files_of_this_running_session_are_not_offered(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, "ث")
    assert find_recoverable(folder) == []
    saver.close()
    assert find_recoverable(folder) == []  # a clean close leaves nothing behind
    assert list(folder.iterdir()) == []


def test_a_session_that_ended_without_saving_is_offered_with_its_report_and_time(
    qtbot, user_file: Path, folder: Path
) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, " ثم")
    saver.detach()  # as after a crash: files stay, the lock is gone

    before = dt.datetime.now(dt.UTC)
    [entry] = find_recoverable(folder)
    assert entry.title == "اجتماع عملية بودابست"
    assert entry.original_path == user_file
    assert entry.language == "ar"
    assert before - dt.timedelta(seconds=30) < entry.saved_at <= before
    assert find_recoverable(folder) == []  # held by the first caller while it is offered
    entry.release()
    assert len(find_recoverable(folder)) == 1


def test_a_restored_report_is_modified_and_linked_to_its_file(qtbot, user_file: Path, folder: Path) -> None:
    before = user_file.read_bytes()
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, " ثم")
    saver.detach()

    [entry] = find_recoverable(folder)
    restored = restore_document(entry)
    entry.discard()
    assert restored.is_modified
    assert restored.path == user_file
    assert body_text(restored.report) == "افتتح الرئيس الجلسة ثم"
    assert user_file.read_bytes() == before  # written only on Save
    assert not restored.changed_on_disk()
    restored.save()
    assert body_text(load_report(user_file)) == "افتتح الرئيس الجلسة ثم"
    assert list(folder.iterdir()) == []


def test_restoring_keeps_the_guard_against_a_file_changed_since(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, "ع")
    saver.detach()
    other = sample_report()
    other.title.location = "بودابست"
    save_report(other, user_file)  # someone else saved the file after the crash

    [entry] = find_recoverable(folder)
    restored = restore_document(entry)
    entry.discard()
    assert restored.changed_on_disk()


def test_an_untitled_report_is_restored_without_a_file(qtbot, folder: Path) -> None:
    document = ReportDocument(sample_report())
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, "ق")
    saver.detach()
    [entry] = find_recoverable(folder)
    assert entry.original_path is None
    restored = restore_document(entry)
    entry.discard()
    assert restored.path is None
    assert restored.is_modified


def test_a_report_without_its_sidecar_is_still_offered(qtbot, user_file: Path, folder: Path) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, "ف")
    saver.detach()
    saver.meta_path.unlink()  # a crash between the two writes
    (folder / f".{saver.report_path.name}.abc123.tmp").write_text("half")
    [entry] = find_recoverable(folder)
    assert body_text(entry.load()).endswith("ف")
    assert not (folder / f".{saver.report_path.name}.abc123.tmp").exists()
    entry.discard()


def _run_autosaving_process(folder: Path, user_file: Path, marker: Path) -> subprocess.Popen[bytes]:
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        sys.path.insert(0, {str(ROOT)!r})
        from tests.gui.test_recovery import typed
        from minutes_editor.gui.document import ReportDocument
        from minutes_editor.gui.recovery import Autosaver
        app = QApplication([])
        document = ReportDocument.open(Path({str(user_file)!r}))
        saver = Autosaver(document, folder=Path({str(folder)!r}), interval_ms=10)
        saver.saved.connect(lambda _path: Path({str(marker)!r}).touch())
        typed(document, "ن")
        app.exec()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-c", script], env=env)


def _wait_for(path: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while not path.exists():
        assert process.poll() is None, "the autosaving process ended early"
        assert time.monotonic() < deadline, "the autosaving process never saved"
        time.sleep(0.05)


@pytest.mark.slow
def test_only_files_of_dead_processes_are_offered(user_file: Path, folder: Path, tmp_path: Path) -> None:
    marker = tmp_path / "saved"
    process = _run_autosaving_process(folder, user_file, marker)
    try:
        _wait_for(marker, process)
        assert find_recoverable(folder) == []  # another editor is running with it
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        [entry] = find_recoverable(folder)
        assert body_text(entry.load()).endswith("ن")
        assert entry.original_path == user_file
        entry.discard()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def _left_behind(folder: Path, user_file: Path, qtbot) -> None:
    document = ReportDocument.open(user_file)
    saver = Autosaver(document, folder=folder, interval_ms=50)
    with qtbot.waitSignal(saver.saved, timeout=3000):
        typed(document, " غ")
    saver.detach()


def _press_when_shown(qtbot, button_name: str, seen: list[list[str]]) -> None:
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            QTimer.singleShot(20, press)
            return
        item = dialog.list.topLevelItem(0)
        seen.append([item.text(column) for column in range(3)])
        getattr(dialog, button_name).click()

    QTimer.singleShot(0, press)


def test_the_offer_shows_the_report_and_restores_it(qtbot, user_file: Path, folder: Path) -> None:
    _left_behind(folder, user_file, qtbot)
    opened: list[ReportDocument] = []
    seen: list[list[str]] = []
    _press_when_shown(qtbot, "restore_button", seen)
    assert offer_recovery(None, opened.append, folder=folder) == 1
    [[title, file_name, saved_at]] = seen
    assert title == "اجتماع عملية بودابست"
    assert file_name == "budapest.minutes"
    assert saved_at  # the locale's short date and time
    [document] = opened
    assert body_text(document.report).endswith(" غ")
    assert document.is_modified
    assert list(folder.iterdir()) == []


def test_not_now_keeps_the_files_for_the_next_start(qtbot, user_file: Path, folder: Path) -> None:
    _left_behind(folder, user_file, qtbot)
    opened: list[ReportDocument] = []
    _press_when_shown(qtbot, "later_button", [])
    assert offer_recovery(None, opened.append, folder=folder) == 0
    assert opened == []
    [entry] = find_recoverable(folder)  # offered again, and no longer locked
    entry.release()


def test_discard_deletes_the_recovery_files(qtbot, user_file: Path, folder: Path) -> None:
    _left_behind(folder, user_file, qtbot)
    _press_when_shown(qtbot, "discard_button", [])
    assert offer_recovery(None, lambda _document: None, folder=folder) == 0
    assert find_recoverable(folder) == []
    assert list(folder.iterdir()) == []


def test_the_dialog_lists_newest_first(qtbot, user_file: Path, folder: Path, monkeypatch) -> None:
    _left_behind(folder, user_file, qtbot)
    untitled = ReportDocument(Report(language="en"))
    saver = Autosaver(untitled, folder=folder, interval_ms=50)
    untitled.undo_stack.push(QUndoCommand("nothing"))
    with qtbot.waitSignal(saver.saved, timeout=3000):
        QCoreApplication.processEvents()
    saver.detach()
    entries = find_recoverable(folder)
    assert entries[0].saved_at >= entries[1].saved_at
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    names = {dialog.list.topLevelItem(row).text(1) for row in range(2)}
    assert names == {"budapest.minutes", dialog.tr("Not saved yet")}
    assert dialog.selected_entry() is entries[0]
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: self._choose(RecoveryChoice.LATER))
    assert RecoveryDialog.ask(entries)[0] is RecoveryChoice.LATER
    for entry in entries:
        entry.discard()


def test_edits_held_by_an_editor_are_flushed_into_the_recovery_copy(qtbot, user_file: Path, folder: Path) -> None:
    # A body editor keeps typing in its own document and writes it into the model only when asked;
    # it reports each keystroke with note_change, not with an undo command.
    document = ReportDocument.open(user_file)
    held: list[str] = []

    def write_held_text() -> None:
        if held:
            span = document.report.sections[0].sessions[0].blocks[-1].content[-1]
            assert isinstance(span, Span)
            span.text += "".join(held)
            held.clear()

    saver = Autosaver(document, folder=folder, interval_ms=100, before_save=write_held_text)
    typed(document, " ")  # the first keystroke opens an undo step
    for character in "وأكد":
        held.append(character)
        saver.note_change()
    with qtbot.waitSignal(saver.saved, timeout=3000):
        pass
    assert body_text(load_report(saver.report_path)) == "افتتح الرئيس الجلسة وأكد"
    saver.close()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_the_recovery_file_holds_the_same_document_as_a_saved_file(report: Report) -> None:
    data = recovery_bytes(report)
    assert json.loads(data) == json.loads(report_to_bytes(report))
    assert report_from_bytes(data) == report_from_bytes(report_to_bytes(report))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=reports(), second=reports(), data=st.data())
def test_paragraphs_remembered_from_the_last_autosave_never_stand_for_changed_ones(
    first: Report, second: Report, data: st.DataObject
) -> None:
    # As the window changes bodies: an edited paragraph becomes a new Block, the others stay the same objects.
    paragraphs = ParagraphJson()
    recovery_bytes(first, paragraphs)
    replacements = [block for section in second.sections for block in section.blocks]
    for section in first.sections:
        for owner in (section, *section.sessions):
            blocks = list(owner.blocks)
            for index in range(len(blocks)):
                if replacements and data.draw(st.booleans()):
                    blocks[index] = replacements.pop()
            if data.draw(st.booleans()):
                blocks = blocks[::-1]
            owner.blocks = blocks
    assert recovery_bytes(first, paragraphs) == recovery_bytes(first)
    assert json.loads(recovery_bytes(first, paragraphs)) == json.loads(report_to_bytes(first))


def test_the_recovery_file_mends_split_surrogates_as_a_saved_file_does() -> None:
    report = sample_report()
    report.sections[0].sessions[0].blocks.append(
        Block(BlockKind.BULLET, [Span("\ud83d\ude00 and a lone \udc00", bold=True)], level=2)
    )
    assert json.loads(recovery_bytes(report)) == json.loads(report_to_bytes(report))


def test_the_recovery_file_of_the_example_is_the_example() -> None:
    example = ROOT / "examples" / "budapest-process-2021-10-14.ar.minutes"
    report = load_report(example)
    assert json.loads(recovery_bytes(report)) == json.loads(example.read_bytes())


def test_a_save_encodes_the_report_once(qtbot, user_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 14: a save once encoded the report three times (save, its check, the disk hash). The check reads
    # back the bytes written, and the disk hash is theirs: the encoder runs once.
    from minutes_editor.storage import encoder

    document = ReportDocument.open(user_file)
    typed(document, " وأكد")
    calls: list[object] = []
    real = encoder.report_to_document

    def counted(report: Report) -> dict[str, object]:
        calls.append(report)
        return real(report)

    monkeypatch.setattr(encoder, "report_to_document", counted)
    document.save()
    assert len(calls) == 1
    assert not document.is_modified
    assert not document.changed_on_disk()
    assert user_file.read_bytes() == report_to_bytes(document.report)
