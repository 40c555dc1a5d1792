"""Random edits of a report through the model's operations, as a rapporteur makes them: for co-editing tests.

Every edit is an operation of minutes_editor/model/operations.py applied to
the report (paragraphs are replaced by new blocks with the same id, as the
window does). ``Editor`` keeps some parts safe so that the test can count
what was typed: the blocks and bodies of the starting report are never
deleted (blocks among them only move between them), and marker strings
are typed only into those blocks, at places outside other markers.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable

from minutes_editor.model import operations as ops
from minutes_editor.model.report import (
    Block,
    BlockKind,
    FootnoteRef,
    Inline,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
)

OPEN, CLOSE = "\u00ab", "\u00bb"  # « and »: markers are «NAME»


def explode(content: list[Inline]) -> list[tuple[str | FootnoteRef, Span | None]]:
    """A body's content as units: each character with its span, each footnote reference alone."""
    units: list[tuple[str | FootnoteRef, Span | None]] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            units.append((item, None))
        else:
            units.extend((character, item) for character in item.text)
    return units


def implode(units: list[tuple[str | FootnoteRef, Span | None]]) -> list[Inline]:
    """Units back into spans (neighbours of one formatting joined) and references."""
    content: list[Inline] = []
    for value, span in units:
        if isinstance(value, FootnoteRef):
            content.append(value)
            continue
        assert span is not None
        last = content[-1] if content else None
        if isinstance(last, Span) and _marks(last) == _marks(span):
            content[-1] = _with(last, value)
        else:
            content.append(_with(span, value, replace=True))
    return content


def _marks(span: Span) -> tuple[object, ...]:
    return (span.bold, span.italic, span.underline, span.inserted, span.deleted, span.old_format, span.comments)


def _with(span: Span, text: str, *, replace: bool = False) -> Span:
    return Span(
        text if replace else span.text + text,
        span.bold,
        span.italic,
        span.underline,
        span.inserted,
        span.deleted,
        span.old_format,
        span.comments,
    )


def _bodies(report: Report) -> list[Section | Session]:
    owners: list[Section | Session] = []
    for section in report.sections:
        owners.append(section)
        owners.extend(section.sessions)
    return owners


def _find_block(report: Report, block_id: str) -> tuple[Section | Session, int] | None:
    for owner in _bodies(report):
        for index, block in enumerate(owner.blocks):
            if block.id == block_id:
                return owner, index
    return None


