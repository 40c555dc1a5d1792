"""Track changes in a body document: the user's edits made as pending changes under their name, never lost.

Each function edits a body's QTextDocument as the untracked edit would, but
leaves what a reviewer must see (docs/review.md): text typed or pasted is
inserted by ``me`` (the ``Change`` the edit carries: who and when); text
deleted stays, struck through, marked deleted by ``me``, except text that is
``me``'s own pending insertion, which really goes; a paragraph split has its
new end inserted; a join marks the first paragraph's end deleted (a join of
``me``'s own inserted end really joins); a type or level changed keeps the old
one (``Block.old_format``), emphasis changed keeps the old emphasis
(``Span.old_format``), each only when none is pending already.

The law, which tests/gui/test_track_changes.py holds over random key scripts:
for any edit, ``review.accepted`` of the tracked result is the untracked result
and ``review.rejected`` is the text before. Text marked deleted is invisible to
editing, as it is to the accepted text: Backspace and Delete pass over it,
typing inside it inserts after it, and where paragraphs are joined by deleted
ends (a *chain*) a change of type applies to all of them, as it would to the
one joined paragraph. A join gives the joined paragraph the type of the first
(Qt's join keeps the first paragraph's format; accepting a deleted end keeps
the next block's type, so the next block takes the first one's type, tracked).

Call them inside an edit block where several steps must be one undo step.
Inserting text and changing emphasis are gui/tracked_insert.py's.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from minutes_editor.gui.rich_text import (
    block_kind,
    footnote_format,
    footnote_id_of,
    is_bold,
    set_one_block_kind,
    span_format,
)
from minutes_editor.gui.text_marks import (
    BLOCK_MARKS_PROPERTY,
    POINT_OBJECT,
    SPAN_MARKS_PROPERTY,
    InlineMarks,
    block_marks_text,
    inline_marks_text,
    read_block_marks,
    read_inline_marks,
    string_property,
)
from minutes_editor.model.report import (
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    FootnoteRef,
    Span,
)
from minutes_editor.model.tracking import is_mine

_MOVE = QTextCursor.MoveMode.KeepAnchor


# ------------------------------------------------------------------ reading marks


def span_marks(fmt: QTextCharFormat) -> InlineMarks:
    """A character format's pending changes and comment ids."""
    return read_inline_marks(string_property(fmt, SPAN_MARKS_PROPERTY))


def is_deleted(fmt: QTextCharFormat) -> bool:
    """Whether a character is marked deleted (or stands for a comment on a point: not text either)."""
    return fmt.objectType() == POINT_OBJECT or span_marks(fmt)[1] is not None


BlockMarks = tuple[Change | None, Change | None, BlockFormatChange | None]


def block_marks(block: QTextBlock) -> BlockMarks:
    """A paragraph's own pending changes: its end inserted, its end deleted, its type before."""
    return read_block_marks(string_property(block.blockFormat(), BLOCK_MARKS_PROPERTY))


def set_block_marks(
    block: QTextBlock, inserted: Change | None, deleted: Change | None, old: BlockFormatChange | None
) -> None:
    """Give a paragraph these end and type marks, keeping everything else of its format."""
    fmt = block.blockFormat()
    text = block_marks_text(Block(BlockKind.PARAGRAPH, inserted=inserted, deleted=deleted, old_format=old))
    if text:
        fmt.setProperty(BLOCK_MARKS_PROPERTY, text)
    else:
        fmt.clearProperty(BLOCK_MARKS_PROPERTY)
    if fmt != block.blockFormat():
        QTextCursor(block).setBlockFormat(fmt)


def end_deleted(block: QTextBlock) -> bool:
    """Whether a paragraph's end is marked deleted (in the accepted text it is joined with the next)."""
    return block_marks(block)[1] is not None and block.next().isValid()


def chain(block: QTextBlock) -> list[QTextBlock]:
    """The paragraphs joined with ``block`` by deleted ends: one paragraph of the accepted text."""
    first = block
    while first.previous().isValid() and end_deleted(first.previous()):
        first = first.previous()
    blocks = [first]
    while end_deleted(blocks[-1]):
        blocks.append(blocks[-1].next())
    return blocks


def visible_paragraph(block: QTextBlock) -> tuple[BlockKind, int, bool]:
    """The type, level and emptiness of the paragraph of the accepted text ``block`` is part of."""
    members = chain(block)
    kind, level = block_kind(members[-1])
    pieces = pieces_between(block.document(), members[0].position(), end_of(members[-1]))
    return kind, level, all(is_deleted(piece.fmt) for piece in pieces)


def format_at(document: QTextDocument, position: int) -> QTextCharFormat | None:
    """The format of the character at ``position``, None at a paragraph's end."""
    block = document.findBlock(position)
    if not block.isValid() or position >= block.position() + block.length() - 1:
        return None
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def end_of(block: QTextBlock) -> int:
    """The position of a paragraph's end (its separator)."""
    return block.position() + block.length() - 1


