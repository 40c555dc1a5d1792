"""Review > Track changes in a real window: the user's edits become pending changes under their name.

Real key events throughout: Ctrl+Shift+E turns tracking on (the name is asked
once and kept), typing, Backspace, Delete, selecting and typing over, Enter, a
Backspace join, Ctrl+B, Tab on a bullet, a title-block field and a session's
title, in English and Arabic reports; then the report read back carries the
marks, its Accept All is the report edited untracked and its Reject All the
report before, and Ctrl+Z takes each edit back as one step.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from minutes_editor.gui import ask
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.review_pane import ReviewerNameDialog
from minutes_editor.gui.rich_text import FootnoteMarks, footnote_format, normalise_blocks
from minutes_editor.gui.settings import Settings
from minutes_editor.gui.text_marks import author_colour, inline_marks_text
from minutes_editor.model import review
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Change,
    Footnote,
    FootnoteRef,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def english() -> Report:
    opening = Section(
        SectionKind.OPENING_REMARKS,
        blocks=[
            Block(BlockKind.PARAGRAPH, [Span("The chair welcomed the delegations.")]),
            Block(BlockKind.BULLET, [Span("Cooperation matters.")]),
        ],
    )
    session = Session("Session one", goals=["Goal 1"], blocks=[Block(BlockKind.PARAGRAPH, [Span("Notes.")])])
    return Report(
        language="en",
        title=TitleBlock(meeting="Budapest Process meeting", location="Vienna"),
        sections=[opening, Section(SectionKind.DISCUSSION, sessions=[session])],
    )


def arabic() -> Report:
    opening = Section(
        SectionKind.OPENING_REMARKS,
        blocks=[
            Block(BlockKind.PARAGRAPH, [Span("رحب الرئيس بالوفود.")]),
            Block(BlockKind.BULLET, [Span("التعاون مهم.")]),
        ],
    )
    return Report(language="ar", title=TitleBlock(meeting="اجتماع", location="فيينا"), sections=[opening])


@pytest.fixture
def name_asked(monkeypatch, type_text):
    """The reviewer's name dialog, answered with the keyboard; what it offered each time it was asked."""
    asked: list[str] = []

    def answer(dialog: ReviewerNameDialog) -> int:
        asked.append(dialog.name.text())
        dialog.name.selectAll()
        type_text(dialog.name, "Amal")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReviewerNameDialog, "exec", answer)
    return asked


@pytest.fixture
def open_report(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(report: Report) -> MainWindow:
        window = MainWindow("en", Settings(tmp_path / "settings.ini"), ReportDocument(report))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.is_complete)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifiers)


def editor_at(window: MainWindow, part: Section | Session, text: str, offset: int = 0):
    """Show ``part``'s body with the focus and the cursor ``offset`` characters after ``text``'s start."""
    window.show_part(part)
    editor = window.current_editor()
    found = editor.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(editor.document())
    cursor.setPosition(found.selectionStart() + offset)
    editor.setTextCursor(cursor)
    editor.setFocus()
    return editor


def turn_on(qtbot, window: MainWindow) -> None:
    window.current_editor().setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert window.document.tracked_by == "Amal"


def body_of(report: Report, section: int = 0) -> list[Block]:
    return normalise_blocks(report.sections[section].blocks)


def marks(block: Block) -> list[tuple[str, str, str]]:
    return [
        (item.text, item.inserted.author if item.inserted else "", item.deleted.author if item.deleted else "")
        for item in block.content
        if isinstance(item, Span)
    ]


def test_ctrl_shift_e_turns_tracking_on_for_this_report_asks_the_name_once_and_shows_it(
    open_report, qtbot, name_asked
) -> None:
    window = open_report(english())
    label = window.features.review.tracking.status
    assert label.text() == "Track changes: off"
    window.show_part(window.report.sections[0])
    turn_on(qtbot, window)
    assert window.features.review.actions["track_changes"].isChecked()
    assert label.text() == "Track changes: on"
    assert window.settings.reviewer_name() == "Amal"
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert window.document.tracked_by == ""
    assert label.text() == "Track changes: off"
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert len(name_asked) == 1  # kept in the settings
    assert window.registry.menu("review").actions()[1].text() == "&Track changes"
    window.new_report(arabic())  # another report: tracking is off for it
    assert window.document.tracked_by == ""
    assert not window.features.review.actions["track_changes"].isChecked()
    assert label.text() == "Track changes: off"


