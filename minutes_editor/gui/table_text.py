"""A body's tables in its QTextDocument: a model TABLE block as a QTextTable, and back.

A table block is one QTextTable in the body's root frame. Its id and its
pending whole-table marks (``Block.inserted``/``deleted``) are properties of
the table's format (the ``BLOCK_ID_PROPERTY`` and ``BLOCK_MARKS_PROPERTY``
paragraphs use), which follow the table through edits, undo and redo; the
header row is the format's header row count. Each cell holds one paragraph
whose character formats carry emphasis and comment marks as a paragraph's do;
a cell that came to hold several paragraphs is read as one, joined by spaces.

Qt keeps a paragraph before every table and one after it. Where the model has
none there (a body that starts with a table, two tables in a row, a table at
the end), writing leaves an empty one, a *gap*, which reading skips: an empty
paragraph without marks right before or after a table is no paragraph of the model.

Qt lays out a table's columns left to right whatever its direction. In a
right-to-left report the columns are kept mirrored (``mirrored``): the
model's first column is the QTextTable's last, so it shows on the right, and
``qt_column`` turns a column in reading order into the QTextTable's.

The walk over a body (``body_items``) goes through the root frame, so the
paragraphs inside a table's cells never become paragraphs of the body.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from minutes_editor.gui.rich_text import (
    KIND_PROPERTY,
    LINE_SEPARATOR,
    _write_blocks,
    apply_direction,
    block_content,
    block_to_model,
    body_blocks,
    span_format,
)
from minutes_editor.gui.text_marks import (
    BLOCK_ID_PROPERTY,
    BLOCK_MARKS_PROPERTY,
    author_colour,
    block_marks_text,
    read_block_marks,
    string_property,
    with_unique_ids,
)
from minutes_editor.model.report import Block, BlockKind, Change, Direction, Span, Table, new_id

#: The grey of a table's grid; a pending table's is its author's colour.
GRID_COLOUR = QColor("#9a9996")
#: How strongly a pending table's ground is tinted with its author's colour (0 to 255).
TINT_ALPHA = 40


def body_items(doc: QTextDocument) -> Iterator[QTextBlock | QTextTable]:
    """The paragraphs and tables of a body document in order (never the paragraphs inside a table)."""
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            yield frame
        elif frame is None:
            yield it.currentBlock()
        it += 1


def is_gap(block: QTextBlock, before: QTextBlock | QTextTable | None, after: QTextBlock | QTextTable | None) -> bool:
    """Whether a paragraph is one Qt keeps beside a table where the model has none (empty, without marks)."""
    if block.length() > 1 or string_property(block.blockFormat(), BLOCK_MARKS_PROPERTY):
        return False
    return isinstance(after, QTextTable) or isinstance(before, QTextTable)


def mirrored(table: QTextTable) -> bool:
    """Whether a table's columns are kept right to left (its first in reading order is the QTextTable's last)."""
    return table.format().layoutDirection() == Qt.LayoutDirection.RightToLeft


def qt_column(table: QTextTable, column: int, columns: int | None = None) -> int:
    """The QTextTable column of a column in reading order (of ``columns`` columns; the table's own by default)."""
    count = table.columns() if columns is None else columns
    return count - 1 - column if mirrored(table) else column


def table_in(cursor: QTextCursor) -> QTextTable | None:
    """The table holding the cursor's position, or None (a cursor's ``currentTable`` typed for the checker)."""
    table = cursor.currentTable()
    return table if isinstance(table, QTextTable) else None


def selection_tables(cursor: QTextCursor) -> tuple[QTextTable | None, bool]:
    """The table holding the whole selection (or the cursor), and whether the selection reaches across a table."""
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = table_in(at_position(doc, start)), table_in(at_position(doc, end))
    if first is not None and first == last:
        return first, False
    crossing = first is not None or last is not None
    if not crossing and start != end:
        crossing = any(
            isinstance(item, QTextTable) and item.firstPosition() <= end and item.lastPosition() >= start
            for item in body_items(doc)
        )
    return None, crossing


def at_position(doc: QTextDocument, position: int) -> QTextCursor:
    """A cursor at ``position`` of ``doc``."""
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    return cursor


# ------------------------------------------------------------- model -> document


def _layout(direction: Direction) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if direction is Direction.RTL else Qt.LayoutDirection.LeftToRight


def table_format(block: Block, rows: int, columns: int, direction: Direction) -> QTextTableFormat:
    """The format of the QTextTable showing ``block``: id, marks, header row, direction, look."""
    table = block.table
    fmt = QTextTableFormat()
    fmt.setProperty(BLOCK_ID_PROPERTY, block.id)
    marks = block_marks_text(block)
    if marks:
        fmt.setProperty(BLOCK_MARKS_PROPERTY, marks)
    fmt.setHeaderRowCount(1 if table is None or table.header else 0)
    fmt.setLayoutDirection(_layout(direction))
    fmt.setCellPadding(3)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns)
    show_table_marks(fmt)
    return fmt


