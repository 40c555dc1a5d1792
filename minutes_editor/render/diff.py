"""A field's successive values as one marked text: a word-level diff, step by step, as Word's tracked changes show it.

A field that is not body text (a title-block line, a heading, a session's
title or goals) holds only its current value; its pending changes hold the
values before them (model ``FieldChange``). ``marked_text`` turns the
values, oldest first, into pieces of text each marked with the step that
inserted it and the step that deleted it, so that keeping only what no step
deleted gives the newest value (Accept All) and keeping only what no step
inserted gives the oldest (Reject All). Words are the unit, as a reviewer
would have typed them: a changed word is deleted whole and its replacement
inserted after it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

M = TypeVar("M")

#: Words and the spaces between them; punctuation stays with its word, as Word's own comparison keeps it.
_TOKENS = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Piece(Generic[M]):
    """A stretch of text, the step that inserted it (None: it was there from the start) and the one that deleted it."""

    text: str
    inserted: M | None = None
    deleted: M | None = None


@dataclass(eq=False)
class _Token(Generic[M]):
    text: str
    inserted: M | None = None
    deleted: M | None = None


def tokens(text: str) -> list[str]:
    """``text`` as words and runs of white space."""
    return _TOKENS.findall(text)


def marked_text(first: str, steps: list[tuple[M, str]]) -> list[Piece[M]]:
    """The pieces of a text that was ``first`` and became each step's text in turn, each step marked by its ``M``.

    Neighbouring tokens with the same marks are joined into one piece.
    """
    current: list[_Token[M]] = [_Token(token) for token in tokens(first)]
    for mark, text in steps:
        visible = [token for token in current if token.deleted is None]
        new = tokens(text)
        matcher = difflib.SequenceMatcher(None, [token.text for token in visible], new, autojunk=False)
        before: dict[int, list[_Token[M]]] = {}
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("delete", "replace"):
                for token in visible[i1:i2]:
                    token.deleted = mark
            if tag in ("insert", "replace"):
                # After what this step deleted here, before the next word kept: where a reviewer types.
                before.setdefault(i2, []).extend(_Token(word, inserted=mark) for word in new[j1:j2])
        shown = {id(token) for token in visible}
        result: list[_Token[M]] = []
        index = 0
        for token in current:
            if id(token) in shown:
                result.extend(before.pop(index, []))
                index += 1
            result.append(token)
        result.extend(before.pop(index, []))
        current = result
    return _joined(current)


def _joined(items: list[_Token[M]]) -> list[Piece[M]]:
    pieces: list[Piece[M]] = []
    for token in items:
        if pieces and pieces[-1].inserted is token.inserted and pieces[-1].deleted is token.deleted:
            last = pieces[-1]
            pieces[-1] = Piece(last.text + token.text, last.inserted, last.deleted)
        else:
            pieces.append(Piece(token.text, token.inserted, token.deleted))
    return pieces
