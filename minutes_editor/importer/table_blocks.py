"""A draft's simple tables as blocks: a TABLE block, or ACTION blocks when the header names an action table.

A table whose header row reads as the action headers of any shipped language
(action, owner(s), deadline, status, in any order) becomes one action item
per row: the action's text with its own reviewers' marks and comments, owners
split on the owner separators (comma, Arabic comma, semicolon), the deadline
read back from CLDR's dates of the report's language (or the table's) or from
ISO, the status from the language's words. Whatever cannot be read is kept in
the action's text, with a note. A row proposed inserted or deleted is an
action item proposed so.

Any other simple table is a TABLE block. The model holds a reviewer's change
to a table only as the table proposed whole, so a table with tracked changes
inside is kept in both views: as after Reject All, proposed deleted, then as
after Accept All, proposed inserted (a view with no rows is left out: a
table inserted whole is one table proposed inserted).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Protocol

import minutes_editor.importer.notes as n
from minutes_editor.importer.body import Event, Piece, RawParagraph, TextPiece
from minutes_editor.importer.notes import ImportNote, Phrase
from minutes_editor.importer.recognise import presets
from minutes_editor.importer.tables import RawRow, RawTable
from minutes_editor.model.language import LanguagePreset, ascii_digits
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Change,
    FootnoteRef,
    Inline,
    Span,
    Table,
)

_OWNER_SPLIT = re.compile(r"\s*[,،;؛\n]\s*")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMBERS = re.compile(r"\d+")
_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_FORMATS = ("short", "medium", "long", "full")


class Builder(Protocol):
    """What of the report builder (minutes_editor.importer.mapping) the table reading uses."""

    preset: LanguagePreset
    notes: list[ImportNote]
    _pending_refs: list[FootnoteRef]

    def _span(self, piece: TextPiece, text: str) -> Span: ...
    def _content(self, pieces: list[Piece], strip: int = 0) -> list[Inline]: ...
    def _take_id(self, part: Block, paragraph: RawParagraph) -> None: ...
    def _add_block(self, block: Block) -> None: ...
    def _where(self) -> Phrase: ...
    def refs_of(self, pieces: list[Piece]) -> list[FootnoteRef]:
        """Footnote references among pieces."""

    def _event(self, event: Event, where: Phrase | None = None) -> None: ...
    def _block(self, paragraph: RawParagraph) -> None: ...


def add_table(builder: Builder, raw: RawTable) -> None:
    """Add the blocks of a draft's simple table to the report where the builder stands."""
    where = builder._where()
    if raw.joined:
        builder.notes.append(ImportNote.of(n.TABLE_CELLS_JOINED, raw.joined, place=where))
    columns = _action_columns(raw)
    if columns is not None:
        _actions(builder, raw, *columns)
    else:
        _table(builder, raw, where)
    for item in raw.after:  # what stood in the cells that is not their text: text boxes, images
        if isinstance(item, RawParagraph):
            builder._block(item)
        else:
            builder._event(item)


# ---------------------------------------------------------------- tables


def _table(builder: Builder, raw: RawTable, where: Phrase) -> None:
    header = bool(raw.rows) and raw.rows[0].header
    changed = any(row.inserted or row.deleted or _revised(row) for row in raw.rows)
    if not changed:
        builder._add_block(_table_block(builder, raw, list(raw.rows), header, accept=True))
        return
    rejected = [row for row in raw.rows if row.inserted is None]
    accepted = [row for row in raw.rows if row.deleted is None]
    deletion = _first(raw, deleted=True)
    insertion = _first(raw, deleted=False)
    if rejected and accepted:
        builder.notes.append(ImportNote.of(n.TABLE_TWO_VIEWS, place=where))
    if rejected:
        block = _table_block(builder, raw, rejected, header, accept=False)
        block.deleted = deletion or insertion
        builder._add_block(block)
    if accepted:
        block = _table_block(builder, raw, accepted, header, accept=True, ids=not rejected)
        block.inserted = insertion or deletion
        builder._add_block(block)


