"""The review pane and the Review menu in a real window: go through the changes, decide them, comment, undo."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.main_window import MainWindow
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

    def make(report: Report | None = None) -> MainWindow:
        window = MainWindow("en", document=ReportDocument(report if report is not None else draft()))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.is_complete)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.review._name = ""  # noqa: SLF001
        return window

    return make


def rows(window: MainWindow) -> list[str]:
    tree = window.review.pane.list
    return [tree.topLevelItem(index).text(0) for index in range(tree.topLevelItemCount())]


def test_smoke(open_draft, qtbot):
    window = open_draft()
    assert window.review.pane.isVisible()
    for row in rows(window):
        print(row.replace("\u2068", "").replace("\u2069", ""))
        print("--")
    editor = window.current_editor()
    window.focus_editor()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL_ALT)
    print(window.outline.current_part(), QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL_ALT)
    editor = window.current_editor()
    print(editor.textCursor().selectedText(), window.review.pane.current_entry())
