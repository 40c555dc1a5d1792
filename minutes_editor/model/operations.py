"""Operations: every change to a report's structure and fields as a typed object that checks and inverts itself.

After ProseMirror's steps: an operation applies itself to a ``Report``,
refusing with ``OperationRefusedError`` (and changing nothing) when the result
would break a rule of the report, and returns the operation that undoes it.
The window's undo commands wrap these; the rules they check live here once,
and the .minutes loader asks the same functions.

Parts are named by identity (the section, session or note object), as the
undo stack and the recovery journal know them. The journal's contract holds:
a field whose value is a list (participants, goals, a note's content), a
body's blocks and the report's comments and field changes are replaced by a
new list, never changed in place; only the lists of sections and sessions
change in place (storage/journal.py). Inserted parts keep their ids.

Removing a section or session lets go of what names it by id (a .minutes
file may not hold a field change or comment whose owner is gone): its
pending field changes are dropped and the comments on its fields stay as
comments on no field; the inverse puts both back as they were.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar, cast

from minutes_editor.model.report import (
    Block,
    Change,
    Comment,
    FieldChange,
    Footnote,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.rules import OperationRefusedError, Rule, check_block, check_sections

_Owner = TypeVar("_Owner", TitleBlock, Section, Session, Footnote)
_Value = TypeVar("_Value")


@dataclass(frozen=True, eq=False)
class Field(Generic[_Owner, _Value]):
    """A settable field of a part of the report, typed by its owner and value."""

    owner: type[_Owner]
    name: str
    #: A list value: set as a new list, so the journal sees it changed (see the module's docstring).
    is_list: bool = False

    def get(self, target: _Owner) -> _Value:
        """The field's value in ``target``."""
        return cast("_Value", getattr(target, self.name))

    def __repr__(self) -> str:
        return f"{self.owner.__name__}.{self.name}"


MEETING: Field[TitleBlock, str] = Field(TitleBlock, "meeting")
SUBTITLE: Field[TitleBlock, str] = Field(TitleBlock, "subtitle")
DATE: Field[TitleBlock, dt.date | None] = Field(TitleBlock, "date")
START_TIME: Field[TitleBlock, dt.time | None] = Field(TitleBlock, "start_time")
END_TIME: Field[TitleBlock, dt.time | None] = Field(TitleBlock, "end_time")
TIMEZONE: Field[TitleBlock, str] = Field(TitleBlock, "timezone")
LOCATION: Field[TitleBlock, str] = Field(TitleBlock, "location")
STATUS: Field[TitleBlock, str] = Field(TitleBlock, "status")
HEADING: Field[Section, str | None] = Field(Section, "heading")
LEVEL: Field[Section, int] = Field(Section, "level")
PARTICIPANTS: Field[Section, list[Participant]] = Field(Section, "participants", is_list=True)
SESSION_TITLE: Field[Session, str] = Field(Session, "title")
GOALS: Field[Session, list[str]] = Field(Session, "goals", is_list=True)
NOTE_CONTENT: Field[Footnote, list[Span]] = Field(Footnote, "content", is_list=True)

#: Every settable field, for whoever names one by its repr (a pending field change: ``"TitleBlock.location"``).
FIELDS: tuple[Field[Any, Any], ...] = (
    MEETING,
    SUBTITLE,
    DATE,
    START_TIME,
    END_TIME,
    TIMEZONE,
    LOCATION,
    STATUS,
    HEADING,
    LEVEL,
    PARTICIPANTS,
    SESSION_TITLE,
    GOALS,
    NOTE_CONTENT,
)


#: The marks of a section, session or footnote a reviewer proposed to add or remove whole (docs/review.md).
#: Deciding them sets them to None; no ``FieldChange`` names them, so they are not among ``FIELDS``.
SECTION_INSERTED: Field[Section, Change | None] = Field(Section, "inserted")
SECTION_DELETED: Field[Section, Change | None] = Field(Section, "deleted")
SESSION_INSERTED: Field[Session, Change | None] = Field(Session, "inserted")
SESSION_DELETED: Field[Session, Change | None] = Field(Session, "deleted")
NOTE_INSERTED: Field[Footnote, Change | None] = Field(Footnote, "inserted")
NOTE_DELETED: Field[Footnote, Change | None] = Field(Footnote, "deleted")


