"""Reviewers' comments: add one on a stretch of a body, reply, resolve or reopen a thread, delete.

A comment's range is the text of the spans whose ``comments`` tuple holds its
id (docs/review.md), in a body, a table cell or a footnote. Each function returns the report operation that makes
the change (model/operations.py), so the window's undo stack and the
recovery journal see an ordinary change: a body whose spans change is
replaced by a new list of blocks (a changed block keeps its id), a footnote's
text by a new list, the comments by a new list.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator

from minutes_editor.model.operations import NOTE_CONTENT, Batch, Operation, ReplaceBlocks, SetComments, SetField
from minutes_editor.model.report import Block, Comment, FootnoteRef, Inline, Report, Section, Session, Span

#: A place in a body: the index of a block and a character offset in its text (a footnote reference is one).
Position = tuple[int, int]


def comment_on(report: Report, comment: Comment, owner: Section | Session, start: Position, end: Position) -> Batch:
    """Add ``comment`` on the text of ``owner``'s body from ``start`` to ``end``: its spans carry its id.

    Spans are split where the range starts and ends. Raises ValueError when
    the range holds no text (a comment needs something to stand on).
    """
    if end < start:
        start, end = end, start
    blocks: list[Block] = []
    covered = False
    for index, block in enumerate(owner.blocks):
        if not start[0] <= index <= end[0]:
            blocks.append(block)
            continue
        first = start[1] if index == start[0] else 0
        last = end[1] if index == end[0] else None
        content, marked = _mark(block.content, first, last, comment.id)
        covered = covered or marked
        blocks.append(dataclasses.replace(block, content=content) if marked else block)
    if not covered:
        raise ValueError("the range holds no text")
    return Batch([ReplaceBlocks(owner, blocks), SetComments([*report.comments, comment])])


def comment_on_cell(
    report: Report, comment: Comment, owner: Section | Session, cell: tuple[int, int, int], stretch: tuple[int, int]
) -> Batch:
    """Add ``comment`` on a stretch of a table cell's text: its spans carry its id (split where it starts and ends).

    ``cell`` is (the table block's index in ``owner``'s body, row, column), ``stretch`` (start, end).
    Raises ValueError when the range holds no text, KeyError when the block is no table.
    """
    index, row, column = cell
    block = owner.blocks[index]
    if block.table is None:
        raise KeyError(f"block {index} is not a table")
    start, end = sorted(stretch)
    content, marked = _mark(list(block.table.rows[row][column]), start, end, comment.id)
    if not marked:
        raise ValueError("the range holds no text")
    rows = [list(cells) for cells in block.table.rows]
    rows[row][column] = _only_spans(content)
    blocks = list(owner.blocks)
    blocks[index] = dataclasses.replace(block, table=dataclasses.replace(block.table, rows=rows))
    return Batch([ReplaceBlocks(owner, blocks), SetComments([*report.comments, comment])])


def comment_on_field(report: Report, comment: Comment) -> SetComments:
    """Add ``comment`` on the field it names (``field_name`` and ``owner``: a heading, a title, a title-block field)."""
    return SetComments([*report.comments, comment])


def reply(report: Report, parent: str, answer: Comment) -> Batch:
    """Add ``answer`` as a reply in the thread of comment ``parent``, on the same range (as Word writes replies)."""
    by_id = {comment.id: comment for comment in report.comments}
    if parent not in by_id:
        raise KeyError(parent)
    root = thread_root(report, parent)
    answer = dataclasses.replace(
        answer, parent=parent, field_name=by_id[root].field_name, owner=by_id[root].owner, done=by_id[root].done
    )
    operations = list(_respan(report, lambda ids: (*ids, answer.id) if root in ids and answer.id not in ids else ids))
    operations.append(SetComments([*report.comments, answer]))
    return Batch(operations)


def set_resolved(report: Report, comment_id: str, done: bool) -> SetComments:
    """Resolve (or reopen) the thread ``comment_id`` belongs to: its first comment and every reply."""
    members = thread_members(report, comment_id)
    return SetComments(
        [dataclasses.replace(comment, done=done) if comment.id in members else comment for comment in report.comments]
    )


def delete(report: Report, comment_id: str) -> Batch:
    """Delete a comment with its replies (a whole thread, for the comment that starts it), range marks included."""
    gone = {comment_id} | _descendants(report, comment_id)
    operations = list(_respan(report, lambda ids: tuple(item for item in ids if item not in gone)))
    operations.append(SetComments([comment for comment in report.comments if comment.id not in gone]))
    return Batch(operations)


def thread_root(report: Report, comment_id: str) -> str:
    """The id of the comment that starts the thread ``comment_id`` is in."""
    parents = {comment.id: comment.parent for comment in report.comments}
    seen = {comment_id}
    while parents.get(comment_id) in parents and parents[comment_id] not in seen:
        comment_id = parents[comment_id]
        seen.add(comment_id)
    return comment_id


def thread_members(report: Report, comment_id: str) -> set[str]:
    """The ids of every comment in the thread ``comment_id`` is in."""
    root = thread_root(report, comment_id)
    return {root} | _descendants(report, root)


def _descendants(report: Report, comment_id: str) -> set[str]:
    found: set[str] = set()
    frontier = {comment_id}
    while frontier:
        frontier = {c.id for c in report.comments if c.parent in frontier and c.id not in found and c.id != comment_id}
        found |= frontier
    return found


def _mark(content: list[Inline], first: int, last: int | None, comment_id: str) -> tuple[list[Inline], bool]:
    """``content`` with the spans between offsets ``first`` and ``last`` (None: the end) carrying ``comment_id``."""
    result: list[Inline] = []
    marked = False
    offset = 0
    for item in content:
        length = 1 if isinstance(item, FootnoteRef) else len(item.text)
        begin, end = offset, offset + length
        offset = end
        low, high = max(first, begin), end if last is None else min(last, end)
        if isinstance(item, FootnoteRef) or low >= high or comment_id in item.comments:
            result.append(item)
            continue
        cuts = [begin, low, high, end]
        for piece, (a, b) in enumerate(itertools.pairwise(cuts)):
            if a == b:
                continue
            text = item.text[a - begin : b - begin]
            comments = (*item.comments, comment_id) if piece == 1 else item.comments
            result.append(dataclasses.replace(item, text=text, comments=comments))
        marked = True
    return result, marked


def _respan(report: Report, change: Callable[[tuple[str, ...]], tuple[str, ...]]) -> Iterator[Operation]:
    """The operations giving every span's ``comments`` the value ``change`` makes of it, where it changes."""
    for section in report.sections:
        owners: list[Section | Session] = [section, *section.sessions]
        for owner in owners:
            blocks = [_respan_block(block, change) for block in owner.blocks]
            if any(new is not old for new, old in zip(blocks, owner.blocks, strict=True)):
                yield ReplaceBlocks(owner, blocks)
    for note in report.footnotes:
        content = _respan_content(note.content, change)
        if content is not None:
            yield SetField(note, NOTE_CONTENT, [item for item in content if isinstance(item, Span)])


def _respan_block(block: Block, change: Callable[[tuple[str, ...]], tuple[str, ...]]) -> Block:
    if block.table is not None:
        rows = [[_respan_content(cell, change) for cell in row] for row in block.table.rows]
        if all(cell is None for row in rows for cell in row):
            return block
        cells = [
            [_only_spans(new) if new is not None else old for new, old in zip(row, old_row, strict=True)]
            for row, old_row in zip(rows, block.table.rows, strict=True)
        ]
        return dataclasses.replace(block, table=dataclasses.replace(block.table, rows=cells))
    content = _respan_content(block.content, change)
    return block if content is None else dataclasses.replace(block, content=content)


def _only_spans(content: list[Inline]) -> list[Span]:
    return [item for item in content if isinstance(item, Span)]


def _respan_content(
    content: list[Inline] | list[Span], change: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> list[Inline] | None:
    result: list[Inline] = []
    changed = False
    for item in content:
        if isinstance(item, Span):
            comments = change(item.comments)
            if comments != item.comments:
                item = dataclasses.replace(item, comments=comments)  # noqa: PLW2901 - the new span replaces it
                changed = True
        result.append(item)
    return result if changed else None
