"""Undo of one's own edits in a shared room: the room's document history, through Yjs's UndoManager (pycrdt).

While the window is in a room, Undo and Redo act on the shared document,
not on the window's own history: ``SharedHistory`` writes the window's edits
(``write``, ``apply_report``) in transactions whose origin is its own
(``origin``), and a pycrdt ``UndoManager`` over every root of the report's
layout tracks those transactions only. What comes from the room (the
provider applies it with no origin) is never undone; undoing one's own edit
after someone else edited the same paragraph removes one's own characters and
keeps theirs, as Yjs does (y-prosemirror, JupyterLab's RTC). A field is a map
entry: undoing one's edit of a heading sets back the value one replaced, even
if someone set another value since (the last writer wins, as on any set).

Steps: one's transactions less than ``CAPTURE_MS`` apart merge into one step
(Yjs's and pycrdt's default, 500 ms: a burst of typing, about a phrase, as
the window's own undo merges a run of typing in one place), and a new step
starts whenever the edit moves to another place (another paragraph, field or
the outline: ``places``), and before every undo and redo, so that what was
typed last is a step of its own. pycrdt has no ``stop_capturing``: the
manager's clock (``_clock``) jumps past the capture timeout instead.

Everything here touches the document: call it in the thread the document
lives in (collab/live.py ``LiveRoom.call``).
"""

from __future__ import annotations

import time
from typing import Any

from pycrdt import Array, Doc, Map, UndoManager

from minutes_editor.collab import layout as y
from minutes_editor.collab.ydoc import apply_report, doc_to_report
from minutes_editor.model.report import Block, Report, Section, Session

#: Milliseconds within which one's edits in one place merge into one undo step.
CAPTURE_MS = 500

# The layout's roots and their types (ydoc.py's writer gets them so).
_ROOTS: tuple[tuple[str, type[Map[Any]] | type[Array[Any]]], ...] = tuple(
    (name, Array if name == y.FIELD_CHANGES else Map) for name in y.ROOTS
)


class LocalOrigin:
    """The origin of this window's own transactions (compared by identity, hashed by id)."""

    def __repr__(self) -> str:
        return f"<LocalOrigin {id(self):#x}>"


class SharedHistory:
    """One client's own edits of a room's document, undoable and redoable by step."""

    def __init__(self, doc: Doc[Any], capture_ms: int = CAPTURE_MS) -> None:
        self.doc = doc
        self.capture_ms = capture_ms
        self.origin = LocalOrigin()
        self._skip = 0
        self._place: frozenset[str] = frozenset()
        scopes = [doc.get(name, type=kind) for name, kind in _ROOTS]
        self.manager = UndoManager(scopes=scopes, capture_timeout_millis=capture_ms, timestamp=self._clock)
        self.manager.include_origin(self.origin)

    def _clock(self) -> int:
        return time.monotonic_ns() // 1_000_000 + self._skip

    def stop_capturing(self) -> None:
        """Make the next edit start a new step."""
        self._skip += self.capture_ms + 1

    def write(self, old: Report, new: Report) -> None:
        """Write the edit from ``old`` to ``new`` as this client's own (``apply_report``), undoable.

        An edit in another place than the last one starts a new step.
        """
        place = places(old, new)
        if place and place != self._place:
            self.stop_capturing()
            self._place = place
        with self.doc.transaction(origin=self.origin):
            apply_report(self.doc, old, new)

    def undo(self) -> Report:
        """Undo this client's last step (nothing when there is none); the document's report then."""
        self.stop_capturing()
        self._place = frozenset()
        self.manager.undo()
        return doc_to_report(self.doc)

    def redo(self) -> Report:
        """Redo the last step undone (nothing when there is none); the document's report then."""
        self.stop_capturing()
        self._place = frozenset()
        self.manager.redo()
        return doc_to_report(self.doc)

    def state(self) -> tuple[bool, bool]:
        """Whether there is a step to undo, and one to redo."""
        return self.manager.can_undo(), self.manager.can_redo()

    def clear(self) -> None:
        """Forget every step."""
        self.manager.clear()


def places(old: Report, new: Report) -> frozenset[str]:
    """Where ``new`` differs from ``old``: the ids of the blocks, parts and fields changed ("" none)."""
    found: set[str] = set()
    if old.title != new.title:
        found.add("title")
    if old.language != new.language or [s.id for s in old.sections] != [s.id for s in new.sections]:
        found.add("outline")
    old_parts = {part.id: part for part in _parts(old)}
    for part in _parts(new):
        before = old_parts.pop(part.id, None)
        if before is None:
            found.add(part.id)
            continue
        if _fields(before) != _fields(part):
            found.add(f"{part.id}:fields")
        if before.blocks != part.blocks or [b.id for b in before.blocks] != [b.id for b in part.blocks]:
            found |= _changed_blocks(before.blocks, part.blocks)
    found |= set(old_parts)
    if (old.footnotes, old.comments, old.field_changes) != (new.footnotes, new.comments, new.field_changes):
        found.add("notes")
    return frozenset(found)


def _parts(report: Report) -> list[Section | Session]:
    parts: list[Section | Session] = []
    for section in report.sections:
        parts.append(section)
        parts.extend(section.sessions)
    return parts


def _fields(part: Section | Session) -> tuple[object, ...]:
    if isinstance(part, Section):
        return (part.kind, part.heading, part.level, part.participants, part.inserted, part.deleted)
    return (part.title, part.goals, part.inserted, part.deleted)


def _changed_blocks(old: list[Block], new: list[Block]) -> set[str]:
    before = {block.id: block for block in old}
    changed = {block.id for block in new if before.get(block.id) != block}
    changed |= set(before) - {block.id for block in new}
    if not changed:  # the same blocks in another order
        changed = {block.id for block in new}
    return changed
