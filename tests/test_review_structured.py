"""Reviewers' changes, the review list and comments around tables and action items (docs/review.md)."""

from __future__ import annotations

import copy
import datetime as dt

from minutes_editor.model import comments, review, review_list
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    Report,
    Section,
    SectionKind,
    Span,
    Table,
)
from minutes_editor.model.rules import check_block

WHEN = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
AMAL = Change("Amal", WHEN)
BEN = Change("Ben", WHEN)


def table(*rows: list[str], **marks: Change) -> Block:
    return Block(BlockKind.TABLE, table=Table([[[Span(text)] for text in row] for row in rows]), **marks)  # type: ignore[arg-type]


def paragraph(*content: Span, **marks: Change) -> Block:
    return Block(BlockKind.PARAGRAPH, list(content), **marks)  # type: ignore[arg-type]


def body(*blocks: Block) -> Report:
    return Report(sections=[Section(SectionKind.DISCUSSION, blocks=list(blocks))])


def kinds(report: Report) -> list[str]:
    return [f"{block.kind.value}:{block.plain_text}" for block in report.all_blocks()]


def test_a_table_proposed_inserted_is_kept_by_accepting_and_removed_by_rejecting() -> None:
    report = body(paragraph(Span("Before.")), table(["Country", "Status"], ["Austria", "done"], inserted=AMAL))
    accepted, rejected = review.accepted(report), review.rejected(report)
    assert kinds(accepted) == ["paragraph:Before.", "table:Country\tStatus\nAustria\tdone"]
    assert accepted.all_blocks()[1].inserted is None
    assert accepted.all_blocks()[1].id == report.all_blocks()[1].id
    assert kinds(rejected) == ["paragraph:Before."]


def test_a_table_proposed_deleted_is_removed_by_accepting_and_kept_by_rejecting() -> None:
    report = body(table(["a", "b"], deleted=BEN), paragraph(Span("After.")))
    assert kinds(review.accepted(report)) == ["paragraph:After."]
    rejected = review.rejected(report)
    assert kinds(rejected) == ["table:a\tb", "paragraph:After."]
    assert rejected.all_blocks()[0].deleted is None


def test_a_table_revision_is_one_revision_with_the_table_s_text_decided_alone() -> None:
    report = body(
        paragraph(Span("Kept "), Span("words", inserted=BEN)),
        table(["Country", "Status"], ["Austria", "done"], inserted=AMAL),
    )
    listed = review.revisions(report)
    assert [(item.kind, item.change.author, item.excerpt) for item in listed] == [
        (review.RevisionKind.INSERTION, "Ben", "words"),
        (review.RevisionKind.INSERTION, "Amal", "Country\tStatus\nAustria\tdone\n"),
    ]
    table_revision = listed[1]
    before = copy.deepcopy(report)
    inverse = review.decide(report, table_revision.select, accept=False, where=table_revision.where).apply(report)
    assert kinds(report) == ["paragraph:Kept words"]
    assert report.all_blocks()[0].content[1].inserted == BEN  # the other reviewer's change still pending
    inverse.apply(report)
    assert report == before
    assert review.authors(report) == ["Ben", "Amal"]


def test_no_text_joins_a_table_a_paragraph_before_it_keeps_its_text() -> None:
    # The paragraph's end is proposed deleted, but its next block is a table: the text stays where it is.
    report = body(paragraph(Span("Before the table."), deleted=AMAL), table(["x"]), paragraph(Span("After.")))
    assert kinds(review.accepted(report)) == ["paragraph:Before the table.", "table:x", "paragraph:After."]
    # A paragraph deleted whole before a table goes.
    report = body(paragraph(Span("Gone.", deleted=AMAL), deleted=AMAL), table(["x"]))
    assert kinds(review.accepted(report)) == ["table:x"]
    # A table that goes lets the paragraph before it join the one after, as if it had never been there.
    report = body(paragraph(Span("One "), deleted=AMAL), table(["x"], deleted=AMAL), paragraph(Span("two.")))
    assert kinds(review.accepted(report)) == ["paragraph:One two."]


def test_an_action_item_keeps_its_owners_deadline_and_status_through_a_decision() -> None:
    item = ActionItem(["ICMPD", "Austria"], dt.date(2027, 1, 15), ActionStatus.OPEN)
    report = body(Block(BlockKind.ACTION, [Span("Send "), Span("the draft", inserted=AMAL)], action=item))
    for decided in (review.accepted(report), review.rejected(report)):
        block = decided.all_blocks()[0]
        assert block.kind is BlockKind.ACTION
        assert block.action == item
        check_block(block)
    assert kinds(review.accepted(report)) == ["action:Send the draft"]
    assert kinds(review.rejected(report)) == ["action:Send "]


def test_a_paragraph_made_an_action_item_is_a_paragraph_again_when_the_change_is_rejected() -> None:
    made = Block(
        BlockKind.ACTION,
        [Span("Draft the terms")],
        old_format=BlockFormatChange(AMAL, BlockKind.PARAGRAPH),
        action=ActionItem(["ICMPD"]),
    )
    report = body(made)
    rejected = review.rejected(report).all_blocks()[0]
    assert (rejected.kind, rejected.action) == (BlockKind.PARAGRAPH, None)
    check_block(rejected)
    accepted = review.accepted(report).all_blocks()[0]
    assert (accepted.kind, accepted.action, accepted.old_format) == (BlockKind.ACTION, ActionItem(["ICMPD"]), None)


def test_a_comment_in_a_table_cell_is_anchored_at_the_cell_and_a_table_revision_at_its_block() -> None:
    report = body(paragraph(Span("First.")), table(["Country", "Status"], ["Austria", "done"], inserted=AMAL))
    note = Comment("c1", "Ben", ["Which year?"])
    owner = report.sections[0]
    comments.comment_on_cell(report, note, owner, (1, 1, 0), (2, 5)).apply(report)
    cell = report.all_blocks()[1].table.rows[1][0]  # type: ignore[union-attr]
    assert [(span.text, span.comments) for span in cell] == [("Au", ()), ("str", ("c1",)), ("ia", ())]
    entries = review_list.review_list(report)
    anchors = {type(entry.item).__name__: entry.anchor for entry in entries}
    assert anchors["Thread"].path == "sections[0].blocks[1].rows[1].cells[0]"
    assert (anchors["Thread"].start, anchors["Thread"].end) == (2, 5)
    assert anchors["Revision"].path == "sections[0].blocks[1]"
    # In reading order: the table's revision (at its start), then the comment in its second row.
    assert [type(entry.item).__name__ for entry in entries] == ["Revision", "Thread"]
    assert anchors["Thread"].order > anchors["Revision"].order
    # A reply covers the same cell text; deleting the thread takes its marks out of the cell.
    comments.reply(report, "c1", Comment("c2", "Amal", ["2021."])).apply(report)
    assert report.all_blocks()[1].table.rows[1][0][1].comments == ("c1", "c2")  # type: ignore[union-attr]
    comments.delete(report, "c1").apply(report)
    assert all(not span.comments for span in report.all_blocks()[1].table.rows[1][0])  # type: ignore[union-attr]
    assert report.comments == []
