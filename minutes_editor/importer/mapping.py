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
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

import minutes_editor.importer.notes as n
from minutes_editor.importer.body import BodyStats, Event, Item, NoteMarker, Piece, RawParagraph, TextPiece
from minutes_editor.importer.notes import ImportNote, Listing, Phrase
from minutes_editor.importer.participants import split_participants
from minutes_editor.importer.recognise import (
    ends_like_sentence,
    fold,
    is_status,
    looks_like_session,
    recognise_heading,
    strip_label,
    typed_bullet,
    typed_number,
)
from minutes_editor.importer.revisions import CommentPart
from minutes_editor.importer.table_blocks import add_table
from minutes_editor.importer.tables import RawTable
from minutes_editor.importer.title_block import parse_date_line
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    Inline,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
    new_id,
)
from minutes_editor.ooxml import vocabulary as vocab


def _key(style: vocab.StyleName) -> str:
    return vocab.style_key(style.xml_name)


TITLE = _key(vocab.TITLE)
SUBTITLE = _key(vocab.SUBTITLE)
DATE_LINE = _key(vocab.MEETING_DATE)
LOCATION_LINE = _key(vocab.MEETING_LOCATION)
STATUS = _key(vocab.DOCUMENT_STATUS)
GOALS = _key(vocab.SESSION_GOALS)
LABEL = _key(vocab.LEAD_IN_LABEL)
PARTICIPANTS = _key(vocab.PARTICIPANTS)
TITLE_STYLES = frozenset({TITLE, SUBTITLE, DATE_LINE, LOCATION_LINE, STATUS})
BODY = _key(vocab.BODY_TEXT)
BULLET = _key(vocab.LIST_BULLET)
#: Paragraph styles of the template: a paragraph in one of them is read by its style, never by guesswork.
ROLE_STYLES = frozenset(_key(style) for style in vocab.ROLE_STYLES.values())
#: Block styles whose empty paragraphs are blocks (our writer exports empty blocks as empty paragraphs).
BLOCK_STYLES = frozenset({BODY, BULLET, LABEL})
_HEADING_STYLE = re.compile(r"heading (\d)")
_LIST_STYLE = re.compile(r"list (?:bullet|number|continue)?\s*(\d)?")
#: A heading typed or numbered by hand is short: at most this many words.
HEADING_WORDS = 15
LABEL_WORDS = 10
TITLE_WORDS = 40


@dataclass
class NoteText:
    """A footnote's or endnote's paragraphs, as read from its part."""

    kind: str
    note_id: str
    items: list[Item]


@dataclass
class Source:
    """Everything read from the package that the report is built from."""

    items: list[Item]
    notes: dict[tuple[str, str], NoteText]
    comments: list[CommentPart]
    stats: BodyStats
    bookmark_notes: dict[str, NoteMarker]


#: The title block's fields a line of it can set, as the operations name them (model/operations.py).
TITLE_FIELDS = ("meeting", "subtitle", "date", "start_time", "end_time", "timezone", "location", "status")


@dataclass
class _Heading:
    level: int
    text: str
    #: The section kind (or "session") a bookmark on the heading names, if any.
    marker: SectionKind | str | None = None


def heading_marker(paragraph: RawParagraph) -> SectionKind | str | None:
    """The section kind, or "session", that a bookmark on a heading paragraph names."""
    for name in paragraph.bookmarks:
        match = vocab.HEADING_MARK.fullmatch(name)
        if match is None:
            continue
        value = match.group(1)
        if value == vocab.SESSION_MARK:
            return vocab.SESSION_MARK
        if value in {kind.value for kind in SectionKind}:
            return SectionKind(value)
    return None


