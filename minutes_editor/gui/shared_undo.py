"""Undo and Redo while the window is in a shared room: one's own edits, taken back from the room's document.

Built by ``CoeditPart`` (gui/coedit.py). While the window is in a room, its
Undo and Redo (the Edit menu's, their keys in any field, the body editors'
``undo_requested``) go to ``SharedUndo.step`` through the open report's
``ReportDocument.shared_undo`` hook instead of its ``QUndoStack``: the edits
not yet sent are sent first (``CoeditPart.sync``), then the room's
``SharedHistory`` (collab/undo.py, a Yjs UndoManager tracking this window's
own transactions only) undoes or redoes one step in the worker thread, and
the document's report is taken into the window as a remote change is
(``CoeditPart.take_in``: merge_in, cursors kept). The Undo and Redo actions
are enabled as the room's history allows.

The window's own history does not fit a report others edit too: it is
cleared on entering a room (the report stays modified if it was) and again
on leaving it, when Undo goes back to the window's stack with what is typed
from then on. The status bar says so.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from minutes_editor.collab.errors import CollabError, RelayError
from minutes_editor.collab.undo import SharedHistory
from minutes_editor.gui.document import ReportDocument

if TYPE_CHECKING:
    from minutes_editor.collab.live import LiveRoom
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.report import Report


class RoomPart(Protocol):
    """What ``SharedUndo`` uses of the part keeping the room (gui/coedit.py ``CoeditPart``)."""

    view: EditorView
    live: LiveRoom | None

    def sync(self) -> None:
        """Send what was edited here and take in what the others edited."""

    def take_in(self, merged: Report, *, forget_typed: bool = False) -> None:
        """Make the window's report read as the room's ``merged``."""


class SharedUndo(QObject):
    """The window's Undo and Redo while it is in a room."""

    def __init__(self, part: RoomPart, parent: QObject) -> None:
        super().__init__(parent)
        self.part = part
        # The room's history of this window's edits (touched in the room's worker thread only).
        self.history: SharedHistory | None = None
        self._document: ReportDocument | None = None
        self._state = (False, False)

    # ---------------------------------------------------------- entering and leaving

    def start(self, live: LiveRoom) -> None:
        """Entering a room: Undo and Redo go to the room's history of this window's edits, empty for now."""
        self.history = live.call(SharedHistory, live.doc)
        document = self.part.view.document
        self._document = document
        document.shared_undo = self.step
        _forget(document.undo_stack)
        for store_document in self.part.view.store.documents():
            store_document.clearUndoRedoStacks()
        # Typing still goes through the stack (its commands apply edits): its signals must not enable Undo.
        document.undo_stack.canUndoChanged.connect(self._show_state)
        document.undo_stack.canRedoChanged.connect(self._show_state)
        self.show_state((False, False))

    def stop(self) -> None:
        """Leaving the room: Undo goes back to the window's own history, which starts again now."""
        self.history = None
        document, self._document = self._document, None
        if document is None:
            return
        with contextlib.suppress(RuntimeError):  # the report may be closing
            document.shared_undo = None
            stack = document.undo_stack
            for signal in (stack.canUndoChanged, stack.canRedoChanged):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._show_state)
            if document is self.part.view.document:
                _forget(stack)
                for store_document in self.part.view.store.documents():
                    store_document.clearUndoRedoStacks()
                registry = self.part.view.registry
                registry["undo"].setEnabled(stack.canUndo())
                registry["redo"].setEnabled(stack.canRedo())

    # ---------------------------------------------------------- undo and redo

    def step(self, redo: bool) -> None:
        """Undo (redo) this window's last step in the room, after sending what is not sent yet."""
        part = self.part
        live, history = part.live, self.history
        if live is None or history is None:
            return
        part.sync()
        if part.live is not live:
            return
        action = history.redo if redo else history.undo
        try:
            merged, state = live.call(lambda: (action(), history.state()))
        except CollabError as error:
            part.view.session.message.emit(
                self.tr("The room's report cannot be read: %1").replace("%1", str(error)), 8000
            )
            return
        except RelayError:
            return
        part.take_in(merged, forget_typed=True)
        self.show_state(state)

    def show_state(self, state: tuple[bool, bool]) -> None:
        """Enable Undo and Redo as the room's history allows (``state``: can undo, can redo)."""
        self._state = state
        self._show_state()

    def _show_state(self, _changed: bool = False) -> None:
        registry = self.part.view.registry
        registry["undo"].setEnabled(self._state[0])
        registry["redo"].setEnabled(self._state[1])


def _forget(stack: QUndoStack) -> None:
    """Clear ``stack``, keeping the report modified if it was (a cleared stack is clean)."""
    modified = not stack.isClean()
    stack.clear()
    if modified:
        stack.resetClean()
