"""Reviewers' marks in a .docx: who and when of a tracked change, and the comments with their threads.

A tracked change (``w:ins``, ``w:del``, ``w:moveFrom``, ``w:moveTo``,
``w:rPrChange``, ``w:pPrChange``, a paragraph mark's ``w:ins``...) carries
``w:author`` and ``w:date``; the date is ISO 8601, read as UTC when it has
no offset, left out when unreadable; a missing author (a file whose
metadata was scrubbed) is "".

Comments are read from ``comments.xml`` (author, initials, date, paragraphs)
and ``commentsExtended.xml``, which Word links to a comment through the
``w14:paraId`` of the comment's last paragraph: ``w15:paraIdParent`` makes a
comment a reply, ``w15:done="1"`` resolved. LibreOffice 7.4 writes
``commentsExtended.xml`` for resolved comments only and no reply links: it
writes a reply as a comment whose range is exactly its parent's, which is
how Word writes replies too; for a file LibreOffice saved without any reply
link, comments with the same range are read as one thread whose first
comment (by date) is the one the others answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from minutes_editor.model.report import Change, stamp_in_range
from minutes_editor.ooxml.ns import qn, w

_AUTHOR, _DATE = w("author"), w("date")
_PARA_ID = qn("w14:paraId")
_COMMENT_EX = qn("w15:commentEx")
_EX_PARA_ID, _EX_PARENT, _EX_DONE = qn("w15:paraId"), qn("w15:paraIdParent"), qn("w15:done")


def revision_date(value: str | None) -> dt.datetime | None:
    """A revision's or comment's ``w:date``: an aware datetime (UTC when no offset is given), None if unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "Zz" else text)
    except ValueError:
        return None
    if parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    # A stamp no Word document can hold (year 0, LibreOffice's "0000-..." for "no date") is no date.
    return parsed if stamp_in_range(parsed) else None


def change_of(element: etree._Element, move: str = "") -> Change:
    """Who made the tracked change ``element`` and when; ``move`` names the move it belongs to."""
    return Change(author=element.get(_AUTHOR) or "", date=revision_date(element.get(_DATE)), move=move)


@dataclass
class CommentPart:
    """One ``w:comment`` of comments.xml, with what commentsExtended.xml says of it."""

    file_id: str
    author: str
    date: dt.datetime | None
    initials: str
    paragraphs: list[str]
    #: The ``w14:paraId`` of the comment's last paragraph ("" when it has none).
    para_id: str = ""
    #: The file id of the comment this one replies to ("" when it starts a thread).
    parent: str = ""
    done: bool = False


@dataclass
class Threads:
    """What commentsExtended.xml says: each paraId's parent paraId and resolved state."""

    parents: dict[str, str] = field(default_factory=dict)
    done: set[str] = field(default_factory=set)


def read_threads(root: etree._Element | None) -> Threads:
    """The reply links and resolved states of a commentsExtended.xml part (None: none)."""
    threads = Threads()
    if root is None:
        return threads
    for entry in root.iter(_COMMENT_EX):
        para_id = (entry.get(_EX_PARA_ID) or "").upper()
        if not para_id:
            continue
        parent = (entry.get(_EX_PARENT) or "").upper()
        if parent:
            threads.parents[para_id] = parent
        if (entry.get(_EX_DONE) or "0").strip().lower() in ("1", "true", "on"):
            threads.done.add(para_id)
    return threads


def last_para_id(comment: etree._Element) -> str:
    """The ``w14:paraId`` of a comment's last paragraph (Word's link to commentsExtended.xml), "" if none."""
    paragraphs = list(comment.iter(w("p")))
    if not paragraphs:
        return ""
    return (paragraphs[-1].get(_PARA_ID) or "").upper()


def link_threads(comments: list[CommentPart], threads: Threads) -> None:
    """Set each comment's parent and resolved state from commentsExtended.xml."""
    by_para = {comment.para_id: comment for comment in comments if comment.para_id}
    for comment in comments:
        if not comment.para_id:
            continue
        comment.done = comment.para_id in threads.done
        parent = by_para.get(threads.parents.get(comment.para_id, ""))
        if parent is not None and parent is not comment:
            comment.parent = parent.file_id
    # A reply to a reply belongs to the thread's first comment (Word's threads are flat); a cycle has no first
    # comment, so its comments start threads of their own.
    by_id = {comment.file_id: comment for comment in comments}

    def first_of(comment: CommentPart) -> str:
        seen = {comment.file_id}
        current = comment
        while current.parent:
            if current.parent in seen:
                return ""
            seen.add(current.parent)
            current = by_id[current.parent]
        return current.file_id if current is not comment else ""

    firsts = [first_of(comment) for comment in comments]
    for comment, first in zip(comments, firsts, strict=True):
        comment.parent = first


def threads_from_ranges(comments: list[CommentPart], ranges: dict[str, tuple[int, int]]) -> None:
    """Read comments anchored on exactly the same text as one thread, the earliest one first (LibreOffice's replies)."""
    groups: dict[tuple[int, int], list[CommentPart]] = {}
    for comment in comments:
        span = ranges.get(comment.file_id)
        if span is not None and span[0] < span[1]:
            groups.setdefault(span, []).append(comment)
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    for group in groups.values():
        if len(group) < 2:
            continue
        order = {comment.file_id: index for index, comment in enumerate(comments)}
        first = min(group, key=lambda comment: (comment.date or far, order[comment.file_id]))
        for comment in group:
            if comment is not first and not comment.parent:
                comment.parent = first.file_id
