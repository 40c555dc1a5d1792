"""The meeting report as data: what a rapporteur writes, free of any output format."""

from __future__ import annotations

import datetime as dt
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


class Span(Record):
    """A stretch of text sharing one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


class FootnoteRef(Record):
    """The place in a text where a footnote's reference mark stands."""

    footnote_id: str


Inline = Span | FootnoteRef


class BlockKind(StrEnum):
    """Kinds of body block."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    LABEL = "label"


MAX_BULLET_LEVEL = 3


class Block(Record):
    """One paragraph of a body: plain, a bullet at a level, or a lead-in label."""

    kind: BlockKind
    content: list[Inline] = field(default_factory=list)
    level: int = 1

    @property
    def plain_text(self) -> str:
        """The block's text without emphasis or footnote marks."""
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
    """A session of the meeting's discussion, with the priority goals it covered."""

    title: str
    goals: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


class Section(Record):
    """A section of the report.

    ``heading`` is None to use the language's default heading for ``kind``.
    ``level`` 1 is a numbered heading; 2 is an unnumbered sub-heading that
    continues the section before it (the reference report puts its key
    takeaways so, under the discussion).
    """

    kind: SectionKind
    heading: str | None = None
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)


class Footnote(Record):
    """A footnote's text; its number follows from where it is first referenced."""

    id: str
    content: list[Span] = field(default_factory=list)


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


class Report(Record):
    """A meeting report: language, title block, sections and footnotes."""

    language: str = "en"
    title: TitleBlock = field(default_factory=TitleBlock)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    author: str = ""
    created: dt.datetime | None = None
    modified: dt.datetime | None = None
    template: str = ""

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
