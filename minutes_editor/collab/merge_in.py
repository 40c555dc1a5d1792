"""What the window does with the room's report: take it into its own in place, keep a block deleted under one's typing.

The window keeps one report object (its editors hold its sections and
sessions). ``adopt(local, merged)`` makes ``local`` read as ``merged`` (the
room's report, everyone's edits merged), reusing local sections and sessions
by id, and says which parts changed, so the window redraws only those.

``restore_lost(merged, recent)``: a block the local user typed in a moment
ago (``recent``: its last local form and place) that the room's report no
longer has, because someone deleted it meanwhile, is put back at its old place
(after the block that preceded it, or first), with a new id, keeping the
typed text; the window says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from minutes_editor.model.report import Block, Report, Section, Session, new_id


@dataclass
class Adopted:
    """What ``adopt`` changed in the local report."""

    #: Sections and sessions whose blocks changed (their body documents are rewritten).
    bodies: list[Section | Session] = field(default_factory=list)
    #: Sections and sessions some other field of which changed (heading, level, participants, title, goals).
    fields: list[Section | Session] = field(default_factory=list)
    title: bool = False
    #: Sections or sessions added, removed or reordered, or the language changed: the outline is rebuilt.
    structure: bool = False
    #: Footnotes, comments or pending field changes.
    notes: bool = False

    @property
    def anything(self) -> bool:
        """Whether anything changed."""
        return bool(self.bodies or self.fields or self.title or self.structure or self.notes)


def snapshot(report: Report) -> Report:
    """A copy of ``report`` that later edits of the window's report do not reach (ids kept).

    Blocks are shared, not copied: nobody changes a block in place (a body's
    blocks are replaced; the journal and the autosave rely on it too); the
    parts that edits change in place (the title block, sections, sessions,
    footnotes, comments and their lists) are copied.
    """
    replace = dataclasses.replace
    sections = [
        replace(
            section,
            blocks=list(section.blocks),
            participants=list(section.participants),
            sessions=[replace(s, goals=list(s.goals), blocks=list(s.blocks)) for s in section.sessions],
        )
        for section in report.sections
    ]
    return replace(
        report,
        title=replace(report.title),
        sections=sections,
        footnotes=[replace(note, content=list(note.content)) for note in report.footnotes],
        comments=[replace(comment, text=list(comment.text)) for comment in report.comments],
        field_changes=list(report.field_changes),
    )


def same_blocks(one: list[Block], other: list[Block]) -> bool:
    """Whether two bodies hold the same blocks, ids included."""
    return len(one) == len(other) and all(a.id == b.id and a == b for a, b in zip(one, other, strict=True))


def _copy_fields(target: object, source: object, names: tuple[str, ...]) -> bool:
    changed = False
    for name in names:
        value = getattr(source, name)
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed = True
    return changed


_SECTION_FIELDS = ("kind", "heading", "level", "participants", "inserted", "deleted")
_SESSION_FIELDS = ("title", "goals", "inserted", "deleted")
_REPORT_FIELDS = ("author", "created", "modified", "template")


_Part = TypeVar("_Part", Section, Session)


def _adopt_part(mine: _Part, theirs: _Part, fields: tuple[str, ...], adopted: Adopted) -> None:
    # One section or session: its fields and its body as theirs, noted where they changed.
    if _copy_fields(mine, theirs, fields):
        adopted.fields.append(mine)
    if not same_blocks(mine.blocks, theirs.blocks):
        mine.blocks = theirs.blocks
        adopted.bodies.append(mine)


def _kept_in_order(
    mine: list[_Part], theirs: list[_Part], adopted: Adopted, take: Callable[[_Part, _Part], None]
) -> list[_Part]:
    # Their list of parts in their order, one's own objects kept where the ids agree (``take`` brings them up
    # to date); a part added, gone or moved changes the structure.
    by_id = {part.id: part for part in mine}
    result: list[_Part] = []
    for their in theirs:
        own = by_id.get(their.id)
        if own is None:
            result.append(their)
            adopted.structure = True
            continue
        take(own, their)
        result.append(own)
    if [part.id for part in result] != [part.id for part in mine]:
        adopted.structure = True
    return result


def adopt(local: Report, merged: Report) -> Adopted:
    """Make ``local`` read as ``merged`` in place (its own objects kept where the ids agree); what changed."""
    adopted = Adopted()
    if local.title != merged.title:
        _copy_fields(local.title, merged.title, tuple(f.name for f in dataclasses.fields(merged.title)))
        adopted.title = True
    if local.language != merged.language:
        local.language = merged.language
        adopted.structure = True
    _copy_fields(local, merged, _REPORT_FIELDS)

    def take_session(mine: Session, theirs: Session) -> None:
        _adopt_part(mine, theirs, _SESSION_FIELDS, adopted)

    def take_section(mine: Section, theirs: Section) -> None:
        _adopt_part(mine, theirs, _SECTION_FIELDS, adopted)
        mine.sessions = _kept_in_order(mine.sessions, theirs.sessions, adopted, take_session)

    local.sections = _kept_in_order(local.sections, merged.sections, adopted, take_section)
    for name in ("footnotes", "comments", "field_changes"):
        if getattr(local, name) != getattr(merged, name):
            setattr(local, name, getattr(merged, name))
            adopted.notes = True
    return adopted


@dataclass(frozen=True)
class Typed:
    """A block the local user typed in: its last local form, its owner's id and the id of the block before it."""

    block: Block
    owner: str
    before: str


def typed_blocks(base: Report, now: Report) -> dict[str, Typed]:
    """The blocks of ``now`` that are new or differ from ``base``'s block of the same id: what was typed since."""
    old = {block.id: block for _owner, block in _blocks(base)}
    typed: dict[str, Typed] = {}
    for owner, blocks in _bodies(now):
        before = ""
        for block in blocks:
            known = old.get(block.id)
            if known is None or known != block:
                typed[block.id] = Typed(block, owner.id, before)
            before = block.id
    return typed


def restore_lost(merged: Report, recent: dict[str, Typed]) -> list[Block]:
    """Put back into ``merged`` the blocks of ``recent`` it lost whose owner it still has; the blocks put back."""
    present = {block.id for _owner, block in _blocks(merged)}
    owners = {owner.id: owner for owner, _blocks_ in _bodies(merged)}
    restored: list[Block] = []
    for typed in recent.values():
        owner = owners.get(typed.owner)
        if typed.block.id in present or owner is None or not typed.block.plain_text.strip():
            continue
        block = dataclasses.replace(typed.block, id=new_id(), deleted=None)
        ids = [b.id for b in owner.blocks]
        index = ids.index(typed.before) + 1 if typed.before in ids else 0
        owner.blocks = [*owner.blocks[:index], block, *owner.blocks[index:]]
        restored.append(block)
    return restored


def _bodies(report: Report) -> list[tuple[Section | Session, list[Block]]]:
    bodies: list[tuple[Section | Session, list[Block]]] = []
    for section in report.sections:
        bodies.append((section, section.blocks))
        bodies.extend((session, session.blocks) for session in section.sessions)
    return bodies


def _blocks(report: Report) -> list[tuple[Section | Session, Block]]:
    return [(owner, block) for owner, blocks in _bodies(report) for block in blocks]
