"""The base of errors about a user's file: a message for a person, and the file it concerns.

The message is a ``Phrase`` (``minutes_editor.phrases``): an English template
and its values. ``str(error)`` is the English sentence the command line
prints, ``"NAME: what is wrong"`` once the file is known; the window renders
the same error in the interface's language (``minutes_editor.gui.file_errors``)
from the templates marked here, in the storage loader
(``minutes_editor.storage.messages``) and in the .docx reader
(``minutes_editor.ooxml.errors``), all in the Qt context ``FileErrors``.
A program's or the system's own English words (a parser's message, an OS
error) stay values, shown as they are in every language.
"""

from __future__ import annotations

from pathlib import Path

from minutes_editor.phrases import QT_TRANSLATE_NOOP, Phrase, Translate, english

# The Qt translation context of every file error template.
CONTEXT = "FileErrors"

# The templates shared by the .minutes loader and the .docx importer. Translators: keep every {name} field.

#: {file} is the file's name, {detail} what is wrong with it (one of the messages below).
IN_FILE = QT_TRANSLATE_NOOP("FileErrors", "{file}: {detail}")
FILE_MISSING = QT_TRANSLATE_NOOP("FileErrors", "the file does not exist")
FILE_EMPTY = QT_TRANSLATE_NOOP("FileErrors", "the file is empty")
NO_PERMISSION = QT_TRANSLATE_NOOP("FileErrors", "you do not have permission to read this file")


class UserFileError(Exception):
    """A file could not be used; ``str()`` is the message to show, prefixed by the file's name once known."""

    def __init__(self, message: str | Phrase, path: Path | None = None) -> None:
        # A plain sentence is a phrase with no fields: it shows as written in every language.
        self.message = message if isinstance(message, Phrase) else Phrase(message)
        super().__init__(self.message)
        self.path = path

    @property
    def detail(self) -> str:
        """What is wrong, in English, without the file's name."""
        return str(self.message)

    @property
    def phrase(self) -> Phrase:
        """The whole message as a phrase: the file's name, once known, and what is wrong."""
        return Phrase.of(IN_FILE, file=self.path.name, detail=self.message) if self.path else self.message

    def render(self, translate: Translate = english) -> str:
        """The message with its templates looked up by ``translate`` (the window's language)."""
        return self.phrase.render(translate)

    def __str__(self) -> str:
        return self.render()
