"""Tables in the flattened report: a table block as one table item, a run of action items as one action table.

An action table has a header row of the language's words (the preset's
``action_table``: action, owner(s), deadline, status) and one row per action
item: its text (with the item's own pending changes and comments), its owners
joined with the preset's owner separator, its deadline written by CLDR in the
preset's short format, and its status word. An action item proposed inserted
or deleted whole (its block's ``inserted``/``deleted``) is a row proposed so; a
table block proposed whole has every row so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import ActionItem, ActionStatus, Block, Change, Inline
from minutes_editor.render.flow_types import FlowInline, FlowTable, Mark, Origin, Paragraph, Role, Run, TableRow

Runs = Callable[[list[Inline]], tuple[FlowInline, ...]]
Marks = Callable[[Change | None], Mark | None]


def table_paragraph(block: Block, origin: Origin, runs: Runs, mark: Marks) -> Paragraph:
    """The table item of a TABLE block: every row carrying the block's whole-table marks."""
    table = block.table
    assert table is not None
    inserted, deleted = mark(block.inserted), mark(block.deleted)
    rows = tuple(
        TableRow(tuple(runs(list(cell)) for cell in row), inserted=inserted, deleted=deleted) for row in table.rows
    )
    return Paragraph(
        Role.TABLE,
        (),
        origin=origin,
        id=block.id,
        inserted=inserted,
        deleted=deleted,
        table=FlowTable(rows, header=table.header),
    )


def action_paragraph(
    blocks: Sequence[tuple[Block, Origin]], preset: LanguagePreset, runs: Runs, mark: Marks
) -> Paragraph:
    """The action table of consecutive ACTION blocks: a header row, then a row per action item."""
    words = preset.actions
    rows: list[TableRow] = []
    for block, origin in blocks:
        action = block.action
        assert action is not None
        cells = [runs(block.content), *((Run(text),) if text else () for text in action_cells(action, preset))]
        rows.append(TableRow(tuple(cells), origin, block.id, mark(block.inserted), mark(block.deleted)))
    # The header row goes with its items: proposed inserted when every item is (Reject All leaves no table
    # of headers alone), deleted when every item is.
    inserted = rows[0].inserted if rows and all(row.inserted for row in rows) else None
    deleted = rows[0].deleted if rows and all(row.deleted for row in rows) else None
    rows.insert(0, TableRow(tuple((Run(text),) for text in words.headers), inserted=inserted, deleted=deleted))
    first = blocks[0][1] if blocks else Origin()
    return Paragraph(Role.TABLE, (), origin=first, table=FlowTable(tuple(rows), header=True, actions=True))


def action_cells(action: ActionItem, preset: LanguagePreset) -> tuple[str, str, str]:
    """An action item's owner(s), deadline and status cells as the language writes them."""
    words = preset.actions
    owners = words.owner_separator.join(action.owners)
    deadline = preset.format_date(action.deadline, words.date_format) if action.deadline else ""
    status = words.done if action.status is ActionStatus.DONE else words.open
    return owners, deadline, status
