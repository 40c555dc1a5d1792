"""The parts of a Word package: finding the main document and the parts it points at.

The main document is found through the package relationships (``_rels/.rels``),
not assumed to be ``word/document.xml``: Word and other tools may put it
elsewhere. Its own relationships name the styles, numbering, footnotes,
endnotes and comments parts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from minutes_editor.ooxml import errors as e
from minutes_editor.ooxml.errors import DamagedDocumentError, NotWordDocumentError
from minutes_editor.ooxml.ns import qn
from minutes_editor.ooxml.opc import (
    PACKAGE_RELS,
    RT_CORE_PROPERTIES,
    RT_OFFICE_DOCUMENT,
    Relationship,
    read_relationships,
    rel_kind,
    rels_name,
)
from minutes_editor.ooxml.safe_xml import parse_part
from minutes_editor.ooxml.safe_zip import SafePackage
from minutes_editor.phrases import Phrase

#: Relationship types are matched by their last path segment (rel_kind), so transitional and strict both match.
OFFICE_DOCUMENT = rel_kind(RT_OFFICE_DOCUMENT)
CORE_PROPERTIES = rel_kind(RT_CORE_PROPERTIES)
_TITLE, _LANGUAGE, _CREATOR = qn("dc:title"), qn("dc:language"), qn("dc:creator")
_CREATED, _MODIFIED = qn("dcterms:created"), qn("dcterms:modified")


@dataclass
class CoreProperties:
    """The document properties a report keeps: title, language, author, dates."""

    title: str = ""
    language: str = ""
    author: str = ""
    created: dt.datetime | None = None
    modified: dt.datetime | None = None


@dataclass
class WordPackage:
    """A .docx opened safely, with its main document part located."""

    archive: SafePackage
    main_part: str
    #: The main document's relationships by id (compare ``kind``, the type's last segment: Strict matches too).
    relationships: dict[str, Relationship] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        """The .docx file."""
        return self.archive.path

    def parse(self, name: str) -> etree._Element:
        """Parse a part of the package."""
        return parse_part(self.archive.read(name), name, self.path)

    def related_part(self, kind: str) -> str | None:
        """Name of the first internal part the main document relates to with this type, if present."""
        for relationship in self.relationships.values():
            if relationship.kind == kind and not relationship.external and self.archive.has(relationship.target):
                return relationship.target
        return None

    def parse_related(self, kind: str) -> etree._Element | None:
        """Parse the related part of this type, or None when the document has none."""
        name = self.related_part(kind)
        return self.parse(name) if name else None


def open_package(archive: SafePackage) -> WordPackage:
    """Locate the main document of an opened archive, or say what the archive is instead."""
    main = None
    for relationship in _relationships(archive, "").values():
        if relationship.kind == OFFICE_DOCUMENT and not relationship.external:
            main = relationship.target
            break
    if main is None and archive.has("word/document.xml"):
        main = "word/document.xml"
    if main is None or not archive.has(main):
        raise NotWordDocumentError(_what_else(archive), archive.path)
    return WordPackage(archive, main, _relationships(archive, main))


def _what_else(archive: SafePackage) -> Phrase:
    if archive.has("mimetype"):
        kind = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        if "opendocument.text" in kind:
            return Phrase(e.OPENDOCUMENT_TEXT)
        return Phrase.of(e.OPENDOCUMENT, kind=kind)
    if archive.has("xl/workbook.xml"):
        return Phrase(e.EXCEL)
    if archive.has("ppt/presentation.xml"):
        return Phrase(e.POWERPOINT)
    return Phrase(e.NO_MAIN_PART)


def _relationships(archive: SafePackage, source: str) -> dict[str, Relationship]:
    """The relationships of ``source`` ("" for the package) by id; a damaged document if one leaves the package."""
    name = PACKAGE_RELS if not source else rels_name(source)
    if not archive.has(name):
        return {}
    relationships = read_relationships(archive_parse(archive, name), source)
    for relationship in relationships:
        if not relationship.external and (relationship.target == ".." or relationship.target.startswith("../")):
            raise DamagedDocumentError.of(e.OUTSIDE_PACKAGE, target=relationship.written.split("#", 1)[0])
    return {relationship.r_id: relationship for relationship in relationships}


def read_core_properties(archive: SafePackage) -> CoreProperties:
    """Title, language, author and dates from docProps/core.xml, when present and readable."""
    name = None
    for relationship in _relationships(archive, "").values():
        if relationship.kind == CORE_PROPERTIES and not relationship.external:
            name = relationship.target
    if name is None or not archive.has(name):
        return CoreProperties()
    root = archive_parse(archive, name)

    def text(tag: str) -> str:
        element = root.find(tag)
        return (element.text or "") if element is not None else ""

    return CoreProperties(
        title=text(_TITLE),
        language=text(_LANGUAGE).strip(),
        author=text(_CREATOR),
        created=_w3cdtf(text(_CREATED).strip()),
        modified=_w3cdtf(text(_MODIFIED).strip()),
    )


def archive_parse(archive: SafePackage, name: str) -> etree._Element:
    """Parse a part straight from the archive."""
    return parse_part(archive.read(name), name, archive.path)


def _w3cdtf(value: str) -> dt.datetime | None:
    if not value:
        return None
    # Years before 1000 are sometimes written without their leading zeros ("999-01-01T00:00:00Z").
    year, _, rest = value.partition("-")
    if year.isdigit() and len(year) < 4:
        value = f"{year.zfill(4)}-{rest}"
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


_APPLICATION = qn("ep:Application")


def read_application(archive: SafePackage) -> str:
    """The name of the application that saved the package (docProps/app.xml), "" when absent or unreadable."""
    try:
        for relationship in _relationships(archive, "").values():
            if relationship.kind == "extended-properties" and not relationship.external:
                if not archive.has(relationship.target):
                    return ""
                element = archive_parse(archive, relationship.target).find(_APPLICATION)
                return (element.text or "").strip() if element is not None else ""
    except DamagedDocumentError:
        return ""  # which program wrote the file is a hint, never a reason to refuse it
    return ""
