"""Opening a .docx draft report back into the structured report model; no Qt here.

``import_docx(path)`` returns an ``ImportResult``: the report and the notes
to show the user (what was kept as text, moved, or left out), each an
``ImportNote`` that reads as English with ``str()`` and renders in another
interface language through a translation function. Every failure,
from a wrong file to a zip bomb, is a ``DocxImportError`` whose message says
what is wrong for a person.
"""

from __future__ import annotations

from minutes_editor.importer.notes import ImportNote, Phrase
from minutes_editor.importer.reader import ImportResult, import_docx
from minutes_editor.ooxml.errors import (
    DamagedDocumentError,
    DocxImportError,
    EncryptedDocumentError,
    InternalImportError,
    LegacyWordError,
    NotWordDocumentError,
    UnsafeDocumentError,
)
from minutes_editor.ooxml.safe_zip import DEFAULT_LIMITS, Limits

__all__ = [
    "DEFAULT_LIMITS",
    "DamagedDocumentError",
    "DocxImportError",
    "EncryptedDocumentError",
    "ImportNote",
    "ImportResult",
    "InternalImportError",
    "LegacyWordError",
    "Limits",
    "NotWordDocumentError",
    "Phrase",
    "UnsafeDocumentError",
    "import_docx",
]
