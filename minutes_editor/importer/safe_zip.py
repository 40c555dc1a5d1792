"""Opening a .docx safely: recognise wrong files, refuse zip bombs, read parts within limits.

A .docx is a zip archive. Before anything is decompressed the file's first
bytes are checked (an old binary .doc or a password-protected document is an
OLE compound file, not a zip), then the archive's central directory is checked
against the limits (member count, sizes, compression ratio), and every part
read is counted again while it is decompressed, since a central directory can
lie about sizes.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from minutes_editor.importer.errors import (
    DamagedDocumentError,
    DocxImportError,
    EncryptedDocumentError,
    LegacyWordError,
    NotWordDocumentError,
    UnsafeDocumentError,
)

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


def sniff(path: Path, head: bytes) -> None:
    """Raise a clear error when the first bytes show the file is not a .docx (zip) at all."""
    if not head:
        raise NotWordDocumentError("the file is empty", path)
    if head.startswith(OLE_MAGIC):
        _refuse_ole(path)
    if head.startswith(ZIP_MAGICS):
        return
    known = {
        b"%PDF": "a PDF file",
        b"{\\rtf": "an RTF document (save it from Word as .docx)",
        b"\x1f\x8b": "a gzip archive",
        b"Rar!": "a RAR archive",
        b"7z\xbc\xaf": "a 7-Zip archive",
    }
    for magic, what in known.items():
        if head.startswith(magic):
            raise NotWordDocumentError(f"this is {what}, not a Word .docx document", path)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<html", b"<!doctype html", b"<w:")):
        kind = "a Word 2003 XML or HTML file" if b"word" in head.lower() else "an XML or HTML file"
        raise NotWordDocumentError(f"this is {kind}, not a .docx document (save it from Word as .docx)", path)
    raise NotWordDocumentError("this is not a Word .docx document (it is not a zip archive)", path)


def _refuse_ole(path: Path) -> None:
    with path.open("rb") as stream:
        data = stream.read(OLE_SCAN_BYTES)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise EncryptedDocumentError(
            "the document is protected by a password; open it in Word, remove the password "
            "(File > Info > Protect Document) and save it again",
            path,
        )
    if "WordDocument".encode("utf-16-le") in data:
        raise LegacyWordError(
            "this is an old Word 97-2003 document (.doc); open it in Word or LibreOffice and save it as .docx",
            path,
        )
    raise LegacyWordError(
        "this is an old Microsoft Office binary file (OLE), not a .docx document; save it as .docx", path
    )


class SafePackage:
    """A .docx archive opened under limits; parts are looked up by name, case-insensitively as OPC says."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        self._read_total = 0
        self._zip = self._open()
        try:
            self._members = self._check_directory()
        except BaseException:
            self._zip.close()
            raise

    def _open(self) -> zipfile.ZipFile:
        path = self.path
        try:
            size = path.stat().st_size
            if path.is_dir():
                raise NotWordDocumentError("this is a folder, not a .docx document", path)
            if size > self.limits.max_file_bytes:
                raise UnsafeDocumentError(
                    f"the file is {size // MB} MB, larger than the {self.limits.max_file_bytes // MB} MB "
                    "a report can be",
                    path,
                )
            with path.open("rb") as stream:
                head = stream.read(16)
        except FileNotFoundError as error:
            raise DocxImportError("the file does not exist", path) from error
        except PermissionError as error:
            raise DocxImportError("you do not have permission to read this file", path) from error
        except OSError as error:
            raise DocxImportError(f"the file cannot be read ({error.strerror or error})", path) from error
        sniff(path, head)
        try:
            return zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise DamagedDocumentError(f"the file is damaged: not a readable zip archive ({error})", path) from error
        except (OSError, ValueError, NotImplementedError, EOFError) as error:
            raise DamagedDocumentError(f"the file is damaged: {error}", path) from error

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        infos = self._zip.infolist()
        if len(infos) > limits.max_members:
            raise UnsafeDocumentError(
                f"the archive lists {len(infos)} parts, more than the {limits.max_members} allowed", self.path
            )
        total = 0
        file_size = self.path.stat().st_size
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            if info.header_offset + info.compress_size > file_size:
                # Then the declared compressed size, which bounds the ratio checks, is a lie.
                raise DamagedDocumentError(
                    f"the archive is damaged: part {name} runs past the end of the file", self.path
                )
            if info.flag_bits & 0x1:
                raise EncryptedDocumentError(f"the archive is encrypted (part {name})", self.path)
            if info.compress_type not in _COMPRESSION_METHODS:
                raise UnsafeDocumentError(
                    f"part {name} uses a compression method Word never writes ({info.compress_type})", self.path
                )
            if info.file_size > limits.max_member_bytes:
                raise UnsafeDocumentError(
                    f"part {name} would expand to {info.file_size // MB} MB, more than the "
                    f"{limits.max_member_bytes // MB} MB allowed (a zip bomb?)",
                    self.path,
                )
            self._check_ratio(name, info.file_size, info.compress_size)
            total += info.file_size
            if total > limits.max_total_bytes:
                raise UnsafeDocumentError(
                    f"the archive would expand to more than {limits.max_total_bytes // MB} MB (a zip bomb?)",
                    self.path,
                )
            members.setdefault(name.lower(), info)
        return members

    def _check_ratio(self, name: str, size: int, compressed: int) -> None:
        limits = self.limits
        if size > limits.ratio_floor_bytes and size > limits.max_ratio * max(compressed, 1):
            ratio = size / max(compressed, 1)
            raise UnsafeDocumentError(
                f"part {name} is compressed {ratio:.0f} to 1, beyond the {limits.max_ratio:.0f} to 1 "
                "of real documents (a zip bomb?)",
                self.path,
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
            raise DamagedDocumentError(f"the document has no part {name}", self.path)
        limits = self.limits
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > info.file_size or size > limits.max_member_bytes:
                        raise UnsafeDocumentError(
                            f"part {name} expands beyond its declared size (a zip bomb?)", self.path
                        )
                    self._check_ratio(name, size, info.compress_size)
                    if self._read_total > limits.max_read_bytes:
                        raise UnsafeDocumentError(
                            f"the document expands to more than {limits.max_read_bytes // MB} MB of text (a zip bomb?)",
                            self.path,
                        )
                    chunks.append(chunk)
        except zipfile.BadZipFile as error:
            raise DamagedDocumentError(f"part {name} is damaged ({error})", self.path) from error
        except (OSError, EOFError, ValueError, NotImplementedError, zlib.error) as error:
            raise DamagedDocumentError(f"part {name} is damaged ({error})", self.path) from error
        return b"".join(chunks)

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()

    def __enter__(self) -> SafePackage:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