class Operation(ABC):
    """One change to a report: ``apply`` checks it, makes it and returns its inverse."""

    def apply(self, report: Report) -> Operation:
        """Make the change; raises OperationRefusedError, leaving ``report`` unchanged, if it breaks a rule."""
        self.check(report)
        return self._apply(report)

    @abstractmethod
    def check(self, report: Report) -> None:
        """Raise OperationRefusedError if the change cannot be made to ``report``; change nothing."""

    @abstractmethod
    def _apply(self, report: Report) -> Operation: ...


def _refuse(message: str) -> OperationRefusedError:
    return OperationRefusedError(Rule.PLACE, message)


def _index_of(items: list[Any], item: object) -> int:
    for index, candidate in enumerate(items):
        if candidate is item:
            return index
    return -1


def _section_in(report: Report, section: Section) -> None:
    if _index_of(report.sections, section) < 0:
        raise _refuse("the section is not in the report")


def _discussion(report: Report, section: Section) -> None:
    _section_in(report, section)
    if section.kind is not SectionKind.DISCUSSION:
        raise OperationRefusedError(Rule.SESSIONS, "only a discussion section has sessions")


def _range(index: int, size: int) -> None:
    if not 0 <= index < size:
        raise _refuse(f"no item {index} among {size}")


@dataclass(frozen=True, eq=False)
class ReviewLists:
    """A report's field changes and comments as they were before a removal let go of some (to put them back)."""

    field_changes: list[FieldChange]
    comments: list[Comment]

    def restore(self, report: Report) -> None:
        """Put the lists back (the very lists: an undo gives the report as it was)."""
        report.field_changes = self.field_changes
        report.comments = self.comments


def let_go_of(report: Report, owners: set[str]) -> ReviewLists | None:
    """Drop the field changes of the parts ``owners`` (ids) and take their comments off their fields.

    Returns the lists as they were, or None when nothing named those parts.
    The lists are replaced, not changed in place.
    """
    named = any(change.owner in owners for change in report.field_changes) or any(
        comment.field_name and comment.owner in owners for comment in report.comments
    )
    if not named:
        return None
    before = ReviewLists(report.field_changes, report.comments)
    report.field_changes = [change for change in report.field_changes if change.owner not in owners]
    report.comments = [
        replace(comment, field_name="", owner="") if comment.field_name and comment.owner in owners else comment
        for comment in report.comments
    ]
    return before


def _part_ids(part: Section | Session) -> set[str]:
    if isinstance(part, Session):
        return {part.id}
    return {part.id, *(session.id for session in part.sessions)}


@dataclass(eq=False)
class SetField(Operation, Generic[_Owner, _Value]):
    """Set one field of the title block, a section, a session or a footnote."""

    target: _Owner
    field: Field[_Owner, _Value]
    value: _Value

    def check(self, report: Report) -> None:
        """Refuse a field of another class, a level the section's place forbids, participants where none go."""
        if not isinstance(self.target, self.field.owner):
            raise _refuse(f"{type(self.target).__name__} has no field {self.field!r}")
        if self.field is LEVEL and isinstance(self.target, Section):
            if self.value not in (1, 2):
                raise OperationRefusedError(Rule.LEVEL, f"a section's level is 1 or 2, not {self.value!r}")
            if bool(report.sections) and report.sections[0] is self.target:
                check_sections([Section(self.target.kind, level=cast("int", self.value))])
        if (
            self.field is PARTICIPANTS
            and isinstance(self.target, Section)
            and self.value
            and self.target.kind is not SectionKind.PARTICIPATION
        ):
            raise OperationRefusedError(Rule.PARTICIPANTS, "only the participation section lists participants")

    def _apply(self, report: Report) -> Operation:
        old = self.field.get(self.target)
        value = cast("_Value", list(cast("list[Any]", self.value))) if self.field.is_list else self.value
        setattr(self.target, self.field.name, value)
        return SetField(self.target, self.field, old)


