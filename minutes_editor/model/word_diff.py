"""Word-level differences of inline content, as pending changes: what compare shows inside a paragraph or footnote.

Text is cut into tokens (words, runs of white space, single punctuation
marks and symbols, footnote references) and the two token lists are aligned
with difflib on a folded form of each word, in which Arabic harakat,
superscript alef, tatweel and the hamza and alef forms (أ إ آ ٱ → ا, ى → ي,
ة → ه, ؤ → و, ئ → ي) do not count. A word aligned with one that differs
only so is shown as one change of that word (the old word deleted, the new
one inserted), never as a rewrite of its sentence. Aligned words of the same
text whose emphasis differs keep the new emphasis and carry the old one in
``Span.old_format``; the rest is deleted (old tokens) or inserted (new ones),
deletions first. Accepting the result gives the new content, rejecting it
the old one, up to where spans are cut (``canonical_content``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from minutes_editor.model.report import Change, FootnoteRef, FormatChange, Inline, Span
from minutes_editor.model.script import ARABIC_MARKS, TATWEEL, ZWJ, ZWNJ, strip_arabic_marks

#: Combining marks of the scripts the reports are written in (Arabic, Latin, Cyrillic): part of the word they follow.
_MARKS = ARABIC_MARKS + "\u0300-\u036f\u0483-\u0489"
#: A word (letters, digits, marks, tatweel, Persian half-spaces), a run of white space, or one other character.
_TOKEN_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}{TATWEEL}{ZWNJ}{ZWJ}])+|\s+|.", re.DOTALL)
#: Letters Arabic writes in several forms that are read as one word (hamza seats, alef maqsura, ta marbuta).
_LETTER_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def fold(text: str) -> str:
    """``text`` as compare aligns it: without harakat, superscript alef and tatweel, with one form of each letter."""
    folded = strip_arabic_marks(text).translate(_LETTER_FORMS)
    return folded or text  # a token of marks alone stays itself


def tokens(text: str) -> list[str]:
    """``text`` cut into words, runs of white space and single other characters (their concatenation is ``text``)."""
    return _TOKEN_RE.findall(text)


class _Piece(NamedTuple):
    # A stretch of one span's text inside a token.
    text: str
    span: Span


class _Token(NamedTuple):
    key: object  # what alignment compares: the folded word, or ("ref", id) for a footnote reference
    text: str
    pieces: tuple[_Piece, ...]  # empty for a footnote reference
    ref: FootnoteRef | None


def _tokenise(content: Sequence[Inline]) -> list[_Token]:
    result: list[_Token] = []
    run: list[Span] = []

    def flush() -> None:
        if not run:
            return
        text = "".join(span.text for span in run)
        # Where each span starts in the run's text, to cut tokens along span boundaries.
        index, offset = 0, 0
        span_end = len(run[0].text)
        for word in tokens(text):
            end = offset + len(word)
            pieces: list[_Piece] = []
            position = offset
            while position < end:
                while span_end <= position:
                    index += 1
                    span_end += len(run[index].text)
                stop = min(end, span_end)
                pieces.append(_Piece(text[position:stop], run[index]))
                position = stop
            result.append(_Token(fold(word), word, tuple(pieces), None))
            offset = end
        run.clear()

    for item in content:
        if isinstance(item, FootnoteRef):
            flush()
            result.append(_Token(("ref", item.footnote_id), "", (), item))
        elif item.text:
            run.append(item)
    flush()
    return result


class _Out:
    """Collects the result's inline content, joining neighbours that carry the same marks and emphasis."""

    def __init__(self) -> None:
        self.items: list[Inline] = []

    def text(
        self,
        text: str,
        like: Span,
        *,
        inserted: Change | None = None,
        deleted: Change | None = None,
        old_format: FormatChange | None = None,
    ) -> None:
        last = self.items[-1] if self.items else None
        if (
            isinstance(last, Span)
            and (last.bold, last.italic, last.underline, last.comments)
            == (like.bold, like.italic, like.underline, like.comments)
            and (last.inserted, last.deleted, last.old_format) == (inserted, deleted, old_format)
        ):
            last.text += text
            return
        self.items.append(
            Span(text, like.bold, like.italic, like.underline, inserted, deleted, old_format, like.comments)
        )

    def copy(self, item: Inline) -> None:
        if isinstance(item, FootnoteRef):
            self.items.append(FootnoteRef(item.footnote_id))
        elif item.text:
            self.text(item.text, item)

    def token(self, token: _Token, *, inserted: Change | None = None, deleted: Change | None = None) -> None:
        if token.ref is not None:
            self.items.append(FootnoteRef(token.ref.footnote_id, inserted=inserted, deleted=deleted))
            return
        for piece in token.pieces:
            self.text(piece.text, piece.span, inserted=inserted, deleted=deleted)

    def same(self, old: _Token, new: _Token, change: Change) -> None:
        # The same text in both: the new emphasis, with the old one where it differs.
        if new.ref is not None:
            self.items.append(FootnoteRef(new.ref.footnote_id))
            return
        old_pieces = list(old.pieces)
        old_index, old_left = 0, len(old_pieces[0].text)
        for piece in new.pieces:
            text = piece.text
            while text:
                before = old_pieces[old_index].span
                size = min(len(text), old_left)
                emphasis = (before.bold, before.italic, before.underline)
                old_format = None
                if emphasis != (piece.span.bold, piece.span.italic, piece.span.underline):
                    old_format = FormatChange(change, *emphasis)
                self.text(text[:size], piece.span, old_format=old_format)
                text = text[size:]
                old_left -= size
                if old_left == 0 and old_index + 1 < len(old_pieces):
                    old_index += 1
                    old_left = len(old_pieces[old_index].text)


