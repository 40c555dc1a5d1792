"""A file error (a report or Word document that cannot be opened) as a message in the interface's language.

The loader and the importer raise errors whose message is a template and its
values (``minutes_editor.errors``); here each template is looked up in our
Qt catalogue (context ``FileErrors``), the file's name and the words quoted
from the file or from a library stay as they are. Every place the window
shows such an error (opening a report, importing a Word document, restoring
a recovery file) goes through ``file_error_text``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from minutes_editor.errors import CONTEXT, UserFileError


def translate_error_template(template: str, count: int | None) -> str:
    """A file error's template in the interface's language, its ``%n`` filled with ``count`` in its plural form."""
    if count is None:
        return QCoreApplication.translate(CONTEXT, template)
    return QCoreApplication.translate(CONTEXT, template, None, count)


def file_error_text(error: BaseException) -> str:
    """The message of ``error`` in the interface's language (any other exception: its own text)."""
    return error.render(translate_error_template) if isinstance(error, UserFileError) else str(error)
