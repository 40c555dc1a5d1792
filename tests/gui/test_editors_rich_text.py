from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from minutes_editor.gui.rich_text import (
    OBJECT_CHAR,
    block_kind,
    footnote_ids,
    insert_footnote,
    normalise_blocks,
    set_block_kind,
)
from minutes_editor.gui.table_text import body_to_document, document_to_body
from minutes_editor.model.report import ActionItem, ActionStatus, Block, BlockKind, Direction, FootnoteRef, Span
from tests.strategies import blocks

# Text as rapporteurs type it: Arabic, Latin, digits, punctuation, line breaks inside a block.
TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ 019 ،.:()-بودابستكوسوفو\n")), min_size=0, max_size=12)
SPAN = st.builds(Span, text=TEXT, bold=st.booleans(), italic=st.booleans(), underline=st.booleans())
REF = st.builds(FootnoteRef, footnote_id=st.sampled_from(["fn1", "fn2", "k"]))
ACTION = st.builds(
    ActionItem,
    owners=st.lists(st.sampled_from(["Austria", "ICMPD", "مصر"]), unique=True, max_size=2),
    deadline=st.one_of(st.none(), st.dates()),
    status=st.sampled_from(list(ActionStatus)),
)
# Tables are blocks of another shape (a table, no text): their own tests.
TEXT_KINDS = [kind for kind in BlockKind if kind is not BlockKind.TABLE]
BLOCK = st.builds(
    Block,
    kind=st.sampled_from(TEXT_KINDS),
    content=st.lists(st.one_of(SPAN, SPAN, REF), max_size=6),
    level=st.integers(1, 3),
    action=st.one_of(st.none(), ACTION),
).filter(lambda block: (block.kind is BlockKind.ACTION) == (block.action is not None))


def _round_trip(blocks: list[Block], direction: Direction = Direction.RTL) -> list[Block]:
    doc = QTextDocument()
    body_to_document(doc, blocks, direction)
    return document_to_body(doc)


@settings(max_examples=150, deadline=None)
@given(st.lists(BLOCK, max_size=8))
def test_round_trip_is_exact_after_normalising(qapp, blocks):
    assert _round_trip(blocks) == normalise_blocks(blocks)


def test_round_trip_keeps_emphasis_footnotes_levels_and_labels(qapp):
    blocks = [
        Block(BlockKind.PARAGRAPH, [Span("أشارت "), Span("الميثاق الجديد", bold=True), Span(" والذي")]),
        Block(BlockKind.LABEL, [Span("عملية بودابست:")]),
        Block(BlockKind.BULLET, [Span("كوسوفو"), FootnoteRef("fn1"), FootnoteRef("fn1"), Span("، مقدونيا")], 1),
        Block(BlockKind.BULLET, [Span("sub", italic=True, underline=True)], 2),
        Block(BlockKind.BULLET, [Span("deep")], 3),
        Block(BlockKind.BULLET, [Span("back")], 1),
        Block(BlockKind.PARAGRAPH, [Span("line one\nline two")]),
    ]
    assert _round_trip(blocks) == blocks
    assert _round_trip(blocks, Direction.LTR) == blocks
    assert [block.id for block in _round_trip(blocks)] == [block.id for block in blocks]


def test_empty_body_is_one_empty_block(qapp):
    doc = QTextDocument()
    body_to_document(doc, [], Direction.RTL)
    assert doc.blockCount() == 1
    assert document_to_body(doc) == []


def test_footnote_ids_in_order(qapp):
    doc = QTextDocument()
    body_to_document(
        doc,
        [Block(BlockKind.PARAGRAPH, [Span("a"), FootnoteRef("x"), Span("b"), FootnoteRef("y"), FootnoteRef("x")])],
        Direction.LTR,
    )
    assert footnote_ids(doc) == ["x", "y", "x"]
    cursor = QTextCursor(doc)
    cursor.setPosition(1)
    insert_footnote(cursor, "z")
    assert footnote_ids(doc) == ["z", "x", "y", "x"]
    assert doc.toRawText().count(OBJECT_CHAR) == 4


def test_footnote_ids_after_characters_outside_the_basic_plane(qapp):
    # Qt counts positions in UTF-16 units: an emoji takes two, a Python index one.
    doc = QTextDocument()
    content = [Span("\U0001f600 a"), FootnoteRef("x"), Span("\U0001d400"), FootnoteRef("y")]
    body_to_document(doc, [Block(BlockKind.PARAGRAPH, content)], Direction.LTR)
    assert footnote_ids(doc) == ["x", "y"]


def test_set_block_kind_changes_kind_and_level(qapp):
    doc = QTextDocument()
    body_to_document(
        doc, [Block(BlockKind.PARAGRAPH, [Span("one")]), Block(BlockKind.PARAGRAPH, [Span("two")])], Direction.RTL
    )
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    set_block_kind(cursor, BlockKind.BULLET, 2)
    assert [block_kind(doc.findBlockByNumber(i)) for i in range(2)] == [(BlockKind.BULLET, 2)] * 2
    # Each bullet has a list of its own: Qt lays out a whole list again when an item is added.
    assert doc.findBlockByNumber(0).textList() != doc.findBlockByNumber(1).textList()
    cursor = QTextCursor(doc.findBlockByNumber(1))
    set_block_kind(cursor, BlockKind.LABEL)
    assert document_to_body(doc) == [
        Block(BlockKind.BULLET, [Span("one")], 2),
        Block(BlockKind.LABEL, [Span("two")], 1),
    ]


# ------------------------------------------------------------------ ids and reviewers' marks

MARKED_BLOCKS = blocks(TEXT, ["fn1", "fn2"], max_size=6, comment_ids=["c1", "c2", "c3"])


@settings(max_examples=100, deadline=None)
@given(MARKED_BLOCKS)
def test_ids_and_marks_round_trip_exactly_after_normalising(qapp, marked):
    back = _round_trip(marked)
    assert back == normalise_blocks(marked)
    assert [block.id for block in back] == [block.id for block in normalise_blocks(marked)]


def test_the_later_of_two_paragraphs_sharing_an_id_gets_a_new_one(qapp):
    first, second = Block(BlockKind.PARAGRAPH, [Span("a")]), Block(BlockKind.PARAGRAPH, [Span("b")])
    second.id = first.id
    back = _round_trip([first, second])
    assert back[0].id == first.id
    assert back[1].id != first.id
    assert back == [first, second]


def test_a_paragraph_without_an_id_is_given_one(qapp):
    doc = QTextDocument()
    doc.setPlainText("typed elsewhere")
    [block] = document_to_body(doc)
    assert len(block.id) == 12


def test_a_comment_on_a_point_keeps_its_place(qapp):
    # An empty span carrying a comment (Word's comment on no text) is one character in the document.
    from minutes_editor.gui.text_marks import POINT_OBJECT

    marked = [
        Block(
            BlockKind.PARAGRAPH,
            [Span("ab", comments=("c1",)), Span("", comments=("c1",)), Span("cd", comments=("c1",)), Span("")],
        )
    ]
    doc = QTextDocument()
    body_to_document(doc, marked, Direction.RTL)
    assert doc.toRawText() == "ab" + OBJECT_CHAR + "cd"
    cursor = QTextCursor(doc)
    cursor.setPosition(3)
    assert cursor.charFormat().objectType() == POINT_OBJECT
    assert footnote_ids(doc) == []
    back = document_to_body(doc)
    assert back == normalise_blocks(marked)
    assert back[0].content == marked[0].content[:3]
