"""Find, replace and counts in table cells and action items; cells as fields by path."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from minutes_editor.model import search, text_fields
from minutes_editor.model.report import (
    ActionItem,
    Block,
    BlockKind,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    Table,
    TitleBlock,
)
from minutes_editor.model.search import Query, apply_edits, body_changes, field_changes, revert_edits
from minutes_editor.model.text_fields import FieldKind, Place, get_field, locate, set_field
from minutes_editor.storage.presets import load_preset

PRESET = load_preset("en")


def table(*rows: list[str]) -> Block:
    return Block(BlockKind.TABLE, table=Table([[[Span(text)] for text in row] for row in rows]))


def action(text: str) -> Block:
    return Block(BlockKind.ACTION, [Span(text)], action=ActionItem(["ICMPD"], dt.date(2027, 1, 10)))


def subject() -> Report:
    return Report(
        title=TitleBlock(meeting="Follow-up"),
        sections=[
            Section(SectionKind.OBJECTIVES, "Aims", blocks=[Block(BlockKind.PARAGRAPH, [Span("Vienna talks.")])]),
            Section(
                SectionKind.DISCUSSION,
                "Talks",
                blocks=[table(["City", "Host"], ["Vienna", "Austria"])],
                sessions=[Session("S1", blocks=[action("Send the Vienna list")])],
            ),
        ],
    )


def test_cells_are_fields_of_their_own_and_action_text_is_a_block_field() -> None:
    fields = [(field.path, field.kind, field.text) for field in text_fields.iter_fields(subject(), PRESET)]
    assert ("sections[1].blocks[0].rows[0].cells[1]", FieldKind.CELL, "Host") in fields
    assert ("sections[1].blocks[0].rows[1].cells[0]", FieldKind.CELL, "Vienna") in fields
    assert ("sections[1].sessions[0].blocks[0]", FieldKind.BLOCK, "Send the Vienna list") in fields
    assert not any(path == "sections[1].blocks[0]" for path, _kind, _text in fields)  # the table has no text


def test_find_in_cells_and_action_items_in_reading_order() -> None:
    found = search.find_all(subject(), Query("vienna"), preset=PRESET)
    assert [(match.path, match.start, match.text) for match in found] == [
        ("sections[0].blocks[0]", 0, "Vienna"),
        ("sections[1].blocks[0].rows[1].cells[0]", 0, "Vienna"),
        ("sections[1].sessions[0].blocks[0]", 9, "Vienna"),
    ]
    cells_only = Query("vienna", kinds=frozenset({FieldKind.CELL}))
    assert [match.path for match in search.find_all(subject(), cells_only, preset=PRESET)] == [
        "sections[1].blocks[0].rows[1].cells[0]"
    ]


def test_replace_in_a_cell_and_an_action_item_then_undo() -> None:
    report = subject()
    original = copy.deepcopy(report)
    plan = search.replace_all(report, Query("Vienna"), "Rabat", preset=PRESET)
    assert plan.count == 3
    apply_edits(report, plan.edits)
    assert report.sections[1].blocks[0].plain_text == "City\tHost\nRabat\tAustria"
    block = report.sections[1].sessions[0].blocks[0]
    assert block.plain_text == "Send the Rabat list"
    assert block.action == ActionItem(["ICMPD"], dt.date(2027, 1, 10))
    revert_edits(report, plan.edits)
    assert report == original


def test_body_changes_make_cell_and_block_edits_as_new_blocks_keeping_ids() -> None:
    report = subject()
    original = copy.deepcopy(report)
    table_before = report.sections[1].blocks[0]
    plan = search.replace_all(report, Query("Vienna"), "Rabat", preset=PRESET)
    with pytest.raises(KeyError):
        field_changes(report, plan.edits)  # body text, cells included, is no field
    operations = body_changes(report, plan.edits)
    assert [operation.owner for operation in operations] == [
        report.sections[0],
        report.sections[1],
        report.sections[1].sessions[0],
    ]
    inverses = [operation.apply(report) for operation in operations]
    changed = report.sections[1].blocks[0]
    assert changed.id == table_before.id
    assert changed is not table_before
    assert table_before.plain_text == "City\tHost\nVienna\tAustria"  # the old block is left as it was
    assert changed.plain_text == "City\tHost\nRabat\tAustria"
    assert report.sections[1].sessions[0].blocks[0].plain_text == "Send the Rabat list"
    for inverse in reversed(inverses):
        inverse.apply(report)
    assert report == original


def test_cell_paths_locate_get_and_set() -> None:
    report = subject()
    path = "sections[1].blocks[0].rows[1].cells[1]"
    assert locate(path) == Place(section=1, block=0, row=1, cell=1)
    assert locate("sections[1].sessions[0].blocks[2].rows[0].cells[3]") == Place(
        section=1, session=0, block=2, row=0, cell=3
    )
    assert get_field(report, path) == [Span("Austria")]
    set_field(report, path, [Span("Österreich", bold=True)])
    assert report.sections[1].blocks[0].table.rows[1][1] == [Span("Österreich", bold=True)]  # type: ignore[union-attr]
    for bad in (
        "sections[1].blocks[0]",  # a table's text is in its cells
        "sections[0].blocks[0].rows[0].cells[0]",  # not a table
        "sections[1].blocks[0].rows[2].cells[0]",  # no such row
        "sections[1].blocks[0].rows[0].cells[2]",  # no such cell
    ):
        with pytest.raises(KeyError):
            get_field(report, bad)


def test_counts_include_cells_and_action_items() -> None:
    counts = search.count_report(subject(), PRESET)
    # Section 2: "Talks" + City, Host, Vienna, Austria + "Send the Vienna list" (S1 is a session title: counted too).
    talks = search.count_text("Talks") + search.count_text("S1")
    cells = sum((search.count_text(text) for text in ("City", "Host", "Vienna", "Austria")), search.Counts())
    assert counts.sections[1] == talks + cells + search.count_text("Send the Vienna list")
    assert counts.sections[1].words == 1 + 1 + 4 + 4
