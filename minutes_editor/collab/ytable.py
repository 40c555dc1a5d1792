"""A table block's cells and an action item's fields in the shared Yjs document: written as small edits, read checked.

A table is its block's ``header`` (true or false) and ``rows``: a Y.Array of
rows, each a Y.Array of cells, each cell a Y.Text formatted as body text
(emphasis and comment ids, no footnote). Typing in a cell edits that cell's
Y.Text only, so two people typing in two cells (or in one) merge character
by character; a row or column added or removed inserts or deletes items of
those arrays. An action item is its block's ``action``, a Y.Map of
``owners`` (a Y.Array of names), ``deadline`` (``YYYY-MM-DD`` or null) and
``status`` (``open`` or ``done``). docs/collaboration.md describes the
layout; ydoc.py and ydoc_read.py call these for every table and action item.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pycrdt import Array, Map, Text

from minutes_editor.collab import checked as check
from minutes_editor.collab import layout as y
from minutes_editor.collab.errors import CollabError
from minutes_editor.model.report import ActionItem, ActionStatus, Span, Table
from minutes_editor.model.rules import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS

_T = TypeVar("_T")

#: Edits a Y.Text from the runs it held (None: unknown, as for a new one) to the runs wanted (ydoc.py's).
TextEdit = Callable[[Text, list[y.Piece] | None, list[y.Piece]], None]
#: Edits a Y.Array of plain values from the list it held (None: unknown) to the list wanted (ydoc.py's).
ArrayEdit = Callable[[Array[Any], list[Any] | None, list[Any]], None]

HEADER = "header"
ROWS = "rows"
ACTION = "action"
OWNERS = "owners"
DEADLINE = "deadline"
STATUS = "status"
#: A block's keys that only a table has, and that only an action item has.
TABLE_KEYS = (HEADER, ROWS)
ACTION_KEYS = (ACTION,)


# ------------------------------------------------------------------ writing


def write_table(entry: Map[Any], old: Table | None, new: Table, edit_text: TextEdit) -> None:
    """Write ``new`` into a block's map: all of it when ``old`` is None, else what changed since ``old``."""
    if old is None or old.header != new.header or entry.get(HEADER) is None:
        entry[HEADER] = new.header
    rows = entry.get(ROWS)
    if old is None or not isinstance(rows, Array):
        entry[ROWS] = Array()
        rows = entry[ROWS]
        old = None
    elif old.rows == new.rows:
        return

    def new_row(array: Array[Any], at: int, row: list[list[Span]]) -> None:
        array.insert(at, Array([Text() for _ in row]))
        placed = array[at]
        for index, cell in enumerate(row):
            edit_text(placed[index], None, y.content_pieces(cell))

    def new_cell(array: Array[Any], at: int, cell: list[Span]) -> None:
        array.insert(at, Text())
        edit_text(array[at], None, y.content_pieces(cell))

    def edit_cell(text: object, before: list[Span], after: list[Span]) -> None:
        if isinstance(text, Text):
            edit_text(text, y.content_pieces(before), y.content_pieces(after))

    def edit_row(array: object, before: list[list[Span]], after: list[list[Span]]) -> None:
        if isinstance(array, Array):
            _edit_items(array, before, after, new_cell, edit_cell)

    _edit_items(rows, old.rows if old is not None else [], new.rows, new_row, edit_row)


def _edit_items(
    array: Array[Any],
    old: Sequence[_T],
    new: Sequence[_T],
    create: Callable[[Array[Any], int, _T], None],
    edit: Callable[[object, _T, _T], None],
) -> None:
    """Edit a table's rows (or a row's cells) from ``old`` to ``new``: changed ones in place, others added or removed.

    What ``old`` and ``new`` share at both ends stays; in between, items pair
    up in order and each pair is edited in place (a cell's text edited, not
    replaced, so that others' typing in it merges), and what is left over is
    inserted or deleted. Places are those of ``old``: when others added or
    removed rows meanwhile, an edit may land beside the row meant (never
    outside the table), and every cell's text still merges.
    """
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    changed_old, changed_new = len(old) - prefix - suffix, len(new) - prefix - suffix
    paired = min(changed_old, changed_new)
    for index in range(prefix, prefix + paired):
        if index < len(array):
            edit(array[index], old[index], new[index])
    at = min(prefix + paired, len(array))
    if changed_old > paired:
        end = min(at + changed_old - paired, len(array))
        if end > at:
            del array[at:end]
    for offset, item in enumerate(new[prefix + paired : prefix + changed_new]):
        create(array, min(at + offset, len(array)), item)