@dataclass
class Builder:
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

    # --------------------------------------------------------- title block

    def _title_block(self, items: list[Item]) -> None:
        styled = any(isinstance(item, RawParagraph) and item.has_style(*TITLE_STYLES) for item in items)
        paragraphs = [item for item in items if isinstance(item, RawParagraph)]
        labelled_later = [
            i
            for i, paragraph in enumerate(paragraphs)
            if strip_label(paragraph.text, "date") is not None
            or strip_label(paragraph.text, "location") is not None
            or is_status(paragraph.text)
        ]
        in_body = False
        position = -1
        for item in items:
            if isinstance(item, Event):
                self._event(item)
                continue
            position += 1
            text = item.text
            if not item.all_text.strip() and not _refs(item.pieces):
                continue
            if in_body:
                self._block(item)
                continue
            if self._title_line(item, text, styled, position, labelled_later):
                self._pending_refs.extend(self.refs_of(item.pieces))
            else:
                in_body = True

    def _title_line(self, item: RawParagraph, text: str, styled: bool, position: int, labelled: list[int]) -> bool:
        """Put one line of the title block in its field; False (after keeping it as a block) when it is body text."""
        title = self.report.title
        # Lines in our styles keep their text exactly; lines found by guesswork lose stray spaces.
        if not self._strict(item):
            text = text.strip()
        which = self._title_field(item, text, styled, position, labelled)
        if which is None:
            self._block(item)
            return False
        before = copy.copy(title)
        if not self._set_title(title, which, text, notes=True):
            return self._unplaced_title_line(item, text)
        name = "meeting" if which == "meeting+" else which
        self._field_comments(item, f"TitleBlock.{name}", "")
        self._title_changes(item, which, before)
        return True

    def _title_field(
        self, item: RawParagraph, text: str, styled: bool, position: int, labelled: list[int]
    ) -> str | None:
        """Which field of the title block a line sets ("meeting+" adds to the meeting's name), None for body text."""
        title = self.report.title
        if item.has_style(TITLE):
            return "meeting+"
        if item.has_style(SUBTITLE) and not title.subtitle:
            return "subtitle"
        if item.has_style(DATE_LINE) or (strip_label(text, "date") is not None and title.date is None):
            return "date"
        if item.has_style(LOCATION_LINE) or (strip_label(text, "location") is not None and not title.location):
            return "location"
        if item.has_style(STATUS) or (is_status(text) and not title.status):
            return "status"
        if not styled and not title.meeting and _plain_line(item, TITLE_WORDS) and not ends_like_sentence(text):
            return "meeting"
        if (
            not styled
            and not title.subtitle
            and _plain_line(item, HEADING_WORDS * 2)
            and any(later > position for later in labelled)
        ):
            return "subtitle"
        return None

    def _set_title(self, title: TitleBlock, which: str, text: str, *, notes: bool) -> bool:
        """Set the field ``which`` of ``title`` from a line's text; False when a date line holds no date."""
        if which == "meeting+":
            title.meeting = f"{title.meeting} {text}" if title.meeting and text else title.meeting or text
        elif which == "date":
            return self._date_line(title, text, notes=notes)
        elif which == "location":
            written = self._location_as_written(text)
            if written is not None:
                title.location = written
            else:
                rest = strip_label(text, "location")
                title.location = rest.strip() if rest is not None else text.strip()
        else:
            setattr(title, which, text)
        return True

    def _title_changes(self, item: RawParagraph, which: str, before: TitleBlock) -> None:
        """The pending changes of a title-block line: each field it sets, as it was with every change rejected."""
        change = item.first_change()
        if change is None:
            return
        whole = _whole(item)
        if (item.mark_inserted or item.mark_deleted) and whole is None:
            self._counts["paragraph marks"] += 1
        if not item.revised:
            return
        old = copy.copy(before)
        old_text = item.rejected_text if self._strict(item) else item.rejected_text.strip()
        # A line inserted whole leaves the fields as they were before it.
        if whole != "inserted" and not self._set_title(old, which, old_text, notes=False):
            self._not_kept(change, n.REASON_OLD_DATE, item.text)
            return
        title = self.report.title
        for name in TITLE_FIELDS:
            value = getattr(title, name)
            if getattr(old, name) != value:
                self.report.field_changes.append(FieldChange(f"TitleBlock.{name}", "", getattr(old, name), change))

    def _location_as_written(self, text: str) -> str | None:
        """The location in a line written by the language's template ("Lieu\u00a0: {location}"), exactly."""
        label = self.preset.label("location")
        head, _, tail = self.preset.location_line.partition("{location}")
        head, tail = head.format(label=label), tail.format(label=label)
        if text.startswith(head) and text.endswith(tail) and len(text) >= len(head) + len(tail):
            return text[len(head) : len(text) - len(tail)]
        return None

    def _date_line(self, title: TitleBlock, text: str, *, notes: bool) -> bool:
        if not text.strip():
            # A date line deleted whole: no date.
            title.date = title.start_time = title.end_time = None
            title.timezone = ""
            return True
        parsed = parse_date_line(text, self.preset)
        if parsed is None:
            return False
        title.date = parsed.date
        title.start_time = parsed.start_time
        title.end_time = parsed.end_time
        title.timezone = parsed.timezone
        if notes and not parsed.exact:
            written = self.preset.date_line_text(title)
            self.notes.append(ImportNote.of(n.DATE_READ_AS, text=text, written=written))
        return True

    def _unplaced_title_line(self, paragraph: RawParagraph, text: str) -> bool:
        title = self.report.title
        if not title.subtitle:
            title.subtitle = text
            self.notes.append(ImportNote.of(n.DATE_KEPT_AS_SUBTITLE, text=text))
            return True
        self.notes.append(ImportNote.of(n.DATE_KEPT_AS_PARAGRAPH, text=text))
        self._block(paragraph)
        return False

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

    def _heading_changes(self, paragraph: RawParagraph, field_name: str, owner: str) -> None:
        """Comments on a heading or session title, and its pending changes (a ``FieldChange``, or a note)."""
        self._field_comments(paragraph, field_name, owner)
        self._structure_change(paragraph)
        change = paragraph.first_change()
        if change is None:
            return
        whole = _whole(paragraph)
        if whole is not None:
            reason = n.REASON_NEW_SECTION if whole == "inserted" else n.REASON_REMOVED_SECTION
            text = paragraph.text if whole == "inserted" else paragraph.rejected_text
            self._not_kept(change, reason, text)
            return
        if paragraph.mark_inserted or paragraph.mark_deleted:
            self._counts["paragraph marks"] += 1
        if not paragraph.revised:
            return
        current: str | None
        if field_name == "Session.title" and self._session is not None:
            current = self._session.title
        elif self._section is not None:
            current = self._section.heading
        else:
            return
        old_heading = self._heading(paragraph.rejected())
        old: str | None = old_heading.text if old_heading is not None else paragraph.rejected_text.strip()
        if field_name == "Section.heading" and self._section is not None and old is not None:
            kind = self._section.kind
            if old.strip() == self.preset.heading(kind) and (
                heading_marker(paragraph) is not None or recognise_heading(old)
            ):
                old = None  # the language's default heading, as _new_section reads it
        if old != current:
            self.report.field_changes.append(FieldChange(field_name, owner, old, change))

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
            self._not_kept(change, n.REASON_PARTICIPANTS, paragraph.text)
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

    def _structure_change(self, paragraph: RawParagraph) -> None:
        """A tracked change of the properties of a line that is not a block (a heading, title, goals): noted."""
        previous, change = paragraph.previous, paragraph.previous_change
        if previous is None or change is None:
            return
        same_style = previous.style_names == paragraph.style_names and previous.outline == paragraph.outline
        if same_style and (previous.list_kind, previous.list_level) == (paragraph.list_kind, paragraph.list_level):
            self._counts["format changes"] += 1
        else:
            self._not_kept(change, n.REASON_STRUCTURE, paragraph.text)

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

    def _span(self, piece: TextPiece, text: str) -> Span:
        """A piece as a span, its comments named by the report's ids."""
        self._anchored.update(piece.comments)
        return Span(
            text,
            piece.bold,
            piece.italic,
            piece.underline,
            inserted=piece.inserted,
            deleted=piece.deleted,
            old_format=piece.old_format,
            comments=self._comment_ids_of(piece.comments) if piece.comments else (),
        )

    def _comment_ids_of(self, file_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The report's ids of comments, in the order of comments.xml (LibreOffice opens a reply's range first)."""
        # A comment mark whose comment comments.xml lacks anchors nothing.
        known = [file_id for file_id in file_ids if file_id in self._comment_order]
        return tuple(self._comment_id(file_id) for file_id in sorted(known, key=self._comment_order.__getitem__))

    def _comment_id(self, file_id: str) -> str:
        """The report's id of the comment the file calls ``file_id``."""
        found = self._comment_ids.get(file_id)
        if found is None:
            found = self._comment_ids[file_id] = new_id()
        return found

    def _field_comments(self, paragraph: RawParagraph, field_name: str, owner: str) -> None:
        """Comments whose range is in a line that is not body text: on that field (unless on body text too)."""
        for file_id in paragraph.comment_ids():
            self._comment_fields.setdefault(file_id, (field_name, owner))

    def _not_kept(self, change: Change, reason: str, text: str) -> None:
        """Note a reviewer's change the report cannot hold as pending, saying why and what the line now reads."""
        where = self._where()
        reason_phrase = Phrase(reason)
        if change.author:
            note = ImportNote.of(n.CHANGE_NOT_KEPT, author=change.author, place=where, reason=reason_phrase, text=text)
        else:
            note = ImportNote.of(n.CHANGE_NOT_KEPT_ANONYMOUS, place=where, reason=reason_phrase, text=text)
        self.notes.append(note)

    def _comments(self) -> None:
        """The comments of comments.xml, in its order, with their threads and what they are on."""
        for part in self.source.comments:
            field_name, owner = "", ""
            if part.file_id not in self._anchored:
                field_name, owner = self._comment_fields.get(part.file_id, ("", ""))
            self.report.comments.append(
                Comment(
                    id=self._comment_id(part.file_id),
                    author=part.author,
                    text=list(part.paragraphs),
                    date=part.date,
                    initials=part.initials,
                    parent=self._comment_id(part.parent) if part.parent else "",
                    done=part.done,
                    field_name=field_name,
                    owner=owner,
                )
            )

    def _flush_pending_refs(self) -> None:
        if self._pending_refs:
            self._add_block(Block(BlockKind.PARAGRAPH, []))

    # ----------------------------------------------------------- footnotes

    def refs_of(self, pieces: list[Piece]) -> list[FootnoteRef]:
        """Footnote references among a paragraph's pieces (for lines that cannot hold them)."""
        refs = [self._ref(piece) for piece in pieces if isinstance(piece, NoteMarker)]
        return [ref for ref in refs if ref is not None]

    def _ref(self, marker: NoteMarker) -> FootnoteRef | None:
        inserted, deleted = marker.inserted, marker.deleted
        if marker.kind == "ref":
            target = self.source.bookmark_notes.get(marker.note_id)
            if target is None:
                self._counts["broken note cross-references"] += 1
                return None
            marker = target
        key = (marker.kind, marker.note_id)
        if key not in self.source.notes:
            self._counts["missing notes"] += 1
            return None
        note_id = self._note_ids.get(key)
        if note_id is None:
            note_id = str(len(self._note_ids) + 1)
            self._note_ids[key] = note_id
        return FootnoteRef(note_id, inserted=inserted, deleted=deleted)

    def _footnotes(self) -> None:
        for key in self.source.notes:
            if key not in self._note_ids:
                self._note_ids[key] = str(len(self._note_ids) + 1)
                self._counts["unreferenced notes"] += 1
        endnotes = 0
        for key, note_id in self._note_ids.items():
            note = self.source.notes[key]
            endnotes += note.kind == "endnote"
            self.report.footnotes.append(Footnote(note_id, self._note_content(note)))
        if endnotes:
            self.notes.append(ImportNote.of(n.ENDNOTES, endnotes))

    def _note_content(self, note: NoteText) -> list[Span]:
        """A note's paragraphs as one run of spans: a space between paragraphs, carrying the change of the mark."""
        pieces: list[Piece] = []
        last: RawParagraph | None = None
        for item in note.items:
            if isinstance(item, Event):
                self._event(item, where=Phrase.of(n.IN_FOOTNOTE))
                continue
            if pieces and item.pieces and last is not None:
                pieces.append(TextPiece(" ", inserted=last.mark_inserted, deleted=last.mark_deleted))
            pieces.extend(item.pieces)
            if item.pieces:
                last = item
        spans: list[Span] = []
        for piece in pieces:
            if isinstance(piece, NoteMarker):
                self._counts["marks inside notes"] += 1
                continue
            spans.append(self._span(piece, piece.text))
        # Word puts one space between the note's mark and its text, LibreOffice a tab.
        first = next((span for span in spans if span.text), None)
        if first is not None and first.text.startswith((" ", "\t")) and not (first.inserted or first.deleted):
            first.text = first.text[1:]
        return _merge_spans([span for span in spans if span.text or span.comments])

    # -------------------------------------------------------------- events

    def _where(self) -> Phrase:
        if self._session is not None:
            return Phrase.of(n.IN_SESSION, title=self._session.title)
        if self._section is not None:
            heading = self._section.heading
            if heading is None:
                heading = self.preset.heading(self._section.kind)
            return Phrase.of(n.IN_SECTION, heading=heading) if heading else Phrase.of(n.IN_UNTITLED_SECTION)
        return Phrase.of(n.IN_TITLE_BLOCK)

    def _event(self, event: Event, where: Phrase | None = None) -> None:
        if isinstance(event, RawTable) and where is None:
            add_table(self, event)  # a simple table of the body: importer/table_blocks.py
            return
        found = self._event_note(event, where or self._where())
        if found is not None:
            self.notes.append(found)

    def _event_note(self, event: Event, where: Phrase) -> ImportNote | None:
        kind = event.kind
        if kind == "table":
            return ImportNote.of(n.TABLE, int(event.detail), place=where)
        if kind == "image":
            if event.detail:
                return ImportNote.of(n.NAMED_IMAGE, name=event.detail, place=where)
            return ImportNote.of(n.IMAGE, place=where)
        if kind == "equation":
            return ImportNote.of(n.EQUATION, place=where, text=_short(event.detail))
        plain = {
            "drawing": n.DRAWING,
            "textbox": n.TEXT_BOX,
            "object": n.EMBEDDED_OBJECT,
            "embedded": n.EMBEDDED_DOCUMENT,
        }
        if kind in plain:
            return ImportNote.of(plain[kind], place=where)
        return ImportNote.of(n.NOT_IMPORTED, place=where, detail=event.detail)

    def _summaries(self) -> None:
        stats = self.source.stats
        counts = self._counts
        counts["format changes"] += stats.format_changes
        fields = {name: count for name, count in stats.fields.items() if name not in ("NOTEREF",)}
        if fields:
            listed = Listing(tuple(f"{name} ({count})" for name, count in sorted(fields.items())))
            self.notes.append(ImportNote.of(n.FIELDS, fields=listed))
        if stats.links:
            shown = Listing(tuple(sorted(set(stats.links))[:10]))
            self.notes.append(ImportNote.of(n.LINKS, len(stats.links), links=shown))
        templates = {
            "numbered items": n.NUMBERED_ITEMS,
            "deep bullets": n.DEEP_BULLETS,
            "deep headings": n.DEEP_HEADINGS,
            "moved marks": n.MOVED_MARKS,
            "broken note cross-references": n.BROKEN_CROSS_REFERENCES,
            "missing notes": n.MISSING_NOTES,
            "unreferenced notes": n.UNREFERENCED_NOTES,
            "marks inside notes": n.MARKS_INSIDE_NOTES,
            "format changes": n.FORMAT_CHANGES,
            "paragraph marks": n.PARAGRAPH_MARKS,
        }
        for key, template in templates.items():
            if counts[key]:
                self.notes.append(ImportNote.of(template, counts[key]))


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