@dataclass(eq=False)
class ReplaceBlocks(Operation):
    """Replace a section's or session's body with ``blocks`` (a new list)."""

    owner: Section | Session
    blocks: list[Block]

    def check(self, report: Report) -> None:
        """Any body may be replaced, by blocks each of whose kind and parts agree (``rules.check_block``)."""
        for block in self.blocks:
            check_block(block)

    def _apply(self, report: Report) -> Operation:
        old = self.owner.blocks
        self.owner.blocks = list(self.blocks)
        return ReplaceBlocks(self.owner, old)


@dataclass(eq=False)
class InsertSection(Operation):
    """Put ``section`` into the report's sections at ``index`` (and, undoing a removal, what named it)."""

    index: int
    section: Section
    review: ReviewLists | None = None

    def check(self, report: Report) -> None:
        """Refuse a place outside the list, a section already there, a sub-heading first."""
        _range(self.index, len(report.sections) + 1)
        if _index_of(report.sections, self.section) >= 0:
            raise _refuse("the section is already in the report")
        check_sections([*report.sections[: self.index], self.section, *report.sections[self.index :]])

    def _apply(self, report: Report) -> Operation:
        report.sections.insert(self.index, self.section)
        if self.review is not None:
            self.review.restore(report)
        return RemoveSection(self.index)


@dataclass(eq=False)
class RemoveSection(Operation):
    """Take the section at ``index`` out of the report (its inverse puts the same object back)."""

    index: int

    def check(self, report: Report) -> None:
        """Refuse a place outside the list, or leaving a sub-heading first."""
        _range(self.index, len(report.sections))
        check_sections(report.sections[: self.index] + report.sections[self.index + 1 :])

    def _apply(self, report: Report) -> Operation:
        section = report.sections.pop(self.index)
        return InsertSection(self.index, section, let_go_of(report, _part_ids(section)))


@dataclass(eq=False)
class MoveSection(Operation):
    """Move the section at ``source`` so that it ends up at ``target``."""

    source: int
    target: int

    def check(self, report: Report) -> None:
        """Refuse places outside the list, or an order with a sub-heading first."""
        _range(self.source, len(report.sections))
        _range(self.target, len(report.sections))
        order = list(report.sections)
        order.insert(self.target, order.pop(self.source))
        check_sections(order)

    def _apply(self, report: Report) -> Operation:
        report.sections.insert(self.target, report.sections.pop(self.source))
        return MoveSection(self.target, self.source)


@dataclass(eq=False)
class InsertSession(Operation):
    """Put ``session`` into a discussion section's sessions at ``index`` (and, undoing a removal, what named it)."""

    section: Section
    index: int
    session: Session
    review: ReviewLists | None = None

    def check(self, report: Report) -> None:
        """Refuse a section not in the report or not a discussion, a place outside its list, a session there."""
        _discussion(report, self.section)
        _range(self.index, len(self.section.sessions) + 1)
        if any(_index_of(section.sessions, self.session) >= 0 for section in report.sections):
            raise _refuse("the session is already in the report")

    def _apply(self, report: Report) -> Operation:
        self.section.sessions.insert(self.index, self.session)
        if self.review is not None:
            self.review.restore(report)
        return RemoveSession(self.section, self.index)


@dataclass(eq=False)
class RemoveSession(Operation):
    """Take the session at ``index`` out of ``section``."""

    section: Section
    index: int

    def check(self, report: Report) -> None:
        """Refuse a section not in the report or a place outside its sessions."""
        _section_in(report, self.section)
        _range(self.index, len(self.section.sessions))

    def _apply(self, report: Report) -> Operation:
        session = self.section.sessions.pop(self.index)
        return InsertSession(self.section, self.index, session, let_go_of(report, _part_ids(session)))