# ------------------------------------------------------------------ types and levels


def set_kind(block: QTextBlock, kind: BlockKind, level: int, me: Change) -> None:
    """Give one paragraph ``kind`` and ``level``, keeping the old ones as a pending change if none is."""
    level = level if kind is BlockKind.BULLET else 1
    old_kind, old_level = block_kind(block)
    if (old_kind, old_level) == (kind, level):
        return
    inserted, deleted, old = block_marks(block)
    if old is None and not is_mine(inserted, me):
        # A paragraph whose end ``me`` inserted needs none: rejecting its end joins it into the next.
        old = BlockFormatChange(me, old_kind, old_level)
    elif old is not None and is_mine(old.change, me) and (old.kind, old.level) == (kind, level):
        old = None  # back to what it was
    cursor = QTextCursor(block)
    cursor.beginEditBlock()
    set_one_block_kind(block.document(), block, kind, level)
    set_block_marks(block, inserted, deleted, old)
    cursor.endEditBlock()


def set_chain_kind(block: QTextBlock, kind: BlockKind, level: int, me: Change) -> None:
    """Give the paragraph of the accepted text ``block`` is part of (all of its chain) ``kind`` and ``level``."""
    cursor = QTextCursor(block)
    cursor.beginEditBlock()
    for member in chain(block):
        set_kind(member, kind, level, me)
    cursor.endEditBlock()


def set_kind_of_chains(cursor: QTextCursor, kind: BlockKind, level: int, me: Change) -> None:
    """Give every paragraph the cursor touches (whole chains of joined ones) ``kind`` and ``level``, as one step."""
    document = cursor.document()
    start = document.findBlock(cursor.selectionStart())
    end = document.findBlock(cursor.selectionEnd())
    blocks = chain(start)
    while blocks[-1].blockNumber() < end.blockNumber():
        blocks += chain(blocks[-1].next())
    cursor.beginEditBlock()
    for block in blocks:
        set_kind(block, kind, level, me)
    cursor.endEditBlock()


# ------------------------------------------------------------------ deleting


@dataclass
class Piece:
    """A stretch of one format in a document, between two positions, and its text."""

    start: int
    end: int
    fmt: QTextCharFormat
    text: str


def pieces_between(document: QTextDocument, start: int, end: int) -> list[Piece]:
    """The stretches of one format between ``start`` and ``end`` (paragraph ends left out)."""
    pieces: list[Piece] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            first, last = fragment.position(), fragment.position() + fragment.length()
            low, high = max(first, start), min(last, end)
            if low < high:
                pieces.append(
                    Piece(low, high, fragment.charFormat(), _utf16_slice(fragment.text(), low - first, high - first))
                )
        block = block.next()
    return pieces


def _utf16_slice(text: str, first: int, last: int) -> str:
    if text.isascii() or max(text) < "\U00010000":
        return text[first:last]
    return text.encode("utf-16-le")[2 * first : 2 * last].decode("utf-16-le", errors="replace")


