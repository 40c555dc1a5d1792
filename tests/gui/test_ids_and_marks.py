"""Ids and reviewers' marks in the window: through the body editors, a save, the recovery files and a restore.

The report is tests/storage/reviewed_report.py's: every kind of mark, comments
on text and on fields, field changes. Equality of reports ignores ids, so every
check compares them too (``ids_of``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.recovery import Autosaver, find_recoverable, restore_document
from minutes_editor.gui.table_text import body_to_document, document_to_body
from minutes_editor.gui.text_marks import AUTHOR_COLOURS, COMMENT_BACKGROUND, author_colour
from minutes_editor.model.report import Report, Section, Session, Span
from minutes_editor.storage.minutes_file import load_report, save_report
from tests.storage.reviewed_report import AMAL, reviewed_report
from tests.strategies import ids_of


def _parts(report: Report) -> list[Section | Session]:
    return [part for section in report.sections for part in (section, *section.sessions)]


def _all_ids(report: Report) -> list[str]:
    return [
        part_id
        for part in _parts(report)
        for part_id in (part.id, *(block.id for block in part.blocks))  # type: ignore[attr-defined]
    ]


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path: Path) -> MainWindow:
    """The window showing a copy of the reviewed report."""
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    path = tmp_path / "reviewed.minutes"
    save_report(reviewed_report(), path)
    window = MainWindow("en")
    qtbot.addWidget(window)
    assert window.open_path(path, check_saved=False)
    window.show()
    qtbot.waitExposed(window)
    return window


def _show(window: MainWindow, part: Section | Session) -> QTextDocument:
    window.show_part(part)
    editor = window.current_editor()
    assert editor is not None
    return editor.document()


def _cursor_at(document: QTextDocument, text: str, offset: int = 0) -> QTextCursor:
    found = document.find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + offset)
    return cursor


def _type_at(window: MainWindow, cursor: QTextCursor, text: str, type_text) -> None:
    editor = window.current_editor()
    assert editor is not None
    editor.setTextCursor(cursor)
    editor.setFocus()
    type_text(editor, text)
    QApplication.processEvents()


def _edit_every_body(window: MainWindow, type_text) -> None:
    # A letter typed and taken back at the end of each body: each is read back from its document.
    for part in _parts(window.report):
        document = _show(window, part)
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        _type_at(window, cursor, "x", type_text)
        QTest.keyClick(window.current_editor(), Qt.Key.Key_Backspace)


# ------------------------------------------------------------------ a round trip


def test_every_mark_goes_into_the_body_editors_and_back_unchanged(window: MainWindow, type_text) -> None:
    original = reviewed_report()
    # The paragraph objects themselves, kept alive so that no id() of theirs is reused by a new one.
    before = [block for part in _parts(window.report) for block in part.blocks]
    for part in _parts(window.report):
        document = _show(window, part)
        assert document_to_body(document) == part.blocks
        assert [block.id for block in document_to_body(document)] == [block.id for block in part.blocks]
    _edit_every_body(window, type_text)
    report = window.document.read()
    # Every body was read back from its document (new paragraph objects), and is what it was, ids and marks.
    assert not any(block is old for part in _parts(report) for block in part.blocks for old in before)
    assert report == original
    assert ids_of(report) == ids_of(original)
    assert report.comments == original.comments
    assert report.field_changes == original.field_changes


def test_a_save_and_a_load_keep_ids_and_marks(window: MainWindow, type_text, tmp_path: Path) -> None:
    _edit_every_body(window, type_text)
    path = tmp_path / "saved.minutes"
    assert window.save_as(path)
    loaded = load_report(path)
    assert loaded == reviewed_report()
    assert ids_of(loaded) == ids_of(reviewed_report())


def test_the_recovery_snapshot_and_journal_restore_ids_and_marks(
    window: MainWindow, type_text, qtbot, tmp_path: Path
) -> None:
    folder = tmp_path / "recovery"
    saver = Autosaver(window.document, folder=folder, interval_ms=60_000, journal_delay_ms=60_000)
    session = window.report.sections[1].sessions[0]
    document = _show(window, session)
    # The first change: a snapshot, which starts the journal.
    _type_at(window, _cursor_at(document, "التحديات:", 0), "أ", type_text)
    with qtbot.waitSignal(saver.saved, timeout=5000):
        assert saver.journal_now()
    # Then typing inside an inserted span, a new paragraph, a comment reply: journal lines.
    _type_at(window, _cursor_at(document, "نقطة نقلت", 4), "ب", type_text)
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    _type_at(window, cursor, "\nفقرة جديدة", type_text)
    with qtbot.waitSignal(saver.journaled, timeout=5000):
        assert saver.journal_now()
    expected = window.document.read()
    saver.wait()
    saver.detach()

    [entry] = find_recoverable(folder)
    replayed = entry.read()
    assert replayed.problem is None
    assert replayed.applied >= 1
    assert replayed.report == expected
    assert ids_of(replayed.report) == ids_of(expected)
    restored = restore_document(entry)
    entry.discard()
    assert restored.report == expected
    assert ids_of(restored.report) == ids_of(expected)
    blocks = restored.report.sections[1].sessions[0].blocks
    assert blocks[0].content[0] == Span("نقطةب نقلت من مكان آخر", inserted=blocks[0].content[0].inserted)
    assert blocks[0].inserted is not None
    assert blocks[0].inserted.move == "move1"
    assert [block.id for block in blocks[:3]] == ["b00000000004", "b00000000005", "b00000000006"]
    assert blocks[3].plain_text == "فقرة جديدة"
    assert blocks[3].id not in _all_ids(reviewed_report())


# ------------------------------------------------------------------ editing and ids


def test_an_edited_paragraph_keeps_its_id_and_enter_gives_the_new_one_a_new_id(window: MainWindow, type_text) -> None:
    session = window.report.sections[1].sessions[0]
    document = _show(window, session)
    _type_at(window, _cursor_at(document, "التحديات:", 3), "ـ", type_text)
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    _type_at(window, cursor, "\nجديد", type_text)
    # Enter in the middle of a paragraph: the first half keeps the id, the second half is new.
    _type_at(window, _cursor_at(document, "كان فقرة", 3), "\n", type_text)
    blocks = window.document.read().sections[1].sessions[0].blocks
    assert [block.plain_text for block in blocks] == [
        "نقطة نقلت من مكان آخر",
        "التـحديات:",
        "نص كان",
        " فقرة",
        "جديد",
    ]
    assert [block.id for block in blocks[:3]] == ["b00000000004", "b00000000005", "b00000000006"]
    ids = _all_ids(window.report)
    assert len(ids) == len(set(ids))
    assert blocks[1].old_format == reviewed_report().sections[1].sessions[0].blocks[1].old_format
    # Undoing the split gives the paragraph back whole, with its id.
    window.undo()
    blocks = window.document.read().sections[1].sessions[0].blocks
    assert [block.plain_text for block in blocks[2:]] == ["نص كان فقرة", "جديد"]
    assert blocks[2].id == "b00000000006"


def test_pasted_paragraphs_get_new_ids_here_and_in_another_body(window: MainWindow, type_text, tmp_path: Path) -> None:
    session = window.report.sections[1].sessions[0]
    document = _show(window, session)
    editor = window.current_editor()
    assert editor is not None
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Down, QTextCursor.MoveMode.KeepAnchor)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.copy()
    end = QTextCursor(document)
    end.movePosition(QTextCursor.MoveOperation.End)
    _type_at(window, end, "\n", type_text)
    editor.paste()
    # Into the body of another section too: ids are unique across the report.
    _show(window, window.report.sections[0])
    other = window.current_editor()
    assert other is not None
    other.moveCursor(QTextCursor.MoveOperation.End)
    other.paste()
    report = window.document.read()
    pasted = report.sections[1].sessions[0].blocks
    assert [block.plain_text for block in pasted[3:]] == ["نقطة نقلت من مكان آخر", "التحديات:"]
    assert [block.id for block in pasted[:3]] == ["b00000000004", "b00000000005", "b00000000006"]
    # The paragraph pasted into keeps its id; the paragraphs the paste made are new.
    first = report.sections[0].blocks
    assert [block.plain_text for block in first] == ["حضرت البلدان التالية:", "نقطة نقلت من مكان آخر", "التحديات:"]
    assert first[0].id == "b00000000001"
    ids = _all_ids(report)
    assert len(ids) == len(set(ids))
    # Marks came with the text.
    assert pasted[3].content[0].inserted == reviewed_report().sections[1].sessions[0].blocks[0].content[0].inserted
    assert pasted[4].old_format == reviewed_report().sections[1].sessions[0].blocks[1].old_format
    assert window.save_as(tmp_path / "pasted.minutes")
    assert ids_of(load_report(tmp_path / "pasted.minutes")) == ids_of(report)


def test_text_typed_inside_a_marked_span_takes_its_marks(window: MainWindow, type_text) -> None:
    discussion = window.report.sections[1]
    document = _show(window, discussion)
    _type_at(window, _cursor_at(document, "بقوة", 2), "ـ", type_text)
    content = window.document.read().sections[1].blocks[0].content
    assert content[1] == Span("بقـوة ", inserted=AMAL)
    assert window.report.sections[1].blocks[0].id == "b00000000002"


# ------------------------------------------------------------------ how marks look


def _format_of(document: QTextDocument, text: str) -> QTextCharFormat:
    return _cursor_at(document, text, 1).charFormat()


def test_marks_are_shown_in_the_authors_colour_without_reading_as_emphasis(qapp) -> None:
    document = QTextDocument()
    report = reviewed_report()
    body_to_document(document, report.sections[1].blocks, report.direction)
    inserted = _format_of(document, "بقوة")
    assert inserted.underlineStyle() is QTextCharFormat.UnderlineStyle.DashUnderline
    assert not inserted.fontUnderline()  # not the emphasis "underline"
    assert inserted.foreground().color() == author_colour("Amal Haddad")
    deleted = _format_of(document, "أهمية")
    assert deleted.fontStrikeOut()
    assert deleted.foreground().color() == author_colour("Ben Ross")
    changed = _format_of(document, "التعاون")
    assert changed.underlineStyle() is QTextCharFormat.UnderlineStyle.DotLine
    assert changed.fontWeight() >= 600
    commented = _format_of(document, "Frontex")
    assert commented.background().color() == COMMENT_BACKGROUND
    plain = _format_of(document, "أكد الممثل")
    assert not plain.fontStrikeOut()
    assert plain.background().color() != COMMENT_BACKGROUND
    # An author keeps one colour of the palette, whatever the session.
    assert author_colour("Amal Haddad") == author_colour("Amal Haddad")
    assert author_colour("Amal Haddad").name() in AUTHOR_COLOURS
    assert len({author_colour(name).name() for name in ("Amal Haddad", "Ben Ross", "مراجع", "X")}) > 1
    assert isinstance(author_colour(""), QColor)
