"""Reading a draft's simple tables as tables: ``DraftReader``, the body reader that keeps them whole.

A table of the body with no merged cells (no ``w:gridSpan`` over one column,
no ``w:vMerge``/``w:hMerge``), no table inside it and the same number of
cells in every row becomes a ``RawTable``: its rows (each with the change of
the row, ``w:trPr/w:ins`` or ``w:del``, and whether it is a header row,
``w:tblHeader``) of cells, each cell one paragraph of pieces (a cell's
paragraphs joined with a space, counted for a note). It is an ``Event`` of
kind "table", so every place that cannot hold a table (a footnote, a
comment) treats it as before. Any other table, and a table in a footnote or
in a cell, is read as before: a paragraph of text per row, with a note.
The builder turns a ``RawTable`` into blocks (minutes_editor.importer.table_blocks).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from minutes_editor.importer.body import BodyReader, Item, Piece, RawParagraph, TextPiece, _cells, _rows
from minutes_editor.importer.body import Event as _Event
from minutes_editor.importer.pieces import _merge
from minutes_editor.importer.revisions import change_of
from minutes_editor.model.report import Change
from minutes_editor.model.rules import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS
from minutes_editor.ooxml.ns import w

_MERGES = (w("gridSpan"), w("vMerge"), w("hMerge"))


@dataclass
class RawRow:
    """One row of a draft's table: a paragraph per cell, the reviewer's change of the row, whether it heads."""

    cells: list[RawParagraph]
    inserted: Change | None = None
    deleted: Change | None = None
    header: bool = False


@dataclass(frozen=True)
class RawTable(_Event):
    """A simple table of the body, read whole; what stood in its cells that is not text follows in ``after``."""

    rows: tuple[RawRow, ...] = ()
    after: tuple[Item, ...] = ()
    #: Cells whose several paragraphs were joined into one.
    joined: int = 0
    columns: int = 0


def is_simple(table: etree._Element) -> bool:
    """Whether a ``w:tbl`` has no merged cell, no table inside and rows of equal length (within the limits)."""
    rows = _rows(table)
    if not 1 <= len(rows) <= MAX_TABLE_ROWS:
        return False
    counts = {len(_cells(row)) for row in rows}
    if len(counts) != 1 or not 1 <= counts.pop() <= MAX_TABLE_COLUMNS:
        return False
    for element in table.iter(*_MERGES):
        if element.tag != w("gridSpan") or (element.get(w("val")) or "1") != "1":
            return False
    return not any(True for _ in table.iterdescendants(w("tbl")))


class DraftReader(BodyReader):
    """The body reader that reads simple tables of the body as ``RawTable`` items (in footnotes: as before)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._depth = 0
        self._body = False

    def read_blocks(self, container: etree._Element, source: str = "body") -> list[Item]:
        """Read a block container; a simple table of the body itself (not of a cell or a note) stays whole."""
        if self._depth == 0:
            self._body = source == "body"
        self._depth += 1
        try:
            return super().read_blocks(container, source)
        finally:
            self._depth -= 1

    def _table(self, table: etree._Element, items: list[Item]) -> None:
        if not self._body or self._depth != 1 or not is_simple(table):
            super()._table(table, items)
            return
        rows: list[RawRow] = []
        after: list[Item] = []
        joined = 0
        for row in _rows(table):
            properties = row.find(w("trPr"))
            raw = RawRow([])
            if properties is not None:
                header = properties.find(w("tblHeader"))
                raw.header = header is not None and header.get(w("val"), "1") not in ("0", "false", "off")
                inserted, deleted = properties.find(w("ins")), properties.find(w("del"))
                raw.inserted = change_of(inserted) if inserted is not None else None
                raw.deleted = change_of(deleted) if deleted is not None else None
            for cell in _cells(row):
                paragraphs: list[RawParagraph] = []
                for item in self.read_blocks(cell, source="table"):
                    if isinstance(item, RawParagraph) and item.source == "table":
                        paragraphs.append(item)
                    else:
                        after.append(item)
                raw.cells.append(_one_paragraph(paragraphs))
                joined += sum(1 for paragraph in paragraphs if paragraph.all_text.strip()) > 1
            rows.append(raw)
        columns = len(rows[0].cells)
        items.append(RawTable("table", str(len(rows)), tuple(rows), tuple(after), joined, columns))


def _one_paragraph(paragraphs: list[RawParagraph]) -> RawParagraph:
    """A cell's paragraphs as one: their pieces joined with a space, their bookmarks together."""
    pieces: list[Piece] = []
    bookmarks: list[str] = []
    for paragraph in paragraphs:
        bookmarks.extend(paragraph.bookmarks)
        if not paragraph.pieces:
            continue
        if any(isinstance(piece, TextPiece) and piece.text for piece in pieces) and paragraph.all_text:
            pieces.append(TextPiece(" "))
        pieces.extend(paragraph.pieces)
    first = paragraphs[0] if paragraphs else RawParagraph([])
    return RawParagraph(_merge(pieces), first.style_id, first.style_names, source="table", bookmarks=tuple(bookmarks))