def write_action(entry: Map[Any], old: ActionItem | None, new: ActionItem, edit_array: ArrayEdit) -> None:
    """Write an action item's fields into its block's map: all of them when ``old`` is None, else what changed."""
    action = entry.get(ACTION)
    owners = [y.mend(owner) for owner in new.owners]
    deadline = y.moment_text(new.deadline)
    if old is None or not isinstance(action, Map):
        entry[ACTION] = Map({OWNERS: Array(owners), DEADLINE: deadline, STATUS: new.status.value})
        return
    if old == new:
        return
    array = action.get(OWNERS)
    if isinstance(array, Array):
        edit_array(array, [y.mend(owner) for owner in old.owners], owners)
    else:
        action[OWNERS] = Array(owners)
    if old.deadline != new.deadline:
        action[DEADLINE] = deadline
    if old.status != new.status:
        action[STATUS] = new.status.value


# ------------------------------------------------------------------ reading

#: Reads a cell's Y.Text as spans (ydoc_read.py's reader, which counts the text against the limits).
CellReader = Callable[[object, str], list[Span]]


def read_table(values: dict[str, Any], path: str, read_cell: CellReader) -> Table:
    """A table from its block's values, checked; rows of unequal length (two people adding columns) are padded.

    Rows left with no cell (two people removing the last columns) are left
    out, and a table left with no row reads as one empty cell: all of that
    can come from honest edits made at once. Sizes past the model's limits
    cannot, and are refused.
    """
    header = check.boolean(values.get(HEADER, True), f"{path}.{HEADER}")
    where = f"{path}.{ROWS}"
    rows = values.get(ROWS)
    if rows is None:
        raise CollabError(where, "is missing")
    if not isinstance(rows, Array):
        raise check.expected(where, "an array", rows)
    if len(rows) > MAX_TABLE_ROWS:
        raise CollabError(where, f"{len(rows)} rows, more than {MAX_TABLE_ROWS}")
    table: list[list[list[Span]]] = []
    for r_index, row in enumerate(rows):
        row_path = f"{where}[{r_index}]"
        if not isinstance(row, Array):
            raise check.expected(row_path, "an array", row)
        if len(row) > MAX_TABLE_COLUMNS:
            raise CollabError(row_path, f"{len(row)} cells, more than {MAX_TABLE_COLUMNS}")
        if len(row):
            table.append([read_cell(cell, f"{row_path}[{c_index}]") for c_index, cell in enumerate(row)])
    width = max((len(row) for row in table), default=1)
    result = Table([[*row, *([] for _ in range(width - len(row)))] for row in table] or [[[]]], header)
    return result


def read_action(value: object, path: str) -> ActionItem:
    """An action item's fields, checked; an owner named twice (two people adding one name) is read once."""
    if not isinstance(value, Map):
        raise check.expected(path, "a map", value)
    values = {key: value.get(key) for key in value.keys()}  # noqa: SIM118 - pycrdt types iter() as Iterable
    check.keys_of(values, path, (OWNERS, DEADLINE, STATUS), (STATUS,))
    owners: list[str] = []
    for index, item in enumerate(check.listed(values.get(OWNERS, []), f"{path}.{OWNERS}")):
        name = check.text(item, f"{path}.{OWNERS}[{index}]")
        if not name.strip() or name.strip() != name:
            raise CollabError(f"{path}.{OWNERS}[{index}]", f"{check.show(name)} is not a name")
        if name not in owners:
            owners.append(name)
    return ActionItem(
        owners=owners,
        deadline=check.date(values.get(DEADLINE), f"{path}.{DEADLINE}"),
        status=check.enum_value(ActionStatus, values[STATUS], f"{path}.{STATUS}"),
    )
