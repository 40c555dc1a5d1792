"""The report as a flat list of typed paragraphs: the one form every output consumes.

``flatten(report)`` resolves what depends on the report's language (default
headings, the participants sentence, the quoted goals line, the date line)
and numbers what Word will number (headings, footnotes), so that the .docx
writer and the editor's live preview show the same document.

Reviewers' pending changes and comments (docs/review.md) travel with the
text: a run or footnote mark carries who inserted or deleted it and its
emphasis before a formatting change; a paragraph carries who inserted or
deleted its end, its role before a change of type, its stable id and the
comments on the whole of it (a field's). A field that is not body text (a
title-block line, a heading, a session's title or goals) with pending
changes becomes a word-level diff of its values (minutes_editor.render.diff).
Marks are frozen copies of the model's records, so paragraphs stay hashable.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Change,
    FieldChange,
    FootnoteRef,
    Inline,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.render.diff import marked_text
from minutes_editor.render.flow_types import (
    FlowDocument,
    FlowInline,
    FormerEmphasis,
    FormerRole,
    Mark,
    Note,
    NoteMark,
    Origin,
    Paragraph,
    Remark,
    Role,
    Run,
)
from minutes_editor.storage.presets import load_preset

#: The types live in flow_types.py; callers import them from here, with ``flatten``.
__all__ = [
    "FlowDocument",
    "FlowInline",
    "FormerEmphasis",
    "FormerRole",
    "Mark",
    "Note",
    "NoteMark",
    "Origin",
    "Paragraph",
    "Remark",
    "Role",
    "Run",
    "flatten",
]

_ROLE_OF_KIND = {BlockKind.PARAGRAPH: Role.BODY, BlockKind.BULLET: Role.BULLET, BlockKind.LABEL: Role.LABEL}

#: The type each field a pending field change may name must hold (model/operations.py names the fields).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "TitleBlock.meeting": (str,),
    "TitleBlock.subtitle": (str,),
    "TitleBlock.date": (dt.date, type(None)),
    "TitleBlock.start_time": (dt.time, type(None)),
    "TitleBlock.end_time": (dt.time, type(None)),
    "TitleBlock.timezone": (str,),
    "TitleBlock.location": (str,),
    "TitleBlock.status": (str,),
    "Section.heading": (str, type(None)),
    "Section.level": (int,),
    "Session.title": (str,),
    "Session.goals": (list,),
    "Section.participants": (list,),
}

_Key = tuple[str, str]
_State = dict[str, object]


def flatten(report: Report) -> FlowDocument:
    """Turn a report into the paragraphs and notes an output writes, in order."""
    return _Flattener(report).run()


class _Flattener:
    """One flattening: the report's paragraphs in order, its notes numbered, its pending changes as marks."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.preset = load_preset(report.language)
        self.paragraphs: list[Paragraph] = []
        self.note_numbers: dict[str, int] = {}
        # A note referenced again where one of the references is a pending insertion or deletion (a paragraph
        # moved, or copied by a reviewer) gets a copy of its own: Word gives each footnote one reference, and
        # Accept All or Reject All keeps one of the two.
        self.note_copies: list[tuple[int, str]] = []
        self._tracked_notes: set[str] = set()
        # Model records are unhashable: marks are made once per change object, by identity.
        self._marks: dict[int, Mark] = {}
        self.changes: dict[_Key, list[tuple[int, FieldChange]]] = {}
        for index, change in enumerate(report.field_changes):
            if isinstance(change.old, _FIELD_TYPES.get(change.field_name, ())):
                self.changes.setdefault((change.field_name, change.owner), []).append((index, change))
        self.placed: set[int] = set()
        self.field_comments: dict[_Key, list[str]] = {}
        for comment in report.comments:
            if comment.field_name:
                self.field_comments.setdefault((comment.field_name, comment.owner), []).append(comment.id)

    def run(self) -> FlowDocument:
        report, preset = self.report, self.preset
        self._title_block(report.title)
        heading_number = 0
        for s_index, section in enumerate(report.sections):
            here = Origin(s_index)
            heading = functools.partial(_heading_text, kind=section.kind, preset=preset)
            former = self._former_level(section.id)
            keys = [("Section.heading", section.id), ("Section.level", section.id)]
            if section.level == 1:
                heading_number += 1
                self._field(
                    Role.HEADING,
                    keys,
                    heading,
                    {"heading": section.heading},
                    here,
                    always=True,
                    number=heading_number,
                    ident=section.id,
                    former=former,
                    part=section,
                )
            else:
                self._field(
                    Role.SUBHEADING,
                    keys,
                    heading,
                    {"heading": section.heading},
                    here,
                    ident=section.id,
                    former=former,
                    part=section,
                )
            self._body(section.blocks, s_index)
            if section.kind is SectionKind.PARTICIPATION:
                self._field(
                    Role.PARTICIPANTS,
                    [("Section.participants", section.id)],
                    lambda state: preset.list_join.join(_names(state["participants"])),
                    {"participants": section.participants},
                    here,
                    part=section,
                )
            for j_index, session in enumerate(section.sessions):
                at_session = Origin(s_index, j_index)
                self._field(
                    Role.SUBHEADING,
                    [("Session.title", session.id)],
                    _attribute("title"),
                    {"title": session.title},
                    at_session,
                    ident=session.id,
                    part=session,
                )
                self._field(
                    Role.GOALS,
                    [("Session.goals", session.id)],
                    lambda state: preset.goals_line(_strings(state["goals"])),
                    {"goals": session.goals},
                    at_session,
                    part=session,
                )
                self._body(session.blocks, s_index, j_index)
        return FlowDocument(
            language=report.language,
            direction=report.direction,
            preset=preset,
            title=report.title.meeting,
            paragraphs=tuple(self.paragraphs),
            notes=self._notes(),
            comments=tuple(
                Remark(c.id, c.author, tuple(c.text), c.date, c.initials, c.parent, c.done) for c in report.comments
            ),
            unplaced=tuple(
                f"{change.field_name} of {change.owner or 'the title block'}"
                for change in report.field_changes
                if id(change) not in self.placed
            ),
        )

    # Pieces

    def mark(self, change: Change | None) -> Mark | None:
        """The frozen mark of a model change (the same object for the same change)."""
        if change is None:
            return None
        found = self._marks.get(id(change))
        if found is None:
            found = self._marks[id(change)] = Mark(change.author, change.date, change.move)
        return found

    def runs(self, content: list[Span] | list[Inline]) -> tuple[FlowInline, ...]:
        result: list[FlowInline] = []
        numbers = self.note_numbers
        for item in content:
            if isinstance(item, FootnoteRef):
                tracked = item.inserted is not None or item.deleted is not None
                seen = item.footnote_id in numbers
                if seen and (tracked or item.footnote_id in self._tracked_notes):
                    number = len(numbers) + len(self.note_copies) + 1
                    self.note_copies.append((number, item.footnote_id))
                else:
                    number = numbers.setdefault(item.footnote_id, len(numbers) + len(self.note_copies) + 1)
                if tracked:
                    self._tracked_notes.add(item.footnote_id)
                result.append(NoteMark(number, item.footnote_id, self.mark(item.inserted), self.mark(item.deleted)))
            elif not item.text:
                continue
            elif item.inserted is None and item.deleted is None and item.old_format is None and not item.comments:
                result.append(Run(item.text, item.bold, item.italic, item.underline))
            else:
                old = item.old_format
                former = None
                if old is not None:
                    former = FormerEmphasis(_mark_of(self.mark(old.change)), old.bold, old.italic, old.underline)
                result.append(
                    Run(
                        item.text,
                        item.bold,
                        item.italic,
                        item.underline,
                        self.mark(item.inserted),
                        self.mark(item.deleted),
                        former,
                        item.comments,
                    )
                )
        return tuple(result)

    def _title_block(self, title: TitleBlock) -> None:
        top = Origin()
        preset = self.preset

        def line(render: Callable[[TitleBlock], str]) -> Callable[[_State], str]:
            return lambda state: render(replace(title, **state))  # type: ignore[arg-type]

        def keys(*names: str) -> list[_Key]:
            return [(f"TitleBlock.{name}", "") for name in names]

        self._field(Role.TITLE, keys("meeting"), _attribute("meeting"), {"meeting": title.meeting}, top)
        self._field(Role.SUBTITLE, keys("subtitle"), _attribute("subtitle"), {"subtitle": title.subtitle}, top)
        times = {
            "date": title.date,
            "start_time": title.start_time,
            "end_time": title.end_time,
            "timezone": title.timezone,
        }
        self._field(Role.DATE_LINE, keys(*times), line(preset.date_line_text), dict(times), top)
        self._field(
            Role.LOCATION_LINE, keys("location"), line(preset.location_line_text), {"location": title.location}, top
        )
        self._field(Role.STATUS, keys("status"), _attribute("status"), {"status": title.status}, top)

    def _body(self, blocks: list[Block], section: int, session: int = -1) -> None:
        last = len(blocks) - 1
        for index, block in enumerate(blocks):
            role = _ROLE_OF_KIND.get(block.kind, Role.BODY)  # a table: an empty paragraph until flow knows tables
            level = block.level if block.kind is BlockKind.BULLET else 0
            inserted, deleted, former = self.mark(block.inserted), self.mark(block.deleted), None
            if index == last:
                # The end of a body's last block joins nothing in the model (docs/review.md), where Word would
                # join the paragraph with the next heading: its end is kept unmarked while text would reach it.
                if deleted is not None and _reaches_end(blocks, accept=True):
                    deleted = None
                if inserted is not None and _reaches_end(blocks, accept=False):
                    inserted = None
            old = block.old_format
            if old is not None:
                old_level = old.level if old.kind is BlockKind.BULLET else 0
                former = FormerRole(_mark_of(self.mark(old.change)), _ROLE_OF_KIND[old.kind], old_level)
            self.paragraphs.append(
                Paragraph(
                    role,
                    self.runs(block.content),
                    level=level,
                    origin=Origin(section, session, index),
                    id=block.id,
                    inserted=inserted,
                    deleted=deleted,
                    former=former,
                )
            )

    def _former_level(self, owner: str) -> FormerRole | None:
        pending = self.changes.get(("Section.level", owner), [])
        if not pending:
            return None
        _, change = pending[0]
        self.placed.add(id(change))
        role = Role.HEADING if change.old == 1 else Role.SUBHEADING
        return FormerRole(_mark_of(self.mark(change.change)), role)

    def _field(
        self,
        role: Role,
        keys: list[_Key],
        render: Callable[[_State], str],
        current: _State,
        origin: Origin,
        *,
        always: bool = False,
        number: int = 0,
        ident: str = "",
        former: FormerRole | None = None,
        part: Section | Session | None = None,
    ) -> None:
        """A paragraph showing fields: as it is, or as a diff of its values when a field has pending changes.

        ``part`` is the section or session the paragraph belongs to: one a reviewer proposed to add or
        remove whole has the paragraph's text and end inserted or deleted too.
        """
        paragraphs = len(self.paragraphs)
        self._field_paragraph(
            role, keys, render, current, origin, always=always, number=number, ident=ident, former=former
        )
        if part is not None and (part.inserted or part.deleted) and len(self.paragraphs) > paragraphs:
            self.paragraphs[-1] = _whole(self.paragraphs[-1], self.mark(part.inserted), self.mark(part.deleted))

    def _field_paragraph(
        self,
        role: Role,
        keys: list[_Key],
        render: Callable[[_State], str],
        current: _State,
        origin: Origin,
        *,
        always: bool,
        number: int,
        ident: str,
        former: FormerRole | None,
    ) -> None:
        comments = tuple(comment for key in keys for comment in self.field_comments.get(key, ()))
        pending = sorted(
            (item for key in keys if key[0] != "Section.level" for item in self.changes.get(key, ())),
            key=lambda item: item[0],
        )
        if not pending:
            text = render(current)
            if always or text.strip():
                self.paragraphs.append(
                    Paragraph(
                        role, (Run(text),), number=number, origin=origin, id=ident, former=former, comments=comments
                    )
                )
            return
        state = dict(current)
        for _, change in reversed(pending):
            state[_attr(change)] = change.old
        first = _blank(render(state))
        steps: list[tuple[Mark, str]] = []
        for position, (_, change) in enumerate(pending):
            name = _attr(change)
            later = next((c for _, c in pending[position + 1 :] if c.field_name == change.field_name), None)
            state[name] = later.old if later is not None else current[name]
            steps.append((_mark_of(self.mark(change.change)), _blank(render(state))))
            self.placed.add(id(change))
        texts = [first] + [text for _, text in steps]
        if not always and not any(texts):
            return
        inserted = deleted = None
        if not always:
            # A paragraph that was not there, or is no more, has its end inserted or deleted too.
            if not texts[0]:
                inserted = next(mark for (mark, text) in steps if text)
            if not texts[-1]:
                deleted = next(mark for i, (mark, text) in reversed(list(enumerate(steps))) if texts[i])
        inlines = tuple(
            Run(piece.text, inserted=piece.inserted, deleted=piece.deleted) for piece in marked_text(first, steps)
        )
        self.paragraphs.append(
            Paragraph(
                role,
                inlines,
                number=number,
                origin=origin,
                id=ident,
                inserted=inserted,
                deleted=deleted,
                former=former,
                comments=comments,
            )
        )

    def _notes(self) -> tuple[Note, ...]:
        notes = []
        uses = sorted([(number, footnote_id) for footnote_id, number in self.note_numbers.items()] + self.note_copies)
        for number, footnote_id in uses:
            note = self.report.footnote(footnote_id)
            content = self.runs(list(note.content)) if note else ()
            notes.append(Note(number, footnote_id, tuple(item for item in content if isinstance(item, Run))))
        return tuple(notes)