def diff_content(old: Sequence[Inline], new: Sequence[Inline], change: Change) -> list[Inline]:
    """The new content with word-level insertions, deletions and emphasis changes against the old, by ``change``."""
    head_items, old, new, tail_items = _common_ends(old, new)
    old_tokens = _tokenise(old)
    new_tokens = _tokenise(new)
    # What both begin and end with is aligned at once; difflib weighs only the middle (an edit is mostly local).
    head = 0
    most = min(len(old_tokens), len(new_tokens))
    while head < most and old_tokens[head].key == new_tokens[head].key:
        head += 1
    tail = 0
    while tail < most - head and old_tokens[-1 - tail].key == new_tokens[-1 - tail].key:
        tail += 1
    old_keys = [token.key for token in old_tokens[head : len(old_tokens) - tail]]
    new_keys = [token.key for token in new_tokens[head : len(new_tokens) - tail]]
    opcodes: list[tuple[str, int, int, int, int]] = [("equal", 0, head, 0, head)] if head else []
    for tag, old_start, old_end, new_start, new_end in SequenceMatcher(None, old_keys, new_keys, False).get_opcodes():
        opcodes.append((tag, head + old_start, head + old_end, head + new_start, head + new_end))
    if tail:
        opcodes.append(("equal", len(old_tokens) - tail, len(old_tokens), len(new_tokens) - tail, len(new_tokens)))
    out = _Out()
    for item in head_items:
        out.copy(item)
    for kind, old_start, old_end, new_start, new_end in opcodes:
        if kind == "equal":
            for before, after in zip(old_tokens[old_start:old_end], new_tokens[new_start:new_end], strict=True):
                if before.text == after.text:
                    out.same(before, after, change)
                else:  # the same word but for harakat, tatweel or letter forms: one change of that word
                    out.token(before, deleted=change)
                    out.token(after, inserted=change)
            continue
        for token in old_tokens[old_start:old_end]:
            out.token(token, deleted=change)
        for token in new_tokens[new_start:new_end]:
            out.token(token, inserted=change)
    for item in tail_items:
        out.copy(item)
    return out.items


