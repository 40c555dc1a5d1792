"""Reviewers' pending changes: list them, accept or reject them, and the Accept All and Reject All views.

What each mark means and what deciding it does is docs/review.md. Deciding is
one function, ``decide``: the changes ``select`` picks are accepted or
rejected, every other stays pending. It returns the report operations that
make the decision (model/operations.py), so the window's undo stack and the
recovery journal see an ordinary change: bodies and footnote texts are
replaced by new lists, and blocks and spans that do not change stay the same
objects. ``accepted`` and ``rejected`` apply ``decide`` to a copy.
"""

from __future__ import annotations

import copy
import dataclasses
import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from minutes_editor.model.operations import (
    FIELDS,
    LEVEL,
    NOTE_CONTENT,
    NOTE_DELETED,
    NOTE_INSERTED,
    SECTION_DELETED,
    SECTION_INSERTED,
    SESSION_DELETED,
    SESSION_INSERTED,
    Batch,
    Field,
    Operation,
    RemoveFootnote,
    RemoveSection,
    RemoveSession,
    ReplaceBlocks,
    SetField,
    SetFieldChanges,
)
from minutes_editor.model.report import (
    ActionItem,
    Block,
    BlockKind,
    Change,
    FieldChange,
    Footnote,
    FootnoteRef,
    Inline,
    Report,
    Section,
    Session,
    Span,
    TitleBlock,
)

#: Picks the pending changes a decision is about.
Select = Callable[[Change], bool]


def everything(change: Change) -> bool:
    """Selects every pending change (Accept All, Reject All)."""
    return True


def by_author(author: str) -> Select:
    """Selects the changes of one reviewer."""
    return lambda change: change.author == author


# ------------------------------------------------------------------ deciding


def decide(report: Report, select: Select, *, accept: bool, where: Callable[[str], bool] | None = None) -> Batch:
    """The operation that accepts (or rejects) the pending changes ``select`` picks.

    ``where`` narrows the decision to the blocks, footnotes, sections,
    sessions and fields whose id passes it (a block's, footnote's, section's
    or session's id, or a field change's ``owner:field_name``); None decides
    everywhere. Apply the result to ``report`` to make the decision; it
    returns its inverse, as every operation does.

    A section, session or footnote inserted or deleted whole that goes takes
    its content and its field changes with it. Sections go last to first,
    after the sessions, so that no step leaves a sub-heading first (the one
    rule on their order): a decision whose result breaks that rule is refused
    (OperationRefusedError), as the operation would be.
    """
    parts = _Parts(report, select, accept, where)
    operations: list[Operation] = []
    for owner in _bodies(report):
        if parts.goes(owner):
            continue
        blocks = _decide_blocks(owner.blocks, select, accept, where)
        if blocks is not None:
            operations.append(ReplaceBlocks(owner, blocks))
    for note in report.footnotes:
        if parts.goes(note) or (where is not None and not where(note.id)):
            continue
        content = _decide_content(note.content, select, accept)
        if content is not None:
            operations.append(SetField(note, NOTE_CONTENT, [item for item in content if isinstance(item, Span)]))
    kept: list[FieldChange] = []
    # A section's level set to 2 waits until the sections that go have gone: it may be first until then.
    late: list[Operation] = []
    for change in report.field_changes:
        try:
            target, settable = field_target(report, change)
        except KeyError:
            target, settable = None, None
        if target is not None and parts.goes(target):
            continue  # decided with its part
        if not select(change.change) or (where is not None and not where(field_place(change))):
            kept.append(change)
            continue
        if not accept:
            if target is None or settable is None:
                raise KeyError(field_place(change))
            operation = SetField(target, settable, change.old)
            (late if settable is LEVEL and change.old != 1 else operations).append(operation)
    if len(kept) != len(report.field_changes):
        operations.append(SetFieldChanges(kept))
    operations.extend(parts.operations)
    operations.extend(late)
    operations.extend(parts.note_operations)
    return Batch(operations)


