"""Tables as Word tables: the part of the .docx writer that writes a flattened report's table items.

A table is full width (``w:tblW`` 100 %), with single borders of its own
(no table style needed from the template) and fixed column widths: equal for
a table block, wider for the action than for its owner, deadline and status.
A right-to-left report's tables get ``w:bidiVisual`` (their first column on
the right; ../shared/DOCX-RTL.md 8) and cell paragraphs the report's
direction, as every paragraph: ``w:bidi``, no ``w:jc`` (DOCX-RTL 3), Arabic
runs ``w:rtl``. A header row repeats at the top of each page
(``w:trPr/w:tblHeader``), shaded and bold.

Cells are written by the writer's own run writing (``DocxWriter._runs``), so
emphasis, comments, footnote marks and pending changes come out as elsewhere;
each cell is one paragraph of the body's story in the comment and move plan
(minutes_editor.export.review_markup). A row proposed inserted or deleted
(a table block proposed whole, an action item's own row) gets ``w:ins`` or
``w:del`` in its ``w:trPr`` and its cells' text inside the same revision,
as Word writes a tracked row; an action item's text keeps its own marks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from lxml import etree

from minutes_editor.export.review_markup import Events, Ids, change_element
from minutes_editor.ooxml.ns import w
from minutes_editor.ooxml.oxml import PPR_ORDER, insert_ordered
from minutes_editor.render.flow import FlowInline, FlowTable, Mark, Paragraph, Role, Run, TableRow

#: Appends runs for inlines to a paragraph element: (paragraph, inlines, source, events).
WriteRuns = Callable[[etree._Element, Sequence[FlowInline], Paragraph, "Events | None"], None]

#: Shares of the text width of an action table's columns (action, owners, deadline, status), in fiftieths of a %.
_ACTION_SHARES = (2000, 1150, 1100, 750)
_HEADER_FILL = "D9D9D9"
#: Room between a table and the paragraph after it, in twentieths of a point.
_SPACE_AFTER_TABLE = 120
_SPACED_AFTER_TABLE = frozenset({Role.BODY, Role.BULLET, Role.LABEL, Role.PARTICIPANTS, Role.GOALS})
_VAL, _TBL = w("val"), w("tbl")
_GRID_COLUMN = f"{w('tblGrid')}/{w('gridCol')}"


class TableWriter:
    """Writes one table item as a ``w:tbl``, through the writer's own paragraph properties and run writing."""

    def __init__(
        self,
        *,
        rtl: bool,
        text_width: int,
        cell_ppr: Callable[[], etree._Element],
        write_runs: WriteRuns,
        next_events: Callable[[], Events | None],
        id_mark: Callable[[etree._Element, str], None],
        ids: Ids,
    ) -> None:
        self.rtl = rtl
        self.text_width = text_width
        self.cell_ppr = cell_ppr
        self.write_runs = write_runs
        self.next_events = next_events
        self.id_mark = id_mark
        self.ids = ids

    def append(self, body: etree._Element, paragraph: Paragraph) -> None:
        """Append a table item to the body, after an empty paragraph if a table ends the body so far.

        A table proposed inserted right after one proposed deleted, with as many columns (a table compare
        found changed), joins it: one Word table, its old rows deleted and its new rows inserted, as Word
        tracks a table's rows. Two tables with an empty paragraph between would leave that paragraph in
        both Accept All and Reject All.
        """
        table = self.table(paragraph)
        last = body[-1] if len(body) else None
        if (
            last is not None
            and last.tag == _TBL
            and _every_row(last, "del")
            and _every_row(table, "ins")
            and len(last.findall(_GRID_COLUMN)) == len(table.findall(_GRID_COLUMN))
        ):
            last.extend(table.iterfind(w("tr")))
            return
        self.close(body)
        body.append(table)

    def spaced(self, body: etree._Element, paragraph: etree._Element, role: Role) -> etree._Element:
        """A body paragraph about to follow a table, with room above it (6 pt) unless it sets its own.

        Word puts no space between a table's bottom border and the next
        paragraph. Headings keep their style's own space before.
        """
        if role not in _SPACED_AFTER_TABLE or not len(body) or body[-1].tag != _TBL:
            return paragraph
        ppr = paragraph.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            paragraph.insert(0, ppr)
        spacing = ppr.find(w("spacing"))
        if spacing is None:
            spacing = etree.Element(w("spacing"))
            insert_ordered(ppr, spacing, PPR_ORDER)
        if spacing.get(w("before")) is None:
            spacing.set(w("before"), str(_SPACE_AFTER_TABLE))
        return paragraph

    def close(self, body: etree._Element) -> None:
        """End a body whose last element is a table with an empty paragraph.

        Word joins two tables with nothing between into one, and ends a document with a paragraph.
        The paragraph has the default style, which the importer reads as spacing, not a block.
        """
        if len(body) and body[-1].tag == _TBL:
            paragraph = etree.SubElement(body, w("p"))
            if self.rtl:
                etree.SubElement(etree.SubElement(paragraph, w("pPr")), w("bidi"))

    def table(self, paragraph: Paragraph) -> etree._Element:
        """The ``w:tbl`` of a table item; the block's id (a table block's) is bookmarked in its first cell."""
        table = paragraph.table
        assert table is not None
        element = etree.Element(w("tbl"))
        element.append(self._properties())
        grid = etree.SubElement(element, w("tblGrid"))
        widths = self._widths(table)
        for width in widths:
            etree.SubElement(grid, w("gridCol")).set(w("w"), str(width))
        for index, row in enumerate(table.rows):
            header = table.header and index == 0
            ident = paragraph.id if index == 0 else row.id
            element.append(self._row(paragraph, table, row, widths, header=header, ident=ident))
        return element

    def _properties(self) -> etree._Element:
        properties = etree.Element(w("tblPr"))
        if self.rtl:
            etree.SubElement(properties, w("bidiVisual"))
        width = etree.SubElement(properties, w("tblW"))
        width.set(w("w"), "5000")
        width.set(w("type"), "pct")
        borders = etree.SubElement(properties, w("tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border = etree.SubElement(borders, w(side))
            border.set(_VAL, "single")
            border.set(w("sz"), "4")
            border.set(w("space"), "0")
            border.set(w("color"), "auto")
        etree.SubElement(properties, w("tblLayout")).set(w("type"), "fixed")
        return properties

    def _widths(self, table: FlowTable) -> list[int]:
        columns = max(table.columns, 1)
        if table.actions and columns == len(_ACTION_SHARES):
            return [self.text_width * share // 5000 for share in _ACTION_SHARES]
        return [self.text_width // columns] * columns

    def _row(
        self, paragraph: Paragraph, table: FlowTable, row: TableRow, widths: list[int], *, header: bool, ident: str
    ) -> etree._Element:
        element = etree.Element(w("tr"))
        properties = etree.SubElement(element, w("trPr"))
        etree.SubElement(properties, w("cantSplit"))  # a row is read whole: it moves to the next page whole
        if header:
            etree.SubElement(properties, w("tblHeader"))
        if row.inserted is not None:
            properties.append(change_element("ins", row.inserted, self.ids))
        if row.deleted is not None:
            properties.append(change_element("del", row.deleted, self.ids))
        for column, (cell, width) in enumerate(zip(row.cells, widths, strict=False)):
            # An action item's text keeps its own marks; every other cell of a row proposed whole takes the row's.
            own_marks = table.actions and column == 0 and not header
            inlines = cell if own_marks else _marked(cell, row.inserted, row.deleted)
            if header:
                inlines = tuple(replace(item, bold=True) if isinstance(item, Run) else item for item in inlines)
            element.append(self._cell(paragraph, inlines, width, header=header, ident=ident if column == 0 else ""))
        return element

    def _cell(
        self, paragraph: Paragraph, inlines: Sequence[FlowInline], width: int, *, header: bool, ident: str
    ) -> etree._Element:
        cell = etree.Element(w("tc"))
        properties = etree.SubElement(cell, w("tcPr"))
        cell_width = etree.SubElement(properties, w("tcW"))
        cell_width.set(w("w"), str(width))
        cell_width.set(w("type"), "dxa")
        if header:
            shading = etree.SubElement(properties, w("shd"))
            shading.set(_VAL, "clear")
            shading.set(w("color"), "auto")
            shading.set(w("fill"), _HEADER_FILL)
        element = etree.SubElement(cell, w("p"))
        ppr = self.cell_ppr()
        spacing = etree.Element(w("spacing"))
        spacing.set(w("before"), "40")
        spacing.set(w("after"), "40")
        insert_ordered(ppr, spacing, PPR_ORDER)
        # Justified text spreads out in a narrow cell: flush to the start (Word reads "left" in a bidi paragraph so).
        insert_ordered(ppr, etree.Element(w("jc"), {_VAL: "left"}), PPR_ORDER)
        element.append(ppr)
        if ident:
            self.id_mark(element, ident)
        self.write_runs(element, inlines, paragraph, self.next_events())
        return cell


def _every_row(table: etree._Element, kind: str) -> bool:
    """Whether every row of a ``w:tbl`` is proposed inserted (``kind`` "ins") or deleted ("del") whole."""
    rows = table.findall(w("tr"))
    return bool(rows) and all(row.find(f"{w('trPr')}/{w(kind)}") is not None for row in rows)


def _marked(inlines: Sequence[FlowInline], inserted: Mark | None, deleted: Mark | None) -> tuple[FlowInline, ...]:
    """``inlines`` inside a row's revision: what they have of their own stays."""
    if inserted is None and deleted is None:
        return tuple(inlines)
    return tuple(replace(item, inserted=item.inserted or inserted, deleted=item.deleted or deleted) for item in inlines)