def _common_ends(
    old: Sequence[Inline], new: Sequence[Inline]
) -> tuple[list[Inline], list[Inline], list[Inline], list[Inline]]:
    """What both contents begin and end with, cut where a word starts, and the middles: (head, old, new, tail).

    Found span by span and character by character, before cutting anything
    into words: a paragraph edited in one place is mostly the same.
    """
    old, new = list(old), list(new)
    head: list[Inline] = []
    while old and new and old[0] == new[0]:
        head.append(new.pop(0))
        old.pop(0)
    first_old, first_new = (old[0], new[0]) if old and new else (None, None)
    if isinstance(first_old, Span) and isinstance(first_new, Span) and _same_look(first_old, first_new):
        common = _shared_start(first_old.text, first_new.text)
        cut = _word_start_before(first_new.text, common)
        if cut:
            head.append(_part(first_new, 0, cut))
            old[0], new[0] = _part(first_old, cut, None), _part(first_new, cut, None)
    tail: list[Inline] = []
    while old and new and old[-1] == new[-1]:
        tail.insert(0, new.pop())
        old.pop()
    last_old, last_new = (old[-1], new[-1]) if old and new else (None, None)
    if isinstance(last_old, Span) and isinstance(last_new, Span) and _same_look(last_old, last_new):
        common = _shared_start(last_old.text[::-1], last_new.text[::-1])
        start = _word_start_after(last_new.text, len(last_new.text) - common)
        if start is not None:
            kept = len(last_new.text) - start
            tail.insert(0, _part(last_new, start, None))
            old[-1] = _part(last_old, 0, len(last_old.text) - kept)
            new[-1] = _part(last_new, 0, start)
    return head, old, new, tail


def _shared_start(first: str, second: str) -> int:
    # How many characters the two begin with (halving, so that the comparing is done by str).
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _same_look(first: Span, second: Span) -> bool:
    return (first.bold, first.italic, first.underline, first.comments) == (
        second.bold,
        second.italic,
        second.underline,
        second.comments,
    )


def _part(span: Span, start: int, end: int | None) -> Span:
    return Span(span.text[start:end], span.bold, span.italic, span.underline, comments=span.comments)


def _word_start_before(text: str, limit: int) -> int:
    # The last place before ``limit`` where a word starts after white space (0 if none): words do not cross it.
    place = limit - 1
    while place > 0:
        if text[place - 1].isspace() and not text[place].isspace():
            return place
        place -= 1
    return 0


def _word_start_after(text: str, limit: int) -> int | None:
    # The first place after ``limit`` where a word starts after white space (None if none).
    for place in range(limit + 1, len(text)):
        if text[place - 1].isspace() and not text[place].isspace():
            return place
    return None


def marked(content: Sequence[Inline], *, inserted: Change | None = None, deleted: Change | None = None) -> list[Inline]:
    """A copy of ``content`` with every span and reference inserted or deleted by the given change."""
    result: list[Inline] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            result.append(FootnoteRef(item.footnote_id, inserted=inserted, deleted=deleted))
        else:
            result.append(
                Span(item.text, item.bold, item.italic, item.underline, inserted, deleted, None, item.comments)
            )
    return result


def copied(content: Sequence[Inline]) -> list[Inline]:
    """A copy of ``content`` (new spans and references, no mark added)."""
    return [
        FootnoteRef(item.footnote_id, item.inserted, item.deleted)
        if isinstance(item, FootnoteRef)
        else Span(
            item.text,
            item.bold,
            item.italic,
            item.underline,
            item.inserted,
            item.deleted,
            item.old_format,
            item.comments,
        )
        for item in content
    ]


def canonical_content(content: Sequence[Inline]) -> list[Inline]:
    """``content`` without empty spans, each span joined with a neighbour of the same emphasis, marks and comments.

    Two contents that read the same (in the window and in Word) have the same canonical form.
    """
    result: list[Inline] = []
    for item in content:
        if isinstance(item, Span):
            if not item.text:
                continue
            last = result[-1] if result else None
            if isinstance(last, Span) and _same_run(last, item):
                result[-1] = Span(
                    last.text + item.text,
                    last.bold,
                    last.italic,
                    last.underline,
                    last.inserted,
                    last.deleted,
                    last.old_format,
                    last.comments,
                )
                continue
        result.append(item)
    return result


def _same_run(first: Span, second: Span) -> bool:
    return (first.bold, first.italic, first.underline, first.inserted, first.deleted, first.old_format) == (
        second.bold,
        second.italic,
        second.underline,
        second.inserted,
        second.deleted,
        second.old_format,
    ) and first.comments == second.comments


def similarity(old: Sequence[str], new: Sequence[str]) -> float:
    """How alike two token lists are, 0 to 1: twice the length of the text they share over their total length."""
    total = sum(map(len, old)) + sum(map(len, new))
    if total == 0:
        return 1.0
    matcher = SequenceMatcher(None, old, new, False)
    shared = sum(sum(map(len, old[block.a : block.a + block.size])) for block in matcher.get_matching_blocks())
    return 2 * shared / total
