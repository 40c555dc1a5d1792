"""From the paragraphs of a .docx to a report: title block, sections, sessions, blocks and footnotes.

Our own exports are read by their style names (the template contract in
minutes_editor.ooxml.vocabulary). Documents made by hand are read the way a
person reads them: built-in heading styles or outline levels, typed numbers
("1.", "1-") or list numbering on a heading-like line, typed bullet glyphs
with their indentation, a bold line ending in a colon as a lead-in label, and
the lines above the first heading as the title block. What the report model
cannot hold is kept as text where it stood, or listed in the notes.

Reviewers' changes and comments become the report's own (docs/review.md):
marks on spans, footnote references and blocks; a change inside a
title-block line, a heading, a session's title or its goals becomes a
``FieldChange`` whose old value is that line read as it was before the
change (every change in it rejected), read the way the line is read now;
a comment on such a line names the field.

``Builder`` reads the headings, sections, sessions, goals, participants and
blocks here; its other jobs are parts of their own, mixed into it: the title
block's lines (minutes_editor.importer.title_block ``TitleLines``),
reviewers' changes on headings and noted changes
(minutes_editor.importer.pending_changes), footnotes and comments
(minutes_editor.importer.footnotes_comments), notes on what was left out
(minutes_editor.importer.note_events); how a paragraph's role is told is in
minutes_editor.importer.roles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import minutes_editor.importer.notes as n
from minutes_editor.importer.body import Event, Item, NoteMarker, Piece, RawParagraph
from minutes_editor.importer.footnotes_comments import FootnotesComments
from minutes_editor.importer.note_events import NoteEvents
from minutes_editor.importer.notes import ImportNote, Phrase
from minutes_editor.importer.participants import split_participants
from minutes_editor.importer.pending_changes import PendingChanges, _whole
from minutes_editor.importer.pieces import NoteText, Source
from minutes_editor.importer.recognise import (
    ends_like_sentence,
    fold,
    looks_like_session,
    recognise_heading,
    typed_bullet,
    typed_number,
)
from minutes_editor.importer.roles import (
    BLOCK_STYLES,
    BULLET,
    GOALS,
    HEADING_WORDS,
    LABEL,
    LABEL_WORDS,
    PARTICIPANTS,
    TITLE_STYLES,
    _all_bold,
    _Heading,
    _list_style_level,
    _refs,
    _styled_heading_level,
    heading_marker,
    made_from_our_template,
    role_style,
)
from minutes_editor.importer.table_blocks import add_table
from minutes_editor.importer.tables import RawTable
from minutes_editor.importer.title_block import TitleLines
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    Block,
    BlockFormatChange,
    BlockKind,
    FieldChange,
    FootnoteRef,
    Inline,
    Report,
    Section,
    SectionKind,
    Session,
)
from minutes_editor.ooxml import vocabulary as vocab


@dataclass
class Builder(TitleLines, PendingChanges, FootnotesComments, NoteEvents):
    """Builds one report from a source, collecting notes for the user on the way."""

    source: Source
    language: str
    preset: LanguagePreset
    #: Whether the document was made from our template: then its styles say everything, and no guessing is done.
    ours: bool = False
    notes: list[ImportNote] = field(default_factory=list)
    report: Report = field(init=False)
    _section: Section | None = None
    _session: Session | None = None
    _pending_refs: list[FootnoteRef] = field(default_factory=list)
    _note_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    _typed_indents: list[int] = field(default_factory=list)
    _heading_shift: int = 0
    _counts: Counter[str] = field(default_factory=Counter)
    #: Stable ids read from our writer's bookmarks, so far (a copied paragraph must not bring a second one).
    _ids: set[str] = field(default_factory=set)
    #: Comment ids: the file's (w:id) to the report's.
    _comment_ids: dict[str, str] = field(default_factory=dict)
    #: Comments whose range covers body or footnote text (file ids).
    _anchored: set[str] = field(default_factory=set)
    #: Comments on a field that is not body text (file id -> field name and owner).
    _comment_fields: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.report = Report(language=self.language)
        self._comment_order = {part.file_id: index for index, part in enumerate(self.source.comments)}

    # ---------------------------------------------------------------- whole

    def build(self) -> Report:
        """Map every item to the report; return it."""
        items = self.source.items
        self._prepare(items)
        first_heading = next(
            (i for i, item in enumerate(items) if isinstance(item, RawParagraph) and self._heading(item) is not None),
            len(items),
        )
        self._title_block(items[:first_heading])
        for index in range(first_heading, len(items)):
            item = items[index]
            if isinstance(item, Event):
                self._event(item)
            else:
                self._paragraph(item, items, index)
        self._flush_pending_refs()
        self._footnotes()
        self._comments()
        self._summaries()
        return self.report

    def _prepare(self, items: list[Item]) -> None:
        levels = [
            level
            for item in items
            if isinstance(item, RawParagraph) and item.source == "body"
            for level in [_styled_heading_level(item)]
            if level is not None
        ]
        self._heading_shift = min(levels) - 1 if levels else 0
        indents = {
            item.indent or 0
            for item in items
            if isinstance(item, RawParagraph) and item.list_kind is None and typed_bullet(item.text)
        }
        self._typed_indents = sorted(indents)

    # ------------------------------------------------------------ headings

    def _heading(self, paragraph: RawParagraph) -> _Heading | None:
        """The paragraph as a heading (level 1, 2, or deeper), or None when it is not one."""
        if paragraph.source != "body":
            return None
        text = paragraph.text
        styled = _styled_heading_level(paragraph)
        if styled is not None and _whole(paragraph) == "deleted":
            text = paragraph.rejected_text  # a heading deleted whole is kept (a note says so)
        if styled is not None:
            if not text.strip() and styled - self._heading_shift != 1:
                return None
            return _Heading(styled - self._heading_shift, text)
        if (
            not text.strip()
            or self._strict(paragraph)
            or paragraph.has_style(*TITLE_STYLES, GOALS, LABEL, PARTICIPANTS)
        ):
            return None
        typed = typed_number(text)
        if typed is not None and paragraph.list_kind is None:
            depth, length = typed
            rest = text[length:].strip()
            if self._heading_like(rest, paragraph):
                return _Heading(depth, rest)
            return None
        if paragraph.list_kind == "number" and paragraph.list_level <= 1 and self._heading_like(text, paragraph):
            return _Heading(paragraph.list_level + 1, text.strip())
        return None

    def _heading_like(self, text: str, paragraph: RawParagraph) -> bool:
        if recognise_heading(text) is not None:
            return True
        words = text.split()
        if not words or len(words) > HEADING_WORDS or ends_like_sentence(text):
            return False
        return _all_bold(paragraph)

    # ------------------------------------------------------------ the body

    def _paragraph(self, paragraph: RawParagraph, items: list[Item], index: int) -> None:
        heading = self._heading(paragraph)
        if heading is not None:
            self._pending_refs.extend(self.refs_of(paragraph.pieces))
            marker = heading_marker(paragraph)
            section, session = self._section, self._session
            if heading.level <= 1:
                self._new_section(heading.text, level=1, marker=marker)
            elif heading.level == 2:
                self._subheading(heading.text, items, index, marker=marker)
            else:
                self._make_block(paragraph, BlockKind.LABEL, 1)
                self._counts["deep headings"] += 1
                return
            if self._session is not None and self._session is not session:
                self._take_id(self._session, paragraph)
                self._heading_changes(paragraph, "Session.title", self._session.id)
            elif self._section is not None:
                if self._section is not section:
                    self._take_id(self._section, paragraph)
                self._heading_changes(paragraph, "Section.heading", self._section.id)
            return
        if not paragraph.all_text.strip() and not _refs(paragraph.pieces) and not self._empty_block(paragraph):
            return
        if (paragraph.has_style(GOALS) or self._untyped_goals(paragraph)) and self._goals(paragraph):
            return
        if (paragraph.has_style(PARTICIPANTS) or self._untyped_participants(paragraph)) and self._participants(
            paragraph
        ):
            return
        self._block(paragraph)

    def _new_section(self, text: str, level: int, marker: SectionKind | str | None = None) -> None:
        if isinstance(marker, SectionKind):
            kind = marker
        else:
            match = recognise_heading(text)
            kind = match.kind if match else SectionKind.GENERIC
        heading: str | None = text
        if text.strip() == self.preset.heading(kind) and (marker is not None or recognise_heading(text)):
            heading = None
        section = Section(kind=kind, heading=heading, level=level)
        self.report.sections.append(section)
        self._section = section
        self._session = None

    def _subheading(self, text: str, items: list[Item], index: int, marker: SectionKind | str | None = None) -> None:
        current = self._section
        if current is None:
            self._new_section(text, level=1, marker=marker)
            return
        if isinstance(marker, SectionKind):
            self._new_section(text, level=2, marker=marker)
            return
        if marker == vocab.SESSION_MARK and current.kind in (SectionKind.DISCUSSION, SectionKind.GENERIC):
            current.kind = SectionKind.DISCUSSION
            session = Session(title=text)
            current.sessions.append(session)
            self._session = session
            return
        if recognise_heading(text) is not None:
            # A known heading (even the generic default) is a sub-section, never a session's title.
            self._new_section(text, level=2)
            return
        promote = (
            current.kind is SectionKind.GENERIC
            and not current.participants
            and (looks_like_session(text) or _next_is_goals(items, index))
        )
        if current.kind is SectionKind.DISCUSSION or promote:
            current.kind = SectionKind.DISCUSSION
            session = Session(title=text)
            current.sessions.append(session)
            self._session = session
            return
        self._new_section(text, level=2)

    def _goals(self, paragraph: RawParagraph) -> bool:
        session = self._session
        if session is None or session.goals or session.blocks:
            return False
        text = paragraph.text
        # A goals line deleted whole leaves no goals.
        goals = parse_goals(text, self.preset) if text.strip() else [] if paragraph.rejected_text.strip() else None
        if goals is None:
            return False
        session.goals = goals
        self._pending_refs.extend(self.refs_of(paragraph.pieces))
        self._field_comments(paragraph, "Session.goals", session.id)
        self._structure_change(paragraph)
        change = paragraph.first_change()
        if change is None:
            return True
        whole = _whole(paragraph)
        if (paragraph.mark_inserted or paragraph.mark_deleted) and whole is None:
            self._counts["paragraph marks"] += 1
        if paragraph.revised:
            rejected = paragraph.rejected_text
            old = parse_goals(rejected, self.preset) if rejected.strip() else []
            if old is None:
                self._not_kept(change, n.REASON_OLD_GOALS, text)
            elif old != goals:
                self.report.field_changes.append(FieldChange("Session.goals", session.id, old, change))
        return True

    def _untyped_goals(self, paragraph: RawParagraph) -> bool:
        session = self._session
        return (
            not self._strict(paragraph)
            and session is not None
            and not session.goals
            and not session.blocks
            and paragraph.list_kind is None
            and parse_goals(paragraph.text, self.preset, strict=True) is not None
        )

    def _participants(self, paragraph: RawParagraph) -> bool:
        section = self._section
        if section is None or section.participants or section.sessions or self._session is not None:
            return False
        if section.kind is SectionKind.GENERIC:
            section.kind = SectionKind.PARTICIPATION
        elif section.kind is not SectionKind.PARTICIPATION:
            return False
        participants = split_participants(paragraph.text, self.preset)
        if not participants:
            return False
        section.participants = participants
        self._pending_refs.extend(self.refs_of(paragraph.pieces))
        self._field_comments(paragraph, "Section.participants", section.id)
        self._structure_change(paragraph)
        change = paragraph.first_change()
        if change is not None and paragraph.revised:
            # The list as it read with every change rejected, read as this one: a pending change of the field.
            rejected = paragraph.rejected_text
            old = split_participants(rejected, self.preset) if rejected.strip() else []
            if old != participants:
                self.report.field_changes.append(FieldChange("Section.participants", section.id, old, change))
        elif change is not None:
            self._counts["paragraph marks"] += 1
        return True

    def _untyped_participants(self, paragraph: RawParagraph) -> bool:
        section = self._section
        if section is None or section.kind is not SectionKind.PARTICIPATION or section.participants:
            return False
        if self._strict(paragraph):
            return False
        if paragraph.list_kind is not None or not paragraph.text.rstrip().endswith(self.preset.list_join.end or "."):
            return False
        found = split_participants(paragraph.text, self.preset)
        return len(found) >= 2 and sum(bool(item.code) for item in found) * 2 >= len(found)

    # ------------------------------------------------------------- blocks

    def _block(self, paragraph: RawParagraph) -> None:
        if not paragraph.all_text.strip() and not _refs(paragraph.pieces) and not self._empty_block(paragraph):
            return
        kind, level, strip = self._shape(paragraph)
        self._make_block(paragraph, kind, level, strip)

    def _shape(self, paragraph: RawParagraph, *, count: bool = True) -> tuple[BlockKind, int, int]:
        """What a body paragraph is: its kind, its level, and the length of a typed bullet to take off its text.

        ``count`` False reads it without counting what the notes report (a paragraph's properties before a change).
        """
        text = paragraph.text
        role = role_style(paragraph)
        if role == LABEL:
            return BlockKind.LABEL, 1, 0
        if self._strict(paragraph) and role != BULLET:
            return BlockKind.PARAGRAPH, 1, 0
        if paragraph.list_kind is not None:
            level = paragraph.list_level + 1
            if level == 1:
                # Word's "List Bullet 2" is a one-level list of its own, drawn further in: its name gives the level.
                level = _list_style_level(paragraph) or 1
            if paragraph.list_kind == "number" and count:
                self._counts["numbered items"] += 1
            return BlockKind.BULLET, self._level(level, count=count), 0
        list_style = _list_style_level(paragraph)
        if list_style is not None:
            return BlockKind.BULLET, self._level(list_style, count=count), 0
        if role == BULLET and self.ours:
            return BlockKind.BULLET, 1, 0
        bullet = typed_bullet(text) if paragraph.source != "table" else None
        if bullet is not None:
            glyph_level, length = bullet
            level = glyph_level
            indent = paragraph.indent or 0
            if len(self._typed_indents) > 1 and indent in self._typed_indents:
                level = self._typed_indents.index(indent) + 1
            return BlockKind.BULLET, self._level(level, count=count), length
        if (
            paragraph.source == "body"
            and _all_bold(paragraph)
            and text.rstrip().endswith((":", "："))
            and len(text.split()) <= LABEL_WORDS
        ):
            return BlockKind.LABEL, 1, 0
        return BlockKind.PARAGRAPH, 1, 0

    def _make_block(self, paragraph: RawParagraph, kind: BlockKind, level: int, strip: int = 0) -> None:
        """Add a block of ``paragraph``'s content, with the changes of its mark and of its kind or level."""
        block = Block(
            kind,
            self._content(paragraph.pieces, strip=strip),
            level,
            inserted=paragraph.mark_inserted,
            deleted=paragraph.mark_deleted,
        )
        self._take_id(block, paragraph)
        previous, change = paragraph.previous, paragraph.previous_change
        if previous is not None and change is not None:
            if self._heading(previous) is not None:
                self._not_kept(change, n.REASON_STRUCTURE, paragraph.text)
            else:
                old_kind, old_level, _ = self._shape(previous, count=False)
                if (old_kind, old_level) != (block.kind, block.level):
                    block.old_format = BlockFormatChange(change, old_kind, old_level)
                else:
                    self._counts["format changes"] += 1  # spacing, indentation, alignment: not the report's
        self._add_block(block)

    def _take_id(self, part: Block | Section | Session, paragraph: RawParagraph) -> None:
        """Give ``part`` the stable id our writer named in the paragraph's bookmark, unless another part has it."""
        for name in paragraph.bookmarks:
            match = vocab.ID_MARK.fullmatch(name)
            if match is not None and match.group(1) not in self._ids:
                part.id = match.group(1)
                self._ids.add(part.id)
                return

    def _strict(self, paragraph: RawParagraph) -> bool:
        """Whether a paragraph is read by its style alone: one of our template's styles, in our template."""
        return self.ours and role_style(paragraph) is not None

    def _empty_block(self, paragraph: RawParagraph) -> bool:
        """Whether an empty paragraph is a block (our writer exports empty blocks), not spacing."""
        return self.ours and role_style(paragraph) in BLOCK_STYLES

    def _level(self, level: int, *, count: bool = True) -> int:
        if level > MAX_BULLET_LEVEL:
            if count:
                self._counts["deep bullets"] += 1
            return MAX_BULLET_LEVEL
        return max(level, 1)

    def _add_block(self, block: Block) -> None:
        if self._pending_refs:
            block.content[:0] = self._pending_refs
            self._counts["moved marks"] += len(self._pending_refs)
            self._pending_refs = []
        if self._session is not None:
            self._session.blocks.append(block)
            return
        if self._section is None:
            self.report.sections.append(Section(kind=SectionKind.GENERIC, heading="", level=1))
            self._section = self.report.sections[-1]
            self.notes.append(ImportNote.of(n.UNTITLED_SECTION))
        self._section.blocks.append(block)

    def _content(self, pieces: list[Piece], strip: int = 0) -> list[Inline]:
        """Spans and footnote references of a paragraph's pieces; ``strip`` characters of a typed bullet taken off.

        The bullet is taken off the text as it reads with every change accepted: deleted text does not count.
        """
        content: list[Inline] = []
        for piece in pieces:
            if isinstance(piece, NoteMarker):
                ref = self._ref(piece)
                if ref is not None:
                    content.append(ref)
                continue
            text = piece.text
            if strip and piece.deleted is None:
                cut = min(strip, len(text))
                text, strip = text[cut:], strip - cut
                if not strip:
                    text = text.lstrip(" \t\u00a0")
            if text or piece.comments:
                content.append(self._span(piece, text))
        return content

    def _flush_pending_refs(self) -> None:
        if self._pending_refs:
            self._add_block(Block(BlockKind.PARAGRAPH, []))

    def _event(self, event: Event, where: Phrase | None = None) -> None:
        if isinstance(event, RawTable) and where is None:
            add_table(self, event)  # a simple table of the body: importer/table_blocks.py
            return
        found = self._event_note(event, where or self._where())
        if found is not None:
            self.notes.append(found)


# ------------------------------------------------------------------ helpers


def parse_goals(text: str, preset: LanguagePreset, *, strict: bool = False) -> list[str] | None:
    """The quoted goals of a session's goals line, or None when the line is not only quoted goals.

    First the report language's own quotes and joining word are tried (which
    reads our exports back exactly); then, unless ``strict``, any common
    quotation marks joined by commas or "and"-words of any shipped language.
    """
    exact = _split_goals(text, preset)
    if exact is not None and preset.goals_line(exact) == text.strip():
        return exact
    if strict:
        return exact if exact is not None and fold(preset.goals_line(exact)) == fold(text) else None
    pattern = re.compile(r"[\"“”«»„]([^\"“”«»„]+)[\"“”«»„]")
    goals = [match.group(1).strip() for match in pattern.finditer(text)]
    rest = fold(pattern.sub(" ", text))
    joiners = {"and", "و", "et", "und", "y", "e", "i", "и", "ve"}
    if goals and all(word in joiners for word in rest.split()):
        return goals
    return None


def _split_goals(text: str, preset: LanguagePreset) -> list[str] | None:
    opening, closing = preset.quotes
    text = text.strip()
    if not text.startswith(opening) or not text.endswith(closing) or len(text) < len(opening) + len(closing):
        return None
    inner = text[len(opening) : len(text) - len(closing)]
    separator = closing + preset.goals_join + opening
    return inner.split(separator)


def _next_is_goals(items: list[Item], index: int) -> bool:
    for item in items[index + 1 :]:
        if isinstance(item, RawParagraph):
            if not item.text.strip():
                continue
            return item.has_style(GOALS)
    return False


__all__ = ["Builder", "NoteText", "Source", "made_from_our_template", "parse_goals", "role_style"]
