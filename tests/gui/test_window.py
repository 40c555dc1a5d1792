"""The main window on real reports: directions, undo and redo, files, prompts, dialogs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.table_text import document_to_body
from minutes_editor.model import operations as ops
from minutes_editor.model.report import BlockKind, SectionKind, Session
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path

EXAMPLE = example_path("ar")


@pytest.fixture
def window_factory(qtbot, monkeypatch):
    """Make main windows in an interface language; never prompt at teardown."""
    made: list[MainWindow] = []
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(language: str = "en", path: Path | None = None) -> MainWindow:
        app = QApplication.instance()
        configure_application(app, language)
        window = MainWindow(language)
        qtbot.addWidget(window)
        if path is not None:
            assert window.open_path(path, check_saved=False)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: window.is_complete)  # menus and keys come right after the first paint
        made.append(window)
        return window

    yield make
    configure_application(QApplication.instance(), "en")


def _select(window: MainWindow, part) -> None:
    window.outline.select(part)
    assert window.outline.current_part() is part


def test_arabic_interface_mirrors_the_window_and_arabic_fields_run_right_to_left(window_factory, example):
    window = window_factory("ar", example)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The outline is the first splitter widget: on the right in a mirrored window.
    outline = window.splitter.widget(0)
    assert outline.mapTo(window, outline.rect().center()).x() > window.width() / 2
    assert window.title_page.meeting.layoutDirection() == Qt.LayoutDirection.RightToLeft
    _select(window, window.report.sections[0])
    editor = window.current_editor()
    assert editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert editor.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert 'dir="rtl"' in window.preview.toHtml() or window.preview.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_english_interface_keeps_outline_on_the_left_and_arabic_text_right_to_left(window_factory, example):
    window = window_factory("en", example)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    outline = window.splitter.widget(0)
    assert outline.mapTo(window, outline.rect().center()).x() < window.width() / 2
    _select(window, window.report.sections[3])
    assert window.current_editor().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.title_page.location.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_english_report_fields_run_left_to_right(window_factory, tmp_path):
    english = tmp_path / "en.minutes"
    shutil.copyfile(example_path("en"), english)
    window = window_factory("ar", english)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    _select(window, window.report.sections[0])
    assert window.current_editor().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.title_page.meeting.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_typing_is_undone_and_redone_through_the_one_stack(type_text, qtbot, window_factory, example):
    window = window_factory("en", example)
    session = window.report.sections[4].sessions[0]
    _select(window, session)
    editor = window.current_editor()
    before = editor.document().toPlainText()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " نص جديد")
    assert editor.document().toPlainText() == before + " نص جديد"
    assert window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.document().toPlainText() == before
    assert not window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.document().toPlainText() == before + " نص جديد"
    window.flush()
    assert session.blocks[-1].plain_text.endswith("نص جديد")


def test_undo_interleaves_typing_in_two_bodies_and_structural_edits(qtbot, window_factory, example):
    window = window_factory("en", example)
    report = window.report
    first, second = report.sections[0], report.sections[2]
    originals = {id(first): list(first.blocks), id(second): list(second.blocks)}
    order = [section.kind for section in report.sections]

    def type_at_end(section, text):
        _select(window, section)
        editor = window.current_editor()
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(editor, text)

    type_at_end(first, " one")
    type_at_end(second, " two")
    window.add_section(SectionKind.GENERIC)
    type_at_end(first, " three")
    _select(window, report.sections[1])
    window.move_part(1)
    assert [s.kind for s in report.sections][:3] == [
        SectionKind.OBJECTIVES,
        SectionKind.OPENING_REMARKS,
        SectionKind.PARTICIPATION,
    ]
    stack = window.document.undo_stack
    window.flush()
    assert first.blocks[-1].plain_text.endswith(" one three")
    assert stack.count() == 5
    while stack.canUndo():
        stack.undo()
    window.flush()
    assert [s.kind for s in report.sections] == order
    assert first.blocks == originals[id(first)]
    assert second.blocks == originals[id(second)]
    assert not window.isWindowModified()
    while stack.canRedo():
        stack.redo()
    window.flush()
    assert first.blocks[-1].plain_text.endswith(" one three")
    assert second.blocks[-1].plain_text.endswith(" two")
    assert len(report.sections) == len(order) + 1


def test_structure_by_keyboard_in_the_outline(type_text, qtbot, window_factory, example):
    window = window_factory("en", example)
    report = window.report
    count = len(report.sections)
    _select(window, report.sections[2])
    window.tree.setFocus()
    assert QApplication.focusWidget() is window.tree, QApplication.focusWidget()
    qtbot.keyClick(window.tree, Qt.Key.Key_Insert)
    assert len(report.sections) == count + 1
    assert window.outline.current_part() is report.sections[3]
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert report.sections[2].kind is SectionKind.GENERIC
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(report.sections) == count
    assert all(section.kind is not SectionKind.GENERIC for section in report.sections)
    discussion = report.sections[4]
    _select(window, discussion.sessions[1])
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert discussion.sessions[0].title.startswith("الجلسة الثانية")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(discussion.sessions) == 3
    type_text(window.session_page.title, "الجلسة الثالثة")
    assert discussion.sessions[1].title == "الجلسة الثالثة"
    stack = window.document.undo_stack
    stack.undo()  # the typed title, one step
    assert discussion.sessions[1].title == ""
    stack.undo()
    stack.undo()
    assert discussion.sessions[0].title.startswith("الجلسة الأولى")


def test_first_section_cannot_become_a_sub_heading(window_factory, example):
    window = window_factory("en", example)
    report = window.report
    takeaways = report.sections[-1]
    assert takeaways.level == 2
    _select(window, takeaways)
    for _ in range(len(report.sections)):
        window.move_part(-1)
    assert report.sections[0].level == 1


def test_drop_target_in_the_outline(window_factory, example):
    window = window_factory("en", example)
    report = window.report
    tree = window.tree
    target = window.outline.item_for(report.sections[1])
    rect = tree.visualItemRect(target)
    above = rect.center()
    above.setY(rect.top() + 1)
    assert window.outline.drop_target(report.sections[3], above) == (report, 1)
    below = rect.center()
    below.setY(rect.bottom() - 1)
    assert window.outline.drop_target(report.sections[3], below) == (report, 2)
    session = report.sections[4].sessions[1]
    first_session = window.outline.item_for(report.sections[4].sessions[0])
    top = tree.visualItemRect(first_session).center()
    top.setY(tree.visualItemRect(first_session).top() + 1)
    assert window.outline.drop_target(session, top) == (report.sections[4], 0)
    window.outline.move_requested.emit(session, report.sections[4], 0)
    assert report.sections[4].sessions[0] is session


def test_bullet_keys(qtbot, window_factory):
    window = window_factory("en")
    window.new_report(_new_report("ar"))
    section = window.add_section(SectionKind.DISCUSSION)
    editor = window.current_editor()
    editor.setFocus()
    qtbot.keyClicks(editor, "intro")
    window.actions_by_name["label"].trigger()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "para")
    window.actions_by_name["bullet"].trigger()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "b1")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "b2")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    qtbot.keyClicks(editor, "b3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter on an empty level-1 bullet ends the list
    qtbot.keyClicks(editor, "end")
    blocks = document_to_body(editor.document())
    assert [(b.kind, b.level, b.plain_text) for b in blocks] == [
        (BlockKind.LABEL, 1, "intro"),
        (BlockKind.BULLET, 1, "para"),
        (BlockKind.BULLET, 2, "b1"),
        (BlockKind.BULLET, 3, "b2"),
        (BlockKind.BULLET, 1, "b3"),
        (BlockKind.PARAGRAPH, 1, "end"),
    ]
    window.flush()
    assert section.blocks == blocks


def _new_report(language: str):
    from minutes_editor.model.report import Report

    return Report(language=language)


def test_emphasis_and_footnotes_number_live(type_text, qtbot, window_factory, example):
    window = window_factory("en", example)
    report = window.report
    _select(window, report.sections[0])
    editor = window.current_editor()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "مهم")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " ")
    # A footnote before the existing one (in section 4) takes number 1 and pushes the other to 2.
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    note_edit = QApplication.focusWidget()
    type_text(note_edit, "حاشية جديدة")
    qtbot.keyClick(note_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor
    window.refresh_preview()
    first = report.sections[0].blocks[0]
    assert first.content[0].text == "مهم"
    assert first.content[0].bold
    new_id = first.content[2].footnote_id
    assert window.store.numbers[new_id] == 1
    assert window.store.numbers["kosovo-designation"] == 2
    assert [note.id for note in report.footnotes] == [new_id, "kosovo-designation"]
    assert report.footnotes[0].content[0].text == "حاشية جديدة"
    html = window.preview.toPlainText()
    assert "حاشية جديدة" in html
    # Undo the note text, then the reference: the report lists only the Kosovo note again.
    stack = window.document.undo_stack
    stack.undo()
    stack.undo()
    window.refresh_preview()
    assert [note.id for note in report.footnotes] == ["kosovo-designation"]
    assert window.store.numbers == {"kosovo-designation": 1}


def test_insert_time_and_quick_name(type_text, qtbot, window_factory, example, monkeypatch):
    window = window_factory("en", example)
    report = window.report
    session = report.sections[4].sessions[0]
    _select(window, session)
    editor = window.current_editor()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = editor.document().toPlainText()
    assert text[-5:-2].isdigit() or text[-5:].replace(":", "").isdigit()
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.body_aids.quick
    assert popup is not None
    assert popup.isVisible()
    # Latin letters find the Arabic name: "hung" -> المجر (the report's own spelling of Hungary).
    qtbot.keyClicks(popup.filter, "hung")
    assert popup.list.currentItem().text() == "المجر"
    qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    assert editor.document().toPlainText().endswith("المجر")
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(window.body_aids.quick.filter, "مقدو")
    qtbot.keyClick(window.body_aids.quick.filter, Qt.Key.Key_Return)
    assert editor.document().toPlainText().endswith("المجرمقدونيا الشمالية")


def test_unsaved_changes_prompt(qtbot, window_factory, example, monkeypatch):
    window = window_factory("en", example)
    asked = []

    def answer(choice):
        def unsaved(_parent, name):
            asked.append(name)
            return choice

        return unsaved

    window.set_field(window.report.title, ops.LOCATION, "Vienna")
    assert window.isWindowModified()
    assert window.windowTitle().startswith(example.name + "[*]")
    monkeypatch.setattr(ask, "unsaved_changes", answer(ask.UnsavedChoice.CANCEL))
    assert not window.close()
    assert window.isVisible()
    assert asked == [example.name]
    monkeypatch.setattr(ask, "unsaved_changes", answer(ask.UnsavedChoice.SAVE))
    assert window.close()
    assert load_report(example).title.location == "Vienna"
    assert not window.isWindowModified()


def test_discard_leaves_the_file_alone(qtbot, window_factory, example, monkeypatch):
    window = window_factory("en", example)
    before = example.read_bytes()
    window.set_field(window.report.title, ops.LOCATION, "Vienna")
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_a: ask.UnsavedChoice.DISCARD)
    assert window.close()
    assert example.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "JSON"),
        (json.dumps({"format": "minutes-editor-report", "version": 99, "report": {}}).encode(), "newer"),
        (b"\xff\xfe\x00", "UTF-8"),
    ],
)
def test_broken_or_newer_file_shows_the_loader_message_and_changes_nothing(
    window_factory, tmp_path, monkeypatch, content, expected
):
    window = window_factory("en")
    errors = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": errors.append(text))
    path = tmp_path / "broken.minutes"
    path.write_bytes(content)
    report_before = window.report
    assert not window.open_path(path)
    assert len(errors) == 1
    assert expected in errors[0]
    assert "broken.minutes" in errors[0]
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.minutes"]
    assert window.report is report_before


def test_save_refuses_to_overwrite_a_file_changed_on_disk(window_factory, example, monkeypatch):
    window = window_factory("en", example)
    window.set_field(window.report.title, ops.LOCATION, "Vienna")
    example.write_text(example.read_text(encoding="utf-8").replace("افتراضي", "حضوري"), encoding="utf-8")
    changed = example.read_bytes()
    questions = []
    monkeypatch.setattr(ask, "confirm", lambda _parent, title, text, detail="": questions.append(text) or False)
    assert not window.save()
    assert example.read_bytes() == changed
    assert len(questions) == 1
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    assert window.save()
    assert load_report(example).title.location == "Vienna"


def test_save_as_adds_the_suffix_and_lists_the_file_as_recent(window_factory, tmp_path, monkeypatch):
    window = window_factory("en")
    window.set_field(window.report.title, ops.MEETING, "A meeting")
    monkeypatch.setattr(ask, "save_path", lambda *_a: tmp_path / "new report")
    assert window.save()
    saved = tmp_path / "new report.minutes"
    assert load_report(saved).title.meeting == "A meeting"
    assert window.windowTitle().startswith("new report.minutes")
    assert window.recent_files()[0] == saved


def test_new_report_dialog_sets_language_and_skeleton(qtbot, window_factory, monkeypatch):
    from minutes_editor.gui.dialogs import NewReportDialog

    window = window_factory("en")
    dialog = NewReportDialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    choice = dialog.choice()
    monkeypatch.setattr(NewReportDialog, "get_choice", classmethod(lambda cls, parent, language="": (choice, True)))
    assert window.new_report()
    report = window.report
    assert report.language == "ar"
    assert next(s.kind for s in report.sections) is SectionKind.OBJECTIVES
    assert report.sections[-1].level == 2
    assert report.title.status == "مسودة التقرير"
    assert isinstance(report.sections[4].sessions[0], Session)
    _select(window, report.sections[0])
    assert window.current_editor().layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_mixed_arabic_latin_and_digits_stay_right_to_left(type_text, qtbot, window_factory):
    from minutes_editor.model.report import Report

    window = window_factory("en")
    window.new_report(Report(language="ar"))
    window.add_section(SectionKind.GENERIC)
    editor = window.current_editor()
    editor.setFocus()
    # A paragraph starting with Latin letters and digits is still a right-to-left paragraph of the report.
    type_text(editor, "ICMPD 2021 قدّم المركز")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "10:00-13:00 (حالياً)")
    document = editor.document()
    for number in range(document.blockCount()):
        block = document.findBlockByNumber(number)
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert block.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    window.flush()
    assert [b.plain_text for b in window.report.sections[0].blocks] == ["ICMPD 2021 قدّم المركز", "10:00-13:00 (حالياً)"]
    # Moving the cursor by words over mixed text moves through the whole paragraph without getting stuck.
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.StartOfBlock)
    positions = []
    for _ in range(20):
        cursor.movePosition(cursor.MoveOperation.NextWord)
        positions.append(cursor.positionInBlock())
    assert positions == sorted(positions)
    assert positions[-1] == len("10:00-13:00 (حالياً)")


def test_next_field_and_next_part_keys(qtbot, window_factory, example):
    window = window_factory("en", example)
    window.outline.select(window.report.title)
    window.title_page.meeting.setFocus()
    qtbot.keyClick(window.title_page.meeting, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is not window.title_page.meeting
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.outline.current_part() is window.report.sections[0]
    assert QApplication.focusWidget() is window.current_editor()
    qtbot.keyClick(window.current_editor(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.outline.current_part() is window.report.sections[1]
    qtbot.keyClick(window.current_editor(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.outline.current_part() is window.report.sections[0]


def test_copy_and_paste_inside_the_editor_keeps_emphasis_bullets_and_footnotes(qtbot, window_factory, example):
    window = window_factory("en", example)
    report = window.report
    scene = report.sections[3]
    _select(window, scene)
    editor = window.current_editor()
    editor.setFocus()
    # Select the bullet carrying the Kosovo footnote and the emphasised lead-in after it, copy, paste at the end.
    document = editor.document()
    cursor = editor.textCursor()
    cursor.setPosition(document.findBlockByNumber(7).position())
    cursor.setPosition(
        document.findBlockByNumber(8).position() + document.findBlockByNumber(8).length() - 1,
        cursor.MoveMode.KeepAnchor,
    )
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    editor.moveCursor(cursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.flush()
    copied = scene.blocks[-2:]
    assert [b.plain_text for b in copied] == [b.plain_text for b in scene.blocks[7:9]]
    assert copied[0].content[1] == scene.blocks[7].content[1]  # the footnote reference
    assert copied[1].content[1].bold
    # Text from another program arrives plain.
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setHtml("<b>bold elsewhere</b>")
    data.setText("bold elsewhere")
    editor.insertFromMimeData(data)
    window.flush()
    assert scene.blocks[-1].content[-1].text.endswith("bold elsewhere")
    assert not scene.blocks[-1].content[-1].bold


def test_double_click_in_the_preview_opens_the_paragraph(qtbot, window_factory, example):
    window = window_factory("en", example)
    window.refresh_preview()
    document = window.preview.document()
    target = next(
        number
        for number in range(document.blockCount())
        if document.findBlockByNumber(number).text().replace("\u00a0", " ").startswith("•  يجب إنشاء")
    )
    rect = window.preview.document().documentLayout().blockBoundingRect(document.findBlockByNumber(target))
    window.preview.verticalScrollBar().setValue(int(rect.top()) - 10)
    point = window.preview.viewport().mapFromParent(window.preview.viewport().pos())
    point.setY(int(rect.center().y()) - window.preview.verticalScrollBar().value())
    point.setX(window.preview.viewport().width() // 2)
    qtbot.mouseDClick(window.preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    session = window.report.sections[4].sessions[0]
    assert window.outline.current_part() is session
    editor = window.current_editor()
    assert editor.textCursor().block().blockNumber() == 1
    assert editor.textCursor().block().text().startswith("يجب إنشاء")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_preview_fits_its_width(qtbot, window_factory, example, language):
    window = window_factory(language, example)
    window.refresh_preview()
    qtbot.waitUntil(lambda: window.preview.document().blockCount() > 40)
    # Nothing runs past the right or left edge: there is nothing to scroll sideways.
    assert window.preview.horizontalScrollBar().maximum() == 0
    assert window.preview.document().size().width() <= window.preview.viewport().width() + 1


def test_undo_keys_in_a_title_field_undo_in_the_report_once_the_window_has_shown(qtbot, window_factory):
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    # The title fields hand undo keys to the window from just after the first paint (title_page.py).
    qtbot.waitUntil(lambda: window.is_complete)
    field = window.title_page.meeting
    field.setFocus()
    qtbot.keyClicks(field, "Joint meeting")
    assert window.report.title.meeting == "Joint meeting"
    stack = window.document.undo_stack
    typed_at = stack.index()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.title.meeting == ""
    assert field.text() == ""
    # Undone on the report's stack, not by the field's own history (which would have pushed an edit).
    assert stack.index() == typed_at - 1
    assert stack.canRedo()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.report.title.meeting == "Joint meeting"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_date_and_times_read_left_to_right_hours_first(window_factory, example, qtbot, language):
    # A right-to-left date or time edit reverses its format's sections: 10:00 showed as "00:10" and
    # typing the hours went into the minutes, in the Arabic interface.
    window = window_factory(language, example)
    page = window.title_page
    for edit, value in ((page.start_time, QTime(10, 0)), (page.end_time, QTime(13, 0))):
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert edit.time() == value
        assert edit.text() == edit.locale().toString(value, "HH:mm")
    assert page.date.date() == QDate(2021, 10, 14)
    assert page.date.text() == page.date.locale().toString(QDate(2021, 10, 14), "yyyy\u200e-MM\u200e-dd")
    # Typed digits go hours first: "0930" is half past nine.
    page.start_time.setFocus()
    page.start_time.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(page.start_time, "0930")
    assert page.start_time.time() == QTime(9, 30)
    assert window.report.title.start_time == dt.time(9, 30)
