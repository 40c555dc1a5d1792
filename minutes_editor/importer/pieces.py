"""What the body reader reads a document into: paragraphs of text pieces and events, with reviewers' marks.

``RawParagraph`` is a paragraph as Word shows it (its pieces, style, outline,
numbering, indent, the changes of its mark and of its properties),
``TextPiece`` a stretch of its text with emphasis, reviewers' marks and
comments, ``NoteMarker`` a footnote or endnote reference, ``Event`` what the
report model cannot hold where it stood, and ``BodyStats`` what the reader
saw on the way. ``_merge`` joins the pieces Word splits for no visible
reason; ``_Paragraph`` is the reader's state while reading one paragraph.
``Source`` is everything read from the package that the report builder
(minutes_editor.importer.mapping) makes the report from, with each note's
paragraphs (``NoteText``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from minutes_editor.importer.revisions import CommentPart
from minutes_editor.model.report import Change, FormatChange


@dataclass(slots=True)
class TextPiece:
    """Text with its effective emphasis, the reviewers' marks on it and the comments whose range covers it.

    Treated as a value (never changed once made: ``dataclasses.replace`` makes another); not frozen, as a
    frozen dataclass of eight fields takes twice as long to make, and a long report has hundreds of thousands.
    """

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    inserted: Change | None = None
    deleted: Change | None = None
    old_format: FormatChange | None = None
    #: File ids of the comments whose range covers the text, in the order their ranges open.
    comments: tuple[str, ...] = ()

    def same_marks(self, other: TextPiece) -> bool:
        """Whether two pieces differ only in their text (so they read as one)."""
        return (
            self.bold == other.bold
            and self.italic == other.italic
            and self.underline == other.underline
            and self.inserted == other.inserted
            and self.deleted == other.deleted
            and self.old_format == other.old_format
            and self.comments == other.comments
        )


@dataclass(slots=True)
class NoteMarker:
    """A footnote or endnote reference mark; ``note_id`` is the w:id in the notes part."""

    kind: str
    note_id: str
    inserted: Change | None = None
    deleted: Change | None = None


Piece = TextPiece | NoteMarker


@dataclass
class RawParagraph:
    """A paragraph as Word shows it: text pieces plus what tells its role (style, outline, numbering, indent)."""

    pieces: list[Piece]
    style_id: str | None = None
    style_names: tuple[str, ...] = ()
    outline: int | None = None
    list_kind: str | None = None
    list_level: int = 0
    list_text: str = ""
    indent: int | None = None
    bidi: bool | None = None
    source: str = "body"
    #: Names of the bookmarks that start in the paragraph (a writer may name a heading's section kind so).
    bookmarks: tuple[str, ...] = ()
    #: A reviewer's insertion or deletion of the paragraph's mark (its end).
    mark_inserted: Change | None = None
    mark_deleted: Change | None = None
    #: The paragraph as its properties were before a tracked change of them (``w:pPrChange``), and that change.
    previous: RawParagraph | None = None
    previous_change: Change | None = None

    @property
    def text(self) -> str:
        """The paragraph's text once every change is accepted (deleted text left out), note marks left out."""
        return "".join(piece.text for piece in self.pieces if isinstance(piece, TextPiece) and piece.deleted is None)

    @property
    def rejected_text(self) -> str:
        """The paragraph's text once every change is rejected (inserted text left out)."""
        return "".join(piece.text for piece in self.pieces if isinstance(piece, TextPiece) and piece.inserted is None)

    @property
    def all_text(self) -> str:
        """All the paragraph's text, inserted and deleted alike."""
        return "".join(piece.text for piece in self.pieces if isinstance(piece, TextPiece))

    @property
    def revised(self) -> bool:
        """Whether any of the paragraph's text or marks is inserted or deleted."""
        return any(piece.inserted or piece.deleted for piece in self.pieces)

    def accepted(self) -> RawParagraph:
        """The paragraph with every insertion and deletion of its content accepted."""
        pieces: list[Piece] = [
            replace(piece, inserted=None, deleted=None) for piece in self.pieces if not piece.deleted
        ]
        return replace(self, pieces=pieces, mark_inserted=None, mark_deleted=None)

    def rejected(self) -> RawParagraph:
        """The paragraph with every insertion and deletion of its content rejected."""
        pieces: list[Piece] = [
            replace(piece, inserted=None, deleted=None) for piece in self.pieces if not piece.inserted
        ]
        return replace(self, pieces=pieces, mark_inserted=None, mark_deleted=None)

    def comment_ids(self) -> list[str]:
        """File ids of the comments whose range covers some of the paragraph, in order."""
        found: dict[str, None] = {}
        for piece in self.pieces:
            if isinstance(piece, TextPiece):
                found.update(dict.fromkeys(piece.comments))
        return list(found)

    def first_change(self) -> Change | None:
        """The first reviewer's change met in the paragraph: its content's, else its mark's."""
        for piece in self.pieces:
            change = piece.inserted or piece.deleted
            if change is not None:
                return change
        return self.mark_inserted or self.mark_deleted

    @property
    def style_name(self) -> str:
        """Lower-cased name of the paragraph's own style."""
        return self.style_names[0] if self.style_names else ""

    def has_style(self, *names: str) -> bool:
        """Whether the paragraph's style, or a style it is based on, has one of these (lower-case) names."""
        return any(name in names for name in self.style_names)


@dataclass(frozen=True)
class Event:
    """Something the report model cannot hold, at the place it stood: a table, an image, a text box, an equation."""

    kind: str
    detail: str


Item = RawParagraph | Event


@dataclass
class BodyStats:
    """What the reader saw on the way, for notes and for guessing the language."""

    fields: Counter[str] = field(default_factory=Counter)
    links: list[str] = field(default_factory=list)
    #: Where each comment's range starts and ends, counted in characters read (LibreOffice's replies share one).
    comment_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Tracked formatting changes of what a report does not hold (fonts, sizes, spacing): left out.
    format_changes: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    rtl_paragraphs: int = 0
    paragraphs: int = 0


@dataclass
class _Paragraph:
    """State while reading one paragraph."""

    style_id: str | None
    role_style: bool
    pieces: list[Piece] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    after: list[Item] = field(default_factory=list)
    #: The last move range of each kind ("from", "to") that started in the paragraph.
    moves: dict[str, str] = field(default_factory=dict)


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring text pieces of equal emphasis and marks, as Word splits runs for no visible reason.

    Linear in the number of pieces: texts are collected and joined once per
    stretch of equal marks (a paragraph can hold a hundred thousand runs).
    An empty piece is dropped, unless it holds the place of a comment on no text.
    """
    merged: list[Piece] = []
    texts: list[str] = []
    current: TextPiece | None = None

    def close() -> None:
        if current is not None and (texts or current.comments):
            text = "".join(texts)
            merged.append(current if current.text == text else replace(current, text=text))
        texts.clear()

    for piece in pieces:
        if isinstance(piece, NoteMarker):
            close()
            current = None
            merged.append(piece)
            continue
        if not piece.text and not piece.comments:
            continue
        if current is None or not piece.same_marks(current):
            close()
            current = piece
        if piece.text:
            texts.append(piece.text)
    close()
    return merged


@dataclass
class NoteText:
    """A footnote's or endnote's paragraphs, as read from its part."""

    kind: str
    note_id: str
    items: list[Item]


@dataclass
class Source:
    """Everything read from the package that the report is built from."""

    items: list[Item]
    notes: dict[tuple[str, str], NoteText]
    comments: list[CommentPart]
    stats: BodyStats
    bookmark_notes: dict[str, NoteMarker]
