"""The one relationship reader, the one style lookup and the one door of every .docx (minutes_editor.ooxml)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from minutes_editor.export.package import Package, PackageError
from minutes_editor.ooxml.errors import NotWordDocumentError, UnsafeDocumentError
from minutes_editor.ooxml.opc import RT_HYPERLINK, RT_STYLES, read_relationships, safe_part_name
from minutes_editor.ooxml.safe_zip import Limits
from minutes_editor.ooxml.vocabulary import find_style, style_name

PR = "http://schemas.openxmlformats.org/package/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_relationships_resolve_against_the_source_part() -> None:
    root = etree.fromstring(
        f'<Relationships xmlns="{PR}">'
        f'<Relationship Id="rId1" Type="{RT_STYLES}" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{RT_STYLES}" Target="/word/media/../theme/theme1.xml#x"/>'
        f'<Relationship Id="rId3" Type="{RT_HYPERLINK}" Target="https://example.org/a#b" TargetMode="external"/>'
        f'<Relationship Id="rId4" Type="{RT_STYLES}" Target="../../etc/passwd"/>'
        "<!-- not a relationship --><Other/>"
        "</Relationships>"
    )
    first, absolute, link, escape = read_relationships(root, "word/document.xml")
    assert (first.r_id, first.kind, first.target, first.external) == ("rId1", "styles", "word/styles.xml", False)
    assert absolute.target == "word/theme/theme1.xml"
    assert (link.target, link.external, link.kind) == ("https://example.org/a#b", True, "hyperlink")
    assert escape.target == "../etc/passwd"
    assert escape.written == "../../etc/passwd"
    assert not safe_part_name(escape.target)
    assert [rel.target for rel in read_relationships(root, "")][:1] == ["styles.xml"]


def test_styles_are_found_by_name_whatever_the_case_and_spacing() -> None:
    root = etree.fromstring(
        f'<w:styles xmlns:w="{W}">'
        '<w:style w:type="character" w:styleId="C"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H"><w:name w:val="Heading  1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"/>'
        "</w:styles>"
    )
    found = find_style(root, "heading 1")
    assert found is not None
    assert found.get(f"{{{W}}}styleId") == "H"
    assert style_name(found) == "Heading  1"
    nameless = find_style(root, "title")
    assert nameless is not None
    assert style_name(nameless) == "Title"
    assert find_style(root, "heading 1", "table") is None


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_the_writer_package_opens_a_docx_through_the_safe_reader() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<x/>"})
    assert Package.from_bytes(data).names() == ["[Content_Types].xml", "word/document.xml"]
    with pytest.raises(UnsafeDocumentError):
        Package.from_bytes(data, Limits(max_members=1))
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (4 * 1024 * 1024)})
    with pytest.raises(UnsafeDocumentError):
        Package.from_bytes(bomb)
    with pytest.raises(NotWordDocumentError):
        Package.from_bytes(b"%PDF-1.7")


def test_the_writer_package_refuses_a_part_that_declares_entities() -> None:
    laughs = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><x>&a;&a;</x>'
    package = Package.from_bytes(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": laughs}))
    with pytest.raises(PackageError, match="DTD"):
        package.xml("word/document.xml")
