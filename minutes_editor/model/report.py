"""The meeting report as data: what a rapporteur writes, free of any output format."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import field
from enum import StrEnum

from minutes_editor.model.record import Record

#: Languages written right to left (primary subtags of BCP 47 tags).
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "sd", "ug", "yi", "dv", "ckb", "ku-arab"})


class Direction(StrEnum):
    """Writing direction of a report."""

    LTR = "ltr"
    RTL = "rtl"


def direction_of(language: str) -> Direction:
    """Return the direction a BCP 47 language tag is written in."""
    tag = language.lower()
    primary = tag.split("-", 1)[0]
    if primary in RTL_LANGUAGES or tag in RTL_LANGUAGES:
        return Direction.RTL
    if "-arab" in tag:  # e.g. pa-Arab, ks-Arab
        return Direction.RTL
    return Direction.LTR


def new_id() -> str:
    """A fresh stable id for a section, session, block or comment: 12 random hex digits.

    Random rather than counted, so that two copies of a report edited apart
    (two rapporteurs, two drafts) never give two new parts the same id.
    """
    return os.urandom(6).hex()  # not ``secrets``: it imports hashlib, which start-up does not need


class Change(Record):
    """Who proposed a pending change, and when: a reviewer's tracked insertion, deletion or move.

    ``move`` names the move a moved-away (deleted) or moved-here (inserted)
    stretch belongs to (Word's ``w:name`` of a move range); empty for a plain
    insertion or deletion.
    """

    author: str
    date: dt.datetime | None = None
    move: str = ""


class FormatChange(Record):
    """A pending change of a span's emphasis (Word's ``w:rPrChange``): the emphasis before it, who and when."""

    change: Change
    bold: bool = False
    italic: bool = False
    underline: bool = False


class Span(Record):
    """A stretch of text sharing one emphasis, and the pending changes and comments it carries.

    ``inserted`` and ``deleted`` mark text a reviewer proposed to insert or
    delete (both, when one reviewer deleted what another inserted);
    ``old_format`` the emphasis before a proposed formatting change;
    ``comments`` the ids of the comments whose range covers this text.
    """

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    inserted: Change | None = None
    deleted: Change | None = None
    old_format: FormatChange | None = None
    comments: tuple[str, ...] = ()


class FootnoteRef(Record):
    """The place in a text where a footnote's reference mark stands (itself insertable and deletable)."""

    footnote_id: str
    inserted: Change | None = None
    deleted: Change | None = None


Inline = Span | FootnoteRef


class BlockKind(StrEnum):
    """Kinds of body block."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    LABEL = "label"
    TABLE = "table"
    ACTION = "action"


MAX_BULLET_LEVEL = 3


class Table(Record):
    """A simple table (no merged cells): rows of cells, each cell one paragraph of spans.

    Every row has the same number of cells (at least one). ``header`` makes
    the first row a header row, repeated at the top of each page in Word.
    A cell's spans carry emphasis and comments, never pending changes of
    their own: a reviewer's change to a table is the table proposed whole
    (its block ``inserted`` or ``deleted``; docs/review.md).
    """

    rows: list[list[list[Span]]] = field(default_factory=list)
    header: bool = True

    @property
    def columns(self) -> int:
        """How many cells each row has."""
        return len(self.rows[0]) if self.rows else 0

    def cell_text(self, row: int, column: int) -> str:
        """One cell's text, without emphasis."""
        return plain_text(self.rows[row][column])


class ActionStatus(StrEnum):
    """Whether an action item is still to be done."""

    OPEN = "open"
    DONE = "done"


class ActionItem(Record):
    """What makes a paragraph an action item: who does it, by when, and whether it is done.

    The action itself is the block's text. ``owners`` are names, chosen from
    the participants or typed.
    """

    owners: list[str] = field(default_factory=list)
    deadline: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN


