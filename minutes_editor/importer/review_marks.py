"""Reading reviewers' marks in the body: tracked changes and comment ranges, onto pieces and paragraphs.

``ReviewMarks`` is the part of ``BodyReader`` (minutes_editor.importer.body)
that follows them: text inside ``w:ins``/``w:moveTo`` is inserted, inside
``w:del``/``w:moveFrom`` deleted (a move named by its range marks, which Word
opens before the moved text and LibreOffice inside it), ``w:rPrChange`` gives
the emphasis before a formatting change, a paragraph's mark carries its
insertion or deletion (``w:pPr/w:rPr``) and ``w:pPrChange`` its properties
before a change; comment ranges are followed in characters read, so that
each piece carries the comments whose range covers it. Who and when of a
change: minutes_editor.importer.revisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from minutes_editor.importer.pieces import RawParagraph, TextPiece, _Paragraph
from minutes_editor.importer.revisions import change_of
from minutes_editor.importer.styles import W_VAL, Styles, emphasis_of
from minutes_editor.model.report import Change, FormatChange
from minutes_editor.ooxml.ns import w

if TYPE_CHECKING:
    from minutes_editor.importer.pieces import BodyStats

_PPR, _PSTYLE, _RPR, _RSTYLE = w("pPr"), w("pStyle"), w("rPr"), w("rStyle")
_INS, _DEL, _MOVE_FROM, _MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
_REVISIONS = frozenset({_INS, _DEL, _MOVE_FROM, _MOVE_TO})
_RPR_CHANGE, _PPR_CHANGE = w("rPrChange"), w("pPrChange")
#: Range marks of moves, by tag: which kind of move each opens or closes.
_MOVE_STARTS = {w("moveFromRangeStart"): "from", w("moveToRangeStart"): "to"}
_MOVE_ENDS = {w("moveFromRangeEnd"): "from", w("moveToRangeEnd"): "to"}


@dataclass(frozen=True)
class _Marks:
    """The reviewers' changes around what is being read: the insertion and the deletion it is inside."""

    inserted: Change | None = None
    deleted: Change | None = None


_NO_MARKS = _Marks()


