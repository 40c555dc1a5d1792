"""Errors of the .docx importer: each says, for a person, why a file cannot be opened."""

from __future__ import annotations

from minutes_editor.errors import UserFileError


class DocxImportError(UserFileError):
    """A .docx file could not be imported; ``str()`` is the message for the user."""


class NotWordDocumentError(DocxImportError):
    """The file is not a Word .docx document at all (empty, PDF, a spreadsheet, ...)."""


class LegacyWordError(DocxImportError):
    """The file is an old binary Word document (.doc, an OLE compound file)."""


class EncryptedDocumentError(DocxImportError):
    """The document is protected by a password."""


class UnsafeDocumentError(DocxImportError):
    """The file exceeds a safety limit (zip bomb, entity expansion, external entities, size)."""


class DamagedDocumentError(DocxImportError):
    """The file is a .docx whose parts are missing or broken."""


class InternalImportError(DocxImportError):
    """The importer itself failed on this file (a bug): said clearly instead of crashing the program."""
