"""The open report as the window sees it: the model, its file, its undo history, its saved state."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from minutes_editor.model.report import Report
from minutes_editor.storage.files import read_regular
from minutes_editor.storage.minutes_file import MAX_FILE_BYTES, read_report, save_report


class ReportDocument(QObject):
    """One report open in the editor.

    Every change to ``report`` goes through an undo command pushed on
    ``undo_stack``; the stack's clean state is the saved state. ``changed``
    fires after every change (edits, undo, redo), which the preview and the
    autosave listen to. ``disk_hash`` is the hash of the file as last read or
    written, to refuse overwriting a file someone else changed.

    The document owns everything of its report that Qt holds: the undo
    stack and, once the window has opened them, the body store and its
    QTextDocuments (children of this object). ``close()`` deletes them all;
    whoever shows or watches one of them lets go of it first.
    """

    changed = Signal()
    path_changed = Signal(object)
    modified_changed = Signal(bool)

    def __init__(
        self, report: Report, path: Path | None = None, parent: QObject | None = None, *, read: bytes | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        #: The Word document this report was imported from (it has no file of its own until saved).
        self.source: Path | None = None
        #: The name of a report with neither file nor draft of its own (a comparison's) until it is saved.
        self.title: str | None = None
        #: For a report restored after a crash: the replay of its recovery journal (storage.journal_replay.Replay).
        self.restored: Any = None
        #: While Review > Track changes is on for this report: the name the user's edits are pending under.
        self.tracked_by = ""
        #: An imported draft saved with Track Changes on: the window turns it on too, once (gui/track_changes.py).
        self.draft_tracks_changes = False
        self.undo_stack = QUndoStack(self)
        #: While the report is in a shared room: what undoes (redoes, given True) one's own last step there
        #: instead of ``undo_stack`` (gui/shared_undo.py).
        self.shared_undo: Callable[[bool], None] | None = None
        # The file's bytes as read are hashed when the hash is first needed, not while the window opens.
        self._disk_hash: str | None = _hash_file(path) if path and read is None else None
        self._read_bytes: bytes | None = read if path else None
        # Bound methods, not lambdas: Qt drops them when this object is destroyed, before the
        # stack (a child) announces its own clearing.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)
        self._flushers: list[Callable[[], object]] = []

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _index_changed(self, _index: int) -> None:
        self.changed.emit()

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> ReportDocument:
        """Load a .minutes file; raises ReportFileError with the loader's message."""
        report, data = read_report(path)
        return cls(report, path, parent, read=data)

    @property
    def disk_hash(self) -> str | None:
        """Hash of the file as last read or written (None when there is none or it could not be read)."""
        if self._read_bytes is not None:
            self._disk_hash, self._read_bytes = _hash(self._read_bytes), None
        return self._disk_hash

    @disk_hash.setter
    def disk_hash(self, value: str | None) -> None:
        self._disk_hash, self._read_bytes = value, None

    @property
    def is_modified(self) -> bool:
        """Whether the report differs from its file."""
        return not self.undo_stack.isClean()

    def undo(self) -> None:
        """Undo the last change: on ``undo_stack``, or one's own last step in the shared room."""
        if self.shared_undo is not None:
            self.shared_undo(False)
        else:
            self.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last change undone: on ``undo_stack``, or in the shared room."""
        if self.shared_undo is not None:
            self.shared_undo(True)
        else:
            self.undo_stack.redo()

    def add_flusher(self, flush: Callable[[], object]) -> None:
        """Register a callable that writes edits an open editor still holds into ``report``.

        Rich-text bodies are converted to model blocks lazily, not per
        keystroke; ``read()`` runs these callables so the report it returns is complete.
        """
        self._flushers.append(flush)

    def read(self) -> Report:
        """The report with nothing stale: typing the open editors still hold is brought into it first.

        Every reader of the whole report (save, autosave, export, preview,
        checks, find, counts) goes through here; ``report`` itself may lag
        behind the body editors until then.
        """
        for flush in self._flushers:
            flush()
        return self.report

    def changed_on_disk(self) -> bool:
        """Whether the file was changed by someone else since it was opened or saved."""
        if self.path is None or self.disk_hash is None:
            return False
        return _hash_file(self.path) != self.disk_hash

    def close(self) -> None:
        """Delete this report's Qt objects (undo stack, body documents) once control returns to the event loop.

        Call it only after every editor, highlighter or other holder of its
        body documents has let go of them (the window's ``document_closing``).
        """
        for signal in (
            self.changed,
            self.modified_changed,
            self.path_changed,
            self.undo_stack.canUndoChanged,
            self.undo_stack.canRedoChanged,
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
        # The stack announces its clearing while it is destroyed: nobody must hear it then.
        self.undo_stack.blockSignals(True)
        self.deleteLater()

    def save(self, path: Path | None = None) -> None:
        """Write the report atomically to ``path`` (or its own file); raises WriteError."""
        target = path or self.path
        if target is None:
            raise ValueError("the report has no file yet: give a path")
        # The bytes written, encoded once, are what the file now holds.
        self.disk_hash = _hash(save_report(self.read(), target))
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)
        self.undo_stack.setClean()


def _hash(data: bytes) -> str:
    import hashlib  # when first needed: it loads OpenSSL, which the window's first frame does without

    return hashlib.sha256(data).hexdigest()


def _hash_file(path: Path) -> str | None:
    # Through the one door for reading: the file a report came from may since have become a pipe (a restored
    # recovery names a path the crashed session knew), and hashing it must never block the window.
    try:
        return _hash(read_regular(Path(path), MAX_FILE_BYTES))
    except (OSError, ValueError):  # gone, not a regular file, too large for a report: not the file we know
        return None
