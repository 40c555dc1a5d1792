"""Action items in the window, driven with real keys offscreen: the kind, the panel, Enter, the status, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.action_marks import box_in_view, is_action
from minutes_editor.gui.app import configure_application
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Participant,
    Report,
    Section,
    SectionKind,
    Span,
)
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ROOT = Path(__file__).resolve().parents[2]


def _report() -> Report:
    return Report(
        language="en",
        sections=[
            Section(
                SectionKind.PARTICIPATION, participants=[Participant("Austria", "AT"), Participant("Hungary", "HU")]
            ),
            Section(SectionKind.TAKEAWAYS),
        ],
    )


@pytest.fixture
def open_window(qtbot, monkeypatch):
    """A window showing a report, its language's interface, complete, with nothing asked at teardown."""
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(report: Report, language: str = "en") -> MainWindow:
        configure_application(QApplication.instance(), language)
        window = MainWindow(language, None, ReportDocument(report))
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: window.is_complete)
        return window

    yield make
    configure_application(QApplication.instance(), "en")


def _body(window: MainWindow, section: Section):
    window.outline.select(section)
    editor = window.current_editor()
    editor.setFocus()
    return editor


def test_an_action_item_is_made_with_its_key_filled_in_with_the_panel_and_flushed(qtbot, open_window, type_text):
    window = open_window(_report())
    takeaways = window.report.sections[1]
    editor = _body(window, takeaways)
    type_text(editor, "Circulate the agenda")
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL_SHIFT)
    assert is_action(editor.textCursor().block())
    panel = window.features.action_items.panel_of(editor)
    assert panel.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_F4)
    assert panel.owners.hasFocus()
    type_text(panel.owners, "Aus")
    popup = panel.owners.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the name chosen, and the field's Return: written
    assert panel.owners.text() == "Austria"
    type_text(panel.owners, ", Secretariat")
    qtbot.keyClick(panel.owners, Qt.Key.Key_Tab)  # leaving the field writes it: one undo step
    assert panel.has_deadline.hasFocus()
    qtbot.keyClick(panel.has_deadline, Qt.Key.Key_Space)
    fortnight = dt.date.today() + dt.timedelta(days=14)
    qtbot.keyClick(panel.has_deadline, Qt.Key.Key_Tab)
    assert panel.deadline.hasFocus()
    assert panel.deadline.date().toPython() == fortnight
    for _section in ("day", "month", "year"):  # Tab goes through the date's sections, then on
        qtbot.keyClick(panel.deadline, Qt.Key.Key_Tab)
    assert panel.done.hasFocus()
    qtbot.keyClick(panel.done, Qt.Key.Key_Space)
    qtbot.keyClick(panel.done, Qt.Key.Key_Escape)
    assert editor.hasFocus()
    window.flush()
    [block] = takeaways.blocks
    assert block.kind is BlockKind.ACTION
    assert block.plain_text == "Circulate the agenda"
    assert block.action == ActionItem(["Austria", "Secretariat"], fortnight, ActionStatus.DONE)
    # Each field written is one step of the one undo stack, back to the paragraph it was.
    stack = window.document.undo_stack
    assert stack.undoText() == "Change an action item"
    steps = [
        ActionItem(["Austria", "Secretariat"], fortnight),
        ActionItem(["Austria", "Secretariat"]),
        ActionItem(["Austria"]),
        ActionItem(),
        None,
    ]
    for expected in steps:
        stack.undo()
        window.flush()
        assert takeaways.blocks[0].action == expected
    assert takeaways.blocks[0].kind is BlockKind.PARAGRAPH
    assert not panel.done.isChecked()
    for _step in steps:
        stack.redo()
    window.flush()
    assert takeaways.blocks[0].action == ActionItem(["Austria", "Secretariat"], fortnight, ActionStatus.DONE)


