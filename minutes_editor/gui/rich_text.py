"""Exact conversion between a body's model blocks and the QTextDocument that edits them.

One QTextBlock holds one model Block. A bullet is a block in a QTextList of
its own whose indent is the bullet level (1 to 3): bullets carry no numbers,
and Qt lays out every item of a list again when one is added, which made
Enter take 140 ms in a session of 1,000 bullets sharing one list; a lead-in label is a block carrying the
``KIND_PROPERTY`` "label"; any other block is a paragraph. Emphasis is the
character format (weight, italic, underline). A footnote reference is one
object replacement character (U+FFFC) whose format names the footnote id and
is drawn by ``FootnoteMarks`` with its live number.

A block's id and reviewers' marks are properties of the formats (gui/text_marks.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextListFormat,
    QTextOption,
)

from minutes_editor.gui.action_marks import ACTION_PROPERTY, action_block_format, action_text, block_action
from minutes_editor.gui.text_marks import (
    BLOCK_ID_PROPERTY,
    BLOCK_MARKS_PROPERTY,
    POINT_OBJECT,
    SPAN_MARKS_PROPERTY,
    author_colour,
    block_marks_text,
    inline_marks_text,
    point_format,
    read_block_marks,
    read_inline_marks,
    show_marks,
    string_property,
)
from minutes_editor.model.report import MAX_BULLET_LEVEL, Block, BlockKind, Direction, FootnoteRef, Inline, Span, new_id

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

#: Block format property holding the kind of a non-bullet block ("label" or "paragraph").
KIND_PROPERTY = QTextFormat.Property.UserProperty + 1
#: Character format property holding a footnote reference's id.
FOOTNOTE_ID_PROPERTY = QTextFormat.Property.UserProperty + 2
#: Object type of a footnote reference character.
FOOTNOTE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
OBJECT_CHAR = "\ufffc"
#: Qt keeps a soft line break (Shift+Enter) inside a block as U+2028; the model keeps "\n".
LINE_SEPARATOR = "\u2028"

LIST_STYLES = {
    1: QTextListFormat.Style.ListDisc,
    2: QTextListFormat.Style.ListCircle,
    3: QTextListFormat.Style.ListSquare,
}
#: A light tint marks lead-in labels in the editor; exports give them their own style.
LABEL_BACKGROUND = QColor("#e8eef8")


# ------------------------------------------------------------- block kinds


def block_kind(block: QTextBlock) -> tuple[BlockKind, int]:
    """The model kind and bullet level of a text block."""
    text_list = block.textList()
    if text_list is not None:
        level = min(max(text_list.format().indent(), 1), MAX_BULLET_LEVEL)
        return BlockKind.BULLET, level
    if block.blockFormat().property(KIND_PROPERTY) == BlockKind.LABEL.value:
        return BlockKind.LABEL, 1
    if block.blockFormat().property(KIND_PROPERTY) == BlockKind.ACTION.value:
        return BlockKind.ACTION, 1
    return BlockKind.PARAGRAPH, 1


def _plain_block_format(base: QTextBlockFormat, kind: BlockKind) -> QTextBlockFormat:
    fmt = QTextBlockFormat(base)
    fmt.setObjectIndex(-1)
    fmt.setIndent(0)
    fmt.setProperty(KIND_PROPERTY, kind.value)
    if kind is BlockKind.LABEL:
        fmt.setBackground(LABEL_BACKGROUND)
        fmt.setTopMargin(6)
    else:
        fmt.clearBackground()
        fmt.setTopMargin(0)
    return action_block_format(fmt, kind)  # an action item's fields and room for its box (gui/action_marks.py)


def set_block_kind(cursor: QTextCursor, kind: BlockKind, level: int = 1) -> None:
    """Give every block the cursor touches ``kind`` (and ``level`` for bullets), as one edit step."""
    doc = cursor.document()
    start = doc.findBlock(cursor.selectionStart())
    end = doc.findBlock(cursor.selectionEnd())
    cursor.beginEditBlock()
    block = start
    while block.isValid():
        set_one_block_kind(doc, block, kind, level)
        if block == end:
            break
        block = block.next()
    cursor.endEditBlock()


def set_one_block_kind(doc: QTextDocument, block: QTextBlock, kind: BlockKind, level: int) -> None:
    """Give one block ``kind`` (and ``level`` for a bullet, in a list of its own), keeping its other properties."""
    cursor = QTextCursor(block)
    current = block.textList()
    if current is not None:
        current.remove(block)
    if kind is not BlockKind.BULLET:
        cursor.setBlockFormat(_plain_block_format(block.blockFormat(), kind))
        return
    level = min(max(level, 1), MAX_BULLET_LEVEL)
    fmt = _plain_block_format(block.blockFormat(), BlockKind.BULLET)
    cursor.setBlockFormat(fmt)
    cursor.createList(_list_format(level))


def _list_format(level: int) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(LIST_STYLES[level])
    fmt.setIndent(level)
    return fmt


# ------------------------------------------------------------- formats


def span_format(span: Span) -> QTextCharFormat:
    """The character format showing a span's emphasis, and keeping and showing its marks."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if span.bold else QFont.Weight.Normal)
    fmt.setFontItalic(span.italic)
    fmt.setFontUnderline(span.underline)
    marks = inline_marks_text(span)
    if marks:
        fmt.setProperty(SPAN_MARKS_PROPERTY, marks)
        show_marks(fmt, span)
    return fmt