class _Parts:
    """Which sections, sessions and footnotes a decision removes, and the marks it clears on those that stay."""

    def __init__(self, report: Report, select: Select, accept: bool, where: Callable[[str], bool] | None) -> None:
        self.gone: set[int] = set()
        self.operations: list[Operation] = []
        self.note_operations: list[Operation] = []
        self._select, self._accept, self._where = select, accept, where
        removals: list[Operation] = []
        clears: list[Operation] = []
        for index, section in enumerate(report.sections):
            if self._decide(section, SECTION_INSERTED, SECTION_DELETED, clears):
                removals.insert(0, RemoveSection(index))
                self.gone.update(id(session) for session in section.sessions)
                continue
            session_removals: list[Operation] = []
            for session_index, session in enumerate(section.sessions):
                if self._decide(session, SESSION_INSERTED, SESSION_DELETED, clears):
                    session_removals.insert(0, RemoveSession(section, session_index))
            self.operations.extend(session_removals)
        # Sessions first (their sections are still there), then the sections, last to first.
        self.operations.extend(removals)
        self.operations.extend(clears)
        note_clears: list[Operation] = []
        for index, note in enumerate(report.footnotes):
            if self._decide(note, NOTE_INSERTED, NOTE_DELETED, note_clears):
                self.note_operations.insert(0, RemoveFootnote(index))
        self.note_operations.extend(note_clears)

    def goes(self, part: object) -> bool:
        """Whether the decision removes ``part`` (a section, session, footnote, or a session of a section that goes)."""
        return id(part) in self.gone

    def _decide(
        self,
        part: Section | Session | Footnote,
        inserted_field: Field[Any, Any],
        deleted_field: Field[Any, Any],
        clears: list[Operation],
    ) -> bool:
        # Whether ``part`` goes; if it stays, the operations that clear its decided marks go into ``clears``.
        inserted, deleted = part.inserted, part.deleted
        if self._where is not None and not self._where(part.id):
            return False
        inserted_decided = inserted is not None and self._select(inserted)
        deleted_decided = deleted is not None and self._select(deleted)
        if (inserted_decided and not self._accept) or (deleted_decided and self._accept):
            self.gone.add(id(part))
            return True
        if inserted_decided:
            clears.append(SetField(part, inserted_field, None))
        if deleted_decided:
            clears.append(SetField(part, deleted_field, None))
        return False


def accepted(report: Report) -> Report:
    """A copy of ``report`` with every pending change accepted: what Word shows after Accept All."""
    result = copy.deepcopy(report)
    decide(result, everything, accept=True).apply(result)
    return result


def rejected(report: Report) -> Report:
    """A copy of ``report`` with every pending change rejected: what Word shows after Reject All."""
    result = copy.deepcopy(report)
    decide(result, everything, accept=False).apply(result)
    return result


def has_changes(report: Report) -> bool:
    """Whether ``report`` holds any pending change."""
    return bool(report.field_changes) or any(True for _ in _all_changes(report))


def field_place(change: FieldChange) -> str:
    """How ``decide``'s ``where`` names a field change: its owner's id and the field (``":TitleBlock.location"``)."""
    return f"{change.owner}:{change.field_name}"


def field_target(report: Report, change: FieldChange) -> tuple[TitleBlock | Section | Session, Field]:  # type: ignore[type-arg]
    """The part of ``report`` a field change is about and its settable field; KeyError if it has gone."""
    settable = next((item for item in FIELDS if repr(item) == change.field_name), None)
    if settable is None:
        raise KeyError(change.field_name)
    if settable.owner is TitleBlock:
        return report.title, settable
    for section in report.sections:
        if section.id == change.owner and settable.owner is Section:
            return section, settable
        for session in section.sessions:
            if session.id == change.owner and settable.owner is Session:
                return session, settable
    raise KeyError(change.owner)


def _bodies(report: Report) -> Iterator[Section | Session]:
    for section in report.sections:
        yield section
        yield from section.sessions


def _decide_blocks(
    blocks: list[Block], select: Select, accept: bool, where: Callable[[str], bool] | None
) -> list[Block] | None:
    # None when nothing changes, so untouched bodies keep their list.
    result: list[Block] = []
    carried: list[Inline] = []
    changed = False
    for index, block in enumerate(blocks):
        if where is not None and not where(block.id):
            # A block outside the decision still takes the text of an ended block before it (Word joins so).
            result.append(_with_front(block, carried))
            carried = []
            continue
        if block.table is not None:
            # A table is proposed whole: it goes or stays with its marks decided, and takes no text from before.
            table = _decide_table(block, select, accept)
            changed = changed or table is not block
            if table is not None:
                result.append(table)
            continue
        content = _decide_content(block.content, select, accept)
        inserted, deleted, old_format = block.inserted, block.deleted, block.old_format
        kind, level = block.kind, block.level
        end_goes = False
        if inserted is not None and select(inserted):
            end_goes = end_goes or not accept
            inserted = None
        if deleted is not None and select(deleted):
            end_goes = end_goes or accept
            deleted = None
        if old_format is not None and select(old_format.change):
            if not accept:
                kind, level = old_format.kind, old_format.level
            old_format = None
        own = block.content if content is None else content
        # An ended paragraph joins the next block that stays, unless that is a table (no text joins a table).
        joins = _next_staying(blocks, index, select, accept, where)
        if end_goes and joins is not None and joins.table is None:
            carried = carried + own
            changed = True
            continue
        if end_goes and not carried and not _has_text(own):
            changed = True  # the last block of its body (or the last before a table), ended and emptied: gone
            continue
        same = (
            content is None
            and not carried
            and (inserted, deleted, old_format, kind, level)
            == (block.inserted, block.deleted, block.old_format, block.kind, block.level)
        )
        if same:
            result.append(block)
            continue
        changed = True
        result.append(
            Block(
                kind=kind,
                content=carried + own,
                level=level,
                id=block.id,
                inserted=inserted,
                deleted=deleted,
                old_format=old_format,
                table=block.table if kind is BlockKind.TABLE else None,
                action=_action_of(block, kind),
            )
        )
        carried = []
    return result if changed else None


