"""The rich-text bodies of an open report: one QTextDocument per section or session, synced to the model lazily.

A body's document is made the first time its part is shown. Typing marks it
dirty and nothing more; ``flush()`` converts dirty documents back into model
blocks, on the preview's timer, before saving and before an autosave, never
per keystroke. Only the paragraphs edited since the last flush are converted
again: each converted paragraph carries a mark (its QTextBlock user state)
that an edit touching it clears, so flushing a 1,000-paragraph body after a
few keystrokes reads a few paragraphs, not all of them (the others' model
blocks are the objects the last flush gave: a body's blocks are replaced,
never changed in place). Each undo step a document adds becomes a
TextEditCommand on the report's one undo stack, but for the step ``replace``
makes, which the review command that asked for it undoes and redoes itself
(``step``). Footnotes live in a pool by id, so a reference
removed and brought back by undo finds its note again; ``flush()`` makes the
report list exactly the notes referenced, in the order of first reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QTextDocument, QTextTable, QUndoStack

from minutes_editor.gui.commands import TextEditCommand, Views
from minutes_editor.gui.rich_text import (
    FootnoteMarks,
    block_to_model,
    body_blocks,
    footnote_ids,
    install_footnote_marks,
)
from minutes_editor.gui.table_text import body_model_items, body_to_document, replace_body, table_to_model
from minutes_editor.gui.text_marks import PointMarks, install_point_marks, with_unique_ids
from minutes_editor.model.operations import ReplaceBlocks
from minutes_editor.model.report import Block, Footnote, FootnoteRef, Report, Section, Session

#: The user state of a paragraph not converted since it was made or last edited.
UNMARKED = -1


@dataclass
class Body:
    """The document editing one section's or session's blocks."""

    owner: Section | Session
    document: QTextDocument
    dirty: bool = False
    #: What the last flush read, by paragraph mark: the paragraph's text then and its model block.
    converted: dict[int, tuple[str, Block]] = field(default_factory=dict)
    #: The tables the last flush read, by id: a table read again equal to its last reading keeps that block.
    tables: dict[str, Block] = field(default_factory=dict)


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
        self.points = PointMarks(self)
        self._merging: QTextDocument | None = None
        self._quiet = False
        self._next_mark = 0
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
            install_point_marks(document, self.points)
            body_to_document(document, owner.blocks, self.report.direction)
            body = Body(owner, document)
            self._bodies[id(owner)] = body
            # Read once now, while the body opens, so that no flush while the user types reads it all.
            self._read_blocks(body)
            document.contentsChange.connect(
                lambda position, _removed, added, body=body: self._unmark(body, position, added)
            )
            document.contentsChanged.connect(lambda body=body: self._on_contents_changed(body))
            document.undoCommandAdded.connect(lambda body=body: self._on_undo_command(body))
        return body.document

    def has_document(self, owner: Section | Session) -> bool:
        """Whether the body of ``owner`` has been opened."""
        body = self._bodies.get(id(owner))
        return body is not None and body.owner is owner

    def reload(self, owner: Section | Session) -> None:
        """Replace a body's document text with the model's blocks (its undo history is dropped)."""
        if self.has_document(owner):
            body = self._bodies[id(owner)]
            body_to_document(body.document, owner.blocks, self.report.direction)
            body.dirty = False
            body.converted.clear()
            self._read_blocks(body)

    def replace(self, owner: Section | Session) -> QTextDocument | None:
        """Write the model's blocks into an open body's document as one step of its own history (None if not open).

        The step is not pushed on the report's stack: the command that asked for it (a review decision)
        undoes and redoes it with ``step``, so the typing steps before it stay undoable.
        """
        if not self.has_document(owner):
            return None
        body = self._bodies[id(owner)]
        self._quiet = True
        try:
            replace_body(body.document, owner.blocks, self.report.direction)
        finally:
            self._quiet = False
        body.dirty = False
        self._read_blocks(body)
        return body.document

    def step(self, owner: Section | Session, *, redo: bool) -> bool:
        """Undo (redo) the step ``replace`` made in an open body, the model's blocks already as it leaves them.

        True when the document could; the model keeps its blocks (the document now shows them).
        """
        body = self._bodies.get(id(owner))
        if body is None or body.owner is not owner:
            return False
        document = body.document
        if not (document.isRedoAvailable() if redo else document.isUndoAvailable()):
            return False
        (document.redo if redo else document.undo)()
        body.dirty = False
        self._read_blocks(body)
        return True

    def _on_contents_changed(self, body: Body) -> None:
        body.dirty = True
        self.edited.emit(body.owner)

    @staticmethod
    def _unmark(body: Body, position: int, added: int) -> None:
        # The paragraphs from the one holding ``position`` to the one holding the end of what was put there
        # (text, a paragraph break, a format) are read again at the next flush. A paragraph that absorbed a
        # removed one holds ``position`` too.
        block = body.document.findBlock(position)
        end = position + added
        while block.isValid() and block.position() <= end:
            block.setUserState(UNMARKED)
            block = block.next()

    def _on_undo_command(self, body: Body) -> None:
        if self._quiet:
            return
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
                ReplaceBlocks(body.owner, self._read_blocks(body)).apply(self.report)
                body.dirty = False
                written = True
        if written:
            self._sync_footnotes()
        return written

    def _read_blocks(self, body: Body) -> list[Block]:
        """The model blocks of a body's document, converting only the paragraphs edited since the last read."""
        previous = body.converted
        converted: dict[int, tuple[str, Block]] = {}
        blocks: list[Block] = []
        ids: set[str] = set()
        tables: dict[str, Block] = {}
        for block in body_model_items(body.document):
            if isinstance(block, QTextTable):
                # A table is read whole each time (tables are small); an unchanged one keeps its block.
                table = table_to_model(block)
                last = body.tables.get(table.id)
                if last is not None and last == table and table.id not in ids:
                    table = last
                if table.id in ids:
                    table = with_unique_ids([table], ids)[0]
                ids.add(table.id)
                tables[table.id] = table
                blocks.append(table)
                continue
            text = block.text()
            mark = block.userState()
            known = previous.get(mark)
            # The text is compared too, and a mark seen twice is not trusted: whatever an edit did, a
            # paragraph is reused only as it was read.
            if known is None or known[0] != text or mark in converted:
                mark = self._next_mark
                self._next_mark += 1
                block.setUserState(mark)
                known = (text, block_to_model(block))
            if known[1].id in ids:
                # Two paragraphs with one id (Enter and paste give new ones where they make paragraphs): the
                # later gets a new one, kept while the paragraph is not edited.
                known = (text, with_unique_ids([known[1]], ids)[0])
            ids.add(known[1].id)
            converted[mark] = known
            blocks.append(known[1])
        body.converted = converted
        body.tables = tables
        return body_blocks(blocks)

    def _sync_footnotes(self) -> None:
        for note in self.report.footnotes:
            self.pool.setdefault(note.id, note)
        referenced = list(dict.fromkeys(self.report.footnote_refs()))
        notes = []
        for footnote_id in referenced:
            pooled = self.pool.get(footnote_id)
            if pooled is None:
                pooled = self.pool[footnote_id] = Footnote(footnote_id, [])
            notes.append(pooled)
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
            owners: tuple[Section | Session, ...] = (section, *section.sessions)
            for owner in owners:
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