def footnote_format(footnote_id: str, marks: str = "") -> QTextCharFormat:
    """The format of a footnote reference character (with its marks, as ``inline_marks_text`` writes them)."""
    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_OBJECT)
    fmt.setProperty(FOOTNOTE_ID_PROPERTY, footnote_id)
    if marks:
        fmt.setProperty(SPAN_MARKS_PROPERTY, marks)
    return fmt


def footnote_id_of(fmt: QTextCharFormat) -> str | None:
    """The footnote id of a reference character's format, or None for ordinary text."""
    if fmt.objectType() != FOOTNOTE_OBJECT:
        return None
    value = fmt.property(FOOTNOTE_ID_PROPERTY)
    return str(value) if value else None


def fragment_runs(fragment: QTextDocumentFragment) -> list[tuple[str, QTextCharFormat]] | None:
    """The runs of text of a copied stretch of one paragraph, with their formats; None for several paragraphs."""
    if "\n" in fragment.toPlainText() or "\u2029" in fragment.toPlainText():
        return None
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(fragment)
    runs: list[tuple[str, QTextCharFormat]] = []
    block = scratch.begin()
    while block.isValid():  # a stretch of a bullet comes with an empty paragraph before it
        iterator = block.begin()
        while not iterator.atEnd():
            piece = iterator.fragment()
            iterator += 1
            runs.append((piece.text(), piece.charFormat()))
        block = block.next()
    return runs


def insert_runs(cursor: QTextCursor, runs: list[tuple[str, QTextCharFormat]]) -> None:
    """Put runs of text at the cursor in their formats (replacing the selection), the paragraph as it is."""
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    for text, fmt in runs:
        cursor.insertText(text, fmt)
    cursor.endEditBlock()


def insert_footnote(cursor: QTextCursor, footnote_id: str) -> None:
    """Insert a reference to ``footnote_id`` at the cursor, replacing any selection."""
    cursor.insertText(OBJECT_CHAR, footnote_format(footnote_id))


def is_bold(fmt: QTextCharFormat) -> bool:
    """Whether a character format reads as bold (the model's emphasis)."""
    return fmt.fontWeight() >= QFont.Weight.DemiBold


# ------------------------------------------------------------- model -> document


def apply_direction(doc: QTextDocument, direction: Direction) -> None:
    """Make a document's default direction and alignment the report's."""
    option = doc.defaultTextOption()
    rtl = direction is Direction.RTL
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    # Absolute alignment: a relative AlignRight would be mirrored to the left in right-to-left blocks.
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)