class BlockFormatChange(Record):
    """A pending change of a block's type or list level (Word's ``w:pPrChange``): what it was, who and when."""

    change: Change
    kind: BlockKind
    level: int = 1


class Block(Record):
    """One paragraph of a body: plain, a bullet at a level, a lead-in label, an action item, or a table.

    An ``ACTION`` block is an action item: its text is the action, ``action``
    its owners, deadline and status (consecutive action items are written as
    one table). A ``TABLE`` block has no text of its own: ``table`` holds its
    cells. ``action`` and ``table`` are None for every other kind.

    ``id`` is stable across edits, saves and drafts (equality ignores it).
    ``inserted`` and ``deleted`` are pending changes of the paragraph's end
    (Word's paragraph mark): accepting a deleted end, or rejecting an
    inserted one, joins the paragraph with the next. A block a reviewer
    inserted whole has its content and its end inserted.
    """

    kind: BlockKind
    content: list[Inline] = field(default_factory=list)
    level: int = 1
    id: str = field(default_factory=new_id, compare=False)
    inserted: Change | None = None
    deleted: Change | None = None
    old_format: BlockFormatChange | None = None
    table: Table | None = None
    action: ActionItem | None = None

    @property
    def plain_text(self) -> str:
        """The block's text without emphasis or footnote marks (a table's cells, a tab between, a line per row)."""
        if self.table is not None:
            return "\n".join("\t".join(plain_text(cell) for cell in row) for row in self.table.rows)
        return plain_text(self.content)


class SectionKind(StrEnum):
    """What a section is for; decides its default heading and which fields it has."""

    OBJECTIVES = "objectives"
    PARTICIPATION = "participation"
    OPENING_REMARKS = "opening_remarks"
    SETTING_THE_SCENE = "setting_the_scene"
    DISCUSSION = "discussion"
    TAKEAWAYS = "takeaways"
    GENERIC = "generic"


class Participant(Record):
    """A country or organisation present at the meeting, named in the report's language.

    ``code`` identifies it for look-ups: a CLDR territory code ("AT") or an
    organisation key ("org:ICMPD"); empty for free entries.
    """

    name: str
    code: str = ""


class Session(Record):
    """A session of the meeting's discussion, with the priority goals it covered.

    ``inserted`` and ``deleted`` mark a session a reviewer proposed to add or
    remove whole (docs/review.md): its title, goals and body are marked too.
    """

    title: str
    goals: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    id: str = field(default_factory=new_id, compare=False)
    inserted: Change | None = None
    deleted: Change | None = None


class Section(Record):
    """A section of the report.

    ``heading`` is None to use the language's default heading for ``kind``.
    ``level`` 1 is a numbered heading; 2 is an unnumbered sub-heading that
    continues the section before it (the reference report puts its key
    takeaways so, under the discussion).
    ``inserted`` and ``deleted`` mark a section a reviewer proposed to add or
    remove whole, with its heading, body and sessions (docs/review.md).
    """

    kind: SectionKind
    heading: str | None = None
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    id: str = field(default_factory=new_id, compare=False)
    inserted: Change | None = None
    deleted: Change | None = None


class Footnote(Record):
    """A footnote's text; its number follows from where it is first referenced.

    ``inserted`` and ``deleted`` mark a footnote a reviewer proposed to add or
    remove whole (its content and references are marked too; docs/review.md).
    """

    id: str
    content: list[Span] = field(default_factory=list)
    inserted: Change | None = None
    deleted: Change | None = None


class TitleBlock(Record):
    """The lines above the first section: what meeting, when, where, and the document's status."""

    meeting: str = ""
    subtitle: str = ""
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    timezone: str = ""
    location: str = ""
    status: str = ""