class Editor:
    """Makes random edits to a report; ``safe_blocks`` and ``safe_bodies`` (ids) are never deleted."""

    def __init__(self, rng: random.Random, safe_blocks: set[str], safe_bodies: set[str], name: str) -> None:
        self.rng = rng
        self.safe_blocks = safe_blocks
        self.safe_bodies = safe_bodies
        self.name = name
        self.typed: list[str] = []
        self.count = 0

    # ---- text

    def type_marker(self, report: Report, block_id: str | None = None) -> str | None:
        """Type a new marker into a safe block (``block_id``, or one drawn), between markers; returns it."""
        safe = [block for block in report.all_blocks() if block.id in self.safe_blocks]
        if block_id is not None:
            safe = [block for block in safe if block.id == block_id] or safe
        if not safe:
            return None
        block = self.rng.choice(safe)
        units = explode(block.content)
        places = [0]
        depth = 0
        for index, (value, _) in enumerate(units, start=1):
            if value == OPEN:
                depth += 1
            elif value == CLOSE:
                depth -= 1
            if depth == 0:
                places.append(index)
        place = self.rng.choice(places)
        self.count += 1
        marker = f"{OPEN}{self.name}-{self.count}{CLOSE}"
        left = next((span for value, span in reversed(units[:place]) if span is not None), None)
        template = left or Span("", bold=self.rng.random() < 0.2)
        new_units = [*units[:place], *[(character, template) for character in marker], *units[place:]]
        self._replace_block(report, block, implode(new_units))
        self.typed.append(marker)
        return marker

    def erase(self, report: Report) -> None:
        """Delete a few characters of a block that is not safe."""
        blocks = [block for block in report.all_blocks() if block.id not in self.safe_blocks and block.content]
        if not blocks:
            return
        block = self.rng.choice(blocks)
        units = explode(block.content)
        start = self.rng.randrange(len(units) + 1)
        end = min(len(units), start + self.rng.randint(1, 4))
        self._replace_block(report, block, implode(units[:start] + units[end:]))

    def embolden(self, report: Report) -> None:
        """Toggle bold on a stretch of any block (markers stay whole: only formatting changes)."""
        blocks = [block for block in report.all_blocks() if block.content]
        if not blocks:
            return
        block = self.rng.choice(blocks)
        units = explode(block.content)
        start = self.rng.randrange(len(units))
        end = min(len(units), start + self.rng.randint(1, 6))
        changed: list[tuple[str | FootnoteRef, Span | None]] = []
        for index, (value, span) in enumerate(units):
            if start <= index < end and span is not None:
                span = Span(  # noqa: PLW2901
                    span.text,
                    not span.bold,
                    span.italic,
                    span.underline,
                    span.inserted,
                    span.deleted,
                    span.old_format,
                    span.comments,
                )
            changed.append((value, span))
        self._replace_block(report, block, implode(changed))

    def _replace_block(self, report: Report, block: Block, content: list[Inline]) -> None:
        found = _find_block(report, block.id)
        assert found is not None
        owner, index = found
        blocks = list(owner.blocks)
        blocks[index] = Block(block.kind, content, block.level, id=block.id)
        ops.ReplaceBlocks(owner, blocks).apply(report)

    # ---- blocks

    def add_block(self, report: Report) -> None:
        """A new bullet or paragraph somewhere, with some text."""
        bodies = _bodies(report)
        if not bodies:
            return
        owner = self.rng.choice(bodies)
        blocks = list(owner.blocks)
        kind = self.rng.choice([BlockKind.BULLET, BlockKind.PARAGRAPH])
        text = f"{self.name} note {self.rng.randrange(1000)}"
        blocks.insert(self.rng.randint(0, len(blocks)), Block(kind, [Span(text)], 1))
        ops.ReplaceBlocks(owner, blocks).apply(report)

    def delete_block(self, report: Report) -> None:
        """Delete a block that is not safe."""
        candidates = [(owner, block) for owner in _bodies(report) for block in owner.blocks]
        candidates = [(owner, block) for owner, block in candidates if block.id not in self.safe_blocks]
        if not candidates:
            return
        owner, block = self.rng.choice(candidates)
        ops.ReplaceBlocks(owner, [item for item in owner.blocks if item is not block]).apply(report)

    def move_block(self, report: Report) -> None:
        """Move a block in its body or to another (a safe block only between safe bodies)."""
        candidates = [(owner, block) for owner in _bodies(report) for block in owner.blocks]
        if not candidates:
            return
        owner, block = self.rng.choice(candidates)
        targets = _bodies(report)
        if block.id in self.safe_blocks:
            targets = [body for body in targets if body.id in self.safe_bodies]
        target = self.rng.choice(targets)
        remaining = [item for item in owner.blocks if item is not block]
        if target is owner:
            remaining.insert(self.rng.randint(0, len(remaining)), block)
            ops.ReplaceBlocks(owner, remaining).apply(report)
            return
        moved = list(target.blocks)
        moved.insert(self.rng.randint(0, len(moved)), block)
        ops.Batch([ops.ReplaceBlocks(owner, remaining), ops.ReplaceBlocks(target, moved)]).apply(report)

    # ---- sections, sessions, fields

    def add_session(self, report: Report) -> None:
        """A new session, with a block, in a discussion section."""
        sections = [section for section in report.sections if section.kind is SectionKind.DISCUSSION]
        if not sections:
            return
        section = self.rng.choice(sections)
        session = Session(f"{self.name} session", blocks=[Block(BlockKind.BULLET, [Span("first")])])
        ops.InsertSession(section, self.rng.randint(0, len(section.sessions)), session).apply(report)

    def delete_session(self, report: Report) -> None:
        """Delete a session that is not safe."""
        candidates = [
            (section, index)
            for section in report.sections
            for index, session in enumerate(section.sessions)
            if session.id not in self.safe_bodies
        ]
        if candidates:
            section, index = self.rng.choice(candidates)
            ops.RemoveSession(section, index).apply(report)

    def move_section(self, report: Report) -> None:
        """Move a section (a refusal, a sub-heading first, changes nothing)."""
        if len(report.sections) > 1:
            source, target = self.rng.sample(range(len(report.sections)), 2)
            with contextlib.suppress(ops.OperationRefusedError):  # a sub-heading first
                ops.MoveSection(source, target).apply(report)

    def add_section(self, report: Report) -> None:
        """A new generic section with a paragraph."""
        section = Section(SectionKind.GENERIC, heading=f"{self.name} section", blocks=[Block(BlockKind.PARAGRAPH)])
        ops.InsertSection(self.rng.randint(0, len(report.sections)), section).apply(report)

    def delete_section(self, report: Report) -> None:
        """Delete a section that is not safe."""
        candidates = [index for index, section in enumerate(report.sections) if section.id not in self.safe_bodies]
        if candidates:
            with contextlib.suppress(ops.OperationRefusedError):
                ops.RemoveSection(self.rng.choice(candidates)).apply(report)

    def set_field(self, report: Report) -> None:
        """Set the meeting's title, a section's heading or a session's title."""
        choice = self.rng.randrange(3)
        value = f"{self.name} {self.rng.randrange(100)}"
        sessions = [session for section in report.sections for session in section.sessions]
        if choice == 0 or not report.sections:
            ops.SetField(report.title, ops.MEETING, value).apply(report)
        elif choice == 1 or not sessions:
            ops.SetField(self.rng.choice(report.sections), ops.HEADING, value).apply(report)
        else:
            ops.SetField(self.rng.choice(sessions), ops.SESSION_TITLE, value).apply(report)

    def random_edit(self, report: Report, hot_block: str | None = None) -> str:
        """One edit drawn at random (typing most often); returns its name."""
        edits: list[tuple[int, Callable[[Report], object]]] = [
            (6, lambda r: self.type_marker(r, hot_block if self.rng.random() < 0.5 else None)),
            (2, self.erase),
            (2, self.embolden),
            (2, self.add_block),
            (2, self.delete_block),
            (2, self.move_block),
            (1, self.add_session),
            (1, self.delete_session),
            (1, self.add_section),
            (1, self.delete_section),
            (1, self.move_section),
            (2, self.set_field),
        ]
        total = sum(weight for weight, _ in edits)
        pick = self.rng.randrange(total)
        for weight, edit in edits:
            if pick < weight:
                edit(report)
                return getattr(edit, "__name__", "type_marker")
            pick -= weight
        raise AssertionError("unreachable")
