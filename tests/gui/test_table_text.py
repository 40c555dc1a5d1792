"""A body with tables in its QTextDocument and back (gui/table_text.py): exact, ids and marks kept."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument, QTextTable

from minutes_editor.gui.table_text import (
    body_items,
    body_to_document,
    document_to_body,
    qt_column,
    replace_body,
    table_change,
)
from minutes_editor.model.report import Block, BlockKind, Change, Direction, Span, Table

WORD = st.text(alphabet=st.sampled_from(list("abc XYZ 019 ،.بودابست")), min_size=1, max_size=8).filter(str.strip)
SPAN = st.builds(Span, text=WORD, bold=st.booleans(), italic=st.booleans(), comments=st.sampled_from([(), ("c1",)]))
PARAGRAPH = st.builds(
    Block,
    kind=st.sampled_from([BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.LABEL]),
    content=st.lists(SPAN, min_size=1, max_size=1),
)
CHANGE = Change("Amal", dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC))


@st.composite
def tables(draw: st.DrawFn) -> Block:
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    cell = st.one_of(st.just([]), st.lists(SPAN, min_size=1, max_size=1))
    grid = [[draw(cell) for _column in range(columns)] for _row in range(rows)]
    marks = draw(st.sampled_from([{}, {"inserted": CHANGE}, {"deleted": CHANGE}]))
    return Block(BlockKind.TABLE, [], table=Table(grid, header=draw(st.booleans())), **marks)


def round_trip(blocks: list[Block], direction: Direction) -> list[Block]:
    doc = QTextDocument()
    body_to_document(doc, blocks, direction)
    return document_to_body(doc)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(PARAGRAPH, tables()), max_size=7), st.sampled_from(list(Direction)))
def test_round_trip_with_tables_is_exact_and_keeps_ids(qapp, blocks, direction):
    back = round_trip(blocks, direction)
    assert back == blocks
    assert [block.id for block in back] == [block.id for block in blocks]


def test_tables_are_not_paragraphs_and_gaps_are_not_read(qapp):
    table = Block(BlockKind.TABLE, [], table=Table([[[Span("a")], [Span("b")]], [[], [Span("d", bold=True)]]]))
    second = Block(BlockKind.TABLE, [], table=Table([[[Span("x")]]], header=False), inserted=CHANGE)
    doc = QTextDocument()
    body_to_document(doc, [table, second], Direction.LTR)
    # Qt keeps a paragraph before, between and after the tables: none of them, nor any cell, is a model block.
    assert [type(item).__name__ for item in body_items(doc)] == ["QTextBlock", "QTextTable"] * 2 + ["QTextBlock"]
    assert document_to_body(doc) == [table, second]
    assert table_change(next(item for item in body_items(doc) if isinstance(item, QTextTable))) is None


def test_right_to_left_columns_are_mirrored_in_the_document(qapp):
    table = Block(BlockKind.TABLE, [], table=Table([[[Span("أول")], [Span("ثان")]]]))
    doc = QTextDocument()
    body_to_document(doc, [table], Direction.RTL)
    [text_table] = [item for item in body_items(doc) if isinstance(item, QTextTable)]
    assert text_table.cellAt(0, 1).firstCursorPosition().block().text() == "أول"
    assert qt_column(text_table, 0) == 1
    body_to_document(doc, [table], Direction.LTR)
    [text_table] = [item for item in body_items(doc) if isinstance(item, QTextTable)]
    assert text_table.cellAt(0, 0).firstCursorPosition().block().text() == "أول"


def test_replace_body_is_one_undo_step(qapp):
    table = Block(BlockKind.TABLE, [], table=Table([[[Span("a")]]]))
    paragraph = Block(BlockKind.PARAGRAPH, [Span("p")])
    doc = QTextDocument()
    body_to_document(doc, [table, paragraph], Direction.RTL)
    replace_body(doc, [paragraph], Direction.RTL)
    assert document_to_body(doc) == [paragraph]
    doc.undo()
    assert document_to_body(doc) == [table, paragraph]
