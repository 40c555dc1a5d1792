"""Parsing the XML parts of a .docx with entities, DTDs and the network turned off.

Word never writes a DOCTYPE, so any part that has one is refused outright:
that closes entity expansion ("billion laughs") and external entities (XXE)
before libxml2 sees them, and the parser itself is configured not to resolve
entities, load DTDs, reach the network or lift its size limits in any case.
ISO 29500 Strict parts are read by mapping their namespaces to the
transitional ones, which is what every other part of the importer expects.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from minutes_editor.ooxml import errors as e
from minutes_editor.ooxml.errors import DamagedDocumentError, UnsafeDocumentError

#: Strict (ISO 29500) namespaces and their transitional twins, as bytes for a cheap rewrite.
_STRICT_NAMESPACES = (
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
)
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def declares_dtd(data: bytes) -> bool:
    """Whether an XML part's bytes declare a DTD or an entity (which no part Word writes does)."""
    return any(marker in data for marker in _DTD_MARKERS)


def parse_part(data: bytes, name: str, path: Path | None = None) -> etree._Element:
    """Parse one part's bytes into an element tree, or raise a clear error."""
    if declares_dtd(data):
        raise UnsafeDocumentError.of(e.DTD, path, part=name)
    if b"purl.oclc.org/ooxml" in data:
        for strict, transitional in _STRICT_NAMESPACES:
            data = data.replace(strict, transitional)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        message = str(error)
        if "XML_PARSE_HUGE" in message or "Huge input lookup" in message:
            raise UnsafeDocumentError.of(e.XML_TOO_DEEP, path, part=name) from error
        if "amplification" in message or "entity reference loop" in message.lower():
            # libxml2's own guard against entity expansion, reached before our DTD check could look.
            raise UnsafeDocumentError.of(e.DTD_EXPANSION, path, part=name) from error
        raise DamagedDocumentError.of(e.XML_DAMAGED, path, part=name, reason=message) from error
    except ValueError as error:  # e.g. an encoding lxml does not know
        raise DamagedDocumentError.of(e.XML_DAMAGED, path, part=name, reason=str(error)) from error
    docinfo = root.getroottree().docinfo
    doctype = getattr(docinfo, "doctype", "")  # missing from lxml-stubs
    if doctype or docinfo.internalDTD is not None:
        # A DTD in an encoding the byte check cannot see (UTF-16): still refused.
        raise UnsafeDocumentError.of(e.DTD_FOUND, path, part=name)
    return root