@dataclass(eq=False)
class MoveSession(Operation):
    """Move a session from one place to another, in its section or into another discussion section."""

    source: Section
    source_index: int
    target: Section
    target_index: int

    def check(self, report: Report) -> None:
        """Refuse sections not in the report, a target that is no discussion, places outside the lists."""
        _section_in(report, self.source)
        _discussion(report, self.target)
        _range(self.source_index, len(self.source.sessions))
        _range(self.target_index, len(self.target.sessions) + (0 if self.source is self.target else 1))

    def _apply(self, report: Report) -> Operation:
        self.target.sessions.insert(self.target_index, self.source.sessions.pop(self.source_index))
        return MoveSession(self.target, self.target_index, self.source, self.source_index)


@dataclass(eq=False)
class AddFootnote(Operation):
    """Add ``note`` to the report's footnotes at ``index`` (the list is replaced)."""

    index: int
    note: Footnote

    def check(self, report: Report) -> None:
        """Refuse a place outside the list or an id another note has."""
        _range(self.index, len(report.footnotes) + 1)
        if report.footnote(self.note.id) is not None:
            raise OperationRefusedError(Rule.FOOTNOTE_ID, f"a footnote {self.note.id!r} is already there")

    def _apply(self, report: Report) -> Operation:
        notes = list(report.footnotes)
        notes.insert(self.index, self.note)
        report.footnotes = notes
        return RemoveFootnote(self.index)


@dataclass(eq=False)
class RemoveFootnote(Operation):
    """Remove the footnote at ``index`` (the list is replaced)."""

    index: int

    def check(self, report: Report) -> None:
        """Refuse a place outside the list."""
        _range(self.index, len(report.footnotes))

    def _apply(self, report: Report) -> Operation:
        notes = list(report.footnotes)
        note = notes.pop(self.index)
        report.footnotes = notes
        return AddFootnote(self.index, note)


@dataclass(eq=False)
class Batch(Operation):
    """Several operations as one: applied in order, undone in reverse (one undo step in the window)."""

    operations: list[Operation]

    def check(self, report: Report) -> None:
        """Each operation is checked as it comes: an earlier one may make room for a later one."""

    def apply(self, report: Report) -> Operation:
        """Apply each in turn; if one is refused, undo those already applied and raise."""
        done: list[Operation] = []
        try:
            for operation in self.operations:
                done.append(operation.apply(report))  # noqa: PERF401 - what was done is kept if one is refused
        except OperationRefusedError:
            for inverse in reversed(done):
                inverse.apply(report)
            raise
        return Batch(list(reversed(done)))

    def _apply(self, report: Report) -> Operation:
        return self.apply(report)  # pragma: no cover - apply is overridden


@dataclass(eq=False)
class SetFieldChanges(Operation):
    """Replace the report's pending field changes with ``changes`` (a new list)."""

    changes: list[FieldChange]

    def check(self, report: Report) -> None:
        """Any list may be set."""

    def _apply(self, report: Report) -> Operation:
        old = report.field_changes
        report.field_changes = list(self.changes)
        return SetFieldChanges(old)


@dataclass(eq=False)
class SetComments(Operation):
    """Replace the report's comments with ``comments`` (a new list): add, answer, resolve, delete."""

    comments: list[Comment]

    def check(self, report: Report) -> None:
        """Refuse two comments with one id, or a reply to a comment that is not there."""
        ids = [comment.id for comment in self.comments]
        if len(set(ids)) != len(ids):
            raise _refuse("two comments have the same id")
        known = set(ids)
        for comment in self.comments:
            if comment.parent and comment.parent not in known:
                raise _refuse(f"comment {comment.id!r} answers {comment.parent!r}, which is not there")

    def _apply(self, report: Report) -> Operation:
        old = report.comments
        report.comments = list(self.comments)
        return SetComments(old)
