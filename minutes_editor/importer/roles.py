"""How the report builder tells a paragraph's role: the template's style keys, word limits and tests on a line.

The style keys of our template's roles (``TITLE``, ``GOALS``, ``LABEL``...)
as ``style_key`` gives them, the number of words a typed heading, label or
title may have, and what a paragraph says of its role: its template role
style, a heading level from a built-in style or outline level, a list
style's level, a heading bookmark's section kind, all bold, a plain line,
note marks. Used by minutes_editor.importer.mapping and the parts of its
builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_editor.importer.pieces import NoteMarker, Piece, RawParagraph, TextPiece
from minutes_editor.importer.recognise import typed_bullet
from minutes_editor.model.report import SectionKind
from minutes_editor.ooxml import vocabulary as vocab


def _key(style: vocab.StyleName) -> str:
    return vocab.style_key(style.xml_name)


TITLE = _key(vocab.TITLE)
SUBTITLE = _key(vocab.SUBTITLE)
DATE_LINE = _key(vocab.MEETING_DATE)
LOCATION_LINE = _key(vocab.MEETING_LOCATION)
STATUS = _key(vocab.DOCUMENT_STATUS)
GOALS = _key(vocab.SESSION_GOALS)
LABEL = _key(vocab.LEAD_IN_LABEL)
PARTICIPANTS = _key(vocab.PARTICIPANTS)
TITLE_STYLES = frozenset({TITLE, SUBTITLE, DATE_LINE, LOCATION_LINE, STATUS})
BODY = _key(vocab.BODY_TEXT)
BULLET = _key(vocab.LIST_BULLET)
#: Paragraph styles of the template: a paragraph in one of them is read by its style, never by guesswork.
ROLE_STYLES = frozenset(_key(style) for style in vocab.ROLE_STYLES.values())
#: Block styles whose empty paragraphs are blocks (our writer exports empty blocks as empty paragraphs).
BLOCK_STYLES = frozenset({BODY, BULLET, LABEL})
_HEADING_STYLE = re.compile(r"heading (\d)")
_LIST_STYLE = re.compile(r"list (?:bullet|number|continue)?\s*(\d)?")
#: A heading typed or numbered by hand is short: at most this many words.
HEADING_WORDS = 15
LABEL_WORDS = 10
TITLE_WORDS = 40


@dataclass
class _Heading:
    level: int
    text: str
    #: The section kind (or "session") a bookmark on the heading names, if any.
    marker: SectionKind | str | None = None


def heading_marker(paragraph: RawParagraph) -> SectionKind | str | None:
    """The section kind, or "session", that a bookmark on a heading paragraph names."""
    for name in paragraph.bookmarks:
        match = vocab.HEADING_MARK.fullmatch(name)
        if match is None:
            continue
        value = match.group(1)
        if value == vocab.SESSION_MARK:
            return vocab.SESSION_MARK
        if value in {kind.value for kind in SectionKind}:
            return SectionKind(value)
    return None


def made_from_our_template(style_names: set[str]) -> bool:
    """Whether a styles part defines the styles only our report template has (any two of them)."""
    distinctive = {DATE_LINE, LOCATION_LINE, STATUS, GOALS, LABEL, PARTICIPANTS}
    return len(distinctive & style_names) >= 2


def role_style(paragraph: RawParagraph) -> str | None:
    """The template role style of a paragraph (its own style or one it is based on), or None."""
    for name in paragraph.style_names:
        if name in ROLE_STYLES:
            return name
    return None


def _styled_heading_level(paragraph: RawParagraph) -> int | None:
    if paragraph.source != "body":
        return None
    for name in paragraph.style_names:
        match = _HEADING_STYLE.fullmatch(name)
        if match:
            return int(match.group(1))
    if paragraph.outline is not None:
        return paragraph.outline + 1
    return None


def _list_style_level(paragraph: RawParagraph) -> int | None:
    for name in paragraph.style_names:
        match = _LIST_STYLE.fullmatch(name)
        if match and name not in ("list", "list paragraph", "list continue"):
            return int(match.group(1) or 1)
    return None


def _all_bold(paragraph: RawParagraph) -> bool:
    texts = [
        piece
        for piece in paragraph.pieces
        if isinstance(piece, TextPiece) and piece.text.strip() and piece.deleted is None
    ]
    return bool(texts) and all(piece.bold for piece in texts)


def _plain_line(paragraph: RawParagraph, max_words: int) -> bool:
    return (
        paragraph.source == "body"
        and paragraph.list_kind is None
        and typed_bullet(paragraph.text) is None
        and 0 < len(paragraph.text.split()) <= max_words
    )


def _refs(pieces: list[Piece]) -> bool:
    return any(isinstance(piece, NoteMarker) for piece in pieces)