def show_table_marks(fmt: QTextTableFormat) -> None:
    """Give a table's format the look of its pending marks: grid and ground in the author's colour, or plain."""
    inserted, deleted, _old = read_block_marks(string_property(fmt, BLOCK_MARKS_PROPERTY))
    change = deleted or inserted
    if change is None:
        fmt.setBorderBrush(QBrush(GRID_COLOUR))
        fmt.clearBackground()
        return
    colour = author_colour(change.author)
    fmt.setBorderBrush(QBrush(colour))
    ground = QColor(colour)
    ground.setAlpha(TINT_ALPHA)
    fmt.setBackground(ground)


def cell_block_format(direction: Direction, header: bool = False) -> QTextBlockFormat:
    """The format of a cell's paragraph: the report's direction (a header cell's text is centred)."""
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(_layout(direction))
    if header:
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return fmt


def paragraph_format(direction: Direction) -> QTextBlockFormat:
    """The format of a new plain paragraph (beside a table) with an id of its own."""
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(_layout(direction))
    fmt.setProperty(BLOCK_ID_PROPERTY, new_id())
    fmt.setProperty(KIND_PROPERTY, BlockKind.PARAGRAPH.value)
    return fmt


def write_table(cursor: QTextCursor, block: Block, direction: Direction) -> QTextTable:
    """Put ``block``'s table at the cursor; the cursor is left in the (empty) paragraph Qt keeps after it."""
    table = block.table if block.table is not None else Table([[[]]])
    rows, columns = max(len(table.rows), 1), max(table.columns, 1)
    text_table = cursor.insertTable(rows, columns, table_format(block, rows, columns, direction))
    for row_number, row in enumerate(table.rows):
        for column_number, cell in enumerate(row):
            cell_cursor = text_table.cellAt(row_number, qt_column(text_table, column_number)).firstCursorPosition()
            cell_cursor.setBlockFormat(cell_block_format(direction, header=table.header and row_number == 0))
            for span in cell:
                if span.text:
                    cell_cursor.insertText(span.text.replace("\n", LINE_SEPARATOR), span_format(span))
    cursor.setPosition(text_table.lastPosition() + 1)
    cursor.setBlockFormat(paragraph_format(direction))
    cursor.setCharFormat(QTextCharFormat())
    return text_table


# ------------------------------------------------------------- document -> model


def cell_spans(table: QTextTable, row: int, column: int) -> list[Span]:
    """One cell's spans: emphasis and comments kept, no pending change (a cell has none of its own)."""
    cell = table.cellAt(row, column)
    spans: list[Span] = []
    block = cell.firstCursorPosition().block()
    end = cell.lastCursorPosition().block()
    while block.isValid():
        if spans and block.length() > 1:
            spans.append(Span(" "))  # a cell is one paragraph: a second one joins it after a space
        for item in block_content(block):
            if not isinstance(item, Span) or not item.text or item.deleted is not None:
                continue  # a footnote mark or a point comment has no place in a cell
            look = (item.bold, item.italic, item.underline, item.comments)
            last = spans[-1] if spans else None
            if last is not None and (last.bold, last.italic, last.underline, last.comments) == look:
                last.text += item.text
            else:
                spans.append(Span(item.text, item.bold, item.italic, item.underline, comments=item.comments))
        if block == end:
            break
        block = block.next()
    return spans