def made_from_our_template(style_names: set[str]) -> bool:
    """Whether a styles part defines the styles only our report template has (any two of them)."""
    distinctive = {DATE_LINE, LOCATION_LINE, STATUS, GOALS, LABEL, PARTICIPANTS}
    return len(distinctive & style_names) >= 2


def role_style(paragraph: RawParagraph) -> str | None:
    """The template role style of a paragraph (its own style or one it is based on), or None."""
    for name in paragraph.style_names:
        if name in ROLE_STYLES:
            return name
    return None


def _styled_heading_level(paragraph: RawParagraph) -> int | None:
    if paragraph.source != "body":
        return None
    for name in paragraph.style_names:
        match = _HEADING_STYLE.fullmatch(name)
        if match:
            return int(match.group(1))
    if paragraph.outline is not None:
        return paragraph.outline + 1
    return None


def _list_style_level(paragraph: RawParagraph) -> int | None:
    for name in paragraph.style_names:
        match = _LIST_STYLE.fullmatch(name)
        if match and name not in ("list", "list paragraph", "list continue"):
            return int(match.group(1) or 1)
    return None


def _next_is_goals(items: list[Item], index: int) -> bool:
    for item in items[index + 1 :]:
        if isinstance(item, RawParagraph):
            if not item.text.strip():
                continue
            return item.has_style(GOALS)
    return False


