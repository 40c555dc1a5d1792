"""The types of a flattened report (render/flow.py): paragraphs with their roles, runs, marks and notes.

Frozen and hashable: the preview keys its cache by paragraph, and marks are
frozen copies of the model's records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Direction


class Role(StrEnum):
    """What a paragraph is in the report; each role has one style in the template."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    DATE_LINE = "date_line"
    LOCATION_LINE = "location_line"
    STATUS = "status"
    HEADING = "heading"
    SUBHEADING = "subheading"
    GOALS = "goals"
    BODY = "body"
    BULLET = "bullet"
    LABEL = "label"
    PARTICIPANTS = "participants"
    TABLE = "table"


@dataclass(frozen=True)
class Mark:
    """Who proposed a pending change and when (the model's ``Change``); ``move`` names a move."""

    author: str
    date: dt.datetime | None = None
    move: str = ""


@dataclass(frozen=True)
class FormerEmphasis:
    """A run's emphasis before a pending formatting change, and who changed it."""

    mark: Mark
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Run:
    """Text with one emphasis, the pending changes it carries and the comments whose range covers it."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    inserted: Mark | None = None
    deleted: Mark | None = None
    former: FormerEmphasis | None = None
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteMark:
    """A footnote reference; ``number`` is what Word will show (deleted references counted)."""

    number: int
    footnote_id: str
    inserted: Mark | None = None
    deleted: Mark | None = None


FlowInline = Run | NoteMark


@dataclass(frozen=True)
class Origin:
    """Where a paragraph comes from in the report, for jumping from the preview to the editor.

    ``section`` is -1 for the title block; ``session`` is -1 outside sessions;
    ``block`` is -1 for a heading, goals line or participants sentence.
    """

    section: int = -1
    session: int = -1
    block: int = -1


@dataclass(frozen=True)
class FormerRole:
    """A paragraph's role and bullet level before a pending change of its type, and who changed it."""

    mark: Mark
    role: Role
    level: int = 0


@dataclass(frozen=True)
class TableRow:
    """One row of a table: its cells' runs, and for an action item's row the block it shows and its marks.

    ``inserted`` and ``deleted`` mark the whole row proposed inserted or deleted (Word's ``w:trPr/w:ins``):
    every row of a table block proposed whole, or an action item's own row.
    """

    cells: tuple[tuple[FlowInline, ...], ...]
    origin: Origin | None = None
    id: str = ""
    inserted: Mark | None = None
    deleted: Mark | None = None


@dataclass(frozen=True)
class FlowTable:
    """A table of the report: a table block, or a run of action items with its header row (``actions``)."""

    rows: tuple[TableRow, ...]
    header: bool = True
    actions: bool = False

    @property
    def columns(self) -> int:
        """How many cells each row has."""
        return len(self.rows[0].cells) if self.rows else 0


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of output.

    ``number`` is the heading number Word's numbering will show (0 when
    unnumbered); ``level`` is the bullet level (1 to 3, 0 otherwise).
    ``id`` is the stable id of the block, or of the section or session a
    heading or title starts ("" for other paragraphs). ``inserted`` and
    ``deleted`` are pending changes of the paragraph's end, ``former`` of
    its type; ``comments`` are the comments on the whole paragraph.
    """

    role: Role
    inlines: tuple[FlowInline, ...]
    level: int = 0
    number: int = 0
    origin: Origin = field(default_factory=Origin)
    id: str = ""
    inserted: Mark | None = None
    deleted: Mark | None = None
    former: FormerRole | None = None
    comments: tuple[str, ...] = ()
    #: The table a ``Role.TABLE`` item shows (its ``inlines`` are empty), None for every other paragraph.
    table: FlowTable | None = None

    @property
    def text(self) -> str:
        """The paragraph's current text: footnote marks and pending deletions left out (a table's: rows, tabs)."""
        if self.table is not None:
            rows = (row for row in self.table.rows if row.deleted is None)
            return "\n".join("\t".join(_current(cell) for cell in row.cells) for row in rows)
        return _current(self.inlines)

    def texts(self) -> tuple[tuple[FlowInline, ...], ...]:
        """The runs of each paragraph this item writes, in order: its own, or each table cell's, row by row."""
        if self.table is None:
            return (self.inlines,)
        return tuple(cell for row in self.table.rows for cell in row.cells)


@dataclass(frozen=True)
class Note:
    """A footnote in the order Word numbers it."""

    number: int
    footnote_id: str
    inlines: tuple[Run, ...]


@dataclass(frozen=True)
class Remark:
    """A reviewer's comment or reply (the model's ``Comment``): its paragraphs, who, when, its thread and state."""

    id: str
    author: str
    paragraphs: tuple[str, ...]
    date: dt.datetime | None = None
    initials: str = ""
    parent: str = ""
    done: bool = False


@dataclass(frozen=True)
class FlowDocument:
    """The whole report, flattened.

    ``unplaced`` says, for a person, which pending field changes have no
    paragraph to be shown in (an unknown field or owner).
    """

    language: str
    direction: Direction
    preset: LanguagePreset
    title: str
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...]
    comments: tuple[Remark, ...] = ()
    unplaced: tuple[str, ...] = ()


def _current(inlines: tuple[FlowInline, ...]) -> str:
    return "".join(item.text for item in inlines if isinstance(item, Run) and item.deleted is None)