def _write_blocks(cursor: QTextCursor, blocks: list[Block], direction: Direction) -> None:
    layout_direction = Qt.LayoutDirection.RightToLeft if direction is Direction.RTL else Qt.LayoutDirection.LeftToRight
    for index, block in enumerate(blocks):
        base = QTextBlockFormat()
        base.setLayoutDirection(layout_direction)
        base.setProperty(BLOCK_ID_PROPERTY, block.id)
        marks = block_marks_text(block)
        if marks:
            base.setProperty(BLOCK_MARKS_PROPERTY, marks)
        if block.action is not None:
            base.setProperty(ACTION_PROPERTY, action_text(block.action))
        fmt = _plain_block_format(base, block.kind)
        if index == 0:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt, QTextCharFormat())
        if block.kind is BlockKind.BULLET:
            cursor.createList(_list_format(min(max(block.level, 1), MAX_BULLET_LEVEL)))
        for item in block.content:
            if isinstance(item, FootnoteRef):
                cursor.insertText(OBJECT_CHAR, footnote_format(item.footnote_id, inline_marks_text(item)))
            elif item.text:
                cursor.insertText(item.text.replace("\n", LINE_SEPARATOR), span_format(item))
            elif inline_marks_text(item):
                # An empty span with marks (a comment on a point) keeps its place as one character.
                cursor.insertText(OBJECT_CHAR, point_format(span_format(item)))
        cursor.setCharFormat(QTextCharFormat())
    if not blocks:
        base = QTextBlockFormat()
        base.setLayoutDirection(layout_direction)
        base.setProperty(BLOCK_ID_PROPERTY, new_id())  # the paragraph the user will type in
        cursor.setBlockFormat(_plain_block_format(base, BlockKind.PARAGRAPH))


# ------------------------------------------------------------- document -> model


def block_content(block: QTextBlock) -> list[Inline]:
    """The inline content of one text block: spans with emphasis and marks, and footnote references."""
    content: list[Inline] = []
    last_look: tuple[bool, bool, bool, str] | None = None
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        text = fragment.text()
        marks = string_property(fmt, SPAN_MARKS_PROPERTY)
        if fmt.objectType() == POINT_OBJECT:
            bold, italic, underline = is_bold(fmt), fmt.fontItalic(), fmt.fontUnderline()
            points = (char for char in text if char == OBJECT_CHAR)
            content.extend(Span("", bold, italic, underline, *read_inline_marks(marks)) for _point in points)
            last_look = None
            continue
        footnote_id = footnote_id_of(fmt)
        if footnote_id is not None:
            # Consecutive references to the same note share one fragment.
            inserted, deleted, _old, _comments = read_inline_marks(marks)
            content.extend(FootnoteRef(footnote_id, inserted, deleted) for char in text if char == OBJECT_CHAR)
            last_look = None
            continue
        text = text.replace(LINE_SEPARATOR, "\n")
        look = (is_bold(fmt), fmt.fontItalic(), fmt.fontUnderline(), marks)
        last = content[-1] if content else None
        if isinstance(last, Span) and look == last_look:
            last.text += text
        else:
            content.append(Span(text, look[0], look[1], look[2], *read_inline_marks(marks)))
            last_look = look
    return content


def block_to_model(block: QTextBlock) -> Block:
    """The model block one text block holds, with its id (a new one if it has none) and its marks."""
    kind, level = block_kind(block)
    fmt = block.blockFormat()
    inserted, deleted, old_format = read_block_marks(string_property(fmt, BLOCK_MARKS_PROPERTY))
    return Block(
        kind,
        block_content(block),
        level,
        id=string_property(fmt, BLOCK_ID_PROPERTY) or new_id(),
        inserted=inserted,
        deleted=deleted,
        old_format=old_format,
        action=block_action(block) if kind is BlockKind.ACTION else None,
    )


def body_blocks(blocks: list[Block]) -> list[Block]:
    """A body's blocks as read from its paragraphs: one empty paragraph (without marks) is an empty body."""
    if len(blocks) == 1 and _is_blank(blocks[0]):
        return []
    return blocks


def _is_blank(block: Block) -> bool:
    return (
        block.kind is BlockKind.PARAGRAPH
        and not block.content
        and block.inserted is None
        and block.deleted is None
        and block.old_format is None
    )


def footnote_ids(doc: QTextDocument) -> list[str]:
    """Ids of the footnotes a document references, in order, with repeats."""
    ids: list[str] = []
    # Found by the document, not by str.find: Qt's positions count UTF-16 units (an emoji is two).
    found = doc.find(OBJECT_CHAR)
    while not found.isNull():
        # With a selection, the format is the one of the character before the cursor: the mark found.
        footnote_id = footnote_id_of(found.charFormat())
        if footnote_id is not None:
            ids.append(footnote_id)
        found = doc.find(OBJECT_CHAR, found)
    return ids