def _all_bold(paragraph: RawParagraph) -> bool:
    texts = [
        piece
        for piece in paragraph.pieces
        if isinstance(piece, TextPiece) and piece.text.strip() and piece.deleted is None
    ]
    return bool(texts) and all(piece.bold for piece in texts)


def _plain_line(paragraph: RawParagraph, max_words: int) -> bool:
    return (
        paragraph.source == "body"
        and paragraph.list_kind is None
        and typed_bullet(paragraph.text) is None
        and 0 < len(paragraph.text.split()) <= max_words
    )


def _refs(pieces: list[Piece]) -> bool:
    return any(isinstance(piece, NoteMarker) for piece in pieces)


def _merge_spans(spans: list[Span]) -> list[Span]:
    """Join neighbouring spans of equal emphasis, changes and comments, in linear time."""
    groups: list[tuple[Span, list[str]]] = []
    for span in spans:
        if groups and _same_marks(groups[-1][0], span):
            groups[-1][1].append(span.text)
        else:
            groups.append((span, [span.text]))
    merged = []
    for first, texts in groups:
        first.text = "".join(texts)
        merged.append(first)
    return merged


def _same_marks(one: Span, other: Span) -> bool:
    return (
        one.bold == other.bold
        and one.italic == other.italic
        and one.underline == other.underline
        and one.inserted == other.inserted
        and one.deleted == other.deleted
        and one.old_format == other.old_format
        and one.comments == other.comments
    )


def _whole(paragraph: RawParagraph) -> str | None:
    """Whether a reviewer inserted or deleted a paragraph whole (all its text and its mark): "inserted", "deleted"."""
    texts = [piece for piece in paragraph.pieces if isinstance(piece, TextPiece) and piece.text]
    if not texts:
        return None
    if paragraph.mark_inserted is not None and all(piece.inserted is not None for piece in texts):
        return "inserted"
    if paragraph.mark_deleted is not None and all(piece.deleted is not None for piece in texts):
        return "deleted"
    return None


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
