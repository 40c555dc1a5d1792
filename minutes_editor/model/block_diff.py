"""How compare treats the blocks that are more than text: tables and action items (model/compare.py).

No pending change carries a table's cells or an action item's owners,
deadline and status, so a change of those is shown as the old block deleted
whole and the new one inserted: Accept All gives the new block, Reject All
the old one. An action item's text alone changed is word-diffed as a
paragraph's.
"""

from __future__ import annotations

import copy
import dataclasses

from minutes_editor.model.report import Block, BlockKind, Change, Span
from minutes_editor.model.word_diff import canonical_content, marked


def replaced_whole(old: Block, new: Block) -> bool:
    """Whether a pair of blocks in place is shown as the old one deleted and the new one inserted, not word-diffed.

    So it is for a table (unless ``same_table``), and for an action item whose
    owners, deadline or status changed, or a block that became or stopped
    being an action item.
    """
    if old.table is not None or new.table is not None:
        return True
    return BlockKind.ACTION in (old.kind, new.kind) and (old.kind, old.action) != (new.kind, new.action)


def whole_block(block: Block, ident: str, *, inserted: Change | None = None, deleted: Change | None = None) -> Block:
    """A copy of ``block`` (a new table and action item too) with its content, and the block itself, so marked."""
    return Block(
        block.kind,
        marked(block.content, inserted=inserted, deleted=deleted),
        block.level,
        ident,
        inserted=inserted,
        deleted=deleted,
        table=copy.deepcopy(block.table),
        action=copy.deepcopy(block.action),
    )


def is_table(block: Block) -> bool:
    """Whether ``block`` is a table (pairing by content keeps tables with tables)."""
    return block.table is not None


def same_table(old: Block, new: Block) -> bool:
    """Whether both blocks are tables showing the same cells: text and emphasis, however cut; comments aside."""
    if old.table is None or new.table is None:
        return False

    def look(block: Block) -> object:
        assert block.table is not None
        cells = [[_plain_look(cell) for cell in row] for row in block.table.rows]
        return block.table.header, cells

    return look(old) == look(new)


def _plain_look(cell: list[Span]) -> list[tuple[str, bool, bool, bool]]:
    return [
        (item.text, item.bold, item.italic, item.underline)
        for item in canonical_content([dataclasses.replace(span, comments=()) for span in cell])
        if isinstance(item, Span)
    ]
