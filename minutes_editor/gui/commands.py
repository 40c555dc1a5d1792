"""Undo commands: every change to the report goes through one of these on the report's single QUndoStack.

Structural commands insert, remove and move items of the report's lists
(sections, sessions); field commands set one attribute (a heading, a time,
the participants); text commands stand for one undo step of a body's
QTextDocument and make the global stack's undo and redo delegate to it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QTextCursor, QTextDocument, QUndoCommand

#: Field commands with a merge key share this id so typing in one field makes one undo step.
FIELD_COMMAND_ID = 1001


class Views(Protocol):
    """What commands ask of the window after they change the report."""

    def structure_changed(self, select: object | None) -> None:
        """The outline changed: rebuild it and select ``select`` (an item of the report) if given."""

    def field_changed(self, target: object, attribute: str) -> None:
        """``target.attribute`` changed: refresh the widgets that show it."""

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


class FieldCommand(QUndoCommand):
    """Set ``target.attribute`` to a value; commands with one merge key merge while the user types."""

    def __init__(
        self,
        views: Views,
        target: object,
        attribute: str,
        new: Any,
        text: str,
        *,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self.views = views
        self.target = target
        self.attribute = attribute
        self.old = getattr(target, attribute)
        self.new = new
        self.merge_key = merge_key

    def id(self) -> int:
        """Merge typing into one field; -1 (no merging) without a key."""
        return FIELD_COMMAND_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take over a later edit of the same field."""
        if (
            isinstance(other, FieldCommand)
            and other.merge_key == self.merge_key
            and other.target is self.target
            and other.attribute == self.attribute
        ):
            self.new = other.new
            if self.new == self.old:
                self.setObsolete(True)
            return True
        return False

    def redo(self) -> None:
        """Set the new value."""
        setattr(self.target, self.attribute, self.new)
        self.views.field_changed(self.target, self.attribute)

    def undo(self) -> None:
        """Put the old value back."""
        setattr(self.target, self.attribute, self.old)
        self.views.field_changed(self.target, self.attribute)


class InsertCommand(QUndoCommand):
    """Insert ``item`` into the list ``owner.attribute`` at ``index``."""

    def __init__(self, views: Views, owner: object, attribute: str, index: int, item: object, *, text: str) -> None:
        super().__init__(text)
        self.views = views
        self.owner = owner
        self.attribute = attribute
        self.index = index
        self.item = item

    def _list(self) -> list[Any]:
        items: list[Any] = getattr(self.owner, self.attribute)
        return items

    def redo(self) -> None:
        """Insert the item and select it."""
        self._list().insert(self.index, self.item)
        self.views.structure_changed(self.item)

    def undo(self) -> None:
        """Take the item out again and select what is now in its place."""
        items = self._list()
        items.pop(self.index)
        self.views.structure_changed(_neighbour(items, self.index, self.owner))


class RemoveCommand(QUndoCommand):
    """Remove the item at ``index`` of the list ``owner.attribute``; undo puts the same object back."""

    def __init__(self, views: Views, owner: object, attribute: str, index: int, text: str) -> None:
        super().__init__(text)
        self.views = views
        self.owner = owner
        self.attribute = attribute
        self.index = index
        self.item: object = getattr(owner, attribute)[index]

    def redo(self) -> None:
        """Remove the item and select its neighbour."""
        items: list[Any] = getattr(self.owner, self.attribute)
        items.pop(self.index)
        self.views.structure_changed(_neighbour(items, self.index, self.owner))

    def undo(self) -> None:
        """Put the item back where it was and select it."""
        items: list[Any] = getattr(self.owner, self.attribute)
        items.insert(self.index, self.item)
        self.views.structure_changed(self.item)


class MoveCommand(QUndoCommand):
    """Move an item from one list position to another (the lists may differ: a session to another section)."""

    def __init__(
        self,
        views: Views,
        source: tuple[object, str, int],
        target: tuple[object, str, int],
        text: str,
    ) -> None:
        super().__init__(text)
        self.views = views
        self.source = source
        self.target = target
        owner, attribute, index = source
        self.item: object = getattr(owner, attribute)[index]

    @staticmethod
    def _move(source: tuple[object, str, int], target: tuple[object, str, int]) -> object:
        items: list[Any] = getattr(source[0], source[1])
        item = items.pop(source[2])
        destination: list[Any] = getattr(target[0], target[1])
        destination.insert(target[2], item)
        return item

    def redo(self) -> None:
        """Move the item to its new place and keep it selected."""
        self.views.structure_changed(self._move(self.source, self.target))

    def undo(self) -> None:
        """Move it back."""
        self.views.structure_changed(self._move(self.target, self.source))


def _neighbour(items: list[Any], index: int, owner: object) -> object:
    if not items:
        return owner
    return items[min(index, len(items) - 1)]