def _table_block(
    builder: Builder, raw: RawTable, rows: list[RawRow], header: bool, *, accept: bool, ids: bool = True
) -> Block:
    cells = [
        [_cell_spans(builder, cell.accepted() if accept else cell.rejected(), bold=not (header and index == 0))]
        for index, row in enumerate(rows)
        for cell in row.cells
    ]
    columns = raw.columns
    table = Table(rows=[[cell[0] for cell in cells[i : i + columns]] for i in range(0, len(cells), columns)])
    table.header = header
    block = Block(BlockKind.TABLE, [], table=table)
    if ids and raw.rows and raw.rows[0].cells:
        builder._take_id(block, raw.rows[0].cells[0])
    return block


def _cell_spans(builder: Builder, cell: RawParagraph, *, bold: bool) -> list[Span]:
    """A cell's text as spans with emphasis and comments; a header cell's bold is the header's look."""
    pieces = [piece for piece in cell.pieces if isinstance(piece, TextPiece)]
    builder._pending_refs.extend(builder.refs_of(cell.pieces))  # a note mark goes to the next paragraph
    spans: list[Span] = []
    for piece in pieces:
        if not piece.text and not piece.comments:
            continue
        span = builder._span(piece, piece.text)
        span.inserted = span.deleted = span.old_format = None
        if not bold:
            span.bold = False
        if spans and _same(spans[-1], span) and span.text:
            spans[-1].text += span.text
        else:
            spans.append(span)
    return spans


def _same(one: Span, other: Span) -> bool:
    return (one.bold, one.italic, one.underline, one.comments) == (
        other.bold,
        other.italic,
        other.underline,
        other.comments,
    )


def _revised(row: RawRow) -> bool:
    return any(cell.revised for cell in row.cells)


def _first(raw: RawTable, *, deleted: bool) -> Change | None:
    """The first deletion (or insertion) met in a table: a row's or its text's."""
    for row in raw.rows:
        change = row.deleted if deleted else row.inserted
        if change is not None:
            return change
        for cell in row.cells:
            for piece in cell.pieces:
                found = piece.deleted if deleted else piece.inserted
                if found is not None:
                    return found
    return None


# ---------------------------------------------------------------- action items


@cache
def _action_headers() -> dict[tuple[str, ...], LanguagePreset]:
    return {tuple(_fold(word) for word in preset.actions.headers): preset for preset in presets()}


def _fold(text: str) -> str:
    return " ".join(_MARKS.sub("", text).split()).casefold()


def _action_columns(raw: RawTable) -> tuple[LanguagePreset, list[int]] | None:
    """The language of an action table and where its four columns are, or None for any other table."""
    if raw.columns != 4 or not raw.rows:
        return None
    found = [_fold(cell.text) for cell in raw.rows[0].cells]
    for headers, preset in _action_headers().items():
        if sorted(found) == sorted(headers):
            return preset, [found.index(header) for header in headers]
    return None


def _actions(builder: Builder, raw: RawTable, table_preset: LanguagePreset, columns: list[int]) -> None:
    where = builder._where()
    action_at, owners_at, deadline_at, status_at = columns
    for row in raw.rows[1:]:
        cells = row.cells
        text = cells[action_at]
        content = builder._content(text.pieces)
        fields = [cells[owners_at], cells[deadline_at], cells[status_at]]
        for cell in fields:
            if any(_own_change(piece, row) for piece in cell.pieces if isinstance(piece, TextPiece)):
                builder.notes.append(ImportNote.of(n.ACTION_CHANGE_ACCEPTED, place=where, text=cell.text))
        owners_text, deadline_text, status_text = (_field_text(cell, row) for cell in fields)
        owners: list[str] = []
        for name in _OWNER_SPLIT.split(owners_text):
            if name.strip() and name.strip() not in owners:
                owners.append(name.strip())
        item = ActionItem(owners=owners)
        kept: list[tuple[str, str]] = []
        if deadline_text:
            item.deadline = parse_deadline(deadline_text, (builder.preset, table_preset))
            if item.deadline is None:
                kept.append((table_preset.actions.deadline, deadline_text))
        status = _status(status_text, (builder.preset, table_preset))
        if status is None:
            kept.append((table_preset.actions.status, status_text))
        else:
            item.status = status
        for label, value in kept:
            builder.notes.append(ImportNote.of(n.ACTION_FIELD_KEPT, field=label, text=value, place=where))
            content.append(Span(f" ({label}: {value})"))
        block = Block(BlockKind.ACTION, content, inserted=row.inserted, deleted=row.deleted, action=item)
        builder._take_id(block, text)
        builder._add_block(block)


