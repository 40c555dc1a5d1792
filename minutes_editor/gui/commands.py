"""Undo commands: every change to the report goes through one of these on the report's single QUndoStack.

Structural and field commands are thin wrappers over the model's operations
(model/operations.py), which check the report's rules and invert themselves:
redo applies the operation, undo its inverse, and then the views are told
what to show; text commands stand for one undo step of a body's
QTextDocument and make the global stack's undo and redo delegate to it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QTextCursor, QTextDocument, QUndoCommand

from minutes_editor.model.operations import (
    Field,
    InsertSection,
    InsertSession,
    MoveSection,
    MoveSession,
    Operation,
    RemoveSection,
    RemoveSession,
    SetField,
)
from minutes_editor.model.report import Report, Section, Session

#: Field commands with a merge key share this id so typing in one field makes one undo step.
FIELD_COMMAND_ID = 1001


class Views(Protocol):
    """What commands ask of the window after they change the report."""

    def structure_changed(self, select: object | None) -> None:
        """The outline changed: rebuild it and select ``select`` (an item of the report) if given."""

    def field_changed(self, target: object, field: Field[Any, Any]) -> None:
        """``field`` of ``target`` changed: refresh the widgets that show it."""

    def reveal_body(self, owner: object) -> QTextCursor | None:
        """Show the body of ``owner`` (a section or session); return its editor's cursor, if shown."""

    def show_cursor(self, owner: object, cursor: QTextCursor) -> None:
        """Put the editor of ``owner``'s body at ``cursor``."""


class TextEditCommand(QUndoCommand):
    """One undo step of a body document, pushed when the document adds it; undo and redo delegate to it."""

    def __init__(self, views: Views, document: QTextDocument, owner: object, text: str) -> None:
        super().__init__(text)
        self.views = views
        self.document = document
        self.owner = owner
        # The document already holds the change when the command is pushed.
        self._applied = True

    def redo(self) -> None:
        """Redo the document's next step (nothing on the first push: the text is already there)."""
        if self._applied:
            self._applied = False
            return
        self._step(redo=True)

    def undo(self) -> None:
        """Undo the document's last step, showing where it happened."""
        self._step(redo=False)

    def _step(self, *, redo: bool) -> None:
        cursor = self.views.reveal_body(self.owner)
        if cursor is not None and cursor.document() is self.document:
            (self.document.redo if redo else self.document.undo)(cursor)
            self.views.show_cursor(self.owner, cursor)
        else:
            (self.document.redo if redo else self.document.undo)()


class OperationCommand(QUndoCommand):
    """A model operation on the undo stack: redo applies it, undo applies its inverse, then the views are told.

    The operation is checked before the command is pushed (``Operation.check``),
    so redo and undo replay changes already known to be allowed.
    """

    def __init__(self, views: Views, report: Report, operation: Operation, text: str) -> None:
        super().__init__(text)
        self.views = views
        self.report = report
        self.operation = operation
        self.inverse: Operation | None = None

    def redo(self) -> None:
        """Apply the operation, keeping its inverse for undo."""
        self.inverse = self.operation.apply(self.report)
        self.done()

    def undo(self) -> None:
        """Apply the inverse, keeping the operation that redoes it."""
        assert self.inverse is not None  # Qt undoes only what it did
        self.operation = self.inverse.apply(self.report)
        self.inverse = None
        self.undone()

    def done(self) -> None:
        """Tell the views after redo."""

    def undone(self) -> None:
        """Tell the views after undo."""


class FieldCommand(OperationCommand):
    """Set one field; commands with one merge key merge while the user types.

    ``record`` is what a tracked edit does to the report's pending field changes
    (model/tracking.py ``field_record``): made after the field is set, undone before.
    """

    operation: SetField[Any, Any]

    def __init__(
        self,
        views: Views,
        report: Report,
        operation: SetField[Any, Any],
        text: str,
        *,
        merge_key: str | None = None,
        record: Operation | None = None,
    ) -> None:
        super().__init__(views, report, operation, text)
        self.merge_key = merge_key
        self.record = record
        self._record_inverse: Operation | None = None

    def redo(self) -> None:
        """Set the field, then record the pending change of a tracked edit."""
        super().redo()
        if self.record is not None:
            self._record_inverse = self.record.apply(self.report)
            self.views.field_changed(self.operation.target, self.operation.field)

    def undo(self) -> None:
        """Take the recorded pending change back, then the field."""
        if self._record_inverse is not None:
            self.record = self._record_inverse.apply(self.report)
            self._record_inverse = None
        super().undo()

    def id(self) -> int:
        """Merge typing into one field; -1 (no merging) without a key."""
        return FIELD_COMMAND_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take over a later edit of the same field (already applied: only what redo sets changes)."""
        if (
            isinstance(other, FieldCommand)
            and other.record is None  # a tracked edit that records or takes back a pending change stays apart
            and other.merge_key == self.merge_key
            and other.operation.target is self.operation.target
            and other.operation.field is self.operation.field
        ):
            self.operation = other.operation
            if isinstance(self.inverse, SetField) and self.operation.value == self.inverse.value:
                self.setObsolete(True)
            return True
        return False

    def done(self) -> None:
        """Refresh what shows the field."""
        self.views.field_changed(self.operation.target, self.operation.field)

    def undone(self) -> None:
        """Refresh what shows the field."""
        self.views.field_changed(self.operation.target, self.operation.field)


class InsertCommand(OperationCommand):
    """Insert a section or a session; select it, and on undo what is now in its place."""

    def __init__(self, views: Views, report: Report, operation: InsertSection | InsertSession, *, text: str) -> None:
        super().__init__(views, report, operation, text)
        self.item: Section | Session = operation.section if isinstance(operation, InsertSection) else operation.session
        self.owner: Report | Section = report if isinstance(operation, InsertSection) else operation.section
        self.index = operation.index

    def done(self) -> None:
        """Select the inserted item."""
        self.views.structure_changed(self.item)

    def undone(self) -> None:
        """Select its neighbour."""
        self.views.structure_changed(_neighbour(self.owner, self.index))


class RemoveCommand(OperationCommand):
    """Remove a section or a session; undo puts the same object back."""

    def __init__(self, views: Views, report: Report, operation: RemoveSection | RemoveSession, text: str) -> None:
        super().__init__(views, report, operation, text)
        self.owner: Report | Section = report if isinstance(operation, RemoveSection) else operation.section
        self.index = operation.index
        self.item: Section | Session = _items(self.owner)[self.index]

    def done(self) -> None:
        """Select the removed item's neighbour."""
        self.views.structure_changed(_neighbour(self.owner, self.index))

    def undone(self) -> None:
        """Select the item brought back."""
        self.views.structure_changed(self.item)


class MoveCommand(OperationCommand):
    """Move a section, or a session (perhaps to another section), keeping it selected."""

    def __init__(self, views: Views, report: Report, operation: MoveSection | MoveSession, text: str) -> None:
        super().__init__(views, report, operation, text)
        if isinstance(operation, MoveSection):
            self.item: Section | Session = report.sections[operation.source]
        else:
            self.item = operation.source.sessions[operation.source_index]

    def done(self) -> None:
        """Keep the moved item selected."""
        self.views.structure_changed(self.item)

    def undone(self) -> None:
        """Keep it selected where it went back."""
        self.views.structure_changed(self.item)


def _items(owner: Report | Section) -> list[Any]:
    return owner.sections if isinstance(owner, Report) else owner.sessions


def _neighbour(owner: Report | Section, index: int) -> object:
    items = _items(owner)
    if not items:
        return owner
    return items[min(index, len(items) - 1)]
