"""From the paragraphs of a .docx to a report: title block, sections, sessions, blocks and footnotes.

Our own exports are read by their style names (the template contract in
minutes_editor.ooxml.vocabulary). Documents made by hand are read the way a
person reads them: built-in heading styles or outline levels, typed numbers
("1.", "1-") or list numbering on a heading-like line, typed bullet glyphs
with their indentation, a bold line ending in a colon as a lead-in label, and
the lines above the first heading as the title block. What the report model
cannot hold is kept as text where it stood, or listed in the notes.
"""

from __future__ import annotations

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
from minutes_editor.importer.title_block import parse_date_line
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    Block,
    BlockKind,
    Footnote,
    FootnoteRef,
    Inline,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
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
class Comment:
    """A comment: its author and text."""

    author: str
    text: str


@dataclass
class Source:
    """Everything read from the package that the report is built from."""

    items: list[Item]
    notes: dict[tuple[str, str], NoteText]
    comments: dict[str, Comment]
    stats: BodyStats
    bookmark_notes: dict[str, NoteMarker]


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

    def __post_init__(self) -> None:
        self.report = Report(language=self.language)

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
            if not text.strip() and not _refs(item.pieces):
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
        if item.has_style(TITLE):
            title.meeting = f"{title.meeting} {text}" if title.meeting else text
        elif item.has_style(SUBTITLE) and not title.subtitle:
            title.subtitle = text
        elif item.has_style(DATE_LINE) or (strip_label(text, "date") is not None and title.date is None):
            if not self._date_line(text):
                return self._unplaced_title_line(item, text)
        elif item.has_style(LOCATION_LINE) or (strip_label(text, "location") is not None and not title.location):
            written = self._location_as_written(text)
            if written is not None:
                title.location = written
            else:
                rest = strip_label(text, "location")
                title.location = rest.strip() if rest is not None else text.strip()
        elif item.has_style(STATUS) or (is_status(text) and not title.status):
            title.status = text
        elif not styled and not title.meeting and _plain_line(item, TITLE_WORDS) and not ends_like_sentence(text):
            title.meeting = text
        elif (
            not styled
            and not title.subtitle
            and _plain_line(item, HEADING_WORDS * 2)
            and any(later > position for later in labelled)
        ):
            title.subtitle = text
        else:
            self._block(item)
            return False
        return True

    def _location_as_written(self, text: str) -> str | None:
        """The location in a line written by the language's template ("Lieu\u00a0: {location}"), exactly."""
        label = self.preset.label("location")
        head, _, tail = self.preset.location_line.partition("{location}")
        head, tail = head.format(label=label), tail.format(label=label)
        if text.startswith(head) and text.endswith(tail) and len(text) >= len(head) + len(tail):
            return text[len(head) : len(text) - len(tail)]
        return None

    def _date_line(self, text: str) -> bool:
        title = self.report.title
        parsed = parse_date_line(text, self.preset)
        if parsed is None:
            return False
        title.date = parsed.date
        title.start_time = parsed.start_time
        title.end_time = parsed.end_time
        title.timezone = parsed.timezone
        if not parsed.exact:
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
            if heading.level <= 1:
                self._new_section(heading.text, level=1, marker=marker)
            elif heading.level == 2:
                self._subheading(heading.text, items, index, marker=marker)
            else:
                self._add_block(Block(BlockKind.LABEL, self._content(paragraph.pieces)))
                self._counts["deep headings"] += 1
            return
        text = paragraph.text
        if not text.strip() and not _refs(paragraph.pieces) and not self._empty_block(paragraph):
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
        goals = parse_goals(paragraph.text, self.preset)
        if goals is None:
            return False
        session.goals = goals
        self._pending_refs.extend(self.refs_of(paragraph.pieces))
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
        text = paragraph.text
        role = role_style(paragraph)
        if not text.strip() and not _refs(paragraph.pieces) and not self._empty_block(paragraph):
            return
        if role == LABEL:
            self._add_block(Block(BlockKind.LABEL, self._content(paragraph.pieces)))
            return
        if self._strict(paragraph) and role != BULLET:
            self._add_block(Block(BlockKind.PARAGRAPH, self._content(paragraph.pieces)))
            return
        if paragraph.list_kind is not None:
            level = paragraph.list_level + 1
            if level == 1:
                # Word's "List Bullet 2" is a one-level list of its own, drawn further in: its name gives the level.
                level = _list_style_level(paragraph) or 1
            if paragraph.list_kind == "number":
                self._counts["numbered items"] += 1
            self._add_block(Block(BlockKind.BULLET, self._content(paragraph.pieces), self._level(level)))
            return
        list_style = _list_style_level(paragraph)
        if list_style is not None:
            self._add_block(Block(BlockKind.BULLET, self._content(paragraph.pieces), self._level(list_style)))
            return
        if role == BULLET and self.ours:
            self._add_block(Block(BlockKind.BULLET, self._content(paragraph.pieces), 1))
            return
        bullet = typed_bullet(text) if paragraph.source != "table" else None
        if bullet is not None:
            glyph_level, length = bullet
            level = glyph_level
            if len(self._typed_indents) > 1:
                level = self._typed_indents.index(paragraph.indent or 0) + 1
            content = self._content(paragraph.pieces, strip=length)
            self._add_block(Block(BlockKind.BULLET, content, self._level(level)))
            return
        if (
            paragraph.source == "body"
            and _all_bold(paragraph)
            and text.rstrip().endswith((":", "："))
            and len(text.split()) <= LABEL_WORDS
        ):
            self._add_block(Block(BlockKind.LABEL, self._content(paragraph.pieces)))
            return
        self._add_block(Block(BlockKind.PARAGRAPH, self._content(paragraph.pieces)))

    def _strict(self, paragraph: RawParagraph) -> bool:
        """Whether a paragraph is read by its style alone: one of our template's styles, in our template."""
        return self.ours and role_style(paragraph) is not None

    def _empty_block(self, paragraph: RawParagraph) -> bool:
        """Whether an empty paragraph is a block (our writer exports empty blocks), not spacing."""
        return self.ours and role_style(paragraph) in BLOCK_STYLES

    def _level(self, level: int) -> int:
        if level > MAX_BULLET_LEVEL:
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
        content: list[Inline] = []
        for piece in pieces:
            if isinstance(piece, NoteMarker):
                ref = self._ref(piece)
                if ref is not None:
                    content.append(ref)
                continue
            text = piece.text
            if strip:
                cut = min(strip, len(text))
                text, strip = text[cut:], strip - cut
                if not strip:
                    text = text.lstrip(" \t\u00a0")
            if text:
                content.append(Span(text, piece.bold, piece.italic, piece.underline))
        return content

    def _flush_pending_refs(self) -> None:
        if self._pending_refs:
            self._add_block(Block(BlockKind.PARAGRAPH, []))

    # ----------------------------------------------------------- footnotes

    def refs_of(self, pieces: list[Piece]) -> list[FootnoteRef]:
        """Footnote references among a paragraph's pieces (for lines that cannot hold them)."""
        refs = [self._ref(piece) for piece in pieces if isinstance(piece, NoteMarker)]
        return [ref for ref in refs if ref is not None]

    def _ref(self, marker: NoteMarker) -> FootnoteRef | None:
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
        return FootnoteRef(note_id)

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
        pieces: list[Piece] = []
        for item in note.items:
            if isinstance(item, Event):
                self._event(item, where=Phrase.of(n.IN_FOOTNOTE))
                continue
            if pieces and item.pieces:
                pieces.append(TextPiece(" "))
            pieces.extend(item.pieces)
        spans: list[Span] = []
        for piece in pieces:
            if isinstance(piece, NoteMarker):
                self._counts["marks inside notes"] += 1
                continue
            spans.append(Span(piece.text, piece.bold, piece.italic, piece.underline))
        # Word puts one space between the note's mark and its text, LibreOffice a tab.
        if spans and spans[0].text.startswith((" ", "\t")):
            spans[0].text = spans[0].text[1:]
        return _merge_spans([span for span in spans if span.text])

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
        found = self._event_note(event, where or self._where())
        if found is not None:
            self.notes.append(found)

    def _event_note(self, event: Event, where: Phrase) -> ImportNote | None:
        kind = event.kind
        if kind == "table":
            return ImportNote.of(n.TABLE, int(event.detail), place=where)
        if kind == "comment":
            comment = self.source.comments.get(event.detail)
            if comment is None:
                return None
            anchor = " ".join("".join(self.source.stats.comment_anchors.get(event.detail, [])).split())
            text = _short(comment.text, 300)
            if comment.author and anchor:
                return ImportNote.of(
                    n.COMMENT_BY_ON, author=comment.author, anchor=_short(anchor), place=where, text=text
                )
            if comment.author:
                return ImportNote.of(n.COMMENT_BY, author=comment.author, place=where, text=text)
            if anchor:
                return ImportNote.of(n.COMMENT_ON, anchor=_short(anchor), place=where, text=text)
            return ImportNote.of(n.COMMENT, place=where, text=text)
        if kind == "image":
            if event.detail:
                return ImportNote.of(n.NAMED_IMAGE, name=event.detail, place=where)
            return ImportNote.of(n.IMAGE, place=where)
        quoting = {"deletion": n.TRACKED_DELETION, "moved": n.TRACKED_MOVE, "equation": n.EQUATION}
        if kind in quoting:
            return ImportNote.of(quoting[kind], place=where, text=_short(event.detail))
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
        if stats.insertions:
            self.notes.append(ImportNote.of(n.TRACKED_INSERTIONS, stats.insertions))
        if stats.deletions:
            self.notes.append(ImportNote.of(n.TRACKED_DELETIONS, stats.deletions))
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
    texts = [piece for piece in paragraph.pieces if isinstance(piece, TextPiece) and piece.text.strip()]
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
    """Join neighbouring spans of equal emphasis, in linear time."""
    groups: list[tuple[tuple[bool, bool, bool], list[str]]] = []
    for span in spans:
        key = (span.bold, span.italic, span.underline)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(span.text)
        else:
            groups.append((key, [span.text]))
    return [Span("".join(texts), *key) for key, texts in groups]


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
