"""Validate WordprocessingML parts against the ECMA-376 schemas in ../shared/ooxml-xsd.

``wml.xsd`` imports the ``xml:`` namespace without a schema location, so the
schemas are copied to a temporary folder beside a small local schema for that
namespace, and the import is pointed at it; nothing is fetched from the
network. Parts saved by Word carry Markup Compatibility extensions, which a
reader must process before interpreting a part (ECMA-376 Part 3): ignorable
namespaces are dropped and ``mc:AlternateContent`` is resolved to its
Fallback before validating.

Usage::

    schema = wml_schema()          # None when the schema folder is absent
    errors = validate_part(xml_bytes, schema)
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
from pathlib import Path

from lxml import etree

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_XML_STUB = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{XML_NS}" xml:lang="en">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>
"""

_XML_IMPORT = re.compile(r'<xsd?:import\s+(?:id="xml"\s+)?namespace="http://www\.w3\.org/XML/1998/namespace"\s*/>')


def schema_folder() -> Path:
    """Where the OOXML schemas are: $OOXML_XSD, else ../shared/ooxml-xsd beside the checkout."""
    configured = os.environ.get("OOXML_XSD")
    if configured:
        return Path(configured)
    checkout = Path(__file__).resolve().parents[2]
    return checkout.parent / "shared" / "ooxml-xsd"


def missing_reason() -> str | None:
    """Why schema validation cannot run here, or None when it can."""
    folder = schema_folder()
    if not (folder / "wml.xsd").is_file():
        return f"OOXML schemas not found at {folder} (set OOXML_XSD to the folder holding wml.xsd)"
    return None


@functools.cache
def wml_schema() -> etree.XMLSchema | None:
    """The WordprocessingML schema, loaded once; None when the schema folder is absent."""
    if missing_reason():
        return None
    workdir = Path(tempfile.mkdtemp(prefix="ooxml-xsd-"))
    for source in schema_folder().glob("*.xsd"):
        text = source.read_text(encoding="utf-8")
        text = _XML_IMPORT.sub(
            lambda match: match.group(0).replace("/>", ' schemaLocation="xml.xsd"/>'),
            text,
        )
        (workdir / source.name).write_text(text, encoding="utf-8")
    (workdir / "xml.xsd").write_text(_XML_STUB, encoding="utf-8")
    parser = etree.XMLParser(no_network=True)
    try:
        return etree.XMLSchema(etree.parse(str(workdir / "wml.xsd"), parser))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def resolve_markup_compatibility(root: etree._Element) -> etree._Element:
    """A copy of ``root`` with ignorable namespaces dropped and AlternateContent resolved to its Fallback."""
    root = etree.fromstring(etree.tostring(root))
    ignorable: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        prefixes = element.get(f"{{{MC_NS}}}Ignorable")
        if prefixes:
            ignorable.update(element.nsmap[prefix] for prefix in prefixes.split() if prefix in element.nsmap)
    for alternate in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        parent = alternate.getparent()
        if parent is None:
            continue
        fallback = alternate.find(f"{{{MC_NS}}}Fallback")
        position = parent.index(alternate)
        if fallback is not None:
            for offset, item in enumerate(list(fallback)):
                parent.insert(position + offset, item)
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        namespace = etree.QName(element).namespace
        if namespace in ignorable:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in list(element.attrib):
            attr_ns = etree.QName(name).namespace
            if attr_ns in ignorable or attr_ns == MC_NS:
                del element.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def validate_part(xml: bytes | etree._Element, schema: etree.XMLSchema) -> list[str]:
    """Schema errors of one part (empty when valid), each as "line N: message"."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    root = resolve_markup_compatibility(root)
    if schema.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
