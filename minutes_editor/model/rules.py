"""The rules of a report's shape, in one place: the .minutes loader, the operations and the window ask these."""

from __future__ import annotations

from enum import StrEnum

from minutes_editor.model.report import Block, BlockKind, Section, Span


class Rule(StrEnum):
    """A rule of the report an operation may be refused for."""

    FIRST_SECTION_LEVEL = "first-section-level"
    LEVEL = "level"
    PARTICIPANTS = "participants"
    SESSIONS = "sessions"
    FOOTNOTE_ID = "footnote-id"
    PLACE = "place"
    BLOCK = "block"


class OperationRefusedError(ValueError):
    """An operation would break ``rule``; the report was left unchanged."""

    def __init__(self, rule: Rule, message: str) -> None:
        super().__init__(message)
        self.rule = rule


def level_allowed(level: int, *, first: bool) -> bool:
    """Whether a section may have heading ``level``: 1 or 2, but the first section cannot be a sub-heading."""
    return level == 1 if first else level in (1, 2)


def check_sections(sections: list[Section]) -> None:
    """Refuse a list of sections whose first is a sub-heading (the one rule on their order)."""
    if sections and not level_allowed(sections[0].level, first=True):
        raise OperationRefusedError(Rule.FIRST_SECTION_LEVEL, "the first section cannot be a sub-heading")


#: The most rows and columns a table may have (a table in minutes is small; this bounds a file or network update).
MAX_TABLE_ROWS = 1000
MAX_TABLE_COLUMNS = 20


#: The kinds a reviewer's pending change of type (``Block.old_format``) may have changed a block from. Not a
#: table: a table's cells cannot come back from a type. An action item comes back open, with no owner.
FORMAT_KINDS = (BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.LABEL, BlockKind.ACTION)


def check_block(block: Block) -> None:
    """Refuse a block whose kind and parts disagree: a table or action item without its part, or with another's.

    A table has rows of equal length (1 to ``MAX_TABLE_COLUMNS`` cells, 1 to
    ``MAX_TABLE_ROWS`` rows), no text or format change of its own, and cells
    whose spans carry no pending change; an action item's owners are names,
    neither empty nor repeated.
    """
    table, action = block.table, block.action
    if block.old_format is not None and block.old_format.kind not in FORMAT_KINDS:
        raise OperationRefusedError(Rule.BLOCK, "a change of type cannot restore a table")
    if (block.kind is BlockKind.TABLE) != (table is not None):
        raise OperationRefusedError(Rule.BLOCK, "a table block holds a table, and only a table block does")
    if (block.kind is BlockKind.ACTION) != (action is not None):
        raise OperationRefusedError(Rule.BLOCK, "an action item holds its owners and deadline, and only it does")
    if table is not None:
        if block.content or block.old_format is not None or block.level != 1:
            raise OperationRefusedError(Rule.BLOCK, "a table has no text, level or format change of its own")
        if not 1 <= len(table.rows) <= MAX_TABLE_ROWS:
            raise OperationRefusedError(Rule.BLOCK, f"a table has 1 to {MAX_TABLE_ROWS} rows")
        columns = len(table.rows[0])
        if not 1 <= columns <= MAX_TABLE_COLUMNS:
            raise OperationRefusedError(Rule.BLOCK, f"a table has 1 to {MAX_TABLE_COLUMNS} columns")
        for row in table.rows:
            if len(row) != columns:
                raise OperationRefusedError(Rule.BLOCK, "every row of a table has the same number of cells")
            if any(not _plain_cell_span(item) for cell in row for item in cell):
                raise OperationRefusedError(Rule.BLOCK, "a table cell holds text with no pending change of its own")
    if action is not None:
        names = [name.strip() for name in action.owners]
        if any(not name or name != raw for name, raw in zip(names, action.owners, strict=True)):
            raise OperationRefusedError(Rule.BLOCK, "an action item's owner is a name without spaces around it")
        if len(set(names)) != len(names):
            raise OperationRefusedError(Rule.BLOCK, "an action item names each owner once")


def _plain_cell_span(item: object) -> bool:
    return isinstance(item, Span) and item.inserted is None and item.deleted is None and item.old_format is None