def test_typing_deleting_and_typing_over_a_selection_are_marked_and_the_law_holds(
    open_report, qtbot, type_text, name_asked
) -> None:
    report = english()
    original = copy.deepcopy(report)
    window = open_report(report)
    section = window.report.sections[0]
    editor = editor_at(window, section, "welcomed")
    turn_on(qtbot, window)
    type_text(editor, "warmly ")
    editor = editor_at(window, section, "delegations")
    press(qtbot, Qt.Key.Key_Backspace)  # the space before "delegations"
    press(qtbot, Qt.Key.Key_Delete)  # the "d"
    type_text(editor, "D")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    type_text(editor, "guests")  # over "elegations"
    result = window.document.read()
    first = result.sections[0].blocks[0]
    assert marks(first) == [
        ("The chair ", "", ""),
        ("warmly ", "Amal", ""),
        ("welcomed the", "", ""),
        (" d", "", "Amal"),
        ("D", "Amal", ""),
        ("elegations", "", "Amal"),
        ("guests", "Amal", ""),
        (".", "", ""),
    ]
    assert first.plain_text == "The chair warmly welcomed the dDelegationsguests."
    untracked = body_of(review.accepted(result))[0]
    assert untracked.plain_text == "The chair warmly welcomed theDguests."
    assert body_of(review.rejected(result)) == body_of(original)
    change = first.content[1].inserted
    assert change.date is not None
    assert change.date.second == 0
    # Each edit is one step of the one undo stack, as untracked.
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Z, CTRL)
    assert body_of(window.document.read()) == body_of(original)


def test_enter_backspace_join_bold_and_tab_in_arabic(open_report, qtbot, type_text, name_asked) -> None:
    report = arabic()
    original = copy.deepcopy(report)
    window = open_report(report)
    section = window.report.sections[0]
    editor = editor_at(window, section, "بالوفود")
    turn_on(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)  # split before "بالوفود"
    editor = editor_at(window, section, "التعاون")
    press(qtbot, Qt.Key.Key_Backspace)  # the bullet becomes a paragraph
    press(qtbot, Qt.Key.Key_Backspace)  # its join with "بالوفود." is marked, not made
    result = window.document.read()
    blocks = result.sections[0].blocks
    assert [block.plain_text for block in blocks] == ["رحب الرئيس ", "بالوفود.", "التعاون مهم."]
    assert blocks[0].inserted.author == "Amal"
    assert blocks[1].deleted.author == "Amal"
    assert blocks[2].old_format.kind is BlockKind.BULLET
    assert [block.plain_text for block in body_of(review.accepted(result))] == ["رحب الرئيس ", "بالوفود.التعاون مهم."]
    assert body_of(review.rejected(result)) == body_of(original)
    # Ctrl+B over a word keeps its emphasis before; Tab on a bullet keeps its level before.
    editor = editor_at(window, section, "الرئيس")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    press(qtbot, Qt.Key.Key_B, CTRL)
    word = next(item for item in window.document.read().sections[0].blocks[0].content if item.text == "الرئيس")
    assert word.bold
    assert word.old_format is not None
    assert not word.old_format.bold
    assert word.old_format.change.author == "Amal"
    editor_at(window, section, "التعاون")
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # a bullet again: as it was, nothing pending
    assert window.document.read().sections[0].blocks[2].old_format is None
    press(qtbot, Qt.Key.Key_Tab)  # one level deeper
    last = window.document.read().sections[0].blocks[2]
    assert (last.kind, last.level) == (BlockKind.BULLET, 2)
    assert (last.old_format.kind, last.old_format.level) == (BlockKind.BULLET, 1)
    assert body_of(review.rejected(window.document.read())) == body_of(original)
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Z, CTRL)
    assert body_of(window.document.read()) == body_of(original)
    assert not review.has_changes(window.document.read())


