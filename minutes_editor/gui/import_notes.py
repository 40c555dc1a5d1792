"""An import note of a Word draft as a sentence in the interface's language (context ``ImportNotes``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from minutes_editor.gui.file_errors import translate_error_template

if TYPE_CHECKING:
    from minutes_editor.importer import Phrase


def translate_note_template(template: str, count: int | None) -> str:
    """A note's template in the interface's language, its ``%n`` filled with ``count`` in the right plural form.

    A note may quote a file error (a damaged part), whose templates are in the file errors' context.
    """
    if count is None:
        text = QCoreApplication.translate("ImportNotes", template)
        return text if text != template else translate_error_template(template, None)
    return QCoreApplication.translate("ImportNotes", template, None, count)


def note_text(note: Phrase) -> str:
    """An import note (or a place it names) as a sentence in the interface's language."""
    return note.render(translate_note_template)