def _next_staying(
    blocks: list[Block], index: int, select: Select, accept: bool, where: Callable[[str], bool] | None
) -> Block | None:
    # The first block after ``index`` this decision leaves (a table that goes is passed over); None at the end.
    for block in blocks[index + 1 :]:
        if block.table is None or (where is not None and not where(block.id)):
            return block
        if _decide_table(block, select, accept) is not None:
            return block
    return None


def _decided_marks(
    inserted: Change | None, deleted: Change | None, select: Select, accept: bool
) -> tuple[Change | None, Change | None] | None:
    # The insertion and deletion marks a decision leaves on a part; None when the part goes.
    if inserted is not None and select(inserted):
        if not accept:
            return None
        inserted = None
    if deleted is not None and select(deleted):
        if accept:
            return None
        deleted = None
    return inserted, deleted


def _decide_table(block: Block, select: Select, accept: bool) -> Block | None:
    # The table block as the decision leaves it: None when it goes, itself when nothing changes.
    marks = _decided_marks(block.inserted, block.deleted, select, accept)
    if marks is None:
        return None
    if marks == (block.inserted, block.deleted):
        return block
    return dataclasses.replace(block, inserted=marks[0], deleted=marks[1])


def _action_of(block: Block, kind: BlockKind) -> ActionItem | None:
    # An action item stays one while its kind does; a paragraph made an action item by a rejected
    # change of kind becomes one with no owner, deadline or status of its own yet.
    if kind is not BlockKind.ACTION:
        return None
    return block.action if block.action is not None else ActionItem()


def _with_front(block: Block, front: list[Inline]) -> Block:
    if not front:
        return block
    joined = copy.copy(block)
    joined.content = front + block.content
    return joined


def _has_text(content: list[Inline]) -> bool:
    return any(isinstance(item, FootnoteRef) or item.text for item in content)


def _decide_content(content: list[Inline] | list[Span], select: Select, accept: bool) -> list[Inline] | None:
    result: list[Inline] = []
    changed = False
    for item in content:
        decided = _decide_inline(item, select, accept)
        if decided is not item:
            changed = True
        if decided is not None:
            result.append(decided)
    return result if changed else None


def _decide_inline(item: Inline, select: Select, accept: bool) -> Inline | None:
    marks = _decided_marks(item.inserted, item.deleted, select, accept)
    if marks is None:
        return None
    inserted, deleted = marks
    if isinstance(item, FootnoteRef):
        if (inserted, deleted) == (item.inserted, item.deleted):
            return item
        return FootnoteRef(item.footnote_id, inserted=inserted, deleted=deleted)
    bold, italic, underline, old_format = item.bold, item.italic, item.underline, item.old_format
    if old_format is not None and select(old_format.change):
        if not accept:
            bold, italic, underline = old_format.bold, old_format.italic, old_format.underline
        old_format = None
    if (inserted, deleted, old_format, bold, italic, underline) == (
        item.inserted,
        item.deleted,
        item.old_format,
        item.bold,
        item.italic,
        item.underline,
    ):
        return item
    return Span(item.text, bold, italic, underline, inserted, deleted, old_format, item.comments)


# ------------------------------------------------------------------ listing


class RevisionKind(enum.StrEnum):
    """What a pending change proposes, as the review pane names it."""

    INSERTION = "insertion"
    DELETION = "deletion"
    MOVE = "move"
    FORMAT = "format"
    FIELD = "field"


