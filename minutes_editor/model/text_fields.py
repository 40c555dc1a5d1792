"""Every place a report holds text, by path, so checks, search, counts and spelling walk the same fields.

A field's path names it as load errors and pre-export problems do:
``title.meeting``, ``sections[2].heading``, ``sections[2].blocks[1]``,
``sections[1].participants[3]`` (the participant's name),
``sections[4].sessions[0].title``, ``sections[4].sessions[0].goals[1]``,
``sections[4].sessions[0].blocks[3]`` and ``footnotes[0]`` (the note's text).
A table block holds no text of its own: each of its cells is a field,
``sections[2].blocks[1].rows[0].cells[3]`` (row 0, the fourth cell). An
action item's text is its block's, as a paragraph's.

A body block's or footnote's text counts each footnote reference as one
object replacement character (U+FFFC), exactly as the body editor's
QTextBlock does, so a character offset into a field's text is also an
offset into its editor block.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from minutes_editor.model.report import Block, FootnoteRef, Inline, Report, Section, Span

if TYPE_CHECKING:
    from minutes_editor.model.language import LanguagePreset

#: Stands for a footnote reference in a field's text (Qt's object replacement character).
FOOTNOTE_MARK = "\ufffc"

#: The title-block fields that hold free text (date and times are data, written by the language preset).
TITLE_FIELDS = ("meeting", "subtitle", "location", "status", "timezone")


class FieldKind(StrEnum):
    """What a text field is, for filters and for the window to pick the right editor."""

    TITLE = "title"
    HEADING = "heading"
    BLOCK = "block"
    PARTICIPANT = "participant"
    SESSION_TITLE = "session_title"
    GOAL = "goal"
    FOOTNOTE = "footnote"
    CELL = "cell"


#: A field's value: plain text, a heading (None: the language's default), or rich content.
FieldValue = str | None | list[Inline] | list[Span]


@dataclass(frozen=True)
class TextField:
    """One field's text at the time of the walk, with where it is and which section it belongs to."""

    path: str
    kind: FieldKind
    text: str
    section: int | None = None


def content_text(content: list[Inline] | list[Span]) -> str:
    """A rich field's text: the spans' text, one FOOTNOTE_MARK per footnote reference."""
    return "".join(FOOTNOTE_MARK if isinstance(item, FootnoteRef) else item.text for item in content)


def iter_fields(report: Report, preset: LanguagePreset | None) -> Iterator[TextField]:
    """Every text field of ``report`` in reading order: title block, sections, then footnotes.

    A section whose heading is None yields ``preset``'s default heading (what
    the export prints, with the report's preset), or nothing when ``preset`` is
    None. The caller loads the preset (``minutes_editor.storage.presets``): the
    model reads no file.
    """
    for name in TITLE_FIELDS:
        value = getattr(report.title, name)
        if value:
            yield TextField(f"title.{name}", FieldKind.TITLE, value)
    for s_index, section in enumerate(report.sections):
        where = f"sections[{s_index}]"
        heading = section.heading
        if heading is None and preset is not None:
            heading = preset.heading(section.kind)
        if heading is not None:
            yield TextField(f"{where}.heading", FieldKind.HEADING, heading, s_index)
        yield from _block_fields(section.blocks, f"{where}.blocks", s_index)
        for p_index, participant in enumerate(section.participants):
            yield TextField(f"{where}.participants[{p_index}]", FieldKind.PARTICIPANT, participant.name, s_index)
        for j_index, session in enumerate(section.sessions):
            at = f"{where}.sessions[{j_index}]"
            yield TextField(f"{at}.title", FieldKind.SESSION_TITLE, session.title, s_index)
            for g_index, goal in enumerate(session.goals):
                yield TextField(f"{at}.goals[{g_index}]", FieldKind.GOAL, goal, s_index)
            yield from _block_fields(session.blocks, f"{at}.blocks", s_index)
    for n_index, note in enumerate(report.footnotes):
        yield TextField(f"footnotes[{n_index}]", FieldKind.FOOTNOTE, content_text(note.content))


def _block_fields(blocks: list[Block], where: str, section: int) -> Iterator[TextField]:
    for index, block in enumerate(blocks):
        if block.table is None:
            yield TextField(f"{where}[{index}]", FieldKind.BLOCK, content_text(block.content), section)
            continue
        for r_index, row in enumerate(block.table.rows):
            for c_index, cell in enumerate(row):
                path = cell_path(f"{where}[{index}]", r_index, c_index)
                yield TextField(path, FieldKind.CELL, content_text(cell), section)


def cell_path(block_path: str, row: int, column: int) -> str:
    """The path of a table cell, from its table block's path: ``sections[2].blocks[1].rows[0].cells[3]``."""
    return f"{block_path}.rows[{row}].cells[{column}]"


# ------------------------------------------------------------ paths

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _steps(path: str) -> list[tuple[str, int | None]]:
    steps: list[tuple[str, int | None]] = []
    for part in path.split("."):
        found = _STEP.fullmatch(part)
        if found is None:
            raise KeyError(f"not a field path: {path!r}")
        steps.append((found.group(1), int(found.group(2)) if found.group(2) is not None else None))
    return steps