def _own_change(piece: TextPiece, row: RawRow) -> bool:
    """Whether a piece of an owner, deadline or status cell carries a change other than its row's."""
    return (piece.inserted is not None and piece.inserted != row.inserted) or (
        piece.deleted is not None and piece.deleted != row.deleted
    )


def _field_text(cell: RawParagraph, row: RawRow) -> str:
    """An owner, deadline or status cell's text with its own changes accepted (a row's deletion is the item's)."""
    kept = (piece.text for piece in cell.pieces if isinstance(piece, TextPiece))
    if row.deleted is None:
        return cell.text.strip()
    return (
        "".join(
            piece.text
            for piece in cell.pieces
            if isinstance(piece, TextPiece) and (piece.deleted is None or piece.deleted == row.deleted)
        ).strip()
        or "".join(kept).strip()
    )


def _status(text: str, languages: tuple[LanguagePreset, ...]) -> ActionStatus | None:
    if not text:
        return ActionStatus.OPEN
    folded = _fold(text)
    for preset in (*languages, *presets()):
        if folded == _fold(preset.actions.done):
            return ActionStatus.DONE
        if folded == _fold(preset.actions.open):
            return ActionStatus.OPEN
    if folded in ("open", "done"):
        return ActionStatus(folded)
    return None


def parse_deadline(text: str, languages: tuple[LanguagePreset, ...]) -> dt.date | None:
    """A deadline as a report's language writes it (CLDR, through Babel, any of its formats) or in ISO form."""
    plain = ascii_digits(_MARKS.sub("", text)).strip()
    iso = _ISO.fullmatch(plain)
    if iso:
        return _date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    for preset in languages:
        for locale in preset.date_locales:
            found = _parse_in(plain, locale)
            if found is not None:
                return found
    return None


def _parse_in(text: str, locale: str) -> dt.date | None:
    from babel import Locale
    from babel.dates import format_date

    try:
        known = Locale.parse(locale)
    except (ValueError, TypeError):
        return None
    numbers = [int(number) for number in _NUMBERS.findall(text)]
    folded = text.casefold()
    month = None
    names: list[tuple[str, int]] = []
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names += [
                (str(name).casefold().rstrip("."), number) for number, name in known.months[context][width].items()
            ]
    for name, number in sorted(names, key=lambda item: -len(item[0])):
        if name and name in folded:
            month = number
            break
    candidate = None
    if month is not None and len(numbers) == 2:
        year = next((value for value in numbers if value > 31), numbers[-1])
        day = next((value for value in numbers if value != year), 0)
        candidate = _date(year, month, day)
    elif month is None and len(numbers) == 3:
        pattern = str(known.date_formats["short"].pattern)
        order = sorted("dMy", key=pattern.find)
        values = dict(zip(order, numbers, strict=True))
        year = values["y"] + 2000 if values["y"] < 100 else values["y"]
        candidate = _date(year, values["M"], values["d"])
    if candidate is None:
        return None
    # The date must read back as written in one of the locale's formats, or at least name its numbers.
    written = {_MARKS.sub("", ascii_digits(str(format_date(candidate, kind, locale=locale)))) for kind in _FORMATS}
    if " ".join(text.split()) in {" ".join(item.split()) for item in written} or numbers:
        return candidate
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
