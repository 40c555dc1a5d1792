"""The review pane and the Review menu in a real window: go through the changes, decide them, comment, undo."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.i18n import install_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.review_pane import ReviewerNameDialog, ReviewPane, shown_date
from minutes_editor.gui.settings import Settings, system_user_name
from minutes_editor.model import review
from minutes_editor.model.report import (
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    FormatChange,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.text_fields import content_text, get_field

WHEN = dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC)
AMAL = Change("أمل", WHEN)
BEN = Change("Ben", WHEN + dt.timedelta(minutes=5))
MOVE = Change("أمل", WHEN + dt.timedelta(minutes=9), move="move1")
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def draft() -> Report:
    """An Arabic report with each kind of pending change and a comment thread."""
    opening = Section(
        SectionKind.OPENING_REMARKS,
        blocks=[
            Block(
                BlockKind.PARAGRAPH,
                [
                    Span("رحّب الرئيس "),
                    Span("بحرارة ", inserted=AMAL),
                    Span("بالوفود"),
                    Span(" المشاركة", deleted=BEN),
                    Span("."),
                    FootnoteRef("1"),
                ],
            ),
            Block(BlockKind.PARAGRAPH, [Span("وأكد "), Span("أهمية", comments=("c1", "c2")), Span(" التعاون.")]),
        ],
    )
    session = Session(
        "الجلسة الأولى",
        blocks=[
            Block(BlockKind.BULLET, [Span("نقطة منقولة", deleted=MOVE)], deleted=MOVE),
            Block(BlockKind.BULLET, [Span("نقطة "), Span("مهمة", bold=True, old_format=FormatChange(BEN))]),
            Block(BlockKind.BULLET, [Span("نقطة جديدة", inserted=AMAL)], inserted=AMAL),
            Block(BlockKind.BULLET, [Span("نقطة محذوفة", deleted=BEN)], deleted=BEN),
            Block(BlockKind.BULLET, [Span("نقطة منقولة", inserted=MOVE)], inserted=MOVE),
            Block(
                BlockKind.BULLET,
                [Span("نقطة أخيرة")],
                level=2,
                old_format=BlockFormatChange(AMAL, BlockKind.PARAGRAPH),
            ),
        ],
    )
    discussion = Section(SectionKind.DISCUSSION, sessions=[session])
    return Report(
        language="ar",
        title=TitleBlock(meeting="اجتماع عملية بودابست", location="فيينا"),
        sections=[opening, discussion],
        footnotes=[Footnote("1", [Span("المصدر"), Span("، الصفحة 4", inserted=BEN)])],
        field_changes=[FieldChange("TitleBlock.location", "", "فيينا القديمة", AMAL)],
        comments=[
            Comment("c1", "Ben", ["لماذا هذه الكلمة؟"], WHEN),
            Comment("c2", "أمل", ["لأنها في النص الأصلي."], WHEN + dt.timedelta(hours=1), parent="c1"),
        ],
    )


def snapshot(report: Report) -> tuple[Report, list[str], list[str]]:
    """A report's content with its section, session and block ids (equality ignores ids)."""
    parts = [part.id for section in report.sections for part in (section, *section.sessions)]
    return copy.deepcopy(report), parts, [block.id for block in report.all_blocks()]


@pytest.fixture
def open_draft(qtbot, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)

    def make(report: Report | None = None, settings: Settings | None = None) -> MainWindow:
        window = MainWindow("en", settings, ReportDocument(report if report is not None else draft()))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.is_complete)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


def rows(window: MainWindow) -> list[str]:
    tree = window.features.review.pane.list
    return [plain(ReviewPane.full_text(tree.topLevelItem(index))) for index in range(tree.topLevelItemCount())]


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the focus is, as a person would."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifiers)