def get_field(report: Report, path: str) -> FieldValue:
    """The stored value of the field at ``path`` (a copy for rich content); raises KeyError for a bad path."""
    owner, attribute = _resolve(report, path)
    value: FieldValue = getattr(owner, attribute)
    return copy.deepcopy(value) if isinstance(value, list) else value


def set_field(report: Report, path: str, value: FieldValue) -> None:
    """Store ``value`` (a copy for rich content) in the field at ``path``; raises KeyError for a bad path."""
    owner, attribute = _resolve(report, path)
    setattr(owner, attribute, copy.deepcopy(value) if isinstance(value, list) else value)


def _resolve(report: Report, path: str) -> tuple[object, str]:
    steps = _steps(path)
    try:
        head, index = steps[0]
        if head == "title" and index is None and len(steps) == 2 and steps[1][0] in TITLE_FIELDS:
            return report.title, steps[1][0]
        if head == "footnotes" and index is not None and len(steps) == 1:
            return report.footnotes[index], "content"
        if head == "sections" and index is not None:
            return _resolve_in_section(report.sections[index], steps[1:], path)
    except IndexError:
        raise KeyError(f"no field at {path!r}") from None
    raise KeyError(f"not a field path: {path!r}")


def _resolve_in_section(section: Section, steps: list[tuple[str, int | None]], path: str) -> tuple[object, str]:
    match steps:
        case [("heading", None)]:
            return section, "heading"
        case [("blocks", int(index))]:
            return _block_content(section.blocks[index], path), "content"
        case [("blocks", int(index)), ("rows", int(row)), ("cells", int(column))]:
            return _CellSlot(section.blocks[index], row, column, path), "value"
        case [("participants", int(index))]:
            return section.participants[index], "name"
        case [("sessions", int(index)), ("title", None)]:
            return section.sessions[index], "title"
        case [("sessions", int(index)), ("goals", int(goal))]:
            goals = section.sessions[index].goals
            if not 0 <= goal < len(goals):
                raise IndexError(goal)
            return _GoalSlot(goals, goal), "value"
        case [("sessions", int(index)), ("blocks", int(block))]:
            return _block_content(section.sessions[index].blocks[block], path), "content"
        case [("sessions", int(index)), ("blocks", int(block)), ("rows", int(row)), ("cells", int(column))]:
            return _CellSlot(section.sessions[index].blocks[block], row, column, path), "value"
    raise KeyError(f"not a field path: {path!r}")


def _block_content(block: Block, path: str) -> Block:
    # A table's text is in its cells, each a field of its own.
    if block.table is not None:
        raise KeyError(f"a table's text is in its cells: {path!r}")
    return block


class _CellSlot:
    """One cell of a table block seen as an attribute, so cells resolve like every other field."""

    def __init__(self, block: Block, row: int, column: int, path: str) -> None:
        if block.table is None:
            raise KeyError(f"not a table: {path!r}")
        rows = block.table.rows
        if not (0 <= row < len(rows) and 0 <= column < len(rows[row])):
            raise IndexError((row, column))
        self._row = rows[row]
        self._column = column

    @property
    def value(self) -> list[Span]:
        return self._row[self._column]

    @value.setter
    def value(self, content: list[Inline] | list[Span]) -> None:
        # A cell holds spans only (a footnote reference has no place in it).
        self._row[self._column] = [item for item in content if isinstance(item, Span)]


class _GoalSlot:
    """One item of a session's goals list seen as an attribute, so goals resolve like every other field."""

    def __init__(self, goals: list[str], index: int) -> None:
        self._goals = goals
        self._index = index

    @property
    def value(self) -> str:
        return self._goals[self._index]

    @value.setter
    def value(self, text: str) -> None:
        self._goals[self._index] = text


@dataclass(frozen=True)
class Place:
    """A field path taken apart for the window: which part shows it and which item of that part.

    ``section``/``session``/``block``/``participant``/``goal``/``footnote``
    are list indexes, -1 when the path has none; ``row`` and ``cell`` a table
    cell's row and column in the table ``block``; ``attribute`` names a title
    block field, "heading" or "title" (a session's), else "".
    """

    section: int = -1
    session: int = -1
    block: int = -1
    participant: int = -1
    goal: int = -1
    footnote: int = -1
    attribute: str = ""
    row: int = -1
    cell: int = -1

    @property
    def in_title_block(self) -> bool:
        """Whether the place is a field of the title block."""
        return self.section < 0 and self.footnote < 0


def locate(path: str) -> Place:
    """Take a field or item path apart ("sections[3].sessions[0].blocks[2]"); raises KeyError for a bad path."""
    indexes: dict[str, int] = {}
    attribute = ""
    names = {
        "sections": "section",
        "sessions": "session",
        "blocks": "block",
        "participants": "participant",
        "goals": "goal",
        "footnotes": "footnote",
        "rows": "row",
        "cells": "cell",
    }
    for name, index in _steps(path):
        if index is not None:
            if name not in names:
                raise KeyError(f"not a field path: {path!r}")
            indexes[names[name]] = index
        elif name != "title" or indexes:  # a leading "title" is the title block; later, a session's title
            attribute = name
    return Place(**indexes, attribute=attribute)
