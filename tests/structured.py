"""Hypothesis strategies for the blocks that are more than text: tables and action items.

``tables()`` and ``action_items()`` draw valid blocks (rules.check_block
accepts them); ``with_structured(reports(...))`` draws a report and puts
some of them into its bodies, so tests of the report's consumers (review,
compare, search, checks) meet them among paragraphs. With ``reviewed=True``
a table may be proposed inserted or deleted whole, the one pending change a
table has (docs/review.md).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from minutes_editor.model.report import ActionItem, ActionStatus, Block, BlockKind, Report, Span, Table
from minutes_editor.model.rules import check_block
from tests.strategies import changes, optional, texts

OWNERS = st.sampled_from(["Austria", "ICMPD", "Amal Haddad", "النمسا", "الأمانة"])
DEADLINES = optional(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)))


def cells(text: st.SearchStrategy[str]) -> st.SearchStrategy[list[Span]]:
    """A cell's spans: text with any emphasis, no pending change (a cell has none of its own)."""
    span = st.builds(Span, text=text, bold=st.booleans(), italic=st.booleans(), underline=st.booleans())
    return st.lists(span, max_size=2)


@st.composite
def tables(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None, *, reviewed: bool = False) -> Block:
    """A table block: 1 to 4 rows of 1 to 3 cells, with or without a header row."""
    text = texts(max_size=10) if text is None else text
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    grid = [[draw(cells(text)) for _ in range(columns)] for _ in range(rows)]
    block = Block(BlockKind.TABLE, table=Table(grid, header=draw(st.booleans())))
    if reviewed:
        block.inserted = draw(optional(changes()))
        block.deleted = draw(optional(changes()))
    check_block(block)
    return block


def action_items(text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Block]:
    """An action item: its text, owners (none, one or several), a deadline or none, open or done."""
    text = texts(max_size=16) if text is None else text
    item = st.builds(
        ActionItem,
        owners=st.lists(OWNERS, max_size=3, unique=True),
        deadline=DEADLINES,
        status=st.sampled_from(list(ActionStatus)),
    )
    return st.builds(
        Block, kind=st.just(BlockKind.ACTION), content=st.lists(st.builds(Span, text=text), max_size=2), action=item
    )


@st.composite
def with_structured(
    draw: st.DrawFn, reports: st.SearchStrategy[Report], *, reviewed: bool = False, most: int = 4
) -> Report:
    """A report of ``reports`` with up to ``most`` tables and action items put among its bodies' blocks."""
    report = draw(reports)
    bodies = [owner for section in report.sections for owner in [section, *section.sessions]]
    if not bodies:
        return report
    for _ in range(draw(st.integers(0, most))):
        owner = draw(st.sampled_from(bodies))
        block = draw(st.one_of(tables(reviewed=reviewed), action_items()))
        owner.blocks.insert(draw(st.integers(0, len(owner.blocks))), block)
    return report
