"""Comparing drafts holding tables and action items: whole-block revisions where no mark carries the change."""

from __future__ import annotations

import copy
import datetime as dt

from minutes_editor.model import review
from minutes_editor.model.report import ActionItem, ActionStatus, Block, BlockKind, Span, Table
from tests.test_compare import assert_laws, body, fresh_ids, marks, paragraph, redline


def table(*rows: list[str]) -> Block:
    return Block(BlockKind.TABLE, table=Table([[[Span(text)] for text in row] for row in rows]))


def action(text: str, owners: list[str], deadline: dt.date | None = None) -> Block:
    return Block(BlockKind.ACTION, [Span(text)], action=ActionItem(owners, deadline))


def shape(report_blocks: list[Block]) -> list[tuple[str, str, str]]:
    return [
        (block.kind.value, block.plain_text, "inserted" if block.inserted else "deleted" if block.deleted else "")
        for block in report_blocks
    ]


def test_equal_tables_stay_unchanged_however_their_cells_are_cut() -> None:
    old = body(paragraph(Span("Intro.")), table(["City", "Host"], ["Vienna", "Austria"]))
    new = copy.deepcopy(old)
    new.all_blocks()[1].table.rows[1][0] = [Span("Vie"), Span("nna")]  # type: ignore[union-attr]
    result = redline(old, new)
    assert not review.has_changes(result)
    assert_laws(old, new, result)


def test_a_table_whose_cells_differ_is_the_old_deleted_whole_and_the_new_inserted() -> None:
    old = body(paragraph(Span("Intro.")), table(["City", "Host"], ["Vienna", "Austria"]))
    new = copy.deepcopy(old)
    new.all_blocks()[1].table.rows[1][0] = [Span("Rabat")]  # type: ignore[union-attr]
    new.all_blocks()[1].table.rows.append([[Span("Tunis")], [Span("Tunisia")]])  # type: ignore[union-attr]
    result = redline(old, new)
    assert shape(result.all_blocks()) == [
        ("paragraph", "Intro.", ""),
        ("table", "City\tHost\nVienna\tAustria", "deleted"),
        ("table", "City\tHost\nRabat\tAustria\nTunis\tTunisia", "inserted"),
    ]
    listed = review.revisions(result)
    assert [item.kind for item in listed] == [review.RevisionKind.DELETION, review.RevisionKind.INSERTION]
    assert_laws(old, new, result)
    assert_laws(old, fresh_ids(new), redline(old, fresh_ids(new)))  # paired by content: tables with tables


def test_a_table_never_pairs_with_a_paragraph_of_the_same_words() -> None:
    old = body(paragraph(Span("Vienna Austria")))
    new = body(table(["Vienna", "Austria"]))
    new.all_blocks()[0].id = old.all_blocks()[0].id
    result = redline(old, new)
    # The table first (block_diff.table_safe_order): a deleted paragraph's mark would have no paragraph to join.
    assert shape(result.all_blocks()) == [
        ("table", "Vienna\tAustria", "inserted"),
        ("paragraph", "Vienna Austria", "deleted"),
    ]
    assert_laws(old, new, result)


def test_an_action_item_s_reworded_text_is_word_diffed_and_keeps_its_fields() -> None:
    old = body(action("Send the draft to all delegations", ["ICMPD"], dt.date(2027, 1, 10)))
    new = copy.deepcopy(old)
    new.all_blocks()[0].content = [Span("Send the revised draft to all delegations")]
    result = redline(old, new)
    assert marks(result) == [("inserted", "revised ")]
    assert result.all_blocks()[0].action == ActionItem(["ICMPD"], dt.date(2027, 1, 10))
    assert_laws(old, new, result)


def test_an_action_item_whose_owner_deadline_or_status_changed_is_replaced_whole() -> None:
    old = body(action("Send the draft", ["ICMPD"], dt.date(2027, 1, 10)))
    for change in ("owners", "deadline", "status"):
        new = copy.deepcopy(old)
        item = new.all_blocks()[0].action
        assert item is not None
        if change == "owners":
            item.owners = ["ICMPD", "Austria"]
        elif change == "deadline":
            item.deadline = dt.date(2027, 2, 1)
        else:
            item.status = ActionStatus.DONE
        result = redline(old, new)
        assert shape(result.all_blocks()) == [
            ("action", "Send the draft", "deleted"),
            ("action", "Send the draft", "inserted"),
        ]
        assert review.rejected(result).all_blocks()[0].action == old.all_blocks()[0].action
        assert review.accepted(result).all_blocks()[0].action == item
        assert_laws(old, new, result)


def test_a_paragraph_made_an_action_item_is_replaced_whole() -> None:
    old = body(paragraph(Span("Send the draft")))
    new = body(action("Send the draft", ["ICMPD"]))
    new.all_blocks()[0].id = old.all_blocks()[0].id
    result = redline(old, new)
    # The new action item first: Word's paragraph proposed deleted just before a table would stay, empty.
    assert shape(result.all_blocks()) == [
        ("action", "Send the draft", "inserted"),
        ("paragraph", "Send the draft", "deleted"),
    ]
    assert_laws(old, new, result)
    back = redline(new, old)
    assert shape(back.all_blocks()) == [
        ("action", "Send the draft", "deleted"),
        ("paragraph", "Send the draft", "inserted"),
    ]
    assert_laws(new, old, back)
