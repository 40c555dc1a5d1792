"""The layout of a report in a shared Yjs document: the names of its parts, their limits, and the JSON of its values.

docs/collaboration.md describes the same layout for any Yjs client; change both together.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from minutes_editor.model.report import (
    BlockFormatChange,
    Change,
    FieldChange,
    FootnoteRef,
    FormatChange,
    Inline,
    Participant,
    Span,
)

#: ``meta.format``: what the document holds. ``meta.version``: its layout; a reader refuses a newer one.
FORMAT = "minutes-editor-report"
LAYOUT_VERSION = 2

# The document's root types (all Y.Map but ``field_changes``, a Y.Array).
META = "meta"
TITLE = "title"
SECTIONS = "sections"
SESSIONS = "sessions"
BLOCKS = "blocks"
FOOTNOTES = "footnotes"
COMMENTS = "comments"
FIELD_CHANGES = "field_changes"
ROOTS = (META, TITLE, SECTIONS, SESSIONS, BLOCKS, FOOTNOTES, COMMENTS, FIELD_CHANGES)

#: The title block's text fields (each a Y.Text) and its moments (ISO 8601 strings or null).
TITLE_TEXTS = ("meeting", "subtitle", "timezone", "location", "status")
TITLE_MOMENTS = ("date", "start_time", "end_time")

#: The order key of an item in its list (minutes_editor/collab/order.py).
POS = "pos"

# Formatting attributes of body and footnote text (Quill's names for emphasis).
BOLD = "bold"
ITALIC = "italic"
UNDERLINE = "underline"
INSERTED = "inserted"
DELETED = "deleted"
OLD_FORMAT = "old_format"
COMMENT_IDS = "comments"
EMPHASIS = (BOLD, ITALIC, UNDERLINE)
SPAN_ATTRIBUTES = frozenset({BOLD, ITALIC, UNDERLINE, INSERTED, DELETED, OLD_FORMAT, COMMENT_IDS})
REF_ATTRIBUTES = frozenset({INSERTED, DELETED})
#: Embeds in body text: a footnote's reference mark, and the place of a comment on no text (an empty span).
FOOTNOTE_EMBED = "footnote"
EMPTY_EMBED = "empty"

# Limits on what a reader accepts from the network (a report 100 times the reference one holds about
# 800 sections and 9,000 blocks, and 2 MB of text).
MAX_ITEMS = 200_000  # sections, sessions, blocks, footnotes or comments, each
MAX_TEXT_BYTES = 1 << 20  # one paragraph, heading or field, in UTF-8
MAX_TOTAL_TEXT_BYTES = 64 << 20  # all the report's text
MAX_STRING = 4096  # a plain string value: an author, an id, a language tag
MAX_LIST = 10_000  # participants, goals, a comment's paragraphs, a span's comments, field changes
MAX_KEY_LENGTH = 1024  # an order key

Json = dict[str, Any]


def mend(text: str) -> str:
    """``text`` with what UTF-8 cannot hold mended, as the .minutes encoder does (lone surrogate halves)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def moment_text(value: dt.datetime | dt.date | dt.time | None) -> str | None:
    """A date, time or moment as ISO 8601 (None for none); a moment's offset is kept to the second."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        if offset is not None and offset.microseconds:
            # Python 3.11 misreads a fraction of a second in an offset (storage/encoder.py says the same).
            value = value.replace(tzinfo=dt.timezone(dt.timedelta(seconds=int(offset.total_seconds()))))
    return value.isoformat()


def change_json(change: Change) -> Json:
    """A pending change's who and when."""
    return {"author": change.author, "date": moment_text(change.date), "move": change.move}


def format_change_json(change: FormatChange) -> Json:
    """A pending emphasis change: the emphasis before it, who and when."""
    return {"change": change_json(change.change), BOLD: change.bold, ITALIC: change.italic, UNDERLINE: change.underline}


def block_format_json(change: BlockFormatChange | None) -> Json | None:
    """A pending change of a block's kind or level: what it was, who and when."""
    if change is None:
        return None
    return {"change": change_json(change.change), "kind": change.kind.value, "level": change.level}


def optional_change(change: Change | None) -> Json | None:
    """A change's JSON, or None."""
    return None if change is None else change_json(change)


def span_attributes(span: Span) -> Json:
    """The Yjs attributes of a span: only what it has."""
    attributes: Json = {}
    if span.bold:
        attributes[BOLD] = True
    if span.italic:
        attributes[ITALIC] = True
    if span.underline:
        attributes[UNDERLINE] = True
    if span.inserted is not None:
        attributes[INSERTED] = change_json(span.inserted)
    if span.deleted is not None:
        attributes[DELETED] = change_json(span.deleted)
    if span.old_format is not None:
        attributes[OLD_FORMAT] = format_change_json(span.old_format)
    if span.comments:
        attributes[COMMENT_IDS] = list(span.comments)
    return attributes


def ref_attributes(ref: FootnoteRef) -> Json:
    """The Yjs attributes of a footnote reference: its pending insertion or deletion."""
    attributes: Json = {}
    if ref.inserted is not None:
        attributes[INSERTED] = change_json(ref.inserted)
    if ref.deleted is not None:
        attributes[DELETED] = change_json(ref.deleted)
    return attributes


#: A run of body text: a string or an embed (a dict), and its attributes.
Piece = tuple[str | Json, Json]


def content_pieces(content: list[Inline] | list[Span]) -> list[Piece]:
    """A block's or footnote's content as Y.Text runs: spans as text, references and empty commented spans as embeds.

    An empty span means something only when a comment is anchored on it (docs/review.md); others are left
    out. Neighbouring spans of one emphasis become one run: Y.Text (as Word) holds runs, not spans.
    """
    pieces: list[Piece] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            pieces.append(({FOOTNOTE_EMBED: item.footnote_id}, ref_attributes(item)))
        elif item.text:
            pieces.append((mend(item.text), span_attributes(item)))
        elif item.comments:
            pieces.append(({EMPTY_EMBED: True}, span_attributes(item)))
    return pieces


def field_change_json(change: FieldChange) -> Json:
    """A pending field change: the field, its owner's id, the value before (dates and times as ISO 8601)."""
    old: object = change.old
    if isinstance(old, dt.date | dt.time):
        old = moment_text(old)
    elif isinstance(old, list):
        old = [
            {"name": mend(item.name), "code": mend(item.code)} if isinstance(item, Participant) else mend(item)
            for item in old
        ]
    elif isinstance(old, str):
        old = mend(old)
    return {"field": change.field_name, "owner": change.owner, "old": old, "change": change_json(change.change)}
