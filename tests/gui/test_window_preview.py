"""The live preview: what it shows, and that updating it in place gives what drawing it afresh gives."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from minutes_editor.gui.preview import BULLET_GLYPHS, LEVEL_INDENT, PreviewRenderer
from minutes_editor.model.report import Block, BlockKind, Footnote, FootnoteRef, Section, SectionKind, Span
from minutes_editor.render.flow import flatten
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path

EXAMPLE = example_path("ar")


def _blocks(document: QTextDocument) -> list[tuple]:
    result = []
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        result.append(
            (block.text(), int(fmt.alignment().value), fmt.leftMargin(), fmt.rightMargin(), fmt.layoutDirection())
        )
        block = block.next()
    return result


def _fresh(report) -> QTextDocument:
    document = QTextDocument()
    PreviewRenderer(document).show(flatten(report))
    return document


def test_preview_shows_numbers_bullets_on_the_start_side_and_notes_at_the_end(qapp):
    report = load_report(EXAMPLE)
    document = _fresh(report)
    text = document.toPlainText()
    assert "1. أهداف الاجتماع" in text
    assert "5. نقاط المناقشة الرئيسية" in text
    lines = text.split("\n")
    assert lines[-1].startswith("1 هذا التعيين")
    assert lines[-2] == "الحواشي"
    bullets = [block for block in _blocks(document) if block[0].startswith(BULLET_GLYPHS[1])]
    assert bullets
    for _text, _alignment, left, right, direction in bullets:
        assert direction == Qt.LayoutDirection.RightToLeft
        assert right == LEVEL_INDENT
        assert left == 0
    second_level = [block for block in _blocks(document) if block[0].startswith(BULLET_GLYPHS[2])]
    assert len(second_level) == 7
    assert all(block[3] == 2 * LEVEL_INDENT for block in second_level)


def test_english_preview_indents_on_the_left(qapp):
    report = load_report(example_path("en"))
    bullets = [block for block in _blocks(_fresh(report)) if block[0].startswith(BULLET_GLYPHS[1])]
    assert bullets
    assert all(block[2] == LEVEL_INDENT and block[3] == 0 for block in bullets)
    assert all(block[4] == Qt.LayoutDirection.LeftToRight for block in bullets)


def test_updating_in_place_matches_a_fresh_preview(qapp):
    report = load_report(EXAMPLE)
    document = QTextDocument()
    renderer = PreviewRenderer(document)
    renderer.show(flatten(report))

    def check(changed: int | None = None) -> None:
        renderer.show(flatten(report))
        assert _blocks(document) == _blocks(_fresh(report))
        if changed is not None:
            assert renderer.replaced_chunks == changed

    check(0)
    report.sections[2].blocks[0].content[0].text += " مضاف"
    check(1)
    report.sections.insert(1, Section(SectionKind.GENERIC, heading="قسم جديد"))
    check()
    report.sections[3].blocks.insert(0, Block(BlockKind.PARAGRAPH, [Span("حاشية"), FootnoteRef("new")]))
    report.footnotes.insert(0, Footnote("new", [Span("نص الحاشية")]))
    check()
    del report.sections[0]
    check()
    report.sections.append(copy.deepcopy(report.sections[0]))
    check()
    report.sections = []
    report.footnotes = []
    check()
    report.title.meeting = ""
    report.title.date = None
    report.title.location = ""
    report.title.status = ""
    check()
    assert document.toPlainText().strip() == "The report is empty."