class ReviewMarks:
    """The body reader's following of tracked changes and comment ranges (mixed into ``BodyReader``)."""

    if TYPE_CHECKING:
        styles: Styles
        stats: BodyStats
        _open_comments: dict[str, None]
        _comment_starts: dict[str, int]
        _commented: set[str]
        _position: int
        _open_moves: dict[str, dict[str, str]]

        def _paragraph_properties(self, raw: RawParagraph, ppr: etree._Element | None) -> None: ...

    def _paragraph_changes(
        self, raw: RawParagraph, ppr: etree._Element | None, state: _Paragraph, marks: _Marks
    ) -> None:
        """The reviewers' changes of a paragraph's mark (``w:pPr/w:rPr``) and of its properties (``w:pPrChange``)."""
        raw.mark_inserted, raw.mark_deleted = marks.inserted, marks.deleted
        if ppr is None:
            return
        rpr = ppr.find(_RPR)
        if rpr is not None:
            for child in rpr:
                if child.tag == _INS:
                    raw.mark_inserted = change_of(child)
                elif child.tag == _MOVE_TO:
                    raw.mark_inserted = change_of(child, self._mark_move("to", state))
                elif child.tag == _DEL:
                    raw.mark_deleted = change_of(child)
                elif child.tag == _MOVE_FROM:
                    raw.mark_deleted = change_of(child, self._mark_move("from", state))
        change = ppr.find(_PPR_CHANGE)
        if change is None:
            return
        # The old properties are complete: no w:pStyle there means the default paragraph style.
        old_ppr = change.find(_PPR)
        style_element = old_ppr.find(_PSTYLE) if old_ppr is not None else None
        style_id = self.styles.paragraph_style(style_element.get(W_VAL) if style_element is not None else None)
        previous = RawParagraph(
            pieces=raw.pieces,
            style_id=style_id,
            style_names=tuple(self.styles.names_in_chain(style_id)),
            source=raw.source,
            bookmarks=raw.bookmarks,
        )
        self._paragraph_properties(previous, old_ppr)
        raw.previous = previous
        raw.previous_change = change_of(change)

    def _revision(self, element: etree._Element, marks: _Marks, state: _Paragraph | None = None) -> _Marks:
        """The changes inside a ``w:ins``, ``w:del``, ``w:moveFrom`` or ``w:moveTo``: those around it, and its own."""
        tag = element.tag
        if tag == _INS:
            return _Marks(change_of(element), marks.deleted)
        if tag == _DEL:
            return _Marks(marks.inserted, change_of(element))
        kind = "from" if tag == _MOVE_FROM else "to"
        change = change_of(element, self._content_move(kind, element))
        return _Marks(marks.inserted, change) if kind == "from" else _Marks(change, marks.deleted)

    def _content_move(self, kind: str, element: etree._Element) -> str:
        """The name of the move a ``w:moveFrom``/``w:moveTo`` belongs to: its open range's, or one it holds.

        Word opens the range before the moved text; LibreOffice writes the range's start inside it.
        """
        open_ranges = self._open_moves[kind]
        if open_ranges:
            return next(reversed(open_ranges.values()))
        start = "moveFromRangeStart" if kind == "from" else "moveToRangeStart"
        inner = next(element.iter(w(start)), None)
        return (inner.get(w("name")) or "") if inner is not None else ""

    def _mark_move(self, kind: str, state: _Paragraph) -> str:
        """The name of the move a paragraph mark belongs to: the range open at the mark, or one in the paragraph."""
        open_ranges = self._open_moves[kind]
        if open_ranges:
            return next(reversed(open_ranges.values()))
        return state.moves.get(kind, "")

    def _range_mark(self, element: etree._Element, state: _Paragraph | None) -> None:
        """Follow the start or end of a move's or a comment's range (inside a paragraph or between paragraphs)."""
        tag = element.tag
        mark_id = element.get(w("id")) or ""
        if tag in _MOVE_STARTS:
            kind = _MOVE_STARTS[tag]
            name = element.get(w("name")) or ""
            self._open_moves[kind][mark_id] = name
            if state is not None:
                state.moves[kind] = name
        elif tag in _MOVE_ENDS:
            self._open_moves[_MOVE_ENDS[tag]].pop(mark_id, None)
        elif tag == w("commentRangeStart"):
            self._open_comments[mark_id] = None
            self._comment_starts.setdefault(mark_id, self._position)
        elif tag == w("commentRangeEnd"):
            self._open_comments.pop(mark_id, None)
            start = self._comment_starts.get(mark_id, self._position)
            self.stats.comment_ranges.setdefault(mark_id, (start, self._position))
            if mark_id not in self._commented and state is not None:
                self._point_comment(state, mark_id)

    def _point_comment(self, state: _Paragraph, comment_id: str) -> None:
        """A comment on no text (an empty range, or a reference alone): an empty piece holds its place."""
        self._commented.add(comment_id)
        state.pieces.append(TextPiece("", comments=(comment_id,)))

    def _old_format(
        self, change: etree._Element, state: _Paragraph, emphasis: tuple[bool, bool, bool]
    ) -> FormatChange | None:
        """The emphasis before a tracked formatting change, or None when the change left emphasis as it was.

        The old properties are the run's whole ``w:rPr`` before the change (LibreOffice may leave them out:
        then none were set).
        """
        old = change.find(_RPR)
        style = old.find(_RSTYLE) if old is not None else None
        character_style = style.get(W_VAL) if style is not None else None
        base = self.styles.run_emphasis(state.style_id, character_style, role_style=state.role_style)
        direct = emphasis_of(old)
        before = (
            bool(direct.bold if direct.bold is not None else base.bold),
            bool(direct.italic if direct.italic is not None else base.italic),
            bool(direct.underline if direct.underline is not None else base.underline),
        )
        if before == emphasis:
            return None
        return FormatChange(change_of(change), *before)