def select(document: QTextDocument, start: int, end: int) -> QTextCursor:
    """A cursor selecting from ``start`` to ``end``."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, _MOVE)
    return cursor


def _marked_format(piece: Piece, deleted: Change) -> QTextCharFormat:
    inserted, _deleted, old, comments = span_marks(piece.fmt)
    footnote_id = footnote_id_of(piece.fmt)
    if footnote_id is not None:
        return footnote_format(footnote_id, inline_marks_text(FootnoteRef(footnote_id, inserted, deleted)))
    fmt = piece.fmt
    span = Span(piece.text, is_bold(fmt), fmt.fontItalic(), fmt.fontUnderline(), inserted, deleted, old, comments)
    return span_format(span)


def delete_range(document: QTextDocument, start: int, end: int, me: Change) -> None:
    """Delete the text from ``start`` to ``end`` as a tracked change (see the module's docstring)."""
    if start >= end:
        return
    # What Qt keeps of a join: the first paragraph's format, but the last one's when the first goes whole
    # (the deletion starts at its start). Accepting keeps the last block's type: every paragraph of the
    # joined chain takes that type, so that all of them have the type of the one paragraph they show.
    head = block_kind(chain(document.findBlock(end if _at_visible_start(document, start) else start))[-1])
    at_start = QTextCursor(document)
    at_start.setPosition(start)
    at_start.beginEditBlock()
    removals: list[tuple[int, int]] = []
    joins: list[int] = []
    joined = False
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        separator = end_of(block)
        if start <= separator < end and block.next().isValid():
            inserted, deleted, old = block_marks(block)
            joined = True
            if deleted is None and is_mine(inserted, me):
                joins.append(separator)
            elif deleted is None:
                set_block_marks(block, inserted, me, old)
        block = block.next()
    for piece in pieces_between(document, start, end):
        if is_deleted(piece.fmt):
            continue
        if is_mine(span_marks(piece.fmt)[0], me):
            removals.append((piece.start, piece.end))
        else:
            select(document, piece.start, piece.end).setCharFormat(_marked_format(piece, me))
    # From the end, so that the positions still to come stay right.
    for position, is_join in sorted([(s, False) for s, _e in removals] + [(s, True) for s in joins], reverse=True):
        if is_join:
            _join_really(document, position)
        else:
            stop = next(e for s, e in removals if s == position)
            select(document, position, stop).removeSelectedText()
    if joined:
        kind, level = head
        for member in chain(at_start.block()):
            set_kind(member, kind, level, me)
    at_start.endEditBlock()


def _at_visible_start(document: QTextDocument, position: int) -> bool:
    """Whether no visible character stands before ``position`` in its paragraph of the accepted text."""
    block = document.findBlock(position)
    while True:
        for piece in pieces_between(document, block.position(), position):
            if not is_deleted(piece.fmt):
                return False
        previous = block.previous()
        if not (previous.isValid() and end_deleted(previous)):
            return True
        block, position = previous, end_of(previous)


def _join_really(document: QTextDocument, separator: int) -> None:
    """Remove a paragraph end ``me`` inserted: the joined paragraph is the second one, its end and its type.

    Qt keeps the first paragraph's format (the second's if the first is empty); the type and end marks
    are the second's, whose end stays. ``delete_range`` then gives it the type Qt's join would have.
    """
    second = document.findBlock(separator).next()
    kind, level = block_kind(second)
    inserted, deleted, old = block_marks(second)
    select(document, separator, separator + 1).removeSelectedText()
    joined = document.findBlock(separator)
    if block_kind(joined) != (kind, level):
        set_one_block_kind(document, joined, kind, level)
    set_block_marks(joined, inserted, deleted, old)


def delete_previous(cursor: QTextCursor, me: Change) -> None:
    """Backspace without a selection: the visible character (or paragraph end) before the cursor, tracked."""
    document = cursor.document()
    position = cursor.position()
    while True:
        block = document.findBlock(position)
        if position > block.position():
            # One code point, as Qt's Backspace takes (an Arabic letter's marks go one by one).
            first = position - 1
            if first > block.position() and "\udc00" <= document.characterAt(first) <= "\udfff":
                first -= 1  # the second half of a character beyond the basic plane
            fmt = format_at(document, first)
            if fmt is not None and is_deleted(fmt):
                position = first
                continue
            delete_range(document, first, position, me)
            cursor.setPosition(first)
            return
        previous = block.previous()
        if previous.isValid() and end_deleted(previous):
            position = end_of(previous)
            continue
        if block_kind(block)[0] is BlockKind.BULLET:
            # As at the start of a list item untracked: it becomes a paragraph (the next Backspace joins).
            set_chain_kind(block, BlockKind.PARAGRAPH, 1, me)
            cursor.setPosition(position)
            return
        if previous.isValid():
            cursor.beginEditBlock()
            delete_range(document, position - 1, position, me)
            cursor.endEditBlock()
            cursor.setPosition(position - 1)
        return


def delete_next(cursor: QTextCursor, me: Change) -> None:
    """Delete without a selection: the visible character (or paragraph end) after the cursor, tracked."""
    document = cursor.document()
    position = cursor.position()
    while True:
        block = document.findBlock(position)
        if position < end_of(block):
            probe = QTextCursor(document)
            probe.setPosition(position)
            probe.movePosition(QTextCursor.MoveOperation.NextCharacter, _MOVE)
            last = max(probe.position(), position + 1)
            fmt = format_at(document, position)
            if fmt is not None and is_deleted(fmt):
                position = last
                continue
            after = QTextCursor(document)
            after.setPosition(last)
            cursor.beginEditBlock()
            delete_range(document, position, last, me)
            cursor.endEditBlock()
            cursor.setPosition(after.position())
            return
        if not block.next().isValid():
            cursor.setPosition(position)
            return
        if end_deleted(block):
            position = block.next().position()
            continue
        after = QTextCursor(document)
        after.setPosition(position + 1)
        cursor.beginEditBlock()
        delete_range(document, position, position + 1, me)
        cursor.endEditBlock()
        cursor.setPosition(after.position())
        return


def delete_selection(cursor: QTextCursor, me: Change, *, to_start: bool = False) -> None:
    """Delete the selected text as a tracked change; the cursor goes after it (before it, ``to_start``)."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    before, after = QTextCursor(document), QTextCursor(document)
    before.setPosition(start)
    after.setPosition(end)
    cursor.beginEditBlock()
    delete_range(document, start, end, me)
    cursor.endEditBlock()
    cursor.setPosition((before if to_start else after).position())
