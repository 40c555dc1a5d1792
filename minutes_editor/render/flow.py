"""The report as a flat list of typed paragraphs: the one form every output consumes.

``flatten(report)`` resolves what depends on the report's language (default
headings, the participants sentence, the quoted goals line, the date line)
and numbers what Word will number (headings, footnotes), so that the .docx
writer and the editor's live preview show the same document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Direction,
    FootnoteRef,
    Report,
    SectionKind,
    Span,
)
from minutes_editor.storage.presets import load_preset


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


@dataclass(frozen=True)
class Run:
    """Text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class NoteMark:
    """A footnote reference; ``number`` is what Word will show."""

    number: int
    footnote_id: str


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
class Paragraph:
    """One paragraph of output.

    ``number`` is the heading number Word's numbering will show (0 when
    unnumbered); ``level`` is the bullet level (1 to 3, 0 otherwise).
    """

    role: Role
    inlines: tuple[FlowInline, ...]
    level: int = 0
    number: int = 0
    origin: Origin = field(default_factory=Origin)

    @property
    def text(self) -> str:
        """The paragraph's text, footnote marks left out."""
        return "".join(item.text for item in self.inlines if isinstance(item, Run))


@dataclass(frozen=True)
class Note:
    """A footnote in the order Word numbers it."""

    number: int
    footnote_id: str
    inlines: tuple[Run, ...]


@dataclass(frozen=True)
class FlowDocument:
    """The whole report, flattened."""

    language: str
    direction: Direction
    preset: LanguagePreset
    title: str
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...]


def flatten(report: Report) -> FlowDocument:
    """Turn a report into the paragraphs and notes an output writes, in order."""
    preset = load_preset(report.language)
    paragraphs: list[Paragraph] = []
    note_numbers: dict[str, int] = {}

    def runs(content: list[Span] | list[Span | FootnoteRef]) -> tuple[FlowInline, ...]:
        result: list[FlowInline] = []
        for item in content:
            if isinstance(item, FootnoteRef):
                number = note_numbers.setdefault(item.footnote_id, len(note_numbers) + 1)
                result.append(NoteMark(number, item.footnote_id))
            elif item.text:
                result.append(Run(item.text, item.bold, item.italic, item.underline))
        return tuple(result)

    def plain(role: Role, text: str, origin: Origin, number: int = 0) -> None:
        if text.strip():
            paragraphs.append(Paragraph(role, (Run(text),), number=number, origin=origin))

    def body(blocks: list[Block], section: int, session: int = -1) -> None:
        for index, block in enumerate(blocks):
            role = {BlockKind.PARAGRAPH: Role.BODY, BlockKind.BULLET: Role.BULLET, BlockKind.LABEL: Role.LABEL}[
                block.kind
            ]
            level = block.level if block.kind is BlockKind.BULLET else 0
            paragraphs.append(Paragraph(role, runs(block.content), level=level, origin=Origin(section, session, index)))

    title = report.title
    top = Origin()
    plain(Role.TITLE, title.meeting, top)
    plain(Role.SUBTITLE, title.subtitle, top)
    plain(Role.DATE_LINE, preset.date_line_text(title), top)
    plain(Role.LOCATION_LINE, preset.location_line_text(title), top)
    plain(Role.STATUS, title.status, top)

    heading_number = 0
    for s_index, section in enumerate(report.sections):
        heading = section.heading if section.heading is not None else preset.heading(section.kind)
        here = Origin(s_index)
        if section.level == 1:
            heading_number += 1
            paragraphs.append(Paragraph(Role.HEADING, (Run(heading),), number=heading_number, origin=here))
        else:
            plain(Role.SUBHEADING, heading, here)
        body(section.blocks, s_index)
        if section.kind is SectionKind.PARTICIPATION and section.participants:
            sentence = preset.list_join.join([participant.name for participant in section.participants])
            plain(Role.PARTICIPANTS, sentence, here)
        for j_index, session in enumerate(section.sessions):
            at_session = Origin(s_index, j_index)
            plain(Role.SUBHEADING, session.title, at_session)
            plain(Role.GOALS, preset.goals_line(session.goals), at_session)
            body(session.blocks, s_index, j_index)

    notes = []
    for footnote_id, number in note_numbers.items():
        note = report.footnote(footnote_id)
        content = runs(list(note.content)) if note else ()
        notes.append(Note(number, footnote_id, tuple(item for item in content if isinstance(item, Run))))
    return FlowDocument(
        language=report.language,
        direction=report.direction,
        preset=preset,
        title=title.meeting,
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
    )