def menu(qtbot, window: MainWindow, *keys: Qt.Key) -> None:
    """Open the Review menu with Alt+V and press ``keys`` in it (mnemonics, arrows, Return) as a person would."""
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    for key in keys:
        popup = QApplication.activePopupWidget()
        assert popup is not None
        qtbot.keyClick(popup, key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # The offscreen platform leaves the closed menu the active window: give the window its focus back.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def same(report: Report, snap: tuple[Report, list[str], list[str]]) -> bool:
    """Whether ``report`` is the snapshot's, ids included."""
    return snapshot(report)[0] == snap[0] and snapshot(report)[1:] == snap[1:]


def changes(window: MainWindow) -> list[tuple[str, str, str]]:
    return [(item.kind.value, item.change.author, item.excerpt) for item in review.revisions(window.document.read())]


def selected_text(window: MainWindow) -> str:
    widget = QApplication.focusWidget()
    if hasattr(widget, "selectedText"):
        return widget.selectedText()
    return widget.textCursor().selectedText()


def anchored(window: MainWindow, index: int) -> str:
    anchor = window.features.review.entries[index].anchor
    value = get_field(window.report, anchor.path)
    text = value if isinstance(value, str) else content_text(value)
    return text[anchor.start : anchor.end].replace("\n", "\u2029")


# ------------------------------------------------------------------ the list


def test_the_pane_lists_every_change_and_comment_of_an_arabic_report_in_reading_order(open_draft):
    window = open_draft()
    pane = window.features.review.pane
    assert pane.isVisible()  # a report carrying changes opens with the pane shown
    assert pane.list.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert [row.split("\n") for row in rows(window)] == [
        ["Field changed · أمل · " + shown_date(WHEN), "Title block", "فيينا"],
        ["Insertion · أمل · " + shown_date(WHEN), "ملاحظات افتتاحية", "بحرارة"],
        ["Deletion · Ben · " + shown_date(BEN.date), "ملاحظات افتتاحية", "المشاركة"],
        ["Comment · Ben · " + shown_date(WHEN), "ملاحظات افتتاحية", "لماذا هذه الكلمة؟"],
        ["Move · أمل · " + shown_date(MOVE.date), "الجلسة الأولى", "نقطة منقولة"],
        ["Formatting · Ben · " + shown_date(BEN.date), "الجلسة الأولى", "مهمة"],
        ["Insertion · أمل · " + shown_date(WHEN), "الجلسة الأولى", "نقطة جديدة"],
        ["Deletion · Ben · " + shown_date(BEN.date), "الجلسة الأولى", "نقطة محذوفة"],
        ["Formatting · أمل · " + shown_date(WHEN), "الجلسة الأولى", "نقطة أخيرة"],
        ["Insertion · Ben · " + shown_date(BEN.date), "Footnote 1", "، الصفحة 4"],
    ]
    thread = pane.list.topLevelItem(3)
    assert thread.childCount() == 1
    assert plain(ReviewPane.full_text(thread.child(0))).split("\n") == [
        "Reply · أمل · " + shown_date(WHEN + dt.timedelta(hours=1)),
        "لأنها في النص الأصلي.",
    ]
    assert pane.summary.text() == "9 change(s) · 1 comment(s)"


# ------------------------------------------------------------------ going through the changes


def test_next_and_previous_change_go_through_the_changes_in_order_and_select_each(open_draft, qtbot):
    window = open_draft()
    window.title_page.meeting.setFocus()
    part = window.features.review
    expected = [index for index, entry in enumerate(part.entries) if isinstance(entry.item, review.Revision)]
    visited = []
    for index in expected:
        press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)
        visited.append(part.pane.current_entry())
        assert selected_text(window) == anchored(window, index), index
    assert visited == expected
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # the last change is in the footnote beside the body
    press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)
    assert window.statusBar().currentMessage() == "No more changes after this one"
    back = []
    for _index in expected[:-1]:
        press(qtbot, Qt.Key.Key_PageUp, CTRL_ALT)
        back.append(part.pane.current_entry())
    assert back == expected[-2::-1]
    assert selected_text(window) == "فيينا"


def test_the_pane_follows_the_cursor(open_draft, qtbot):
    window = open_draft()
    section = window.report.sections[0]
    window.show_part(section)
    editor = window.current_editor()
    editor.setFocus()
    cursor = editor.textCursor()
    block = editor.document().findBlockByNumber(0)
    cursor.setPosition(block.position() + block.text().index("المشاركة") + 2)
    editor.setTextCursor(cursor)
    assert "Deletion" in rows(window)[window.features.review.pane.current_entry()]
    press(qtbot, Qt.Key.Key_Down)  # the next paragraph: the comment on "أهمية"
    assert rows(window)[window.features.review.pane.current_entry()].startswith("Comment")
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # the next parts: the discussion,
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # then its session
    assert window.outline.current_part() is window.report.sections[1].sessions[0]
    editor = window.current_editor()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert rows(window)[window.features.review.pane.current_entry()].startswith("Move")


# ------------------------------------------------------------------ deciding


