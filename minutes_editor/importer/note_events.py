"""Telling the user what the report cannot hold: where it stood, a note for each thing left out, the counts.

The builder's part (mixed into ``Builder``, minutes_editor.importer.mapping)
that names the place being read (the title block, a section, a session),
makes the note for something left out of the report (a table kept as text,
an image, a text box, an equation, an embedded object), and sums up at the
end what was counted on the way (fields, links, deep bullets, moved marks,
formatting changes...).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import minutes_editor.importer.notes as n
from minutes_editor.importer.notes import ImportNote, Listing, Phrase
from minutes_editor.importer.pieces import Event, Source
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Section, Session


class NoteEvents:
    """The builder's notes for the user on what it left out or changed."""

    if TYPE_CHECKING:
        source: Source
        preset: LanguagePreset
        notes: list[ImportNote]
        _section: Section | None
        _session: Session | None
        _counts: Counter[str]

    def _where(self) -> Phrase:
        if self._session is not None:
            return Phrase.of(n.IN_SESSION, title=self._session.title)
        if self._section is not None:
            heading = self._section.heading
            if heading is None:
                heading = self.preset.heading(self._section.kind)
            return Phrase.of(n.IN_SECTION, heading=heading) if heading else Phrase.of(n.IN_UNTITLED_SECTION)
        return Phrase.of(n.IN_TITLE_BLOCK)

    def _event_note(self, event: Event, where: Phrase) -> ImportNote | None:
        kind = event.kind
        if kind == "table":
            return ImportNote.of(n.TABLE, int(event.detail), place=where)
        if kind == "image":
            if event.detail:
                return ImportNote.of(n.NAMED_IMAGE, name=event.detail, place=where)
            return ImportNote.of(n.IMAGE, place=where)
        if kind == "equation":
            return ImportNote.of(n.EQUATION, place=where, text=_short(event.detail))
        plain = {
            "drawing": n.DRAWING,
            "textbox": n.TEXT_BOX,
            "object": n.EMBEDDED_OBJECT,
            "embedded": n.EMBEDDED_DOCUMENT,
        }
        if kind in plain:
            return ImportNote.of(plain[kind], place=where)
        return ImportNote.of(n.NOT_IMPORTED, place=where, detail=event.detail)

    def _summaries(self) -> None:
        stats = self.source.stats
        counts = self._counts
        counts["format changes"] += stats.format_changes
        fields = {name: count for name, count in stats.fields.items() if name not in ("NOTEREF",)}
        if fields:
            listed = Listing(tuple(f"{name} ({count})" for name, count in sorted(fields.items())))
            self.notes.append(ImportNote.of(n.FIELDS, fields=listed))
        if stats.links:
            shown = Listing(tuple(sorted(set(stats.links))[:10]))
            self.notes.append(ImportNote.of(n.LINKS, len(stats.links), links=shown))
        templates = {
            "numbered items": n.NUMBERED_ITEMS,
            "deep bullets": n.DEEP_BULLETS,
            "deep headings": n.DEEP_HEADINGS,
            "moved marks": n.MOVED_MARKS,
            "broken note cross-references": n.BROKEN_CROSS_REFERENCES,
            "missing notes": n.MISSING_NOTES,
            "unreferenced notes": n.UNREFERENCED_NOTES,
            "marks inside notes": n.MARKS_INSIDE_NOTES,
            "format changes": n.FORMAT_CHANGES,
            "paragraph marks": n.PARAGRAPH_MARKS,
        }
        for key, template in templates.items():
            if counts[key]:
                self.notes.append(ImportNote.of(template, counts[key]))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
