"""Track changes in a body document, inserting: typed and pasted text inserted by the user, emphasis changed.

The other half of gui/tracked_text.py (whose docstring states the rules and the
law they keep): text put at the cursor leaves any selection deleted, is put
after any deleted text the cursor stands in, in the emphasis it would have
untracked, and is marked inserted by ``me``; a change of emphasis keeps the
old one as a pending change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from minutes_editor.gui.rich_text import block_kind, footnote_format, footnote_id_of, is_bold, span_format
from minutes_editor.gui.text_marks import POINT_OBJECT, inline_marks_text, insert_keeping_ids
from minutes_editor.gui.tracked_text import (
    block_marks,
    chain,
    delete_range,
    delete_selection,
    end_deleted,
    end_of,
    format_at,
    is_deleted,
    pieces_between,
    select,
    set_block_marks,
    span_marks,
)
from minutes_editor.model.report import BlockFormatChange, Change, FootnoteRef, FormatChange, Span
from minutes_editor.model.tracking import is_mine

# ------------------------------------------------------------------ inserting


def prepare_insertion(cursor: QTextCursor, me: Change) -> None:
    """Before text is put at the cursor: the selection deleted (tracked), out of any deleted text it stands in."""
    if cursor.hasSelection():
        delete_selection(cursor, me)
    document = cursor.document()
    position = cursor.position()
    before = format_at(document, position - 1) if position > cursor.block().position() else None
    if before is not None and is_deleted(before):
        while (fmt := format_at(document, position)) is not None and is_deleted(fmt):
            position += 1
        cursor.setPosition(position)


def typing_format(cursor: QTextCursor, me: Change, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """The format of text typed at ``cursor``: the emphasis it would have untracked, inserted by ``me``.

    The emphasis is ``base``'s, else the cursor's own (Ctrl+B before typing),
    else that of the visible character before it, as Qt takes the character
    before; deleted text passed over does not count.
    """
    base = visible_char_format(cursor) if base is None else base
    comments: tuple[str, ...] = () if footnote_id_of(base) is not None else span_marks(base)[3]
    return span_format(Span("", is_bold(base), base.fontItalic(), base.fontUnderline(), inserted=me, comments=comments))


def visible_char_format(cursor: QTextCursor) -> QTextCharFormat:
    """The character format Qt would type with at ``cursor`` if deleted text were not there.

    The cursor's own (Ctrl+B before typing), else that of the visible character before it.
    """
    document = cursor.document()
    probe = QTextCursor(document)
    probe.setPosition(cursor.position())
    base = cursor.charFormat()
    if base == probe.charFormat():
        base = _visible_format(document, cursor.position()) or base
    return base


def _visible_format(document: QTextDocument, position: int) -> QTextCharFormat | None:
    """The format Qt would type with at ``position`` if deleted text were not there."""
    while True:
        block = document.findBlock(position)
        if position > block.position():
            fmt = format_at(document, position - 1)
            if fmt is not None and is_deleted(fmt):
                position -= 1
                continue
            return fmt
        previous = block.previous()
        if previous.isValid() and end_deleted(previous):
            position = end_of(previous)
            continue
        # At the start of a paragraph Qt takes the first character's format (of the joined paragraphs).
        members = chain(block)
        for piece in pieces_between(document, block.position(), end_of(members[-1])):
            if not is_deleted(piece.fmt):
                return piece.fmt
        return block.charFormat()  # what Qt types with in an empty paragraph


def insert_text(cursor: QTextCursor, text: str, me: Change, base: QTextCharFormat | None = None) -> None:
    """Type ``text`` (no paragraph breaks) at the cursor as an insertion by ``me`` (in ``base``'s emphasis if given).

    Without a selection to delete it is one plain insertion, so Qt merges it
    into the typing before it, as it does untracked: one undo step per word run.
    """
    if cursor.hasSelection():
        fmt = typing_format(cursor, me, base)  # as Qt, the format before the selection goes
        cursor.beginEditBlock()
        prepare_insertion(cursor, me)
        cursor.insertText(text, fmt)
        cursor.endEditBlock()
        return
    prepare_insertion(cursor, me)
    cursor.insertText(text, typing_format(cursor, me, base))


def replace_pieces(document: QTextDocument, pieces: list[tuple[int, int]], at: int, text: str, me: Change) -> None:
    """Replace text as a tracked change: ``pieces`` (ranges) deleted, ``text`` inserted at ``at``.

    The new text takes the emphasis of the first character replaced (or of the one before ``at``).
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    base = format_at(document, pieces[0][0]) if pieces else None
    where = QTextCursor(document)
    where.setPosition(at)
    for first, last in sorted(pieces, reverse=True):
        delete_range(document, first, last, me)
    if text:
        where.insertText(text, typing_format(where, me, base))
    cursor.endEditBlock()


def mark_split(block: QTextBlock, me: Change) -> None:
    """After Enter made ``block`` (the second half): the first half's end is inserted by ``me``."""
    first = block.previous()
    _inserted, _deleted, old = block_marks(first)
    set_block_marks(first, me, None, old)


def insert_tracked(cursor: QTextCursor, insert: Callable[[], None], me: Change) -> None:
    """Run ``insert`` (a paste, text with line breaks) at the cursor as one tracked insertion by ``me``.

    Everything it puts there is inserted by ``me`` (copied deleted text is left
    out, as the accepted text has it); the new paragraph ends are inserted ends
    (a copied deleted end too), and the last paragraph keeps the end and type
    marks of the paragraph inserted into (its type, if the insertion changed it,
    kept as a pending change). Pasted paragraphs take the types Qt gives them,
    which may differ from an untracked paste where deleted paragraphs are joined.
    """
    document = cursor.document()
    cursor.beginEditBlock()
    prepare_insertion(cursor, me)
    block = cursor.block()
    kind, level = block_kind(block)
    inserted, deleted, old = block_marks(block)
    first = cursor.position()  # nothing before it changes (a cursor there would move with the insertion)
    insert_keeping_ids(cursor, insert)
    last = cursor.position()
    end = QTextCursor(document)
    end.setPosition(last)
    removals: list[tuple[int, int]] = []
    for piece in pieces_between(document, first, last):
        if piece.fmt.objectType() == POINT_OBJECT:
            continue
        marks = span_marks(piece.fmt)
        if marks[1] is not None:
            removals.append((piece.start, piece.end))
            continue
        fmt = piece.fmt
        footnote_id = footnote_id_of(fmt)
        if footnote_id is not None:
            new = footnote_format(footnote_id, inline_marks_text(FootnoteRef(footnote_id, me)))
        else:
            span = Span(piece.text, is_bold(fmt), fmt.fontItalic(), fmt.fontUnderline(), me, comments=marks[3])
            new = span_format(span)
        select(document, piece.start, piece.end).setCharFormat(new)
    current = document.findBlock(first)
    while current.isValid() and current.blockNumber() < end.block().blockNumber():
        set_block_marks(current, me, None, None if current.position() > first else old)
        current = current.next()
    for start, stop in sorted(removals, reverse=True):
        select(document, start, stop).removeSelectedText()
    last_block = end.block()
    new_old = old
    if block_kind(last_block) != (kind, level) and old is None and not is_mine(inserted, me):
        new_old = BlockFormatChange(me, kind, level)
    set_block_marks(last_block, inserted, deleted, new_old)
    cursor.setPosition(end.position())
    cursor.endEditBlock()


# ------------------------------------------------------------------ emphasis


def merge_format(cursor: QTextCursor, change: QTextCharFormat, me: Change) -> None:
    """Change the emphasis of the selected text (what ``change`` sets), keeping the old one as a pending change.

    Deleted text is left as it is; text ``me`` inserted needs no old emphasis.
    """
    document = cursor.document()
    cursor.beginEditBlock()
    for piece in pieces_between(document, cursor.selectionStart(), cursor.selectionEnd()):
        fmt = piece.fmt
        if is_deleted(fmt) or footnote_id_of(fmt) is not None:
            continue
        inserted, deleted, old, comments = span_marks(fmt)
        before = (is_bold(fmt), fmt.fontItalic(), fmt.fontUnderline())
        merged = QTextCharFormat(fmt)
        merged.merge(change)
        after = (is_bold(merged), merged.fontItalic(), merged.fontUnderline())
        if after == before:
            continue
        if old is None and not is_mine(inserted, me):
            old = FormatChange(me, *before)
        elif old is not None and is_mine(old.change, me) and (old.bold, old.italic, old.underline) == after:
            old = None
        span = Span(piece.text, *after, inserted, deleted, old, comments)
        select(document, piece.start, piece.end).setCharFormat(span_format(span))
    cursor.endEditBlock()
