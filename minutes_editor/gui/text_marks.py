"""What a body document keeps beside its text: each paragraph's id, and reviewers' marks, as format properties.

A block's id is a property of its block format (``BLOCK_ID_PROPERTY``), so it
follows the paragraph through edits, undo and redo; a new paragraph (Enter, a
paste) is given a new one where it is made (``give_new_ids``), and
``with_unique_ids`` gives the later of two paragraphs that still share one a
new id. Reviewers' marks are properties too, as the JSON a .minutes file holds
them in: the block's ``BLOCK_MARKS_PROPERTY`` (its end inserted or deleted, its
type changed), a span's or footnote reference's ``SPAN_MARKS_PROPERTY`` (its
pending insertion, deletion, format change and comment ids). ``show_marks``
gives them a simple look: inserted text underlined with dashes and deleted text
struck through, in a colour per author; text whose format changed underlined
with dots; commented text on a light yellow ground. An empty span that carries
marks (a comment on a point) is one object character (``POINT_OBJECT``) drawn
as a thin yellow bar (``PointMarks``). Typed text takes the format of the text
before it, marks included.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from minutes_editor.model.report import (
    Block,
    BlockFormatChange,
    Change,
    FormatChange,
    Inline,
    Span,
    new_id,
)
from minutes_editor.storage.encoder import block_format_change_object, change_object, format_change_object
from minutes_editor.storage.minutes_file import (
    read_block_format_change,
    read_change,
    read_format_change,
    read_id,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

#: Block format property holding the block's id.
BLOCK_ID_PROPERTY = QTextFormat.Property.UserProperty + 3
#: Block format property holding a block's pending changes as JSON (absent when it has none).
BLOCK_MARKS_PROPERTY = QTextFormat.Property.UserProperty + 4
#: Character format property holding a span's or footnote reference's pending changes and comment ids as JSON.
SPAN_MARKS_PROPERTY = QTextFormat.Property.UserProperty + 5
#: Object type of an empty span carrying marks (a comment on a point): one object replacement character.
POINT_OBJECT = QTextFormat.ObjectTypes.UserObject + 2
#: Commented text stands on a light yellow ground.
COMMENT_BACKGROUND = QColor("#fff2a8")
#: Reviewers' colours, readable on white and apart from one another; an author keeps theirs (``author_colour``).
AUTHOR_COLOURS = ("#c01c28", "#1c71d8", "#2e7d32", "#9141ac", "#b35900", "#00838f")


def author_colour(author: str) -> QColor:
    """The colour a reviewer's marks are shown in: the same for the same name, in every session."""
    return QColor(AUTHOR_COLOURS[zlib.crc32(author.encode("utf-8", "replace")) % len(AUTHOR_COLOURS)])


_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


def inline_marks_text(item: Inline) -> str:
    """A span's or reference's pending changes and comment ids as the JSON kept in its format ("" for none)."""
    marks: dict[str, Any] = {}
    if item.inserted is not None:
        marks["inserted"] = change_object(item.inserted)
    if item.deleted is not None:
        marks["deleted"] = change_object(item.deleted)
    if isinstance(item, Span):
        if item.old_format is not None:
            marks["old_format"] = format_change_object(item.old_format)
        if item.comments:
            marks["comments"] = list(item.comments)
    return json.dumps(marks, **_COMPACT) if marks else ""  # type: ignore[arg-type]


InlineMarks = tuple[Change | None, Change | None, FormatChange | None, tuple[str, ...]]
_NO_MARKS: InlineMarks = (None, None, None, ())


def read_inline_marks(text: str) -> InlineMarks:
    """What ``inline_marks_text`` wrote: (inserted, deleted, old format, comment ids)."""
    if not text:
        return _NO_MARKS
    marks = json.loads(text)
    return (
        read_change(marks["inserted"], "inserted") if "inserted" in marks else None,
        read_change(marks["deleted"], "deleted") if "deleted" in marks else None,
        read_format_change(marks["old_format"], "old_format") if "old_format" in marks else None,
        tuple(read_id(comment, "comments") for comment in marks.get("comments", ())),
    )


def block_marks_text(block: Block) -> str:
    """A block's pending changes (of its end, of its type) as the JSON kept in its format ("" for none)."""
    marks: dict[str, Any] = {}
    if block.inserted is not None:
        marks["inserted"] = change_object(block.inserted)
    if block.deleted is not None:
        marks["deleted"] = change_object(block.deleted)
    if block.old_format is not None:
        marks["old_format"] = block_format_change_object(block.old_format)
    return json.dumps(marks, **_COMPACT) if marks else ""  # type: ignore[arg-type]