@dataclass
class Revision:
    """One pending change as a reviewer made it: consecutive marks of one kind by one ``Change``.

    ``places`` are the ids of the blocks and footnotes it touches (for a field
    change, its ``field_place``); ``excerpt`` the text it inserts, deletes,
    moves or reformats (the new value of a field).
    """

    kind: RevisionKind
    change: Change
    places: list[str] = field(default_factory=list)
    excerpt: str = ""

    def select(self, change: Change) -> bool:
        """Picks this revision's marks (with ``where``): for a move, both of its ends."""
        if self.kind is RevisionKind.MOVE:
            return change.move == self.change.move
        return change == self.change

    def where(self, place: str) -> bool:
        """Narrows a decision to this revision's places."""
        return place in self.places


def revisions(report: Report) -> list[Revision]:
    """Every pending change of ``report`` in reading order (body, then footnotes, then fields)."""
    result: list[Revision] = []
    moves: dict[str, Revision] = {}
    last: Revision | None = None
    for kind, change, place, text in _marks(report):
        if change.move:
            move = moves.get(change.move)
            if move is None:
                move = moves[change.move] = Revision(RevisionKind.MOVE, change)
                result.append(move)
            if place not in move.places:
                move.places.append(place)
            if kind is RevisionKind.INSERTION:
                move.excerpt += text
            last = None
            continue
        if last is not None and last.kind is kind and last.change == change:
            if place not in last.places:
                last.places.append(place)
            last.excerpt += text
            continue
        last = Revision(kind, change, [place], text)
        result.append(last)
    result.extend(
        Revision(RevisionKind.FIELD, change.change, [field_place(change)], _shown(change, report))
        for change in report.field_changes
    )
    return result


def _shown(change: FieldChange, report: Report) -> str:
    try:
        target, settable = field_target(report, change)
    except KeyError:
        return ""
    value = settable.get(target)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _marks(report: Report) -> Iterator[tuple[RevisionKind, Change, str, str]]:
    for section in report.sections:
        yield from _part_marks(section, f"{section.heading or ''}\n")
        yield from _block_marks(section.blocks)
        for session in section.sessions:
            yield from _part_marks(session, f"{session.title}\n")
            yield from _block_marks(session.blocks)
    for note in report.footnotes:
        yield from _part_marks(note, "")
        yield from _inline_marks(note.content, note.id)


def _part_marks(part: Section | Session | Footnote, text: str) -> Iterator[tuple[RevisionKind, Change, str, str]]:
    # A part inserted or deleted whole; its content's marks follow.
    if part.inserted is not None:
        yield RevisionKind.INSERTION, part.inserted, part.id, text
    if part.deleted is not None:
        yield RevisionKind.DELETION, part.deleted, part.id, text


def _block_marks(blocks: list[Block]) -> Iterator[tuple[RevisionKind, Change, str, str]]:
    for block in blocks:
        if block.table is not None:
            # A table proposed inserted or deleted is one revision, its text the table's (its cells carry no marks).
            text = f"{block.plain_text}\n"
            if block.inserted is not None:
                yield RevisionKind.INSERTION, block.inserted, block.id, text
            if block.deleted is not None:
                yield RevisionKind.DELETION, block.deleted, block.id, text
            continue
        if block.old_format is not None:
            yield RevisionKind.FORMAT, block.old_format.change, block.id, ""
        yield from _inline_marks(block.content, block.id)
        if block.inserted is not None:
            yield RevisionKind.INSERTION, block.inserted, block.id, "\n"
        if block.deleted is not None:
            yield RevisionKind.DELETION, block.deleted, block.id, "\n"


def _inline_marks(content: list[Inline] | list[Span], place: str) -> Iterator[tuple[RevisionKind, Change, str, str]]:
    for item in content:
        text = item.text if isinstance(item, Span) else ""
        if item.inserted is not None:
            yield RevisionKind.INSERTION, item.inserted, place, text
        if item.deleted is not None:
            yield RevisionKind.DELETION, item.deleted, place, text
        if isinstance(item, Span) and item.old_format is not None:
            yield RevisionKind.FORMAT, item.old_format.change, place, text


def _all_changes(report: Report) -> Iterator[Change]:
    for _kind, change, _place, _text in _marks(report):
        yield change


def authors(report: Report) -> list[str]:
    """The reviewers with pending changes or comments, in order of first appearance."""
    seen: dict[str, None] = {}
    for change in _all_changes(report):
        seen.setdefault(change.author)
    for item in report.field_changes:
        seen.setdefault(item.change.author)
    for comment in report.comments:
        seen.setdefault(comment.author)
    return list(seen)
