"""The .minutes loader's readers of a body: its blocks (paragraphs, bullets, labels, tables, action items) and text.

Each reads one JSON value as format version 3 allows it, or raises
``InvalidFieldError`` naming the field's path
(``sections[1].blocks[4].table.rows[2]: has 2 cells where the first row has 3``).
The shape rules a block's kind imposes are the model's (``rules.check_block``),
asked last; the checks before them name the exact field. minutes_file.py reads
the rest of the report. See docs/file-format.md. Nothing here imports Qt.
"""

from __future__ import annotations

from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    ActionItem,
    ActionStatus,
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    FootnoteRef,
    FormatChange,
    Inline,
    Span,
    Table,
)
from minutes_editor.model.rules import (
    FORMAT_KINDS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    OperationRefusedError,
    check_block,
)
from minutes_editor.storage import messages as m
from minutes_editor.storage.field_checks import (
    InvalidFieldError,
    Json,
    _bool,
    _date,
    _datetime,
    _enum,
    _id,
    _identifier,
    _int,
    _items,
    _keys,
    _show,
    _str,
)


def _blocks(value: object, path: str) -> list[Block]:
    return [_block(item, f"{path}[{i}]") for i, item in _items(value, path)]


_BLOCK_REQUIRED = frozenset({"id", "type"})
_BLOCK_OPTIONAL = frozenset({"content", "level", "inserted", "deleted", "old_format", "table", "action"})
_SPAN_REQUIRED = frozenset({"text"})
_SPAN_OPTIONAL = frozenset({"bold", "italic", "underline", "inserted", "deleted", "old_format", "comments"})
_REF_REQUIRED = frozenset({"footnote"})
_REF_OPTIONAL = frozenset({"inserted", "deleted"})


def _block(value: object, path: str) -> Block:
    obj = _keys(value, path, required=_BLOCK_REQUIRED, optional=_BLOCK_OPTIONAL)
    part_id = _id(obj["id"], f"{path}.id")
    kind = _enum(BlockKind, obj["type"], f"{path}.type")
    if "level" in obj and kind is not BlockKind.BULLET:
        raise InvalidFieldError.at(f"{path}.level", m.ONLY_BULLET, kind=str(kind))
    level = _int(obj.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL)
    block = Block(kind=kind, content=_inlines(obj.get("content", []), f"{path}.content"), level=level, id=part_id)
    if len(obj) > 2 + ("level" in obj) + ("content" in obj):  # marks, a table or an action item (rare)
        block.inserted = _mark(obj, "inserted", path)
        block.deleted = _mark(obj, "deleted", path)
        if "old_format" in obj:
            block.old_format = _block_format_change(obj["old_format"], f"{path}.old_format")
        if "table" in obj:
            if kind is not BlockKind.TABLE:
                raise InvalidFieldError.at(f"{path}.table", m.ONLY_TABLE, kind=str(kind))
            block.table = _table(obj["table"], f"{path}.table")
        if "action" in obj:
            if kind is not BlockKind.ACTION:
                raise InvalidFieldError.at(f"{path}.action", m.ONLY_ACTION, kind=str(kind))
            block.action = _action(obj["action"], f"{path}.action")
    if kind is BlockKind.TABLE or kind is BlockKind.ACTION:
        _check_kind(block, path)
    return block


def _check_kind(block: Block, path: str) -> None:
    # A table or an action item has its part; a table no text or format change of its own. The model's rule
    # (rules.check_block) has the last word: what it refuses that the checks here do not name is refused too.
    if block.kind is BlockKind.TABLE:
        if block.table is None:
            raise InvalidFieldError.at(f"{path}.table", m.IS_MISSING)
        if block.content:
            raise InvalidFieldError.at(f"{path}.content", m.TABLE_HAS_NO_TEXT)
        if block.old_format is not None:
            raise InvalidFieldError.at(f"{path}.old_format", m.TABLE_HAS_NO_FORMAT_CHANGE)
    elif block.action is None:
        raise InvalidFieldError.at(f"{path}.action", m.IS_MISSING)
    try:
        check_block(block)
    except OperationRefusedError as error:
        raise InvalidFieldError(path, str(error)) from error


def _table(value: object, path: str) -> Table:
    obj = _keys(value, path, required={"rows"}, optional={"header"})
    where = f"{path}.rows"
    rows = _items(obj["rows"], where)
    if not 1 <= len(rows) <= MAX_TABLE_ROWS:
        raise InvalidFieldError.at(where, m.TABLE_ROWS, count=len(rows), limit=MAX_TABLE_ROWS)
    table = Table(header=_bool(obj.get("header", True), f"{path}.header"))
    width = 0
    for r_index, row in rows:
        row_path = f"{where}[{r_index}]"
        cells = _items(row, row_path)
        if not 1 <= len(cells) <= MAX_TABLE_COLUMNS:
            raise InvalidFieldError.at(row_path, m.TABLE_COLUMNS, count=len(cells), limit=MAX_TABLE_COLUMNS)
        width = width or len(cells)
        if len(cells) != width:
            raise InvalidFieldError.at(row_path, m.ROW_WIDTH, count=len(cells), first=width)
        table.rows.append([_cell(cell, f"{row_path}[{c_index}]") for c_index, cell in cells])
    return table