def table_to_model(table: QTextTable) -> Block:
    """The TABLE block a QTextTable holds, with its id (a new one if it has none) and its whole-table marks."""
    fmt = table.format()
    columns = range(table.columns())
    rows = [[cell_spans(table, row, qt_column(table, column)) for column in columns] for row in range(table.rows())]
    inserted, deleted, _old = read_block_marks(string_property(fmt, BLOCK_MARKS_PROPERTY))
    return Block(
        BlockKind.TABLE,
        [],
        1,
        id=string_property(fmt, BLOCK_ID_PROPERTY) or new_id(),
        inserted=inserted,
        deleted=deleted,
        table=Table(rows, header=fmt.headerRowCount() > 0),
    )


def table_change(table: QTextTable) -> Change | None:
    """The pending change a table is proposed under (inserted or deleted whole), None for a settled table."""
    inserted, deleted, _old = read_block_marks(string_property(table.format(), BLOCK_MARKS_PROPERTY))
    return deleted or inserted


def table_marks(table: QTextTable) -> tuple[Change | None, Change | None]:
    """A table's pending (inserted, deleted) marks."""
    inserted, deleted, _old = read_block_marks(string_property(table.format(), BLOCK_MARKS_PROPERTY))
    return inserted, deleted


# ------------------------------------------------------------- whole bodies


def write_body(cursor: QTextCursor, blocks: list[Block], direction: Direction) -> None:
    """Write a body's blocks at the cursor (standing in an empty paragraph): runs of paragraphs, and tables."""
    run: list[Block] = []
    for block in blocks:
        if block.kind is not BlockKind.TABLE:
            run.append(block)
            continue
        if run:
            _write_blocks(cursor, run, direction)
            run = []
        write_table(cursor, block, direction)
    if run or not blocks:
        _write_blocks(cursor, run, direction)


def body_to_document(doc: QTextDocument, blocks: list[Block], direction: Direction) -> None:
    """Replace the document's content with a body's blocks, tables included; its undo history is cleared."""
    apply_direction(doc, direction)
    undo_enabled = doc.isUndoRedoEnabled()
    doc.setUndoRedoEnabled(False)
    doc.clear()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    write_body(cursor, blocks, direction)
    cursor.endEditBlock()
    doc.setUndoRedoEnabled(undo_enabled)
    doc.setModified(False)


def replace_body(doc: QTextDocument, blocks: list[Block], direction: Direction) -> None:
    """Replace the document's content with a body's blocks as one step of its undo history (which it keeps)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    # A table at the start survives selecting everything: take what is left out one table at a time.
    while (table := next((item for item in body_items(doc) if isinstance(item, QTextTable)), None)) is not None:
        table.removeRows(0, table.rows())
    cursor.setPosition(0)
    write_body(cursor, blocks, direction)
    cursor.endEditBlock()


def body_model_items(doc: QTextDocument) -> Iterator[QTextBlock | QTextTable]:
    """The paragraphs and tables of a body that are blocks of the model (the gaps beside tables left out)."""
    items = list(body_items(doc))
    for index, item in enumerate(items):
        if isinstance(item, QTextBlock):
            before = items[index - 1] if index else None
            after = items[index + 1] if index + 1 < len(items) else None
            if is_gap(item, before, after):
                continue
        yield item


def model_block(doc: QTextDocument, index: int) -> QTextBlock:
    """The paragraph of a body document holding the model's block ``index`` (a table's: its first cell's).

    Invalid when there is no such block. The model's block numbers are not the document's once it holds a
    table (each cell is a paragraph of the document, and a gap beside a table is none of the model's).
    """
    for number, item in enumerate(body_model_items(doc)):
        if number != index:
            continue
        if isinstance(item, QTextTable):
            return item.cellAt(0, qt_column(item, 0)).firstCursorPosition().block()
        return item
    return QTextBlock()


def model_index(block: QTextBlock) -> int:
    """The model's number of the block a paragraph of a body document shows (a cell's: its table's)."""
    doc = block.document()
    if not doc.rootFrame().childFrames():
        return block.blockNumber()  # no table: the numbers agree
    table = table_in(QTextCursor(block))
    for number, item in enumerate(body_model_items(doc)):
        if item == (block if table is None else table):
            return number
    return block.blockNumber()


def document_to_body(doc: QTextDocument) -> list[Block]:
    """The model blocks a body document holds, tables included; one empty paragraph is an empty body."""
    blocks = [
        table_to_model(item) if isinstance(item, QTextTable) else block_to_model(item) for item in body_model_items(doc)
    ]
    return body_blocks(with_unique_ids(blocks))
