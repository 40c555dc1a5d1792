"""A .docx file as an Open Packaging Convention package: parts, content types and relationships.

The writer needs to edit a handful of XML parts of a template and add a few,
and to write the result with the same bytes every time; python-docx's
package layer re-serialises every part and stamps the zip with the current
time, so this small layer works on the zip directly. Parts are kept as bytes
and parsed on first use; only parsed parts are serialised again. A .docx is
read only through the safe package reader (``minutes_editor.ooxml.safe_zip``,
its size, ratio and member limits) and relationships through the one reader of
``minutes_editor.ooxml.opc``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from minutes_editor.ooxml.ns import NS
from minutes_editor.ooxml.opc import (
    CONTENT_TYPES,
    MAIN_DOCUMENT_TYPES,
    PACKAGE_RELS,
    RT_OFFICE_DOCUMENT,
    Relationship,
    read_relationships,
    rels_name,
)
from minutes_editor.ooxml.safe_xml import declares_dtd
from minutes_editor.ooxml.safe_zip import DEFAULT_LIMITS, Limits, SafePackage

CT_NS = NS["ct"]
REL_NS = NS["pr"]

#: 1980-01-01, the earliest zip timestamp: every member gets it so equal content gives equal bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_PARSER = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True, huge_tree=True)


class PackageError(ValueError):
    """A file is not a usable Word document; the message says why, for a person."""


def serialize(root: etree._Element) -> bytes:
    """XML bytes of a part, with the standalone declaration Word writes."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class Package:
    """The parts of a .docx (zip member names without a leading slash) with their types and relationships."""

    def __init__(self, members: dict[str, bytes]) -> None:
        self._order: list[str] = list(members)
        self._blobs: dict[str, bytes] = dict(members)
        self._trees: dict[str, etree._Element] = {}
        if CONTENT_TYPES not in self._blobs:
            raise PackageError("it has no [Content_Types].xml, so it is not a Word document")

    @classmethod
    def from_archive(cls, archive: SafePackage) -> Package:
        """Every part of a .docx opened through the safe package reader (its limits hold while reading)."""
        return cls({name: archive.read(name) for name in archive.names() if not name.endswith("/")})

    @classmethod
    def from_bytes(cls, data: bytes, limits: Limits = DEFAULT_LIMITS, *, path: Path | None = None) -> Package:
        """Read a package from the bytes of a .docx file, under ``limits`` (``path`` names it in messages).

        Raises the importer's errors (``minutes_editor.ooxml.errors``) for a file that is not a safe .docx.
        """
        with SafePackage(path or Path("package.docx"), limits, data=data) as archive:
            return cls.from_archive(archive)

    @classmethod
    def from_file(cls, path: Path, limits: Limits = DEFAULT_LIMITS) -> Package:
        """Read a package from a .docx file, through the door every .docx is opened by (``ooxml.safe_zip``)."""
        with SafePackage(Path(path), limits) as archive:
            return cls.from_archive(archive)

    # Parts

    def names(self) -> list[str]:
        """Part names in the order they will be written."""
        return list(self._order)

    def has(self, name: str) -> bool:
        """Whether the package has a part of this name."""
        return name in self._blobs

    def blob(self, name: str) -> bytes:
        """Current bytes of a part."""
        if name in self._trees:
            return serialize(self._trees[name])
        return self._blobs[name]

    def xml(self, name: str) -> etree._Element:
        """The parsed root of an XML part; edits to it are written on save."""
        tree = self._trees.get(name)
        if tree is None:
            try:
                data = self._blobs[name]
            except KeyError as error:
                raise PackageError(f"the part {name} is missing") from error
            if declares_dtd(data):
                raise PackageError(f"the part {name} declares a DTD or an entity, which no Word part does")
            try:
                tree = etree.fromstring(data, _PARSER)
            except etree.XMLSyntaxError as error:
                raise PackageError(f"the part {name} is not well-formed XML: {error}") from error
            self._trees[name] = tree
        return tree

    def put_xml(self, name: str, root: etree._Element, content_type: str | None = None) -> None:
        """Add or replace an XML part, registering its content type when given."""
        if name not in self._blobs:
            self._order.append(name)
        self._blobs[name] = b""
        self._trees[name] = root
        if content_type:
            self.set_override(name, content_type)

    def unused_name(self, pattern: str) -> str:
        """The first part name ``pattern.format(n)`` (n = 1, 2, ...) that is not taken."""
        number = 1
        while pattern.format(number) in self._blobs:
            number += 1
        return pattern.format(number)

    # Content types

    def content_type(self, name: str) -> str | None:
        """Content type of a part, from its override or its extension's default."""
        types = self.xml(CONTENT_TYPES)
        for override in types.iterfind(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                return override.get("ContentType")
        extension = name.rsplit(".", 1)[-1].lower()
        for default in types.iterfind(f"{{{CT_NS}}}Default"):
            if default.get("Extension", "").lower() == extension:
                return default.get("ContentType")
        return None

    def set_override(self, name: str, content_type: str) -> None:
        """Declare the content type of one part."""
        types = self.xml(CONTENT_TYPES)
        for override in types.iterfind(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                override.set("ContentType", content_type)
                return
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type)

    # Relationships

    def relationships(self, source: str) -> list[Relationship]:
        """Relationships from ``source`` ("" for the package), targets resolved to part names."""
        name = PACKAGE_RELS if not source else rels_name(source)
        if name not in self._blobs:
            return []
        return read_relationships(self.xml(name), source)

    def related(self, source: str, rel_type: str) -> str | None:
        """Part name of the first internal target of ``rel_type`` from ``source``, or None."""
        for rel in self.relationships(source):
            if rel.rel_type == rel_type and not rel.external:
                return rel.target
        return None

    def relate(self, source: str, rel_type: str, target: str) -> str:
        """Add a relationship from ``source`` to part ``target`` and return its new id."""
        name = PACKAGE_RELS if not source else rels_name(source)
        if name not in self._blobs:
            self.put_xml(name, etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS}))  # type: ignore[dict-item]
        root = self.xml(name)
        taken = {rel.get("Id") for rel in root}
        number = 1
        while f"rId{number}" in taken:
            number += 1
        r_id = f"rId{number}"
        relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=r_id, Type=rel_type, Target=relative)
        return r_id

    def main_document(self) -> str:
        """Part name of the main document, checked to be a WordprocessingML document or template."""
        name = self.related("", RT_OFFICE_DOCUMENT)
        if name is None or name not in self._blobs:
            raise PackageError("it has no main document part, so it is not a Word document")
        if self.content_type(name) not in MAIN_DOCUMENT_TYPES:
            raise PackageError(f"its main part is {self.content_type(name)}, not a Word document")
        return name

    # Saving

    def to_bytes(self) -> bytes:
        """The package as .docx bytes: content types first, fixed timestamps, the same bytes for the same parts."""
        first = [CONTENT_TYPES, PACKAGE_RELS]
        order = [name for name in first if name in self._blobs] + [name for name in self._order if name not in first]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                archive.writestr(info, self.blob(name), compresslevel=6)
        return buffer.getvalue()