def test_a_title_block_field_and_a_session_title_record_their_old_values(
    open_report, qtbot, type_text, name_asked
) -> None:
    window = open_report(english())
    window.show_part(window.report.sections[0])
    turn_on(qtbot, window)
    window.show_part(window.report.title)
    location = window.title_page.location
    location.setFocus()
    location.selectAll()
    type_text(location, "Budapest")
    report = window.document.read()
    assert report.title.location == "Budapest"
    [change] = report.field_changes
    assert (change.field_name, change.owner, change.old, change.change.author) == (
        "TitleBlock.location",
        "",
        "Vienna",
        "Amal",
    )
    session = report.sections[1].sessions[0]
    window.show_part(session)
    title = window.session_page.title
    title.setFocus()
    title.end(False)
    type_text(title, " revised")
    report = window.document.read()
    assert [(c.field_name, c.owner, c.old) for c in report.field_changes][1] == (
        "Session.title",
        session.id,
        "Session one",
    )
    assert review.rejected(report).title.location == "Vienna"
    assert review.rejected(report).sections[1].sessions[0].title == "Session one"
    assert review.accepted(report).sections[1].sessions[0].title == "Session one revised"
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the title's typing, one step with its record
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the location's
    report = window.document.read()
    assert report.field_changes == []
    assert report.title.location == "Vienna"
    assert report.sections[1].sessions[0].title == "Session one"


# ------------------------------------------------------------------ how marks look, notes, decisions and typing


BEN = Change("Ben", dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC))


def marked() -> Report:
    """A paragraph whose end Ben inserted (its text unmarked), a reference Ben deleted, a note with emphasis."""
    section = Section(
        SectionKind.OPENING_REMARKS,
        blocks=[
            Block(BlockKind.PARAGRAPH, [Span("Plain text here.")], inserted=BEN),
            Block(BlockKind.PARAGRAPH, [Span("Second "), Span("new", inserted=BEN), FootnoteRef("n1", deleted=BEN)]),
        ],
    )
    note = Footnote("n1", [Span("See "), Span("page 4", bold=True), Span(" of the old", deleted=BEN)])
    return Report(language="en", title=TitleBlock(meeting="Meeting"), sections=[section], footnotes=[note])


def colour_count(image: QImage, colour: QColor) -> int:
    """How many pixels are (nearly: text and lines are smoothed) of ``colour``."""
    target = (colour.red(), colour.green(), colour.blue())
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            count += (
                sum(abs(a - b) for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), target, strict=True)) < 60
            )
    return count