def footnote_positions(doc: QTextDocument, footnote_id: str) -> list[int]:
    """Cursor positions just after each reference to ``footnote_id`` in a document."""
    positions: list[int] = []
    found = doc.find(OBJECT_CHAR)
    while not found.isNull():
        # With a selection, the format is the one of the character before the cursor: the mark found.
        if footnote_id_of(found.charFormat()) == footnote_id:
            positions.append(found.selectionEnd())
        found = doc.find(OBJECT_CHAR, found)
    return positions


def normalise_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks as a document gives them back: empty spans dropped (kept if they carry marks), neighbours alike merged."""
    result: list[Block] = []
    for block in blocks:
        content: list[Inline] = []
        for item in block.content:
            if isinstance(item, FootnoteRef):
                content.append(FootnoteRef(item.footnote_id, item.inserted, item.deleted))
                continue
            if not item.text and not inline_marks_text(item):
                continue
            last = content[-1] if content else None
            if isinstance(last, Span) and last.text and item.text and _span_look(last) == _span_look(item):
                last.text += item.text
            else:
                content.append(
                    Span(
                        item.text,
                        item.bold,
                        item.italic,
                        item.underline,
                        item.inserted,
                        item.deleted,
                        item.old_format,
                        item.comments,
                    )
                )
        level = min(max(block.level, 1), MAX_BULLET_LEVEL) if block.kind is BlockKind.BULLET else 1
        kept = Block(block.kind, content, level, block.id, block.inserted, block.deleted, block.old_format)
        kept.action = block.action
        result.append(kept)
    return body_blocks(result)


def _span_look(span: Span) -> tuple[object, ...]:
    return (span.bold, span.italic, span.underline, span.inserted, span.deleted, span.old_format, span.comments)


# ------------------------------------------------------------- footnote marks


class FootnoteMarks(QPyTextObject):
    """Draws footnote reference characters as their current number, raised and small."""

    def __init__(self, number_of: Callable[[str], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._number_of = number_of

    def label(self, fmt: QTextFormat) -> str:
        """The text drawn for a reference: its number, or "?" for a note not numbered yet."""
        footnote_id = footnote_id_of(QTextCharFormat(fmt.toCharFormat()))
        number = self._number_of(footnote_id) if footnote_id else None
        return str(number) if number else "?"

    def _font(self, doc: QTextDocument, fmt: QTextFormat) -> QFont:
        font = QFont(fmt.toCharFormat().font()) if fmt.isCharFormat() else QFont(doc.defaultFont())
        size = font.pointSizeF() if font.pointSizeF() > 0 else doc.defaultFont().pointSizeF()
        font.setPointSizeF(max(size * 0.7, 6.0))
        font.setBold(True)
        return font

    def intrinsicSize(self, doc: QTextDocument, _position: int, fmt: QTextFormat) -> QSizeF:
        """Room for the number plus a little space on each side."""
        metrics = QFontMetricsF(self._font(doc, fmt))
        return QSizeF(metrics.horizontalAdvance(self.label(fmt)) + 3, metrics.height())

    def drawObject(
        self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, _position: int, fmt: QTextFormat
    ) -> None:
        """Draw the number near the top of the line, in the link colour (a pending change's: its author's)."""
        painter.save()
        font = self._font(doc, fmt)
        painter.setFont(font)
        inserted, deleted, _old, _comments = read_inline_marks(string_property(fmt, SPAN_MARKS_PROPERTY))
        change = deleted or inserted
        painter.setPen(QColor("#1a5fb4") if change is None else author_colour(change.author))
        metrics = QFontMetricsF(font)
        # Raise the number by a third of a line, as a superscript.
        baseline = rect.top() + metrics.ascent() - rect.height() / 3
        label = self.label(fmt)
        painter.drawText(QPointF(rect.left() + 1.5, baseline), label)
        if change is not None:
            # Underlined when inserted, struck through when deleted, as text is.
            y = baseline + 1.5 if deleted is None else baseline - metrics.xHeight() / 2
            painter.drawLine(
                QPointF(rect.left() + 1, y), QPointF(rect.left() + 2 + metrics.horizontalAdvance(label), y)
            )
        painter.restore()


def install_footnote_marks(doc: QTextDocument, marks: FootnoteMarks) -> None:
    """Let ``marks`` draw the footnote references of ``doc``."""
    doc.documentLayout().registerHandler(FOOTNOTE_OBJECT, marks)