def _cell(value: object, path: str) -> list[Span]:
    # A cell is one paragraph of spans: emphasis and comments, no footnote and no pending change of its own.
    spans: list[Span] = []
    for index, item in enumerate(_inlines(value, path, no_notes=m.NO_NOTE_IN_CELL)):
        if not isinstance(item, Span):  # never: _inlines refused any footnote reference
            continue
        for mark in ("inserted", "deleted", "old_format"):
            if getattr(item, mark) is not None:
                raise InvalidFieldError.at(f"{path}[{index}].{mark}", m.CELL_CHANGE)
        spans.append(item)
    return spans


def _action(value: object, path: str) -> ActionItem:
    obj = _keys(value, path, required={"owners", "status"}, optional={"deadline"})
    owners: list[str] = []
    for index, item in _items(obj["owners"], f"{path}.owners"):
        where = f"{path}.owners[{index}]"
        name = _str(item, where)
        if not name.strip() or name.strip() != name:
            raise InvalidFieldError.at(where, m.OWNER_NOT_A_NAME, value=_show(name))
        if name in owners:
            raise InvalidFieldError.at(where, m.OWNER_TWICE, value=_show(name))
        owners.append(name)
    return ActionItem(
        owners=owners,
        deadline=_date(obj.get("deadline"), f"{path}.deadline"),
        status=_enum(ActionStatus, obj["status"], f"{path}.status"),
    )


def _inlines(value: object, path: str, *, no_notes: str = "") -> list[Inline]:
    # ``no_notes``: the message refusing a footnote reference here (a footnote's text, a table cell); "" allows them.
    result: list[Inline] = []
    for i, item in _items(value, path):
        where = f"{path}[{i}]"
        if isinstance(item, dict) and "footnote" in item:
            if no_notes:
                raise InvalidFieldError.at(where, no_notes)
            obj = _keys(item, where, required=_REF_REQUIRED, optional=_REF_OPTIONAL)
            ref = FootnoteRef(_identifier(obj["footnote"], f"{where}.footnote"))
            if len(obj) > 1:
                ref.inserted = _mark(obj, "inserted", where)
                ref.deleted = _mark(obj, "deleted", where)
            result.append(ref)
            continue
        obj = _keys(item, where, required=_SPAN_REQUIRED, optional=_SPAN_OPTIONAL)
        span = Span(
            text=_str(obj["text"], f"{where}.text"),
            bold=_bool(obj.get("bold", False), f"{where}.bold"),
            italic=_bool(obj.get("italic", False), f"{where}.italic"),
            underline=_bool(obj.get("underline", False), f"{where}.underline"),
        )
        if len(obj) > 1 + ("bold" in obj) + ("italic" in obj) + ("underline" in obj):  # marks (rare)
            span.inserted = _mark(obj, "inserted", where)
            span.deleted = _mark(obj, "deleted", where)
            if "old_format" in obj:
                span.old_format = _format_change(obj["old_format"], f"{where}.old_format")
            span.comments = tuple(
                _id(comment, f"{where}.comments[{n}]")
                for n, comment in _items(obj.get("comments", []), f"{where}.comments")
            )
        result.append(span)
    return result


# ------------------------------------------------------ reviewers' changes and comments

_CHANGE_KEYS = frozenset({"author", "date", "move"})
_FORMAT_KEYS = frozenset({"bold", "italic", "underline"})
_BLOCK_FORMAT_KEYS = frozenset({"type", "level"})


def _mark(obj: Json, key: str, path: str) -> Change | None:
    # A pending insertion or deletion: written only when there is one, so never null.
    return _change(obj[key], f"{path}.{key}") if key in obj else None


def _change(value: object, path: str, extra: frozenset[str] = frozenset()) -> Change:
    # Who and when: ``extra`` names the keys of the object that carries them besides (what was there before).
    obj = _keys(value, path, required={"author"}, optional=(_CHANGE_KEYS - {"author"}) | extra)
    return Change(
        author=_str(obj["author"], f"{path}.author"),
        date=_datetime(obj.get("date"), f"{path}.date"),
        move=_str(obj.get("move", ""), f"{path}.move"),
    )


def _format_change(value: object, path: str) -> FormatChange:
    change = _change(value, path, _FORMAT_KEYS)
    obj: Json = value  # type: ignore[assignment]  # an object: _change checked it
    return FormatChange(
        change=change,
        bold=_bool(obj.get("bold", False), f"{path}.bold"),
        italic=_bool(obj.get("italic", False), f"{path}.italic"),
        underline=_bool(obj.get("underline", False), f"{path}.underline"),
    )


def _block_format_change(value: object, path: str) -> BlockFormatChange:
    if isinstance(value, dict) and "type" not in value:
        raise InvalidFieldError.at(f"{path}.type", m.IS_MISSING)
    change = _change(value, path, _BLOCK_FORMAT_KEYS)
    obj: Json = value  # type: ignore[assignment]  # an object: _change checked it
    kind = _enum(BlockKind, obj["type"], f"{path}.type")
    if kind not in FORMAT_KINDS:
        # What a reviewer's change of type can undo: a table has cells a type cannot restore.
        choices = ", ".join(item.value for item in FORMAT_KINDS)
        raise InvalidFieldError.at(f"{path}.type", m.NOT_ONE_OF, value=_show(obj["type"]), choices=choices)
    if "level" in obj and kind is not BlockKind.BULLET:
        raise InvalidFieldError.at(f"{path}.level", m.ONLY_BULLET, kind=str(kind))
    return BlockFormatChange(
        change=change, kind=kind, level=_int(obj.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL)
    )