def test_a_paragraphs_own_marks_and_a_references_marks_are_drawn_in_the_authors_colour(open_report) -> None:
    window = open_report(marked())
    window.show_part(window.report.sections[0])
    editor = window.current_editor()
    colour = author_colour("Ben")
    region = editor.viewport()
    first = editor.document().firstBlock()
    rect = editor.document().documentLayout().blockBoundingRect(first).toRect()
    image = region.grab(rect).toImage()
    assert colour_count(image, colour) > 0  # the pilcrow of the inserted end: the text itself is black
    plain = Report(
        sections=[Section(SectionKind.OPENING_REMARKS, blocks=[Block(BlockKind.PARAGRAPH, [Span("Plain text here.")])])]
    )
    other = open_report(plain)
    other.show_part(other.report.sections[0])
    image = other.current_editor().viewport().grab(rect).toImage()
    assert colour_count(image, colour) == 0
    mark = FootnoteMarks(lambda _id: 1)
    fmt = footnote_format("n1", inline_marks_text(FootnoteRef("n1", deleted=BEN)))
    canvas = QImage(40, 30, QImage.Format.Format_ARGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    mark.drawObject(painter, QRectF(0, 8, 30, 16), editor.document(), 0, fmt)
    painter.end()
    assert colour_count(canvas, colour) > 0


def test_the_preview_shows_insertions_underlined_and_deletions_struck_through_in_the_authors_colour(
    open_report,
) -> None:
    window = open_report(marked())
    window.preview_pane.refresh()
    document = window.preview.document()
    looks: dict[str, QTextCharFormat] = {}
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            looks[fragment.text()] = fragment.charFormat()
            iterator += 1
        block = block.next()
    colour = author_colour("Ben").rgb()
    assert looks["new"].foreground().color().rgb() == colour
    assert looks["new"].underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert looks[" of the old"].fontStrikeOut()
    assert looks[" of the old"].foreground().color().rgb() == colour
    assert looks["\u00b6"].foreground().color().rgb() == colour  # the inserted end
    assert not looks["Plain text here."].fontStrikeOut()


def test_editing_a_note_keeps_its_emphasis_and_marks_and_is_tracked(open_report, qtbot, type_text, name_asked) -> None:
    window = open_report(marked())
    window.show_part(window.report.sections[0])
    window.refresh_preview()
    panel = window.current_body_panel()
    edit = panel.notes.edits["n1"]
    assert edit.text() == "See page 4"  # the deletion is left out of the line, kept in the note
    edit.setFocus()
    edit.end(False)
    type_text(edit, "2")
    note = window.document.read().footnote("n1")
    assert note.content == [
        Span("See "),
        Span("page 42", bold=True),
        Span(" of the old", deleted=BEN),
    ]
    turn_on(qtbot, window)
    edit.setFocus()
    edit.home(False)
    press(qtbot, Qt.Key.Key_Delete)  # the "S"
    note = window.document.read().footnote("n1")
    assert [(span.text, span.bold, span.deleted.author if span.deleted else "") for span in note.content] == [
        ("S", False, "Amal"),
        ("ee ", False, ""),
        ("page 42", True, ""),
        (" of the old", False, "Ben"),
    ]
    assert edit.text() == "ee page 42"


def test_typing_before_a_decision_in_the_same_body_stays_undoable(open_report, qtbot, type_text) -> None:
    window = open_report(marked())
    section = window.report.sections[0]
    editor = editor_at(window, section, "Second")
    type_text(editor, "A ")
    window.features.review.decide_all(accept=True)
    assert window.document.read().sections[0].blocks[1].plain_text == "A Second new"
    press_in(qtbot, editor, Qt.Key.Key_Z, CTRL)  # the decision
    assert review.has_changes(window.document.read())
    press_in(qtbot, editor, Qt.Key.Key_Z, CTRL)  # the typing, still there to undo
    assert window.document.read().sections[0].blocks[1].plain_text == "Second new"
    press_in(qtbot, editor, Qt.Key.Key_Y, CTRL)
    press_in(qtbot, editor, Qt.Key.Key_Y, CTRL)
    report = window.document.read()
    assert report.sections[0].blocks[1].plain_text == "A Second new"
    assert not review.has_changes(report)


def press_in(qtbot, widget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)


def test_replace_all_while_tracking_marks_the_old_words_deleted_and_the_new_inserted(
    open_report, qtbot, type_text, name_asked
) -> None:
    report = english()
    original = copy.deepcopy(report)
    window = open_report(report)
    window.show_part(window.report.sections[0])
    turn_on(qtbot, window)
    dialog = window.writing_aids.show_find()
    dialog.find_edit.setText("delegations")
    dialog.replace_edit.setText("guests")
    assert dialog.replace_all() == 1
    dialog.close()
    result = window.document.read()
    assert marks(result.sections[0].blocks[0]) == [
        ("The chair welcomed the ", "", ""),
        ("delegations", "", "Amal"),
        ("guests", "Amal", ""),
        (".", "", ""),
    ]
    assert body_of(review.rejected(result)) == body_of(original)
    assert review.accepted(result).sections[0].blocks[0].plain_text == "The chair welcomed the guests."


def test_a_draft_saved_with_track_changes_on_goes_on_tracking_under_the_known_name(
    open_report, qtbot, tmp_path
) -> None:
    from minutes_editor.export.docx_writer import export_docx

    pending = english()
    pending.sections[0].blocks[0].content = [
        Span("Reworded.", inserted=Change("Ben", dt.datetime(2026, 12, 1, tzinfo=dt.UTC)))
    ]
    draft = tmp_path / "draft.docx"
    export_docx(pending, draft)  # pending changes: the draft is saved with Track Changes on
    clean = tmp_path / "clean.docx"
    export_docx(english(), clean)
    window = open_report(english())
    label = window.features.review.tracking.status
    # No reviewer name yet: nothing is asked on opening; the status bar says how to track.
    assert window.open_path(draft)
    assert window.document.tracked_by == ""
    assert label.text() == "Track changes: off (the draft tracks changes: Ctrl+Shift+E)"
    # With a name kept in the settings, the next such draft goes on tracking under it.
    window.settings.set_reviewer_name("Amal")
    assert window.open_path(draft)
    assert window.document.tracked_by == "Amal"
    assert label.text() == "Track changes: on"
    assert window.features.review.actions["track_changes"].isChecked()
    window.show_part(window.report.sections[0])
    window.current_editor().setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)  # turned off by the user: it stays off
    assert window.document.tracked_by == ""
    # A draft saved without it opens untracked.
    assert window.open_path(clean)
    assert window.document.tracked_by == ""
    assert label.text() == "Track changes: off"