def test_accept_one_reject_one_and_undo_both(open_draft, qtbot):
    window = open_draft()
    before = snapshot(window.document.read())
    window.title_page.meeting.setFocus()
    press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)  # the title block's location
    press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)  # "بحرارة", inserted by أمل
    assert selected_text(window) == "بحرارة "
    press(qtbot, Qt.Key.Key_A, CTRL_ALT)
    first = window.report.sections[0].blocks[0]
    assert first.content[1] == Span("بحرارة ")
    assert first.id == before[2][0]
    # The cursor went on to the next change, the deletion, which the pane selects.
    assert selected_text(window) == " المشاركة"
    assert rows(window)[window.features.review.pane.current_entry()].startswith("Deletion")
    press(qtbot, Qt.Key.Key_R, CTRL_ALT)
    assert window.report.sections[0].blocks[0].plain_text == "رحّب الرئيس بحرارة بالوفود المشاركة."
    assert len(changes(window)) == 7
    opening = window.store.document(window.report.sections[0])
    assert opening.findBlockByNumber(0).text().startswith("رحّب الرئيس بحرارة بالوفود المشاركة")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(changes(window)) == 8
    assert selected_text(window) == " المشاركة"  # undo shows where the change was
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same(window.document.read(), before)
    assert len(rows(window)) == 10
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.report.sections[0].blocks[0].content[1] == Span("بحرارة ")


def test_accept_all_by_one_reviewer_and_reject_all_from_the_menu_then_undo(open_draft, qtbot):
    window = open_draft()
    before = snapshot(window.document.read())
    window.title_page.meeting.setFocus()
    menu(qtbot, window, Qt.Key.Key_Y, Qt.Key.Key_Return)  # Review > Accept all by > أمل
    expected = copy.deepcopy(before[0])
    review.decide(expected, review.by_author("أمل"), accept=True).apply(expected)
    assert window.document.read() == expected
    assert {author for _kind, author, _excerpt in changes(window)} == {"Ben"}
    assert window.report.title.location == "فيينا"
    assert window.report.field_changes == []
    menu(qtbot, window, Qt.Key.Key_G)  # Review > Reject all changes
    assert changes(window) == []
    assert window.document.read() == review.rejected(expected)
    assert [plain(row).split("\n")[0].split(" · ")[0] for row in rows(window)] == ["Comment"]
    session = window.report.sections[1].sessions[0]
    assert [block.plain_text for block in session.blocks] == [
        "نقطة مهمة",
        "نقطة جديدة",
        "نقطة محذوفة",
        "نقطة منقولة",
        "نقطة أخيرة",
    ]
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.read() == expected
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same(window.document.read(), before)
    assert window.report.title.location == "فيينا"
    assert window.title_page.location.text() == "فيينا"


def test_rejecting_a_field_change_shows_the_old_value(open_draft, qtbot):
    window = open_draft()
    window.title_page.meeting.setFocus()
    press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)
    press(qtbot, Qt.Key.Key_R, CTRL_ALT)
    assert window.report.title.location == "فيينا القديمة"
    assert window.title_page.location.text() == "فيينا القديمة"
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.title_page.location.text() == "فيينا"


# ------------------------------------------------------------------ comments


@pytest.fixture
def name_asked(monkeypatch, type_text):
    """The reviewer's name dialog, answered "سلمى" with the keyboard; counts how often it was asked."""
    asked: list[str] = []

    def answer(dialog: ReviewerNameDialog) -> int:
        asked.append(dialog.name.text())
        dialog.name.selectAll()
        type_text(dialog.name, "سلمى")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReviewerNameDialog, "exec", answer)
    return asked


