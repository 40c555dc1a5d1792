"""The rich-text bodies of an open report: one QTextDocument per section or session, synced to the model lazily.

A body's document is made the first time its part is shown. Typing marks it
dirty and nothing more; ``flush()`` converts dirty documents back into model
blocks, on the preview's timer, before saving and before an autosave, never
per keystroke. Each undo step a document adds becomes a TextEditCommand on the
report's one undo stack. Footnotes live in a pool by id, so a reference
removed and brought back by undo finds its note again; ``flush()`` makes the
report list exactly the notes referenced, in the order of first reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QTextDocument, QUndoStack

from minutes_editor.gui.commands import TextEditCommand, Views
from minutes_editor.gui.rich_text import (
    FootnoteMarks,
    blocks_to_document,
    document_to_blocks,
    footnote_ids,
    install_footnote_marks,
)
from minutes_editor.model.report import Footnote, FootnoteRef, Report, Section, Session


@dataclass
class Body:
    """The document editing one section's or session's blocks."""

    owner: Section | Session
    document: QTextDocument
    dirty: bool = False


class BodyStore(QObject):
    """The body documents of one report, their footnote numbers and their link to the undo stack."""

    #: A body's text changed (every keystroke): listeners only restart timers.
    edited = Signal(object)
    #: Footnote numbers changed: the editors redraw their marks.
    numbers_changed = Signal()

    def __init__(self, report: Report, undo_stack: QUndoStack, views: Views, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.undo_stack = undo_stack
        self.views = views
        self._bodies: dict[int, Body] = {}
        self.pool: dict[str, Footnote] = {note.id: note for note in report.footnotes}
        self.numbers: dict[str, int] = {}
        self.marks = FootnoteMarks(self.numbers.get, self)
        self._merging: QTextDocument | None = None
        undo_stack.indexChanged.connect(self._stop_merging_elsewhere)
        undo_stack.cleanChanged.connect(lambda _clean: self.stop_merging())
        self.renumber()

    # ---------------------------------------------------------- documents

    def document(self, owner: Section | Session) -> QTextDocument:
        """The document of ``owner``'s body, made on first use."""
        body = self._bodies.get(id(owner))
        if body is None or body.owner is not owner:
            document = QTextDocument(self)
            install_footnote_marks(document, self.marks)
            blocks_to_document(document, owner.blocks, self.report.direction)
            body = Body(owner, document)
            self._bodies[id(owner)] = body
            document.contentsChanged.connect(lambda body=body: self._on_contents_changed(body))
            document.undoCommandAdded.connect(lambda body=body: self._on_undo_command(body))
        return body.document

    def owner_of(self, document: QTextDocument) -> Section | Session | None:
        """The section or session a document edits."""
        for body in self._bodies.values():
            if body.document is document:
                return body.owner
        return None

    def has_document(self, owner: Section | Session) -> bool:
        """Whether the body of ``owner`` has been opened."""
        body = self._bodies.get(id(owner))
        return body is not None and body.owner is owner

    def reload(self, owner: Section | Session) -> None:
        """Replace a body's document text with the model's blocks (its undo history is dropped)."""
        if self.has_document(owner):
            body = self._bodies[id(owner)]
            blocks_to_document(body.document, owner.blocks, self.report.direction)
            body.dirty = False

    def _on_contents_changed(self, body: Body) -> None:
        body.dirty = True
        self.edited.emit(body.owner)

    def _on_undo_command(self, body: Body) -> None:
        text = QCoreApplication.translate("bodies", "Typing")
        if self._merging is not body.document:
            self.stop_merging(keep=body.document)
        self._merging = body.document
        self.undo_stack.push(TextEditCommand(self.views, body.document, body.owner, text))

    # ---------------------------------------------------------- undo merging

    def _stop_merging_elsewhere(self, index: int) -> None:
        top = self.undo_stack.command(index - 1) if index > 0 else None
        document = top.document if isinstance(top, TextEditCommand) else None
        if self._merging is not None and self._merging is not document:
            self.stop_merging()

    def stop_merging(self, keep: QTextDocument | None = None) -> None:
        """Make the next keystroke start a new undo step in every body.

        A QTextDocument merges typing into its last undo step only while it is
        modified; after another command, an undo or a save, that step is no
        longer the top of the global stack, so merging into it would make the
        two stacks disagree.
        """
        for body in self._bodies.values():
            if body.document is not keep and body.document.isModified():
                body.document.setModified(False)
        self._merging = keep

    # ---------------------------------------------------------- model sync

    @property
    def dirty(self) -> bool:
        """Whether any body holds edits not yet in the model."""
        return any(body.dirty for body in self._bodies.values())

    def flush(self) -> bool:
        """Write the dirty bodies into the model and tidy the footnotes; True if anything was written."""
        written = False
        for body in self._bodies.values():
            if body.dirty:
                body.owner.blocks = document_to_blocks(body.document)
                body.dirty = False
                written = True
        if written:
            self._sync_footnotes()
        return written

    def _sync_footnotes(self) -> None:
        for note in self.report.footnotes:
            self.pool.setdefault(note.id, note)
        referenced = list(dict.fromkeys(self.report.footnote_refs()))
        notes = []
        for footnote_id in referenced:
            note = self.pool.get(footnote_id)
            if note is None:
                note = self.pool[footnote_id] = Footnote(footnote_id, [])
            notes.append(note)
        self.report.footnotes = notes

    def new_footnote_id(self) -> str:
        """An id no footnote of this report has used."""
        number = len(self.pool) + 1
        while f"fn{number}" in self.pool:
            number += 1
        return f"fn{number}"

    def add_footnote(self, note: Footnote) -> None:
        """Keep a new note in the pool until the body referencing it is flushed."""
        self.pool[note.id] = note

    # ---------------------------------------------------------- numbering

    def live_refs(self) -> list[str]:
        """Footnote ids in reading order, reading open documents as they are now."""
        refs: list[str] = []
        for section in self.report.sections:
            for owner in (section, *section.sessions):
                if self.has_document(owner):
                    refs.extend(footnote_ids(self._bodies[id(owner)].document))
                else:
                    refs.extend(
                        item.footnote_id
                        for block in owner.blocks
                        for item in block.content
                        if isinstance(item, FootnoteRef)
                    )
        return refs

    def renumber(self) -> bool:
        """Number the notes by first reference; True (and a redraw) if any number changed."""
        numbers: dict[str, int] = {}
        for footnote_id in self.live_refs():
            numbers.setdefault(footnote_id, len(numbers) + 1)
        if numbers == self.numbers:
            return False
        self.numbers.clear()
        self.numbers.update(numbers)
        for body in self._bodies.values():
            # The marks' widths may change ("9" -> "10"): lay the documents out again.
            body.document.markContentsDirty(0, body.document.characterCount())
        self.numbers_changed.emit()
        return True

    def documents(self) -> list[QTextDocument]:
        """The documents opened so far."""
        return [body.document for body in self._bodies.values()]
