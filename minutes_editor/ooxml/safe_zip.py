"""Opening a .docx safely: recognise wrong files, refuse zip bombs, read parts within limits.

A .docx is a zip archive. Before anything is decompressed the file's first
bytes are checked (an old binary .doc or a password-protected document is an
OLE compound file, not a zip), then the archive's central directory is checked
against the limits (member count, sizes, compression ratio), and every part
read is counted again while it is decompressed, since a central directory can
lie about sizes.

A package is opened through the door of ``minutes_editor.storage.files``
(a pipe named .docx is refused at once, and the archive is read from the
file that was checked) or, when the caller has already read the file through
that door (as the export does for a Word template), from those bytes: the
same checks, no second look at the disk.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from minutes_editor.errors import FILE_EMPTY, FILE_MISSING, NO_PERMISSION
from minutes_editor.ooxml import errors as e
from minutes_editor.ooxml.errors import (
    DamagedDocumentError,
    DocxImportError,
    EncryptedDocumentError,
    LegacyWordError,
    NotWordDocumentError,
    UnsafeDocumentError,
)
from minutes_editor.phrases import Phrase
from minutes_editor.storage.files import NotRegularFileError, open_regular
from minutes_editor.storage.messages import NOT_REGULAR

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: How much of an OLE file is searched for the stream names that tell a .doc from an encrypted .docx.
OLE_SCAN_BYTES = 32 * MB
_CHUNK = 1 * MB


@dataclass(frozen=True)
class Limits:
    """Safety limits for one import; the defaults are far above any real report."""

    #: Size of the .docx file itself.
    max_file_bytes: int = 256 * MB
    #: Members listed in the central directory.
    max_members: int = 10_000
    #: Declared uncompressed size of any member, and bytes actually read from one.
    max_member_bytes: int = 256 * MB
    #: Declared uncompressed size of all members together.
    max_total_bytes: int = 1024 * MB
    #: Bytes actually decompressed over the whole import.
    max_read_bytes: int = 512 * MB
    #: Uncompressed to compressed size; deflate cannot exceed about 1032, real XML parts stay under 100.
    max_ratio: float = 250.0
    #: Members smaller than this are not held to the ratio (tiny parts compress oddly).
    ratio_floor_bytes: int = 1 * MB


DEFAULT_LIMITS = Limits()
_COMPRESSION_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def sniff(path: Path, head: bytes, data: bytes | None = None) -> None:
    """Raise a clear error when the first bytes show the file is not a .docx (zip) at all."""
    if not head:
        raise NotWordDocumentError.of(FILE_EMPTY, path)
    if head.startswith(OLE_MAGIC):
        _refuse_ole(path, data)
    if head.startswith(ZIP_MAGICS):
        return
    known = {b"%PDF": e.A_PDF, b"{\\rtf": e.AN_RTF, b"\x1f\x8b": e.A_GZIP, b"Rar!": e.A_RAR, b"7z\xbc\xaf": e.A_7ZIP}
    for magic, what in known.items():
        if head.startswith(magic):
            raise NotWordDocumentError.of(e.OTHER_FORMAT, path, what=Phrase(what))
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<html", b"<!doctype html", b"<w:")):
        kind = e.WORD_XML_OR_HTML if b"word" in head.lower() else e.XML_OR_HTML
        raise NotWordDocumentError.of(e.MARKUP, path, kind=Phrase(kind))
    raise NotWordDocumentError.of(e.NOT_ZIP, path)


def _refuse_ole(path: Path, data: bytes | None = None) -> None:
    if data is None:
        with open_regular(path) as stream:
            data = stream.read(OLE_SCAN_BYTES)
    else:
        data = data[:OLE_SCAN_BYTES]
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise EncryptedDocumentError.of(e.ENCRYPTED, path)
    if "WordDocument".encode("utf-16-le") in data:
        raise LegacyWordError.of(e.LEGACY_WORD, path)
    raise LegacyWordError.of(e.LEGACY_OFFICE, path)


class SafePackage:
    """A .docx archive opened under limits; parts are looked up by name, case-insensitively as OPC says.

    ``data``, when given, is the file's content already read (``path`` then only names it in messages).
    """

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS, *, data: bytes | None = None) -> None:
        self.path = Path(path)
        self.limits = limits
        self._read_total = 0
        self._data = data
        self._stream: BinaryIO = io.BytesIO(data) if data is not None else self._open_stream()
        try:
            self._zip = self._open()
        except BaseException:
            self._stream.close()
            raise
        try:
            self._members = self._check_directory()
        except BaseException:
            self.close()
            raise

    def _open_stream(self) -> BinaryIO:
        # Through the one door for reading (storage/files.py): a pipe named .docx is refused at once instead
        # of blocking the import, and the archive is read from what was checked, not from the path again.
        path = self.path
        try:
            return open_regular(path)
        except NotRegularFileError as error:
            if error.kind == "folder":
                raise NotWordDocumentError.of(e.NOT_DOCX_FOLDER, path) from error
            raise NotWordDocumentError.of(NOT_REGULAR, path) from error
        except FileNotFoundError as error:
            raise DocxImportError.of(FILE_MISSING, path) from error
        except PermissionError as error:
            raise DocxImportError.of(NO_PERMISSION, path) from error
        except OSError as error:
            raise DocxImportError.of(e.DOCX_CANNOT_READ, path, reason=str(error.strerror or error)) from error
        except ValueError as error:  # a path with a NUL character in it
            raise DocxImportError.of(e.DOCX_CANNOT_READ, path, reason=str(error)) from error

    def _open(self) -> zipfile.ZipFile:
        path = self.path
        stream = self._stream
        try:
            size = len(self._data) if self._data is not None else os.fstat(stream.fileno()).st_size
            self._size = size
            if size > self.limits.max_file_bytes:
                raise UnsafeDocumentError.of(
                    e.DOCX_TOO_LARGE, path, size=size // MB, limit=self.limits.max_file_bytes // MB
                )
            head = stream.read(16)
            stream.seek(0)
        except FileNotFoundError as error:
            raise DocxImportError.of(FILE_MISSING, path) from error
        except PermissionError as error:
            raise DocxImportError.of(NO_PERMISSION, path) from error
        except OSError as error:
            raise DocxImportError.of(e.DOCX_CANNOT_READ, path, reason=str(error.strerror or error)) from error
        sniff(path, head, self._data)
        try:
            return zipfile.ZipFile(stream)
        except zipfile.BadZipFile as error:
            raise DamagedDocumentError.of(e.NOT_READABLE_ZIP, path, reason=str(error)) from error
        except (OSError, ValueError, NotImplementedError, EOFError) as error:
            raise DamagedDocumentError.of(e.FILE_DAMAGED, path, reason=str(error)) from error

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        infos = self._zip.infolist()
        if len(infos) > limits.max_members:
            raise UnsafeDocumentError.of(e.TOO_MANY_PARTS, self.path, count=len(infos), limit=limits.max_members)
        total = 0
        file_size = self._size
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            if info.header_offset + info.compress_size > file_size:
                # Then the declared compressed size, which bounds the ratio checks, is a lie.
                raise DamagedDocumentError.of(e.PAST_THE_END, self.path, part=name)
            if info.flag_bits & 0x1:
                raise EncryptedDocumentError.of(e.ENCRYPTED_PART, self.path, part=name)
            if info.compress_type not in _COMPRESSION_METHODS:
                raise UnsafeDocumentError.of(e.COMPRESSION_METHOD, self.path, part=name, method=info.compress_type)
            if info.file_size > limits.max_member_bytes:
                raise UnsafeDocumentError.of(
                    e.PART_TOO_LARGE,
                    self.path,
                    part=name,
                    size=info.file_size // MB,
                    limit=limits.max_member_bytes // MB,
                )
            self._check_ratio(name, info.file_size, info.compress_size)
            total += info.file_size
            if total > limits.max_total_bytes:
                raise UnsafeDocumentError.of(e.ARCHIVE_TOO_LARGE, self.path, limit=limits.max_total_bytes // MB)
            members.setdefault(name.lower(), info)
        return members

    def _check_ratio(self, name: str, size: int, compressed: int) -> None:
        limits = self.limits
        if size > limits.ratio_floor_bytes and size > limits.max_ratio * max(compressed, 1):
            ratio = size / max(compressed, 1)
            raise UnsafeDocumentError.of(
                e.RATIO, self.path, part=name, ratio=f"{ratio:.0f}", limit=f"{limits.max_ratio:.0f}"
            )

    # ------------------------------------------------------------ access

    def names(self) -> list[str]:
        """Names of all parts, as the archive spells them."""
        return [info.filename for info in self._members.values()]

    def has(self, name: str) -> bool:
        """Whether a part of this name exists."""
        return name.lower() in self._members

    def read(self, name: str) -> bytes:
        """The bytes of a part, decompressed in chunks and counted against the limits."""
        info = self._members.get(name.lower())
        if info is None:
            raise DamagedDocumentError.of(e.NO_SUCH_PART, self.path, part=name)
        limits = self.limits
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > info.file_size or size > limits.max_member_bytes:
                        raise UnsafeDocumentError.of(e.BEYOND_DECLARED_SIZE, self.path, part=name)
                    self._check_ratio(name, size, info.compress_size)
                    if self._read_total > limits.max_read_bytes:
                        raise UnsafeDocumentError.of(e.READ_TOO_MUCH, self.path, limit=limits.max_read_bytes // MB)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as error:
            raise DamagedDocumentError.of(e.PART_DAMAGED, self.path, part=name, reason=str(error)) from error
        return b"".join(chunks)

    def close(self) -> None:
        """Close the archive (and the file it was read from: zipfile leaves a stream it was given open)."""
        try:
            self._zip.close()
        finally:
            self._stream.close()

    def __enter__(self) -> SafePackage:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