def test_enter_makes_the_next_action_item_and_enter_on_an_empty_one_ends_the_list(qtbot, open_window, type_text):
    report = _report()
    report.sections[1].blocks = [
        Block(BlockKind.ACTION, [Span("Book the room")], action=ActionItem(["Hungary"], dt.date(2026, 12, 1)))
    ]
    window = open_window(report)
    takeaways = window.report.sections[1]
    first_id = takeaways.blocks[0].id
    editor = _body(window, takeaways)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert is_action(editor.textCursor().block())
    type_text(editor, "Send the minutes")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # on the empty item: it becomes a paragraph
    assert not is_action(editor.textCursor().block())
    type_text(editor, "Closing words.")
    window.flush()
    assert [(b.kind, b.plain_text, b.action) for b in takeaways.blocks] == [
        (BlockKind.ACTION, "Book the room", ActionItem(["Hungary"], dt.date(2026, 12, 1))),
        (BlockKind.ACTION, "Send the minutes", ActionItem()),
        (BlockKind.PARAGRAPH, "Closing words.", None),
    ]
    assert takeaways.blocks[0].id == first_id
    assert len({block.id for block in takeaways.blocks}) == 3


def test_the_status_key_and_a_click_on_the_box_toggle_done(qtbot, open_window):
    report = _report()
    report.sections[1].blocks = [Block(BlockKind.ACTION, [Span("Draft the plan")], action=ActionItem(["Austria"]))]
    window = open_window(report)
    takeaways = window.report.sections[1]
    editor = _body(window, takeaways)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL_SHIFT)
    window.flush()
    assert takeaways.blocks[0].action.status is ActionStatus.DONE
    block = editor.document().firstBlock()
    box = box_in_view(editor, block)
    assert box is not None
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    window.flush()
    assert takeaways.blocks[0].action.status is ActionStatus.OPEN
    # A click on the text only moves the cursor.
    text_point = QPoint(int(box.right()) + 40, int(box.center().y()))
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=text_point)
    window.flush()
    assert takeaways.blocks[0].action.status is ActionStatus.OPEN
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    window.flush()
    assert takeaways.blocks[0].action.status is ActionStatus.DONE


def test_a_body_of_action_items_loads_and_flushes_unchanged(open_window):
    report = _report()
    items = [
        Block(BlockKind.PARAGRAPH, [Span("Agreed:")]),
        Block(
            BlockKind.ACTION,
            [Span("Revise the "), Span("terms", bold=True)],
            action=ActionItem(["Austria", "Hungary"], dt.date(2027, 1, 31)),
        ),
        Block(BlockKind.ACTION, [Span("Done already")], action=ActionItem([], None, ActionStatus.DONE)),
    ]
    ids = [block.id for block in items]
    report.sections[1].blocks = items
    window = open_window(report)
    takeaways = window.report.sections[1]
    editor = _body(window, takeaways)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText("!")  # an edit, so that the flush reads the body again
    window.flush()
    assert [block.id for block in takeaways.blocks] == ids
    assert [(b.kind, b.action) for b in takeaways.blocks] == [(b.kind, b.action) for b in items]
    assert takeaways.blocks[2].plain_text == "Done already!"


def test_paragraph_and_back(qtbot, open_window, type_text):
    window = open_window(_report())
    takeaways = window.report.sections[1]
    editor = _body(window, takeaways)
    type_text(editor, "Decide")
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL_SHIFT)
    assert is_action(editor.textCursor().block())
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL_SHIFT)  # again: a paragraph
    assert not is_action(editor.textCursor().block())
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_0, CTRL)  # Format > Paragraph too
    window.flush()
    assert [(b.kind, b.action) for b in takeaways.blocks] == [(BlockKind.PARAGRAPH, None)]
    assert not window.features.action_items.panel_of(editor).isVisible()