def _names(participants: object) -> list[str]:
    """The names of a list of participants (a field's value, current or pending)."""
    assert isinstance(participants, list)
    return [item.name for item in participants]


def _whole(paragraph: Paragraph, inserted: Mark | None, deleted: Mark | None) -> Paragraph:
    """``paragraph`` with its text and end marked as a whole part's: what it has of its own stays."""
    runs = tuple(
        replace(item, inserted=item.inserted or inserted, deleted=item.deleted or deleted)
        if isinstance(item, Run)
        else item
        for item in paragraph.inlines
    )
    return replace(
        paragraph,
        inlines=runs,
        inserted=paragraph.inserted or inserted,
        deleted=paragraph.deleted or deleted,
    )


def _mark_of(mark: Mark | None) -> Mark:
    assert mark is not None
    return mark


def _attr(change: FieldChange) -> str:
    return change.field_name.split(".", 1)[1]


def _blank(text: str) -> str:
    # A paragraph of white space is not written (as an empty field): treat it as no text at all.
    return text if text.strip() else ""


def _constant(text: str) -> Callable[[_State], str]:
    return lambda state: text


def _attribute(name: str) -> Callable[[_State], str]:
    return lambda state: str(state[name])


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _heading_text(state: _State, kind: SectionKind, preset: LanguagePreset) -> str:
    heading = state.get("heading")
    return heading if isinstance(heading, str) else preset.heading(kind)


def _remains(content: list[Inline], *, accept: bool) -> bool:
    """Whether anything of ``content`` is left after accepting (or rejecting) every pending change."""
    for item in content:
        if isinstance(item, Span) and not item.text:
            continue
        if (item.deleted if accept else item.inserted) is None:
            return True
    return False


def _reaches_end(blocks: list[Block], *, accept: bool) -> bool:
    """Whether text is left in the last block once the ends that go (accepting, or rejecting) join blocks into it."""
    last = len(blocks) - 1
    for index in range(last, -1, -1):
        block = blocks[index]
        if index < last and (block.deleted if accept else block.inserted) is None:
            return False
        if _remains(block.content, accept=accept):
            return True
    return False