def test_reply_resolve_reopen_and_delete_a_comment_then_undo_them(open_draft, qtbot, type_text, name_asked, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    window = open_draft(settings=settings)
    before = snapshot(window.document.read())
    pane = window.features.review.pane
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert pane.list.hasFocus()
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert rows(window)[pane.current_entry()].startswith("Comment")
    menu(qtbot, window, Qt.Key.Key_E)  # Review > Reply to the comment
    assert name_asked == [system_user_name()]
    assert settings.reviewer_name() == "سلمى"
    qtbot.waitUntil(pane.composer_text.hasFocus)
    type_text(pane.composer_text, "شكرًا للتوضيح")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    answer = window.report.comments[-1]
    assert (answer.author, answer.text, answer.parent, answer.initials) == ("سلمى", ["شكرًا للتوضيح"], "c1", "س")
    word = window.report.sections[0].blocks[1].content[1]
    assert word.comments == ("c1", "c2", answer.id)
    thread = pane.list.topLevelItem(3)
    assert thread.childCount() == 2
    assert pane.list.hasFocus()  # back where the reply was asked for
    menu(qtbot, window, Qt.Key.Key_S)  # Review > Resolve the comment
    assert [comment.done for comment in window.report.comments] == [True, True, True]
    dimmed = pane.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert pane.list.topLevelItem(3).foreground(0).color() == dimmed
    assert "(resolved)" in rows(window)[3]
    menu(qtbot, window, Qt.Key.Key_O)  # Review > Reopen the comment
    assert [comment.done for comment in window.report.comments] == [False, False, False]
    pane.list.setFocus()
    pane.list.setCurrentItem(pane.list.topLevelItem(3))
    press(qtbot, Qt.Key.Key_Delete)
    assert window.report.comments == []
    assert window.report.sections[0].blocks[1].content[1].comments == ()
    assert not any(row.startswith("Comment") for row in rows(window))
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same(window.document.read(), before)
    assert len(name_asked) == 1


def test_a_comment_on_a_selected_arabic_word(open_draft, qtbot, type_text, name_asked):
    window = open_draft()
    before = snapshot(window.document.read())
    window.show_part(window.report.sections[0])
    editor = window.current_editor()
    editor.setFocus()
    cursor = editor.textCursor()
    block = editor.document().findBlockByNumber(1)
    cursor.setPosition(block.position() + block.text().index("التعاون"))
    editor.setTextCursor(cursor)
    # Right to left, Ctrl+Shift+Left selects the word after the cursor.
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == "التعاون"
    press(qtbot, Qt.Key.Key_M, CTRL_ALT)
    pane = window.features.review.pane
    assert pane.composer_text.hasFocus()
    assert "التعاون" in pane.composer_label.text()
    press(qtbot, Qt.Key.Key_Escape)  # given up: nothing changes
    assert editor.hasFocus()
    assert same(window.document.read(), before)
    press(qtbot, Qt.Key.Key_M, CTRL_ALT)
    type_text(pane.composer_text, "أي تعاون؟")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    comment = window.report.comments[-1]
    assert (comment.author, comment.text, comment.parent) == ("سلمى", ["أي تعاون؟"], "")
    assert window.report.sections[0].blocks[1].content == [
        Span("وأكد "),
        Span("أهمية", comments=("c1", "c2")),
        Span(" "),
        Span("التعاون", comments=(comment.id,)),
        Span("."),
    ]
    assert window.report.sections[0].blocks[1].id == before[2][1]
    assert editor.hasFocus()
    assert plain(rows(window)[4]).split("\n") == [
        "Comment · سلمى · " + shown_date(comment.date),
        "ملاحظات افتتاحية",
        "أي تعاون؟",
    ]
    assert rows(window)[window.features.review.pane.current_entry()] == rows(window)[4]  # the cursor is on it
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same(window.document.read(), before)


def test_a_comment_on_a_session_title_stands_on_the_whole_field(open_draft, qtbot, type_text, name_asked):
    window = open_draft()
    session = window.report.sections[1].sessions[0]
    window.show_part(session)
    window.session_page.title.setFocus()
    press(qtbot, Qt.Key.Key_M, CTRL_ALT)
    type_text(window.features.review.pane.composer_text, "عنوان طويل")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    comment = window.report.comments[-1]
    assert (comment.field_name, comment.owner, comment.text) == ("Session.title", session.id, ["عنوان طويل"])
    assert window.session_page.title.hasFocus()
    assert rows(window)[window.features.review.pane.current_entry()].split("\n")[1:] == ["الجلسة الأولى", "عنوان طويل"]


def test_typing_in_another_body_stays_undoable_after_a_decision(open_draft, qtbot, type_text):
    report = draft()
    plain_section = Section(SectionKind.TAKEAWAYS, blocks=[Block(BlockKind.BULLET, [Span("خلاصة")])])
    report.sections.append(plain_section)
    window = open_draft(report)
    window.show_part(plain_section)
    editor = window.current_editor()
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " مهمة")
    window.title_page.meeting.setFocus()
    window.show_part(window.report.title)
    press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)
    press(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)
    press(qtbot, Qt.Key.Key_A, CTRL_ALT)  # accepted in the opening remarks
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the decision
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the typing
    assert window.document.read().sections[-1].blocks[0].plain_text == "خلاصة"
    assert len(changes(window)) == 9


def test_the_pane_in_the_arabic_interface_is_on_the_start_side_and_in_arabic(qtbot, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    app = QApplication.instance()
    install_translations("ar")
    configure_application(app, "ar")
    try:
        window = MainWindow("ar", None, ReportDocument(draft()))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.is_complete)
        pane = window.features.review.pane
        assert window.dockWidgetArea(pane) == Qt.DockWidgetArea.RightDockWidgetArea
        assert pane.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert pane.list.layoutDirection() == Qt.LayoutDirection.RightToLeft
        first = rows(window)[0].split("\n")
        assert first[0].startswith("تغيير حقل · أمل · ")
        assert first[1:] == ["ترويسة التقرير", "فيينا"]
        assert rows(window)[-1].split("\n")[1] == "الحاشية 1"
        assert pane.summary.text() == "%n تغييرات · تعليق واحد".replace("%n", "9")
        assert window.registry.menu("review").title() == "&مراجعة"
    finally:
        install_translations("en")
        configure_application(app, "en")