def test_in_an_arabic_report_the_box_is_on_the_right_and_the_details_in_arabic(qtbot, open_window, tmp_path):
    report = load_report(example_path("ar"))
    takeaways = report.sections[-1]
    names = [p.name for section in report.sections for p in section.participants]
    takeaways.blocks += [
        Block(
            BlockKind.ACTION,
            [Span("إعداد مسودة خطة العمل للاجتماع القادم")],
            action=ActionItem(names[:1], dt.date(2021, 11, 30)),
        ),
        Block(BlockKind.ACTION, [Span("تعميم العرض")], action=ActionItem([names[2]], None, ActionStatus.DONE)),
    ]
    window = open_window(report, "ar")
    editor = _body(window, takeaways)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    block = editor.textCursor().block()
    assert is_action(block)
    box = box_in_view(editor, block)
    top = editor.verticalScrollBar().value()
    rect = editor.document().documentLayout().blockBoundingRect(block).translated(0, -top)
    line = block.layout().lineAt(0).naturalTextRect().translated(rect.topLeft())
    assert box is not None
    assert box.left() >= line.right()  # the start of a right-to-left line is its right
    from minutes_editor.gui.action_marks import details_text

    assert details_text(takeaways.blocks[-2].action, "ar").endswith("30 تشرين الثاني 2021")
    qtbot.wait(50)
    picture = window.grab()
    target = tmp_path / "actions-ar.png"
    assert picture.save(str(target))
    # The documentation's picture is made by tools: the test only shows it can be made.
    assert target.stat().st_size > 10_000


def _previous_with_actions(path: Path) -> Path:
    from minutes_editor.storage.minutes_file import save_report

    report = load_report(example_path("en"))
    report.sections[-1].blocks.append(
        Block(BlockKind.ACTION, [Span("Circulate the plan")], action=ActionItem(["Austria"], dt.date(2021, 11, 30)))
    )
    save_report(report, path)
    return path


def test_file_new_report_from_previous_opens_the_next_meetings_report_unsaved(qtbot, open_window, monkeypatch):
    window = open_window(_report())
    previous = example_path("en")
    monkeypatch.setattr(ask, "open_path", lambda *_args: previous)
    action = window.registry["new_from_previous"]
    assert action in window.registry.menu("file").actions()
    action.trigger()
    report = window.report
    earlier = load_report(previous)
    assert report.title.meeting == earlier.title.meeting
    assert report.title.date is None
    assert [s.participants for s in report.sections] == [s.participants for s in earlier.sections]
    assert window.document.path is None
    assert window.isWindowModified()
    assert window.outline.current_part() is report.title


def test_file_new_report_from_an_unreadable_file_keeps_the_open_report(qtbot, open_window, monkeypatch, tmp_path):
    window = open_window(_report())
    broken = tmp_path / "broken.minutes"
    broken.write_text("{", encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": said.append(text))
    before = window.report
    assert not window.features.action_items.next_report.start_from(broken)
    assert window.report is before
    assert said
    assert "broken.minutes" in said[0]


def test_file_new_report_from_previous_carries_its_open_action_items(qtbot, open_window, tmp_path):
    window = open_window(_report())
    previous = _previous_with_actions(tmp_path / "october.minutes")
    assert window.features.action_items.next_report.start_from(previous)
    [item] = window.report.all_blocks()
    assert (item.plain_text, item.action) == ("Circulate the plan", ActionItem(["Austria"], dt.date(2021, 11, 30)))


def test_an_items_owners_and_deadline_get_a_line_under_its_text_which_undo_takes_back(qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    from minutes_editor.gui.action_marks import DETAILS_ROOM, set_block_action
    from minutes_editor.gui.table_text import body_to_document
    from minutes_editor.model.report import Direction

    long_text = "Circulate the draft report of this meeting to all the participants and observers " * 3
    document = QTextDocument()
    body_to_document(
        document,
        [
            Block(BlockKind.ACTION, [Span(long_text)], action=ActionItem(["Austria"], dt.date(2027, 1, 15))),
            Block(BlockKind.ACTION, [Span("Book the room")], action=ActionItem()),
        ],
        Direction.LTR,
    )
    first, second = document.firstBlock(), document.firstBlock().next()
    assert first.blockFormat().bottomMargin() == DETAILS_ROOM  # whatever the length of the text
    assert second.blockFormat().bottomMargin() == 0  # nothing to show: no room taken
    set_block_action(second, ActionItem([], dt.date(2027, 2, 1)))
    assert document.findBlockByNumber(1).blockFormat().bottomMargin() == DETAILS_ROOM
    document.undo()
    assert document.findBlockByNumber(1).blockFormat().bottomMargin() == 0
