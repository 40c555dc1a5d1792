"""Errors of reading a .docx (a draft to import, a Word template): why a file cannot be opened, for a person.

The importer raises them as they are; the template loader says them as the
reason a template cannot be used.

Every message is a template below (context ``FileErrors``) and its values,
which the window shows in the interface's language; ``str(error)`` is the
English sentence the command line prints (see ``minutes_editor.errors``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Self

from minutes_editor.errors import UserFileError
from minutes_editor.phrases import QT_TRANSLATE_NOOP, Phrase, Value


class DocxImportError(UserFileError):
    """A .docx file could not be imported; ``str()`` is the message for the user."""

    @classmethod
    def of(cls, template: str, path: Path | None = None, **values: Value) -> Self:
        """The error saying ``template`` (a message below) filled with ``values``."""
        return cls(Phrase(template, values), path)


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


# ------------------------------------------------------------------- messages
# What the importer says is wrong with a file: templates the window translates (context FileErrors, as the
# loader's in storage/messages.py). Translators: keep every {name} field; {part} is a part's name inside
# the .docx archive (word/document.xml), shown as written.

NOT_DOCX_FOLDER = QT_TRANSLATE_NOOP("FileErrors", "this is a folder, not a .docx document")
#: {reason} is the system's own English description of the failure.
DOCX_CANNOT_READ = QT_TRANSLATE_NOOP("FileErrors", "the file cannot be read ({reason})")
#: {what} is one of the kinds of file below.
OTHER_FORMAT = QT_TRANSLATE_NOOP("FileErrors", "this is {what}, not a Word .docx document")
A_PDF = QT_TRANSLATE_NOOP("FileErrors", "a PDF file")
AN_RTF = QT_TRANSLATE_NOOP("FileErrors", "an RTF document (save it from Word as .docx)")
A_GZIP = QT_TRANSLATE_NOOP("FileErrors", "a gzip archive")
A_RAR = QT_TRANSLATE_NOOP("FileErrors", "a RAR archive")
A_7ZIP = QT_TRANSLATE_NOOP("FileErrors", "a 7-Zip archive")
#: {kind} is one of the two kinds of file below.
MARKUP = QT_TRANSLATE_NOOP("FileErrors", "this is {kind}, not a .docx document (save it from Word as .docx)")
WORD_XML_OR_HTML = QT_TRANSLATE_NOOP("FileErrors", "a Word 2003 XML or HTML file")
XML_OR_HTML = QT_TRANSLATE_NOOP("FileErrors", "an XML or HTML file")
NOT_ZIP = QT_TRANSLATE_NOOP("FileErrors", "this is not a Word .docx document (it is not a zip archive)")
ENCRYPTED = QT_TRANSLATE_NOOP(
    "FileErrors",
    "the document is protected by a password; open it in Word, remove the password "
    "(File > Info > Protect Document) and save it again",
)
LEGACY_WORD = QT_TRANSLATE_NOOP(
    "FileErrors",
    "this is an old Word 97-2003 document (.doc); open it in Word or LibreOffice and save it as .docx",
)
LEGACY_OFFICE = QT_TRANSLATE_NOOP(
    "FileErrors", "this is an old Microsoft Office binary file (OLE), not a .docx document; save it as .docx"
)
#: {kind} is the file's own media type, as application/vnd.oasis.opendocument.spreadsheet.
OPENDOCUMENT = QT_TRANSLATE_NOOP("FileErrors", "this is an OpenDocument file ({kind}), not a Word .docx document")
OPENDOCUMENT_TEXT = QT_TRANSLATE_NOOP(
    "FileErrors", "this is an OpenDocument text (.odt), not a .docx; save it from LibreOffice as Word .docx"
)
EXCEL = QT_TRANSLATE_NOOP("FileErrors", "this is an Excel workbook, not a Word .docx document")
POWERPOINT = QT_TRANSLATE_NOOP("FileErrors", "this is a PowerPoint presentation, not a Word .docx document")
NO_MAIN_PART = QT_TRANSLATE_NOOP("FileErrors", "this zip archive holds no Word document (no main document part)")

# ----------------------------------------------------------- safety limits
# Sizes ({size}, {limit}) are in megabytes; {count} and {ratio} are numbers.

DOCX_TOO_LARGE = QT_TRANSLATE_NOOP("FileErrors", "the file is {size} MB, larger than the {limit} MB a report can be")
TOO_MANY_PARTS = QT_TRANSLATE_NOOP("FileErrors", "the archive lists {count} parts, more than the {limit} allowed")
#: {method} is the zip compression method's number.
COMPRESSION_METHOD = QT_TRANSLATE_NOOP(
    "FileErrors", "part {part} uses a compression method Word never writes ({method})"
)
PART_TOO_LARGE = QT_TRANSLATE_NOOP(
    "FileErrors", "part {part} would expand to {size} MB, more than the {limit} MB allowed (a zip bomb?)"
)
ARCHIVE_TOO_LARGE = QT_TRANSLATE_NOOP("FileErrors", "the archive would expand to more than {limit} MB (a zip bomb?)")
RATIO = QT_TRANSLATE_NOOP(
    "FileErrors", "part {part} is compressed {ratio} to 1, beyond the {limit} to 1 of real documents (a zip bomb?)"
)
BEYOND_DECLARED_SIZE = QT_TRANSLATE_NOOP("FileErrors", "part {part} expands beyond its declared size (a zip bomb?)")
READ_TOO_MUCH = QT_TRANSLATE_NOOP("FileErrors", "the document expands to more than {limit} MB of text (a zip bomb?)")
DTD = QT_TRANSLATE_NOOP(
    "FileErrors",
    "part {part} declares a DTD or entities, which Word never writes; refused for safety "
    "(entity expansion or external entity attack)",
)
DTD_EXPANSION = QT_TRANSLATE_NOOP(
    "FileErrors",
    "part {part} declares a DTD or entities, which Word never writes; refused for safety (entity expansion)",
)
DTD_FOUND = QT_TRANSLATE_NOOP(
    "FileErrors", "part {part} declares a DTD or entities, which Word never writes; refused for safety"
)
XML_TOO_DEEP = QT_TRANSLATE_NOOP(
    "FileErrors", "part {part} nests elements too deeply or holds too long a text to be a real document"
)
CONTENT_TOO_DEEP = QT_TRANSLATE_NOOP("FileErrors", "the document nests its content too deeply")
TOO_LARGE_TO_OPEN = QT_TRANSLATE_NOOP("FileErrors", "the document is too large to open")

# --------------------------------------------------------------- damage
# {reason} is the zip or XML library's own English message.

NOT_READABLE_ZIP = QT_TRANSLATE_NOOP("FileErrors", "the file is damaged: not a readable zip archive ({reason})")
FILE_DAMAGED = QT_TRANSLATE_NOOP("FileErrors", "the file is damaged: {reason}")
PAST_THE_END = QT_TRANSLATE_NOOP("FileErrors", "the archive is damaged: part {part} runs past the end of the file")
ENCRYPTED_PART = QT_TRANSLATE_NOOP("FileErrors", "the archive is encrypted (part {part})")
NO_SUCH_PART = QT_TRANSLATE_NOOP("FileErrors", "the document has no part {part}")
PART_DAMAGED = QT_TRANSLATE_NOOP("FileErrors", "part {part} is damaged ({reason})")
XML_DAMAGED = QT_TRANSLATE_NOOP("FileErrors", "part {part} is damaged: {reason}")
NO_BODY = QT_TRANSLATE_NOOP("FileErrors", "part {part} has no body: not a Word document")
#: {target} is the relationship's target as the file writes it.
OUTSIDE_PACKAGE = QT_TRANSLATE_NOOP("FileErrors", "a relationship points outside the package ({target})")
#: {fault} is Python's own name and description of the fault, as "KeyError: 'x'".
INTERNAL = QT_TRANSLATE_NOOP(
    "FileErrors",
    "Minutes Editor could not read this document ({fault}). "
    "This is a fault in Minutes Editor: please report it, with the file if you can share it.",
)
