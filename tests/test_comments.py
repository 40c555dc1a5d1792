"""Reviewers' comments (model/comments.py): add on a range, reply, resolve, delete; each undone by its inverse."""

from __future__ import annotations

import copy

import pytest

from minutes_editor.model import comments
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Comment,
    Footnote,
    FootnoteRef,
    Report,
    Section,
    SectionKind,
    Span,
)


def sample() -> Report:
    return Report(
        language="ar",
        sections=[
            Section(
                SectionKind.DISCUSSION,
                blocks=[
                    Block(
                        BlockKind.PARAGRAPH,
                        [Span("رحّب "), Span("الرئيس", bold=True), Span(" بالوفود."), FootnoteRef("1")],
                    ),
                    Block(BlockKind.BULLET, [Span("نقطة أولى")]),
                ],
            )
        ],
        footnotes=[Footnote("1", [Span("مصدر")])],
    )


def ids(report: Report) -> list[str]:
    return [block.id for block in report.all_blocks()]


def test_a_comment_on_a_word_splits_the_spans_around_it_and_keeps_block_ids() -> None:
    report = sample()
    before = copy.deepcopy(report)
    section = report.sections[0]
    untouched = section.blocks[1]
    inverse = comments.comment_on(report, Comment("c1", "Amal", ["أي رئيس؟"]), section, (0, 2), (0, 11)).apply(report)
    content = section.blocks[0].content
    assert content[:4] == [
        Span("رح"),
        Span("ّب ", comments=("c1",)),
        Span("الرئيس", bold=True, comments=("c1",)),
        Span(" بالوفود."),
    ]
    assert section.blocks[1] is untouched
    assert ids(report) == ids(before)
    assert [comment.id for comment in report.comments] == ["c1"]
    inverse.apply(report)
    assert report == before
    assert ids(report) == ids(before)


def test_a_comment_across_two_blocks_and_a_range_with_no_text() -> None:
    report = sample()
    section = report.sections[0]
    comments.comment_on(report, Comment("c1", "Amal"), section, (1, 4), (0, 13)).apply(report)
    marked = [
        (item.text, item.comments) for block in section.blocks for item in block.content if isinstance(item, Span)
    ]
    assert marked == [
        ("رحّب ", ()),
        ("الرئيس", ()),
        (" ب", ()),
        ("الوفود.", ("c1",)),
        ("نقطة", ("c1",)),
        (" أولى", ()),
    ]
    with pytest.raises(ValueError, match="no text"):
        comments.comment_on(report, Comment("c2", "Amal"), section, (0, 3), (0, 3))


def test_reply_resolve_and_delete_a_thread() -> None:
    report = sample()
    section = report.sections[0]
    comments.comment_on(report, Comment("c1", "Amal", ["?"]), section, (0, 5), (0, 11)).apply(report)
    before = copy.deepcopy(report)
    undo_reply = comments.reply(report, "c1", Comment("c2", "Ben", ["نعم"])).apply(report)
    assert [(c.id, c.parent) for c in report.comments] == [("c1", ""), ("c2", "c1")]
    assert section.blocks[0].content[1].comments == ("c1", "c2")  # type: ignore[union-attr]
    undo_resolve = comments.set_resolved(report, "c2", True).apply(report)
    assert [c.done for c in report.comments] == [True, True]
    undo_resolve.apply(report)
    assert [c.done for c in report.comments] == [False, False]
    undo_delete = comments.delete(report, "c1").apply(report)
    assert report.comments == []
    assert all(not item.comments for item in section.blocks[0].content if isinstance(item, Span))
    undo_delete.apply(report)
    undo_reply.apply(report)
    assert report == before


def test_deleting_a_reply_keeps_its_thread_and_a_footnote_range_is_cleared_too() -> None:
    report = sample()
    report.footnotes[0].content = [Span("مصدر", comments=("c1", "c2"))]
    report.comments = [Comment("c1", "Amal"), Comment("c2", "Ben", parent="c1")]
    comments.delete(report, "c2").apply(report)
    assert [c.id for c in report.comments] == ["c1"]
    assert report.footnotes[0].content == [Span("مصدر", comments=("c1",))]
    assert comments.thread_members(report, "c1") == {"c1"}
