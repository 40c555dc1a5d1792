"""Footnotes and comments of the report being built: note marks, notes' text, comments and their ranges.

The builder's part (mixed into ``Builder``, minutes_editor.importer.mapping)
that numbers the footnotes and endnotes in the order their marks are met
(a NOTEREF cross-reference is its note's mark; a note no mark refers to
comes last), reads a note's paragraphs as one run of spans, makes a text
piece a span carrying the report's ids of the comments on it, and turns the
comments of comments.xml (minutes_editor.importer.revisions) into the
report's, each on the text its range covers or on the field of a line that
is not body text.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import minutes_editor.importer.notes as n
from minutes_editor.importer.notes import ImportNote, Phrase
from minutes_editor.importer.pieces import Event, NoteMarker, NoteText, Piece, RawParagraph, Source, TextPiece
from minutes_editor.model.report import Comment, Footnote, FootnoteRef, Report, Span, new_id


class FootnotesComments:
    """The builder's footnotes and comments."""

    if TYPE_CHECKING:
        source: Source
        report: Report
        notes: list[ImportNote]
        _counts: Counter[str]
        _note_ids: dict[tuple[str, str], str]
        _comment_ids: dict[str, str]
        _comment_order: dict[str, int]
        _anchored: set[str]
        _comment_fields: dict[str, tuple[str, str]]

        def _event(self, event: Event, where: Phrase | None = None) -> None: ...

    def _span(self, piece: TextPiece, text: str) -> Span:
        """A piece as a span, its comments named by the report's ids."""
        self._anchored.update(piece.comments)
        return Span(
            text,
            piece.bold,
            piece.italic,
            piece.underline,
            inserted=piece.inserted,
            deleted=piece.deleted,
            old_format=piece.old_format,
            comments=self._comment_ids_of(piece.comments) if piece.comments else (),
        )

    def _comment_ids_of(self, file_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The report's ids of comments, in the order of comments.xml (LibreOffice opens a reply's range first)."""
        # A comment mark whose comment comments.xml lacks anchors nothing.
        known = [file_id for file_id in file_ids if file_id in self._comment_order]
        return tuple(self._comment_id(file_id) for file_id in sorted(known, key=self._comment_order.__getitem__))

    def _comment_id(self, file_id: str) -> str:
        """The report's id of the comment the file calls ``file_id``."""
        found = self._comment_ids.get(file_id)
        if found is None:
            found = self._comment_ids[file_id] = new_id()
        return found

    def _field_comments(self, paragraph: RawParagraph, field_name: str, owner: str) -> None:
        """Comments whose range is in a line that is not body text: on that field (unless on body text too)."""
        for file_id in paragraph.comment_ids():
            self._comment_fields.setdefault(file_id, (field_name, owner))

    def _comments(self) -> None:
        """The comments of comments.xml, in its order, with their threads and what they are on."""
        for part in self.source.comments:
            field_name, owner = "", ""
            if part.file_id not in self._anchored:
                field_name, owner = self._comment_fields.get(part.file_id, ("", ""))
            self.report.comments.append(
                Comment(
                    id=self._comment_id(part.file_id),
                    author=part.author,
                    text=list(part.paragraphs),
                    date=part.date,
                    initials=part.initials,
                    parent=self._comment_id(part.parent) if part.parent else "",
                    done=part.done,
                    field_name=field_name,
                    owner=owner,
                )
            )

    def refs_of(self, pieces: list[Piece]) -> list[FootnoteRef]:
        """Footnote references among a paragraph's pieces (for lines that cannot hold them)."""
        refs = [self._ref(piece) for piece in pieces if isinstance(piece, NoteMarker)]
        return [ref for ref in refs if ref is not None]

    def _ref(self, marker: NoteMarker) -> FootnoteRef | None:
        inserted, deleted = marker.inserted, marker.deleted
        if marker.kind == "ref":
            target = self.source.bookmark_notes.get(marker.note_id)
            if target is None:
                self._counts["broken note cross-references"] += 1
                return None
            marker = target
        key = (marker.kind, marker.note_id)
        if key not in self.source.notes:
            self._counts["missing notes"] += 1
            return None
        note_id = self._note_ids.get(key)
        if note_id is None:
            note_id = str(len(self._note_ids) + 1)
            self._note_ids[key] = note_id
        return FootnoteRef(note_id, inserted=inserted, deleted=deleted)

    def _footnotes(self) -> None:
        for key in self.source.notes:
            if key not in self._note_ids:
                self._note_ids[key] = str(len(self._note_ids) + 1)
                self._counts["unreferenced notes"] += 1
        endnotes = 0
        for key, note_id in self._note_ids.items():
            note = self.source.notes[key]
            endnotes += note.kind == "endnote"
            self.report.footnotes.append(Footnote(note_id, self._note_content(note)))
        if endnotes:
            self.notes.append(ImportNote.of(n.ENDNOTES, endnotes))

    def _note_content(self, note: NoteText) -> list[Span]:
        """A note's paragraphs as one run of spans: a space between paragraphs, carrying the change of the mark."""
        pieces: list[Piece] = []
        last: RawParagraph | None = None
        for item in note.items:
            if isinstance(item, Event):
                self._event(item, where=Phrase.of(n.IN_FOOTNOTE))
                continue
            if pieces and item.pieces and last is not None:
                pieces.append(TextPiece(" ", inserted=last.mark_inserted, deleted=last.mark_deleted))
            pieces.extend(item.pieces)
            if item.pieces:
                last = item
        spans: list[Span] = []
        for piece in pieces:
            if isinstance(piece, NoteMarker):
                self._counts["marks inside notes"] += 1
                continue
            spans.append(self._span(piece, piece.text))
        # Word puts one space between the note's mark and its text, LibreOffice a tab.
        first = next((span for span in spans if span.text), None)
        if first is not None and first.text.startswith((" ", "\t")) and not (first.inserted or first.deleted):
            first.text = first.text[1:]
        return _merge_spans([span for span in spans if span.text or span.comments])


def _merge_spans(spans: list[Span]) -> list[Span]:
    """Join neighbouring spans of equal emphasis, changes and comments, in linear time."""
    groups: list[tuple[Span, list[str]]] = []
    for span in spans:
        if groups and _same_marks(groups[-1][0], span):
            groups[-1][1].append(span.text)
        else:
            groups.append((span, [span.text]))
    merged = []
    for first, texts in groups:
        first.text = "".join(texts)
        merged.append(first)
    return merged


def _same_marks(one: Span, other: Span) -> bool:
    return (
        one.bold == other.bold
        and one.italic == other.italic
        and one.underline == other.underline
        and one.inserted == other.inserted
        and one.deleted == other.deleted
        and one.old_format == other.old_format
        and one.comments == other.comments
    )