#: The earliest and latest created/modified stamps a report may hold, in UTC (a naive stamp is read as UTC).
#: The .docx writer turns a stamp into UTC and writes it as W3CDTF, whose years have four digits; a day of
#: margin at each end keeps any conversion to another offset (a window showing local time, a reader that
#: turns Word's UTC back into local time) inside the years 1 to 9999 Python and Word can hold.
EARLIEST_STAMP = dt.datetime(1, 1, 2, tzinfo=dt.UTC)
LATEST_STAMP = dt.datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=dt.UTC)


def stamp_in_range(value: dt.datetime) -> bool:
    """Whether a created/modified stamp lies between ``EARLIEST_STAMP`` and ``LATEST_STAMP``.

    Compared without converting ``value`` (the conversion itself overflows at the ends of the calendar).
    """
    aware = value if value.utcoffset() is not None else value.replace(tzinfo=dt.UTC)
    return EARLIEST_STAMP <= aware <= LATEST_STAMP


class FieldChange(Record):
    """A pending change of a field that is not body text: a title-block field, a heading, a session's title or goals.

    ``field_name`` names it as the operations do (``"TitleBlock.location"``,
    ``"Section.heading"``, ``"Section.level"``, ``"Section.participants"``,
    ``"Session.title"``, ``"Session.goals"``; see
    model/operations.py ``FIELDS``); ``owner`` is the id of its section or
    session ("" for the title block); ``old`` its value before the change
    (the current value is in the report), in the type of the field
    (``"Section.level"`` an int, ``"Section.participants"`` a list of participants).
    """

    field_name: str
    owner: str
    old: str | int | list[str] | list[Participant] | dt.date | dt.time | None
    change: Change


class Comment(Record):
    """A reviewer's comment, or a reply to one (``parent``), on a range of the report.

    The range is the text whose spans carry the comment's id; a comment on a
    field that is not body text (a heading, a session's title) names that
    field in ``field_name`` and its section's or session's id in ``owner``, as
    ``FieldChange`` does, and covers all of it.
    """

    id: str
    author: str
    text: list[str] = field(default_factory=list)
    date: dt.datetime | None = None
    initials: str = ""
    parent: str = ""
    done: bool = False
    field_name: str = ""
    owner: str = ""


class Report(Record):
    """A meeting report: language, title block, sections, footnotes, and reviewers' pending changes and comments."""

    language: str = "en"
    title: TitleBlock = field(default_factory=TitleBlock)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    author: str = ""
    created: dt.datetime | None = None
    modified: dt.datetime | None = None
    template: str = ""
    field_changes: list[FieldChange] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)

    @property
    def direction(self) -> Direction:
        """Direction of the report's text, from its language."""
        return direction_of(self.language)

    def footnote(self, footnote_id: str) -> Footnote | None:
        """Return the footnote with this id, or None."""
        for note in self.footnotes:
            if note.id == footnote_id:
                return note
        return None

    def all_blocks(self) -> list[Block]:
        """Every body block of the report, in reading order."""
        blocks: list[Block] = []
        for section in self.sections:
            blocks.extend(section.blocks)
            for session in section.sessions:
                blocks.extend(session.blocks)
        return blocks

    def footnote_refs(self) -> list[str]:
        """Footnote ids in the order their references appear."""
        return [
            item.footnote_id for block in self.all_blocks() for item in block.content if isinstance(item, FootnoteRef)
        ]


def plain_text(content: list[Inline] | list[Span]) -> str:
    """Join the text of inline content, leaving out footnote marks."""
    return "".join(item.text for item in content if isinstance(item, Span))


def give_new_ids(part: Section | Session | Block) -> None:
    """Give a part and every part in it new ids: for a copy (``copy.deepcopy`` keeps ids) to stand beside its original.

    Ids are unique across a report's sections, sessions and blocks (the
    .minutes loader refuses a file where two share one).
    """
    part.id = new_id()
    if isinstance(part, Block):
        return
    for block in part.blocks:
        block.id = new_id()
    if isinstance(part, Section):
        for session in part.sessions:
            give_new_ids(session)
