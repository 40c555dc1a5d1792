"""Reviewers' changes on the lines that are not blocks: a heading's or session title's change, noted changes.

The builder's part (mixed into ``Builder``, minutes_editor.importer.mapping)
that turns the tracked changes read onto a heading or a session's title
(minutes_editor.importer.review_marks) into a ``FieldChange`` whose old
value is the line read as it was before the change, notes a change of a
line's properties the report cannot hold, and words the note of any change
not kept. ``_whole`` tells a paragraph a reviewer inserted or deleted whole.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import minutes_editor.importer.notes as n
from minutes_editor.importer.notes import ImportNote, Phrase
from minutes_editor.importer.pieces import RawParagraph, TextPiece
from minutes_editor.importer.recognise import recognise_heading
from minutes_editor.importer.roles import _Heading, heading_marker
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Change, FieldChange, Report, Section, Session


class PendingChanges:
    """The builder's reading of reviewers' changes on headings and session titles, and its notes of changes not kept."""

    if TYPE_CHECKING:
        report: Report
        preset: LanguagePreset
        notes: list[ImportNote]
        _section: Section | None
        _session: Session | None
        _counts: Counter[str]

        def _heading(self, paragraph: RawParagraph) -> _Heading | None: ...
        def _field_comments(self, paragraph: RawParagraph, field_name: str, owner: str) -> None: ...
        def _where(self) -> Phrase: ...

    def _heading_changes(self, paragraph: RawParagraph, field_name: str, owner: str) -> None:
        """Comments on a heading or session title, and its pending changes (a ``FieldChange``, or a note)."""
        self._field_comments(paragraph, field_name, owner)
        self._structure_change(paragraph)
        change = paragraph.first_change()
        if change is None:
            return
        whole = _whole(paragraph)
        if whole is not None:
            reason = n.REASON_NEW_SECTION if whole == "inserted" else n.REASON_REMOVED_SECTION
            text = paragraph.text if whole == "inserted" else paragraph.rejected_text
            self._not_kept(change, reason, text)
            return
        if paragraph.mark_inserted or paragraph.mark_deleted:
            self._counts["paragraph marks"] += 1
        if not paragraph.revised:
            return
        current: str | None
        if field_name == "Session.title" and self._session is not None:
            current = self._session.title
        elif self._section is not None:
            current = self._section.heading
        else:
            return
        old_heading = self._heading(paragraph.rejected())
        old: str | None = old_heading.text if old_heading is not None else paragraph.rejected_text.strip()
        if field_name == "Section.heading" and self._section is not None and old is not None:
            kind = self._section.kind
            if old.strip() == self.preset.heading(kind) and (
                heading_marker(paragraph) is not None or recognise_heading(old)
            ):
                old = None  # the language's default heading, as _new_section reads it
        if old != current:
            self.report.field_changes.append(FieldChange(field_name, owner, old, change))

    def _structure_change(self, paragraph: RawParagraph) -> None:
        """A tracked change of the properties of a line that is not a block (a heading, title, goals): noted."""
        previous, change = paragraph.previous, paragraph.previous_change
        if previous is None or change is None:
            return
        same_style = previous.style_names == paragraph.style_names and previous.outline == paragraph.outline
        if same_style and (previous.list_kind, previous.list_level) == (paragraph.list_kind, paragraph.list_level):
            self._counts["format changes"] += 1
        else:
            self._not_kept(change, n.REASON_STRUCTURE, paragraph.text)

    def _not_kept(self, change: Change, reason: str, text: str) -> None:
        """Note a reviewer's change the report cannot hold as pending, saying why and what the line now reads."""
        where = self._where()
        reason_phrase = Phrase(reason)
        if change.author:
            note = ImportNote.of(n.CHANGE_NOT_KEPT, author=change.author, place=where, reason=reason_phrase, text=text)
        else:
            note = ImportNote.of(n.CHANGE_NOT_KEPT_ANONYMOUS, place=where, reason=reason_phrase, text=text)
        self.notes.append(note)


def _whole(paragraph: RawParagraph) -> str | None:
    """Whether a reviewer inserted or deleted a paragraph whole (all its text and its mark): "inserted", "deleted"."""
    texts = [piece for piece in paragraph.pieces if isinstance(piece, TextPiece) and piece.text]
    if not texts:
        return None
    if paragraph.mark_inserted is not None and all(piece.inserted is not None for piece in texts):
        return "inserted"
    if paragraph.mark_deleted is not None and all(piece.deleted is not None for piece in texts):
        return "deleted"
    return None
