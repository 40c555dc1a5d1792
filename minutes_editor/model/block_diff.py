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


def table_safe_order(blocks: list[Block]) -> list[Block]:
    """A body's blocks with each stretch of blocks proposed inserted or deleted whole ordered so tables come first.

    Either view of such a stretch reads the same whatever the interleaving of
    its deleted and its inserted blocks (each keeps its order), but Word and
    LibreOffice do not: a paragraph whose mark goes in one view keeps an
    empty paragraph when a table follows it (the mark has nothing to join).
    So a table (or action item, a row of one) is taken before a paragraph
    where the two orders allow it; deleted before inserted otherwise.
    """
    result: list[Block] = []
    deleted: list[Block] = []
    inserted: list[Block] = []
    for block in blocks:
        side = _whole_side(block)
        if side == "deleted":
            deleted.append(block)
        elif side == "inserted":
            inserted.append(block)
        else:
            result.extend(_merged(deleted, inserted))
            deleted, inserted = [], []
            result.append(block)
    result.extend(_merged(deleted, inserted))
    return result


def _whole_side(block: Block) -> str:
    # "deleted" or "inserted" for a block proposed so whole (moved away or here too), else "".
    for side, mark, other in (("deleted", block.deleted, block.inserted), ("inserted", block.inserted, block.deleted)):
        if mark is None or other is not None:
            continue
        spans = [item for item in block.content if isinstance(item, Span)]
        if all(getattr(span, side) is not None for span in spans):
            return side
    return ""


def _merged(deleted: list[Block], inserted: list[Block]) -> list[Block]:
    result: list[Block] = []
    d = i = 0
    while d < len(deleted) or i < len(inserted):
        if i >= len(inserted):
            take_deleted = True
        elif d >= len(deleted):
            take_deleted = False
        else:
            take_deleted = _table_row(deleted[d]) or not _table_row(inserted[i])
        if take_deleted:
            result.append(deleted[d])
            d += 1
        else:
            result.append(inserted[i])
            i += 1
    return result


def _table_row(block: Block) -> bool:
    # Word writes a table block as a table and an action item as a row of one.
    return block.kind in (BlockKind.TABLE, BlockKind.ACTION)