def read_block_marks(text: str) -> tuple[Change | None, Change | None, BlockFormatChange | None]:
    """What ``block_marks_text`` wrote: (inserted, deleted, old format)."""
    if not text:
        return None, None, None
    marks = json.loads(text)
    return (
        read_change(marks["inserted"], "inserted") if "inserted" in marks else None,
        read_change(marks["deleted"], "deleted") if "deleted" in marks else None,
        read_block_format_change(marks["old_format"], "old_format") if "old_format" in marks else None,
    )


def string_property(fmt: QTextFormat, number: int) -> str:
    """A text property of a format ("" when it has none)."""
    value = fmt.property(number)
    return value if isinstance(value, str) else ""


def show_marks(fmt: QTextCharFormat, span: Span) -> None:
    """Give ``fmt`` the simple look of a span's marks (the marks themselves are in ``SPAN_MARKS_PROPERTY``)."""
    change = span.deleted or span.inserted or (span.old_format.change if span.old_format else None)
    if change is not None:
        colour = author_colour(change.author)
        fmt.setForeground(colour)
        fmt.setUnderlineColor(colour)
    # A style other than a single line, so that the span does not read as underlined (fontUnderline).
    if not span.underline:
        if span.inserted is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        elif span.old_format is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    if span.deleted is not None:
        fmt.setFontStrikeOut(True)
    if span.comments:
        fmt.setBackground(COMMENT_BACKGROUND)


def set_block_id(block: QTextBlock, block_id: str) -> None:
    """Give a text block the id ``block_id`` (an edit of the document: make it inside the edit that needs it)."""
    fmt = block.blockFormat()
    fmt.setProperty(BLOCK_ID_PROPERTY, block_id)
    QTextCursor(block).setBlockFormat(fmt)


def give_new_ids(doc: QTextDocument, first: int, last: int) -> None:
    """Give the blocks numbered ``first`` to ``last`` new ids (new paragraphs: the second half of a split, a paste).

    Call it inside the edit block that made them, so that one undo step makes and unmakes both.
    """
    block = doc.findBlockByNumber(first)
    while block.isValid() and block.blockNumber() <= last:
        set_block_id(block, new_id())
        block = block.next()


def insert_keeping_ids(cursor: QTextCursor, insert: Callable[[], None]) -> None:
    """Run ``insert`` (which puts text, perhaps paragraphs, at ``cursor``) as one edit in which ids stay unique.

    The paragraph the cursor was in keeps its id; each paragraph the insertion
    made (a paste of several paragraphs, pasted text with line breaks) gets a
    new one, even when it came with an id (copied here: its original still has it).
    """
    doc = cursor.document()
    cursor.beginEditBlock()
    start = doc.findBlock(cursor.selectionStart())
    number, kept = start.blockNumber(), block_id(start)
    insert()
    first = doc.findBlockByNumber(number)
    if kept and block_id(first) != kept:
        set_block_id(first, kept)
    give_new_ids(doc, number + 1, cursor.blockNumber())
    cursor.endEditBlock()


def block_id(block: QTextBlock) -> str:
    """The id a text block's format holds ("" for none)."""
    return string_property(block.blockFormat(), BLOCK_ID_PROPERTY)


def with_unique_ids(blocks: list[Block], seen: set[str] | None = None) -> list[Block]:
    """``blocks``, a later one whose id an earlier one (or ``seen``) has replaced by a copy with a new id.

    A paste or a split gives its new paragraphs new ids where it makes them (``give_new_ids``);
    this is the net under every other way two paragraphs of a document come to share an id.
    """
    seen = set() if seen is None else seen
    result = []
    for block in blocks:
        kept = block
        if block.id in seen:
            kept = object.__new__(Block)
            kept.__dict__.update(block.__dict__)
            kept.id = new_id()
        seen.add(kept.id)
        result.append(kept)
    return result


class PointMarks(QPyTextObject):
    """Draws an empty span that carries marks (a comment on a point) as a thin yellow bar."""

    WIDTH = 4.0

    def intrinsicSize(self, doc: QTextDocument, _position: int, fmt: QTextFormat) -> QSizeF:
        """A narrow mark as tall as the line."""
        font = fmt.toCharFormat().font() if fmt.isCharFormat() else doc.defaultFont()
        return QSizeF(self.WIDTH, QFontMetricsF(font).height())

    def drawObject(
        self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, _position: int, fmt: QTextFormat
    ) -> None:
        """A bar in the comment colour, edged darker."""
        painter.save()
        painter.setPen(COMMENT_BACKGROUND.darker(160))
        painter.setBrush(COMMENT_BACKGROUND)
        painter.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()


def install_point_marks(doc: QTextDocument, marks: PointMarks) -> None:
    """Let ``marks`` draw the point marks of ``doc``."""
    doc.documentLayout().registerHandler(POINT_OBJECT, marks)


def point_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` (an empty span's, with its marks) as the format of the character that stands for it."""
    point = QTextCharFormat(fmt)
    point.setObjectType(POINT_OBJECT)
    return point
